"""One view per screen: everything that screen shows, loaded from the store with the rules
applied, and the writes that need a rule first. Pages call these; nothing here draws."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from . import charts
from .assessment import assess
from .content import (
    ENTRY_KINDS,
    INITIATOR_BY_KEY,
    RESPONSE_BY_KEY,
    YOUR_STAGE_BY_KEY,
    ReactanceStage,
    ReconnectionStage,
)
from .progress import (
    MAX_BARS,
    choose_bucket,
    next_step,
    time_in_their_stages,
    time_in_your_stages,
    with_their_stage,
    with_their_stages,
)
from .records import (
    CheckIn,
    Contact,
    ContactCount,
    DiagnosticAnswers,
    DiagnosticRun,
    OpennessPoint,
    StagePoint,
    Verdict,
    VerdictPoint,
    valid_answers,
    valid_moment,
)
from .stages import reactance_stage, stage_from_signs
from .store import Store

# --- Home ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Home:
    """Home at a glance: where am I, where are they, what next."""

    counts: dict[str, int]
    latest: CheckIn | None
    your_stage: ReconnectionStage | None
    their_gut: ReactanceStage | None
    their_evidence: ReactanceStage | None
    diagnostic: DiagnosticRun | None
    last_contact: date | None
    days_since_contact: int | None
    next_step: str
    next_page: str  # one of "diagnostic", "checkin", "safety", "journey"

    @property
    def is_empty(self) -> bool:
        return not any(self.counts.values())


def home(store: Store, today: date) -> Home:
    """The home screen's answers, read with a handful of small queries."""
    latest = _first(store.checkins(limit=1))
    diagnostic = _first(store.diagnostic_runs(limit=1))
    last_contact = store.last_contact_day()
    your_stage = YOUR_STAGE_BY_KEY.get(latest.your_stage) if latest else None
    step, page = next_step(diagnostic, latest, your_stage)
    return Home(
        counts=store.counts(),
        latest=latest,
        your_stage=your_stage,
        their_gut=reactance_stage(latest.openness) if latest else None,
        their_evidence=stage_from_signs(latest.signs) if latest else None,
        diagnostic=diagnostic,
        last_contact=last_contact,
        days_since_contact=(today - last_contact).days if last_contact else None,
        next_step=step,
        next_page=page,
    )


# --- Diagnostic ----------------------------------------------------------------------------------


def diagnostic_runs(store: Store) -> list[DiagnosticRun]:
    """Every run, newest first: the latest verdict and the earlier ones to compare with."""
    return store.diagnostic_runs()


def record_diagnostic(store: Store, answers: DiagnosticAnswers, at: datetime | None = None) -> DiagnosticRun:
    """Assess one run's answers and save the run with its verdict."""
    answers = valid_answers(answers)
    at = valid_moment(at, "The diagnostic time", datetime.now())
    return store.add_diagnostic(DiagnosticRun(uuid.uuid4().hex, at, answers, assess(answers)))


# --- Stage check-in ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckInScreen:
    latest: CheckIn | None  # the form starts from it
    recent: list[CheckIn]  # newest first


def check_in(store: Store, shown: int = 5) -> CheckInScreen:
    recent = store.checkins(limit=shown)
    return CheckInScreen(_first(recent), recent)


# --- Contact log ---------------------------------------------------------------------------------

CONTACTS_PER_PAGE = 10


@dataclass(frozen=True)
class ContactLog:
    last: date | None
    days_since: int | None
    total: int
    page: int  # 0 is the newest
    pages: int
    shown: list[Contact]  # this page, newest first


def contact_log(store: Store, page: int, today: date) -> ContactLog:
    last = store.last_contact_day()
    total = store.counts()["contact"]
    pages = max(1, -(-total // CONTACTS_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    shown = store.contacts(CONTACTS_PER_PAGE, page * CONTACTS_PER_PAGE) if total else []
    return ContactLog(last, (today - last).days if last else None, total, page, pages, shown)


# --- Progress ------------------------------------------------------------------------------------

RANGES = {"Last 30 days": 30, "Last 90 days": 90, "Last year": 365, "All time": None}
CUSTOM = "Custom"
CUSTOM_DAYS = 90  # a custom range starts as the last 90 days


@dataclass(frozen=True)
class Chart:
    figure: dict
    alt: str  # what a screen reader says


@dataclass(frozen=True)
class Progress:
    first: date  # the first day with any entry (today when there is none)
    start: date
    end: date  # inclusive
    bucket: str  # the period of the line charts
    contact_bucket: str
    journey_bucket: str  # the journey map: one point per week at the finest
    openness: list[OpennessPoint]
    stages: list[StagePoint]
    journey: list[StagePoint]
    their_days: list[tuple[ReactanceStage, int]]
    your_days: list[tuple[ReconnectionStage, int]]
    contacts: list[ContactCount]
    verdicts: list[VerdictPoint]

    @property
    def is_empty(self) -> bool:
        return not (self.openness or self.contacts or self.verdicts)

    @property
    def charts(self) -> tuple[Chart, ...]:
        """The seven charts, in the order the screen shows them, each with its alternative text."""
        return (
            Chart(charts.openness_timeline(self.openness, self.bucket), "Their openness over time, with stage bands"),
            Chart(charts.your_stage_timeline(self.stages, self.bucket), "Your stage over time"),
            Chart(charts.journey_map(self.journey, self.journey_bucket), "Your stage against their openness"),
            Chart(charts.time_in_stages(self.their_days, "their"), "Days in each of their stages"),
            Chart(charts.time_in_stages(self.your_days, "your"), "Days in each of your stages"),
            Chart(charts.contacts_per_period(self.contacts, self.contact_bucket), "Contacts per period"),
            Chart(charts.verdict_timeline(self.verdicts), "Diagnostic verdicts over time"),
        )


def progress_range(first: date, choice: str, picked: tuple[date, ...] | None, today: date) -> tuple[date, date]:
    """The days a range choice covers, in order, never after today."""
    if choice == CUSTOM:
        start, end = (picked[0], picked[-1]) if picked else (max(first, today - timedelta(days=CUSTOM_DAYS)), today)
    else:
        days = RANGES.get(choice)
        start, end = (first if days is None else today - timedelta(days=days - 1)), today
    return min(start, end), min(max(start, end), today)


def progress(store: Store, choice: str, picked: tuple[date, ...] | None, today: date) -> Progress:
    """Every series the progress charts need, for the range chosen."""
    span = store.span()
    first = span[0] if span else today
    start, end = progress_range(first, choice, picked, today)
    return progress_between(store, start, end, first)


def progress_between(store: Store, start: date, end: date, first: date | None = None) -> Progress:
    """Every series the progress charts need for the days from `start` to `end`, inclusive."""
    start, end = min(start, end), max(start, end)
    stop = end + timedelta(days=1)
    bucket = choose_bucket(start, stop)
    contact_bucket = choose_bucket(start, stop, MAX_BARS)
    journey_bucket = "week" if bucket == "day" else bucket
    return Progress(
        first=first or start, start=start, end=end,
        bucket=bucket, contact_bucket=contact_bucket, journey_bucket=journey_bucket,
        openness=with_their_stage(store.openness_series(start, stop, bucket)),
        stages=with_their_stages(store.stage_series(start, stop, bucket)),
        journey=with_their_stages(store.stage_series(start, stop, journey_bucket)),
        their_days=time_in_their_stages(store.days_at("openness", start, stop)),
        your_days=time_in_your_stages(store.days_at("your_stage", start, stop)),
        contacts=store.contact_counts(start, stop, contact_bucket),
        verdicts=store.verdict_history(start, stop),
    )


# --- Your journey --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Journey:
    here: ReconnectionStage | None  # your latest stage
    there: ReactanceStage | None  # your latest sense of theirs


def journey(store: Store) -> Journey:
    latest = _first(store.checkins(limit=1))
    if latest is None:
        return Journey(None, None)
    return Journey(YOUR_STAGE_BY_KEY[latest.your_stage], reactance_stage(latest.openness))


# --- Your data -----------------------------------------------------------------------------------

DELETABLE = 50  # the newest entries of a kind offered for deletion


def deletable(store: Store, kind: str) -> dict[str, str]:
    """The newest entries of one kind, id -> how the person recognises it."""
    if kind == "checkin":
        return {c.id: f"{c.at:%d %b %Y %H:%M} · {YOUR_STAGE_BY_KEY[c.your_stage].name} · openness {c.openness}"
                for c in store.checkins(DELETABLE)}
    if kind == "diagnostic":
        return {r.id: f"{r.created_at:%d %b %Y %H:%M} · {r.assessment.verdict.label}"
                for r in store.diagnostic_runs(DELETABLE)}
    if kind == "contact":
        return {c.id: f"{c.happened_on:%d %b %Y} · {INITIATOR_BY_KEY[c.initiator].label} · "
                f"{RESPONSE_BY_KEY[c.response].label}" for c in store.contacts(DELETABLE)}
    raise KeyError(f"unknown kind {kind!r}; one of {', '.join(ENTRY_KINDS)}")


# --- Every screen ----------------------------------------------------------------------------------


def latest_verdict_is_safety_first(store: Store) -> bool:
    run = _first(store.diagnostic_runs(limit=1))
    return run is not None and run.assessment.verdict is Verdict.SAFETY_FIRST


def _first(items: list):
    return items[0] if items else None

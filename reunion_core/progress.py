"""Summaries for the home screen and the progress charts: small, bounded, and pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .assessment import DiagnosticRun, Verdict
from .content import (
    REACTANCE_STAGES,
    YOUR_STAGE_BY_KEY,
    YOUR_STAGES,
    ReactanceStage,
    ReconnectionStage,
)
from .records import CheckIn, ContactCount, DaysAt, OpennessPoint, StagePoint, VerdictPoint
from .stages import reactance_stage, stage_from_signs
from .store import Store

MAX_POINTS = 600  # per line chart, whatever the range: cost stays flat as years pile up
MAX_BARS = 120  # bars stay wide enough to see on a phone


def choose_bucket(start: date, end: date, most: int = MAX_POINTS) -> str:
    """The finest period (day, week, month) that keeps a chart under `most` points."""
    days = max((end - start).days, 1)
    if days <= most:
        return "day"
    if days / 7 <= most:
        return "week"
    return "month"


@dataclass(frozen=True)
class ProgressData:
    start: date
    end: date  # exclusive
    bucket: str
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


def load_progress(store: Store, start: date, end: date, today: date | None = None) -> ProgressData:
    """Everything the progress charts need for the days from `start` to `end`, inclusive."""
    if end < start:
        start, end = end, start
    stop = end + timedelta(days=1)
    until = min(stop, (today or date.today()) + timedelta(days=1))
    bucket = choose_bucket(start, stop)
    contact_bucket = choose_bucket(start, stop, MAX_BARS)
    journey_bucket = "week" if bucket == "day" else bucket
    return ProgressData(
        start=start,
        end=stop,
        bucket=bucket,
        contact_bucket=contact_bucket,
        journey_bucket=journey_bucket,
        openness=store.openness_series(start, stop, bucket),
        stages=store.stage_series(start, stop, bucket),
        journey=store.stage_series(start, stop, journey_bucket),
        their_days=time_in_their_stages(store.days_at("openness", start, until)),
        your_days=time_in_your_stages(store.days_at("your_stage", start, until)),
        contacts=store.contact_counts(start, stop, contact_bucket),
        verdicts=store.verdict_history(start, stop),
    )


def time_in_their_stages(days: list[DaysAt]) -> list[tuple[ReactanceStage, int]]:
    """Days per reactance stage, every stage listed, in stage order."""
    totals = {stage.key: 0 for stage in REACTANCE_STAGES}
    for row in days:
        totals[reactance_stage(int(row.value)).key] += row.days
    return [(stage, totals[stage.key]) for stage in REACTANCE_STAGES]


def time_in_your_stages(days: list[DaysAt]) -> list[tuple[ReconnectionStage, int]]:
    """Days per stage of your own, every stage listed, in stage order."""
    totals = {stage.key: 0 for stage in YOUR_STAGES}
    for row in days:
        if row.value in totals:
            totals[row.value] += row.days
    return [(stage, totals[stage.key]) for stage in YOUR_STAGES]


@dataclass(frozen=True)
class Glance:
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


def at_a_glance(store: Store, today: date | None = None) -> Glance:
    """The home screen's answers, read with a handful of small queries."""
    today = today or date.today()
    latest = store.latest_checkin()
    diagnostic = store.latest_diagnostic()
    last_contact = store.last_contact_day()
    your_stage = YOUR_STAGE_BY_KEY.get(latest.your_stage) if latest else None
    step, page = next_step(diagnostic, latest, your_stage)
    return Glance(
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


def next_step(
    diagnostic: DiagnosticRun | None, latest: CheckIn | None, your_stage: ReconnectionStage | None
) -> tuple[str, str]:
    """One suggested next step, from the safety rules first and then the stage content."""
    if diagnostic and diagnostic.assessment.verdict is Verdict.SAFETY_FIRST:
        return (
            "Your safety comes first. Please look at the help that is available: it is free "
            "and confidential.",
            "safety",
        )
    if diagnostic is None:
        return "Start with the diagnostic: six honest questions before anything else.", "diagnostic"
    if diagnostic.assessment.verdict is Verdict.TAKE_A_LONG_PAUSE:
        return (
            "Take a long pause: stay in Bubble space and put the focus on yourself for now.",
            "journey",
        )
    if latest is None or your_stage is None:
        return "Do your first check-in: where are you, and how open do they seem?", "checkin"
    return your_stage.next_step, "checkin"


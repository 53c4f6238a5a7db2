"""Typed records that go in and out of the store, and the checks that keep bad input out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, timezone
from enum import Enum
from types import MappingProxyType

from .content import (
    CHANNEL_BY_KEY,
    INITIATOR_BY_KEY,
    MAX_TEXT,
    MOODS,
    PAUSE_BY_KEY,
    QUESTION_BY_KEY,
    RED_FLAG_BY_KEY,
    RESPONSE_BY_KEY,
    SAFETY_BY_KEY,
    SAFETY_PLAN_FIELDS,
    SIGN_BY_KEY,
    TOOL_LABELS,
    URGE_CHOSE,
    URGE_READY,
    VERDICT_WORDS,
    YOUR_STAGE_BY_KEY,
    ReactanceStage,
)
from .errors import ValidationError

EARLIEST = date(1900, 1, 1)
KINDS = ("checkin", "contact", "diagnostic")
SAFETY_EVENTS = ("lifted", "on")  # the person turned safety mode off, or on
# The person's other choices about their path, each recorded with its date:
PATH_CHOICES = (
    "they_reopened",  # they themselves reopened contact after asking for none: the boundary is lifted
    "boundary_mistake",  # the person recorded a request for no contact by mistake: lifted, honestly
    "boundary",  # their request for no contact stands (kept on when an import would lift it)
    "moving_on",  # I've decided to move on
    "reconnecting",  # I'm reconsidering: back to the reconnection path
    "ready",  # I'm ready by a stage's measure ("ready when"); detail: that stage's key
    "they_healed",  # as far as I can tell, they have been through their own healing
    "no_contact_since",  # my no-contact time began on a day; detail: YYYY-MM-DD
    "no_contact_days",  # the minimum no contact I want before reaching out; detail: days
)
ROLLING_PERIODS = 7  # the openness chart's rolling mean covers this many periods


@dataclass(frozen=True)
class CheckIn:
    """One stage check-in: how open they seem, what you saw, where you are, how you feel."""

    openness: int | None  # None, with your_stage None: a check-in about you only (safety mode)
    your_stage: str | None
    mood: int  # 1..5, see content.MOODS
    signs: tuple[str, ...] = ()
    note: str = ""
    at: datetime | None = None  # set by the store when None
    id: str | None = None


@dataclass(frozen=True)
class Contact:
    """One contact with your ex."""

    happened_on: date
    initiator: str
    channel: str
    response: str
    feeling: int  # 1..5, how you felt after
    note: str = ""
    id: str | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class DiagnosticAnswers:
    """Everything a person said in one diagnostic run."""

    answers: Mapping[str, str] = field(default_factory=dict)  # question key -> choice key
    reflections: Mapping[str, str] = field(default_factory=dict)  # question key -> free text
    pause_signs: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    safety: tuple[str, ...] = ()  # safety questions answered "yes"


class Verdict(Enum):
    """Ordered from most to least cautious; the most cautious reason found wins."""

    SAFETY_FIRST = "safety_first"
    RESPECT_THEIR_ANSWER = "respect_their_answer"
    TAKE_A_LONG_PAUSE = "take_a_long_pause"
    NOT_YET = "not_yet"
    PROCEED_WITH_CARE = "proceed_with_care"

    @property
    def label(self) -> str:
        return VERDICT_WORDS[self.value][0]

    @property
    def explanation(self) -> str:
        return VERDICT_WORDS[self.value][1]

    @property
    def level(self) -> int:
        """0 is the most cautious; used to order and to chart verdicts."""
        return list(Verdict).index(self)


@dataclass(frozen=True)
class Reason:
    """One reason for the verdict, citing the answer that produced it."""

    verdict: Verdict
    source: str  # "safety:<key>", "pause:<key>", "red_flag:<key>" or "question:<key>"
    answer: str  # the words the person chose or ticked
    explanation: str


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict
    reasons: tuple[Reason, ...]  # those behind the verdict first, then other cautions

    @property
    def deciding_reasons(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.verdict is self.verdict)


@dataclass(frozen=True)
class DiagnosticRun:
    """One saved diagnostic: what was answered, and the verdict given at the time."""

    id: str
    created_at: datetime
    answers: DiagnosticAnswers
    assessment: Assessment


@dataclass(frozen=True)
class SafetyEvent:
    """A deliberate choice about safety mode, with its date: kept, exported, never inferred."""

    kind: str  # one of SAFETY_EVENTS
    at: datetime | None = None  # set by the store when None
    id: str | None = None


@dataclass(frozen=True)
class PathChoice:
    """A deliberate choice about the path (see PATH_CHOICES), with its date: kept, exported, never inferred."""

    kind: str
    detail: str = ""
    at: datetime | None = None  # set by the store when None
    id: str | None = None


@dataclass(frozen=True)
class SafetyPlan:
    """A private safety plan: each field is free text the person wrote (see content.SAFETY_PLAN_FIELDS)."""

    people: str = ""
    code_word: str = ""
    safe_places: str = ""
    to_take: str = ""
    numbers: str = ""
    updated_at: datetime | None = None

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, key).strip() for key, _, _ in SAFETY_PLAN_FIELDS)


def check_text(value: object, what: str, *, required: bool = False) -> str:
    """Text that can be stored as typed: a string, at most MAX_TEXT characters, valid Unicode."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be text.")
    if required and not value.strip():
        raise ValidationError(f"{what} can't be empty.")
    if len(value) > MAX_TEXT:
        raise ValidationError(
            f"{what} is {len(value):,} characters; the limit is {MAX_TEXT:,}. "
            "Shorten it, or split it over two entries."
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(f"{what} contains characters that can't be saved.") from None
    if "\x00" in value:
        raise ValidationError(f"{what} contains a NUL character, which can't be saved.")
    return value


def _check_int(value: object, what: str, low: int, high: int) -> int:
    if value is None:
        raise ValidationError(f"{what} is required.")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{what} must be a whole number from {low} to {high}.")
    if not low <= value <= high:
        raise ValidationError(f"{what} must be from {low} to {high}; {value} is out of range.")
    return value


def _check_key(value: object, known: Mapping, what: str) -> str:
    if value is None or value == "":
        raise ValidationError(f"Choose {what}.")
    if not isinstance(value, str) or value not in known:
        raise ValidationError(f"Unknown {what}: {value!r}.")
    return value


def _check_keys(values: Iterable[str] | None, known: Mapping, what: str) -> tuple[str, ...]:
    if values is None:
        return ()
    if not isinstance(values, list | tuple | set | frozenset):
        raise ValidationError(f"Each {what} must come in a list.")
    out = []
    for value in values:
        _check_key(value, known, what)
        if value not in out:
            out.append(value)
    return tuple(out)


# A time is kept as the wall-clock time where it happened plus that place's offset from UTC, so the
# same instant sorts the same after a move west or east. Days (charts, "today") are the days as lived.
CLOCK_SLACK = timedelta(hours=26)  # a date a person enters may be a day ahead of this zone's date
# A time the app itself noted (when a check-in was saved) may look ahead after the clock was put back:
# that never blocks editing an entry or re-importing one's own export. A year ahead is a wrong clock.
SAVED_SLACK = timedelta(days=366)


def local_now() -> datetime:
    """This moment, in this machine's zone, to the second."""
    return datetime.now(UTC).astimezone().replace(microsecond=0)


def noted_after(now: datetime, newest: datetime | None) -> datetime:
    """When to write down a choice or a request made now: now, or a second after `newest` (the latest
    one it must follow) when the clock reads earlier than that, having been put back. What the person
    did last is then still read as their latest word: a safety mode turned back on stays on. (In the
    same second, now: each rule orders such ties itself, and a burst of clicks stays at now.)"""
    if newest is None or now >= newest:
        return now
    return (newest + timedelta(seconds=1)).astimezone(now.tzinfo)


def wall(moment: datetime | None) -> datetime | None:
    """The wall-clock time a stored row keeps; its offset is kept beside it (utc_offset)."""
    return moment.replace(tzinfo=None) if moment else moment


def utc_offset(moment: datetime) -> int:
    """Minutes east of UTC where `moment` was noted."""
    return int(moment.utcoffset().total_seconds() // 60)


def zoned(wall: datetime, offset: int | None) -> datetime:
    """A stored wall-clock time back with its zone (None: this machine's)."""
    if offset is None:
        return wall.astimezone()
    return wall.replace(tzinfo=timezone(timedelta(minutes=offset)))


def check_past(moment: datetime | date, what: str, now: datetime, slack: timedelta = CLOCK_SLACK) -> None:
    day = moment.date() if isinstance(moment, datetime) else moment
    if day < EARLIEST:
        raise ValidationError(f"{what} is before {EARLIEST:%Y}; check the year.")
    if isinstance(moment, datetime) and moment > now + slack:
        raise ValidationError(f"{what} is in the future ({moment:%Y-%m-%d %H:%M}).")
    if not isinstance(moment, datetime) and day > now.date() + timedelta(days=max(1, slack.days)):
        raise ValidationError(f"{what} is in the future ({day:%Y-%m-%d}).")


def valid_moment(value: object, what: str, now: datetime) -> datetime:
    """A time the app noted, with its zone (a time without one is taken as this machine's), to the
    second; None: now. Up to SAVED_SLACK ahead of `now` is accepted (a clock put back)."""
    if value is None:
        return now.replace(microsecond=0)
    if not isinstance(value, datetime):
        raise ValidationError(f"{what} must be a date and time.")
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.astimezone()  # the same wall-clock time, in this machine's zone
    check_past(value, what, now, SAVED_SLACK)
    return value.replace(microsecond=0)


def valid_checkin(checkin: CheckIn, now: datetime) -> CheckIn:
    """The check-in, normalised, or ValidationError naming the first problem."""
    at = valid_moment(checkin.at, "The check-in time", now)
    about_you_only = checkin.openness is None and checkin.your_stage is None
    return replace(
        checkin,
        openness=None if about_you_only else _check_int(checkin.openness, "Openness", 0, 100),
        your_stage=None if about_you_only else _check_key(checkin.your_stage, YOUR_STAGE_BY_KEY, "your stage"),
        mood=_check_int(checkin.mood, "Mood", 1, len(MOODS)),
        signs=_check_keys(checkin.signs, SIGN_BY_KEY, "sign"),
        note=check_text(checkin.note, "The note"),
        at=at,
    )


def valid_contact(contact: Contact, now: datetime, *, entered: bool = True) -> Contact:
    """The contact, normalised, or ValidationError naming the first problem. `entered`: its date was
    just typed (not one kept from before, or read from an export), so it is held to today."""
    day = contact.happened_on
    if day is None:
        raise ValidationError("Choose the date of the contact.")
    if isinstance(day, datetime) or not isinstance(day, date):
        raise ValidationError("The contact date must be a date.")
    check_past(day, "The contact date", now, CLOCK_SLACK if entered else SAVED_SLACK)
    return replace(
        contact,
        initiator=_check_key(contact.initiator, INITIATOR_BY_KEY, "who reached out"),
        channel=_check_key(contact.channel, CHANNEL_BY_KEY, "a channel"),
        response=_check_key(contact.response, RESPONSE_BY_KEY, "how they responded"),
        feeling=_check_int(contact.feeling, "How you felt after", 1, len(MOODS)),
        note=check_text(contact.note, "The note"),
        created_at=valid_moment(contact.created_at, "The time the contact was logged", now),
    )


def valid_answers(answers: DiagnosticAnswers) -> DiagnosticAnswers:
    """The diagnostic answers, normalised, or ValidationError naming the first problem."""
    for part in (answers.answers, answers.reflections):
        if part is not None and not isinstance(part, Mapping):
            raise ValidationError("Diagnostic answers must be given question by question.")
    chosen = {}
    for question, choice in dict(answers.answers or {}).items():
        _check_key(question, QUESTION_BY_KEY, "question")
        if choice is None:
            continue
        options = {c.key: c for c in QUESTION_BY_KEY[question].choices}
        chosen[question] = _check_key(choice, options, f"answer to {question!r}")
    reflections = {}
    for question, text in dict(answers.reflections or {}).items():
        _check_key(question, QUESTION_BY_KEY, "question")
        text = check_text(text, f"Your reflection on {QUESTION_BY_KEY[question].text!r}")
        if text.strip():
            reflections[question] = text
    return DiagnosticAnswers(
        answers=chosen,
        reflections=reflections,
        pause_signs=_check_keys(answers.pause_signs, PAUSE_BY_KEY, "pause sign"),
        red_flags=_check_keys(answers.red_flags, RED_FLAG_BY_KEY, "red flag"),
        safety=_check_keys(answers.safety, SAFETY_BY_KEY, "safety question"),
    )


def valid_event(event: SafetyEvent, now: datetime) -> SafetyEvent:
    if event.kind not in SAFETY_EVENTS:
        raise ValidationError(f"Unknown safety choice: {event.kind!r}.")
    return replace(event, at=valid_moment(event.at, "The time of a safety choice", now))


MIN_NO_CONTACT_DAYS = (0, 365)


def valid_choice(choice: PathChoice, now: datetime) -> PathChoice:
    kind, detail = choice.kind, choice.detail
    if kind not in PATH_CHOICES:
        raise ValidationError(f"Unknown choice: {kind!r}.")
    if not isinstance(detail, str) or len(detail) > 40:
        raise ValidationError("A choice's detail must be a short text.")
    if kind == "ready":
        _check_key(detail, YOUR_STAGE_BY_KEY, "stage")
    if kind == "no_contact_since":
        try:
            day = date.fromisoformat(detail)
        except ValueError:
            raise ValidationError("The day no contact began must be a date.") from None
        check_past(day, "The day no contact began", now)
    if kind == "no_contact_days":
        low, high = MIN_NO_CONTACT_DAYS
        _check_int(int(detail) if detail.isdigit() and len(detail) < 5 else detail, "The days of no contact", low, high)
    return replace(choice, at=valid_moment(choice.at, "The time of a choice", now))


def valid_plan(plan: SafetyPlan, now: datetime) -> SafetyPlan:
    fields = {key: check_text(getattr(plan, key), f"{label!r} in the safety plan") for key, label, _ in SAFETY_PLAN_FIELDS}
    return SafetyPlan(**fields, updated_at=valid_moment(plan.updated_at, "The safety plan's time", now))


def valid_exit_url(url: object) -> str:
    """Where quick exit goes: a plain https:// page elsewhere, never this machine."""
    url = check_text(url, "The quick exit page").strip()
    host = url[len("https://"):].split("/")[0].split(":")[0].lower() if url.startswith("https://") else ""
    if not host or len(url) > 300 or any(c.isspace() or c in "\"'<>`" for c in url) or "@" in host:
        raise ValidationError("The quick exit page must be a plain https:// address, such as a weather page.")
    if host in ("localhost", "127.0.0.1", "[::1]") or host.endswith(".localhost"):
        raise ValidationError("The quick exit page must be somewhere other than this computer.")
    return url


def valid_run(run: DiagnosticRun, now: datetime) -> DiagnosticRun:
    """A run to save: its id, checked answers and a time that is not in the future."""
    if not run.id:
        raise ValidationError("A diagnostic run needs its id.")
    return replace(run, answers=valid_answers(run.answers),
                   created_at=valid_moment(run.created_at, "A diagnostic run's time", now))


# --- Aggregates read back for the charts (one row per period, never per raw entry) ------------


@dataclass(frozen=True)
class OpennessPoint:
    period: date
    mean: float
    checkins: int
    rolling: float  # mean of the last ROLLING_PERIODS periods with check-ins
    stage: ReactanceStage | None = None  # of the mean; set by the rules, never by the store


@dataclass(frozen=True)
class MoodPoint:
    period: date
    mean: float  # 1..5
    checkins: int


@dataclass(frozen=True)
class StagePoint:
    """Where both of you stood in one period: your last stage, their mean openness."""

    period: date
    your_stage: str
    openness: float
    their_stage: ReactanceStage | None = None  # of the mean openness; set by the rules


@dataclass(frozen=True)
class MoodDay:
    """One day with a check-in or a contact: the day's mean mood and openness (None: no check-in, or
    none that rated them), and how many check-ins and contacts it had."""

    day: date
    mood: float | None
    openness: float | None
    checkins: int
    contacts: int


FEWEST_DAYS = 14  # no claim about mood is drawn from fewer days than this


@dataclass(frozen=True)
class MoodGroup:
    """The mean mood of a group of days, and how many days are behind it."""

    label: str  # short enough for a phone-width axis
    mean: float | None  # None: no day in the group
    days: int
    name: str = ""  # in a sentence (the label when empty)

    @property
    def said(self) -> str:
        return self.name or self.label

    @property
    def enough(self) -> bool:
        """Whether there are enough days to say anything about this group."""
        return self.days >= FEWEST_DAYS


@dataclass(frozen=True)
class DaysAt:
    """How many days were spent at one value (an openness score or one of your stages)."""

    value: str | int
    days: int


@dataclass(frozen=True)
class ContactCount:
    period: date
    initiator: str
    response: str
    count: int


@dataclass(frozen=True)
class VerdictPoint:
    at: datetime
    verdict: Verdict


# --- One JSON encoding of each record: the store's text columns and the export both use it ----


def checkin_json(c: CheckIn) -> dict:
    return {"id": c.id, "at": c.at.isoformat(), "openness": c.openness, "signs": list(c.signs),
            "your_stage": c.your_stage, "mood": c.mood, "note": c.note}


def contact_json(c: Contact) -> dict:
    return {"id": c.id, "happened_on": c.happened_on.isoformat(), "initiator": c.initiator,
            "channel": c.channel, "response": c.response, "feeling": c.feeling, "note": c.note,
            "created_at": c.created_at.isoformat()}


def answers_json(a: DiagnosticAnswers) -> dict:
    return {
        "answers": dict(a.answers),
        "reflections": dict(a.reflections),
        "pause_signs": list(a.pause_signs),
        "red_flags": list(a.red_flags),
        "safety": list(a.safety),
    }


def answers_from_json(a: Mapping) -> DiagnosticAnswers:
    return DiagnosticAnswers(
        answers=a["answers"], reflections=a["reflections"], pause_signs=tuple(a["pause_signs"]),
        red_flags=tuple(a["red_flags"]), safety=tuple(a["safety"]),
    )


def reasons_json(reasons: Iterable[Reason]) -> list[dict]:
    return [{"verdict": r.verdict.value, "source": r.source, "answer": r.answer,
             "explanation": r.explanation} for r in reasons]


def reasons_from_json(reasons: Iterable[Mapping]) -> tuple[Reason, ...]:
    return tuple(Reason(Verdict(r["verdict"]), r["source"], r["answer"], r["explanation"]) for r in reasons)


def run_json(r: DiagnosticRun) -> dict:
    return {"id": r.id, "created_at": r.created_at.isoformat(), **answers_json(r.answers),
            "verdict": r.assessment.verdict.value, "reasons": reasons_json(r.assessment.reasons)}


def run_columns(run: DiagnosticRun) -> tuple[str, str, str]:
    """A run's answers, verdict and reasons as the text the store keeps."""
    return (json.dumps(answers_json(run.answers), ensure_ascii=False), run.assessment.verdict.value,
            json.dumps(reasons_json(run.assessment.reasons), ensure_ascii=False))


def run_from_columns(id_: str, created_at: datetime, answers: str, verdict: str, reasons: str) -> DiagnosticRun:
    assessment = Assessment(Verdict(verdict), reasons_from_json(json.loads(reasons)))
    return DiagnosticRun(id_, created_at, answers_from_json(json.loads(answers)), assessment)


def event_json(e: SafetyEvent) -> dict:
    return {"id": e.id, "at": e.at.isoformat(), "kind": e.kind}


def choice_json(c: PathChoice) -> dict:
    return {"id": c.id, "at": c.at.isoformat(), "kind": c.kind, "detail": c.detail}


def plan_json(p: SafetyPlan) -> dict:
    return {**{key: getattr(p, key) for key, _, _ in SAFETY_PLAN_FIELDS}, "updated_at": p.updated_at.isoformat()}


# --- The reconnection toolkit's entries (the rules that read them: toolkit.py) ---------------------

TOOL_DATE_MINUTES = (5, 240)  # a micro-date is short: the seed's 20-minute coffee, a video call
TOOL_SHORT_TEXT = 300  # one line: a boundary's wording, a date's plan, an I-statement's part
PLAN_AHEAD = timedelta(days=366)
# Each kind of entry: its fields, and what each must be ("text", "short", "bool", "0-10", or a choice).
TOOL_KINDS: Mapping[str, Mapping[str, object]] = MappingProxyType({
    "reason": {"text": "short"},  # a reason it ended, in the person's words (beside the diagnostic's)
    "evidence": {"text": "text"},  # ref: the reason; day: when the change showed
    "boundary": {"wording": "short"},  # day: when you agreed it
    "boundary_event": {"kept": "bool", "note": "text"},  # ref: the boundary; day: when
    "draft": {"feel": "short", "when": "short", "need": "short"},
    "date": {"what": "short", "minutes": TOOL_DATE_MINUTES},  # day: when it is planned
    "debrief": {"safe": "bool", "myself": "bool", "old_pattern": "bool", "past_came_up": "bool",
                "connected": (0, 10), "note": "text"},  # ref: the date
    "urge": {"why_now": "text", "want": "text", "ready": URGE_READY},
    "urge_outcome": {"chose": URGE_CHOSE, "note": "text"},  # ref: the urge
})
# Kinds whose day may lie ahead (a date is planned); every other day is today or before.
TOOL_PLANNED = frozenset({"date"})
# What each link must point to.
TOOL_LINKS = {"evidence": "reason", "boundary_event": "boundary", "debrief": "date", "urge_outcome": "urge"}


@dataclass(frozen=True)
class ToolEntry:
    kind: str
    fields: Mapping[str, object] = field(default_factory=dict)
    day: date | None = None  # the day it is about; None: the day it was written
    ref: str = ""  # the entry (or diagnostic reason) it belongs to
    at: datetime | None = None  # when it was written; set by the store when None
    id: str | None = None


def valid_tool_entry(entry: ToolEntry, now: datetime, *, imported: bool = False) -> ToolEntry:
    """The entry, normalised, or ValidationError naming the first problem in plain words. A day typed
    now is held to today (a planned date: a year ahead); one `imported` may look ahead (a clock put back)."""
    spec = TOOL_KINDS.get(entry.kind)
    if spec is None:
        raise ValidationError(f"Unknown kind of toolkit entry: {entry.kind!r}.")
    if not isinstance(entry.fields, Mapping) or set(entry.fields) - set(spec):
        raise ValidationError("A toolkit entry has fields Take Two doesn't know.")
    values = {key: _valid_tool_field(entry.fields.get(key), rule, TOOL_LABELS.get(f"{entry.kind}.{key}", TOOL_LABELS[key]))
              for key, rule in spec.items()}
    if entry.kind == "draft" and not any(values.values()):
        raise ValidationError("Write at least one part of the sentence.")
    if entry.kind in {"reason", "evidence", "boundary", "date"} and not any(
            isinstance(v, str) and v.strip() for v in values.values()):
        key = next(iter(spec))
        raise ValidationError(f"{TOOL_LABELS.get(f'{entry.kind}.{key}', TOOL_LABELS[key])} can't be empty.")
    if not isinstance(entry.ref, str) or len(entry.ref) > 64 or (entry.kind in TOOL_LINKS) != bool(entry.ref):
        raise ValidationError("Choose what this belongs to." if entry.kind in TOOL_LINKS else
                              "This kind of toolkit entry belongs to nothing else.")
    at = valid_moment(entry.at, "The time of a toolkit entry", now)
    day = entry.day if entry.day is not None else at.date()
    if not isinstance(day, date) or isinstance(day, datetime):
        raise ValidationError("The day must be a date.")
    check_past(day, "The day", now, PLAN_AHEAD if entry.kind in TOOL_PLANNED or imported else CLOCK_SLACK)
    return replace(entry, fields=values, day=day, at=at, ref=entry.ref or "")


def tool_json(e: ToolEntry) -> dict:
    return {"id": e.id, "at": e.at.isoformat(), "kind": e.kind, "day": e.day.isoformat(), "ref": e.ref,
            "fields": dict(e.fields)}


def _valid_tool_field(value: object, rule: object, what: str) -> object:
    if rule == "bool":
        if not isinstance(value, bool):
            raise ValidationError(f"Please answer: {what}")
        return value
    if isinstance(rule, tuple):
        low, high = rule
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(f"{what} must be a whole number from {low} to {high}.")
        return value
    if isinstance(rule, Mapping):
        if value not in rule:
            raise ValidationError(f"Please answer: {what}")
        return value
    text = check_text(value, what)
    if rule == "short" and len(text) > TOOL_SHORT_TEXT:
        raise ValidationError(f"{what} is {len(text):,} characters; keep it under {TOOL_SHORT_TEXT} (one sentence).")
    return text

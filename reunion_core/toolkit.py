"""The reconnection toolkit: the seed's concrete advice as five tools, their entries and pure rules.

1. What is different now: each reason it ended, and dated evidence of change linked to it.
2. Boundaries: the ones you both agreed, and each time one was kept or broken.
3. I-statements: "I feel ___ when ___, and I need ___", held a day before it is ready to reread.
4. Micro-dates: a short, low-pressure date planned, then debriefed.
5. A pause before you reach out: an urge, ten minutes with the seed's questions, and what you chose.

Every entry is a records.ToolEntry (a kind, the day it is about, a link, its fields), checked by
records.valid_tool_entry; the store keeps them in one table. Which tools a person sees depends on their path: see `tools_for`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .content import TOOLS
from .records import ToolEntry

DRAFT_WAIT = timedelta(hours=24)  # words that wait a day before they are ready to reread
PAUSE = timedelta(minutes=10)  # the pause before reaching out
RED_FLAG_WINDOW = timedelta(days=90)  # broken boundaries and the past brought up, counted over this

# --- 1. What is different now ----------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    key: str  # the diagnostic's answer key, or a reason entry's id
    text: str
    evidence: tuple[ToolEntry, ...] = ()
    own: bool = False  # written by the person (a reason entry), not one of the diagnostic's answers


def reasons(why_ended: Iterable[tuple[str, str]], entries: Iterable[ToolEntry]) -> list[Reason]:
    """Each reason it ended (the diagnostic's answers: the latest, then earlier ones that have
    evidence, so a retake never hides what was logged; then the person's own), with its evidence of
    change, newest first. `why_ended`: each answer's key and words."""
    entries = list(entries)
    rows = [(key, text, False) for key, text in dict.fromkeys(why_ended)]
    rows += [(e.id, str(e.fields["text"]), True) for e in entries if e.kind == "reason"]
    evidence = sorted((e for e in entries if e.kind == "evidence"), key=lambda e: (e.day, e.at), reverse=True)
    return [Reason(key, text, tuple(e for e in evidence if e.ref == key), own) for key, text, own in rows]


def open_reasons(found: list[Reason]) -> int:
    """How many reasons still have no evidence of change."""
    return sum(not r.evidence for r in found)


# --- 2. Boundaries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Boundary:
    entry: ToolEntry
    kept: int
    broken: int
    broken_on: tuple[date, ...]


def boundaries(entries: Iterable[ToolEntry]) -> list[Boundary]:
    entries = list(entries)
    events = [e for e in entries if e.kind == "boundary_event"]
    out = []
    for b in (e for e in entries if e.kind == "boundary"):
        mine = [e for e in events if e.ref == b.id]
        broken = sorted(e.day for e in mine if not e.fields["kept"])
        out.append(Boundary(b, sum(bool(e.fields["kept"]) for e in mine), len(broken), tuple(broken)))
    return out


def period_of(day: date, bucket: str) -> date:
    """The first day of the day, week (Monday) or month a day falls in, as the store's charts count."""
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1) if bucket == "month" else day


def per_period(entries: Iterable[ToolEntry], kind: str, key: str, values: Iterable[object], bucket: str,
               start: date, end: date) -> list[tuple[date, dict]]:
    """Per period from `start` to `end` (inclusive), how many entries of `kind` (by their day, or for an
    outcome its urge's) had each of `values` for `key`; periods with none are left out."""
    values = list(values)
    periods: dict[date, dict] = {}
    for e in entries:
        if e.kind == kind and start <= e.day <= end and e.fields[key] in values:
            counts = periods.setdefault(period_of(e.day, bucket), dict.fromkeys(values, 0))
            counts[e.fields[key]] += 1
    return sorted(periods.items())


def debrief_points(entries: Iterable[ToolEntry], start: date, end: date) -> list[tuple[date, int, tuple[str, ...]]]:
    """Each debriefed date in the range: its day, how connected (0-10), and which of the debrief's
    questions were answered yes."""
    entries = list(entries)
    planned = {e.id: e.day for e in entries if e.kind == "date"}
    points = []
    for d in micro_dates(entries):
        if d.debrief and start <= d.plan.day <= end and d.plan.id in planned:
            yes = tuple(k for k in ("safe", "myself", "old_pattern", "past_came_up") if d.debrief.fields[k])
            points.append((d.plan.day, int(d.debrief.fields["connected"]), yes))
    return sorted(points)


@dataclass(frozen=True)
class DataFlag:
    """A red flag of the seed's, seen in what the person logged rather than ticked, with its days."""

    key: str  # content.RED_FLAGS key
    days: tuple[date, ...]


def red_flags_from_data(entries: Iterable[ToolEntry], today: date) -> list[DataFlag]:
    """Boundaries broken twice or more and more often than kept (or three times), and the past
    brought up on two dates or more, in the last 90 days: "a sign that nothing much will change", and "the hurts of the past won't heal"."""
    since = today - RED_FLAG_WINDOW
    entries = list(entries)
    recent = [e for e in entries if e.day and since <= e.day <= today]
    events = [e for e in recent if e.kind == "boundary_event"]
    broken = sorted(e.day for e in events if not e.fields["kept"])
    on_the_day = {e.id: e.day for e in entries if e.kind == "date"}  # the past came up on the date itself
    past = sorted({on_the_day.get(e.ref, e.day) for e in entries if e.kind == "debrief" and e.fields["past_came_up"]
                   and since <= on_the_day.get(e.ref, e.day) <= today})
    flags = []
    if len(broken) >= 2 and len(broken) * 2 > len(events) or len(broken) >= 3:  # one slip is not a pattern
        flags.append(DataFlag("boundaries_broken", tuple(broken)))
    if len(past) >= 2:
        flags.append(DataFlag("past_kept_alive", tuple(past)))
    return flags


# --- 3. Words that wait a day ----------------------------------------------------------------------

# What turns "I feel" into blame; each names its gentle hint in content.DRAFT_HINTS.
BLAME = (
    (r"\byou (always|never)\b", "always_never"),
    (r"\b(your fault|because of you|you made me|you make me)\b", "cause_in_them"),
    (r"\byou (should|need to|have to|must)\b", "orders"),
    (r"\bi feel (that|like) you\b", "thought_not_feeling"),
    (r"\b(selfish|lazy|crazy|pathetic|stupid|liar|narciss\w*)\b", "label"),
)


def hints(feel: str, when: str, need: str) -> list[str]:
    """Which hints steer this draft away from "you always / you never" and from blame (keys of
    content.DRAFT_HINTS, each once)."""
    text = " ".join((f"I feel {feel}", f"when {when}", f"and I need {need}")).lower()
    return [key for pattern, key in BLAME if re.search(pattern, text)]


def sentence(fields: Mapping[str, object]) -> str:
    """The draft as one sentence."""
    feel, when, need = (str(fields.get(k) or "").strip().rstrip(".") for k in ("feel", "when", "need"))
    parts = [f"I feel {feel or '___'} when {when or '___'}"]
    parts.append(f"and I need {need}" if need else "and I need ___")
    return ", ".join(parts) + "."


def ready_to_reread(draft: ToolEntry, now: datetime) -> bool:
    return now >= draft.at + DRAFT_WAIT


# --- 4. Micro-dates --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MicroDate:
    plan: ToolEntry
    debrief: ToolEntry | None  # the latest debrief, if any


def micro_dates(entries: Iterable[ToolEntry]) -> list[MicroDate]:
    """Planned dates, newest first, each with its latest debrief."""
    entries = list(entries)
    debriefs: dict[str, ToolEntry] = {}
    for e in sorted((e for e in entries if e.kind == "debrief"), key=lambda e: e.at):
        debriefs[e.ref] = e
    plans = sorted((e for e in entries if e.kind == "date"), key=lambda e: (e.day, e.at), reverse=True)
    return [MicroDate(p, debriefs.get(p.id)) for p in plans]


# --- 5. A pause before you reach out ---------------------------------------------------------------


@dataclass(frozen=True)
class Urge:
    entry: ToolEntry
    outcome: ToolEntry | None


def urges(entries: Iterable[ToolEntry]) -> list[Urge]:
    """Every urge, newest first, with what came of it (None: not recorded yet)."""
    entries = list(entries)
    outcomes = {e.ref: e for e in sorted((e for e in entries if e.kind == "urge_outcome"), key=lambda e: e.at)}
    found = sorted((e for e in entries if e.kind == "urge"), key=lambda e: e.at, reverse=True)
    return [Urge(u, outcomes.get(u.id)) for u in found]


def pause_left(urge: ToolEntry, now: datetime) -> timedelta:
    """What is left of the ten minutes: never less than none, never more than all of them (a clock
    read to the minute, or put back, can be "before" the urge)."""
    return min(max(urge.at + PAUSE - now, timedelta(0)), PAUSE)


def belonging_to(entry_id: str, entries: Iterable[ToolEntry]) -> list[str]:
    """The ids of entries that belong to this one (a boundary's events, a date's debrief, a reason's
    evidence, an urge's outcome): deleted with it."""
    return [e.id for e in entries if e.ref == entry_id]


def gist(e: ToolEntry) -> str:
    """A few words that let a person recognise an entry in a list."""
    if e.kind == "draft":
        text = sentence(e.fields)
    else:
        text = next((str(v) for k, v in e.fields.items() if k in ("text", "wording", "what", "why_now") and v), "")
    return text[:60] + ("..." if len(text) > 60 else "")


def tools_for(about_you_only: bool) -> tuple[str, ...]:
    """The tools a person sees: all five on the reconnection path; only the pause otherwise (after a
    no, during a boundary, when moving on, in safety mode), where it becomes the main one."""
    return tuple(key for key, (_, about_them) in TOOLS.items() if not (about_them and about_you_only))

"""Summaries for the home screen and the progress charts: small, bounded, and pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .content import (
    AROUND_CONTACT,
    REACTANCE_STAGES,
    YOUR_STAGES,
    ReactanceStage,
    ReconnectionStage,
)
from .records import DaysAt, MoodDay, MoodGroup, OpennessPoint, StagePoint
from .stages import reactance_stage

MAX_POINTS = 600  # per line chart, whatever the range: cost stays flat as years pile up
MAX_BARS = 120  # bars stay wide enough to see on a phone
CALENDAR_MONTHS = 12  # the mood calendar: a year of days at most


def choose_bucket(start: date, end: date, most: int = MAX_POINTS) -> str:
    """The finest period (day, week, month) that keeps a chart under `most` points."""
    days = max((end - start).days, 1)
    if days <= most:
        return "day"
    if days / 7 <= most:
        return "week"
    return "month"


def with_their_stage(points: list[OpennessPoint]) -> list[OpennessPoint]:
    """Each period's mean openness, labelled with the stage it falls in."""
    return [replace(p, stage=reactance_stage(round(p.mean))) for p in points]


def with_their_stages(points: list[StagePoint]) -> list[StagePoint]:
    """Each period's stages, theirs labelled from the mean openness."""
    return [replace(p, their_stage=reactance_stage(round(p.openness))) for p in points]


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


# --- A year at a glance: mood by day, beside their openness, and around contacts ----------------


def calendar_months(start: date, end: date) -> list[date]:
    """The first day of each month the mood calendar shows: those of the range, the last year of it at most."""
    first = max(start.replace(day=1), _months_before(end.replace(day=1), CALENDAR_MONTHS - 1))
    months = [first]
    while months[-1] < end.replace(day=1):
        months.append(_months_before(months[-1], -1))
    return months


def _months_before(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


def mood_by_their_stage(days: Sequence[MoodDay]) -> list[MoodGroup]:
    """Your mean mood on the days your sense of them was at each stage (every stage listed, in order)."""
    moods: dict[str, list[float]] = {stage.key: [] for stage in REACTANCE_STAGES}
    for d in days:
        if d.mood is not None and d.openness is not None:
            moods[reactance_stage(round(d.openness)).key].append(d.mood)
    return [MoodGroup(stage.short, _mean(moods[stage.key]), len(moods[stage.key]), stage.name)
            for stage in REACTANCE_STAGES]


def mood_around_contact(days: Sequence[MoodDay]) -> list[MoodGroup]:
    """Your mean mood on the day of a contact or the day after, and on every other day you checked in."""
    contact_days = {d.day for d in days if d.contacts}
    near, far = [], []
    for d in days:
        if d.mood is not None:
            (near if d.day in contact_days or d.day - timedelta(days=1) in contact_days else far).append(d.mood)
    (after, after_said), (other, other_said) = AROUND_CONTACT
    return [MoodGroup(after, _mean(near), len(near), after_said), MoodGroup(other, _mean(far), len(far), other_said)]


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class Week:
    """The last seven days (fewer in a new journal) against the seven before: for Home's weekly word."""

    days: int
    checkins: int
    mood: float | None
    before: float | None  # the week before's mean mood (None: no check-in then)
    contact_days: int


def last_week(days: Sequence[MoodDay], today: date, first: date) -> Week:
    """The days from today back to seven days ago, but not before the journal's first day."""
    since = max(today - timedelta(days=6), min(first, today))
    this = [d for d in days if since <= d.day <= today]
    before = [d for d in days if today - timedelta(days=13) <= d.day < today - timedelta(days=6)]

    def mood(group: list[MoodDay]) -> float | None:
        counted = [(d.mood, d.checkins) for d in group if d.mood is not None]
        total = sum(n for _, n in counted)
        return sum(m * n for m, n in counted) / total if total else None

    return Week((today - since).days + 1, sum(d.checkins for d in this), mood(this), mood(before),
                sum(1 for d in this if d.contacts))

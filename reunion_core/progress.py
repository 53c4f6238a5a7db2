"""Summaries for the home screen and the progress charts: small, bounded, and pure."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .content import (
    REACTANCE_STAGES,
    YOUR_STAGES,
    ReactanceStage,
    ReconnectionStage,
)
from .records import DaysAt, OpennessPoint, StagePoint
from .stages import reactance_stage

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

"""What each Progress chart shows, in one or two sentences computed from the data it draws: the text
a screen reader reads in place of the picture (issue 16), after the chart's own title. Each says
the range, where it started and ended, and its extremes, in the chart's own periods."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .content import JOURNEY_SAID, OPENNESS_SAID, YOUR_STAGE_BY_KEY, YOUR_STAGES, counted, feeling
from .records import (
    FEWEST_DAYS,
    ContactCount,
    MoodDay,
    MoodGroup,
    MoodPoint,
    OpennessPoint,
    StagePoint,
    VerdictPoint,
)
from .stages import reactance_stage

NOTHING = "Nothing saved in this range yet."
KEPT_OR_BROKEN = {True: "Kept", False: "Broken"}


def _day(d: date) -> str:
    return f"{d:%d %b %Y}"


def _when(d: date, bucket: str) -> str:
    """A period with its preposition: "on 03 Mar 2025", "in the week of 03 Mar 2025", "in March 2025"."""
    return f"in the week of {_day(d)}" if bucket == "week" else f"in {d:%B %Y}" if bucket == "month" else f"on {_day(d)}"


def _span(first: date, last: date, bucket: str = "day") -> str:
    """"From 03 Mar 2025 to 09 Apr 2025", in the chart's periods ("From the week of ...", "From March 2025 to
    ..."); one period alone: "On 03 Mar 2025"."""
    if first == last:
        when = _when(first, bucket)
        return when[:1].upper() + when[1:]
    name = {"day": _day, "week": lambda d: f"the week of {_day(d)}", "month": lambda d: f"{d:%B %Y}"}[bucket]
    return f"From {name(first)} to {name(last)}"


def _named(stage) -> str:
    """A stage's name with its plain words: several names are metaphors ("Riding the Dragon")."""
    return f"{stage.name} ({stage.gloss})" if stage.gloss else stage.name


def _mid(text: str) -> str:
    """A span in the middle of a sentence: "from ..." (month names keep their capital)."""
    return text[:1].lower() + text[1:]


def openness(points: Sequence[OpennessPoint], bucket: str) -> str:
    if not points:
        return NOTHING
    low, high = min(points, key=lambda p: p.mean), max(points, key=lambda p: p.mean)
    last = points[-1]
    return OPENNESS_SAID.format(
        span=_span(points[0].period, last.period, bucket), first=points[0].mean, last=last.mean,
        stage=_named(reactance_stage(round(last.mean))), low=low.mean, low_when=_when(low.period, bucket),
        high=high.mean, high_when=_when(high.period, bucket))


def your_stage(points: Sequence[StagePoint], bucket: str) -> str:
    if not points:
        return NOTHING
    first, last = YOUR_STAGE_BY_KEY[points[0].your_stage], YOUR_STAGE_BY_KEY[points[-1].your_stage]
    furthest = max((YOUR_STAGE_BY_KEY[p.your_stage] for p in points), key=lambda s: s.number)
    return (f"{_span(points[0].period, points[-1].period, bucket)}, from stage {first.number}, {first.name}, "
            f"to stage {last.number}, {_named(last)}, of {len(YOUR_STAGES)}; the furthest was {furthest.name}.")


def journey(points: Sequence[StagePoint], bucket: str) -> str:
    if not points:
        return NOTHING
    last = points[-1]
    return JOURNEY_SAID.format(
        points=counted(len(points), "point"), span=_mid(_span(points[0].period, last.period, bucket)),
        yours=YOUR_STAGE_BY_KEY[last.your_stage].name, openness=last.openness,
        theirs=reactance_stage(round(last.openness)).name)


def days_in_stages(days: Sequence[tuple[object, int]]) -> str:
    counted_days = [(stage, n) for stage, n in days if n]
    if not counted_days:
        return NOTHING
    most = max(counted_days, key=lambda d: d[1])
    each = "; ".join(f"{stage.name} {counted(n, 'day')}" for stage, n in counted_days)  # type: ignore[attr-defined]
    return f"{each}. Most days in {most[0].name}."  # type: ignore[attr-defined]


def mood(points: Sequence[MoodPoint], bucket: str) -> str:
    if not points:
        return NOTHING
    low, high = min(points, key=lambda p: p.mean), max(points, key=lambda p: p.mean)
    first, last = points[0].mean, points[-1].mean
    moved = f"stayed at {feeling(last)}" if round(first, 1) == round(last, 1) else (
        f"went from {feeling(first)} to {feeling(last)}")
    if len(points) == 1:
        return f"{_span(points[0].period, points[0].period, bucket)}, your mood was {feeling(last)}."
    return (f"{_span(points[0].period, points[-1].period, bucket)}, your mood {moved}; lowest "
            f"{feeling(low.mean)} {_when(low.period, bucket)}, highest {feeling(high.mean)} {_when(high.period, bucket)}.")


def verdicts(points: Sequence[VerdictPoint]) -> str:
    if not points:
        return NOTHING
    first, latest = points[0].verdict.label, points[-1].verdict.label
    said = f"it said “{latest}”" if len(points) == 1 else f"the first said “{first}”, the latest says “{latest}”"
    return f"{counted(len(points), 'diagnostic')} {_mid(_span(points[0].at.date(), points[-1].at.date()))}; {said}."


def contacts(counts: Sequence[ContactCount], bucket: str) -> str:
    if not counts:
        return NOTHING
    mine = sum(c.count for c in counts if c.initiator == "me")
    theirs = sum(c.count for c in counts if c.initiator == "them")
    per: dict[date, int] = {}
    for c in counts:
        per[c.period] = per.get(c.period, 0) + c.count
    busiest = max(per, key=lambda d: (per[d], d))
    return (f"{counted(mine + theirs, 'contact')} {_mid(_span(min(per), max(per), bucket))}; you reached out "
            f"{counted(mine, 'time')}, they reached out {counted(theirs, 'time')}. The most in one {bucket}: "
            f"{per[busiest]}, {_when(busiest, bucket)}.")


def tallies(periods: Sequence[tuple[date, dict]], names: dict[object, str], bucket: str) -> str:
    """A chart of counts per period (boundaries kept and broken, urges and what was chosen)."""
    if not periods:
        return NOTHING
    totals = {key: sum(counts.get(key, 0) for _, counts in periods) for key in names}
    said = "; ".join(f"{names[key]}: {counted(n, 'time')}" for key, n in totals.items() if n)
    return f"{_span(periods[0][0], periods[-1][0], bucket)}. In all: {said}."


def debriefs(points: Sequence[tuple[date, int, tuple[str, ...]]]) -> str:
    if not points:
        return NOTHING
    safe = sum("safe" in yes for _, _, yes in points)
    mean = sum(c for _, c, _ in points) / len(points)
    return (f"{counted(len(points), 'micro-date')} {_mid(_span(points[0][0], points[-1][0]))}; how connected "
            f"you felt, out of 10, went from {points[0][1]} to {points[-1][1]} (on average {mean:.1f}); you felt "
            f"safe on {safe} of {len(points)}.")


def calendar(days: Sequence[MoodDay], months: Sequence[date]) -> str:
    """The months' average moods, and how many days had a contact."""
    shown = [d for d in days if d.day >= months[0]]
    per: dict[date, list[float]] = {}
    for d in shown:
        if d.mood is not None:
            per.setdefault(d.day.replace(day=1), []).append(d.mood)
    if not per:
        return NOTHING
    each = ", ".join(f"{m:%b %Y} {sum(v) / len(v):.1f} ({counted(len(v), 'day')})" for m, v in sorted(per.items()))
    contact = sum(1 for d in shown if d.contacts)
    return f"Average mood by month, of 5 (5 is very good): {each}. A contact on {counted(contact, 'day')}."


def mood_groups(groups: Sequence[MoodGroup], what: str) -> str:
    """Mean mood per group of days, saying nothing of a group with fewer than FEWEST_DAYS days."""
    if not any(g.days for g in groups):
        return NOTHING
    said = [f"{g.said}, {feeling(g.mean)} over {counted(g.days, 'day')}" for g in groups if g.enough and g.mean is not None]
    few = [f"{g.said} ({counted(g.days, 'day')})" for g in groups if g.days and not g.enough]
    parts = [f"Your mean mood {what}: " + "; ".join(said) + "."] if said else []
    if few:
        parts.append(f"Too few days to say anything about {', '.join(few)}: it takes {FEWEST_DAYS}.")
    return " ".join(parts)

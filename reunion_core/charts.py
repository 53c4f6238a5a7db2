"""Plotly figure builders: data in, figure out.

Figures are plain Plotly figure dicts ({"data": [...], "layout": {...}}) rather than
`go.Figure` objects: st.plotly_chart takes either, and building dicts costs a fraction of the
time (measured under AppTest: six 520-point line charts, ~90 ms as go.Figure, ~37 ms as dicts).
The series come in already labelled with their stages and verdicts. Every figure has a title, axis titles with
units, hover text, and an empty state that says what to do to fill it.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

from .content import (
    DAYS_IN_STAGES_TITLE,
    JOURNEY_MAP_AXIS,
    JOURNEY_MAP_TITLE,
    MOODS,
    OPENNESS_AXIS,
    OPENNESS_TITLE,
    REACTANCE_STAGES,
    RESPONSES,
    YOUR_STAGE_BY_KEY,
    YOUR_STAGES,
    ReactanceStage,
    ReconnectionStage,
    counted,
    feeling,
)
from .records import (
    FEWEST_DAYS,
    ROLLING_PERIODS,
    ContactCount,
    MoodDay,
    MoodGroup,
    MoodPoint,
    OpennessPoint,
    StagePoint,
    Verdict,
    VerdictPoint,
)

Figure = dict
DAY_MS = 86_400_000
PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}
MIN_DAYS = 7  # a range shorter than this is widened (ending on its last day): no clock-time ticks

HEIGHT = 380
# Tints, not colours: the same bands read on the light and the dark page (a pastel glared at night).
BAND_COLOURS = ("rgba(196,84,84,0.13)", "rgba(214,140,40,0.13)", "rgba(190,170,30,0.13)",
                "rgba(90,160,70,0.13)", "rgba(40,150,130,0.13)")
LINE = "#5b7fb0"  # 4.1:1 on the light page, 4.6:1 on the dark one
AVERAGE = "#e07a5f"
RESPONSE_COLOURS = {
    "none": "#9aa5b1",
    "brief": "#c9b458",
    "mixed": "#e09f3e",
    "discouraging": "#b56576",
    "warm": "#52796f",
    "asked_stop": "#8e7aa6",
}
VERDICT_COLOURS = {
    Verdict.SAFETY_FIRST: "#9b2226",
    Verdict.RESPECT_THEIR_ANSWER: "#8e7aa6",
    Verdict.TAKE_A_LONG_PAUSE: "#ca6702",
    Verdict.NOT_YET: "#ee9b00",
    Verdict.PROCEED_WITH_CARE: "#52796f",
}
PERIOD_WORDS = {"day": "day", "week": "week", "month": "month"}


def _layout(title: str, x_title: str, y_title: str, **extra) -> dict:
    layout = {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        "height": HEIGHT,
        "margin": {"l": 8, "r": 8, "t": 48, "b": 8},
        "font": {"size": 12},
        "xaxis": {"title": {"text": x_title}, "automargin": True},
        "yaxis": {"title": {"text": y_title}, "automargin": True},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0},
        "hovermode": "closest",
    }
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(layout.get(key), dict):
            layout[key] = {**layout[key], **value}
        else:
            layout[key] = value
    return layout


def on_dates(fig: Figure, start: date, end: date) -> Figure:
    """The figure's time axis set to the days from `start` to `end`, inclusive, as every time chart
    on a screen shares: whole days only (never a tick with a fraction of a second or of a day)."""
    days = (end - start).days + 1
    if days < MIN_DAYS:
        start, days = end - timedelta(days=MIN_DAYS - 1), MIN_DAYS
    axis = {"type": "date", "range": [datetime.combine(start, time()).isoformat(),
                                      datetime.combine(end, time(23, 59, 59)).isoformat()]}
    if days <= 62:  # few days: one tick every few, on whole days
        axis |= {"dtick": DAY_MS * math.ceil(days / 7), "tickformat": "%d %b"}
    else:
        axis["tickformatstops"] = [{"dtickrange": [None, DAY_MS], "value": "%d %b"},
                                   {"dtickrange": [DAY_MS, None], "value": ""}]
    key = "xaxis2" if "xaxis2" in fig["layout"] else "xaxis"
    return {**fig, "layout": {**fig["layout"], key: {**fig["layout"].get(key, {}), **axis}}}


def _empty(title: str, x_title: str, y_title: str, message: str) -> Figure:
    layout = _layout(
        title,
        x_title,
        y_title,
        xaxis={"showticklabels": False, "showgrid": False, "zeroline": False},
        yaxis={"showticklabels": False, "showgrid": False, "zeroline": False},
    )
    layout["annotations"] = [
        {
            "text": message,
            "xref": "paper",
            "yref": "paper",
            "x": 0.5,
            "y": 0.5,
            "showarrow": False,
            "font": {"size": 14, "color": "#6b7280"},
        }
    ]
    layout["meta"] = {"empty": message.replace("<br>", " ")}  # a screen may show this line instead
    # Plotly refuses a figure with no traces at all: one empty, silent trace keeps the axes.
    blank = {"type": "scatter", "x": [], "y": [], "hoverinfo": "skip", "showlegend": False}
    return {"data": [blank], "layout": layout}


def _mode(n: int) -> str:
    return "lines+markers" if n <= 60 else "lines"


def _period_label(bucket: str) -> str:
    return {"day": "Daily", "week": "Weekly", "month": "Monthly"}[bucket]


def openness_timeline(points: list[OpennessPoint], bucket: str) -> Figure:
    """Their openness over time, the five stage bands shaded behind it, with a rolling mean."""
    title, y_title = OPENNESS_TITLE, OPENNESS_AXIS
    if not points:
        return _empty(title, "Date", y_title, "No check-ins in this range yet.<br>Save a check-in to start the line.")
    x = [p.period.isoformat() for p in points]
    stage_names = [p.stage.name for p in points]
    word = PERIOD_WORDS[bucket]
    data = [
        {
            "type": "scatter",
            "mode": _mode(len(points)),
            "name": f"{_period_label(bucket)} mean",
            "x": x,
            "y": [round(p.mean, 1) for p in points],
            "customdata": [[p.checkins, s] for p, s in zip(points, stage_names, strict=True)],
            "line": {"color": LINE, "width": 1.5},
            "hovertemplate": f"{word.capitalize()} of %{{x|%d %b %Y}}<br>Openness %{{y:.0f}}/100"
            "<br>%{customdata[1]}<br>%{customdata[0]} check-in(s)<extra></extra>",
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": f"Rolling average ({ROLLING_PERIODS} {word}s)",
            "x": x,
            "y": [round(p.rolling, 1) for p in points],
            "line": {"color": AVERAGE, "width": 2.5},
            "hovertemplate": "%{x|%d %b %Y}<br>Average %{y:.0f}/100<extra></extra>",
        },
    ]
    data.append({"type": "scatter", "x": x[:1], "y": [None], "yaxis": "y2", "showlegend": False,
                 "hoverinfo": "skip", "name": "Stage names"})  # no points: only so that the names' axis is drawn
    layout = _layout(title, "Date", y_title, yaxis={"range": [0, 100], "dtick": 20, "fixedrange": True},
                     yaxis2=_band_axis())
    layout["shapes"], layout["annotations"] = _bands("y")
    return {"data": data, "layout": layout}


def _bands(axis: str) -> tuple[list[dict], list[dict]]:
    """The five reactance bands as shaded rectangles along one axis, labelled on the edge."""
    shapes, notes = [], []
    for stage, colour in zip(REACTANCE_STAGES, BAND_COLOURS, strict=True):
        low, high = stage.low, min(stage.high + 1, 100)
        if axis == "y":
            shapes.append(
                {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": low,
                 "y1": high, "fillcolor": colour, "line": {"width": 0}, "layer": "below"}
            )

        else:
            shapes.append(
                {"type": "rect", "yref": "paper", "y0": 0, "y1": 1, "xref": "x", "x0": low,
                 "x1": high, "fillcolor": colour, "line": {"width": 0}, "layer": "below"}
            )
            notes.append(  # two short lines, so five labels fit side by side on a phone
                {"text": stage.short.replace(" ", "<br>"), "yref": "paper", "y": 1.0,
                 "yanchor": "bottom", "xref": "x", "x": (low + high) / 2, "showarrow": False,
                 "font": {"size": 11}}  # the theme's text colour (ui/look.py): grey was 3.6:1
            )
    return shapes, notes


def _band_axis() -> dict:
    """The stage names beside the bands, on an axis of their own on the right: outside the plot, so no
    line ever crosses them, and in the theme's own text colour, light or dark."""
    return {"overlaying": "y", "side": "right", "range": [0, 100], "fixedrange": True, "showgrid": False,
            "zeroline": False, "automargin": True, "tickfont": {"size": 10}, "ticks": "",
            "tickvals": [(s.low + min(s.high + 1, 100)) / 2 for s in REACTANCE_STAGES],
            "ticktext": [s.short.replace(" ", "<br>") for s in REACTANCE_STAGES]}


def _stage_axis(stages: tuple) -> dict:
    return {
        "tickmode": "array",
        "tickvals": [s.number for s in stages],
        "ticktext": [s.short for s in stages],
        "range": [0.5, len(stages) + 0.5],
        "fixedrange": True,
    }


def your_stage_timeline(points: list[StagePoint], bucket: str) -> Figure:
    """Your own stage (of 7) over time, as a step line."""
    title = "Your stage over time"
    if not points:
        return _empty(title, "Date", "Your stage (1–7)", "No check-ins in this range yet.")
    stages = [YOUR_STAGE_BY_KEY[p.your_stage] for p in points]
    data = [
        {
            "type": "scatter",
            "mode": _mode(len(points)),
            "name": "Your stage",
            "x": [p.period.isoformat() for p in points],
            "y": [s.number for s in stages],
            "customdata": [s.name for s in stages],
            "line": {"shape": "hv", "color": LINE, "width": 2},
            "hovertemplate": f"{PERIOD_WORDS[bucket].capitalize()} of %{{x|%d %b %Y}}"
            "<br>%{customdata}<extra></extra>",
        }
    ]
    layout = _layout(title, "Date", "Your stage (1–7)", yaxis=_stage_axis(YOUR_STAGES), showlegend=False)
    return {"data": data, "layout": layout}


def journey_map(points: list[StagePoint], bucket: str) -> Figure:
    """Your stage against how open they seem, one point per period, joined in time order."""
    title, x_title = JOURNEY_MAP_TITLE, JOURNEY_MAP_AXIS
    y_title = "Your stage (1–7)"
    if not points:
        return _empty(title, x_title, y_title, "No check-ins in this range yet.")
    stages = [YOUR_STAGE_BY_KEY[p.your_stage] for p in points]
    theirs = [p.their_stage.name for p in points]
    n = len(points)
    data = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": f"One point per {PERIOD_WORDS[bucket]}",
            "x": [round(p.openness, 1) for p in points],
            "y": [s.number for s in stages],
            "customdata": [
                [p.period.isoformat(), s.name, t] for p, s, t in zip(points, stages, theirs, strict=True)
            ],
            "line": {"color": "rgba(61,90,128,0.25)", "width": 1},
            "marker": {
                "size": 7 if n <= 200 else 4,
                "color": list(range(n)),
                "colorscale": [[0, "#c7d3e3"], [1, LINE]],
                "showscale": False,
            },
            "hovertemplate": "%{customdata[0]}<br>You: %{customdata[1]}"
            "<br>Them: %{customdata[2]} (%{x:.0f}/100)<extra></extra>",
        },
        {
            "type": "scatter",
            "mode": "markers+text",
            "name": "Latest",
            "x": [round(points[-1].openness, 1)],
            "y": [stages[-1].number],
            "text": ["Now"],
            "textposition": "top center",
            "marker": {"size": 13, "color": AVERAGE, "line": {"color": "white", "width": 2}},
            "hovertemplate": "Latest: %{x:.0f}/100<extra></extra>",
        },
    ]
    layout = _layout(
        title,
        x_title,
        y_title,
        xaxis={"range": [0, 100], "dtick": 20, "fixedrange": True},
        yaxis=_stage_axis(YOUR_STAGES),
        margin={"t": 76},
    )
    layout["shapes"], layout["annotations"] = _bands("x")
    return {"data": data, "layout": layout}


def time_in_stages(rows: list[tuple[ReactanceStage | ReconnectionStage, int]], whose: str) -> Figure:
    """Days spent in each stage of one model, as horizontal bars."""
    title = DAYS_IN_STAGES_TITLE[whose]
    if not any(days for _, days in rows):
        return _empty(title, "Days", "Stage", "No check-ins in this range yet.")
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "name": "Days",
            "x": [days for _, days in rows],
            "y": [stage.short for stage, _ in rows],
            "customdata": [stage.name for stage, _ in rows],
            "marker": {"color": LINE},
            "hovertemplate": "%{customdata}: %{x} days<extra></extra>",
        }
    ]
    layout = _layout(
        title, "Days", "Stage", yaxis={"autorange": "reversed", "fixedrange": True}, showlegend=False,
        # whole days: never a tick at half a day
        xaxis={"tickformat": ",d", **({"dtick": 1} if max((n for _, n in rows), default=0) <= 6 else {})},
    )
    return {"data": data, "layout": layout}


def contacts_per_period(counts: list[ContactCount], bucket: str) -> Figure:
    """Contacts per period, split by who reached out (two panels), stacked by their response."""
    word = PERIOD_WORDS[bucket]
    title = f"Contacts per {word}"
    y_title = f"Contacts per {word}"
    if not counts:
        return _empty(title, "Date", y_title, "No contacts in this range.")
    data = []
    for response in RESPONSES:
        for panel, initiator in enumerate(("me", "them")):
            rows = [c for c in counts if c.response == response.key and c.initiator == initiator]
            if not rows:
                continue
            data.append(
                {
                    "type": "bar",
                    "name": response.label,
                    "legendgroup": response.key,
                    "showlegend": not any(t["legendgroup"] == response.key for t in data),
                    "x": [c.period.isoformat() for c in rows],
                    "y": [c.count for c in rows],
                    # a bar spans its period (a lone bar would otherwise be a millisecond wide: invisible)
                    "width": [DAY_MS * PERIOD_DAYS[bucket] * 0.8] * len(rows),
                    "offset": [DAY_MS * PERIOD_DAYS[bucket] * 0.1] * len(rows),
                    "xaxis": "x" if panel == 0 else "x2",
                    "yaxis": "y" if panel == 0 else "y2",
                    "marker": {"color": RESPONSE_COLOURS[response.key]},
                    "hovertemplate": f"{word.capitalize()} of %{{x|%d %b %Y}}<br>"
                    f"{'You' if panel == 0 else 'They'} reached out: %{{y}}"
                    f"<br>{response.label}<extra></extra>",
                }
            )
    def axis_ticks(initiator: str) -> dict:
        per_period: dict = {}
        for c in counts:
            if c.initiator == initiator:
                per_period[c.period] = per_period.get(c.period, 0) + c.count
        most = max(per_period.values(), default=0)
        return {"dtick": 1} if most <= 6 else {}  # whole contacts: never a tick at 0.5

    layout = _layout(
        title,
        "",
        y_title,
        barmode="stack",
        height=HEIGHT + 80,
        xaxis={"anchor": "y", "matches": "x2", "showticklabels": False},
        yaxis={"domain": [0.56, 1], "title": {"text": "You"}, "rangemode": "tozero", "fixedrange": True,
               "tickformat": ",d", **axis_ticks("me")},
    )
    layout["xaxis2"] = {"anchor": "y2", "title": {"text": "Date"}, "automargin": True}
    layout["yaxis2"] = {
        "domain": [0, 0.44], "title": {"text": "They"}, "automargin": True,
        "rangemode": "tozero", "fixedrange": True, "tickformat": ",d", **axis_ticks("them"),
    }
    layout["annotations"] = [
        {"text": f"You reached out (contacts per {word})", "xref": "paper", "yref": "paper",
         "x": 0, "y": 1.0, "xanchor": "left", "yanchor": "bottom", "showarrow": False},
        {"text": f"They reached out (contacts per {word})", "xref": "paper", "yref": "paper",
         "x": 0, "y": 0.44, "xanchor": "left", "yanchor": "bottom", "showarrow": False},
    ]
    layout["legend"] = {**layout["legend"], "y": -0.18}
    return {"data": data, "layout": layout}


def mood_timeline(points: list[MoodPoint], bucket: str) -> Figure:
    """How you have felt, as the mean mood of each period."""
    title = "Your mood over time"
    y_title = "Mood (1 = very low, 5 = very good)"
    if not points:
        return _empty(title, "Date", y_title, "No check-ins in this range yet.")
    word = PERIOD_WORDS[bucket]
    data = [
        {
            "type": "scatter",
            "mode": _mode(len(points)),
            "name": f"{_period_label(bucket)} mean mood",
            "x": [p.period.isoformat() for p in points],
            "y": [round(p.mean, 2) for p in points],
            "customdata": [p.checkins for p in points],
            "line": {"color": LINE, "width": 1.5},
            "hovertemplate": f"{word.capitalize()} of %{{x|%d %b %Y}}<br>Mood %{{y:.1f}} of 5"
            "<br>%{customdata} check-in(s)<extra></extra>",
        }
    ]
    axis = {"tickmode": "array", "tickvals": list(range(1, len(MOODS) + 1)), "ticktext": list(MOODS),
            "range": [0.5, len(MOODS) + 0.5], "fixedrange": True}
    return {"data": data, "layout": _layout(title, "Date", y_title, yaxis=axis, showlegend=False)}


def verdict_timeline(points: list[VerdictPoint]) -> Figure:
    """Each diagnostic verdict over time: proceed with care at the top, the most cautious at the bottom."""
    title = "Diagnostic verdicts over time"
    if not points:
        return _empty(title, "Date", "Verdict", "No diagnostic runs in this range yet.")
    verdicts = [p.verdict for p in points]
    data = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": "Verdict",
            "x": [p.at.isoformat() for p in points],
            "y": [v.level for v in verdicts],
            "customdata": [v.label for v in verdicts],
            "line": {"shape": "hv", "color": "#c0c7d0", "width": 1},
            "marker": {"size": 10, "color": [VERDICT_COLOURS[v] for v in verdicts]},
            "hovertemplate": "%{x|%d %b %Y}<br>%{customdata}<extra></extra>",
        }
    ]
    layout = _layout(
        title,
        "Date",
        "Verdict",
        showlegend=False,
        yaxis={
            "tickmode": "array",
            "tickvals": [v.level for v in Verdict],
            "ticktext": [v.label for v in Verdict],
            "range": [-0.5, len(Verdict) - 0.5],  # better is up
            "fixedrange": True,
        },
        # Days, never clock times: one run alone would otherwise get millisecond ticks.
        xaxis={"type": "date", "tickformat": "%d %b %Y"},
    )
    if len({p.at.date() for p in points}) == 1:  # one day: show a month around it
        day = points[0].at.date()
        layout["xaxis"]["range"] = [(day - timedelta(days=15)).isoformat(), (day + timedelta(days=15)).isoformat()]
    return {"data": data, "layout": layout}



# --- The toolkit's charts: what you did, not how you scored --------------------------------------

SENT_COLOUR, HELD_COLOUR = "#9aa5b1", "#4f9d69"  # a message sent is grey, never red: a restart point


def urges_per_period(rows: list[tuple[date, dict]], bucket: str) -> Figure:
    """Each urge to reach out, per period, by what you chose: held (any way) or sent."""
    word = PERIOD_WORDS[bucket]
    title, y_title = "The urge to reach out, and what you chose", f"Urges per {word}"
    if not rows:
        return _empty(title, "Date", y_title, "No paused urges in this range.")
    held = [sum(v for k, v in counts.items() if k != "sent") for _, counts in rows]
    sent = [counts.get("sent", 0) for _, counts in rows]
    return _stacked(title, y_title, bucket, [p for p, _ in rows], (("Chose not to send", held, HELD_COLOUR),
                                                                    ("Sent a message", sent, SENT_COLOUR)))


def boundaries_per_period(rows: list[tuple[date, dict]], bucket: str) -> Figure:
    """Each time a boundary was kept or broken, per period."""
    word = PERIOD_WORDS[bucket]
    title, y_title = "Boundaries kept and broken", f"Times per {word}"
    if not rows:
        return _empty(title, "Date", y_title, "Nothing logged about boundaries in this range.")
    return _stacked(title, y_title, bucket, [p for p, _ in rows], (
        ("Kept", [c.get(True, 0) for _, c in rows], HELD_COLOUR),
        ("Broken", [c.get(False, 0) for _, c in rows], RESPONSE_COLOURS["discouraging"])))


def _stacked(title: str, y_title: str, bucket: str, periods: list[date],
             series: tuple[tuple[str, list[int], str], ...]) -> Figure:
    width = DAY_MS * PERIOD_DAYS[bucket]
    data = [{"type": "bar", "name": name, "x": [p.isoformat() for p in periods], "y": values,
             "width": [width * 0.8] * len(periods), "offset": [width * 0.1] * len(periods), "marker": {"color": colour},
             "hovertemplate": f"{PERIOD_WORDS[bucket].capitalize()} of %{{x|%d %b %Y}}<br>{name}: %{{y}}<extra></extra>"}
            for name, values, colour in series]
    most = max((sum(column) for column in zip(*(values for _, values, _ in series), strict=True)), default=0)
    yaxis = {"rangemode": "tozero", "fixedrange": True, "tickformat": ",d", **({"dtick": 1} if most <= 6 else {})}
    return {"data": data, "layout": _layout(title, "Date", y_title, barmode="stack", yaxis=yaxis,
                                            legend={"traceorder": "normal"})}


def debriefs_timeline(points: list[tuple[date, int, tuple[str, ...]]]) -> Figure:
    """How connected you felt after each micro-date (0-10), with what else you noticed on hover."""
    title, y_title = "How your micro-dates went", "Connected (0–10)"
    if not points:
        return _empty(title, "Date", y_title, "No micro-dates debriefed in this range.")
    noticed = {"safe": "felt safe", "myself": "felt like myself", "old_pattern": "an old pattern showed up",
               "past_came_up": "the past came up"}
    data = [{"type": "scatter", "mode": _mode(len(points)), "name": "Connected", "x": [d.isoformat() for d, _, _ in points],
             "y": [c for _, c, _ in points], "line": {"color": LINE, "width": 1.5}, "marker": {"size": 7},
             "cliponaxis": False,  # a date on the range's last day is drawn whole
             "customdata": [", ".join(noticed[k] for k in yes) or "nothing ticked" for _, _, yes in points],
             "hovertemplate": "%{x|%d %b %Y}<br>Connected %{y}/10<br>%{customdata}<extra></extra>"}]
    return {"data": data, "layout": _layout(title, "Date", y_title, yaxis={"range": [-0.5, 10.5], "dtick": 2,
                                                                           "fixedrange": True})}


# --- A year at a glance --------------------------------------------------------------------------

# Mood 1-5, from heavy to light: each step 3:1 or more against the next, and against both pages' grounds.
MOOD_COLOURS = ("#7d4e8a", "#b87a9c", "#d8b45c", "#7bb18f", "#2f7f68")
CONTACT_MARK = {"color": "#1f2933", "size": 6, "line": {"color": "#ffffff", "width": 1.2}}
CONTACT_DOT = "a dot: a contact that day"
FEW = "#9aa5b1"  # a group with too few days behind it to say anything


def _mood_scale() -> list:
    """The five moods as five flat steps of colour (a day's mean falls in the step of its nearest mood)."""
    steps = []
    for i, colour in enumerate(MOOD_COLOURS):
        steps += [[i / len(MOOD_COLOURS), colour], [(i + 1) / len(MOOD_COLOURS), colour]]
    return steps


def mood_calendar(days: list[MoodDay], months: list[date]) -> Figure:
    """A year of days, one cell each (a row per month, a column per day of the month), coloured by
    the day's mood, with a dot on each day you were in contact."""
    span = f"{months[0]:%b %Y}" if len(months) == 1 else f"{months[0]:%b %Y} to {months[-1]:%b %Y}"
    title = f"Your mood, day by day: {span}"
    by_day = {d.day: d for d in days if d.day >= months[0]}
    if not any(d.mood is not None for d in by_day.values()):
        return _empty(title, "Day of the month", "Month", "No check-ins in these months yet.")
    rows = [f"{m:%b %Y}" for m in months]
    z, said = [], []
    for m in months:
        row_z, row_said = [], []
        for n in range(1, 32):
            day = _day_of(m, n)
            found = by_day.get(day) if day else None
            row_z.append(round(found.mood, 2) if found and found.mood is not None else None)
            words = ([feeling(found.mood)] if found and found.mood is not None else ["no check-in"]) + (
                ["a contact that day"] if found and found.contacts else [])
            row_said.append(f"{day:%a %d %b %Y}: " + ", ".join(words) if day else "")
        z.append(row_z)
        said.append(row_said)
    marked = [(d.day.day, f"{d.day.replace(day=1):%b %Y}") for d in by_day.values() if d.contacts]
    data = [
        {"type": "heatmap", "x": list(range(1, 32)), "y": rows, "z": z, "customdata": said,
         "zmin": 0.5, "zmax": 5.5, "colorscale": _mood_scale(), "xgap": 2, "ygap": 2, "hoverongaps": False,
         "hovertemplate": "%{customdata}<extra></extra>", "name": "Mood",
         # the mood scale, in the check-in's words, at the foot of the figure whatever its height
         "colorbar": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "ypad": 6,
                      "x": 0, "xanchor": "left", "len": 1, "thickness": 10, "tickvals": list(range(1, 6)),
                      "ticktext": list(MOODS)}},
    ]
    if marked:
        data.append({"type": "scatter", "mode": "markers", "name": "A contact that day",
                     "x": [d for d, _ in marked], "y": [m for _, m in marked], "marker": CONTACT_MARK,
                     "hoverinfo": "skip", "showlegend": False})
    layout = _layout(
        title, f"Day of the month ({CONTACT_DOT})" if marked else "Day of the month", "Month",
        height=170 + 26 * len(months),
        xaxis={"range": [0.5, 31.5], "tickvals": [1, 5, 10, 15, 20, 25, 31], "fixedrange": True,
               "showgrid": False, "zeroline": False},
        yaxis={"autorange": "reversed", "fixedrange": True, "showgrid": False, "type": "category"},
        showlegend=False,
    )
    layout["margin"] = {**layout["margin"], "b": 80}
    return {"data": data, "layout": layout}


def _day_of(month: date, n: int) -> date | None:
    try:
        return month.replace(day=n)
    except ValueError:  # the 30th of February: no cell
        return None


def mood_groups(groups: list[MoodGroup], title: str, y_title: str, empty: str) -> Figure:
    """Mean mood in each group of days, each bar with the days behind it; a group of fewer than
    FEWEST_DAYS days has no bar and no mean, only its days and that they are too few."""
    if not any(g.days for g in groups):
        return _empty(title, "Mean mood (1 = very low, 5 = very good)", y_title, empty)
    if not any(g.enough for g in groups):  # nothing to compare: one line of text, not axes of "too few"
        held = "; ".join(f"{g.label}: {counted(g.days, 'day') if g.days else 'no days'}" for g in groups)
        return _empty(title, "Mean mood (1 = very low, 5 = very good)", y_title,
                      f"Too few days to compare yet ({held}). Each needs {FEWEST_DAYS}.")
    data = [
        {"type": "bar", "orientation": "h", "name": "Mean mood",
         # a group of too few days has no bar: its length would be a claim
         "x": [round(g.mean, 2) if g.enough and g.mean is not None else 0 for g in groups],
         "y": [g.label for g in groups],
         "text": [(counted(g.days, "day") + ("" if g.enough else ": too few")) if g.days else "no days"
                  for g in groups],
         "textposition": "outside", "cliponaxis": False,
         "customdata": [f"{g.said}: " + (f"{feeling(g.mean)} over {counted(g.days, 'day')}" if g.enough else
                                         f"{counted(g.days, 'day')}, fewer than {FEWEST_DAYS}: too few to say")
                        for g in groups],
         "marker": {"color": [LINE if g.enough else FEW for g in groups]},
         "hovertemplate": "%{customdata}<extra></extra>"},
    ]
    axis = {"range": [0, 6.4], "tickvals": list(range(1, 6)), "ticktext": [f"{i}" for i in range(1, 6)],
            "fixedrange": True}
    layout = _layout(title, "Mean mood (1 = very low, 5 = very good)", y_title, xaxis=axis, showlegend=False,
                     yaxis={"autorange": "reversed", "fixedrange": True}, height=140 + 40 * len(groups))
    return {"data": data, "layout": layout}

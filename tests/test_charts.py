from datetime import date, datetime, timedelta

import pytest

from reunion_core import charts
from reunion_core.content import REACTANCE_STAGES, YOUR_STAGES
from reunion_core.records import ContactCount, MoodPoint, OpennessPoint, StagePoint, Verdict, VerdictPoint
from reunion_core.stages import reactance_stage

D = date(2026, 1, 5)


def stage_at(openness):
    """Series reach the charts labelled with their stage, as the views label them."""
    return reactance_stage(round(openness))


def titles(fig):
    layout = fig["layout"]
    return layout["title"]["text"], layout["xaxis"]["title"]["text"], layout["yaxis"]["title"]["text"]


EMPTY = [
    lambda: charts.openness_timeline([], "day"),
    lambda: charts.your_stage_timeline([], "day"),
    lambda: charts.journey_map([], "week"),
    lambda: charts.time_in_stages([(s, 0) for s in REACTANCE_STAGES], "their"),
    lambda: charts.contacts_per_period([], "week"),
    lambda: charts.verdict_timeline([]),
]


@pytest.mark.parametrize("build", EMPTY)
def test_empty_charts_keep_titles_and_say_what_to_do(build):
    fig = build()
    title, x, y = titles(fig)
    assert title and x and y
    assert all(trace["x"] == [] for trace in fig["data"])
    assert fig["layout"]["annotations"][0]["text"].startswith("No ")


def test_openness_chart_shades_the_five_bands_and_draws_mean_and_rolling():
    points = [OpennessPoint(D + timedelta(days=i), 10 * i, 1, 5 * i, stage=stage_at(10 * i)) for i in range(5)]
    fig = charts.openness_timeline(points, "day")
    assert titles(fig) == ("How open they seem, over time", "Date", "Openness (0–100)")
    assert len(fig["layout"]["shapes"]) == 5
    names = fig["layout"]["yaxis2"]  # beside the plot, where no line crosses them
    assert [t.replace("<br>", " ") for t in names["ticktext"]] == [s.short for s in REACTANCE_STAGES]
    assert names["side"] == "right" and not fig["layout"]["annotations"]
    assert all(low < y < high for y, (low, high) in zip(
        names["tickvals"], [(s.low, s.high + 1) for s in REACTANCE_STAGES], strict=True))
    assert all(c.startswith("rgba(") and float(c.rsplit(",", 1)[1][:-1]) < 0.3  # a tint on light and dark
               for c in (shape["fillcolor"] for shape in fig["layout"]["shapes"]))
    mean, rolling, names_trace = fig["data"]
    assert names_trace["yaxis"] == "y2" and names_trace["y"] == [None] and not names_trace["showlegend"]
    assert mean["y"] == [0, 10, 20, 30, 40] and rolling["y"] == [0, 5, 10, 15, 20]
    assert rolling["name"] == "Rolling average (7 days)"
    assert fig["layout"]["yaxis"]["range"] == [0, 100]


def test_one_entry_is_drawn_as_a_visible_marker():
    fig = charts.openness_timeline([OpennessPoint(D, 50, 1, 50, stage=stage_at(50))], "day")
    assert "markers" in fig["data"][0]["mode"]
    assert fig["data"][0]["customdata"][0][1] == "Riding the Dragon"


def test_long_series_drop_markers_to_stay_readable():
    points = [OpennessPoint(D + timedelta(weeks=i), 50, 7, 50, stage=stage_at(50)) for i in range(520)]
    assert charts.openness_timeline(points, "week")["data"][0]["mode"] == "lines"


def test_your_stage_is_a_step_line_with_stage_names_on_the_axis():
    fig = charts.your_stage_timeline([StagePoint(D, "dip_a_toe", 30, their_stage=stage_at(30))], "week")
    assert fig["data"][0]["line"]["shape"] == "hv"
    assert fig["data"][0]["y"] == [3]
    assert fig["layout"]["yaxis"]["ticktext"] == [s.short for s in YOUR_STAGES]


def test_journey_map_plots_your_stage_against_their_openness_and_marks_now():
    points = [StagePoint(D, "bubble_space", 5, their_stage=stage_at(5)), StagePoint(D + timedelta(weeks=1), "dip_a_toe", 45, their_stage=stage_at(45))]
    fig = charts.journey_map(points, "week")
    path, now = fig["data"]
    assert path["x"] == [5, 45] and path["y"] == [1, 3]
    assert now["x"] == [45] and now["text"] == ["Now"]
    assert titles(fig)[1] == "How open they seem (0–100)"


def test_time_in_stages_lists_every_stage_with_days():
    rows = [(s, i * 10) for i, s in enumerate(YOUR_STAGES)]
    fig = charts.time_in_stages(rows, "your")
    assert fig["data"][0]["x"] == [0, 10, 20, 30, 40, 50, 60]
    assert titles(fig) == ("Days in each of your stages", "Days", "Stage")


def test_contacts_are_split_by_who_reached_out_and_stacked_by_response():
    counts = [
        ContactCount(D, "me", "brief", 2),
        ContactCount(D, "them", "warm", 1),
        ContactCount(D + timedelta(weeks=1), "me", "warm", 3),
    ]
    fig = charts.contacts_per_period(counts, "week")
    by_axis = {(t["yaxis"], t["name"]): t["y"] for t in fig["data"]}
    assert by_axis == {("y", "Brief or one-word"): [2], ("y", "Warm and engaged"): [3],
                       ("y2", "Warm and engaged"): [1]}
    assert fig["layout"]["barmode"] == "stack"
    assert [t["showlegend"] for t in fig["data"]].count(True) == 2
    assert fig["layout"]["xaxis2"]["title"]["text"] == "Date"


def test_verdicts_are_placed_by_caution():
    points = [VerdictPoint(datetime(2026, 1, 1), Verdict.TAKE_A_LONG_PAUSE),
              VerdictPoint(datetime(2026, 3, 1), Verdict.PROCEED_WITH_CARE)]
    fig = charts.verdict_timeline(points)
    assert fig["data"][0]["y"] == [2, 4]
    assert fig["layout"]["yaxis"]["ticktext"][0] == "Safety first"


def test_every_figure_is_valid_plotly():
    import plotly.graph_objects as go

    points = [OpennessPoint(D, 50, 1, 50, stage=stage_at(50))]
    for fig in [
        charts.openness_timeline(points, "day"),
        charts.journey_map([StagePoint(D, "no_news", 70, their_stage=stage_at(70))], "day"),
        charts.contacts_per_period([ContactCount(D, "me", "none", 1)], "day"),
        *[build() for build in EMPTY],
    ]:
        go.Figure(fig)  # raises on any invalid property


def test_one_verdict_gets_a_month_of_days_around_it_not_millisecond_ticks():
    fig = charts.verdict_timeline([VerdictPoint(datetime(2026, 3, 1, 7, 58, 57), Verdict.NOT_YET)])
    assert fig["layout"]["xaxis"]["tickformat"] == "%d %b %Y"
    assert fig["layout"]["xaxis"]["range"] == ["2026-02-14", "2026-03-16"]


def test_every_response_and_every_verdict_has_its_colour():
    from reunion_core.content import RESPONSES

    assert set(charts.RESPONSE_COLOURS) == {r.key for r in RESPONSES}
    assert set(charts.VERDICT_COLOURS) == set(Verdict)


def test_a_lone_contact_is_a_bar_as_wide_as_its_period_on_a_range_of_whole_days():
    day = date(2026, 11, 21)
    fig = charts.on_dates(charts.contacts_per_period([ContactCount(day, "me", "brief", 1)], "day"), day, day)
    [bar] = fig["data"]
    assert bar["width"] == [charts.DAY_MS * 0.8] and bar["x"] == ["2026-11-21"]
    axis = fig["layout"]["xaxis2"]
    assert axis["range"] == ["2026-11-15T00:00:00", "2026-11-21T23:59:59"]  # a week, ending on the day
    assert axis["dtick"] == charts.DAY_MS and axis["tickformat"] == "%d %b"  # whole days, no clock times


def test_a_long_range_never_gets_ticks_finer_than_a_day():
    fig = charts.on_dates(charts.mood_timeline([MoodPoint(D, 3.0, 1)], "week"), date(2016, 1, 1), date(2026, 1, 1))
    stops = fig["layout"]["xaxis"]["tickformatstops"]
    assert stops[0] == {"dtickrange": [None, charts.DAY_MS], "value": "%d %b"}


def test_better_verdicts_are_drawn_higher():
    fig = charts.verdict_timeline([VerdictPoint(datetime(2026, 3, 1), Verdict.NOT_YET)])
    low, high = fig["layout"]["yaxis"]["range"]
    assert low < high and Verdict.PROCEED_WITH_CARE.level > Verdict.SAFETY_FIRST.level


def test_days_in_stages_never_count_half_days():
    fig = charts.time_in_stages([(REACTANCE_STAGES[0], 1)], "their")
    assert fig["layout"]["xaxis"]["dtick"] == 1 and fig["layout"]["xaxis"]["tickformat"] == ",d"


def test_the_warm_up_sample_draws_every_kind_of_chart():
    """ui.state warms the chart machinery with it: each chart must be a real one, none empty."""
    from datetime import date

    from reunion_core import views

    figures = [chart.figure for chart in views.sample_progress(date.today()).charts]
    assert len(figures) == 14 and not [f for f in figures if f["layout"].get("meta", {}).get("empty")]

"""Issue 16: every chart's text alternative says what its data shows, in a sentence or two."""

import re
from datetime import date, datetime, timedelta

import pytest

from reunion_core import chart_text, views
from reunion_core.content import REACTANCE_STAGES, YOUR_STAGES
from reunion_core.demo import generate
from reunion_core.records import (
    CheckIn,
    ContactCount,
    MoodPoint,
    OpennessPoint,
    StagePoint,
    Verdict,
    VerdictPoint,
)
from reunion_core.store import Store

D = date(2026, 1, 5)


def test_openness_says_where_it_started_ended_and_its_extremes():
    points = [OpennessPoint(D + timedelta(weeks=i), mean, 3, mean) for i, mean in enumerate((10, 40.4, 25))]
    said = chart_text.openness(points, "week")
    assert said.startswith("From the week of 05 Jan 2026 to the week of 19 Jan 2026")
    assert "went from 10 to 25 out of 100, now at Test Drive (they reply, briefly, without much interest);" in said
    assert "lowest 10 in the week of 05 Jan 2026, highest 40 in the week of 12 Jan 2026" in said


def test_one_point_is_one_day_and_months_are_named():
    assert chart_text.mood([MoodPoint(D, 2, 1)], "day") == "On 05 Jan 2026, your mood was Low (2.0 of 5)."
    week = [MoodPoint(D, 4, 2), MoodPoint(D + timedelta(weeks=1), 1.4, 3), MoodPoint(D + timedelta(weeks=2), 4, 1)]
    assert chart_text.mood(week, "week") == (
        "From the week of 05 Jan 2026 to the week of 19 Jan 2026, your mood stayed at Good (4.0 of 5); lowest "
        "Very low (1.4 of 5) in the week of 12 Jan 2026, highest Good (4.0 of 5) in the week of 05 Jan 2026.")
    assert "went from Very low (1.4 of 5) to Good (4.0 of 5)" in chart_text.mood(week[1:], "week")
    counts = [ContactCount(date(2025, 3, 1), "me", "warm", 2), ContactCount(date(2025, 3, 1), "them", "warm", 1),
              ContactCount(date(2025, 10, 1), "them", "brief", 1)]
    said = chart_text.contacts(counts, "month")
    assert said == ("4 contacts from March 2025 to October 2025; you reached out 2 times, they reached out "
                    "2 times. The most in one month: 3, in March 2025.")


def test_stages_verdicts_tallies_and_dates_count_what_is_drawn():
    stages = [StagePoint(D, "bubble_space", 5), StagePoint(D + timedelta(days=1), "dip_a_toe", 30),
              StagePoint(D + timedelta(days=2), "defining_yourself", 20)]
    assert ("from stage 1, Bubble space, to stage 2, Defining yourself without them (knowing who you are on your "
            "own), of 7") in chart_text.your_stage(stages, "day")
    assert "the furthest was Dip a toe in the water" in chart_text.your_stage(stages, "day")
    assert "they at 20 out of 100 (Test Drive)" in chart_text.journey(stages, "day")
    days = chart_text.days_in_stages([(REACTANCE_STAGES[0], 3), (REACTANCE_STAGES[1], 0), (REACTANCE_STAGES[2], 9)])
    assert days == "Wall of Reactance 3 days; Riding the Dragon 9 days. Most days in Riding the Dragon."
    runs = [VerdictPoint(datetime(2026, 1, 5, 9), Verdict.NOT_YET), VerdictPoint(datetime(2026, 2, 5, 9),
                                                                                Verdict.PROCEED_WITH_CARE)]
    assert chart_text.verdicts(runs) == ("2 diagnostics from 05 Jan 2026 to 05 Feb 2026; the first said “Not yet”, "
                                         "the latest says “Proceed with care”.")
    kept = [(D, {True: 2, False: 0}), (D + timedelta(weeks=1), {True: 1, False: 1})]
    assert chart_text.tallies(kept, chart_text.KEPT_OR_BROKEN, "week").endswith("In all: Kept: 3 times; Broken: 1 time.")
    dates = [(D, 4, ("safe",)), (D + timedelta(days=9), 8, ())]
    assert "went from 4 to 8 (on average 6.0); you felt safe on 1 of 2" in chart_text.debriefs(dates)


@pytest.mark.parametrize("years", [0, 10])
def test_every_chart_of_progress_has_its_title_then_what_its_data_says(db_path, years):
    if years:
        generate(db_path, years=years, seed=1)
    store = Store.open(db_path)
    try:
        for choice in (views.ALL, "30 days"):
            charts = views.progress(store, choice, None, date.today()).charts
            assert len(charts) >= 8
            for chart in charts:
                title = chart.figure["layout"]["title"]["text"]
                assert chart.alt.startswith(f"{title}. ")
                said = chart.alt.removeprefix(f"{title}. ")
                if not years or chart.is_empty:  # an empty chart says so, and the screen shows it as text
                    assert said == chart_text.NOTHING
                else:
                    assert re.search(r"\d", said) and len(said) < 420, chart.alt  # numbers from the data, brief
                    assert said.count(". ") <= 3 and not re.search(r"None|nan|\{", said), chart.alt
    finally:
        store.close()


def test_every_stage_name_has_plain_words_beside_it_on_home(db_path):
    """Several stage names are metaphors ("Riding the Dragon", "Dip a toe in the water"): each has a
    gloss, and Home says it beside the name, where a screen reader reads it with the name."""
    from tests.test_pages import open_page
    from ui import state

    assert all(s.gloss for s in (*REACTANCE_STAGES, *YOUR_STAGES))
    store = Store.open(db_path)
    try:
        store.add_checkin(CheckIn(50, "dip_a_toe", 3, ()))
    finally:
        store.close()
        state._kept.cache_clear()  # written behind the app's back
    at = open_page("app.py")
    captions = " ".join(c.value for c in at.caption)
    assert "Dip a toe in the water (light, friendly contact)" in captions
    assert "Riding the Dragon: warm one day, cold the next" in captions


def test_in_safety_mode_no_text_alternative_speaks_of_them(db_path):
    generate(db_path, years=2, seed=3)
    store = Store.open(db_path)
    try:
        views.record_diagnostic(store, views.DiagnosticAnswers(safety=("afraid",)))
        alts = " ".join(c.alt for c in views.progress(store, views.ALL, None, date.today()).charts)
    finally:
        store.close()
    assert "open" not in alts and not any(s.name in alts for s in REACTANCE_STAGES)
    assert not any(s.name in alts for s in YOUR_STAGES)

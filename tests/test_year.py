"""A year at a glance (issue 24): the mood calendar, mood beside openness and around contact, and
Home's weekly word. Rules, figures and words, with no data, one entry and ten years."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from reunion_core import chart_text, charts, views
from reunion_core.content import MOODS, weekly_word
from reunion_core.demo import generate
from reunion_core.progress import calendar_months, last_week, mood_around_contact, mood_by_their_stage
from reunion_core.records import FEWEST_DAYS, CheckIn, DiagnosticAnswers, MoodDay
from reunion_core.store import Store
from tests.test_pages import open_page, texts

D = date(2026, 3, 10)


def day(n: int, mood: float | None = 3.0, openness: float | None = 40.0, contacts: int = 0) -> MoodDay:
    return MoodDay(D + timedelta(days=n), mood, openness, 1 if mood is not None else 0, contacts)


def test_the_calendar_shows_the_months_of_the_range_and_a_year_at_most():
    assert calendar_months(D, D) == [date(2026, 3, 1)]
    assert calendar_months(date(2025, 12, 20), date(2026, 1, 5)) == [date(2025, 12, 1), date(2026, 1, 1)]
    ten = calendar_months(date(2016, 1, 1), D)
    assert len(ten) == 12 and ten[0] == date(2025, 4, 1) and ten[-1] == date(2026, 3, 1)


def test_an_empty_calendar_says_so_with_its_title_and_axes():
    fig = charts.mood_calendar([], calendar_months(D, D))
    layout = fig["layout"]
    assert layout["meta"]["empty"] and layout["title"]["text"] == "Your mood, day by day: Mar 2026"
    assert layout["xaxis"]["title"]["text"] == "Day of the month" and layout["yaxis"]["title"]["text"] == "Month"
    assert chart_text.calendar([], calendar_months(D, D)) == chart_text.NOTHING


def test_one_entry_is_one_cell_in_its_month_and_day_and_a_contact_is_a_dot():
    months = calendar_months(D - timedelta(days=40), D)
    fig = charts.mood_calendar([day(0, 4.0, contacts=1)], months)
    heat, dots = fig["data"]
    filled = [(r, c) for r, row in enumerate(heat["z"]) for c, v in enumerate(row) if v is not None]
    assert heat["y"] == ["Jan 2026", "Feb 2026", "Mar 2026"] and filled == [(2, 9)] and heat["z"][2][9] == 4.0
    assert heat["customdata"][2][9] == "Tue 10 Mar 2026: Good (4.0 of 5), a contact that day"
    assert dots["x"] == [10] and dots["y"] == ["Mar 2026"] and dots["name"] == "A contact that day"
    assert heat["colorbar"]["ticktext"] == list(MOODS)  # the scale in the check-in's own words
    assert fig["layout"]["xaxis"]["title"]["text"] == "Day of the month (a dot: a contact that day)"
    assert heat["customdata"][1][29] == ""  # 30 February: no cell, nothing to hover


def test_ten_years_make_twelve_rows_of_days_with_each_months_average_said(db_path):
    generate(db_path, years=10, seed=1)
    store = Store.open(db_path)
    try:
        view = views.progress(store, views.ALL, None, date.today())
    finally:
        store.close()
    calendar = next(c for c in view.charts if c.section == "year")
    heat = calendar.figure["data"][0]
    assert len(heat["y"]) == 12 and all(len(row) == 31 for row in heat["z"])
    assert calendar.alt.count(" days)") + calendar.alt.count(" day)") == 12  # each month, with its days
    assert re.search(r"A contact on \d+ days\.$", calendar.alt)


def test_around_a_contact_means_that_day_and_the_next():
    days = [day(0, 5.0, contacts=1), day(1, 5.0), day(2, 1.0), day(3, None, contacts=2), day(4, 4.0), day(5, 1.0)]
    after, other = mood_around_contact(days)
    assert (after.days, after.mean) == (3, pytest.approx(14 / 3)) and (other.days, other.mean) == (2, 1.0)


def test_no_claim_is_drawn_from_fewer_than_fourteen_days():
    few = [day(n, 5.0, 10.0) for n in range(FEWEST_DAYS - 1)]
    enough = [day(100 + n, 2.0, 90.0) for n in range(FEWEST_DAYS)]
    groups = mood_by_their_stage(few + enough)
    wall, new = groups[0], groups[-1]
    assert (wall.days, wall.enough, new.days, new.enough) == (13, False, 14, True)
    said = chart_text.mood_groups(groups, "by your sense of their stage")
    assert "New Beginnings, Low (2.0 of 5) over 14 days" in said
    assert "Wall of Reactance (13 days)" in said and "5.0" not in said  # named as too few, its mean never said
    fig = charts.mood_groups(groups, "Your mood beside how open they seem", "Your sense of their stage", "none")
    bars = fig["data"][0]
    assert bars["marker"]["color"][0] == charts.FEW and bars["text"][0] == "13 days: too few"
    assert bars["x"][0] == 0 and "5.0" not in bars["customdata"][0]  # no bar, no mean: nothing to read into
    assert bars["marker"]["color"][-1] == charts.LINE and bars["text"][-1] == "14 days"
    assert fig["layout"]["xaxis"]["title"]["text"] == "Mean mood (1 = very low, 5 = very good)"


def test_the_week_counts_the_last_seven_days_against_the_seven_before():
    today = D + timedelta(days=13)
    days = [day(n, 2.0) for n in range(7)] + [day(7 + n, 4.0, contacts=int(n < 2)) for n in range(7)]
    week = last_week(days, today, D)
    assert (week.days, week.checkins, week.mood, week.before, week.contact_days) == (7, 7, 4.0, 2.0, 2)
    new = last_week([day(0, 3.0)], D + timedelta(days=2), D)  # a journal three days old
    assert (new.days, new.checkins, new.before) == (3, 1, None)


@pytest.mark.parametrize(("mood", "before", "says"), [
    (4.0, 2.0, "lighter than the week before (Low (2.0 of 5))."),
    (2.0, 4.0, "heavier than the week before (Good (4.0 of 5)). Weeks like this pass; be as kind"),
    (3.2, 3.0, "about the same as the week before."),
    (3.0, None, "your mood was Okay (3.0 of 5) on average."),
])
def test_the_weekly_word_compares_gently_and_never_keeps_score(mood, before, says):
    said = weekly_word(4, mood, before, 7, 2)
    assert said.startswith("In the last 7 days you checked in 4 times") and says in said
    assert said.endswith("5 of those 7 days were without contact.")
    assert not re.search(r"score|streak|beat|best|worst|fail|%|!", said, re.I)


def test_the_weekly_word_with_no_check_in_and_no_contact():
    assert weekly_word(0, None, 3.0, 7, 0) == ("No check-ins in the last 7 days. Whenever you are ready, a minute on "
                                              "Check in is enough. No contact on any of those days.")


def test_a_new_journal_hears_about_today():
    assert weekly_word(1, 4.0, None, 1, 1) == ("Today you checked in once, and your mood was Good (4.0 of 5). "
                                               "You were in contact today.")
    low = weekly_word(1, 1.0, None, 1, 0)  # Sam, at 1 a.m., on a very low first night
    assert low == ("Today you checked in once, and your mood was Very low (1.0 of 5). Days like this pass; be as "
                   "kind to yourself as you would be to a friend. No contact today.")


def test_home_says_the_weekly_word(store):
    store.add_checkin(CheckIn(40, "dip_a_toe", 4))
    assert "Today you checked in once, and your mood was Good (4.0 of 5)." in texts(open_page("app.py"))


def test_home_in_discreet_safety_mode_says_nothing_of_the_week(store):
    store.add_checkin(CheckIn(40, "dip_a_toe", 4))
    views.record_diagnostic(store, DiagnosticAnswers(safety=("monitored",)))
    views.save_preferences(store, True, "https://weather.com/")
    body = texts(open_page("app.py"))
    assert "No contacts logged" in body and "checked in" not in body  # Home drawn, and no word of the week


def test_the_mood_bars_with_no_data_and_with_one_day():
    empty = charts.mood_groups(mood_around_contact([]), "Your mood around contact", "Which days", "No check-ins.")
    assert empty["layout"]["meta"]["empty"] == "No check-ins." and empty["layout"]["title"]["text"]
    assert chart_text.mood_groups(mood_around_contact([]), "around contact") == chart_text.NOTHING
    one = mood_around_contact([day(0, 4.0)])
    fig = charts.mood_groups(one, "Your mood around contact", "Which days", "No check-ins.")
    assert fig["layout"]["meta"]["empty"] == ("Too few days to compare yet (After a contact: no days; Other days: "
                                              "1 day). Each needs 14.")  # one line of text, no axes of "too few"
    assert fig["layout"]["yaxis"]["title"]["text"] == "Which days"
    said = chart_text.mood_groups(one, "around contact")
    assert said == "Too few days to say anything about the other days you checked in (1 day): it takes 14."

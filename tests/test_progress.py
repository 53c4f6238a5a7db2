from datetime import date, datetime, timedelta

import pytest

from reunion_core.demo import generate
from reunion_core.progress import choose_bucket
from reunion_core.records import CheckIn, Contact, DiagnosticAnswers, Verdict
from reunion_core.views import choose_path, home, progress_between, record_diagnostic

TODAY = date.today()


@pytest.mark.parametrize(
    ("days", "bucket"), [(1, "day"), (600, "day"), (601, "week"), (3650, "week"), (4300, "month")]
)
def test_bucket_keeps_every_chart_under_600_points(days, bucket):
    assert choose_bucket(TODAY - timedelta(days=days), TODAY) == bucket


def test_glance_on_an_empty_file_says_start_with_the_diagnostic(store):
    glance = home(store, TODAY)
    assert glance.is_empty
    assert glance.next_page == "diagnostic"
    assert glance.days_since_contact is None and glance.your_stage is None


def test_glance_answers_where_am_i_where_are_they_what_next(store):
    record_diagnostic(store, DiagnosticAnswers(answers={
        "why_ended": "communication", "your_role": "half", "pattern": "no",
        "why_back": "both_changed", "they_want": "yes", "what_different": "concrete"}))
    store.add_checkin(CheckIn(25, "dip_a_toe", 3, ("one_word",)))
    store.add_contact(Contact(TODAY - timedelta(days=4), "me", "text", "brief", 3))
    glance = home(store, TODAY)
    assert glance.your_stage.name == "Dip a toe in the water"
    assert glance.their_gut.name == "Test Drive" and glance.their_evidence.name == "Test Drive"
    assert glance.diagnostic.assessment.verdict is Verdict.PROCEED_WITH_CARE
    assert glance.days_since_contact == 4
    # Dip a toe waits until the person is ready by every measure, and says what is missing
    assert glance.next_step.startswith("Not yet for Dip a toe") and not glance.guidance.step.contacts_them
    assert len(glance.guidance.missing) == 3  # no contact too short; Defining yourself's measure; their healing
    choose_path(store, "no_contact_since", f"{TODAY - timedelta(days=60):%Y-%m-%d}")
    choose_path(store, "ready", "defining_yourself")
    assert [m[:20] for m in home(store, TODAY).guidance.missing] == ["Dip a toe is for whe"]
    choose_path(store, "they_healed")
    glance = home(store, TODAY)
    assert glance.next_step == "Send one light, low-stakes message, and expect nothing back."
    assert glance.guidance.step.contacts_them and glance.guidance.step.caption.startswith("With them at Test Drive")


def test_a_safety_verdict_makes_safety_the_next_step(store):
    store.add_checkin(CheckIn(90, "reboot_date", 4))
    record_diagnostic(store, DiagnosticAnswers(safety=("hurt_threatened",)))
    assert home(store, TODAY).next_page == "safety"


def test_a_pause_verdict_points_back_to_yourself(store):
    store.add_checkin(CheckIn(90, "reboot_date", 4))
    record_diagnostic(store, DiagnosticAnswers(pause_signs=("fear_alone",)))
    glance = home(store, TODAY)
    assert glance.next_page == "journey" and "long pause" in glance.next_step


def test_progress_over_ten_years_stays_bounded(db_path):
    generate(db_path, years=10, seed=3)
    from reunion_core.store import Store

    store = Store.open(db_path)
    data = progress_between(store, TODAY - timedelta(days=3649), TODAY)
    assert data.bucket == "week"
    assert 500 <= len(data.openness) <= 600
    assert data.journey == data.stages  # one point per week already
    assert sum(days for _, days in data.their_days) == 3650
    assert sum(days for _, days in data.your_days) == 3650
    assert all(c.count >= 1 for c in data.contacts)
    assert len(data.verdicts) == 41
    store.close()


def test_progress_range_is_inclusive_and_order_independent(store):
    store.add_checkin(CheckIn(10, "bubble_space", 2, at=datetime.combine(TODAY, datetime.min.time())))
    data = progress_between(store, TODAY, TODAY - timedelta(days=5))
    assert [p.mean for p in data.openness] == [10]
    assert not data.is_empty


def test_the_journey_map_has_one_point_per_week_even_when_lines_are_daily(store):
    start = datetime.combine(TODAY - timedelta(days=27), datetime.min.time())
    for day in range(28):
        store.add_checkin(CheckIn(day * 3, "dip_a_toe", 3, at=start + timedelta(days=day)))
    data = progress_between(store, TODAY - timedelta(days=27), TODAY)
    assert data.bucket == "day" and len(data.openness) == 28
    assert data.journey_bucket == "week" and 4 <= len(data.journey) <= 5

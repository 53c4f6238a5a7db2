import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from reunion_core.demo import generate, journey
from reunion_core.errors import ValidationError
from reunion_core.stages import reactance_stage
from reunion_core.store import Store

ROOT = Path(__file__).resolve().parent.parent


def test_the_same_seed_gives_the_same_journey():
    assert journey(1, 7, date(2026, 1, 1)) == journey(1, 7, date(2026, 1, 1))
    assert journey(1, 7, date(2026, 1, 1)) != journey(1, 8, date(2026, 1, 1))


def test_the_journey_moves_from_bubble_space_to_the_reboot_date_and_wall_to_crisis():
    checkins, contacts, diagnostics, choices = journey(2, 1, date(2026, 1, 1))
    assert checkins[0].your_stage == "bubble_space" and checkins[-1].your_stage == "reboot_date"
    first_month = [reactance_stage(c.openness).key for c in checkins[:30]]
    last_month = [reactance_stage(c.openness).key for c in checkins[-30:]]
    assert first_month.count("wall") > 20
    assert max(set(last_month), key=last_month.count) == "crisis"
    stages = [c.your_stage for c in checkins]
    assert stages.index("reboot_date") > len(stages) - stages[::-1].index("defining_yourself") - 1
    assert checkins[-1].at.date() == date(2026, 1, 1)
    assert contacts and diagnostics


def test_generate_fills_a_new_file_and_refuses_one_with_entries(db_path):
    counts = generate(db_path, years=1, seed=2)
    assert counts["checkin"] == 365 and counts["contact"] > 20
    with pytest.raises(ValidationError, match="already has entries"):
        generate(db_path, years=1)
    store = Store.open(db_path)
    assert store.counts() == counts
    store.close()


def test_the_command_line_reports_what_it_wrote(tmp_path):
    path = tmp_path / "demo.duckdb"
    out = subprocess.run(
        [sys.executable, "-m", "reunion_core.demo", str(path), "--years", "0.5", "--seed", "4"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    assert "Wrote 182 check-ins" in out.stdout
    again = subprocess.run(
        [sys.executable, "-m", "reunion_core.demo", str(path)], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert again.returncode == 2 and "already has entries" in again.stderr


def test_the_journey_has_a_stretch_where_they_asked_for_no_contact_and_ends_ready(db_path):
    checkins, contacts, diagnostics, choices = journey(2, 1, date(2026, 1, 1))
    [asked] = [c.happened_on for c in contacts if c.response == "asked_stop"]
    [reopened] = [c.at.date() for c in choices if c.kind == "they_reopened"]
    assert (reopened - asked).days == 21
    assert not [c for c in contacts if asked < c.happened_on < reopened]  # their request was kept
    assert [c for c in checkins if "asked_no_contact" in c.signs][0].at.date() == asked
    from reunion_core.guidance import Path as Way
    from reunion_core.views import home

    generate(db_path, years=2, seed=1)
    store = Store.open(db_path)
    try:
        glance = home(store, date.today())
        assert glance.guidance.path is Way.RECONNECTING and glance.guidance.missing == ()
        assert glance.guidance.step.contacts_them and glance.diagnostic.assessment.verdict.value == "proceed_with_care"
    finally:
        store.close()

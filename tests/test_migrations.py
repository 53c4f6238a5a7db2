"""Files written by earlier versions open in place, every row kept, and gain what later versions add."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta, timezone

import duckdb
import pytest

from reunion_core import store as store_module
from reunion_core.assessment import assess
from reunion_core.records import CheckIn, DiagnosticAnswers, DiagnosticRun, run_columns
from reunion_core.store import Store
from reunion_core.views import home, record_diagnostic, safety

AFRAID = DiagnosticAnswers(safety=("afraid",))


def old_file(path, migrations: int) -> duckdb.DuckDBPyConnection:
    """A file as an earlier version left it: its first `migrations` migrations, rows written in its SQL."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    conn = duckdb.connect(str(path))
    for name, statements in store_module.MIGRATIONS[:migrations]:
        for statement in statements:
            conn.execute(statement)
        conn.execute("INSERT INTO take_two_migrations VALUES (?, ?)", [name, datetime(2026, 1, 1)])
    return conn


def add_old_rows(conn: duckdb.DuckDBPyConnection, *walls: datetime) -> None:
    """One check-in per wall-clock time, and an 'afraid' diagnostic at the first, as versions 1-2 wrote them."""
    for i, wall in enumerate(walls):
        conn.execute("INSERT INTO checkins VALUES (?, ?, 30, [], 'dip_a_toe', 2, ?)", [f"c{i}", wall, f"note {i}"])
    conn.execute("INSERT INTO contacts VALUES ('k', ?, 'me', 'text', 'warm', 3, 'hi', ?)", [walls[0].date(), walls[0]])
    run = DiagnosticRun("d", walls[0], AFRAID, assess(AFRAID))
    conn.execute("INSERT INTO diagnostics VALUES (?, ?, ?, ?, ?)", ["d", walls[0], *run_columns(run)])


@pytest.fixture
def zone(monkeypatch):
    """Run the test in a named time zone (this process's local zone), then put it back."""
    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()
    yield use
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("migrations", [1, 2])
def test_an_older_file_is_upgraded_in_place_without_losing_a_row(db_path, migrations):
    conn = old_file(db_path, migrations)
    add_old_rows(conn, datetime(2026, 5, 3, 21, 0), datetime(2026, 5, 4, 8, 30))
    conn.close()
    new = Store.open(db_path)
    try:
        assert new.applied_migrations() == [name for name, _ in store_module.MIGRATIONS]
        assert [c.note for c in new.checkins()] == ["note 1", "note 0"]
        assert [k.note for k in new.contacts()] == ["hi"] and safety(new).on
        new.add_checkin(CheckIn(None, None, 2))  # a row the new schema allows
        assert len(new.checkins()) == 3 and new.counts() == {"checkin": 3, "contact": 1, "diagnostic": 1}
    finally:
        new.close()


def test_rows_saved_before_zones_get_the_offset_this_machine_had_on_their_day(db_path, zone):
    zone("Europe/Paris")  # +01:00 in winter, +02:00 in summer
    conn = old_file(db_path, 2)
    add_old_rows(conn, datetime(2026, 1, 10, 9, 0), datetime(2026, 7, 10, 9, 0))
    conn.close()
    store = Store.open(db_path)
    try:
        july, january = store.checkins()
        assert (january.at.utcoffset(), july.at.utcoffset()) == (timedelta(hours=1), timedelta(hours=2))
        assert (january.at.hour, july.at.hour) == (9, 9)  # the wall-clock time the person saw is kept
    finally:
        store.close()


def test_after_moving_west_the_newest_entry_is_the_latest(db_path, zone):
    """Saved in Berlin at 20:00, then, three hours later, in New York at 17:00 local time: the New York
    entry is the newer one, though its wall-clock time is smaller."""
    zone("Europe/Berlin")
    store = Store.open(db_path)
    try:
        berlin = datetime(2026, 3, 2, 20, 0).astimezone()
        store.add_checkin(CheckIn(70, "dip_a_toe", 4, note="in Berlin", at=berlin))
        record_diagnostic(store, DiagnosticAnswers(answers={"they_want": "yes"}), at=berlin)
        zone("America/New_York")
        new_york = (berlin + timedelta(hours=3)).astimezone()
        assert new_york.hour == 17
        store.add_checkin(CheckIn(20, "bubble_space", 2, note="in New York", at=new_york))
        record_diagnostic(store, AFRAID, at=new_york)
        assert [c.note for c in store.checkins()] == ["in New York", "in Berlin"]
        assert store.diagnostic_runs()[0].answers.safety == ("afraid",)
        glance = home(store, date(2026, 3, 2))
        assert glance.latest.note == "in New York" and glance.safety.on and glance.next_page == "safety"
        # each time reads back as the person saw it where they were
        assert [c.at.hour for c in store.checkins()] == [17, 20]
    finally:
        store.close()


def test_an_offset_survives_the_round_trip(store):
    at = datetime(2026, 2, 1, 23, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    saved = store.add_checkin(CheckIn(50, "dip_a_toe", 3, at=at))
    [back] = store.checkins()
    assert back.at == saved.at == at and back.at.utcoffset() == timedelta(hours=5, minutes=30)
    assert os.environ.get("TZ") != "Asia/Kolkata"  # nothing here depended on this machine's zone


def test_a_file_from_before_the_toolkit_is_upgraded_with_every_row_intact(db_path, monkeypatch):
    """m005 on a file the previous version wrote, through its own store code: nothing lost or changed."""
    from reunion_core.records import Contact, PathChoice, SafetyPlan, ToolEntry
    from reunion_core.transfer import _SECTIONS, export_dict
    from reunion_core.views import choose_safety

    with monkeypatch.context() as before:
        before.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:4])
        old = Store.open(db_path)
        old.add_checkin(CheckIn(40, "dip_a_toe", 3, ("hot_cold",), "a note", datetime(2026, 3, 1, 21, 0)))
        old.add_contact(Contact(date(2026, 3, 2), "them", "call", "warm", 4, "called"))
        record_diagnostic(old, DiagnosticAnswers({"they_want": "maybe"}), at=datetime(2026, 3, 3, 20, 0))
        old.add_choice(PathChoice("no_contact_days", "45"))
        old.save_safety_plan(SafetyPlan(people="my sister"))
        choose_safety(old, "on")
        was = {key: read(old) for key, read in _SECTIONS.items() if key != "toolkit"}  # no toolkit table yet
        assert old.applied_migrations()[-1] == "m004_choices"
        old.close()
    new = Store.open(db_path)
    try:
        assert "m005_toolkit" in new.applied_migrations()
        now = export_dict(new)
        assert {k: v for k, v in now.items() if k in was} == was
        assert now["toolkit"] == []
        new.add_tool_entry(ToolEntry("boundary", {"wording": "No texts after ten."}))
        assert [e.fields["wording"] for e in new.tool_entries()] == ["No texts after ten."]
    finally:
        new.close()


def test_a_version_3_export_still_imports(store):
    from reunion_core.transfer import export_dict, import_bundle, read_export

    store.add_checkin(CheckIn(40, "dip_a_toe", 3, note="from an older export"))
    doc = export_dict(store)
    doc["version"] = 3
    del doc["toolkit"]
    import json

    other_store = store
    other_store.erase()
    added = import_bundle(other_store, read_export(json.dumps(doc)))
    assert added["checkin"] == 1 and other_store.tool_entries() == []

import os
import stat
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import date, datetime, timedelta

import duckdb
import pytest

from reunion_core.errors import (
    ChangedElsewhere,
    NotFound,
    StoreLocked,
    StoreTooNew,
    StoreUnreadable,
    ValidationError,
)
from reunion_core.records import CheckIn, Contact, DiagnosticAnswers, Verdict
from reunion_core.store import MIGRATIONS, Store
from reunion_core.views import record_diagnostic

YESTERDAY = date.today() - timedelta(days=1)


def checkin(**kw):
    base = dict(openness=42, your_stage="dip_a_toe", mood=3, signs=("hot_cold",), note="walked")
    return CheckIn(**{**base, **kw})


def contact(**kw):
    base = dict(happened_on=YESTERDAY, initiator="me", channel="text", response="brief", feeling=3)
    return Contact(**{**base, **kw})


# --- round trips ---------------------------------------------------------------------------


def test_checkin_round_trip(store):
    saved = store.add_checkin(checkin(note="ünïcødé 💔 שלום", signs=("one_word", "no_reply")))
    [back] = store.checkins()
    assert back == saved
    assert back.signs == ("one_word", "no_reply") and back.id and back.at


def test_contact_round_trip_and_edit(store):
    saved = store.add_contact(contact(note="coffee"))
    assert store.contacts() == [saved]
    edited = store.update_contact(
        Contact(YESTERDAY, "them", "call", "warm", 5, "they called", saved.id, saved.created_at), saved
    )
    assert store.contacts() == [edited]


def test_an_edit_started_before_another_window_changed_the_contact_is_refused(store):
    saved = store.add_contact(contact(note="first"))
    elsewhere = store.update_contact(replace(saved, note="changed in the other tab"), saved)
    with pytest.raises(ChangedElsewhere, match="What you typed is still here"):
        store.update_contact(replace(saved, note="typed here"), saved)  # started from the old version
    assert store.contacts() == [elsewhere]


def test_diagnostic_round_trip_keeps_the_verdict_given_at_the_time(store):
    answers = DiagnosticAnswers(
        answers={"why_ended": "infidelity", "what_different": "nothing_yet"},
        reflections={"why_ended": "They lied for months."},
        red_flags=("unfaithful",),
        safety=("monitored",),
    )
    saved = record_diagnostic(store, answers)
    [back] = store.diagnostic_runs()
    assert back == saved
    assert back.assessment.verdict is Verdict.SAFETY_FIRST
    assert back.answers.reflections["why_ended"] == "They lied for months."


def test_lists_are_newest_first(store):
    old = store.add_checkin(checkin(at=datetime.now() - timedelta(days=3)))
    new = store.add_checkin(checkin())
    assert [c.id for c in store.checkins()] == [new.id, old.id]
    assert store.checkins(1)[0].id == new.id


def test_delete_each_kind(store):
    c = store.add_checkin(checkin())
    k = store.add_contact(contact())
    d = record_diagnostic(store, DiagnosticAnswers())
    store.delete("checkin", c.id)
    store.delete("contact", k.id)
    store.delete("diagnostic", d.id)
    assert store.counts() == {"checkin": 0, "contact": 0, "diagnostic": 0}
    with pytest.raises(NotFound):
        store.delete("contact", k.id)


def test_editing_a_deleted_contact_says_so(store):
    k = store.add_contact(contact())
    store.delete("contact", k.id)
    with pytest.raises(NotFound):
        store.update_contact(k, k)


# --- validation: a clear message, and nothing written ----------------------------------------

# Three days ahead: beyond a zone change, and still the future when a run crosses midnight.
TOMORROW = date.today() + timedelta(days=3)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (checkin(openness=101), "from 0 to 100"),
        (checkin(openness=-1), "from 0 to 100"),
        (checkin(openness=None), "Openness is required"),
        (checkin(openness=True), "whole number"),
        (checkin(your_stage="stage_9"), "Unknown your stage"),
        (checkin(your_stage=None), "Choose your stage"),
        (checkin(mood=0), "Mood must be from 1 to 5"),
        (checkin(mood=6), "Mood must be from 1 to 5"),
        (checkin(signs=("waved",)), "Unknown sign"),
        (checkin(note="x" * 10_001), "limit is 10,000"),
        (checkin(note="bad \ud800"), "can't be saved"),
        (checkin(note="nul \x00"), "NUL"),
        (checkin(at=datetime.now() + timedelta(days=400)), "in the future"),
        (checkin(at=datetime(1850, 1, 1)), "before 1900"),
    ],
)
def test_bad_checkins_are_refused_and_nothing_is_written(store, record, message):
    with pytest.raises(ValidationError, match=message):
        store.add_checkin(record)
    assert store.counts()["checkin"] == 0


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (contact(happened_on=TOMORROW), "in the future"),
        (contact(happened_on=None), "Choose the date"),
        (contact(initiator="dog"), "Unknown who reached out"),
        (contact(channel=""), "Choose a channel"),
        (contact(response="ghosted"), "Unknown how they responded"),
        (contact(feeling=9), "from 1 to 5"),
        (contact(note="y" * 10_001), "limit is 10,000"),
    ],
)
def test_bad_contacts_are_refused_and_nothing_is_written(store, record, message):
    with pytest.raises(ValidationError, match=message):
        store.add_contact(record)
    assert store.counts()["contact"] == 0


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (DiagnosticAnswers(answers={"why_ended": "aliens"}), "Unknown answer"),
        (DiagnosticAnswers(answers={"favourite_colour": "blue"}), "Unknown question"),
        (DiagnosticAnswers(pause_signs=("bored",)), "Unknown pause sign"),
        (DiagnosticAnswers(red_flags=("snores",)), "Unknown red flag"),
        (DiagnosticAnswers(safety=("nope",)), "Unknown safety question"),
        (DiagnosticAnswers(reflections={"why_back": "z" * 10_001}), "limit is 10,000"),
    ],
)
def test_bad_diagnostics_are_refused_and_nothing_is_written(store, answers, message):
    with pytest.raises(ValidationError, match=message):
        record_diagnostic(store, answers)
    assert store.counts()["diagnostic"] == 0


def test_a_diagnostic_time_a_year_ahead_is_refused(store):
    with pytest.raises(ValidationError, match="future"):
        record_diagnostic(store, DiagnosticAnswers(), at=datetime.now() + timedelta(days=400))
    assert store.counts()["diagnostic"] == 0


def test_a_contact_date_typed_today_may_not_be_days_ahead(store):
    with pytest.raises(ValidationError, match="The contact date is in the future"):
        store.add_contact(contact(happened_on=date.today() + timedelta(days=3)))
    assert store.counts()["contact"] == 0


def test_a_bulk_save_with_one_bad_record_writes_none(store):
    with pytest.raises(ValidationError):
        store.add_checkins([checkin(), checkin(openness=500)])
    with pytest.raises(ValidationError):
        store.add_contacts([contact(), contact(feeling=0)])
    assert store.counts() == {"checkin": 0, "contact": 0, "diagnostic": 0}


def test_text_at_the_limit_is_kept_whole(store):
    note = "é" * 10_000
    store.add_checkin(checkin(note=note))
    assert store.checkins()[0].note == note


# --- migrations and the file itself ---------------------------------------------------------


def test_an_empty_path_gets_every_migration_and_owner_only_permissions(db_path):
    s = Store.open(db_path)
    assert s.applied_migrations() == [name for name, _ in MIGRATIONS]
    s.close()
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(db_path.parent).st_mode) == 0o700


def test_reopening_keeps_data_and_applies_nothing_twice(db_path):
    s = Store.open(db_path)
    s.add_checkin(checkin())
    s.close()
    s = Store.open(db_path)
    assert s.counts()["checkin"] == 1
    assert s.applied_migrations() == [name for name, _ in MIGRATIONS]
    s.close()


def _bytes(path):
    return path.read_bytes()


def test_a_file_from_a_newer_take_two_is_refused_untouched(db_path):
    Store.open(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO take_two_migrations VALUES ('m999_future', now())")
    con.close()
    before = _bytes(db_path)
    with pytest.raises(StoreTooNew, match="newer version"):
        Store.open(db_path)
    assert _bytes(db_path) == before


def test_a_duckdb_file_from_another_app_is_refused_untouched(db_path):
    db_path.parent.mkdir(parents=True)
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE invoices (n INTEGER)")
    con.close()
    before = _bytes(db_path)
    with pytest.raises(StoreUnreadable, match="another program") as info:
        Store.open(db_path)
    assert info.value.path == str(db_path)
    assert _bytes(db_path) == before


@pytest.mark.parametrize(
    "content",
    [b"hello, this is my diary\n" * 100, os.urandom(4096), b"\x00" * 16],
    ids=["text", "random", "zeros"],
)
def test_a_file_that_is_not_duckdb_is_refused_untouched(db_path, content):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    with pytest.raises(StoreUnreadable, match=str(db_path)):
        Store.open(db_path)
    assert _bytes(db_path) == content


def test_an_empty_file_with_nothing_beside_it_is_a_new_one(db_path):
    """A zero-byte file (made by `touch`, or a crash the moment it was created) holds nothing to lose:
    it opens as a new journal. With a write-ahead log beside it, it may hold something: refused, untouched."""
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    s = Store.open(db_path)
    s.add_checkin(checkin())
    s.close()
    s = Store.open(db_path)
    assert len(s.checkins()) == 1
    s.close()

    other = db_path.with_name("other.duckdb")
    other.write_bytes(b"")
    other.with_name("other.duckdb.wal").write_bytes(b"log")
    with pytest.raises(StoreUnreadable):
        Store.open(other)
    assert _bytes(other) == b"" and other.with_name("other.duckdb.wal").read_bytes() == b"log"


def test_a_truncated_take_two_file_is_refused_untouched(db_path):
    s = Store.open(db_path)
    s.add_checkin(checkin())
    s.close()
    data = _bytes(db_path)
    db_path.write_bytes(data[: len(data) // 3])
    before = _bytes(db_path)
    with pytest.raises(StoreUnreadable):
        Store.open(db_path)
    assert _bytes(db_path) == before


def test_a_second_process_gets_a_clear_already_open_error(db_path):
    s = Store.open(db_path)
    s.add_checkin(checkin())
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(os.getcwd())!r})
        from reunion_core.errors import StoreLocked
        from reunion_core.store import Store
        try:
            Store.open({str(db_path)!r})
        except StoreLocked as exc:
            print("LOCKED:", exc)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "LOCKED: Take Two is already open in another window" in out.stdout, out.stderr
    # and the first keeps working
    s.add_checkin(checkin())
    assert s.counts()["checkin"] == 2
    s.close()


def test_store_locked_is_a_reunion_error():
    from reunion_core.errors import ReunionError

    assert issubclass(StoreLocked, ReunionError)


# --- aggregates -----------------------------------------------------------------------------


def test_openness_series_averages_per_period_with_a_rolling_mean(store):
    base = datetime.combine(date.today() - timedelta(days=10), datetime.min.time())
    for day, score in enumerate([10, 20, 30]):
        store.add_checkin(checkin(openness=score, at=base + timedelta(days=day, hours=9)))
    store.add_checkin(checkin(openness=40, at=base + timedelta(days=2, hours=10)))
    points = store.openness_series(base.date(), date.today() + timedelta(days=1), "day")
    assert [p.mean for p in points] == [10, 20, 35]
    assert [p.checkins for p in points] == [1, 1, 2]
    assert [p.rolling for p in points] == [10, 15, pytest.approx(65 / 3)]


def test_days_at_carries_each_day_forward_to_the_next_check_in(store):
    start = date.today() - timedelta(days=10)
    at = datetime.combine(start, datetime.min.time())
    store.add_checkin(checkin(openness=10, your_stage="bubble_space", at=at))
    store.add_checkin(checkin(openness=90, your_stage="dip_a_toe", at=at + timedelta(days=4)))
    end = start + timedelta(days=10)
    assert {d.value: d.days for d in store.days_at("openness", start, end)} == {10: 4, 90: 6}
    assert {d.value: d.days for d in store.days_at("your_stage", start, end)} == {
        "bubble_space": 4, "dip_a_toe": 6,
    }


def test_contact_counts_group_by_period_initiator_and_response(store):
    store.add_contacts([contact(), contact(), contact(initiator="them", response="warm")])
    counts = store.contact_counts(YESTERDAY, date.today(), "day")
    assert {(c.initiator, c.response, c.count) for c in counts} == {("me", "brief", 2), ("them", "warm", 1)}
    assert store.last_contact_day() == YESTERDAY


def test_unknown_bucket_is_refused(store):
    with pytest.raises(ValidationError, match="Unknown period"):
        store.openness_series(YESTERDAY, date.today(), "fortnight; DROP TABLE checkins")


def test_span_of_an_empty_file_is_none(store):
    assert store.span() is None
    store.add_contact(contact())
    assert store.span() == (YESTERDAY, YESTERDAY)


@pytest.mark.parametrize("ahead", [timedelta(hours=5), timedelta(days=90)], ids=["zone moved west", "clock put back"])
def test_an_entry_that_looks_ahead_still_opens_edits_charts_and_reimports(store, tmp_path, ahead):
    """After a move west or a clock put back, entries saved before look 'in the future'."""
    later = datetime.now().replace(microsecond=0) + ahead
    c = store.add_checkin(checkin(at=later))
    k = store.add_contact(replace(contact(), created_at=later))
    k = store.import_records([], [replace(k, id="later", happened_on=later.date())], []) and store.contacts()[0]
    assert k.happened_on == later.date()
    store.update_contact(replace(k, note="edited after the move"), k)  # its date was not typed now
    assert store.contacts()[0].note == "edited after the move"
    from reunion_core.transfer import export_json, import_bundle, read_export
    from reunion_core.views import progress

    view = progress(store, "All", None, date.today())
    assert view.end == later.date() and sum(p.checkins for p in view.openness) == 1  # charts show it
    other = Store.open(tmp_path / "other.duckdb")
    try:
        assert import_bundle(other, read_export(export_json(store))) == {"checkin": 1, "contact": 2, "diagnostic": 0}
        assert other.checkins()[0].at == c.at
    finally:
        other.close()

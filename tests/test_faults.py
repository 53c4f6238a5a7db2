"""Faults a person's machine will meet: crashes, two sessions at once, deletion that must erase."""

import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reunion_core.errors import ReunionError
from reunion_core.files import set_aside
from reunion_core.records import CheckIn, Contact, DiagnosticAnswers
from reunion_core.store import Store
from reunion_core.views import record_diagnostic

ROOT = Path(__file__).resolve().parent.parent


def test_a_process_killed_mid_burst_keeps_every_save_it_reported(db_path):
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from reunion_core.records import CheckIn
        from reunion_core.store import Store
        store = Store.open({str(db_path)!r})
        i = 0
        while True:
            saved = store.add_checkin(CheckIn(i % 101, "dip_a_toe", 3, note="burst %d" % i))
            print(saved.id, flush=True)
            i += 1
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    reported = [proc.stdout.readline().strip() for _ in range(300)]
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reported += [line.strip() for line in proc.stdout.read().splitlines() if line.strip()]
    store = Store.open(db_path)  # the file opens after the crash
    present = {c.id for c in store.checkins()}
    store.close()
    assert set(reported) <= present
    assert len(reported) >= 300


def test_two_sessions_saving_at_once_lose_and_double_nothing(store):
    errors = []

    def session(name):
        try:
            for i in range(200):
                store.add_checkin(CheckIn(i % 101, "bubble_space", 2, note=f"{name} {i}"))
        except Exception as exc:  # noqa: BLE001 - any failure at all must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    notes = [c.note for c in store.checkins()]
    assert len(notes) == 400 and len(set(notes)) == 400


def test_deleting_an_entry_removes_its_text_from_the_file(db_path):
    store = Store.open(db_path)
    secret = "my very private sentence 7f3a9"
    keep = store.add_checkin(CheckIn(10, "bubble_space", 2, note="keep me"))
    gone = store.add_checkin(CheckIn(20, "bubble_space", 2, note=secret))
    contact = store.add_contact(Contact(date.today(), "me", "text", "none", 2, note=secret + " contact"))
    run = record_diagnostic(store, DiagnosticAnswers(reflections={"why_back": secret + " run"}))
    for kind, entry in (("checkin", gone.id), ("contact", contact.id), ("diagnostic", run.id)):
        store.delete(kind, entry)
    assert [c.id for c in store.checkins()] == [keep.id]
    store.add_checkin(CheckIn(30, "bubble_space", 2, note="still works after compacting"))
    store.close()
    wal = db_path.with_name(db_path.name + ".wal")
    on_disk = db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert secret.encode() not in on_disk
    assert b"keep me" in on_disk
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_deleting_everything_leaves_a_fresh_empty_file(store, db_path):
    store.add_checkin(CheckIn(10, "bubble_space", 2, note="gone for good 51c2"))
    store.erase()
    assert store.counts() == {"checkin": 0, "contact": 0, "diagnostic": 0}
    store.add_contact(Contact(date.today(), "me", "text", "none", 2))
    assert store.counts()["contact"] == 1
    assert b"gone for good 51c2" not in db_path.read_bytes()


def test_a_backup_is_a_complete_consistent_copy(store, tmp_path):
    store.add_checkin(CheckIn(10, "bubble_space", 2, note="in the backup"))
    target = tmp_path / "backup.duckdb"
    store.backup_to(target)
    copy = Store.open(target)
    assert [c.note for c in copy.checkins()] == ["in the backup"]
    copy.close()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_an_unreadable_file_can_be_set_aside_unchanged(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"not a database")
    moved = set_aside(db_path)
    assert not db_path.exists() and moved.read_bytes() == b"not a database"
    Store.open(db_path).close()  # a new file can start in its place


# --- random input to every store function ----------------------------------------------------
# Each field draws a valid value three times in four and anything at all otherwise, so both
# outcomes happen; every test asserts that they did, so it cannot pass by refusing everything.

ANY = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
    st.text(max_size=30), st.sampled_from(["bubble_space", "dip_a_toe", "me", "them", "text", "warm", "none"]),
    st.dates(), st.datetimes(), st.datetimes(timezones=st.timezones()), st.lists(st.text(max_size=10), max_size=3),
)
PAST = st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime.now() - timedelta(days=1))


def mostly(valid):
    return st.one_of(valid, valid, valid, ANY)


RANDOM = settings(max_examples=150, deadline=None)


def saved_whole_or_refused(store, kind: str, save, read_all) -> str:
    """Either the record reads back equal, or ReunionError and nothing was written."""
    before = store.counts()[kind]
    try:
        saved = save()
    except ReunionError:
        assert store.counts()[kind] == before  # nothing half-written
        return "refused"
    assert [r for r in read_all() if r.id == saved.id] == [saved]
    return "saved"


def test_random_check_ins_are_saved_whole_or_refused_cleanly(store):
    outcomes = set()

    @RANDOM
    @given(
        openness=mostly(st.integers(0, 100)), stage=mostly(st.sampled_from(["bubble_space", "reboot_date"])),
        mood=mostly(st.integers(1, 5)), signs=mostly(st.lists(st.sampled_from(["no_reply", "hot_cold"]))),
        note=mostly(st.text(max_size=50)), at=mostly(PAST),
    )
    def check(openness, stage, mood, signs, note, at):
        outcomes.add(saved_whole_or_refused(
            store, "checkin", lambda: store.add_checkin(CheckIn(openness, stage, mood, signs, note, at)),
            store.checkins,
        ))

    check()
    assert outcomes == {"saved", "refused"}


def test_random_contacts_are_saved_whole_or_refused_cleanly(store):
    outcomes = set()

    @RANDOM
    @given(
        day=mostly(PAST.map(lambda d: d.date())), who=mostly(st.sampled_from(["me", "them"])),
        how=mostly(st.sampled_from(["text", "call"])), response=mostly(st.sampled_from(["none", "warm"])),
        feeling=mostly(st.integers(1, 5)), note=mostly(st.text(max_size=50)),
    )
    def check(day, who, how, response, feeling, note):
        outcomes.add(saved_whole_or_refused(
            store, "contact", lambda: store.add_contact(Contact(day, who, how, response, feeling, note)),
            store.contacts,
        ))

    check()
    assert outcomes == {"saved", "refused"}


def test_random_diagnostics_are_saved_whole_or_refused_cleanly(store):
    outcomes = set()

    @RANDOM
    @given(
        answers=mostly(st.dictionaries(st.sampled_from(["why_ended", "they_want", "x"]),
                                       st.sampled_from(["grew_apart", "no", "maybe", "x"]), max_size=3)),
        reflections=mostly(st.dictionaries(st.sampled_from(["why_back", "y"]), st.text(max_size=30), max_size=2)),
        flags=mostly(st.lists(st.sampled_from(["unfaithful", "pattern"]), max_size=2)),
        at=mostly(st.one_of(st.none(), st.datetimes(max_value=datetime.now() + timedelta(days=3),
                                                    timezones=st.timezones()))),
    )
    def check(answers, reflections, flags, at):
        outcomes.add(saved_whole_or_refused(
            store, "diagnostic",
            lambda: record_diagnostic(store, DiagnosticAnswers(answers=answers, reflections=reflections,
                                                           red_flags=flags), at=at),
            store.diagnostic_runs,
        ))

    check()
    assert outcomes == {"saved", "refused"}


def test_a_full_disk_says_so_loses_nothing_and_the_next_save_works(store, monkeypatch):
    """DuckDB's own words ("No space left on device", "cannot rollback") never reach the person."""
    from reunion_core import store as store_module

    kept = store.add_checkin(CheckIn(30, "dip_a_toe", 2, note="kept"))
    real_insert = store_module._insert

    def disk_full(cur, table, rows, skip_known=False):
        real_insert(cur, table, rows, skip_known)
        raise duckdb.IOException('IO Error: Could not write file "reunion.duckdb.wal": No space left on device')

    monkeypatch.setattr(store_module, "_insert", disk_full)
    with pytest.raises(ReunionError, match="The disk is full"):
        store.add_checkin(CheckIn(40, "dip_a_toe", 2, note="lost?"))
    monkeypatch.undo()
    assert [c.id for c in store.checkins()] == [kept.id]  # the failed save left nothing half-written
    store.add_checkin(CheckIn(50, "dip_a_toe", 3, note="after space was freed"))
    assert len(store.checkins()) == 2


LIMITED = """
import os, resource, signal, sys
from reunion_core.errors import ReunionError
from reunion_core.records import CheckIn
from reunion_core.store import Store
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
store = Store.open(sys.argv[1])
store.add_checkin(CheckIn(30, "dip_a_toe", 2, note="kept"))
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (os.path.getsize(sys.argv[1]) + 1024, hard))
try:
    store.add_checkin(CheckIn(30, "dip_a_toe", 2, note="x" * 9000))
except ReunionError as exc:
    print("refused:", exc)
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))  # room again, in the same process
print("read:", [c.note for c in store.checkins()])
store.add_checkin(CheckIn(30, "dip_a_toe", 2, note="after"))
store.close()
print("reopened:", sorted(c.note for c in Store.open(sys.argv[1]).checkins()))
"""


def test_a_real_write_failure_says_so_loses_nothing_and_recovers_without_a_restart(db_path):
    """The operating system itself refuses the write (a file-size limit: EFBIG), nothing simulated."""
    db_path.parent.mkdir(parents=True)
    out = subprocess.run([sys.executable, "-c", LIMITED, str(db_path)], capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).parent.parent)
    assert out.returncode == 0, out.stderr
    refused, read, reopened = out.stdout.splitlines()
    assert refused.startswith("refused: There is no more room") and "Nothing was changed" in refused
    assert read == "read: ['kept']"
    assert reopened == "reopened: ['after', 'kept']"

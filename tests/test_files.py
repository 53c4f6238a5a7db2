"""The file on disk: owner-only from the first byte, never a folder or file another account controls,
and "delete everything" removes every copy Take Two made."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reunion_core import files, transfer
from reunion_core.errors import StoreUnreadable
from reunion_core.records import CheckIn
from reunion_core.store import Store

ROOT = Path(__file__).resolve().parent.parent


def test_a_folder_other_accounts_can_write_is_refused_untouched(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    with pytest.raises(StoreUnreadable, match="Other accounts on this computer can change the folder"):
        Store.open(shared / "reunion.duckdb")
    assert list(shared.iterdir()) == []


def test_a_file_owned_by_another_account_is_refused_untouched(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o700)
    theirs = folder / "reunion.duckdb"
    Store.open(theirs).close()
    before = theirs.read_bytes()
    # Seen from another account: the file's owner is not the one running Take Two now.
    monkeypatch.setattr(files, "_private_folder", lambda folder: None)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(theirs).st_uid + 1)
    with pytest.raises(StoreUnreadable, match="belongs to another account"):
        Store.open(theirs)
    assert theirs.read_bytes() == before


def test_the_app_sets_an_owner_only_umask_before_creating_anything(tmp_path):
    code = "import os, ui.state; print(oct(os.umask(0o022)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={**os.environ, "REUNION_DB_PATH": str(tmp_path / "d" / "r.duckdb")})
    assert out.stdout.strip() == "0o77", out.stderr


def test_delete_everything_removes_set_aside_copies_and_crash_leftovers(store, db_path):
    store.add_checkin(CheckIn(30, "dip_a_toe", 2, note="secret words"))
    aside = db_path.with_name(db_path.name + ".set-aside-20260101-000000")
    aside.write_bytes(b"secret words")
    leftover = db_path.with_name(db_path.name + ".compacting")
    leftover.write_bytes(b"secret words")
    assert files.made_from(db_path) == sorted([leftover, aside])
    store.erase()
    assert files.made_from(db_path) == [] and store.checkins() == []
    assert not any(b"secret words" in p.read_bytes() for p in db_path.parent.iterdir() if p.is_file())


def test_a_damaged_block_is_never_called_already_open_elsewhere(tmp_path):
    damaged = files.open_problem("Corrupt database file: computed checksum 1 does not match stored "
                                 "checksum 2 for block at location 4096", tmp_path / "r.duckdb")
    locked = files.open_problem('IO Error: Could not set lock on file "r.duckdb": Conflicting lock is held '
                                "in python (PID 42)", tmp_path / "r.duckdb")
    assert isinstance(damaged, StoreUnreadable) and "looks damaged" in str(damaged)
    assert "already open in another window" in str(locked)


def _saved_then_killed(db_path: Path, notes: list[str]) -> None:
    """Check-ins saved by a process that dies before it tidies the file: they live only in the log."""
    code = ("import os, sys; from reunion_core.store import Store; from reunion_core.records import CheckIn\n"
            f"s = Store.open({str(db_path)!r})\n"
            f"[s.add_checkin(CheckIn(30, 'dip_a_toe', 2, note=n)) for n in {notes!r}]\nos._exit(0)")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)


def test_a_file_whose_log_is_torn_is_rescued_from_before_the_tear(db_path):
    Store.open(db_path).close()
    store = Store.open(db_path)
    store.add_checkin(CheckIn(30, "dip_a_toe", 2, note="kept before"))
    store.close()  # closing tidies the file: this one is in the file itself
    _saved_then_killed(db_path, ["only in the log"])
    log = files.wal_of(db_path)
    torn = bytearray(log.read_bytes())
    torn[60:76] = b"\xff" * 16
    log.write_bytes(bytes(torn))
    with pytest.raises(StoreUnreadable):
        Store.open(db_path)
    before = (db_path.read_bytes(), log.read_bytes())
    rescued, lost = transfer.rescue_unopenable(db_path)
    assert [c.note for c in transfer.read_export(rescued).checkins] == ["kept before"] and lost == []
    assert (db_path.read_bytes(), log.read_bytes()) == before  # the damaged file is never changed
    assert files.made_from(db_path) == []  # and no copy of it is left behind


def test_a_file_with_a_damaged_header_is_rescued_through_the_other_one(db_path):
    store = Store.open(db_path)
    for n in range(3):  # each close is a checkpoint, written to the two headers in turn
        store.add_checkin(CheckIn(30, "dip_a_toe", 2, note=f"entry {n}"))
        store.close()
        store = Store.open(db_path)
    store.close()
    good, found = db_path.read_bytes(), []
    for header in files.HEADERS:
        damaged = bytearray(good)
        damaged[header + 100:header + 120] = b"\xff" * 20
        db_path.write_bytes(bytes(damaged))
        with pytest.raises(StoreUnreadable):
            Store.open(db_path)
        rescued = transfer.rescue_unopenable(db_path)
        found.append(rescued and sorted(c.note for c in transfer.read_export(rescued[0]).checkins))
        assert db_path.read_bytes() == bytes(damaged)
    # the older header damaged: everything, through the newer one; the newer damaged: what the older
    # one still reaches (DuckDB may have reused its blocks), or plainly nothing, never an empty export
    assert ["entry 0", "entry 1", "entry 2"] in found
    assert all(f is None or f and set(f) <= {"entry 0", "entry 1", "entry 2"} for f in found)


def test_nothing_to_rescue_is_said_as_nothing(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"\0" * 8 + files.DUCKDB_MAGIC + b"\0" * 30000)
    assert transfer.rescue_unopenable(db_path) is None and files.made_from(db_path) == []


def test_a_rescue_folder_left_by_a_crash_is_removed_at_the_next_open_and_by_delete_everything(db_path):
    Store.open(db_path).close()
    left = files.rescue_folder(db_path)
    (left / "without-log.duckdb").write_bytes(b"secret words")
    assert files.made_from(db_path) == [left]
    store = Store.open(db_path)
    assert not left.exists()
    left = files.rescue_folder(db_path)
    store.erase()
    assert not left.exists()
    store.close()

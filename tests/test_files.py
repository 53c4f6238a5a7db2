"""The file on disk: owner-only from the first byte, never a folder or file another account controls,
and "delete everything" removes every copy Take Two made."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reunion_core import files
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

"""A locked export and its way back, and restoring a copy of the data file (Your data)."""

from __future__ import annotations

import json
import os

import duckdb
import pytest

from reunion_core import files, transfer, vault, views
from reunion_core.errors import ImportRefused, WrongPassphrase
from reunion_core.records import CheckIn
from reunion_core.store import Store

PASS = "seven quiet harbour lights"


@pytest.fixture(autouse=True)
def cheap_keys(monkeypatch):
    monkeypatch.setattr(vault, "ARGON2", {"memory_cost": 1024, "iterations": 1, "lanes": 1})
    monkeypatch.setattr(vault, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


def _journal(store: Store, note: str, n: int = 3) -> None:
    for i in range(n):
        store.add_checkin(CheckIn(30 + i % 50, "dip_a_toe", 2, note=f"{note} {i}"))


# --- a locked export ---------------------------------------------------------------------------


def test_a_locked_export_hides_every_word_and_comes_back_with_the_passphrase(store, tmp_path):
    _journal(store, "HARBOUR-NOTE")
    views.set_passphrase(store, PASS, PASS)
    locked = transfer.export_protected(store)
    assert b"HARBOUR-NOTE" not in locked and transfer.is_protected(locked)
    assert not transfer.is_protected(transfer.export_json(store))
    other = Store.open(tmp_path / "other" / "reunion.duckdb")  # another computer, a new journal
    with pytest.raises(WrongPassphrase, match="type it"):
        views.import_export(other, locked)
    with pytest.raises(WrongPassphrase, match="doesn't open"):
        views.import_export(other, locked, "not the passphrase")
    assert other.counts()["checkin"] == 0  # nothing imported by a wrong try
    imported = views.import_export(other, locked, PASS)
    assert imported.added["checkin"] == 3
    assert sorted(c.note for c in other.checkins()) == [f"HARBOUR-NOTE {i}" for i in range(3)]


def test_an_export_is_locked_only_with_a_passphrase_and_only_while_open(store):
    _journal(store, "x", 1)
    with pytest.raises(Exception, match="Set a passphrase first"):
        transfer.export_protected(store)
    views.set_passphrase(store, PASS, PASS)
    store.lock()
    with pytest.raises(Exception, match="locked"):
        transfer.export_protected(store)
    with pytest.raises(Exception, match="locked"):
        transfer.export_json(store)


def _locked_doc(store) -> dict:
    _journal(store, "x", 1)
    views.set_passphrase(store, PASS, PASS)
    return json.loads(transfer.export_protected(store))


@pytest.mark.parametrize("forge", [
    lambda d: d.update(sealed="tt2:" + "A" * 40),  # its sealed part changed
    lambda d: d.update(sealed="plain text"),
    lambda d: d.update(recipe='{"kdf": "argon2id", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", '
                              '"cost": {"memory_cost": 4194304, "iterations": 3, "lanes": 4}}'),  # 4 GiB
    lambda d: d.pop("recipe"),
    lambda d: d.update(version=99),
])
def test_a_forged_or_damaged_locked_export_is_refused_plainly(store, forge):
    doc = _locked_doc(store)
    forge(doc)
    data = transfer._dumps(doc)
    with pytest.raises((ImportRefused, WrongPassphrase)):
        transfer.read_export(data, PASS)


def test_a_locked_export_opens_with_the_passphrase_it_was_made_under(store, tmp_path):
    _journal(store, "OLD-PASS")
    views.set_passphrase(store, PASS, PASS)
    locked = transfer.export_protected(store)
    views.set_passphrase(store, "a different long one", "a different long one", PASS)
    assert len(transfer.read_export(locked, PASS).checkins) == 3
    with pytest.raises(WrongPassphrase):
        transfer.read_export(locked, "a different long one")


# --- restoring a copy of the data file ---------------------------------------------------------------


def _copy_of(store: Store, tmp_path) -> bytes:
    target = tmp_path / "download" / "copy.duckdb"
    target.parent.mkdir(exist_ok=True)
    store.backup_to(target)
    return target.read_bytes()


def test_a_copy_is_checked_then_replaces_the_journal_and_the_old_one_is_set_aside(store, db_path, tmp_path):
    _journal(store, "IN-THE-COPY", 4)
    data = _copy_of(store, tmp_path)
    store.add_checkin(CheckIn(50, "dip_a_toe", 3, note="WRITTEN-AFTER"))
    backup = transfer.check_backup(data, db_path)
    assert backup.counts["checkin"] == 4 and not backup.locked and backup.span is not None
    assert backup.path.parent == db_path.parent and oct(backup.path.stat().st_mode & 0o777) == "0o600"
    assert backup.path in files.made_from(db_path)  # Delete everything would remove it too
    store.close()
    old = transfer.restore_backup(backup, db_path)
    restored = Store.open(db_path)
    assert sorted(c.note for c in restored.checkins()) == [f"IN-THE-COPY {i}" for i in range(4)]
    kept = Store.open(old)
    assert "WRITTEN-AFTER" in {c.note for c in kept.checkins()}  # the journal as it was, set aside whole
    kept.close()
    assert not backup.path.exists()


def test_a_locked_copy_is_restored_locked_with_its_own_passphrase(store, db_path, tmp_path):
    _journal(store, "SEALED-COPY", 2)
    views.set_passphrase(store, PASS, PASS)
    data = _copy_of(store, tmp_path)
    assert b"SEALED-COPY" not in data
    backup = transfer.check_backup(data, db_path)
    assert backup.locked and backup.counts["checkin"] == 2
    store.close()
    transfer.restore_backup(backup, db_path)
    restored = Store.open(db_path)
    assert restored.locked
    views.unlock(restored, PASS)
    assert {c.note for c in restored.checkins()} == {"SEALED-COPY 0", "SEALED-COPY 1"}


def _damaged(store, tmp_path) -> bytes:
    _journal(store, "x", 200)
    data = bytearray(_copy_of(store, tmp_path))
    for at in range(12288, len(data), 4096):  # every block after the headers
        data[at + 100:at + 140] = os.urandom(40)
    return bytes(data)


def _foreign(tmp_path) -> bytes:
    path = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE notes (t VARCHAR)")
    con.close()
    return path.read_bytes()


@pytest.mark.parametrize(("make", "said"), [
    (lambda store, tmp: b"", "not a copy"),
    (lambda store, tmp: b"{\"format\": \"take-two-export\"}", "not a copy"),
    (lambda store, tmp: os.urandom(20000), "not a copy"),
    (lambda store, tmp: _foreign(tmp), "not a Take Two"),
    (lambda store, tmp: _copy_of(store, tmp)[:9000], "damaged"),
    (_damaged, "damaged"),
])
def test_a_copy_that_is_not_ours_or_not_whole_is_refused_and_nothing_is_left_behind(store, db_path, tmp_path,
                                                                                   make, said):
    _journal(store, "MINE", 2)
    data = make(store, tmp_path)
    with pytest.raises(ImportRefused, match=said):
        transfer.check_backup(data, db_path)
    assert files.restoring(db_path) == []
    assert {c.note for c in store.checkins()} >= {"MINE 0", "MINE 1"}  # the journal untouched


def test_at_every_step_of_a_restore_the_journal_is_there(store, db_path, tmp_path, monkeypatch):
    """A crash at any point of the swap leaves a whole journal at its path: the old or the copy."""
    _journal(store, "OLD", 2)
    data = _copy_of(store, tmp_path)
    store.close()
    backup = transfer.check_backup(data, db_path)
    seen = []
    real_replace = os.replace

    def watching(src, dst):
        seen.append(db_path.exists())
        real_replace(src, dst)
        seen.append(db_path.exists())

    monkeypatch.setattr(os, "replace", watching)
    transfer.restore_backup(backup, db_path)
    assert seen and all(seen)


def test_a_crash_before_the_swap_leaves_the_old_journal_and_its_copy_goes_at_the_next_open(store, db_path,
                                                                                           tmp_path):
    _journal(store, "OLD", 2)
    backup = transfer.check_backup(_copy_of(store, tmp_path), db_path)
    store.close()
    assert files.restoring(db_path)
    again = Store.open(db_path)  # the app started again: the copy being checked is gone, the journal whole
    assert files.restoring(db_path) == [] and len(again.checkins()) == 2
    again.close()
    with pytest.raises(ImportRefused, match="choose the file again"):
        transfer.restore_backup(backup, db_path)


def test_a_copy_that_opens_but_has_a_part_that_cant_be_read_is_refused(store, db_path, tmp_path, monkeypatch):
    """The copy is read whole before it is offered: one unreadable section refuses it."""
    from reunion_core.errors import StoreUnreadable

    _journal(store, "x", 2)
    data = _copy_of(store, tmp_path)
    real = Store.contacts

    def damaged(self, *args, **kwargs):
        if self.path != db_path:
            raise StoreUnreadable("a damaged block", str(self.path))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "contacts", damaged)
    with pytest.raises(ImportRefused, match="can't be read"):
        transfer.check_backup(data, db_path)
    assert files.restoring(db_path) == []

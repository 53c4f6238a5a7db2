"""Someone who can write the data file while its owner is away, without the passphrase: nothing they
put in, take out of the passphrase record or change in a sealed value is ever shown as the person's
own, nor sealed under their key at the next re-key; the person is told, and offered what still reads."""

from __future__ import annotations

import duckdb
import pytest

from reunion_core import vault, views
from reunion_core.errors import Tampered
from reunion_core.records import CheckIn, SafetyPlan
from reunion_core.store import Store

PASS = "a long quiet evening walk"


@pytest.fixture(autouse=True)
def cheap_keys(monkeypatch):
    monkeypatch.setattr(vault, "ARGON2", {"memory_cost": 1024, "iterations": 1, "lanes": 1})
    monkeypatch.setattr(vault, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


def _sealed_journal(db_path) -> None:
    store = Store.open(db_path)
    store.add_checkin(CheckIn(40, "dip_a_toe", 3, note="mine"))
    views.choose_safety(store, "on")
    store.save_safety_plan(SafetyPlan("Aunt Jo", "pineapple", "Jo's flat", "keys", "555-1111"))
    views.set_passphrase(store, PASS, PASS)
    store.close()


def _sql(db_path, *statements) -> None:
    con = duckdb.connect(str(db_path))
    for statement in statements:
        con.execute(statement)
    con.close()


def _opened(db_path) -> Store:
    store = Store.open(db_path)
    views.unlock(store, PASS)
    return store


@pytest.mark.parametrize(("statement", "read"), [
    ("INSERT INTO checkins SELECT 'forged', checked_in_at, openness, signs, your_stage, mood, "
     "'They still love me, call tonight', utc_offset FROM checkins LIMIT 1", lambda s: s.checkins()),
    ("INSERT INTO safety_events SELECT 'forged', chosen_at + INTERVAL 1 MINUTE, 'lifted', utc_offset "
     "FROM safety_events LIMIT 1", lambda s: views.safety(s)),  # safety mode quietly off
    ("UPDATE safety_plan SET people = 'Mark (my ex) 555-0100'", lambda s: s.safety_plan()),
    ("INSERT OR REPLACE INTO settings VALUES ('exit_url', 'https://ex-tracker.example.net/seen')",
     lambda s: views.preferences(s)),
])
def test_plain_text_put_where_a_sealed_value_belongs_is_never_shown_as_theirs(db_path, statement, read):
    _sealed_journal(db_path)
    _sql(db_path, statement)
    store = _opened(db_path)
    with pytest.raises(Tampered, match="changed outside Take Two"):
        read(store)


def test_a_changed_byte_in_a_sealed_value_is_named_not_a_wrong_passphrase(db_path):
    _sealed_journal(db_path)
    con = duckdb.connect(str(db_path))
    note = con.execute("SELECT note FROM checkins").fetchone()[0]
    flipped = note[:-6] + ("A" if note[-6] != "A" else "B") + note[-5:]
    con.execute("UPDATE checkins SET note = ?", [flipped])
    con.close()
    with pytest.raises(Tampered):
        _opened(db_path).checkins()


def test_a_deleted_passphrase_record_does_not_open_the_journal_without_it(db_path):
    _sealed_journal(db_path)
    _sql(db_path, "DELETE FROM vault")
    store = Store.open(db_path)
    assert not store.has_passphrase
    with pytest.raises(Tampered):
        store.checkins()


def test_a_forgery_is_not_sealed_as_theirs_by_the_next_change_of_passphrase(db_path):
    _sealed_journal(db_path)
    _sql(db_path, "UPDATE checkins SET note = 'planted'")
    store = _opened(db_path)
    with pytest.raises(Tampered):
        views.set_passphrase(store, "another long phrase", "another long phrase", PASS)
    store.close()
    con = duckdb.connect(str(db_path))
    assert con.execute("SELECT note FROM checkins").fetchone()[0] == "planted"  # left as it was, not sealed
    con.close()
    assert _opened(db_path).has_passphrase  # the old passphrase still opens it


def test_sealed_lengths_do_not_tell_short_values_apart():
    key = vault.Cipher(b"k" * 32)
    short = ["on", "lifted", "off", "safety_first", "reconnect", "moving_on", "they_reopened", ""]
    assert len({len(key.seal(value, "p")) for value in short}) == 1
    assert key.open(key.seal("x" * 63, "p"), "p") == "x" * 63 and key.open(key.seal("", "p"), "p") == ""
    assert len(key.seal("x" * 64, "p")) > len(key.seal("x" * 63, "p"))  # notes: only their size, to 64 bytes


def test_what_is_rescued_from_a_tampered_journal_is_locked_with_its_passphrase(db_path):
    from reunion_core import transfer

    _sealed_journal(db_path)
    _sql(db_path, "UPDATE safety_plan SET people = 'planted'")
    store = _opened(db_path)
    data, lost = transfer.rescue_json(store)
    assert lost == ["safety_plan"] and transfer.is_protected(data) and b"mine" not in data
    bundle = transfer.read_export(data, PASS)
    assert [c.note for c in bundle.checkins] == ["mine"] and bundle.safety_plan is None

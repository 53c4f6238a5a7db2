"""The passphrase lock: sealing, the key's recipe, waits, and the raw bytes of every file kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from reunion_core import store as store_module
from reunion_core import vault, views
from reunion_core.errors import JournalLocked, ValidationError, WrongPassphrase
from reunion_core.records import CheckIn, Contact, DiagnosticAnswers, PathChoice, SafetyPlan, ToolEntry
from reunion_core.store import Store

ROOT = Path(__file__).resolve().parent.parent
CHEAP = {"memory_cost": 1024, "iterations": 1, "lanes": 1}  # the same code, a test-sized cost


@pytest.fixture(autouse=True)
def cheap_keys(monkeypatch):
    monkeypatch.setattr(vault, "ARGON2", CHEAP)
    monkeypatch.setattr(vault, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


def test_a_sealed_value_opens_only_with_its_key_and_in_its_place():
    key = vault.Cipher(os.urandom(32))
    sealed = key.seal("I miss them at night", "checkins.note:a")
    assert vault.is_sealed(sealed) and "miss" not in sealed
    assert key.open(sealed, "checkins.note:a") == "I miss them at night"
    assert key.seal("same", "p") != key.seal("same", "p")  # a fresh nonce every time
    with pytest.raises(WrongPassphrase):
        key.open(sealed, "checkins.note:b")  # moved to another row
    with pytest.raises(WrongPassphrase):
        vault.Cipher(os.urandom(32)).open(sealed, "checkins.note:a")
    with pytest.raises(WrongPassphrase):
        key.open(sealed[:-4] + ("AAAA" if not sealed.endswith("AAAA") else "BBBB"), "checkins.note:a")


def test_the_real_recipe_is_memory_hard_and_round_trips():
    recipe = vault.KeyRecipe.from_text(vault.new_recipe().to_text())
    assert recipe.kdf == ("argon2id" if vault.argon2_available() else "scrypt") and len(recipe.salt) == 16
    assert vault.new_recipe().salt != recipe.salt  # a random salt per file
    assert vault.derive("a long passphrase", recipe) == vault.derive("a long passphrase", recipe)
    assert vault.derive("a long passphrase", recipe) != vault.derive("a long passphrase!", recipe)


def test_the_production_cost_is_memory_hard():
    assert vault.ARGON2 == CHEAP  # this test's own cost; the module's real one is read from source
    source = (ROOT / "reunion_core" / "vault.py").read_text()
    assert 'ARGON2 = {"memory_cost": 262_144, "iterations": 3, "lanes": 4}' in source
    assert 'SCRYPT = {"n": 2**17, "r": 8, "p": 1}' in source
    for kdf, cost in (("argon2id", {"memory_cost": 262_144, "iterations": 3, "lanes": 4}),
                      ("scrypt", {"n": 2**17, "r": 8, "p": 1})):  # the real costs pass the bounds on reading
        text = vault.KeyRecipe(kdf, os.urandom(16), cost).to_text()
        assert vault.KeyRecipe.from_text(text).cost == cost


@pytest.mark.parametrize("text", ['{"kdf": "md5", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "cost": {}}', "nonsense",
                                  '{"kdf": "scrypt", "salt": "AA==", "cost": {"n": 2}}',
                                  '{"kdf": "scrypt", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "cost": {"n": 99999999999}}',
                                  # a forged file that would hang or exhaust the machine at open
                                  '{"kdf": "argon2id", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", '
                                  '"cost": {"memory_cost": 4194304, "iterations": 3, "lanes": 4}}',
                                  '{"kdf": "argon2id", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", '
                                  '"cost": {"memory_cost": 262144, "iterations": 4000000, "lanes": 4}}',
                                  '{"kdf": "scrypt", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "cost": {"n": 1048576, "r": 16, "p": 1}}',
                                  '{"kdf": "scrypt", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "cost": {"n": 131072, "r": 8}}',
                                  '{"kdf": "scrypt", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", '
                                  '"cost": {"n": 131072, "r": 8, "p": 1, "extra": 1}}',
                                  '{"kdf": "scrypt", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "cost": {"n": 131071, "r": 8, "p": 1}}'])
def test_a_damaged_recipe_is_refused_plainly(text):
    with pytest.raises(ValidationError, match="damaged"):
        vault.KeyRecipe.from_text(text)


@pytest.mark.parametrize("given", ["", "short", "       x", None, "x" * 1025, "password", "Password ", "12345678",
                                   "aaaaaaaa", "abababab", "abcdefgh", "87654321", "iloveyou"])
def test_a_passphrase_too_short_or_absurd_is_refused(given):
    with pytest.raises(ValidationError):
        vault.check_passphrase(given)


def test_a_passphrase_of_ordinary_words_is_welcome():
    for fine in ("blue kettle morning walk", "correct horse battery", "Tomás y la luna 1998", "日本語のパスフレーズです"):
        assert vault.check_passphrase(fine) == fine


def test_waits_grow_after_three_wrong_tries_and_stop_at_five_minutes():
    assert [vault.wait_after(n) for n in range(7)] == [0, 0, 0, 2, 4, 8, 16]
    assert vault.wait_after(50) == 300


MARK = "zqxmark"  # a marker no DuckDB page would hold by chance


def fill_everywhere(store: Store, tag: str) -> None:
    """Marker text in every place a person can type, a safety answer, a plan, choices and settings."""
    at = datetime.now() - timedelta(hours=1)
    store.add_checkin(CheckIn(55, "dip_a_toe", 3, ("hot_cold",), f"{MARK}{tag}note", at))
    store.add_contact(Contact(date.today(), "me", "text", "warm", 4, f"{MARK}{tag}contact"))
    views.record_diagnostic(store, DiagnosticAnswers(
        {"they_want": "yes"}, {"why_ended": f"{MARK}{tag}reflection"}, safety=("threatened_kill",)))
    store.save_safety_plan(SafetyPlan(*(f"{MARK}{tag}plan{i}" for i in range(5))))
    store.add_choice(PathChoice("moving_on", ""))
    reason = store.add_tool_entry(ToolEntry("reason", {"text": f"{MARK}{tag}reason"}))
    store.add_tool_entry(ToolEntry("evidence", {"text": f"{MARK}{tag}evidence"}, ref=reason.id))
    store.add_tool_entry(ToolEntry("evidence", {"text": f"{MARK}{tag}why"}, ref="infidelity"))  # a why-it-ended answer
    boundary = store.add_tool_entry(ToolEntry("boundary", {"wording": f"{MARK}{tag}boundary"}))
    store.add_tool_entry(ToolEntry("boundary_event", {"kept": True, "note": f"{MARK}{tag}kept"}, ref=boundary.id))
    store.add_tool_entry(ToolEntry("draft", {"feel": f"{MARK}{tag}feel", "when": f"{MARK}{tag}when",
                                             "need": f"{MARK}{tag}need"}))
    d = store.add_tool_entry(ToolEntry("date", {"what": f"{MARK}{tag}date", "minutes": 20}))
    store.add_tool_entry(ToolEntry("debrief", {"safe": True, "myself": True, "old_pattern": False,
                                               "past_came_up": False, "connected": 7, "note": f"{MARK}{tag}debrief"},
                                   ref=d.id))
    urge = store.add_tool_entry(ToolEntry("urge", {"why_now": f"{MARK}{tag}why", "want": f"{MARK}{tag}want",
                                                   "ready": "no"}))
    store.add_tool_entry(ToolEntry("urge_outcome", {"chose": "waited", "note": f"{MARK}{tag}outcome"}, ref=urge.id))
    views.save_preferences(store, True, f"https://{MARK}{tag}.example.org/")
    views.choose_safety(store, "on")


def found_in_folder(folder: Path, needles: list[str]) -> dict[str, list[str]]:
    """Every needle found in any file under `folder`, in UTF-8, UTF-16 (both orders) or UTF-32."""
    found: dict[str, list[str]] = {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for needle in needles:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le"):
                if needle.encode(encoding) in data:
                    found.setdefault(needle, []).append(f"{path.name} ({encoding})")
    return found


# a safety answer, its verdict, a choice, the why-it-ended answer an evidence entry points to
SAFETY_WORDS = ['"threatened_kill"', '"safety"', "moving_on", "infidelity"]


def test_the_proof_sees_plain_text_in_a_journal_without_a_passphrase(store):
    fill_everywhere(store, "a")
    store.compact()
    found = found_in_folder(store.path.parent, [MARK, *SAFETY_WORDS])
    assert set(found) == {MARK, *SAFETY_WORDS}  # the check can fail: without a passphrase it is all there


@pytest.mark.parametrize("typed_before", [True, False])
def test_with_a_passphrase_no_file_in_the_data_folder_holds_any_typed_text(db_path, typed_before):
    store = Store.open(db_path)
    if typed_before:  # written in clear first, then sealed: the rewrite leaves no old text behind
        fill_everywhere(store, "b")
    views.set_passphrase(store, "correct horse battery", "correct horse battery")
    assert found_in_folder(db_path.parent, [MARK, *SAFETY_WORDS]) == {}  # at once, not at a later rewrite
    fill_everywhere(store, "c")
    views.delete_entry(store, "checkin", store.checkins()[0].id)  # compacts (a leftover copy on the way)
    store.backup_to(db_path.with_name("copy.duckdb"))  # what "download a copy of the data file" writes
    store.close()
    again = Store.open(db_path)  # and opening it again writes nothing in clear
    assert again.locked
    again.close()
    assert found_in_folder(db_path.parent, [MARK, *SAFETY_WORDS]) == {}


def test_a_locked_journal_reads_nothing_and_opens_with_its_passphrase_only(db_path):
    store = Store.open(db_path)
    fill_everywhere(store, "d")
    before = {"checkins": store.checkins(), "contacts": store.contacts(), "runs": store.diagnostic_runs(),
              "tools": store.tool_entries(), "plan": store.safety_plan(), "settings": store.settings(),
              "choices": store.choices(), "events": store.safety_events()}
    views.set_passphrase(store, "correct horse battery", "correct horse battery")
    store.close()
    store = Store.open(db_path)
    assert store.locked
    for read in (store.checkins, store.contacts, store.diagnostic_runs, store.tool_entries, store.safety_plan,
                 store.settings, store.choices, store.safety_events):
        with pytest.raises(JournalLocked):
            read()
    with pytest.raises(JournalLocked):
        store.add_checkin(CheckIn(50, "dip_a_toe", 3))
    with pytest.raises(WrongPassphrase):
        views.unlock(store, "wrong horse battery", now=100.0)
    assert store.locked
    views.unlock(store, "correct horse battery", now=100.0)
    after = {"checkins": store.checkins(), "contacts": store.contacts(), "runs": store.diagnostic_runs(),
             "tools": store.tool_entries(), "plan": store.safety_plan(), "settings": store.settings(),
             "choices": store.choices(), "events": store.safety_events()}
    assert after == before
    store.lock()
    with pytest.raises(JournalLocked):
        store.checkins()
    store.close()


def test_wrong_tries_wait_longer_each_time_and_the_right_one_then_resets(store):
    views.set_passphrase(store, "correct horse battery", "correct horse battery")
    store.lock()
    for t in (0.0, 1.0, 2.0):
        with pytest.raises(WrongPassphrase, match="doesn't open") as exc:
            views.unlock(store, "guess", now=t)
    assert "2 s" in str(exc.value)
    with pytest.raises(WrongPassphrase, match="can be made in"):  # even the right one waits
        views.unlock(store, "correct horse battery", now=3.0)
    assert store.locked
    views.unlock(store, "correct horse battery", now=4.5)
    assert not store.locked and store.failures == 0


def test_changing_and_removing_need_the_current_passphrase_and_keep_every_row(store):
    fill_everywhere(store, "e")
    was = (store.checkins(), store.tool_entries(), store.safety_plan())
    views.set_passphrase(store, "first passphrase", "first passphrase")
    with pytest.raises(ValidationError, match="not the same"):
        views.set_passphrase(store, "second passphrase", "second passphrasf", "first passphrase")
    with pytest.raises(WrongPassphrase):
        views.set_passphrase(store, "second passphrase", "second passphrase", "not it at all")
    views.set_passphrase(store, "second passphrase", "second passphrase", "first passphrase")
    assert store.key_for("first passphrase") is None and store.key_for("second passphrase") is not None
    assert (store.checkins(), store.tool_entries(), store.safety_plan()) == was
    with pytest.raises(WrongPassphrase):
        views.remove_passphrase(store, "first passphrase")
    views.remove_passphrase(store, "second passphrase")
    assert not store.has_passphrase and not store.locked
    assert (store.checkins(), store.tool_entries(), store.safety_plan()) == was
    assert MARK in store.path.read_bytes().decode("latin-1")  # plain again, as the person chose


def test_an_edited_contact_in_a_sealed_journal_is_still_checked_against_changes_elsewhere(store):
    from reunion_core.errors import ChangedElsewhere

    views.set_passphrase(store, "correct horse battery", "correct horse battery")
    saved = store.add_contact(Contact(date.today(), "me", "text", "warm", 4, "first"))
    edited = store.update_contact(Contact(saved.happened_on, "me", "call", "warm", 4, "second", saved.id), saved)
    with pytest.raises(ChangedElsewhere):
        store.update_contact(Contact(saved.happened_on, "me", "text", "warm", 4, "third", saved.id), saved)
    assert store.contacts()[0].note == edited.note == "second"


_CHILD = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from reunion_core import store as store_module, vault, views
    vault.ARGON2 = {cheap!r}
    from reunion_core.store import Store
    where = sys.argv[2]
    s = Store.open(sys.argv[1])
    views.unlock(s, "old passphrase here")
    real_reseal, real_compact, calls = Store._reseal, Store.compact, []
    def reseal(self, cur, table, old, new):
        real_reseal(self, cur, table, old, new)
        calls.append(table)
        if where == "mid" and len(calls) == 4:  # half the tables sealed anew, nothing committed
            os.kill(os.getpid(), signal.SIGKILL)
    def compact(self):
        if where == "after":  # the re-key committed; the file not yet rewritten
            os.kill(os.getpid(), signal.SIGKILL)
        real_compact(self)
    Store._reseal, Store.compact = reseal, compact
    views.set_passphrase(s, "new passphrase here", "new passphrase here", "old passphrase here")
""")


@pytest.mark.parametrize("where", ["mid", "after"])
def test_a_crash_while_changing_the_passphrase_loses_no_row(db_path, where):
    store = Store.open(db_path)
    fill_everywhere(store, "f")
    store.add_checkins([CheckIn(40, "dip_a_toe", 2, note=f"day {i}", at=datetime(2025, 1, 1) + timedelta(days=i))
                        for i in range(300)])
    views.set_passphrase(store, "old passphrase here", "old passphrase here")
    was = (store.checkins(), store.contacts(), store.tool_entries(), store.safety_plan(), store.settings())
    old_seals = [note for (note,) in store._rows("SELECT note FROM checkins")]  # as they lie in the file
    store.close()
    child = subprocess.run([sys.executable, "-c", _CHILD.format(root=str(ROOT), cheap=CHEAP), str(db_path), where],
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr
    store = Store.open(db_path)
    right, wrong = ("old passphrase here", "new passphrase here") if where == "mid" else (
        "new passphrase here", "old passphrase here")
    assert store.key_for(wrong) is None
    views.unlock(store, right)
    assert (store.checkins(), store.contacts(), store.tool_entries(), store.safety_plan(), store.settings()) == was
    assert "m006_vault" in store.applied_migrations()
    if where == "after":  # the rewrite the crash interrupted was finished at the open: no old seal is left
        assert store._vault_value(store_module._COMPACT_PENDING) is None
        data = db_path.read_bytes()
        assert not [seal for seal in old_seals if seal[4:40].encode() in data]
    store.close()

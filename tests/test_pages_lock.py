"""The passphrase lock on every screen, under AppTest: offered, set, locked in a new session, opened,
Lock now, idle, and a wrong passphrase that shows nothing."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest

from reunion_core import content as words
from reunion_core import vault, views
from reunion_core.records import CheckIn, SafetyPlan
from tests.test_pages import PAGES, ROOT, file_at, open_page, texts

PASS = "a quiet river at dawn"
NOTE = "I still have the ring she gave me"


@pytest.fixture(autouse=True)
def cheap_keys(monkeypatch):
    monkeypatch.setattr(vault, "ARGON2", {"memory_cost": 1024, "iterations": 1, "lanes": 1})
    monkeypatch.setattr(vault, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


@pytest.fixture
def sealed(db_path):
    """A journal with a note, a safety plan and safety mode on, locked with PASS."""
    with file_at(db_path) as store:
        store.add_checkin(CheckIn(70, "dip_a_toe", 2, note=NOTE))
        store.save_safety_plan(SafetyPlan(people="my sister Ana"))
        views.choose_safety(store, "on")
        views.set_passphrase(store, PASS, PASS)
    return db_path


def everything(at: AppTest) -> str:
    return texts(at) + "\n".join(str(w.label) for kind in ("button", "text_input", "expander") for w in at.get(kind))


def unlock(at: AppTest, passphrase: str = PASS) -> AppTest:
    at.text_input(key="lock.passphrase").input(passphrase)
    return at.button(key="lock.open").click().run()


def locked_screen(at: AppTest) -> bool:
    return [t.value for t in at.title] == [words.LOCK_TITLE]


@pytest.mark.parametrize("page", PAGES)
def test_a_new_session_sees_only_the_lock_screen_on_every_page(sealed, page):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    if page != "app.py":
        at.switch_page(page).run()
    assert not at.exception
    assert locked_screen(at)
    shown = everything(at)
    for word in (NOTE, "Ana", "Safety", "safety", "stage", "check-in", "Take Two", "contact", "1"):
        assert word not in shown, word
    assert not at.get("plotly_chart") and not at.metric


def test_a_wrong_passphrase_shows_nothing_and_the_right_one_opens(sealed):
    at = open_page("app.py")
    unlock(at, "not the passphrase")
    assert locked_screen(at) and words.WRONG_PASSPHRASE in texts(at) and NOTE not in everything(at)
    unlock(at)
    assert not at.exception and not locked_screen(at)
    at.switch_page("pages/2_Check_in.py").run()
    assert NOTE in texts(at) or any(NOTE in str(t.value) for t in at.text)


def test_another_session_at_the_same_browser_needs_the_passphrase_too(sealed):
    alex = open_page("app.py")
    unlock(alex)
    assert not locked_screen(alex)
    sibling = open_page("app.py")  # a new session: the door's key is the browser's, the journal's is not
    assert locked_screen(sibling)
    alex.run()
    assert not locked_screen(alex)  # Alex's own session stays open


def test_lock_now_locks_every_session(sealed):
    alex = unlock(open_page("app.py"))
    other = unlock(open_page("app.py"))
    alex.button(key="lock.now").click().run()
    assert locked_screen(alex)
    other.run()
    assert locked_screen(other)


def test_idle_minutes_lock_the_session(sealed):
    at = unlock(open_page("app.py"))
    at.session_state["take_two.lock.seen"] = time.monotonic() - 11 * 60
    at.run()
    assert locked_screen(at)
    at = unlock(at)
    at.session_state["take_two.lock.seen"] = time.monotonic() - 9 * 60
    at.run()
    assert not locked_screen(at)


def test_the_browser_saying_idle_locks_the_session(sealed):
    at = unlock(open_page("app.py"))
    at.session_state["take_two_idle.fired"] = True
    at.run()
    assert locked_screen(at)


def test_the_passphrase_is_offered_on_the_first_visit_and_set_on_safety_and_help(db_path):
    at = open_page("app.py")
    assert words.PASSPHRASE_OFFER in [e.label for e in at.expander]
    at.switch_page("pages/6_Safety_and_help.py").run()
    assert words.PASSPHRASE_WARNING in texts(at)
    at.text_input(key="lock.new").input(PASS)
    at.text_input(key="lock.again").input(PASS + "x")
    at.button(key="lock.set_button").click().run()
    assert "not the same" in texts(at)
    at.text_input(key="lock.new").input(PASS)
    at.text_input(key="lock.again").input(PASS)
    at.button(key="lock.set_button").click().run()
    assert not at.exception and words.PASSPHRASE_SET_DONE in texts(at) and not locked_screen(at)
    assert locked_screen(open_page("app.py"))


def test_safety_mode_offers_the_passphrase_again_on_home(db_path):
    with file_at(db_path) as store:
        store.add_checkin(CheckIn(None, None, 2, note="tired"))
        views.choose_safety(store, "on")
    at = open_page("app.py")
    assert words.PASSPHRASE_SAFETY_OFFER in texts(at)


def test_the_idle_minutes_are_a_setting(sealed):
    at = unlock(open_page("pages/6_Safety_and_help.py"))
    at.number_input(key="lock.minutes").set_value(3)
    at.button(key="lock.minutes_save").click().run()
    assert not at.exception
    at.session_state["take_two.lock.seen"] = time.monotonic() - 4 * 60
    at.run()
    assert locked_screen(at)


@pytest.mark.parametrize("page", ["app.py", "pages/6_Safety_and_help.py", "pages/7_Your_data.py"])
def test_a_journal_changed_outside_take_two_says_so_and_offers_what_still_reads(sealed, page):
    """Someone with the laptop wrote a 'lifted' safety event in clear: not safety off, but a plain word."""
    import duckdb

    con = duckdb.connect(str(sealed))
    con.execute("INSERT INTO safety_events SELECT 'forged', chosen_at + INTERVAL 1 MINUTE, 'lifted', utc_offset "
                "FROM safety_events LIMIT 1")
    con.close()
    at = open_page("app.py")
    unlock(at)
    if page != "app.py":
        at.switch_page(page).run()
    assert not at.exception
    assert any("changed outside Take Two" in e.value for e in at.error)
    assert at.get("download_button")  # what can still be read, to take away
    assert at.button(key="frame.set_aside")


def test_wrong_tries_while_locked_are_told_once_to_whoever_opens_it(sealed):
    sibling = open_page("app.py")
    unlock(sibling, "is it her birthday")
    unlock(sibling, "or the dog's name")
    alex = open_page("app.py")
    unlock(alex)
    told = [w.value for w in alex.warning if "wrong passphrase was typed 2 times" in w.value]
    assert len(told) == 1
    alex.run()
    assert not [w for w in alex.warning if "wrong passphrase was typed" in w.value]  # once, not on every click
    again = open_page("app.py")  # nobody tried since: nothing to tell
    unlock(again)
    assert not [w for w in again.warning if "wrong passphrase was typed" in w.value]


def test_copies_made_before_the_passphrase_are_named_and_can_be_deleted(sealed):
    old = sealed.with_name(sealed.name + ".set-aside-20261101-101010")
    old.write_bytes(b"readable old journal")
    at = open_page("app.py")
    unlock(at)
    at.switch_page("pages/6_Safety_and_help.py").run()
    assert any(old.name in w.value for w in at.warning)
    at.button(key="lock.copies_delete").click().run()
    assert not old.exists() and sealed.exists()
    assert words.PASSPHRASE_COPIES_DELETED in texts(at)
    assert "after 10 minutes without use" in texts(at)


def test_a_draft_typed_before_a_lock_is_there_again_once_it_is_opened(sealed):
    """Alex is writing in the pause (why now?) when Lock now is pressed in another window."""
    sam = open_page("app.py")
    unlock(sam)
    sam.switch_page("pages/8_Toolkit.py").run()
    sam.text_area(key="tk.urge.why_now").input("DRAFT-NOT-SAVED lonely").run()
    other = open_page("app.py")
    unlock(other)
    other.button(key="lock.now").click().run()  # locks every window
    sam.button(key="tk.urge.save").click().run()  # the next move meets the lock screen
    assert locked_screen(sam) and "DRAFT-NOT-SAVED" not in everything(sam)
    assert words.LOCK_DRAFT_KEPT in texts(sam)
    unlock(sam)
    assert not locked_screen(sam)
    assert sam.text_area(key="tk.urge.why_now").value == "DRAFT-NOT-SAVED lonely"
    with file_at(sealed) as store:  # kept, not saved behind their back
        views.unlock(store, PASS)
        assert store.tool_entries(("urge",)) == []


def test_the_verdict_that_turns_safety_mode_on_offers_the_passphrase_there(db_path):
    at = open_page("pages/1_Diagnostic.py")
    at.checkbox(key="dx.safety.afraid").check().run()
    at.button(key="dx.save").click().run()
    assert not at.exception
    assert words.PASSPHRASE_SAFETY_OFFER in texts(at)
    assert any(link.label == words.PASSPHRASE_OFFER for link in at.get("page_link"))

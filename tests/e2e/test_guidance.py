"""Honest guidance in a real browser, each path from a fresh file: their no, their boundary,
moving on, and the readiness gate before any step toward them."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import expect

from reunion_core import content as words
from reunion_core.content import REACTANCE_STAGES, TIPS, YOUR_STAGES
from reunion_core.records import CheckIn, DiagnosticAnswers
from reunion_core.views import choose_path, record_diagnostic
from tests.e2e.helpers import click_button, click_label, go_by_sidebar, open_at, settle
from tests.e2e.test_safety import app_on

YES = {"why_ended": "communication", "your_role": "half", "pattern": "no", "why_back": "both_changed",
       "they_want": "yes", "what_different": "concrete"}
CONTACT_STEPS = [s.next_step for s in YOUR_STAGES if s.number >= 3]


def main(page):
    return page.locator("[data-testid=stMain]")


def drawn(page) -> str:
    """Every word the page holds, hidden ones (a closed tab's) included."""
    return page.evaluate("() => document.querySelector('[data-testid=stMain]').textContent")


def test_their_no_is_respected_and_moving_on_is_one_click(new_page, tmp_path):
    with app_on(tmp_path / "no" / "reunion.duckdb", lambda store: None) as url:
        page = new_page(390, 844)
        open_at(page, url, "Diagnostic")
        click_button(page, "Next")
        for answer in ("We grew apart", "About half of it was me", "No, this is different",
                       "I value who they are, not just being with someone", "No, they have said they don't",
                       "Some things have changed"):
            click_label(page, answer)
        click_button(page, "Next")
        click_button(page, "Next")
        click_button(page, "Save and see the verdict")
        expect(main(page)).to_contain_text("Respect their answer.")
        open_at(page, url)  # on a phone the menu is folded away: the address bar, as a person would
        expect(main(page)).to_contain_text(words.NEXT_STEP_THEY_SAID_NO)
        assert not any(step in main(page).inner_text() for step in CONTACT_STEPS)
        click_button(page, words.MOVING_ON_CHOOSE)
        expect(main(page)).to_contain_text(words.MOVING_ON_STREAK)
        open_at(page, url, "Check_in")
        expect(main(page)).to_contain_text(words.ABOUT_YOU_CHECK_IN["moving_on"])
        assert page.get_by_text("How open are they to you").count() == 0  # their openness is no longer tracked


def test_a_boundary_stands_until_the_person_records_that_they_reopened(new_page, tmp_path):
    with app_on(tmp_path / "boundary" / "reunion.duckdb", lambda store: record_diagnostic(
            store, DiagnosticAnswers(YES))) as url:
        page = new_page()
        open_at(page, url, "Check_in")
        click_label(page, "Openly warm and agreeable with you")
        click_label(page, "They asked me not to contact them, or blocked me")
        expect(main(page)).to_contain_text("A request for no contact is a boundary")
        click_button(page, "Save check-in")
        go_by_sidebar(page, "Home")
        day = f"{date.today():%d %b %Y}"
        expect(main(page)).to_contain_text(words.NEXT_STEP_BOUNDARY.format(day=day))
        go_by_sidebar(page, "Contact log")
        expect(main(page)).to_contain_text(f"They asked for no contact on {day}")
        page.get_by_text(words.BOUNDARY_CHANGED).click()
        click_label(page, words.THEY_REOPENED_SURE)
        click_button(page, words.CONFIRM)
        expect(main(page)).to_contain_text(words.THEY_REOPENED_DONE)
        go_by_sidebar(page, "Home")
        expect(main(page)).not_to_contain_text("They asked for no contact on")


def test_a_step_toward_them_waits_for_the_person_to_be_ready(new_page, tmp_path):
    def prepare(store):
        record_diagnostic(store, DiagnosticAnswers(YES))
        store.add_checkin(CheckIn(30, "dip_a_toe", 3, ("one_word",)))
        choose_path(store, "ready", "defining_yourself")
        choose_path(store, "no_contact_since", f"{date.today() - timedelta(days=60):%Y-%m-%d}")

    with app_on(tmp_path / "gate" / "reunion.duckdb", prepare) as url:
        page = new_page()
        open_at(page, url)
        expect(main(page)).to_contain_text("Not yet for Dip a toe")
        expect(main(page)).to_contain_text("As far as you can tell, have they?")
        assert YOUR_STAGES[2].next_step not in main(page).inner_text()
        go_by_sidebar(page, "Your journey")
        click_button(page, words.THEY_HEALED_BUTTON)
        go_by_sidebar(page, "Home")
        expect(main(page)).to_contain_text(YOUR_STAGES[2].next_step)


def test_your_journey_draws_the_tab_chosen_and_keeps_it(new_page, tmp_path):
    """Only the open tab is drawn (issue 15): each tab still shows its whole map when chosen, the
    choice holds across pages, and the no-contact days can still be changed from their popover."""
    def prepare(store):
        record_diagnostic(store, DiagnosticAnswers(YES))
        store.add_checkin(CheckIn(30, "dip_a_toe", 3, ("one_word",)))

    with app_on(tmp_path / "tabs" / "reunion.duckdb", prepare) as url:
        page = new_page()
        open_at(page, url, "Your_journey")
        body = main(page)
        expect(body).to_contain_text(YOUR_STAGES[6].name)
        assert REACTANCE_STAGES[0].focus not in drawn(page)  # not even hidden
        page.get_by_role("tab", name="Their side (5)").click()
        settle(page)
        for stage in REACTANCE_STAGES:
            expect(body).to_contain_text(stage.focus)
        page.get_by_role("tab", name="Tips").click()
        settle(page)
        expect(body).to_contain_text(TIPS[-1].text)
        assert REACTANCE_STAGES[0].focus not in drawn(page)  # not even hidden
        page.get_by_role("tab", name="Their side (5)").click()
        settle(page)
        go_by_sidebar(page, "Home")
        go_by_sidebar(page, "Your journey")
        expect(body).to_contain_text(REACTANCE_STAGES[4].focus)
        page.get_by_role("button", name=words.NO_CONTACT_CHANGE).click()
        page.get_by_label(words.NO_CONTACT_MINIMUM).fill("45")
        page.get_by_role("button", name=words.NO_CONTACT_SAVE).click()
        settle(page)
        expect(body).to_contain_text(words.READY_SAVED)


def _about_them(page) -> list[str]:
    from tests.test_voice import FRAGMENTS

    held = drawn(page) + page.evaluate("() => [...document.querySelectorAll('[data-testid=stMain] label, "
                                       "[data-testid=stMain] [aria-label]')].map(e => e.textContent + ' ' + "
                                       "(e.getAttribute('aria-label') || '')).join(' ')")
    return [f for f in FRAGMENTS if f in held]


def test_on_a_phone_their_boundary_ticked_not_yet_saved_silences_every_reading_of_them(new_page, tmp_path):
    """Sam at 1 a.m. ticks "They asked me not to contact them": the warm reading goes at once."""
    def warm(store):
        record_diagnostic(store, DiagnosticAnswers(YES))
        store.add_checkin(CheckIn(90, "dip_a_toe", 4, ("openly_warm",), ""))

    with app_on(tmp_path / "live-boundary" / "reunion.duckdb", warm) as url:
        page = new_page(390, 844)
        open_at(page, url, "Check_in")
        click_label(page, "Openly warm and agreeable with you")
        assert _about_them(page)  # the slider, their stage, the signs' reading
        click_label(page, "They asked me not to contact them, or blocked me")
        expect(main(page)).to_contain_text("A request for no contact is a boundary")
        assert _about_them(page) == []
        click_label(page, "They asked me not to contact them, or blocked me")  # undone, before saving
        expect(main(page)).to_contain_text(words.OPENNESS_LABEL.split("?")[0])
        assert _about_them(page)


def by_menu(page, label: str) -> None:
    """On a phone: open the folded menu and tap a page, in the same session (what a form holds stays)."""
    page.locator("[data-testid=stExpandSidebarButton]").first.click()
    go_by_sidebar(page, label)


def test_on_a_phone_their_boundary_ticked_not_saved_keeps_home_and_progress_to_it(new_page, tmp_path):
    """Sam ticks "They asked me not to contact them", doesn't save, and opens Home from the menu: no
    stage of theirs, no step toward them, and the next step points back to the check-in. Back on the
    check-in the tick is still there; taken back, Home says where they are again."""
    def warm(store):
        record_diagnostic(store, DiagnosticAnswers(YES))
        store.add_checkin(CheckIn(90, "dip_a_toe", 4, ("openly_warm",), ""))

    with app_on(tmp_path / "held-boundary" / "reunion.duckdb", warm) as url:
        page = new_page(390, 844)
        open_at(page, url)
        assert _about_them(page)  # Home's Them tile: your sense of them, and what the signs point to
        by_menu(page, "Check-in")
        click_label(page, "They asked me not to contact them, or blocked me")
        by_menu(page, "Home")
        expect(main(page)).to_contain_text(words.HELD["boundary"]["checkin"].split(":")[0])
        assert _about_them(page) == []
        by_menu(page, "Progress")
        assert _about_them(page) == []  # no chart of how open they seem
        by_menu(page, "Check-in")
        expect(page.get_by_role("checkbox", name="They asked me not to contact them, or blocked me")).to_be_checked()
        click_label(page, "They asked me not to contact them, or blocked me")  # taken back, not saved
        by_menu(page, "Home")
        expect(main(page)).to_contain_text("Signs point to")
        assert words.HELD["boundary"]["checkin"].split(":")[0] not in drawn(page)


def test_on_a_phone_a_no_answered_not_yet_saved_silences_the_diagnostic(new_page, tmp_path):
    with app_on(tmp_path / "live-no" / "reunion.duckdb", lambda store: record_diagnostic(
            store, DiagnosticAnswers(YES))) as url:
        page = new_page(390, 844)
        open_at(page, url, "Diagnostic")
        click_button(page, "Next")
        assert _about_them(page)  # what is different now, counted against the reasons it ended
        click_label(page, "No, they have said they don't")
        expect(main(page)).to_contain_text(words.THEIR_NO_ANSWERED.split(":")[0])
        assert _about_them(page) == []

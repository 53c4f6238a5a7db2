"""7. The passphrase lock, in a real browser: the owner's remembered key opens the door, never the
journal. A new session, a session after Lock now, after a quick exit and after idle minutes sees
only the neutral lock screen; a wrong passphrase shows nothing of the journal.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from harness.server import KEYS, PAGES, owner_url, running, settle
from reunion_core import content as words
from reunion_core import views
from reunion_core.records import CheckIn
from reunion_core.store import Store

SECRET = "LOCKED-NOTE-5150"
PASSPHRASE = "blue kettle morning walk"
FIELD = "input[type=password]"
NEUTRAL = "https://www.bbc.co.uk/weather"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    path = tmp_path_factory.mktemp("lock") / "data" / "reunion.duckdb"
    store = Store.open(path)
    store.add_checkin(CheckIn(30, "dip_a_toe", 2, note=SECRET))
    views.set_passphrase(store, PASSPHRASE, PASSPHRASE)
    store.close()
    with running(path) as (url, _):
        yield url


def _neutral_site_answered_here(context) -> None:
    """The quick exit's neutral site is answered in the browser; nothing leaves the machine."""
    context.route(lambda url: urlparse(url).hostname not in ("127.0.0.1", "localhost")
                  and urlparse(url).scheme in ("http", "https"),
                  lambda route: route.fulfill(status=200, content_type="text/html",
                                              body="<title>Weather</title><p>Sunny.</p>"))


def _locked(page) -> None:
    """Only the lock screen: its own words, a neutral tab title, nothing of the journal."""
    page.locator(FIELD).wait_for(state="visible", timeout=30_000)
    settle(page)
    assert page.title() == words.LOCK_TAB
    main = page.locator("[data-testid=stMain]").inner_text()
    assert words.LOCK_TITLE in main
    html = page.content()
    assert SECRET not in html
    body = page.locator("body").inner_text()
    for title in {*PAGES.values(), "Take Two", "check-in", "stage", "ex"}:
        assert f" {title.lower()} " not in f" {body.lower()} ".replace("\n", " "), title
    assert page.locator("[data-testid=stSidebar] [data-testid=stPageLink]").count() == 0


def _open(page, passphrase: str = PASSPHRASE) -> None:
    page.locator(FIELD).fill(passphrase)
    page.get_by_role("button", name=words.LOCK_OPEN, exact=True).click()
    settle(page)


def _journal(page, path: str = "Check_in") -> None:
    page.locator("[data-testid=stSidebar] [data-testid=stPageLink]").first.wait_for(state="attached", timeout=30_000)
    settle(page)
    assert SECRET in page.locator("[data-testid=stMain]").inner_text() or path != "Check_in"


def _opened_on_check_in(app: str, *pages) -> None:
    """Each window or tab follows the owner's link, meets the lock screen, and opens the journal."""
    for p in pages:
        p.goto(owner_url(app, "Check_in"))
        _locked(p)
        _open(p)
        _journal(p)


def test_a_new_session_with_the_owners_link_sees_only_the_lock_screen_and_the_remembered_key_opens_nothing(
        new_page, app):
    """A new window: only the lock screen (tests/test_pages_lock.py checks every page in AppTest)."""
    page = new_page()
    for path in ("", "Safety_and_help"):
        page.goto(owner_url(app, path))
        _locked(page)
    page.goto(f"{app}/Check_in")  # a bookmark, or the sibling typing the address: the browser remembers the key
    _locked(page)
    assert page.evaluate("() => localStorage.getItem('take-two-key')") == KEYS[app]  # the door remembers...
    assert SECRET not in page.content()  # ...and that is all it does


def test_the_right_passphrase_opens_it_and_lock_now_locks_every_window(new_page, app):
    page, other = new_page(), new_page(390, 844)
    _opened_on_check_in(app, page, other)
    page.locator("[data-testid=stSidebar]").get_by_role("button", name=words.LOCK_NOW).click()
    _locked(page)
    other.get_by_role("button").filter(has_text="Save").first.click()  # the other window's next move
    _locked(other)


def test_lock_now_hides_and_locks_another_tab_of_the_same_browser_without_a_click(new_page, app):
    page = new_page()
    tab = page.context.new_page()
    _opened_on_check_in(app, page, tab)
    page.locator("[data-testid=stSidebar]").get_by_role("button", name=words.LOCK_NOW).click()
    _locked(page)
    _locked(tab)  # no click in it: it heard this browser lock
    assert page.locator("[data-testid=stSidebar]").is_hidden()  # no empty menu on the lock screen


def test_a_wrong_passphrase_shows_nothing_and_repeated_tries_wait(new_page, app):
    page = new_page()
    page.goto(owner_url(app, "Check_in"))
    _locked(page)
    for _ in range(3):
        _open(page, "not the passphrase")
        expect(page.get_by_text(words.WRONG_PASSPHRASE.split(".")[0])).to_be_visible()
        _locked(page)
    _open(page, "still not it")
    expect(page.get_by_text(words.WAIT_TO_TRY.split(",")[0])).to_be_visible()
    _open(page)  # the right one, at once: still waiting, and still nothing shown
    expect(page.get_by_text(words.WAIT_TO_TRY.split(",")[0])).to_be_visible()
    _locked(page)
    page.wait_for_timeout(2500)
    _open(page)
    _journal(page)


def test_a_quick_exit_locks_the_journal_in_every_tab_and_for_whoever_comes_back(new_page, app):
    page = new_page()
    _neutral_site_answered_here(page.context)
    other = page.context.new_page()  # a second tab of the same browser, open on the journal too
    _opened_on_check_in(app, page, other)
    page.get_by_role("button", name=words.QUICK_EXIT_LABEL).first.click()
    page.wait_for_url(lambda url: not url.startswith(app), timeout=10_000)
    # The other tab is covered at once; its Continue leads to the lock screen, not to the journal.
    other.get_by_role("button", name=words.COVER_CONTINUE).click()
    _locked(other)
    page.goto(f"{app}/Check_in")  # the sibling types the address in the same browser (Continue cleared the cover)
    _locked(page)


def test_after_a_quick_exit_whoever_comes_back_meets_the_cover_then_the_lock(new_page, app):
    page = new_page()
    _neutral_site_answered_here(page.context)
    page.goto(owner_url(app, "Check_in"))
    _open(page)
    _journal(page)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(lambda url: not url.startswith(app), timeout=10_000)
    page.goto(f"{app}/Check_in")
    page.get_by_role("button", name=words.COVER_CONTINUE).wait_for(state="visible", timeout=30_000)
    assert SECRET not in page.content()
    page.get_by_role("button", name=words.COVER_CONTINUE).click()
    _locked(page)


def test_idle_minutes_lock_the_page_in_the_browser(new_page, app):
    page = new_page()
    page.clock.install()  # the browser's own clock, moved on below: no real ten-minute wait
    page.goto(owner_url(app, "Check_in"))
    _locked(page)
    _open(page)
    _journal(page)
    page.clock.fast_forward("10:30")  # the default 10 minutes, and the timer's next 5-second look
    _locked(page)


def test_a_draft_typed_before_a_lock_elsewhere_is_there_again_once_opened(new_page, app):
    page, other = new_page(), new_page()
    for p in (page, other):
        p.goto(owner_url(app, "Toolkit"))
        _open(p)
        _journal(p, "Toolkit")
    box = page.locator("[data-testid=stMain] textarea").first
    box.fill("DRAFT-NOT-SAVED about tonight")
    box.press("Tab")
    settle(page)
    other.locator("[data-testid=stSidebar]").get_by_role("button", name=words.LOCK_NOW).click()
    _locked(other)
    page.get_by_role("button", name="Start my ten minutes").click()  # the next move meets the lock
    _locked(page)
    assert "DRAFT-NOT-SAVED" not in page.content()
    expect(page.get_by_text(words.LOCK_DRAFT_KEPT)).to_be_visible()
    _open(page)
    _journal(page, "Toolkit")
    expect(page.locator("[data-testid=stMain] textarea").first).to_have_value("DRAFT-NOT-SAVED about tonight")


@pytest.mark.parametrize(("width", "scheme"), [(390, "light"), (1280, "dark")])
def test_the_lock_screen_meets_wcag_aa(browser, app, width, scheme):
    from tests.e2e.test_accessibility import violations

    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(owner_url(app))
        _locked(page)
        page.locator("[data-testid=stExpander] summary").click()  # "Forgotten the passphrase?" open too
        assert violations(page) == []
    finally:
        context.close()

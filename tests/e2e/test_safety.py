"""2. One safety "yes" turns the app to safety, and it holds: a later clean run doesn't lift it,
no page shows reconnection advice (hidden parts included), only a deliberate choice lifts it, and
discreet mode names every page plainly. The help link is on every page and works."""

from contextlib import contextmanager
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from harness.server import running
from reunion_core.content import DISCREET_NAME, DISCREET_SCREENS, RECONNECTION_ADVICE, SAFETY_QUESTIONS
from reunion_core.demo import generate
from reunion_core.records import DiagnosticAnswers
from reunion_core.store import Store
from reunion_core.views import record_diagnostic, save_preferences
from tests.e2e.helpers import PAGES, click_button, click_label, go_by_sidebar, open_at


@pytest.fixture(scope="module")
def safety_url(tmp_path_factory):
    with running(tmp_path_factory.mktemp("safety") / "r.duckdb") as (url, _):
        yield url


def test_one_safety_yes_shows_the_hotline_and_hides_reconnection_advice(new_page, safety_url):
    page = new_page()
    open_at(page, safety_url, "Diagnostic")
    click_button(page, "Next")
    click_label(page, "We stopped communicating well")
    click_button(page, "Previous")
    click_label(page, "Did they monitor your messages, location or accounts?")
    click_button(page, "Save and see the verdict")  # a safety "yes" is saved at once, from part 1
    main = page.locator("[data-testid=stMain]")
    expect(main).to_contain_text("Safety first.")
    text = main.inner_text()
    assert "Safety first." in text and "800‑799‑7233" in text and "Text START to 88788" in text
    assert "Proceed with care" not in text and "Not yet." not in text

    go_by_sidebar(page, "Home")
    expect(main).to_contain_text("reconnection advice is hidden")
    text = main.inner_text()
    assert "reconnection advice is hidden" in text and "800‑799‑7233" in text
    assert "safety plan" in text and "Them" not in text
    assert page.get_by_role("link", name="Open Safety and help").get_attribute("href").endswith("Safety_and_help")

    go_by_sidebar(page, "Your journey")
    expect(main).to_contain_text("stage guide is hidden")
    text = main.inner_text()
    assert "stage guide is hidden" in text and "Dip a toe" not in text


@pytest.mark.parametrize("path", list(PAGES))
def test_get_help_is_on_every_page_and_opens_safety(new_page, safety_url, path):
    page = new_page()
    open_at(page, safety_url, path)
    sidebar = page.locator("[data-testid=stSidebar]")
    assert "800‑799‑7233" in sidebar.inner_text()
    sidebar.get_by_role("link", name="Get help now").click()
    page.wait_for_url("**/Safety_and_help")
    expect(page.locator("h1").first).to_have_text("Safety & help")
    expect(page.locator("[data-testid=stMain]")).to_contain_text("800‑799‑7233")


def test_a_later_run_in_a_hurry_does_not_lift_safety_mode(new_page, safety_url):
    page = new_page()
    open_at(page, safety_url, "Diagnostic")
    click_label(page, "Have they ever threatened you with a weapon?")
    expect(page.locator("[data-testid=stMain]")).to_contain_text("call your emergency number")
    click_button(page, "Save and see the verdict")
    open_at(page, safety_url, "Diagnostic")
    box = page.get_by_role("checkbox", name="Have they ever threatened you with a weapon?")
    assert box.is_checked()  # the earlier answer stands, with its date
    expect(page.locator("[data-testid=stMain]")).to_contain_text("You said this on")
    for question in SAFETY_QUESTIONS:  # untick every earlier answer, in a hurry, and save again
        if page.get_by_role("checkbox", name=question.text).is_checked():
            click_label(page, question.text)
    assert page.get_by_text("We grew apart").count() == 0  # only safety is asked while safety mode is on
    click_button(page, "Save and see the verdict")
    go_by_sidebar(page, "Home")
    main = page.locator("[data-testid=stMain]")
    expect(main).to_contain_text("reconnection advice is hidden")
    assert "Safety mode is on since" in main.inner_text()


@contextmanager
def app_on(path, prepare):
    """The app on a file that `prepare(store)` set up first (the app then holds the file)."""
    store = Store.open(path)
    try:
        prepare(store)
    finally:
        store.close()
    with running(path) as (url, _):
        yield url


def afraid_days_ago(days: int):
    return lambda store: record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)),
                                           at=datetime.now() - timedelta(days=days))


@pytest.fixture(scope="module")
def ten_years_safe(tmp_path_factory):
    path = tmp_path_factory.mktemp("safe10") / "ten.duckdb"
    generate(path, years=10, seed=1)
    with app_on(path, afraid_days_ago(9)) as url:
        yield url


@pytest.mark.parametrize("path", list(PAGES))
def test_no_page_carries_reconnection_advice_in_safety_mode(new_page, ten_years_safe, path):
    page = new_page()
    open_at(page, ten_years_safe, path)
    page.wait_for_timeout(300)  # charts and tabs drawn
    for tab in page.get_by_role("tab").all():  # hidden tabs and closed expanders are in the DOM too
        tab.click()
    html = page.content()
    assert [advice for advice in RECONNECTION_ADVICE if advice.replace("\"", "&quot;") in html
            or advice in page.locator("body").inner_text()] == []


@pytest.fixture(scope="module")
def discreet_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("discreet") / "d.duckdb"
    with app_on(path, lambda store: save_preferences(store, True, "https://www.bbc.co.uk/weather")) as url:
        yield url


@pytest.mark.parametrize("path", list(PAGES))
def test_discreet_mode_names_every_page_plainly(new_page, discreet_url, path):
    page = new_page()
    open_at(page, discreet_url, path)
    assert page.title() == DISCREET_NAME
    sidebar = page.locator("[data-testid=stSidebar]").inner_text()
    assert "Take Two" not in sidebar and "800‑799‑7233" not in sidebar and "Contact log" not in sidebar
    assert all(name in sidebar for name in DISCREET_SCREENS.values())
    page.locator("[data-testid=stSidebar]").get_by_role("link", name="Help").first.click()
    page.wait_for_url("**/Safety_and_help")
    expect(page.locator("[data-testid=stMain]")).to_contain_text("800‑799‑7233")  # one click away


def test_only_a_deliberate_choice_lifts_it_and_one_click_brings_it_back(new_page, tmp_path):
    with app_on(tmp_path / "data" / "lift.duckdb", afraid_days_ago(3)) as url:
        page = new_page()
        open_at(page, url, "Safety_and_help")
        page.get_by_text("I am safe now and want the reconnection tools back").click()
        lift = page.get_by_role("button", name="Turn the reconnection tools back on")
        expect(lift).to_be_disabled()  # not before the person ticks that they chose it
        click_label(page, "I have read this, and I am choosing this for myself")
        expect(lift).to_be_enabled()
        click_button(page, "Turn the reconnection tools back on")
        expect(page.locator("[data-testid=stMain]")).to_contain_text("Are you sure?")
        click_button(page, "Yes, I am safe now")
        expect(page.locator("[data-testid=stMain]")).to_contain_text("Safety mode is off since")
        go_by_sidebar(page, "Home")
        assert "reconnection advice is hidden" not in page.locator("[data-testid=stMain]").inner_text()
        go_by_sidebar(page, "Safety & help")
        click_button(page, "Turn safety mode back on")
        go_by_sidebar(page, "Home")
        expect(page.locator("[data-testid=stMain]")).to_contain_text("reconnection advice is hidden")


def test_a_phone_in_london_is_offered_the_uk_lines_without_asking(new_page, base_url):
    """The browser's own time zone picks the place (read on this computer only) until one is chosen."""
    page = new_page(390, 844, timezone_id="Europe/London", locale="en-GB")
    open_at(page, base_url, "Safety_and_help")
    main = page.locator("[data-testid=stMain]")
    expect(main.locator('a[href="tel:+448082000247"]').first).to_be_visible()  # the National Domestic Abuse Helpline
    expect(main.locator('a[href="tel:999"]').first).to_be_visible()
    assert "800\u2011799" not in main.inner_text()
    assert main.get_by_role("combobox", name="Help lines for").input_value() == "United Kingdom"  # and it says so
    line = page.locator("[data-testid=stSidebar]").get_by_text("Hotline (UK, 24/7)")
    expect(line).to_be_attached()  # folded away on a phone, there once the menu opens


def test_help_lines_are_links_a_phone_can_call_and_text(new_page, base_url):
    page = new_page(390, 844)
    open_at(page, base_url, "Safety_and_help")
    main = page.locator("[data-testid=stMain]")
    call = main.locator('a[href="tel:+18007997233"]').first
    expect(call).to_be_visible()
    assert call.inner_text() == "800\u2011799\u20117233"
    box = call.bounding_box()
    assert box and box["height"] < 30  # one line: it never breaks at a hyphen
    expect(main.locator('a[href="sms:88788?&body=START"]').first).to_be_visible()
    expect(main.locator('a[href="tel:988"]').first).to_be_visible()

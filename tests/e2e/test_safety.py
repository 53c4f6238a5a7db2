"""2. One safety "yes" turns the app to safety; the help link is on every page and works."""

import pytest
from playwright.sync_api import expect

from harness.server import running
from tests.e2e.helpers import PAGES, click_button, click_label, go_by_sidebar, open_at


@pytest.fixture(scope="module")
def safety_url(tmp_path_factory):
    with running(tmp_path_factory.mktemp("safety") / "r.duckdb") as (url, _):
        yield url


def test_one_safety_yes_shows_the_hotline_and_hides_reconnection_advice(new_page, safety_url):
    page = new_page()
    open_at(page, safety_url, "Diagnostic")
    click_label(page, "We stopped communicating well")
    click_label(page, "Did they monitor your messages, location or accounts?")
    click_button(page, "Save and see the verdict")
    main = page.locator("[data-testid=stMain]")
    expect(main).to_contain_text("Safety first.")
    text = main.inner_text()
    assert "Safety first." in text and "800-799-7233" in text and "Text START to 88788" in text
    assert "Proceed with care" not in text and "Not yet." not in text

    go_by_sidebar(page, "Home")
    expect(main).to_contain_text("reconnection advice is hidden")
    text = main.inner_text()
    assert "reconnection advice is hidden" in text and "800-799-7233" in text
    assert page.get_by_role("link", name="Go there").count() == 0

    go_by_sidebar(page, "Your journey")
    expect(main).to_contain_text("stage guide is hidden")
    text = main.inner_text()
    assert "stage guide is hidden" in text and "Dip a toe" not in text


@pytest.mark.parametrize("path", list(PAGES))
def test_get_help_is_on_every_page_and_opens_safety(new_page, safety_url, path):
    page = new_page()
    open_at(page, safety_url, path)
    sidebar = page.locator("[data-testid=stSidebar]")
    assert "800-799-7233" in sidebar.inner_text()
    sidebar.get_by_role("link", name="Get help now").click()
    page.wait_for_url("**/Safety_and_help")
    expect(page.locator("h1").first).to_have_text("Safety & help")
    expect(page.locator("[data-testid=stMain]")).to_contain_text("800-799-7233")

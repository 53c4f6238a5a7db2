"""Small moves a person makes in the app, in Playwright terms."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from harness.server import PAGES, owner_url, settle  # noqa: F401  (PAGES: the tests import it from here)


def open_at(page, base_url: str, path: str = "") -> None:
    page.goto(owner_url(base_url, path))
    # The first run of a session waits for the browser to show the owner's key (ui/access.py):
    # the page is there once the shared frame's navigation is drawn, after that second run.
    # (attached, not visible: a phone's folded sidebar is hidden, out of the tab order)
    page.locator("[data-testid=stSidebar] [data-testid=stPageLink]").first.wait_for(state="attached", timeout=30_000)
    settle(page)


def click_label(page, text: str) -> None:
    """Tick (or untick) a checkbox or pick a radio option by the words next to it.

    Streamlit draws its own box over the input, so the click goes to the label. On a busy machine
    one click in CI was lost while the block redrew: the box is watched until it shows the change,
    and clicked a second time only if it still shows nothing after three seconds, so a box that
    never changes still fails here, clearly, rather than as a disabled button half a minute later.
    """
    label = page.locator("label").filter(has_text=text).first
    label.wait_for(state="visible")
    box = label.locator("input[type=checkbox], input[type=radio]")
    if box.count() != 1:
        label.click()
        settle(page)
        return
    want = box.get_attribute("type") == "radio" or not box.is_checked()
    label.click()
    try:
        expect(box).to_be_checked(checked=want, timeout=3_000)
    except AssertionError:
        label.click()
        expect(box).to_be_checked(checked=want, timeout=5_000)
    settle(page)


def click_button(page, name: str) -> None:
    page.get_by_role("button", name=name).first.click()
    settle(page)


def type_into(page, label: str, text: str) -> None:
    box = page.get_by_label(label, exact=True).first
    box.fill(text)
    box.press("Tab")  # a text area commits its value when it loses focus
    settle(page)


def set_slider(page, value: int, index: int = 0) -> None:
    thumb = page.get_by_role("slider").nth(index)
    thumb.focus()
    thumb.press("Home")
    for _ in range(value):
        thumb.press("ArrowRight")
    page.wait_for_timeout(600)  # the slider sends its value after a short pause
    settle(page)


def go_by_sidebar(page, label: str) -> None:
    page.locator("[data-testid=stSidebar]").get_by_role("link", name=label).first.click()
    settle(page)


def chart_data(page, expected: int) -> list[list[dict]]:
    """The data of every Plotly chart on the page, as the browser holds it."""
    page.wait_for_function(
        "n => { const d = [...document.querySelectorAll('.js-plotly-plot')];"
        " return d.length >= n && d.every(e => e.data); }",
        arg=expected,
    )
    return page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')].map(d => d.data.map("
        "t => ({name: t.name || '', x: Array.from(t.x || []), y: Array.from(t.y || [])})))"
    )


def no_exception(page) -> bool:
    return page.locator("[data-testid=stException]").count() == 0


def upload(page, path, nth: int = 0) -> None:
    """Choose a file in the page's first (or nth) file uploader and wait until the app has it."""
    page.locator("input[type=file]").nth(nth).set_input_files(str(path))
    page.locator("[data-testid=stFileUploader]").nth(nth).get_by_text(path.name).first.wait_for()
    page.wait_for_timeout(300)
    settle(page)


def progress_part(page, name: str, charts: int) -> None:
    """Show one part of Progress (they are drawn a part at a time) and wait for its own charts."""
    page.evaluate("() => document.querySelectorAll('.js-plotly-plot').forEach(d => d.dataset.before = '1')")
    exactly = re.compile(f"^\\s*{re.escape(name)}\\s*$")  # "You", not "Both of you"
    page.locator("[data-testid=stButtonGroup] button").filter(has_text=exactly).first.click()
    settle(page)
    page.wait_for_function(
        "n => { const d = [...document.querySelectorAll('.js-plotly-plot')];"
        " return d.length === n && d.every(e => e.data && !e.dataset.before); }",
        arg=charts, timeout=30_000,
    )

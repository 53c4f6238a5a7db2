"""Quick exit: one click, Enter, or Shift three times leaves for a neutral site, on every page.

The neutral site is never really reached: every request to NEUTRAL_HOSTS is answered here by a
Playwright route (recorded in INTERCEPTED), and any other request that would leave the machine
is aborted and recorded in BLOCKED, which must stay empty. The suite's privacy proof
(test_zz_privacy.py) sees the intercepted requests in conftest.REQUESTS: it should allow exactly
the URLs in INTERCEPTED, whose hosts are all in NEUTRAL_HOSTS.

Runs against the real app (`base_url`), or against any running app that calls
ui.quick_exit.quick_exit on every page: set TAKE_TWO_QUICK_EXIT_URL to its address.
"""

from __future__ import annotations

import os
import re
import time
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import PAGES, open_at

NEUTRAL_HOSTS = {"www.bbc.co.uk"}  # where the default target (https://www.bbc.co.uk/weather) lives
NEUTRAL_TITLE = "Weather"
NEUTRAL_BODY = f"<title>{NEUTRAL_TITLE}</title><h1>{NEUTRAL_TITLE}</h1>"
INTERCEPTED: list[str] = []  # requests to NEUTRAL_HOSTS, answered by the route, never sent
BLOCKED: list[str] = []  # any other request for a non-local host: aborted, and a failure

BUTTON = "#take-two-quick-exit"
COVER = "#take-two-cover"
COVER_TITLE = "Notes"  # quick_exit's default cover_title
FLAG = "take-two-covered"
LOCAL = re.compile(r"^(https?|wss?)://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(/|$)")
WITH_TEXT = "Contact_log"  # a page with a text area on first view (the diagnostic's are in its part 2)
SETTLED = "[data-testid=stApp][data-test-script-state=notRunning]"

# Text that must never be visible while the cover is up: text nodes outside the cover that the
# browser would paint on screen. innerText is no use here: Chromium includes visibility:hidden
# text in it, and Streamlit's off-screen "Skip to main content" link is not painted.
VISIBLE_TEXT_OUTSIDE_COVER = """() => {
  const cover = document.getElementById('take-two-cover');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || (cover && cover.contains(el))) continue;
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TITLE'].includes(el.tagName)) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const box = el.getBoundingClientRect();  // a visually hidden 1px box clips its text away
    if (box.width <= 1 || box.height <= 1) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();  // on screen, and more than a clipped pixel
    if (r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight) {
      seen.push(node.textContent.trim());
    }
  }
  return seen;
}"""

# Sampled before every paint from the first moment of a page load: was any app text visible
# while there was no cover? (Proves there is no flash of the journal before the cover.)
PAINT_SAMPLER = (
    """
window.__qxFrames = [];
const qxVisible = """
    + VISIBLE_TEXT_OUTSIDE_COVER
    + """;
function qxTick() {
  if (document.body) {
    const cover = document.getElementById('take-two-cover');
    window.__qxFrames.push({t: Math.round(performance.now()), cover: !!cover,
                            text: cover ? [] : qxVisible(), title: document.title});
  }
  requestAnimationFrame(qxTick);
}
requestAnimationFrame(qxTick);
window.__qxTitles = [];  // every change of the tab's title, to the millisecond
new MutationObserver(() => {
  const last = window.__qxTitles[window.__qxTitles.length - 1];
  if (!last || last[1] !== document.title) window.__qxTitles.push([performance.now(), document.title]);
}).observe(document, {subtree: true, childList: true, characterData: true});
"""
)


@pytest.fixture
def app_url(request):
    return os.environ.get("TAKE_TWO_QUICK_EXIT_URL") or request.getfixturevalue("base_url")


def _target_glob() -> re.Pattern:
    hosts = "|".join(re.escape(h) for h in NEUTRAL_HOSTS)
    return re.compile(rf"^https://({hosts})/")


def _answer_neutral(route):
    INTERCEPTED.append(route.request.url)
    route.fulfill(status=200, content_type="text/html", body=NEUTRAL_BODY)


def _block(route):
    BLOCKED.append(route.request.url)
    route.abort()


@pytest.fixture
def exit_page(new_page):
    """A fresh browser session whose neutral site is answered locally; nothing leaves."""
    blocked_before = len(BLOCKED)

    def make(width: int = 1280, height: int = 800):
        page = new_page(width, height)
        context = page.context
        # Routes registered later are tried first: anything non-local is aborted, except the
        # neutral hosts, which are answered here.
        context.route(lambda url: not LOCAL.match(url) and urlparse(url).scheme in ("http", "https"), _block)
        for host in NEUTRAL_HOSTS:
            context.route(f"https://{host}/**", _answer_neutral)
        return page

    yield make
    assert BLOCKED[blocked_before:] == [], "a request would have left the machine"


def _open(page, app_url: str, path: str = "") -> None:
    """Open a page as its owner does and wait for the Quick exit button: the component mounts
    a moment after the script has finished (Streamlit loads its component code lazily)."""
    open_at(page, app_url, path)
    page.locator(BUTTON).wait_for(state="visible")


def _settled(page) -> None:
    """Like helpers.settle, but a covered page is hidden on purpose: wait for it attached."""
    page.wait_for_timeout(300)
    page.wait_for_selector(SETTLED, state="attached")
    page.wait_for_timeout(200)
    page.wait_for_selector(SETTLED, state="attached")


def _on_neutral_site(page) -> None:
    page.wait_for_url(_target_glob(), wait_until="commit", timeout=5_000)
    page.wait_for_load_state("domcontentloaded")
    assert page.title() == NEUTRAL_TITLE
    assert urlparse(page.url).hostname in NEUTRAL_HOSTS


def _still_in_app(page, app_url: str, wait_ms: int = 800) -> None:
    page.wait_for_timeout(wait_ms)  # exit is synchronous: give it time to happen if it would
    assert page.url.startswith(app_url), f"left the app for {page.url}"
    assert page.locator(BUTTON).is_visible()


def _text_area(page):
    box = page.locator("[data-testid=stMain] textarea").first
    box.scroll_into_view_if_needed()
    box.click()
    expect(box).to_be_focused()
    return box


def _press_shift_like_a_person(page, text: str) -> None:
    """Type `text` holding Shift for capitals, as a keyboard does (Shift down ... Shift up)."""
    for char in text:
        if char.isupper():
            page.keyboard.down("Shift")
            page.keyboard.press(f"Key{char}")
            page.keyboard.up("Shift")
        else:
            page.keyboard.press("Space" if char == " " else char)


def _open_covered(page):
    """Expect the cover: opaque, full viewport, only its own words, neutral title."""
    cover = page.locator(COVER)
    expect(cover).to_be_visible()
    assert page.title() == COVER_TITLE
    assert page.evaluate(VISIBLE_TEXT_OUTSIDE_COVER) == []
    words = cover.inner_text()
    assert COVER_TITLE in words
    for title in {*PAGES.values(), "Take Two", "Quick exit"}:
        assert title not in words
    size = page.viewport_size
    box = cover.bounding_box()
    assert box["x"] <= 0 and box["y"] <= 0
    assert box["width"] >= size["width"] and box["height"] >= size["height"]
    background = page.evaluate("getComputedStyle(document.getElementById('take-two-cover')).backgroundColor")
    assert background.startswith("rgb(")  # rgba(...) would let the page show through
    return cover


# ---------------------------------------------------------------------------------------------
# The button: first in the tab order, same place, every page


@pytest.mark.parametrize("path", list(PAGES))
def test_tab_from_page_load_reaches_quick_exit_first(exit_page, app_url, path):
    page = exit_page()
    _open(page, app_url, path)
    button = page.get_by_role("button", name="Quick exit", exact=True)
    expect(button).to_be_visible()
    assert page.locator(BUTTON).count() == 1  # reruns never duplicate it
    page.keyboard.press("Tab")
    expect(page.locator(BUTTON)).to_be_focused()
    ring = page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                         " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
    assert ring[0] != "none" and ring[1] >= 2, f"no visible focus ring: {ring}"
    box = page.locator(BUTTON).bounding_box()
    assert box["y"] < 20 and box["x"] + box["width"] > 1280 - 200  # top right, on every page
    centre = page.evaluate(f"(() => {{ const e = document.elementFromPoint({box['x'] + box['width'] / 2},"
                           f" {box['y'] + box['height'] / 2}); return e && e.id; }})()")
    assert centre == "take-two-quick-exit"  # nothing covers it


def test_reruns_and_page_switches_keep_one_button_and_one_listener(exit_page, app_url):
    page = exit_page()
    _open(page, app_url, WITH_TEXT)
    box = _text_area(page)
    box.fill("x")
    box.press("Tab")  # commits the value: a rerun
    page.wait_for_selector(SETTLED)
    page.locator("[data-testid=stSidebar] a[href$='Check_in']").click()
    page.wait_for_selector(SETTLED)
    page.wait_for_timeout(300)
    assert page.locator(BUTTON).count() == 1
    assert page.evaluate("document.body.firstElementChild.id") == "take-two-quick-exit"
    # One keyup listener: two Shift presses must not count twice (two listeners would exit here).
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    _still_in_app(page, app_url)


@pytest.mark.parametrize("width,height", [(390, 844), (320, 640)])
def test_on_a_phone_the_button_stays_clear_of_the_sidebar_controls(exit_page, app_url, width, height):
    page = exit_page(width, height)
    _open(page, app_url, WITH_TEXT)

    def clear_of(selector):
        other = page.locator(selector).first
        expect(other).to_be_visible()
        a, b = page.locator(BUTTON).bounding_box(), other.bounding_box()
        overlap = not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                       or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
        assert not overlap, f"Quick exit {a} covers {selector} {b}"
        assert a["x"] >= 0 and a["x"] + a["width"] <= width

    clear_of("[data-testid=stExpandSidebarButton]")
    page.locator("[data-testid=stExpandSidebarButton]").click()
    page.wait_for_timeout(600)
    clear_of("[data-testid=stSidebarCollapseButton]")
    expect(page.locator(BUTTON)).to_be_visible()


# ---------------------------------------------------------------------------------------------
# Leaving: click, keyboard, Shift three times


@pytest.mark.parametrize("path", list(PAGES))
def test_quick_exit_leaves_every_page_for_the_neutral_site(exit_page, app_url, path):
    page = exit_page()
    _open(page, app_url, path)
    assert PAGES[path] in page.title()
    entries = page.evaluate("history.length")
    box = page.locator(BUTTON).bounding_box()
    started = time.perf_counter()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(_target_glob(), wait_until="commit", timeout=5_000)
    elapsed = (time.perf_counter() - started) * 1000
    _on_neutral_site(page)
    assert PAGES[path] not in page.title() and "Take Two" not in page.title()
    assert page.evaluate("history.length") == entries  # replaced, not pushed
    print(f"quick exit on /{path}: click to the neutral page's commit in {elapsed:.0f} ms")
    assert elapsed < 2_000


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_the_keyboard_activates_it(exit_page, app_url, key):
    page = exit_page()
    _open(page, app_url, WITH_TEXT)
    page.keyboard.press("Tab")
    expect(page.locator(BUTTON)).to_be_focused()
    page.keyboard.press(key)
    _on_neutral_site(page)


def test_shift_three_times_in_a_text_area_leaves(exit_page, app_url):
    page = exit_page()
    _open(page, app_url, WITH_TEXT)
    _text_area(page)
    page.keyboard.type("still typing")
    for _ in range(3):
        page.keyboard.press("Shift")
    _on_neutral_site(page)


def test_shift_three_times_on_the_page_leaves(exit_page, app_url):
    page = exit_page()
    _open(page, app_url, "")
    for _ in range(3):
        page.keyboard.press("Shift")
    _on_neutral_site(page)


def test_typing_capitals_in_a_text_area_does_not_leave(exit_page, app_url):
    page = exit_page()
    _open(page, app_url, WITH_TEXT)
    box = _text_area(page)
    _press_shift_like_a_person(page, "HELLO World")
    _press_shift_like_a_person(page, " ABC")  # three Shift presses, each with a letter
    _still_in_app(page, app_url)
    assert box.input_value() == "HELLO World ABC"
    # Any other key between bare Shift presses starts the count again.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    _still_in_app(page, app_url)


def test_shift_presses_more_than_five_seconds_apart_do_not_leave(exit_page, app_url):
    page = exit_page()
    _open(page, app_url, WITH_TEXT)
    for i in range(3):
        if i:
            page.wait_for_timeout(2_600)
        page.keyboard.press("Shift")
    _still_in_app(page, app_url, wait_ms=500)


# ---------------------------------------------------------------------------------------------
# The cover: Back, a fresh load, Continue


def test_back_after_quick_exit_shows_only_the_cover_until_continue(exit_page, app_url):
    page = exit_page()
    _open(page, app_url, "")
    page.locator(f"[data-testid=stSidebar] a[href$='{WITH_TEXT}']").click()
    page.wait_for_url(f"**/{WITH_TEXT}")
    page.wait_for_selector(SETTLED)
    expect(page.locator("h1").first).to_have_text(PAGES[WITH_TEXT])
    # Time from the press to the page being hidden and unloaded, measured inside the page.
    page.evaluate("""() => {
      addEventListener('pointerdown', () => sessionStorage.setItem('qx.down', performance.now()), true);
      addEventListener('pagehide', () => sessionStorage.setItem('qx.gone', JSON.stringify(
        [performance.now(), document.documentElement.style.visibility, document.title])));
    }""")
    page.locator(BUTTON).click()
    _on_neutral_site(page)

    page.go_back()  # the page switch left an app entry behind: Home
    assert page.url.rstrip("/") == app_url.rstrip("/")
    _settled(page)
    _open_covered(page)
    down = float(page.evaluate("sessionStorage.getItem('qx.down')"))
    gone, visibility, title = page.evaluate("JSON.parse(sessionStorage.getItem('qx.gone'))")
    print(f"quick exit: press to pagehide {gone - down:.0f} ms, page hidden: {visibility == 'hidden'}")
    assert visibility == "hidden" and title == COVER_TITLE and gone - down < 1_000

    page.keyboard.press("Tab")  # the cover's Continue is first; the app below is out of reach
    expect(page.locator(f"{COVER} button")).to_be_focused()
    page.locator(f"{COVER} button").click()
    expect(page.locator(COVER)).to_have_count(0)
    _settled(page)
    expect(page.locator("h1").first).to_have_text(PAGES[""])
    expect(page.locator(BUTTON)).to_be_visible()
    assert page.title() != COVER_TITLE and "Take Two" in page.title()
    assert page.evaluate(f"localStorage.getItem('{FLAG}')") is None
    # Cleared for good: another page of the app is not covered.
    page.locator("[data-testid=stSidebar] a[href$='Progress']").click()
    page.wait_for_selector(SETTLED)
    expect(page.locator("h1").first).to_have_text(PAGES["Progress"])
    assert page.locator(COVER).count() == 0


@pytest.mark.parametrize("path", [WITH_TEXT, "Your_data"])
def test_a_fresh_load_while_flagged_never_paints_the_journal(exit_page, app_url, path):
    page = exit_page()
    _open(page, app_url, "")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    _on_neutral_site(page)
    page.add_init_script(PAINT_SAMPLER)
    page.goto(f"{app_url}/{path}")  # typed into the address bar, say
    _settled(page)
    _open_covered(page)
    frames = page.evaluate("window.__qxFrames")
    assert len(frames) > 5
    leaks = [f for f in frames if f["text"]]
    assert leaks == [], f"journal text painted before the cover: {leaks[:3]}"
    # The tab title. Streamlit's own code names the tab after the page file ("Your data") the
    # moment the session starts, before the script's first message can say otherwise: allow
    # that for a few milliseconds (about 5 when quick exit's title is the first thing a page
    # sends, 100-300 when the page waits for something first), never the app's own titles.
    titles = page.evaluate("window.__qxTitles")
    assert titles[-1][1] == COVER_TITLE
    assert not any("Take Two" in t for _, t in titles), titles
    shown = sum(end - start for (start, t), (end, _) in zip(titles, titles[1:], strict=False) if PAGES[path] in t)
    assert shown < 50, f"the page's name stayed in the tab for {shown:.0f} ms: {titles}"
    first = next(f["t"] for f in frames if f["cover"])
    print(f"cover up {first} ms after the start of the load of /{path}")
    # Streamlit reruns (a page switch behind the cover) keep the neutral title.
    page.evaluate("document.title = 'Take Two'")
    page.wait_for_function(f"document.title === '{COVER_TITLE}'")


def test_leaving_from_one_tab_covers_the_app_in_the_others(exit_page, app_url):
    other = exit_page()
    _open(other, app_url, WITH_TEXT)
    page = other.context.new_page()  # same browser profile, second tab
    _open(page, app_url, "")
    page.locator(BUTTON).click()
    _on_neutral_site(page)
    _open_covered(other)
    other.locator(f"{COVER} button").click()
    expect(other.locator(COVER)).to_have_count(0)
    expect(other.locator("h1").first).to_have_text(PAGES[WITH_TEXT])
    # A page restored from the back/forward cache while the mark is set is covered at once.
    other.evaluate(f"""() => {{ localStorage.setItem('{FLAG}', '1');
        dispatchEvent(new PageTransitionEvent('pageshow', {{persisted: true}})); }}""")
    _open_covered(other)


def test_the_target_is_the_only_non_local_request():
    """Runs after the tests above: what the privacy proof should allow, and nothing else."""
    assert BLOCKED == []
    assert all(urlparse(u).hostname in NEUTRAL_HOSTS for u in INTERCEPTED), INTERCEPTED

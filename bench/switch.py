"""The page switch a person feels, in Debian's Chromium: from a click in the sidebar to the page drawn
(script finished, its title shown, every chart rendered), against the same click in a two-page
app whose pages are one line each (bench/floor_nav.py), in the same run."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from reunion_core.content import SCREENS

FLOOR_NAV = Path(__file__).resolve().parent / "floor_nav.py"
READ_HOME_MS = 3000
# The screens in the sidebar's order, by the words of their link and of their title.
SWITCHES = [(key, s.nav or s.title, s.title) for key, s in SCREENS.items()]

# Drawn: the script has finished, the title is the new page's, and as many charts as the page has
# are drawn (their SVG is there): a chart's code loads late the first time, after the script ends.
DRAWN = """
([title, charts]) => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const h1 = document.querySelector('[data-testid=stMain] h1');
  if (!h1 || !h1.textContent.startsWith(title)) return false;
  return document.querySelectorAll('[data-testid=stMain] .js-plotly-plot .main-svg').length >= charts;
}
"""


def charts_on_progress(db: Path, passphrase: str | None = None) -> int:
    """How many charts Progress draws first for this file: its first part's (an empty chart is a line
    of text, not a chart)."""
    from datetime import date

    from reunion_core import views
    from reunion_core.store import Store

    store = Store.open(db)
    try:
        if passphrase:
            views.unlock(store, passphrase)
        view = views.progress(store, views.ALL, None, date.today())
        first = next(iter(view.sections.values()), [])
        return sum(not view.charts[i].is_empty for i in first)
    finally:
        store.close()


def _click(page, link: str, title: str, charts: int = 0) -> float:
    """Seconds from a click on the sidebar link `link` to the page titled `title` drawn, with `charts`."""
    target = page.locator("[data-testid=stSidebar] a").filter(has_text=link).first
    target.wait_for()
    started = time.perf_counter()
    target.click()
    page.wait_for_function(DRAWN, arg=[title, charts], polling="raf", timeout=60_000)
    return time.perf_counter() - started


def _browser(p):
    from harness.server import LAUNCH_ARGS, chromium

    return p.chromium.launch(executable_path=chromium(), args=LAUNCH_ARGS)


def bench_switches(db: Path, rounds: int, progress, passphrase: str | None = None) -> tuple[dict[str, float], float]:
    """Median ms of a switch to each page, and of the floor's switch, round-robin over the pages
    (on an encrypted file, opened first with its passphrase)."""
    from playwright.sync_api import sync_playwright

    from harness.server import SETTLED, owner_url, running

    samples: dict[str, list[float]] = {key: [] for key, _, _ in SWITCHES}
    floor: list[float] = []
    charts = {"progress": charts_on_progress(db, passphrase)}
    with sync_playwright() as p, running(db) as (url, _), running(db, script=str(FLOOR_NAV)) as (floor_url, _):
        browser = _browser(p)
        app = browser.new_page(viewport={"width": 1280, "height": 800})
        app.goto(owner_url(url))
        if passphrase:
            app.locator("input[type=password]").fill(passphrase)
            app.get_by_role("button", name="Open", exact=True).click()
            app.locator("[data-testid=stSidebar] a").first.wait_for(timeout=60_000)
        app.wait_for_selector(SETTLED, timeout=60_000)
        low = browser.new_page(viewport={"width": 1280, "height": 800})
        low.goto(floor_url)
        low.wait_for_selector(SETTLED, timeout=60_000)
        on_one = True
        for i in range(rounds + 1):  # the first round warms every page up
            progress(f"page switches, round {i + 1} of {rounds + 1}")
            for key, link, title in SWITCHES[1:] + SWITCHES[:1]:  # from Home, round the sidebar, back Home
                took = _click(app, link, title, charts.get(key, 0))
                floor_took = _click(low, "Two", "Page two") if on_one else _click(low, "One", "Page one")
                on_one = not on_one
                if i:
                    samples[key].append(took)
                    floor.append(floor_took)
        browser.close()
    return {key: statistics.median(v) * 1000 for key, v in samples.items()}, statistics.median(floor) * 1000


def bench_first_progress(db: Path, starts: int, progress) -> tuple[float, float]:
    """Median ms of the first switch to Progress after a server starts, and of a later one."""
    from playwright.sync_api import sync_playwright

    from harness.server import SETTLED, owner_url, running

    first, later = [], []
    title, charts = SCREENS["progress"].title, charts_on_progress(db)
    home = SCREENS["home"]
    with sync_playwright() as p:
        browser = _browser(p)
        for i in range(starts):
            progress(f"first open of Progress, start {i + 1} of {starts}")
            with running(db) as (url, _):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(owner_url(url))
                page.wait_for_selector(SETTLED, timeout=60_000)
                page.wait_for_timeout(READ_HOME_MS)  # a person reads Home before moving on
                first.append(_click(page, title, title, charts))
                for _ in range(2):
                    _click(page, home.nav, home.title)
                    later.append(_click(page, title, title, charts))
                page.close()
        browser.close()
    return statistics.median(first) * 1000, statistics.median(later) * 1000

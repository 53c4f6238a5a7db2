"""`make screenshots`: a PNG of every page, desktop and phone width, light and dark, with the demo journey.

    python -m tests.e2e.screenshots [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.server import LAUNCH_ARGS, ROOT, chromium, owner_url, running
from reunion_core.demo import generate
from reunion_core.records import DiagnosticAnswers
from reunion_core.store import Store
from reunion_core.views import record_diagnostic, save_preferences
from tests.e2e.helpers import PAGES, open_at, progress_part

SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def shoot(page, out: Path, name: str, width: int, height: int) -> None:
    """The whole main area at this width, as one picture."""
    full = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": width, "height": max(height, full)})
    page.wait_for_timeout(800)  # charts redraw at the new size
    target = out / f"{name}.png"
    page.screenshot(path=str(target))
    page.set_viewport_size({"width": width, "height": height})
    print(f"{name:>28}: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


def safety_screens(browser, out: Path, folder: Path) -> None:
    """Safety mode (Home, Safety & help), discreet mode, and the cover after a quick exit."""
    path = folder / "safe.duckdb"
    generate(path, years=2, seed=1)
    store = Store.open(path)
    record_diagnostic(store, DiagnosticAnswers(safety=("afraid", "monitored")))
    store.close()
    with running(path) as (url, _):
        for size, (width, height) in SIZES.items():
            page = browser.new_context(viewport={"width": width, "height": height}).new_page()
            open_at(page, url, "")
            shoot(page, out, f"safety-home-{size}", width, height)
            open_at(page, url, "Safety_and_help")
            shoot(page, out, f"safety-help-{size}", width, height)
            # As after a quick exit: the next page of Take Two that opens shows only the cover.
            page.evaluate("() => { localStorage.setItem('take-two-covered', '1');"
                          " document.cookie = 'take-two-covered=1; path=/; SameSite=Strict'; }")
            page.goto(owner_url(url, "Diagnostic"))
            page.locator("#take-two-cover").wait_for(timeout=30_000)
            page.wait_for_timeout(500)
            page.screenshot(path=str(out / f"quick-exit-cover-{size}.png"))
            page.context.close()
    store = Store.open(path)
    save_preferences(store, True, "https://www.bbc.co.uk/weather")
    store.close()
    with running(path) as (url, _):
        page = browser.new_context(viewport=dict(zip(("width", "height"), SIZES["desktop"], strict=True))).new_page()
        open_at(page, url, "Check_in")
        shoot(page, out, "discreet-check_in-desktop", *SIZES["desktop"])
        page.context.close()


def lock_screens(browser, out: Path, folder: Path) -> None:
    """The lock screen a new window shows once a passphrase is set: phone (light), desktop (dark)."""
    from reunion_core.views import set_passphrase

    path = folder / "locked.duckdb"
    generate(path, years=2, seed=1)
    store = Store.open(path)
    set_passphrase(store, "a quiet river at dawn", "a quiet river at dawn")
    store.close()
    with running(path) as (url, _):
        for name, size, scheme in (("lock-phone", "phone", "light"), ("lock-desktop-dark", "desktop", "dark")):
            width, height = SIZES[size]
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
            page = context.new_page()
            page.goto(owner_url(url))
            page.locator("input[type=password]").wait_for(timeout=30_000)
            page.wait_for_timeout(800)
            page.screenshot(path=str(out / f"{name}.png"))
            print(f"{name:>28}: {out / name}.png")
            context.close()


def report_screens(browser, out: Path, url: str, folder: Path) -> None:
    """A clarity report with the person's own words, downloaded from Your data, opened from disk."""
    from reunion_core import content as words

    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    open_at(page, url, "Your_data")
    page.locator("label").filter(has_text=words.REPORT_WORDS).first.click()
    page.wait_for_timeout(800)
    with page.expect_download() as got:
        page.get_by_role("button", name=words.REPORT_BUTTON).click()
    report = folder / "report.html"
    got.value.save_as(report)
    context.close()
    for name, (width, height) in (("report-desktop", (1000, 1400)), ("report-phone", SIZES["phone"])):
        context = browser.new_context(viewport={"width": width, "height": height})
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page = context.new_page()
        page.goto(report.as_uri())
        page.wait_for_function("() => [...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg'))")
        page.wait_for_timeout(500)
        page.screenshot(path=str(out / f"{name}.png"))
        print(f"{name:>28}: {out / name}.png")
        context.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reunion.duckdb"
        generate(path, years=2, seed=1)
        with running(path) as (url, _), sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=LAUNCH_ARGS)
            for scheme in ("light", "dark"):  # the app follows the system's colour scheme
                for size, (width, height) in SIZES.items():
                    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                    page = context.new_page()
                    for path_ in PAGES:
                        open_at(page, url, path_)
                        if path_ == "Progress":
                            page.wait_for_function(
                                "() => document.querySelectorAll('.js-plotly-plot .gtitle').length >= 2"
                            )
                        suffix = "" if scheme == "light" else "-dark"
                        shoot(page, out, f"{(path_ or 'Home').lower()}-{size}{suffix}", width, height)
                        if path_ == "Progress":  # the year at a glance, a click away
                            progress_part(page, "Your year", 3)
                            shoot(page, out, f"progress-year-{size}{suffix}", width, height)
                    context.close()
            report_screens(browser, out, url, Path(tmp))
            safety_screens(browser, out, Path(tmp))
            lock_screens(browser, out, Path(tmp))
            browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")

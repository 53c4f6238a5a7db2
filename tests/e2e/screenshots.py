"""`make screenshots`: a PNG of every page, desktop and phone width, with the demo journey.

    python -m tests.e2e.screenshots [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.server import LAUNCH_ARGS, ROOT, chromium, running
from reunion_core.demo import generate
from tests.e2e.helpers import PAGES, open_at

SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reunion.duckdb"
        generate(path, years=2, seed=1)
        with running(path) as (url, _), sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=LAUNCH_ARGS)
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                for path_, title in PAGES.items():
                    open_at(page, url, path_)
                    if path_ == "Progress":
                        page.wait_for_function(
                            "() => document.querySelectorAll('.js-plotly-plot .gtitle').length >= 7"
                        )
                    full = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
                    page.set_viewport_size({"width": width, "height": max(height, full)})
                    page.wait_for_timeout(800)  # charts redraw at the new size
                    name = (path_ or "Home").lower()
                    target = out / f"{name}-{size}.png"
                    page.screenshot(path=str(target))
                    page.set_viewport_size({"width": width, "height": height})
                    print(f"{title:>15} {size:>7}: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
                context.close()
            browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")

"""The browser suite: the real server, the project's config, Debian's chromium."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

from harness.server import LAUNCH_ARGS, chromium, running

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
# Every app server of the suite writes here any attempt to reach or look up a host off this
# machine (ui/serve.py's audit hook); the privacy proof reads it last.
NET_LOG = Path(tempfile.mkdtemp(prefix="take-two-net-")) / "outside.log"
os.environ["TAKE_TWO_NET_LOG"] = str(NET_LOG)
REQUESTS: list[str] = []  # every URL the browser asked for during the whole suite


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)
    # the privacy proof reads every request the suite made, so it runs last
    items.sort(key=lambda item: item.path.name.startswith("test_zz_"))


@pytest.fixture(scope="session")
def browser():
    try:
        executable = chromium()
    except RuntimeError as exc:
        pytest.fail(str(exc))  # never skipped silently
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def app_db(tmp_path_factory):
    return tmp_path_factory.mktemp("e2e") / "data" / "reunion.duckdb"


@pytest.fixture(scope="session")
def server(app_db, tmp_path_factory):
    log = tmp_path_factory.mktemp("logs") / "streamlit.log"
    with running(app_db, log=log) as (url, proc):
        yield url, proc


@pytest.fixture(scope="session")
def base_url(server):
    return server[0]


def _recorded(context):
    context.on("request", lambda request: REQUESTS.append(request.url))
    return context


@pytest.fixture
def new_page(browser):
    """A fresh browser session (its own Streamlit session) at a given size."""
    contexts = []

    def make(width: int = 1280, height: int = 800, **options):  # options: a time zone, a locale
        context = _recorded(browser.new_context(viewport={"width": width, "height": height}, **options))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    yield make
    for context in contexts:
        context.close()


def foreign_requests() -> list[str]:
    return [u for u in REQUESTS if urlparse(u).scheme not in ("data", "blob", "about")
            and urlparse(u).hostname not in {h.strip("[]") for h in LOCAL_HOSTS}]

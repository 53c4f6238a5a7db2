"""6. Locked to its owner: only the owner's browser reads or changes the journal.

Another page on another localhost port, a client with no Origin (another account on the computer),
a browser without the owner's link, and a page that frames the app get nothing, and change nothing.
"""

from __future__ import annotations

import asyncio
import http.server
import shutil
import threading
import time
from contextlib import contextmanager, suppress

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg

from harness.server import KEYS, ROOT, free_port, running
from reunion_core.access import key_file
from reunion_core.content import ACCESS_KEY_FILE, ACCESS_REFUSED, LINK_PRINTED
from reunion_core.records import CheckIn
from reunion_core.store import Store
from tests.e2e.helpers import open_at, settle

SECRET = "SECRET-NOTE-4711"
REFUSED = ACCESS_REFUSED.split("(")[0].strip()  # the refusal's first words, as the page draws them


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    path = tmp_path_factory.mktemp("access") / "data" / "reunion.duckdb"
    store = Store.open(path)
    store.add_checkin(CheckIn(30, "dip_a_toe", 2, note=SECRET))
    store.close()
    with running(path) as (url, _):
        yield url, path


async def _ask(url: str, origin: str | None, query: str) -> bytes:
    """What a raw websocket client receives when it asks for the check-in page."""
    headers = {"Origin": origin} if origin else {}
    received = b""
    async with websockets.connect(url.replace("http", "ws") + "/_stcore/stream", additional_headers=headers,
                                  subprotocols=["streamlit"], open_timeout=10) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = "Check_in"
        await ws.send(msg.SerializeToString())
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                data = await asyncio.wait_for(ws.recv(), timeout=1)
            except TimeoutError:
                continue
            received += data if isinstance(data, bytes) else data.encode()
    return received


def test_the_probe_reads_a_note_where_nothing_stops_it(tmp_path):
    """The raw client below can read a page's text: its refusals are not a blind test."""
    script = tmp_path / "open_app.py"
    script.write_text(f"import streamlit as st\nst.text({SECRET!r})\n")
    with running(tmp_path / "unused.duckdb", script=str(script), cwd=tmp_path) as (url, _):
        assert SECRET.encode() in asyncio.run(_ask(url, url, ""))


@pytest.mark.parametrize(
    ("who", "origin", "with_key"),
    [
        ("a page on another localhost port", "http://127.0.0.1:{other}", True),
        ("a page on another localhost port, by name", "http://localhost:{other}", True),
        ("a client with no Origin (another account)", None, True),
        ("a client that knows the key and forges the Origin, but runs no page", "{url}", True),
        ("a client with no Origin and no key", None, False),
        ("the app's own origin without the key", "{url}", False),
        ("the app's own origin with a wrong key", "{url}", "wrong"),
    ],
)
def test_no_one_else_reads_a_note(app, who, origin, with_key):
    url, _ = app
    origin = origin.format(other=free_port(), url=url) if origin else None
    query = "" if not with_key else "key=" + (KEYS[url] if with_key is True else with_key)
    received = asyncio.run(_ask(url, origin, query))
    assert SECRET.encode() not in received, who



def test_a_browser_without_the_link_sees_only_where_to_find_it(new_page, app):
    url, _ = app
    page = new_page()
    page.goto(url + "/Check_in")
    settle(page)
    body = page.locator("body").inner_text()
    assert REFUSED in body and SECRET not in page.content()


def test_the_link_lets_the_owner_in_and_the_browser_remembers_it(new_page, app):
    url, _ = app
    page = new_page()
    open_at(page, url, "Check_in")
    assert SECRET in page.locator("[data-testid=stMain]").inner_text()
    assert "key=" not in page.url  # the secret leaves the address bar
    page.goto(url + "/Check_in")  # later, from a bookmark without the key: the browser remembers
    settle(page)
    assert SECRET in page.locator("[data-testid=stMain]").inner_text()


@contextmanager
def another_site(html: str):
    """A page served from another port of this machine, as a local dev server would."""
    port = free_port()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(html.encode())

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()


def test_a_framed_app_shows_nothing_even_with_the_owners_link(new_page, app):
    url, _ = app
    with another_site(f'<iframe id="f" src="{url}/Check_in?key={KEYS[url]}" width="900" height="700"></iframe>') as site:
        page = new_page()
        page.goto(site)
        frame = page.frame_locator("#f")
        frame.locator("[data-testid=stApp]").wait_for(state="attached", timeout=30_000)
        page.wait_for_timeout(3000)  # time enough for the app to draw, if it were going to
        inner = page.frames[1]
        assert inner.evaluate("() => getComputedStyle(document.documentElement).visibility") == "hidden"
        assert SECRET not in inner.content()


STRANGER = "http://stranger.example:8000"  # a page served under another name (a hosts entry, a proxy)


def _stranger_knocks(url: str) -> None:
    """A cross-site page opens a websocket to the app: Streamlit judges (and refuses) its origin."""
    def knock():
        with suppress(Exception):  # refused: that is expected
            asyncio.run(_ask(url, STRANGER, ""))

    thread = threading.Thread(target=knock)  # its own event loop, beside the browser's
    thread.start()
    thread.join(timeout=30)


def test_streamlit_itself_looks_off_the_machine_when_a_stranger_knocks(tmp_path):
    """The probe: a one-line app under the project's config, started plainly, reaches out (so the next test can fail)."""
    shutil.copytree(ROOT / ".streamlit", tmp_path / ".streamlit")
    script = tmp_path / "one_line.py"
    script.write_text("import streamlit as st\nst.text('hello')\n")
    log = tmp_path / "outside.log"
    with running(tmp_path / "unused.duckdb", script=str(script), cwd=tmp_path, plain=True,
                 env={"TAKE_TWO_NET_LOG": str(log)}) as (url, _):
        _stranger_knocks(url)
    assert "checkip.amazonaws.com" in log.read_text()


def test_a_plain_streamlit_run_start_is_as_private_as_make_run(tmp_path, new_page):
    """`streamlit run app.py`: the link is printed in its terminal, the refusal says where to look
    (never the key), and a stranger's knock makes no look-up off this machine."""
    db = tmp_path / "data" / "reunion.duckdb"
    store = Store.open(db)
    store.add_checkin(CheckIn(30, "dip_a_toe", 2, note=SECRET))
    store.close()
    log, terminal = tmp_path / "outside.log", tmp_path / "terminal.log"
    with running(db, plain=True, log=terminal, env={"TAKE_TWO_NET_LOG": str(log)}) as (url, _):
        key = KEYS[url]
        page = new_page()
        page.goto(url + "/Check_in")
        settle(page)
        body = page.locator("body").inner_text()
        assert REFUSED in body and SECRET not in page.content()
        assert ACCESS_KEY_FILE.split("`")[0] in body and str(key_file(db)) in body
        assert key not in page.content()  # where it is kept, never the key itself
        printed = terminal.read_text()
        assert LINK_PRINTED in printed and f"?key={key}" in printed
        assert printed.count(LINK_PRINTED) == 1  # once per process, not once per visit
        _stranger_knocks(url)
        open_at(page, url, "Check_in")
        assert SECRET in page.locator("[data-testid=stMain]").inner_text()
        assert terminal.read_text().count(LINK_PRINTED) == 1
    assert not log.exists() or log.read_text() == "", log.read_text()

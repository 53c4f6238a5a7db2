"""Start the real app (or any script) with `streamlit run`, the way a person's machine does."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager, suppress
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[1]
# Each page's URL path, and the title it shows.
PAGES = {
    "": "Take Two",
    "Diagnostic": "Diagnostic",
    "Check_in": "Stage check-in",
    "Contact_log": "Contact log",
    "Toolkit": "Toolkit",
    "Progress": "Progress",
    "Your_journey": "Your journey",
    "Safety_and_help": "Safety & help",
    "Your_data": "Your data",
}

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str:
    """The browser to drive: $TAKE_TWO_CHROMIUM, or Debian's chromium. Never a download."""
    configured = os.environ.get("TAKE_TWO_CHROMIUM")
    if configured:
        return configured
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError(
        "No Chromium or Chrome found for the browser tests. Install Debian's 'chromium' "
        "(make test does this with apt-get where it can), or set TAKE_TWO_CHROMIUM to a "
        "Chrome or Chromium binary."
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The owner's secret of each running app, by its base URL: a test opens pages as the owner does.
KEYS: dict[str, str] = {}


def owner_url(base_url: str, path: str = "") -> str:
    """The address of a page as the owner opens it: with the install's secret in the link."""
    return f"{base_url}/{path}?key={KEYS[base_url]}" if base_url in KEYS else f"{base_url}/{path}"


@contextmanager
def running(db_path: Path, script: str = "app.py", cwd: Path = ROOT, log: Path | None = None, *,
            plain: bool = False, env: dict[str, str] | None = None):
    """A live server on 127.0.0.1 with the project's own config; always stopped at the end.

    Take Two itself starts the way `make run` starts it (python -m ui.serve), or with `plain` the
    way `streamlit run app.py` does (harness/plain_run.py); any other script (the benchmark's
    one-line floor) with plain `streamlit run`.
    """
    from reunion_core.access import owner_key

    port = free_port()
    env = {**os.environ, "REUNION_DB_PATH": str(db_path), **(env or {})}
    env.pop("TAKE_TWO_APPTEST", None)  # a real server: no AppTest shortcut of any kind
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
    if plain:  # the wrapper adds only the audit hook; it is found from any working folder
        start = [sys.executable, "-m", "harness.plain_run", script]
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    elif script == "app.py":
        start = [sys.executable, "-m", "ui.serve"]
    else:
        start = [sys.executable, "-m", "streamlit", "run", script]
    key = owner_key(db_path) if script == "app.py" else None
    proc = subprocess.Popen(
        [*start, "--server.headless", "true", "--server.port", str(port), "--server.fileWatcherType", "none"],
        cwd=cwd,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        if key:
            KEYS[url] = key
        wait_healthy(url, proc)
        yield url, proc
    finally:
        KEYS.pop(f"http://127.0.0.1:{port}", None)
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if log:
            out.close()


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} was not healthy within {timeout} s")


def listening_addresses(port: int) -> set[str]:
    """Local addresses a TCP socket listens on for `port`, read from /proc (Linux)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            local, state = parts[1], parts[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(_address(address))
    return found


def _address(hex_address: str) -> str:
    raw = bytes.fromhex(hex_address)
    if len(raw) == 4:
        return socket.inet_ntop(socket.AF_INET, raw[::-1])
    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
    return socket.inet_ntop(socket.AF_INET6, words)


SETTLED = "[data-testid=stApp][data-test-script-state=notRunning]"
RUNNING = "[data-testid=stApp][data-test-script-state=running]"


def settle(page, timeout: float = 30_000) -> None:
    """Wait until the rerun an action started has finished and the page is drawn.

    On a busy machine the rerun may start a moment after the click: wait up to a second for
    it to start before waiting for it to end, so a test never reads the page from before.
    """
    with suppress(PlaywrightTimeout):  # it was quick, or this action started no rerun
        page.wait_for_selector(RUNNING, timeout=1_000)
    page.wait_for_selector(SETTLED, timeout=timeout)
    page.wait_for_timeout(150)
    page.wait_for_selector(SETTLED, timeout=timeout)

"""`make run`'s launcher: the owner's link, and the record of any attempt to leave this machine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_an_attempt_to_look_up_or_reach_an_outside_host_is_recorded(tmp_path):
    log = tmp_path / "outside.log"
    code = (
        f"import socket, ui.serve as s; s._record_outside_attempts({str(log)!r})\n"
        "for host in ('127.0.0.1', 'localhost', 'checkip.example.invalid'):\n"
        "    try: socket.getaddrinfo(host, 80)\n"
        "    except OSError: pass\n"
        "sock = socket.socket(); sock.settimeout(0.2)\n"
        "try: sock.connect(('192.0.2.1', 80))\n"
        "except OSError: pass\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=60, check=True)
    assert log.read_text().splitlines() == ["socket.getaddrinfo checkip.example.invalid", "socket.connect 192.0.2.1"]


def test_streamlits_ip_lookups_are_turned_off():
    code = "import ui.launch as s; s.no_outside_lookups(); from streamlit import net_util; " \
           "print(net_util.get_internal_ip(), net_util.get_external_ip())"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=60, capture_output=True, text=True)
    assert out.stdout.strip() == "None None", out.stderr


def test_the_owner_key_is_private_and_stable(tmp_path):
    from reunion_core.access import key_file, owner_key

    db = tmp_path / "data" / "reunion.duckdb"
    key = owner_key(db)
    assert len(key) >= 40 and owner_key(db) == key
    assert oct(key_file(db).stat().st_mode & 0o777) == "0o600"
    os.chmod(key_file(db), 0o644)
    try:
        owner_key(db)
    except Exception as exc:  # a key others could read is not trusted
        assert "can be read by another account" in str(exc)
    else:
        raise AssertionError("a readable key file was trusted")


def test_same_origin_is_exact():
    from reunion_core.access import same_origin

    assert same_origin("http://127.0.0.1:8501", "127.0.0.1:8501")
    assert same_origin("http://localhost:8501", "localhost:8501")
    assert not same_origin("http://127.0.0.1:3000", "127.0.0.1:8501")
    assert not same_origin("https://127.0.0.1:8501", "127.0.0.1:8501")
    assert not same_origin("http://evil.test:8501", "evil.test:8501")
    assert not same_origin(None, "127.0.0.1:8501")


def test_no_page_makes_the_server_import_pandas_or_pyarrow(tmp_path):
    """About 75 MB of server memory each time: a list in a component's data, or a dataframe widget,
    would pull them in (measured by make bench). Every page, in a fresh process."""
    code = (
        "import os, sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file('app.py', default_timeout=120).run()\n"
        "for page in sorted(p for p in os.listdir('pages') if p.endswith('.py')):\n"
        "    at.switch_page('pages/' + page).run()\n"
        "    assert not at.exception, (page, at.exception)\n"
        "print(sorted(m for m in ('pandas', 'pyarrow') if m in sys.modules))\n"
    )
    env = {**os.environ, "REUNION_DB_PATH": str(tmp_path / "d" / "r.duckdb"), "TAKE_TWO_APPTEST": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_make_link_prints_the_owners_link_for_the_port_asked(tmp_path):
    from reunion_core.access import owner_key

    db = tmp_path / "data" / "reunion.duckdb"
    env = {**os.environ, "REUNION_DB_PATH": str(db)}
    out = subprocess.run([sys.executable, "-m", "ui.launch", "8602"], cwd=ROOT, env=env, timeout=60,
                         capture_output=True, text=True, check=True)
    assert f"http://127.0.0.1:8602/?key={owner_key(db)}" in out.stdout
    out = subprocess.run([sys.executable, "-m", "ui.launch"], cwd=ROOT, env=env, timeout=60,
                         capture_output=True, text=True, check=True)
    assert "http://127.0.0.1:8501/?key=" in out.stdout


def _first_runs(tmp_path, served: bool) -> str:
    code = ("from ui import launch\n"
            "launch.once(); launch.once()\n"
            "from streamlit import net_util\n"
            "print(net_util.get_internal_ip(), net_util.get_external_ip())\n")
    env = {**os.environ, "REUNION_DB_PATH": str(tmp_path / "reunion.duckdb"), "TAKE_TWO_APPTEST": "0"}
    env.pop("TAKE_TWO_SERVED", None)
    if served:
        env["TAKE_TWO_SERVED"] = "1"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, timeout=60, capture_output=True,
                          text=True, check=True).stdout


def test_a_plain_start_prints_the_link_once_and_turns_off_lookups(tmp_path):
    from reunion_core.access import owner_key
    from reunion_core.content import LINK_PRINTED

    printed = _first_runs(tmp_path, served=False)
    assert printed.count(LINK_PRINTED) == 1 and owner_key(tmp_path / "reunion.duckdb") in printed
    assert printed.strip().endswith("None None")
    printed = _first_runs(tmp_path, served=True)  # make run printed it already
    assert LINK_PRINTED not in printed and printed.strip().endswith("None None")

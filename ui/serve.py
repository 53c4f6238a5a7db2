"""`make run`: start Take Two for its owner, on this machine only.

    python -m ui.serve [streamlit run options]

Sets an owner-only umask before anything is created, makes sure the install's secret exists,
prints the owner's link (like Jupyter's token link), turns off Streamlit's look-ups of the
machine's internal and external IP addresses (made when it judges a refused cross-site request:
a UDP socket toward a public resolver and an HTTP request to an outside host), and then runs
`streamlit run app.py` in this same process. With TAKE_TWO_NET_LOG set, every attempt to reach or
look up a host that is not this machine is written to that file (and stopped), for the test suite's proof.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LOOPBACK = ("127.0.0.1", "::1", "localhost", "0.0.0.0", "")


def _record_outside_attempts(log_path: str) -> None:
    """An audit hook: any connect or name lookup that is not loopback is appended to `log_path`, and stopped."""

    def hook(event: str, args: tuple) -> None:
        if event == "socket.getaddrinfo":
            host = args[0]
        elif event == "socket.connect":
            address = args[1]
            host = address[0] if isinstance(address, tuple) else None  # a Unix socket path is local
        else:
            return
        if isinstance(host, bytes):
            host = host.decode(errors="replace")
        if host is not None and str(host) not in LOOPBACK and not str(host).startswith("127."):
            with open(log_path, "a") as fh:
                fh.write(f"{event} {host}\n")
            raise PermissionError(f"the test suite stops any reach off this machine ({host})")

    sys.addaudithook(hook)


# What the first page imports, in the order it needs them: loaded while Streamlit starts and the browser
# fetches its scripts (about a second in which the server is idle), so the first page doesn't wait for it.
WARM = ("duckdb", "plotly.graph_objects",
        "streamlit.elements.plotly_chart", "reunion_core.views", "reunion_core.transfer", "reunion_core.demo",
        "ui.frame")


def _warm() -> None:
    import importlib
    import time

    time.sleep(0.4)  # after Streamlit's own start-up, which needs the interpreter first

    for name in WARM:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - only a head start: the page imports it again, and says what fails
            return


def _port(argv: list[str]) -> int:
    for i, arg in enumerate(argv):
        if arg.startswith("--server.port="):
            return int(arg.split("=", 1)[1])
        if arg == "--server.port" and i + 1 < len(argv):
            return int(argv[i + 1])
    return 8501


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.umask(0o077)
    if os.environ.get("TAKE_TWO_NET_LOG"):
        _record_outside_attempts(os.environ["TAKE_TWO_NET_LOG"])
    from ui import launch

    print(launch.link_text(_port(argv)), flush=True)
    os.environ[launch.SERVED] = "1"  # the app's first run does not print it again
    launch.no_outside_lookups()
    import threading

    threading.Thread(target=_warm, name="take-two-warm", daemon=True).start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(Path(__file__).resolve().parent.parent / "app.py"), *argv]
    cli.main()


if __name__ == "__main__":
    main()

"""What every way of starting Take Two shares, done once per server process.

`make run` (ui/serve.py) does it before Streamlit starts; a plain `streamlit run app.py` does it
at the app's first run, from ui/access.py. Either way, from then on:

- Streamlit never looks up this machine's internal or external address. It would, to judge a
  refused cross-site page (a UDP socket toward a public resolver, then an HTTP request to an
  outside host): Take Two allows only its own origin, so the answer is never needed.
- The owner's link is printed in the terminal that started it, once (`make link` prints it again).

    python -m ui.launch [port]    print the owner's link (what `make link` runs)

Before the first page of a plain `streamlit run` start has run, a cross-site page that opens a
websocket to it can still set off Streamlit's look-ups once; `make run` has no such window
(docs/PRIVACY.md).
"""

from __future__ import annotations

import os
import sys
import threading

SERVED = "TAKE_TWO_SERVED"  # set by ui/serve.py: the link is already printed
DEFAULT_PORT = 8501
_lock = threading.Lock()
_done = False


def no_outside_lookups() -> None:
    from streamlit import net_util

    net_util.get_internal_ip = lambda: None
    net_util.get_external_ip = lambda: None


def link_text(port: int, *, starting: bool = True) -> str:
    from reunion_core import access
    from reunion_core import content as words
    from reunion_core.paths import db_path

    said = words.LINK_PRINTED if starting else words.LINK_AGAIN
    return f"\n  {said}\n\n    {access.owner_link(port, access.owner_key(db_path()))}\n"


def once() -> None:
    """At the first run of the app in this process: no outside look-ups, and the owner's link printed."""
    global _done
    with _lock:
        if _done:
            return
        _done = True
        no_outside_lookups()
        if os.environ.get(SERVED) != "1" and os.environ.get("TAKE_TWO_APPTEST") != "1":
            from streamlit import config

            print(link_text(int(config.get_option("server.port") or DEFAULT_PORT)), flush=True)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    os.umask(0o077)  # the key file, if this makes it, is owner-only from its first byte
    port = int(argv[0]) if argv and argv[0].strip() else DEFAULT_PORT
    print(link_text(port, starting=False), flush=True)


if __name__ == "__main__":
    main()

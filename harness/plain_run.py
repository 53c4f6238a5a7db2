"""`streamlit run app.py [options]` exactly as a person types it, with the suite's audit hook first.

Nothing of Take Two runs before Streamlit starts (no umask, no link, no patch): whatever keeps a
plain start private must come from the app itself (ui/launch.py). With TAKE_TWO_NET_LOG set, any
attempt to reach or look up a host off this machine is written there (ui/serve.py's hook).
"""

from __future__ import annotations

import os
import sys

from ui.serve import _record_outside_attempts  # ui.serve imports nothing of Streamlit at import

if __name__ == "__main__":
    if os.environ.get("TAKE_TWO_NET_LOG"):
        _record_outside_attempts(os.environ["TAKE_TWO_NET_LOG"])
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    cli.main()

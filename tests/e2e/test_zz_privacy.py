"""4. Privacy: nothing the browser asked for left this machine; the server listens locally only.

Named test_zz_ and sorted last by conftest, so it reads the requests of the whole suite.
"""

import tomllib
from urllib.parse import urlparse

from harness.server import ROOT, listening_addresses
from tests.e2e.conftest import NET_LOG, REQUESTS, foreign_requests
from tests.e2e.test_quick_exit import INTERCEPTED, NEUTRAL_HOSTS


def test_the_server_listens_on_127_0_0_1_only(server):
    url, _ = server
    port = int(url.rsplit(":", 1)[1])
    assert listening_addresses(port) == {"127.0.0.1"}


def test_usage_statistics_are_off_and_the_address_is_local():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"] == "127.0.0.1"


def test_every_request_of_the_suite_stayed_on_this_machine(server):
    assert len(REQUESTS) > 50, "the suite should have made many requests to the app"
    # The only request meant for another host is the quick exit the person asked for; the suite
    # answers it itself (never sent), and it goes to the neutral site only.
    assert [u for u in foreign_requests() if u not in INTERCEPTED] == []
    assert {urlparse(u).hostname for u in INTERCEPTED} <= NEUTRAL_HOSTS and INTERCEPTED


def test_no_app_server_of_the_suite_reached_or_looked_up_a_host_off_this_machine(server):
    """Refused cross-site attempts included (test_access): Streamlit's IP look-ups are off."""
    assert not NET_LOG.exists() or NET_LOG.read_text() == ""

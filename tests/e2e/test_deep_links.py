"""3. A freshly started server, opened straight at each page's URL, draws the shared frame."""

import pytest

from harness.server import running
from tests.e2e.helpers import PAGES, no_exception, open_at


@pytest.fixture(scope="module")
def fresh_url(tmp_path_factory):
    with running(tmp_path_factory.mktemp("deep") / "r.duckdb") as (url, _):
        yield url


@pytest.mark.parametrize(("path", "title"), [(p, t) for p, t in PAGES.items() if p])
def test_a_deep_link_opened_first_shows_the_shared_frame(new_page, fresh_url, path, title):
    page = new_page()
    open_at(page, fresh_url, path)  # the first request of this browser session
    assert page.locator("h1").first.inner_text().strip() == title
    sidebar = page.locator("[data-testid=stSidebar]")
    assert sidebar.get_by_role("link", name="Get help now").count() == 1
    assert sidebar.get_by_role("link", name="Home").count() == 1  # our navigation, not the automatic list
    assert page.title() == f"{title} · Take Two"
    assert no_exception(page)

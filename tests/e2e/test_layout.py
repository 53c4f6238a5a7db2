"""6. Every page, desktop and phone width and at 200% zoom, with a long journey: no sideways scroll, no text
on text."""

import pytest
from playwright.sync_api import expect

from harness.server import running
from reunion_core.demo import generate
from tests.e2e.conftest import _recorded
from tests.e2e.helpers import PAGES, open_at, progress_part

# 200% browser zoom in a 1280 x 800 window lays the page out 640 x 400 CSS pixels wide (WCAG 1.4.4, 1.4.10).
SIZES = {"desktop": (1280, 800), "phone": (390, 844), "zoom200": (640, 400)}

OVERLAPS = """
() => {
  const boxes = (root, sel) => [...root.querySelectorAll(sel)]
    .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0);
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const problems = [];
  document.querySelectorAll('.js-plotly-plot').forEach((plot, i) => {
    const title = plot.querySelector('.gtitle')?.textContent || `chart ${i}`;
    const groups = {
      title: boxes(plot, '.gtitle'),
      axis_titles: boxes(plot, '.xtitle, .ytitle, .x2title, .y2title'),
      legend: boxes(plot, '.legend .legendtext'),
      notes: boxes(plot, '.annotation-text'),
      scale: boxes(plot, '.colorbar text'),
      bar_words: boxes(plot, '.bartext'),
    };
    const notes = groups.notes;
    for (let a = 0; a < notes.length; a++)
      for (let b = a + 1; b < notes.length; b++)
        if (hit(notes[a], notes[b])) problems.push(`${title}: labels overlap each other`);
    const ticks = {x: boxes(plot, '.xtick text'), y: boxes(plot, '.ytick text'),
                   x2: boxes(plot, '.x2tick text'), y2: boxes(plot, '.y2tick text')};
    for (const [axis, list] of Object.entries(ticks))
      for (let a = 0; a < list.length; a++)
        for (let b = a + 1; b < list.length; b++)
          if (hit(list[a], list[b])) problems.push(`${title}: ${axis} tick labels overlap`);
    const named = Object.entries(groups).concat([['ticks', Object.values(ticks).flat()]]);
    for (let a = 0; a < named.length; a++)
      for (let b = a + 1; b < named.length; b++)
        for (const r1 of named[a][1]) for (const r2 of named[b][1])
          if (hit(r1, r2)) problems.push(`${title}: ${named[a][0]} overlaps ${named[b][0]}`);
  });
  return [...new Set(problems)];
}
"""

OVERFLOW = """
() => {
  const main = document.querySelector('[data-testid=stMain]');
  return {page: document.documentElement.scrollWidth - window.innerWidth,
          main: main ? main.scrollWidth - main.clientWidth : 0};
}
"""


@pytest.fixture(scope="module")
def journey_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("layout") / "r.duckdb"
    generate(path, years=10, seed=1)
    with running(path) as (url, _):
        yield url


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("path", list(PAGES))
def test_no_sideways_scroll_and_no_overlapping_chart_text(new_page, journey_url, path, size):
    page = new_page(*SIZES[size])
    open_at(page, journey_url, path)
    parts = [(None, 0), ("Together", 3), ("Days in stages", 2), ("You", 2), ("Reaching out", 2), ("Your year", 3)]
    if path == "Progress":  # both of you first, then every other part in turn
        page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .gtitle').length === 2")
    for part, charts in parts if path == "Progress" else parts[:1]:
        if part:
            progress_part(page, part, charts)
        overflow = page.evaluate(OVERFLOW)
        assert overflow["page"] <= 0 and overflow["main"] <= 0, (part, overflow)
        assert page.evaluate(OVERLAPS) == [], part


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_system_colour_scheme_is_followed_and_the_range_control_fits_a_phone(browser, journey_url, scheme):
    context = _recorded(browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme))
    try:
        page = context.new_page()
        open_at(page, journey_url, "Progress")
        background = page.evaluate(
            "getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor")
        channels = [int(c) for c in background[background.index("(") + 1:-1].split(",")[:3]]
        assert (sum(channels) / 3 < 60) == (scheme == "dark"), background  # a dark page at night
        tops = page.locator("[data-testid=stButtonGroup]").first.locator("button").evaluate_all(
            "els => els.map(e => Math.round(e.getBoundingClientRect().top))")
        assert len(tops) == 5 and len(set(tops)) == 1, tops  # the five range choices on one row
    finally:
        context.close()


def test_on_a_phone_the_menu_folds_away_once_a_page_is_chosen(new_page, journey_url):
    page = new_page(390, 844)
    open_at(page, journey_url)
    sidebar = page.locator("[data-testid=stSidebar]")
    page.locator("[data-testid=stExpandSidebarButton]").first.click()
    page.wait_for_timeout(600)
    box = sidebar.bounding_box()
    assert box and box["x"] + box["width"] > 200  # open, over the page
    sidebar.get_by_role("link", name="Contact log").click()
    page.wait_for_url("**/Contact_log")
    page.wait_for_timeout(800)
    box = sidebar.bounding_box()
    assert not box or box["x"] + box["width"] <= 1, box  # folded away: the chosen page is in view


def test_home_tiles_are_one_height(new_page, journey_url):
    page = new_page(1280, 800)
    open_at(page, journey_url)
    heights = page.evaluate("""() => [...document.querySelectorAll('[data-testid=stMetric]')].map(m => {
        let e = m;
        while (e && !(getComputedStyle(e).borderStyle.includes('solid')
                      && e.getBoundingClientRect().height > m.getBoundingClientRect().height)) e = e.parentElement;
        return e ? Math.round(e.getBoundingClientRect().height) : 0; })""")
    assert len(heights) == 3 and len(set(heights)) == 1, heights


BAND_NAMES = """
() => {
  const plot = [...document.querySelectorAll('.js-plotly-plot')]
    .find(p => p.querySelector('.gtitle')?.textContent.startsWith('How open they seem'));
  const area = plot.querySelector('.nsewdrag').getBoundingClientRect();
  return [...plot.querySelectorAll('.y2tick text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, outside: r.left >= area.right, shown: r.right <= window.innerWidth};
  });
}
"""


@pytest.mark.parametrize("size", list(SIZES))
def test_the_stage_names_sit_beside_the_bands_where_no_line_crosses_them(new_page, journey_url, size):
    page = new_page(*SIZES[size])
    open_at(page, journey_url, "Progress")
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .y2tick text').length >= 5")
    names = page.evaluate(BAND_NAMES)
    assert [n["text"] for n in names] == ["Wall", "TestDrive", "Dragon", "Crisis", "NewBeginnings"], names
    assert all(n["outside"] and n["shown"] for n in names), names


@pytest.mark.parametrize("size", ["phone", "zoom200"])
def test_your_year_with_one_check_in_fits_and_no_text_is_on_text(new_page, tmp_path, size):
    """Sam's first night: one check-in. A calendar of one month, bars with no days behind them."""
    from reunion_core.records import CheckIn
    from reunion_core.store import Store

    path = tmp_path / "one.duckdb"
    store = Store.open(path)
    store.add_checkin(CheckIn(20, "bubble_space", 1))
    store.close()
    with running(path) as (url, _):
        page = new_page(*SIZES[size])
        open_at(page, url, "Progress")
        progress_part(page, "Your year", 1)  # the calendar; the two groups of days are a line of text each
        expect(page.get_by_text("Too few days to compare yet").first).to_be_visible()
        overflow = page.evaluate(OVERFLOW)
        assert overflow["page"] <= 0 and overflow["main"] <= 0, overflow
        assert page.evaluate(OVERLAPS) == []

"""5. Huge, emoji, right-to-left and hostile text in every text field: saved, shown as plain text."""

import pytest
from playwright.sync_api import expect

from harness.server import running
from reunion_core.content import DIAGNOSTIC_QUESTIONS
from reunion_core.store import Store
from tests.e2e.helpers import click_button, click_label, open_at, type_into
from tests.e2e.test_toolkit import tool

HOSTILE = (
    "<script>window.__pwned = 1</script>\n\n"
    "![tracker](http://203.0.113.9/pixel.png)\n\n"
    '<img src="http://203.0.113.9/img.png" onerror="window.__pwned = 2">\n\n'
    "**not bold** [a link](http://203.0.113.9/) שלום, מה שלומך? 💔🙂\n\n"
)
BIG = (HOSTILE + "x" * 10_000)[:10_000]


@pytest.fixture(scope="module")
def robust(tmp_path_factory):
    path = tmp_path_factory.mktemp("robust") / "r.duckdb"
    with running(path) as (url, _):
        yield url, path


def assert_inert(page):
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img[src*='203.0.113.9']").count() == 0
    assert page.locator("[data-testid=stMain] script").count() == 0
    assert page.locator("[data-testid=stMain] a[href*='203.0.113.9']").count() == 0
    assert page.locator("[data-testid=stMain] strong", has_text="not bold").count() == 0
    # shown back, as text, outside any input box
    shown = page.locator("[data-testid=stText]").first
    expect(shown).to_contain_text("<script>window.__pwned = 1</script>")
    expect(shown).to_contain_text("![tracker](http://203.0.113.9/pixel.png)")
    expect(shown).to_contain_text("**not bold** [a link](http://203.0.113.9/) שלום")
    # and the box it was typed into is empty again, ready for the next entry
    assert all(not box.input_value() for box in page.locator("textarea").all())


def test_every_text_field_keeps_hostile_text_as_plain_text(new_page, robust):
    url, path = robust
    page = new_page()

    open_at(page, url, "Diagnostic")
    click_button(page, "Next")
    for q in DIAGNOSTIC_QUESTIONS:
        type_into(page, q.reflection_prompt, BIG)
    click_label(page, "We stopped communicating well")
    click_button(page, "Next")
    click_button(page, "Next")
    click_button(page, "Save and see the verdict")
    expect(page.get_by_text("Not yet.").first).to_be_visible()
    assert_inert(page)

    open_at(page, url, "Check_in")
    type_into(page, "A note for yourself (optional)", BIG)
    click_button(page, "Save check-in")
    expect(page.get_by_text("Check-in saved.")).to_be_visible()
    assert_inert(page)

    open_at(page, url, "Contact_log")
    type_into(page, "Note (optional)", BIG)
    click_button(page, "Save contact")
    expect(page.get_by_text("Contact saved.")).to_be_visible()
    assert_inert(page)

    # inside markdown (a reason of your own is shown in the Toolkit's list): no address becomes a link
    open_at(page, url, "Toolkit")
    tool(page, "What is different now")
    type_into(page, "Another reason it ended, in a few words", "Lies, see http://203.0.113.9/ www.example.org me@example.org")
    click_button(page, "Add this reason")
    expect(page.get_by_text("Reason added.")).to_be_visible()
    expect(page.locator("[data-testid=stMain]")).to_contain_text("example.org")
    assert page.locator("[data-testid=stMain] a[href*='203.0.113.9'], [data-testid=stMain] a[href*='example.org'], "
                        "[data-testid=stMain] a[href^='mailto:']").count() == 0

    # and the file holds every character, whole (read after the server has it open: a copy)
    copy = path.with_name("copy.duckdb")
    copy.write_bytes(path.read_bytes())
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        copy.with_name("copy.duckdb.wal").write_bytes(wal.read_bytes())
    store = Store.open(copy)
    [run] = store.diagnostic_runs()
    assert all(text == BIG for text in run.answers.reflections.values())
    assert len(run.answers.reflections) == 6
    assert store.checkins()[0].note == BIG
    assert store.contacts()[0].note == BIG
    store.close()


def test_text_over_the_limit_gets_a_clear_message_and_stays_in_the_box(new_page, robust):
    url, _ = robust
    page = new_page()
    open_at(page, url, "Check_in")
    type_into(page, "A note for yourself (optional)", "y" * 10_050)
    click_button(page, "Save check-in")
    expect(page.get_by_text("The note is 10,050 characters; the limit is 10,000.")).to_be_visible()
    assert len(page.get_by_label("A note for yourself (optional)").input_value()) == 10_050

"""The Toolkit in a real browser, one full flow: a reason and its evidence, a boundary kept and one
broken, a draft held (and yesterday's ready), a date planned and debriefed, an urge paused."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from reunion_core import content as words
from reunion_core.records import DiagnosticAnswers, ToolEntry
from reunion_core.views import record_diagnostic
from tests.e2e.helpers import click_label, open_at, progress_part, settle, type_into
from tests.e2e.test_safety import app_on

YES = {"why_ended": "communication", "your_role": "half", "pattern": "no", "why_back": "both_changed",
       "they_want": "yes", "what_different": "some"}


def prepare(store):
    record_diagnostic(store, DiagnosticAnswers(YES))
    store.add_tool_entry(ToolEntry("draft", {"feel": "calm", "when": "we talk", "need": "more of it"},
                                   at=datetime.now() - timedelta(hours=25)))


def press(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).first.click()
    settle(page)


def tool(page, name: str) -> None:
    """Choose a tool, and wait for its heading (a click landing as a rerun ends is clicked again)."""
    heading = page.locator("[data-testid=stMain] h2").filter(has_text=name)
    for _ in range(3):
        page.locator("[data-testid=stButtonGroup] button").filter(has_text=name).first.click()
        settle(page)
        if heading.count():
            return
    expect(heading).to_have_count(1)


@pytest.mark.parametrize("width", [390, 1280])
def test_one_full_flow_through_every_tool(new_page, tmp_path, width):
    with app_on(tmp_path / "tk" / "reunion.duckdb", prepare) as url:
        page = new_page(width, 900)
        main = page.locator("[data-testid=stMain]")
        open_at(page, url, "Toolkit")
        expect(main).to_contain_text(words.PAUSE_HELP)  # until a step toward them is open, the pause leads
        tool(page, "What is different now")
        expect(main).to_contain_text("1 of 1 reason it ended still has no evidence of change.")

        type_into(page, "What happened", "We talked about money, calmly.")
        press(page, "Save evidence")
        expect(main).to_contain_text("Every reason it ended has some evidence of change.")
        type_into(page, "Another reason it ended, in a few words", "We stopped making time")
        press(page, "Add this reason")
        expect(main).to_contain_text("1 of 2 reasons it ended still has no evidence of change.")

        tool(page, "Boundaries")
        type_into(page, "The boundary, in one sentence", "No texts after ten.")
        press(page, "Save boundary")
        for answer in ("Kept", "Broken"):
            page.locator("label").filter(has_text=re.compile(f"^{answer}$")).first.click()
            settle(page)
            press(page, "Save kept or broken")
        expect(main).to_contain_text("Kept 1 time, broken 1 time")

        tool(page, "Words that wait a day")
        type_into(page, "I feel ...", "left out")
        type_into(page, "when ...", "you never ask about my day")
        expect(main).to_contain_text("invite a debate about the record")  # the gentle hint
        press(page, "Hold it for a day")
        expect(main).to_contain_text("Held until")
        expect(main).to_contain_text(words.WORDS_READY)  # yesterday's draft

        tool(page, "Micro-dates")
        type_into(page, "What", "A 20-minute coffee")
        page.get_by_label("How long (minutes)").fill("20")
        press(page, "Plan it")
        expect(main).to_contain_text("How did it go?")
        for row, answer in enumerate(("Yes", "Yes", "No", "No")):
            page.locator("[data-testid=stRadio]").nth(row).locator("label").filter(has_text=answer).first.click()
            settle(page)
        press(page, "Save how it went")
        expect(main).to_contain_text("Connected 5/10")

        tool(page, "A pause before you reach out")
        type_into(page, words.PAUSE_QUESTIONS["why_now"], "It's late and I miss them.")
        click_label(page, "No, not yet")
        press(page, "Start my ten minutes")
        expect(main).to_contain_text("Your ten minutes end at")
        click_label(page, "I didn't send anything")
        press(page, "Save what I chose")
        expect(main).to_contain_text(words.PAUSE_HELD)
        expect(main).to_contain_text("You've paused 1 time; 1 of those times you chose not to send.")

        open_at(page, url, "Progress")
        progress_part(page, "Together", 2)  # the journey map is a line of text: no check-ins here
        for title in ("Boundaries kept and broken", "How your micro-dates went"):
            expect(page.locator(".js-plotly-plot .gtitle").filter(has_text=title)).to_have_count(1)
        progress_part(page, "Reaching out", 1)  # no contacts: a line of text
        expect(page.locator(".js-plotly-plot .gtitle").filter(has_text="The urge to reach out")).to_have_count(1)

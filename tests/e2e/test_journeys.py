"""1. A new person: diagnostic, a Test Drive check-in, a contact; all three on Home and in charts."""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import (
    chart_data,
    click_button,
    click_label,
    go_by_sidebar,
    open_at,
    progress_part,
    set_slider,
    type_into,
)

ANSWERS = (
    "We stopped communicating well",
    "About half of it was me",
    "No, this is different",
    "We have both changed in ways that could make it work",
    "Yes, they have said so",
    "We have each named concrete changes",
)


def test_a_new_person_takes_the_first_steps_and_sees_them_everywhere(new_page, base_url):
    page = new_page()
    open_at(page, base_url)
    expect(page.get_by_text("Welcome.")).to_be_visible()
    click_button(page, "Start with the diagnostic")
    expect(page.get_by_role("heading", name="Diagnostic").first).to_be_visible()
    expect(page.get_by_text("Part 1 of 4: Your safety")).to_be_visible()
    click_button(page, "Next")
    expect(page.get_by_text("Part 2 of 4: Six honest questions")).to_be_visible()
    for answer in ANSWERS:
        click_label(page, answer)
    click_button(page, "Next")
    click_button(page, "Next")
    expect(page.get_by_text("Part 4 of 4: Red flags")).to_be_visible()
    click_button(page, "Save and see the verdict")
    expect(page.get_by_text("Proceed with care.").first).to_be_visible()

    go_by_sidebar(page, "Stage check-in")
    set_slider(page, 30)
    expect(page.get_by_text("Stage 2 of 5: Test Drive")).to_be_visible()
    click_label(page, "One-word or very short replies")
    type_into(page, "A note for yourself (optional)", "Short replies, but a reply.")
    click_button(page, "Save check-in")
    expect(page.get_by_text("Check-in saved.")).to_be_visible()

    go_by_sidebar(page, "Contact log")
    click_label(page, "They reached out")
    click_button(page, "Save contact")
    expect(page.get_by_text("Contact saved.")).to_be_visible()

    go_by_sidebar(page, "Home")
    expect(page.locator("[data-testid=stMain]")).to_contain_text("Since last contact")
    body = page.locator("[data-testid=stMain]").inner_text()
    assert "Test Drive: they reply, briefly, without much interest (your sense, stage 2 of 5)" in body
    assert "Signs point to: Test Drive" in body
    assert re.search(r"Since last contact\s+today", body)
    assert "Proceed with care." in body

    go_by_sidebar(page, "Progress")  # a part at a time: both of you first
    openness, your_stage = chart_data(page, 2)
    assert openness[0]["y"] == [30]
    assert your_stage[0]["y"] == [1]  # Bubble space: the stage left at its default
    progress_part(page, "You", 2)
    mood, verdicts = chart_data(page, 2)
    assert mood[0]["y"] == [3]  # "Okay", the mood left at its default
    assert verdicts[0]["y"] == [4]  # proceed with care, the last of five
    progress_part(page, "Reaching out", 1)
    [contacts] = chart_data(page, 1)
    assert [t["y"] for t in contacts] == [[1]]
    # the one contact is drawn: a bar you can see, not a millisecond-wide sliver
    bar = page.locator(".js-plotly-plot").nth(0).locator(".bars path").first.bounding_box()
    assert bar and bar["width"] > 10 and bar["height"] > 10
    ticks = page.locator(".js-plotly-plot").nth(0).locator(".x2tick text").evaluate_all("els => els.map(e => e.textContent)")
    assert ticks and not [t for t in ticks if ":" in t or "." in t]  # whole days, no clock times

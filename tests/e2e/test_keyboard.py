"""Issue 16: the keyboard alone. A person who can't use a mouse takes the diagnostic, saves a
check-in and a contact, picks a tool, and leaves with quick exit, by Tab, arrows, Space and Enter
only; at every stop the focus is visible, the quick exit is first in the tab order, nothing traps
focus, and the verdict and a refusal are read out by a screen reader when they appear."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from reunion_core.content import SCREENS
from tests.e2e.helpers import open_at, settle
from tests.e2e.test_journeys import ANSWERS
from tests.e2e.test_quick_exit import BUTTON, _on_neutral_site, exit_page  # noqa: F401  (a fixture)

# What has the focus: its name as a screen reader would start to read it, and whether a ring shows
# on it (or, for a checkbox or radio whose input is kept out of sight, on its label).
FOCUSED = """
() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {name: '', kind: 'body', ring: false};
  const ring = el => { const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none'); };
  const label = e.closest('label') || (e.labels && e.labels[0]);
  const kind = e.getAttribute('role') || e.type || e.tagName.toLowerCase();
  const hidden = ['checkbox', 'radio'].includes(e.type);
  const name = e.getAttribute('aria-label') || (label && label.innerText) || e.innerText || '';
  const box = (hidden && label ? label : e).getBoundingClientRect();
  const group = e.closest('[role=radiogroup]');
  return {name: name.trim().replace(/\\s+/g, ' '), kind, ring: hidden ? !!label && ring(label) : ring(e),
          seen: box.width > 0 && box.height > 0, group: group ? group.innerText : ''};
}
"""
MAX_STOPS = 120


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page, name: str, *kinds: str, back: bool = False) -> int:
    """Press Tab (or Shift+Tab) until the focus is on `name` (of one of `kinds`), and say how many
    presses it took; every stop on the way must show where the focus is."""
    for presses in range(1, MAX_STOPS + 1):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        now = focused(page)
        if now["kind"] != "body":
            assert now["ring"] and now["seen"], f"focus not visible on {now}"
        if (name in now["name"] or now.get("group") and name in now["group"]) and (not kinds or now["kind"] in kinds):
            return presses
    raise AssertionError(f"{name!r} never got the focus in {MAX_STOPS} presses of Tab")


def choose(page, answer: str) -> None:
    """Pick a radio option: Tab into its group, then arrows until it is the one, as a person does."""
    tab_to(page, answer, "radio")
    for _ in range(12):
        if focused(page)["name"] == answer:
            page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no option {answer!r} in the group")


def announced(page, words: str):
    """Words in a live region: a screen reader reads them out when they appear (alert: at once;
    status: when it has finished what it was saying)."""
    return page.locator("[role=alert], [role=status]").filter(has_text=words)


def press_button(page, name: str) -> None:
    tab_to(page, name, "button", "submit")
    page.keyboard.press("Enter")
    settle(page)


def test_the_diagnostic_a_check_in_a_contact_and_quick_exit_by_keyboard_alone(exit_page, base_url):  # noqa: F811
    page = exit_page(1280, 800)
    open_at(page, base_url, "Diagnostic")
    page.locator(BUTTON).wait_for(state="visible")
    main = page.locator("[data-testid=stMain]")

    page.keyboard.press("Tab")
    assert focused(page)["name"] == "Quick exit"  # first in the tab order
    press_button(page, "Next")
    expect(main).to_contain_text("Part 2 of 4")
    for answer in ANSWERS:
        choose(page, answer)
    press_button(page, "Next")
    press_button(page, "Next")
    expect(main).to_contain_text("Part 4 of 4")
    press_button(page, "Save and see the verdict")
    expect(announced(page, "Proceed with care.")).to_be_visible()

    tab_to(page, "Stage check-in", "a", back=True)  # back up to the sidebar's link
    page.keyboard.press("Enter")
    settle(page)
    expect(main).to_contain_text("Where are they?")
    tab_to(page, "How open are they", "range")
    page.keyboard.press("Home")  # it starts where the last check-in left it
    for _ in range(30):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(600)  # the slider sends its value after a short pause
    settle(page)
    expect(main).to_contain_text("Stage 2 of 5: Test Drive")
    tab_to(page, "One-word or very short replies", "checkbox")
    page.keyboard.press("Space")
    settle(page)
    tab_to(page, "A note for yourself", "textarea")
    page.keyboard.type("Short replies, but a reply.")
    press_button(page, "Save check-in")
    expect(main).to_contain_text("Check-in saved.")

    tab_to(page, "Contact log", "a", back=True)
    page.keyboard.press("Enter")
    settle(page)
    choose(page, "They reached out")
    press_button(page, "Save contact")
    expect(main).to_contain_text("Contact saved.")

    tab_to(page, "Toolkit", "a", back=True)  # a segmented control, and a refusal that is announced
    page.keyboard.press("Enter")
    settle(page)
    tab_to(page, "What is different now", "radio")
    page.keyboard.press("Space")
    settle(page)
    expect(main.get_by_role("heading", name="What is different now")).to_be_visible()
    press_button(page, "Add this reason")  # nothing typed
    expect(announced(page, "can't be empty")).to_be_visible()

    tab_to(page, "Quick exit", back=True)
    page.keyboard.press("Enter")
    _on_neutral_site(page)


@pytest.mark.parametrize("path", ["", "Diagnostic", "Check_in", "Contact_log", "Toolkit", "Progress",
                                  "Your_journey", "Safety_and_help", "Your_data"])
def test_tab_goes_round_every_page_with_the_focus_always_seen_and_never_trapped(new_page, base_url, path):
    """From the quick exit, Tab visits every control and comes back round to the quick exit."""
    page = new_page(1280, 800)
    open_at(page, base_url, path)
    page.locator(BUTTON).wait_for(state="visible")
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "Quick exit"
    presses = tab_to(page, "Quick exit")  # round the whole page and back: no trap on the way
    assert presses > len(SCREENS) + 3  # the sidebar's links at least, and the page's own controls


def test_on_a_phone_the_folded_menu_is_out_of_the_tab_order_and_the_skip_link_is_seen(new_page, base_url):
    """A folded sidebar's twelve links are not invisible tab stops, and "Skip to main content" is not
    hidden under the quick exit button when it has the focus."""
    page = new_page(390, 844)
    open_at(page, base_url, "Check_in")
    page.locator(BUTTON).wait_for(state="visible")
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "Quick exit"
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "Skip to main content"
    on_top = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === e; }""")
    assert on_top, "the skip link is covered"
    for _ in range(4):
        page.keyboard.press("Tab")
        assert page.evaluate("() => !document.activeElement.closest('[data-testid=stSidebar]')"), focused(page)
    page.locator("[data-testid=stExpandSidebarButton]").first.click()  # opened: its links are reachable again
    tab_to(page, "Contact log", "a")

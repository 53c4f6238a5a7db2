"""Help where the person is: the lines of their country first, on every screen that offers help.

Alex in London was offered a US hotline and told to search for their own, on a laptop a sibling
also uses (a search leaves history). Now the browser's time zone (read on this computer, sent
nowhere) picks the place until the person chooses one on Safety & help.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from reunion_core import content
from reunion_core.content import REGIONS
from reunion_core.errors import ValidationError
from reunion_core.records import CheckIn, DiagnosticAnswers, SafetyPlan
from reunion_core.report import ReportChoice, page_bytes
from reunion_core.safety import region_for
from reunion_core.views import preferences, record_diagnostic, report, safety_plan_text, save_region
from tests.test_pages import file_at, open_page, texts


@pytest.mark.parametrize(("zone", "locale", "place"), [
    ("Europe/London", "en-GB", "uk"),
    ("Europe/London", "en-US", "uk"),  # the zone says where; the language only how
    ("Europe/Dublin", None, "ie"),
    ("Australia/Sydney", "en-AU", "au"),
    ("Australia/Perth", None, "au"),
    ("Pacific/Auckland", None, "nz"),
    ("America/Toronto", "fr-CA", "ca"),
    ("America/Vancouver", None, "ca"),
    ("America/New_York", "es-US", "us"),
    ("America/Indiana/Indianapolis", None, "us"),
    ("America/Indianapolis", "en-US", "us"),  # the old name Chromium still reports (the persona helper)
    ("America/Louisville", None, "us"),
    ("America/Rankin_Inlet", None, "ca"),
    ("UTC", "en-US-u-ca-gregory", "us"),  # a locale with extensions: the country is its two-letter part
    ("UTC", "en-Latn-GB", "uk"),
    ("Pacific/Honolulu", None, "us"),
    ("Europe/Berlin", "de-DE", "elsewhere"),
    ("Europe/Berlin", "en-US", "elsewhere"),  # an English browser in Berlin is not in the US
    ("Asia/Tokyo", None, "elsewhere"),
    ("UTC", "en-GB", "uk"),  # a zone that says nothing: the language's country
    ("Etc/UTC", "en_NZ", "nz"),
    ("UTC", "en-US", "us"),
    ("UTC", "de-DE", "elsewhere"),
    ("UTC", "en", "us"),  # nothing to go on: the seeds' own lines
    (None, None, "us"),
])
def test_the_place_is_guessed_from_the_browser(zone, locale, place):
    assert region_for("", zone, locale).key == place


def test_the_persons_own_choice_wins_over_any_guess():
    assert region_for("au", "Europe/London", "en-GB").key == "au"
    assert region_for("<script>", "Europe/London", None).key == "uk"  # not a place: the guess


def test_a_choice_is_kept_and_only_a_listed_place_is_taken(store):
    assert preferences(store).region == ""
    save_region(store, "ie")
    assert preferences(store).region == "ie"
    with pytest.raises(ValidationError):
        save_region(store, "atlantis")
    store.save_setting("region", "x" * 500)  # written behind the app's back
    assert preferences(store).region == ""


def test_the_printed_plan_and_the_report_carry_the_lines_of_the_place(store):
    plan = safety_plan_text(SafetyPlan(people="my sister"), REGIONS["uk"])
    assert "0808 2000 247" in plan and "800-799-7233" not in plan
    record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)))
    day = datetime.now().date()
    html = page_bytes(report(store, ReportChoice(day - timedelta(days=7), day, safety=True), day,
                             region=REGIONS["au"])).decode()
    assert "1800 737 732" in html and "800-799-7233" not in html


def test_choosing_a_place_on_safety_and_help_changes_the_help_on_every_screen(db_path):
    at = open_page("pages/6_Safety_and_help.py")
    assert "[800‑799‑7233](tel:+18007997233)" in texts(at)  # AppTest has no browser zone: the seeds' lines
    at.selectbox(key="safety.region").set_value("uk").run()
    assert not at.exception
    body = texts(at)
    assert "[0808\u00a02000\u00a0247](tel:+448082000247)" in body  # one tap, never broken across lines
    assert "[999](tel:999)" in body and "800‑799‑7233" not in body
    with file_at(db_path) as store:
        assert preferences(store).region == "uk"
    home = open_page("app.py")
    assert "Hotline (UK, 24/7): [0808\u00a02000\u00a0247](tel:+448082000247)" in texts(home)  # the menu's line


def test_a_hard_day_and_a_danger_answer_name_the_lines_of_the_place(db_path):
    with file_at(db_path) as store:
        save_region(store, "nz")
    at = open_page("pages/2_Check_in.py")
    at.select_slider(key="ci.mood").set_value(1).run()
    at.button(key="ci.save").click().run()
    reply = texts(at)
    assert "[call 1737](tel:1737) or [text 1737](sms:1737)" in reply and "988" not in reply
    dx = open_page("pages/1_Diagnostic.py")
    dx.checkbox(key="dx.safety.choked").check().run()
    assert "[111](tel:111) in New Zealand" in texts(dx) and "911" not in texts(dx)


def test_safety_mode_banner_and_somewhere_else(db_path):
    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers(safety=("afraid",)))
        store.add_checkin(CheckIn(None, None, 3))
        save_region(store, "elsewhere")
    body = texts(open_page("app.py"))
    assert content.safety_banner(REGIONS["elsewhere"]) in body and "800‑799" not in body
    assert content.HOTLINE_ELSEWHERE in body
    safety = texts(open_page("pages/6_Safety_and_help.py"))
    assert "[112](tel:112)" in safety and "history" in safety


def test_a_second_tab_with_the_old_place_never_writes_it_back(db_path):
    """Found by the persona helper: tab B's box still held the old place, and its next rerun saved it."""
    a, b = open_page("pages/6_Safety_and_help.py"), open_page("pages/6_Safety_and_help.py")
    a.selectbox(key="safety.region").set_value("uk").run()
    assert "Saved: help lines for United Kingdom are shown first" in [s.value for s in a.success][0]
    b.run()  # any rerun of the other tab
    with file_at(db_path) as store:
        assert preferences(store).region == "uk"
    assert b.selectbox(key="safety.region").value == "uk" and "0808\u00a02000\u00a0247" in texts(b)

"""The clarity report (issue 24): what goes in is what the person chose, nothing loads from outside,
and the path decides as it does on every screen."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from reunion_core import content as words
from reunion_core import report as clarity
from reunion_core import views
from reunion_core.demo import generate
from reunion_core.records import CheckIn, Contact, DiagnosticAnswers, SafetyPlan, ToolEntry, local_now
from reunion_core.store import Store

TODAY = date.today()
GOOD = {"why_ended": "communication", "your_role": "half", "pattern": "no", "why_back": "both_changed",
        "they_want": "yes", "what_different": "concrete"}
REFLECTION, OWN_REASON, EVIDENCE, BOUNDARY, PLAN = (
    "REFLECTION-MARK-1", "OWN-REASON-MARK-2", "EVIDENCE-MARK-3", "BOUNDARY-MARK-4", "PLAN-MARK-5")
OWN = (REFLECTION, OWN_REASON, EVIDENCE, BOUNDARY)


@pytest.fixture
def journal(store):
    """A reconnecting journal with a word of the person's own in every kind of place."""
    # a minute before: the store keeps whole seconds, and a later run in the same second may sort either way
    views.record_diagnostic(store, DiagnosticAnswers(answers=GOOD, reflections={"why_ended": REFLECTION}),
                            at=local_now() - timedelta(minutes=1))
    store.add_checkin(CheckIn(45, "dip_a_toe", 4, note="a note"))
    store.add_contact(Contact(TODAY, "me", "text", "warm", 3))
    own = store.add_tool_entry(ToolEntry("reason", {"text": OWN_REASON}, TODAY))
    store.add_tool_entry(ToolEntry("evidence", {"text": EVIDENCE}, TODAY, "communication"))
    store.add_tool_entry(ToolEntry("evidence", {"text": "OLD-EVIDENCE"}, TODAY - timedelta(days=200), own.id))
    boundary = store.add_tool_entry(ToolEntry("boundary", {"wording": BOUNDARY}, TODAY - timedelta(days=300)))
    store.add_tool_entry(ToolEntry("boundary_event", {"kept": True, "note": ""}, TODAY, boundary.id))
    store.add_tool_entry(ToolEntry("boundary_event", {"kept": False, "note": ""}, TODAY - timedelta(days=1), boundary.id))
    store.add_tool_entry(ToolEntry("boundary_event", {"kept": False, "note": ""}, TODAY - timedelta(days=250),
                                   boundary.id))
    store.save_safety_plan(SafetyPlan(people=PLAN))
    return store


def made(store, days=30, own_words=False, safety=False, discreet=False) -> tuple[clarity.Report, str]:
    report = views.report(store, clarity.ReportChoice(TODAY - timedelta(days=days - 1), TODAY, own_words, safety),
                          TODAY, discreet)
    return report, clarity.render(report)


def parts(html: str) -> list[str]:
    return re.findall(r'<section data-part="(\w+)">', html)


def test_without_a_tick_the_report_has_answers_counts_and_charts_and_none_of_the_persons_words(journal):
    report, html = made(journal)
    assert parts(html) == ["verdict", "different", "boundaries", "charts"]
    assert not [mark for mark in (*OWN, PLAN) if mark in html]
    assert "We stopped communicating well" in html  # the diagnostic's own words for the answer
    assert words.REPORT_OWN_REASON in html and "Boundary 1" in html
    assert words.report_kept(1, 1) in html  # only the range's events: the broken one 250 days ago is not counted
    assert report.file_name == f"take-two-report-{TODAY.isoformat()}.html"
    assert f"<title>{words.REPORT_TITLE}</title>" in html


def test_own_words_only_when_ticked_and_only_from_the_chosen_days(journal):
    _, html = made(journal, own_words=True)
    assert all(mark in html for mark in OWN)
    assert "OLD-EVIDENCE" not in html  # 200 days ago: outside the last 30
    _, longer = made(journal, days=365, own_words=True)
    assert "OLD-EVIDENCE" in longer and words.report_kept(1, 2) in longer
    assert PLAN not in longer and "safety" not in parts(longer)


def test_safety_answers_and_the_plan_only_when_ticked(journal):
    views.record_diagnostic(journal, DiagnosticAnswers(answers=GOOD, safety=("monitored",)))
    _, plain = made(journal)
    monitored = "Did they monitor your messages, location or accounts?"
    assert monitored not in plain and PLAN not in plain
    # the verdict, and the chart of verdicts, would say it: both left out
    assert "Safety first" not in plain and words.REPORT_DIAGNOSTIC_LEFT_OUT in plain
    report, chosen = made(journal, safety=True)
    assert "safety" in parts(chosen) and monitored in chosen and PLAN in chosen and "Safety first" in chosen
    # safety mode is about you: nothing about reconnecting, and no chart of their side
    assert report.about_you_only and "different" not in parts(chosen) and "boundaries" not in parts(chosen)
    assert "How open they seem" not in chosen and words.MOOD_BESIDE_THEM not in chosen


def test_in_discreet_mode_the_file_name_and_title_are_neutral(journal):
    report, html = made(journal, discreet=True)
    assert report.file_name == f"notes-{TODAY.isoformat()}.html"
    assert f"<title>{words.REPORT_TITLE_DISCREET}</title>" in html and "Take Two" not in html.split("<script>")[0]


def test_nothing_in_it_can_load_from_outside_and_no_text_can_break_out_of_its_place(journal):
    hostile = '</script><script>alert(1)</script><img src="https://x.example/p.png"><!--'
    journal.add_tool_entry(ToolEntry("evidence", {"text": hostile}, TODAY, "communication"))
    journal.add_checkin(CheckIn(50, "dip_a_toe", 3))
    _, html = made(journal, own_words=True)
    head = html.split("<script>")[0]
    assert hostile not in html and "&lt;/script&gt;&lt;script&gt;alert(1)" in head
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', head)[1]
    assert policy.startswith("default-src 'none';")
    # only the page's own two scripts run, by their hashes: nothing written into a copy of the file would
    library, data = (s.split("</script>")[0] for s in html.split("<script>")[1:3])
    allowed = re.search(r"script-src ([^;]*);", policy)[1].split()
    assert allowed == [clarity._hash(library), clarity._hash(data)] and "unsafe-inline" not in allowed[0]
    # no element that fetches: no src or href to anywhere, no stylesheet link, no font
    assert not re.search(r"<(img|link|iframe|object|embed|audio|video|source)\b", head)
    assert not re.search(r"<[^>]*\b(src|href)\s*=", head)
    scripts = html.split("<script>")[2]  # the data: nothing can close the element early
    assert "</script" not in scripts.rsplit("</script>", 1)[0] and "<!--" not in scripts


def test_an_empty_journal_still_makes_a_report_that_says_so(store):
    report, html = made(store)
    assert words.REPORT_NO_DIAGNOSTIC in html and words.REPORT_NO_REASONS in html
    assert all(chart.figure is None for chart in report.charts)
    assert html.count(words.REPORT_NOTHING_IN_RANGE) == len(report.charts) and 'class="chart"' not in html


def test_ten_years_make_a_report_of_every_chart_with_its_text(db_path):
    generate(db_path, years=10, seed=1)
    store = Store.open(db_path)
    try:
        report, html = made(store, days=3650, own_words=True)
    finally:
        store.close()
    drawn = [c for c in report.charts if c.figure is not None]
    assert len(drawn) >= 12 and html.count('class="chart"') == len(drawn)
    for chart in drawn:
        assert f"<figcaption>{chart.alt}</figcaption>".replace("'", "&#x27;").replace('"', "&quot;") in html
    assert "@media print" in html and "color-scheme: light" in html


def test_a_locked_journal_makes_no_report(journal):
    """With a passphrase set, a report is made only while the journal is open."""
    from reunion_core.errors import JournalLocked

    views.set_passphrase(journal, "blue kettle morning walk", "blue kettle morning walk")
    _, opened = made(journal, own_words=True)
    assert REFLECTION in opened
    journal.lock()
    with pytest.raises(JournalLocked):
        made(journal, own_words=True)


def test_in_safety_mode_a_later_milder_verdict_never_speaks_for_it(journal):
    """Alex: safety mode stays on after a later run with no safety tick. The report never shows that
    run's "proceed with care"; without the tick it leaves the diagnostic out, with it, shows safety first."""
    views.record_diagnostic(journal, DiagnosticAnswers(answers=GOOD, safety=("afraid",)),
                            at=local_now() - timedelta(seconds=30))
    views.record_diagnostic(journal, DiagnosticAnswers(answers=GOOD))  # later, milder: safety mode stays on
    _, plain = made(journal)
    assert words.REPORT_DIAGNOSTIC_LEFT_OUT in plain and "Proceed with care" not in plain
    _, chosen = made(journal, safety=True)
    verdict = chosen.split('<section data-part="verdict">')[1].split("</section>")[0]
    assert "Safety first" in verdict and "Proceed with care" not in verdict  # (the chart of runs keeps its history)


def test_a_diagnostic_from_before_the_days_says_so(journal):
    """Jordan's 30 days start after the latest run: the run is shown, dated, and said to be from before."""
    views.record_diagnostic(journal, DiagnosticAnswers(answers=GOOD), at=local_now() - timedelta(days=60))
    report = views.report(journal, clarity.ReportChoice(TODAY - timedelta(days=29), TODAY), TODAY)
    assert words.REPORT_BEFORE_RANGE not in clarity.render(report)  # the fixture's run is a minute old
    older = views.report(journal, clarity.ReportChoice(TODAY - timedelta(days=90), TODAY - timedelta(days=45)), TODAY)
    assert words.REPORT_BEFORE_RANGE not in clarity.render(older)
    later = views.report(journal, clarity.ReportChoice(TODAY - timedelta(days=50), TODAY - timedelta(days=45)), TODAY)
    assert f"{later.run.created_at:%d %b %Y}{words.REPORT_BEFORE_RANGE}" in clarity.render(later)


def test_text_a_forged_file_made_unencodable_never_breaks_the_download(journal):
    """A lone surrogate, written into the file behind the app's checks, becomes a mark in the page."""
    report, _ = made(journal, own_words=True)
    run = replace(report.run, answers=replace(report.run.answers, reflections={"why_ended": "x \ud800 y"}))
    page = clarity.page_bytes(replace(report, run=run))
    assert b"x ? y" in page


def test_a_reason_of_ones_own_stays_out_whatever_id_a_forged_file_gives_it(journal):
    """A forged export or file can give an own reason the id of a diagnostic answer ("values"):
    whether it is the person's own is said where reasons are built, not guessed from its id."""
    journal.add_tool_entry(ToolEntry("reason", {"text": "FORGED-OWN-REASON"}, TODAY, "", None, "values"))
    _, html = made(journal)
    assert "FORGED-OWN-REASON" not in html and html.count(words.REPORT_OWN_REASON) == 2
    _, chosen = made(journal, own_words=True)
    assert "FORGED-OWN-REASON" in chosen


def test_how_a_boundary_went_is_said_in_plain_words():
    assert words.report_kept(1, 0) == "kept once, never broken, in this range"
    assert words.report_kept(3, 2) == "kept 3 times, broken twice, in this range"
    assert words.report_kept(0, 1) == "broken once in this range"
    assert words.report_kept(0, 0) == "not tested in this range"


def test_a_report_made_while_an_answer_waits_keeps_the_saved_verdict_and_their_side_out(journal):
    """Jordan answered "No" in the diagnostic and hasn't saved it: the report does not speak for the old
    "Proceed with care", and, as on every screen, has nothing of their side."""
    from reunion_core.guidance import Pending

    choice = clarity.ReportChoice(TODAY - timedelta(days=29), TODAY, True, False)
    report = views.report(journal, choice, TODAY, pending=Pending(their_no=True, form="diagnostic"))
    html = clarity.render(report)
    verdict = html.split('<section data-part="verdict">')[1].split("</section>")[0]  # the charts keep their history
    assert words.REPORT_VERDICT_HELD in verdict and "Proceed with care" not in verdict
    assert report.about_you_only and "different" not in parts(html)
    calm = clarity.render(views.report(journal, choice, TODAY))
    assert "Proceed with care" in calm.split('<section data-part="verdict">')[1].split("</section>")[0]

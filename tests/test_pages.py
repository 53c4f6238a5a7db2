"""Every screen under AppTest: runs clean on an empty and a ten-year file; the forms write."""

from __future__ import annotations

import json
import random
import re
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reunion_core.demo import generate
from reunion_core.errors import ReunionError
from reunion_core.records import CheckIn, Contact, DiagnosticAnswers, Verdict
from reunion_core.store import Store
from reunion_core.transfer import read_export, rescue_json
from reunion_core.views import record_diagnostic

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["app.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]


@contextmanager
def file_at(db_path: Path):
    """The data file as the app sees it, opened for a test to set up or read back, then closed."""
    store = Store.open(db_path)
    try:
        yield store
    finally:
        store.close()
        from ui import state  # written behind the app's back: what it kept of the file is out of date

        state._kept.cache_clear()


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    if page != "app.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for kind in (at.error, at.warning, at.info, at.success) for e in kind]
    parts += [t.value for t in at.title] + [s.value for s in at.header] + [t.value for t in at.text]
    return "\n".join(str(p) for p in parts)


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "ten.duckdb"
    generate(path, years=10, seed=1)
    return path


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_file_with_help_and_data_path(page, db_path):
    at = open_page(page)
    body = texts(at)
    assert "800‑799‑7233" in body
    assert str(db_path) in body
    links = [e for e in at.get("page_link") if "Safety" in e.proto.page]
    assert links, "every page links to Safety & help"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_ten_years_of_data(page, ten_years, monkeypatch):
    monkeypatch.setenv("REUNION_DB_PATH", str(ten_years))
    at = open_page(page)
    assert "example data" not in texts(at)


def test_first_run_welcomes_and_explains_both_maps():
    at = open_page("app.py")
    body = texts(at)
    assert "Welcome" in body and "Bubble space" in body and "Wall of Reactance" in body
    assert at.button(key="home.start") and at.button(key="home.example")


def test_example_data_fills_a_separate_file_and_can_be_left(db_path):
    at = open_page("app.py")
    at.button(key="home.example").click().run()
    assert not at.exception
    assert "You are looking at **example data**" in texts(at)
    assert at.metric[0].value == "Reboot date"  # the example journey ends at The reboot date
    with file_at(db_path) as own:  # the person's own file is still empty
        assert not any(own.counts().values())
    assert (db_path.parent / "example-journey.duckdb").exists()
    at.switch_page("pages/4_Progress.py").run()
    assert "example data" in texts(at)
    at.button(key="frame.own").click().run()
    assert "example data" not in texts(at)


def test_home_answers_where_am_i_where_are_they_what_next(ten_years, monkeypatch):
    monkeypatch.setenv("REUNION_DB_PATH", str(ten_years))
    at = open_page("app.py")
    labels = [m.label for m in at.metric]
    assert labels == ["You", "Them", "Since last contact"]
    assert "What next" in texts(at) and "Latest diagnostic" in texts(at)


def answer_everything(at: AppTest, **answers: str) -> None:
    """Part 1 (safety) as it is, the six questions in part 2, then on to the last part."""
    choices = {
        "why_ended": "communication", "your_role": "half", "pattern": "no",
        "why_back": "both_changed", "they_want": "yes", "what_different": "concrete", **answers,
    }
    at.button(key="dx.next").click().run()
    for key, value in choices.items():
        at.radio(key=f"dx.answer.{key}").set_value(value)
    at.text_area(key="dx.reflection.why_ended").input("We stopped <b>listening</b> ![x](http://e.test/x.png)")
    at.run()
    at.button(key="dx.next").click().run()
    at.button(key="dx.next").click().run()


def test_diagnostic_saves_a_run_and_shows_the_verdict(db_path):
    at = open_page("pages/1_Diagnostic.py")
    answer_everything(at)
    at.button(key="dx.save").click().run()
    assert not at.exception
    with file_at(db_path) as store:
        [run] = store.diagnostic_runs()
    assert run.assessment.verdict is Verdict.PROCEED_WITH_CARE
    assert run.answers.answers["why_back"] == "both_changed"
    assert run.answers.reflections["why_ended"].startswith("We stopped <b>listening</b>")
    assert "Proceed with care" in texts(at)
    # what the person typed is shown back as plain text, never markdown
    assert any(t.value.startswith("We stopped <b>listening</b> ![x]") for t in at.text)
    # the verdict comes first, not under an empty form; the form is cleared for the next run
    assert at.header[0].value == "Your verdict" and not at.radio
    at.button(key="dx.again").click().run()
    assert "Part 1 of 4" in at.get("progress")[0].proto.text  # a new run starts at the beginning
    at.button(key="dx.next").click().run()
    assert at.radio(key="dx.answer.why_back").value is None


def test_a_safety_yes_shows_the_hotline_and_hides_reconnection_advice(db_path):
    at = open_page("pages/1_Diagnostic.py")
    assert not [b for b in at.button if b.key == "dx.save"]  # the end of part 1 is "Next", not a verdict
    at.checkbox(key="dx.safety.afraid").check().run()
    at.button(key="dx.save").click().run()  # a safety "yes" can be saved at once
    body = texts(at)
    assert "Safety first" in body and "800‑799‑7233" in body
    assert "Proceed with care" not in body and "Not yet" not in body
    at.switch_page("app.py").run()
    body = texts(at)
    assert "reconnection advice is hidden" in body
    assert "call [800‑799‑7233](tel:+18007997233), or [text START to 88788](sms:88788?&body=START)" in body
    [go] = [link for link in at.get("page_link") if link.proto.label == "Open Safety and help"]
    assert "Safety" in go.proto.page  # the next step is about safety, never about them
    assert "safety plan" in body and not [m for m in at.metric if m.label == "Them"]
    at.switch_page("pages/5_Your_journey.py").run()
    assert "stage guide is hidden" in texts(at)
    assert "Bubble space" not in texts(at)


def test_diagnostic_answers_survive_leaving_the_page_and_discard_asks_first():
    at = open_page("pages/1_Diagnostic.py")
    at.button(key="dx.next").click().run()
    at.radio(key="dx.answer.they_want").set_value("unknown").run()
    at.text_area(key="dx.reflection.they_want").input("They liked my post").run()
    at.switch_page("pages/6_Safety_and_help.py").run()
    at.switch_page("pages/1_Diagnostic.py").run()
    assert at.radio(key="dx.answer.they_want").value == "unknown"
    assert at.text_area(key="dx.reflection.they_want").value == "They liked my post"
    at.button(key="dx.discard").click().run()
    assert "Discard every answer" in texts(at)
    at.button(key="dx.discard_no").click().run()
    assert at.radio(key="dx.answer.they_want").value == "unknown"
    at.button(key="dx.discard").click().run()
    at.button(key="dx.discard_yes").click().run()
    assert at.radio(key="dx.answer.they_want").value is None


def test_the_diagnostic_is_one_part_at_a_time_and_keeps_answers_moving_back_and_forth():
    at = open_page("pages/1_Diagnostic.py")
    assert "Part 1 of 4: Your safety" in at.get("progress")[0].proto.text and not at.radio
    at.button(key="dx.next").click().run()
    assert "Part 2 of 4" in at.get("progress")[0].proto.text and len(at.radio) == 6
    at.radio(key="dx.answer.why_back").set_value("routines")
    at.radio(key="dx.answer.why_ended").set_value("contempt").run()
    at.button(key="dx.next").click().run()  # part 3: the routines were answered already, not asked twice
    asked = [c.label for c in at.checkbox]
    assert "I miss the familiar routines we enjoyed together." not in asked and len(asked) == 3
    at.button(key="dx.next").click().run()  # part 4: neither "made me feel bad" nor the pattern again
    asked = [c.label for c in at.checkbox]
    assert "They made me feel bad about myself." not in asked and "This fits a pattern of similar breakups." not in asked
    at.button(key="dx.back").click().run()
    at.button(key="dx.back").click().run()
    assert at.radio(key="dx.answer.why_back").value == "routines"  # kept, back and forth


def test_slider_at_50_shows_riding_the_dragon():
    at = open_page("pages/2_Check_in.py")
    at.slider(key="ci.openness").set_value(50).run()
    assert "Stage 3 of 5: Riding the Dragon" in texts(at)
    at.slider(key="ci.openness").set_value(25).run()
    assert "Stage 2 of 5: Test Drive" in texts(at)


def test_gut_and_evidence_two_stages_apart_is_said_plainly():
    at = open_page("pages/2_Check_in.py")
    at.slider(key="ci.openness").set_value(70).run()  # Crisis Point
    at.checkbox(key="ci.sign.hot_cold").check().run()  # Riding the Dragon: one stage apart
    assert not any("stages apart" in w.value for w in at.warning)
    at.checkbox(key="ci.sign.hot_cold").uncheck()
    at.checkbox(key="ci.sign.one_word").check().run()
    [warning] = [w.value for w in at.warning if "stages apart" in w.value]
    assert "Crisis Point" in warning and "Test Drive" in warning and "2 stages apart" in warning


def test_check_in_saves_one_row(db_path):
    at = open_page("pages/2_Check_in.py")
    at.slider(key="ci.openness").set_value(30).run()
    at.checkbox(key="ci.sign.one_word").check()
    at.selectbox(key="ci.stage").set_value("dip_a_toe")
    at.text_area(key="ci.note").input("short reply again")
    at.run()
    at.button(key="ci.save").click().run()
    assert not at.exception
    with file_at(db_path) as store:
        [saved] = store.checkins()
    assert (saved.openness, saved.your_stage, saved.signs, saved.note) == (
        30, "dip_a_toe", ("one_word",), "short reply again",
    )
    assert at.text_area(key="ci.note").value == ""


def test_an_oversized_note_is_refused_with_a_message_and_kept(db_path):
    at = open_page("pages/2_Check_in.py")
    at.text_area(key="ci.note").input("x" * 10_001).run()
    at.button(key="ci.save").click().run()
    assert any("10,001 characters; the limit is 10,000" in e.value for e in at.error)
    assert len(at.text_area(key="ci.note").value) == 10_001
    with file_at(db_path) as store:
        assert store.counts()["checkin"] == 0


def test_contact_saves_and_shows_in_the_table_and_counter(db_path):
    at = open_page("pages/3_Contact_log.py")
    at.date_input(key="co.new.date").set_value(date.today() - timedelta(days=2))
    at.radio(key="co.new.initiator").set_value("them")
    at.selectbox(key="co.new.response").set_value("warm")
    at.text_area(key="co.new.note").input("coffee, it was nice")
    at.run()
    at.button(key="co.save").click().run()
    assert not at.exception
    with file_at(db_path) as store:
        [saved] = store.contacts()
    assert (saved.happened_on, saved.initiator, saved.response, saved.note) == (
        date.today() - timedelta(days=2), "them", "warm", "coffee, it was nice",
    )
    assert at.metric[0].value == "2"
    [shown] = past_contacts(at)
    assert shown.endswith("They reached out · Text or chat · Warm and engaged · felt okay after\ncoffee, it was nice")


def past_contacts(at: AppTest) -> list[str]:
    """The Contact log's entries, one plain-text element each: the header, then the note."""
    return [t.value for t in at.text]


def save_contacts(db_path, n: int):
    with file_at(db_path) as store:
        ids = [
            store.add_contact(Contact(date.today() - timedelta(days=i), "me", "text", "brief", 3, f"note {i}")).id
            for i in range(n)
        ]
    return ids


def test_a_contact_can_be_edited(db_path):
    [entry] = save_contacts(db_path, 1)
    at = open_page("pages/3_Contact_log.py")
    at.selectbox(key="co.chosen.0").set_value(0).run()
    # the same form as for adding, under the keys of the contact being edited
    assert at.text_area(key=f"co.edit.{entry}.note").value == "note 0"
    at.text_area(key=f"co.edit.{entry}.note").input("edited note")
    at.radio(key=f"co.edit.{entry}.initiator").set_value("them")
    at.button(key="co.save_edit").click().run()
    assert not at.exception
    with file_at(db_path) as store:
        [saved] = store.contacts()
    assert (saved.note, saved.initiator) == ("edited note", "them")


def test_deleting_a_contact_asks_first(db_path):
    first, second = save_contacts(db_path, 2)
    at = open_page("pages/3_Contact_log.py")
    at.selectbox(key="co.chosen.0").set_value(0).run()  # newest first: `first` is today's
    at.button(key="co.delete").click().run()
    assert "Delete this contact?" in texts(at)
    at.button(key="co.delete_no").click().run()
    with file_at(db_path) as store:
        assert store.counts()["contact"] == 2
    at.button(key="co.delete").click().run()
    at.button(key="co.delete_yes").click().run()
    assert at.selectbox(key="co.chosen.0").value is None
    with file_at(db_path) as store:
        assert [c.id for c in store.contacts()] == [second]


def test_past_contacts_come_ten_to_a_page(db_path):
    save_contacts(db_path, 23)
    at = open_page("pages/3_Contact_log.py")
    assert "23 contacts, newest first. Page 1 of 3." in texts(at)
    assert [c.split("\n")[1] for c in past_contacts(at)][:2] == ["note 0", "note 1"]
    at.button(key="co.older").click().run()
    at.button(key="co.older").click().run()
    assert "Page 3 of 3" in texts(at)
    assert [c.split("\n")[1] for c in past_contacts(at)] == ["note 20", "note 21", "note 22"]


def test_a_future_contact_date_is_refused(db_path):
    at = open_page("pages/3_Contact_log.py")
    date_input = at.date_input(key="co.new.date")
    assert date_input.proto.max == date.today().isoformat()


def test_progress_draws_every_chart_with_titles_and_axis_titles(ten_years, monkeypatch):
    monkeypatch.setenv("REUNION_DB_PATH", str(ten_years))
    at = open_page("pages/4_Progress.py")
    first = chart_specs(at)
    assert [s["layout"]["title"]["text"] for s in first] == ["How open they seem, over time", "Your stage over time"]
    specs = []
    for part in ("both", "together", "stages", "you", "reaching"):  # a part at a time
        at.segmented_control(key="pr.section").set_value(part).run()
        specs += chart_specs(at)
    assert len(specs) == 11  # with the mood chart, and the toolkit's three (the demo uses every tool)
    titles = [spec["layout"]["title"]["text"] for spec in specs]
    assert {"Boundaries kept and broken", "How your micro-dates went",
            "The urge to reach out, and what you chose"} <= set(titles)
    for spec in specs:
        layout = spec["layout"]
        assert layout["title"]["text"]
        assert layout["xaxis"]["title"]["text"] or layout["xaxis2"]["title"]["text"]
        assert layout["yaxis"]["title"]["text"]
    openness = specs[0]
    assert 500 <= len(openness["data"][0]["x"]) <= 600  # ten years, weekly


def test_progress_on_an_empty_file_shows_empty_states():
    at = open_page("pages/4_Progress.py")
    assert chart_specs(at) == []  # an empty chart is one line of text, not a box of blank axes
    body = texts(at)
    # six charts, and mood around contact in Your year
    assert body.count("No check-ins in this range yet") == 7 and "No contacts in this range." in body
    assert "No check-ins in these months yet." in body  # the mood calendar
    assert "No check-ins that rate them in this range yet." in body  # mood beside how open they seem
    assert "**Diagnostic verdicts over time**  \nNo diagnostic runs in this range yet." in body
    assert "Nothing saved in this range yet" in body


def test_journey_highlights_the_current_stage(db_path):
    at = open_page("pages/2_Check_in.py")
    at.selectbox(key="ci.stage").set_value("reboot_date").run()
    at.button(key="ci.save").click().run()
    at.switch_page("pages/5_Your_journey.py").run()
    here = [m.value for m in at.markdown if "← *you are here*" in m.value]
    assert len(here) == 1 and here[0].startswith("**4. The reboot date**  ← *you are here*")


def test_safety_page_has_call_and_text_lines_and_privacy_note():
    body = texts(open_page("pages/6_Safety_and_help.py"))
    assert "800‑799‑7233" in body and "Text START to 88788" in body
    assert "emergency" in body.lower() and "browser history" in body.lower()
    # numbers a phone can call or text, that never break across lines (non-breaking hyphens)
    assert "[800‑799‑7233](tel:+18007997233)" in body and "[Text START to 88788](sms:88788?&body=START)" in body
    assert "[988](tel:988)" in body and "[Text 988](sms:988)" in body
    assert "Text: Text" not in body


def test_your_data_offers_export_import_backup_and_deletion():
    at = open_page("pages/7_Your_data.py")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Everything, to restore", "Tables for a spreadsheet", "A copy of the data file",
                      "Download the report"]
    assert "JSON" not in texts(at) and "CSV" not in texts(at)  # no file jargon in a sentence
    assert at.get("file_uploader")
    assert at.button(key="data.erase").disabled  # not before the person ticks that they understand


def test_deleting_one_entry_from_your_data(db_path):
    with file_at(db_path) as store:
        keep = store.add_checkin(CheckIn(10, "bubble_space", 2, note="keep"))
        gone = store.add_checkin(CheckIn(20, "bubble_space", 2, note="gone"))
    at = open_page("pages/7_Your_data.py")
    at.selectbox(key="data.entry.checkin").set_value(gone.id).run()
    assert any("Delete this entry?" in w.value for w in at.warning)
    at.button(key="data.delete_one").click().run()
    assert not at.exception
    assert "Deleted, and erased from the file." in texts(at)
    assert at.selectbox(key="data.entry.checkin").value is None
    with file_at(db_path) as store:
        assert [c.id for c in store.checkins()] == [keep.id]


def test_deleting_everything_leaves_an_empty_file(db_path):
    with file_at(db_path) as store:
        store.add_checkin(CheckIn(10, "bubble_space", 2, note="soon gone"))
    at = open_page("pages/7_Your_data.py")
    at.checkbox(key="data.sure").check().run()
    at.button(key="data.erase").click().run()
    assert not at.exception
    assert "Everything was deleted" in texts(at)
    assert at.checkbox(key="data.sure").value is False
    with file_at(db_path) as store:
        assert store.counts() == {"checkin": 0, "contact": 0, "diagnostic": 0}


@pytest.mark.parametrize("content", [b"my diary, not a database\n" * 50, b"DUCK" * 10], ids=["text", "garbage"])
def test_a_damaged_file_is_named_kept_and_can_be_set_aside(db_path, content):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    at = open_page("app.py")
    [error] = at.error
    assert str(db_path) in error.value and "left untouched" in error.value
    assert "800‑799‑7233" in texts(at)  # help is still one click away
    assert db_path.read_bytes() == content
    at.button(key="frame.set_aside").click().run()
    assert not at.exception
    kept = [p for p in db_path.parent.iterdir() if ".set-aside-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert "The unreadable file was kept, unchanged" in texts(at)
    assert "Welcome" in texts(at)


def test_a_file_held_by_another_process_says_already_open(db_path):
    import subprocess
    import sys

    db_path.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db_path)!r}); print('ok', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        at = open_page("app.py")
        [error] = at.error
        assert "already open in another window" in error.value
    finally:
        holder.kill()
        holder.wait()


def test_the_latest_diagnostic_can_be_compared_with_an_earlier_run(db_path):
    with file_at(db_path) as store:
        record_diagnostic(store, DiagnosticAnswers(answers={"they_want": "no"}), at=datetime.now() - timedelta(days=30))
        record_diagnostic(store, DiagnosticAnswers(answers={"they_want": "maybe"}))
    at = open_page("pages/1_Diagnostic.py")
    assert not [m for m in at.markdown if "| Latest |" in m.value]  # folded away until asked for
    at.toggle(key="dx.compare_on").set_value(True).run()
    [table] = [m.value for m in at.markdown if "| Latest |" in m.value]
    assert "| Do they want to get back together with you? | No, they have said they don't | There are signs they might |" in table
    assert "| **Verdict** | Respect their answer | Not yet |" in table


def test_an_edit_over_a_change_made_in_another_tab_says_so_and_keeps_what_was_typed(db_path):
    [entry] = save_contacts(db_path, 1)
    first, second = open_page("pages/3_Contact_log.py"), open_page("pages/3_Contact_log.py")
    for tab in (first, second):
        tab.selectbox(key="co.chosen.0").set_value(0).run()
    second.text_area(key=f"co.edit.{entry}.note").input("saved in the other tab")
    second.button(key="co.save_edit").click().run()
    first.text_area(key=f"co.edit.{entry}.note").input("typed here")
    first.button(key="co.save_edit").click().run()
    assert "changed in another window" in texts(first)
    assert first.text_area(key=f"co.edit.{entry}.note").value == "typed here"
    with file_at(db_path) as store:
        assert [c.note for c in store.contacts()] == ["saved in the other tab"]


def damaged_inside(path: Path) -> None:
    """Overwrite one data block of a good file with noise, so that it opens but a read fails."""
    good = path.read_bytes()
    noise = random.Random(1).randbytes(65536)
    for tenth in range(2, 9):
        offset = len(good) * tenth // 10 // 262144 * 262144 + 4096  # inside a block, past the header
        path.write_bytes(good[:offset] + noise + good[offset + 65536:])
        try:
            store = Store.open(path)
        except ReunionError:
            continue  # damaged where opening reads: not the case this test is for
        try:
            store.checkins()
        except ReunionError:
            return
        finally:
            store.close()
    raise AssertionError("no block of the file could be damaged for the test")


def test_a_file_damaged_inside_says_so_and_can_be_set_aside(db_path):
    generate(db_path, years=2, seed=1)
    damaged_inside(db_path)
    at = open_page("pages/2_Check_in.py")  # shows the latest check-ins: reads the damaged table
    body = texts(at)
    assert "looks damaged" in body and "Corrupt database" not in body and not at.exception
    assert "Download what can still be read" in [b.label for b in at.get("download_button")]
    with file_at(db_path) as damaged:  # what the button hands over: an export of what is still readable
        rescued, lost = rescue_json(damaged)
    assert "checkins" in lost and read_export(rescued)  # a valid export of the rest, to restore from
    at.button(key="frame.set_aside").click().run()
    assert not at.exception and "kept, unchanged" in texts(at)
    assert list(db_path.parent.glob(db_path.name + ".set-aside-*"))


def test_a_file_that_will_not_open_offers_what_can_still_be_read(db_path):
    with file_at(db_path) as store:
        store.add_checkin(CheckIn(30, "dip_a_toe", 2, note="saved and tidied"))
    good = db_path.read_bytes()
    damaged = bytearray(good)
    damaged[4096 + 100:4096 + 120] = damaged[8192 + 100:8192 + 120] = b"\xff" * 20  # both headers
    db_path.write_bytes(bytes(damaged))
    at = open_page("app.py")
    assert "looks damaged" in at.error[0].value and not at.get("download_button")
    at.button(key="frame.rescue_look").click().run()
    assert "Nothing could be read from this file" in texts(at) and not at.exception
    damaged[4096:8192] = good[4096:8192]  # one header good again: the file still won't open
    db_path.write_bytes(bytes(damaged))
    at = open_page("app.py")
    at.button(key="frame.rescue_look").click().run()
    assert not at.exception and "may be missing" in texts(at)
    assert "Download what can still be read" in [b.label for b in at.get("download_button")]
    at.button(key="frame.set_aside").click().run()
    assert "kept, unchanged" in texts(at) and "frame.rescued" not in at.session_state


def test_the_example_journey_stays_reachable_after_saving_your_own(db_path):
    with file_at(db_path) as store:
        store.add_checkin(CheckIn(40, "dip_a_toe", 3, note="mine"))
    at = open_page("pages/7_Your_data.py")
    at.button(key="data.example").click().run()
    assert not at.exception and "example data" in texts(at)
    at.button(key="frame.own").click().run()
    assert "example data" not in texts(at)
    with file_at(db_path) as store:
        assert [c.note for c in store.checkins()] == ["mine"]  # your own file was not touched


def test_a_fresh_diagnostic_offers_no_comparison_and_the_low_mood_reply_can_call_988(db_path):
    at = open_page("pages/1_Diagnostic.py")
    assert not at.toggle  # nothing to compare with before the first save ("-1 earlier runs" crashed)
    at.switch_page("pages/2_Check_in.py").run()
    at.select_slider(key="ci.mood").set_value(1).run()
    at.button(key="ci.save").click().run()
    [reply] = [i.value for i in at.info]
    assert "[call 988](tel:988)" in reply and "[text 988](sms:988)" in reply and not at.success


def test_stored_text_in_markdown_is_inert_autolinks_included():
    """widgets.escape: what a person typed, shown inside markdown (the Toolkit's reasons, evidence and
    boundaries), never becomes a link: not even a bare address, which markdown links by itself."""
    from ui.widgets import escape

    shown = escape("see http://203.0.113.9/x, www.example.org and me@example.org [a](b) <i>")
    assert "://" not in shown and "www." not in shown and "e@" not in shown
    assert not re.search(r"(?<!\\)[\[\]<>()]", shown)
    assert shown.replace("\\", "").replace("\u2060", "") == "see http://203.0.113.9/x, www.example.org and me@example.org [a](b) <i>"

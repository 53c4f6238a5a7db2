import csv
import io
import json
import zipfile
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reunion_core.content import (
    CHANNELS,
    INITIATORS,
    PAUSE_SIGNS,
    RED_FLAGS,
    RESPONSES,
    SAFETY_QUESTIONS,
    SIGN_BY_KEY,
    YOUR_STAGES,
)
from reunion_core.errors import ImportRefused
from reunion_core.records import CheckIn, Contact, DiagnosticAnswers
from reunion_core.store import Store
from reunion_core.transfer import (
    export_csv_zip,
    export_dict,
    export_json,
    import_bundle,
    read_export,
    rescue_json,
)
from reunion_core.views import record_diagnostic

# Text a person could type: any Unicode but lone surrogates and NUL (the store refuses those).
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=60)
NOTE = st.one_of(TEXT, st.just(""), st.just("長" * 10_000), st.just("<script>x</script> ![i](http://e.test/i.png)"))
MOMENT = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime.now() - timedelta(days=1)).map(
    lambda d: d.replace(microsecond=0)
)

CHECKIN = st.builds(
    CheckIn,
    openness=st.integers(0, 100),
    your_stage=st.sampled_from([s.key for s in YOUR_STAGES]),
    mood=st.integers(1, 5),
    signs=st.lists(st.sampled_from(sorted(SIGN_BY_KEY)), unique=True, max_size=4).map(tuple),
    note=NOTE,
    at=MOMENT,
)
CONTACT = st.builds(
    Contact,
    happened_on=MOMENT.map(lambda d: d.date()),
    initiator=st.sampled_from([c.key for c in INITIATORS]),
    channel=st.sampled_from([c.key for c in CHANNELS]),
    response=st.sampled_from([c.key for c in RESPONSES]),
    feeling=st.integers(1, 5),
    note=NOTE,
    created_at=MOMENT,
)
ANSWERS = st.builds(
    DiagnosticAnswers,
    answers=st.fixed_dictionaries({}, optional={"why_ended": st.sampled_from(["infidelity", "grew_apart"]),
                                                 "they_want": st.sampled_from(["yes", "no", "unknown"])}),
    reflections=st.fixed_dictionaries({}, optional={"why_ended": TEXT, "why_back": NOTE}),
    pause_signs=st.lists(st.sampled_from([p.key for p in PAUSE_SIGNS]), unique=True, max_size=2).map(tuple),
    red_flags=st.lists(st.sampled_from([p.key for p in RED_FLAGS]), unique=True, max_size=2).map(tuple),
    safety=st.lists(st.sampled_from([p.key for p in SAFETY_QUESTIONS]), unique=True, max_size=1).map(tuple),
)


def fill(store, checkins, contacts, runs):
    for c in checkins:
        store.add_checkin(c)
    if contacts:
        store.add_contacts(contacts)
    for answers, at in runs:
        record_diagnostic(store, answers, at=at)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    checkins=st.lists(CHECKIN, max_size=6),
    contacts=st.lists(CONTACT, max_size=4),
    runs=st.lists(st.tuples(ANSWERS, MOMENT), max_size=3),
)
def test_export_import_export_gives_identical_json(tmp_path_factory, checkins, contacts, runs):
    folder = tmp_path_factory.mktemp("roundtrip")
    first = Store.open(folder / "first.duckdb")
    fill(first, checkins, contacts, runs)
    exported = export_json(first)
    first.close()
    second = Store.open(folder / "second.duckdb")
    added = import_bundle(second, read_export(exported))
    assert added == {"checkin": len(checkins), "contact": len(contacts), "diagnostic": len(runs)}
    assert export_json(second) == exported
    second.close()


def test_the_export_holds_every_field(store):
    store.add_checkin(CheckIn(42, "dip_a_toe", 3, ("hot_cold",), "a note", datetime(2026, 1, 2, 21, 0)))
    store.add_contact(Contact(date(2026, 1, 3), "them", "call", "warm", 4, "called"))
    record_diagnostic(store, DiagnosticAnswers(answers={"they_want": "no"}, reflections={"why_back": "why"}))
    doc = export_dict(store)
    assert doc["format"] == "take-two-export" and doc["version"] == 4
    [c] = doc["checkins"]
    assert set(c) == {"id", "at", "openness", "signs", "your_stage", "mood", "note"}
    offset = datetime(2026, 1, 2, 21, 0).astimezone().isoformat()[-6:]  # this machine's zone that day
    assert (c["at"], c["signs"], c["note"]) == ("2026-01-02T21:00:00" + offset, ["hot_cold"], "a note")
    [k] = doc["contacts"]
    assert set(k) == {"id", "happened_on", "initiator", "channel", "response", "feeling", "note", "created_at"}
    [d] = doc["diagnostics"]
    assert d["verdict"] == "respect_their_answer" and d["reflections"] == {"why_back": "why"}
    assert {"verdict", "source", "answer", "explanation"} == set(d["reasons"][0])


def test_importing_the_same_export_twice_adds_nothing_the_second_time(store, tmp_path):
    store.add_checkin(CheckIn(42, "dip_a_toe", 3))
    store.add_contact(Contact(date.today(), "me", "text", "none", 2))
    exported = export_json(store)
    other = Store.open(tmp_path / "other.duckdb")
    other.add_checkin(CheckIn(10, "bubble_space", 1, note="already here"))
    assert import_bundle(other, read_export(exported)) == {"checkin": 1, "contact": 1, "diagnostic": 0}
    assert import_bundle(other, read_export(exported)) == {"checkin": 0, "contact": 0, "diagnostic": 0}
    assert other.counts() == {"checkin": 2, "contact": 1, "diagnostic": 0}
    other.close()


def test_the_csv_zip_has_one_file_per_kind_with_every_row(store):
    store.add_checkin(CheckIn(42, "dip_a_toe", 3, note='comma, "quote"\nnewline'))
    with zipfile.ZipFile(io.BytesIO(export_csv_zip(store))) as archive:
        assert sorted(archive.namelist()) == ["checkins.csv", "choices.csv", "contacts.csv", "diagnostics.csv", "safety_events.csv",
                                              "safety_plan.csv", "toolkit.csv"]
        text = archive.read("checkins.csv").decode()
    import csv

    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["note"] == 'comma, "quote"\nnewline' and row["openness"] == "42"


VALID = {"format": "take-two-export", "version": 1, "checkins": [], "contacts": [], "diagnostics": []}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not a Take Two export"),
        (b"hello, diary", "not JSON"),
        (json.dumps({"some": "other app"}).encode(), "not a Take Two export"),
        (json.dumps([1, 2, 3]).encode(), "not a Take Two export"),
        (json.dumps({**VALID, "version": 5}).encode(), "newer version of Take Two"),
        (json.dumps({**VALID, "version": "one"}).encode(), "damaged"),
        (json.dumps({**VALID, "checkins": "lots"}).encode(), "damaged"),
        (json.dumps({**VALID, "checkins": [{"id": "x"}]}).encode(), "damaged"),
        (json.dumps(VALID).encode()[:-9], "damaged"),
    ],
    ids=["binary", "text", "other-json", "list", "newer", "bad-version", "bad-list", "missing-fields", "truncated"],
)
def test_a_file_that_is_not_a_good_export_is_refused_plainly(data, message):
    with pytest.raises(ImportRefused, match=message):
        read_export(data)


def test_a_refused_import_leaves_the_database_exactly_as_it_was(store):
    store.add_checkin(CheckIn(42, "dip_a_toe", 3))
    before = export_json(store)
    doc = json.loads(before)
    good = dict(doc["checkins"][0], id="another")
    bad = dict(doc["checkins"][0], id="bad", openness=900)  # valid shape, refused by the rules
    doc["checkins"] = [good, bad]
    with pytest.raises(ImportRefused, match="can't accept"):
        import_bundle(store, read_export(json.dumps(doc)))
    assert export_json(store) == before


def test_export_times_with_a_timezone_are_read_as_local_time_and_future_ones_refused(store):
    record_diagnostic(store, DiagnosticAnswers(answers={"they_want": "no"}))
    doc = json.loads(export_json(store))
    [run] = doc["diagnostics"]
    run["created_at"] = "2025-03-01T12:00:00+00:00"
    other = read_export(json.dumps(doc))
    assert import_bundle(store, other) == {"checkin": 0, "contact": 0, "diagnostic": 0}  # same id
    run["id"], run["created_at"] = "from-the-future", "2999-01-01T00:00:00+02:00"
    with pytest.raises(ImportRefused, match="in the future"):
        import_bundle(store, read_export(json.dumps(doc)))
    assert store.counts()["diagnostic"] == 1


def test_a_version_1_export_without_safety_sections_still_imports(store):
    doc = {**VALID, "checkins": [{"id": "old", "at": "2026-01-02T21:00:00", "openness": 30, "signs": [],
                                  "your_stage": "dip_a_toe", "mood": 3, "note": "from version 1"}]}
    bundle = read_export(json.dumps(doc).encode())
    assert bundle.safety_events == [] and bundle.safety_plan is None
    assert import_bundle(store, bundle)["checkin"] == 1


def test_csv_cells_never_start_a_formula_and_line_breaks_stay_in_their_cell(store):
    store.add_checkin(CheckIn(42, "dip_a_toe", 3, note='=HYPERLINK("http://203.0.113.9/","x")'))
    store.add_contact(Contact(date.today(), "me", "text", "none", 2, "one\rtwo\nthree"))
    with zipfile.ZipFile(io.BytesIO(export_csv_zip(store))) as archive:
        checkins = list(csv.DictReader(io.StringIO(archive.read("checkins.csv").decode(), newline="")))
        contacts = list(csv.DictReader(io.StringIO(archive.read("contacts.csv").decode(), newline="")))
    assert checkins[0]["note"] == "'=HYPERLINK(\"http://203.0.113.9/\",\"x\")"
    assert len(contacts) == 1 and contacts[0]["note"] == "one\rtwo\nthree"


def test_an_absurd_number_is_refused_plainly():
    doc = '{"format": "take-two-export", "version": 2, "checkins": [{"openness": ' + "9" * 5000 + "}]}"
    with pytest.raises(ImportRefused, match="not JSON"):
        read_export(doc.encode())


def test_a_rescue_keeps_every_section_it_can_read_and_names_the_rest(store, monkeypatch):
    store.add_contact(Contact(date.today(), "me", "text", "none", 2, "still readable"))

    def damaged(limit=None, staged=False):
        raise ImportRefused("simulated: this table's block is damaged")

    monkeypatch.setattr(store, "checkins", damaged)
    rescued, lost = rescue_json(store)
    assert lost == ["checkins"]
    bundle = read_export(rescued)
    assert [c.note for c in bundle.contacts] == ["still readable"] and bundle.checkins == []


def test_a_large_import_is_written_in_batches_all_or_nothing(store, tmp_path, monkeypatch):
    """Batches keep an import's memory bounded; they are still one transaction, and skip what is known."""
    import duckdb

    from reunion_core import store as store_module

    start = datetime.now() - timedelta(days=2000)
    store.add_checkins([CheckIn(30, "dip_a_toe", 2, note=f"day {n}", at=start + timedelta(days=n))
                        for n in range(2 * store_module._BATCH + 1)])
    exported = read_export(export_json(store))
    other = Store.open(tmp_path / "other.duckdb")
    real_batch, batches = store_module._insert_batch, []

    def failing_third(cur, sql, rows):
        batches.append(len(rows))
        if len(batches) == 3:
            raise duckdb.IOException("IO Error: No space left on device")
        real_batch(cur, sql, rows)

    monkeypatch.setattr(store_module, "_insert_batch", failing_third)
    with pytest.raises(ImportRefused, match="disk is full"):
        import_bundle(other, exported)
    assert batches == [store_module._BATCH, store_module._BATCH, 1] and other.checkins() == []  # none of it
    monkeypatch.undo()
    assert import_bundle(other, exported)["checkin"] == 2 * store_module._BATCH + 1
    assert import_bundle(other, exported)["checkin"] == 0  # ids known in every batch are skipped
    assert sorted(c.note for c in other.checkins()) == sorted(c.note for c in store.checkins())
    other.close()

"""Honest guidance: a no is a no, a boundary stands until they lift it, moving on is a path, and a
step toward them waits until the person is ready."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reunion_core.assessment import assess
from reunion_core.content import DIAGNOSTIC_QUESTIONS, REACTANCE_STAGES, SAFETY_QUESTIONS, YOUR_STAGES
from reunion_core.guidance import Boundary, Path, Readiness, boundary, guide
from reunion_core.records import CheckIn, Contact, DiagnosticAnswers, DiagnosticRun, PathChoice, local_now
from reunion_core.stages import stage_from_signs
from reunion_core.transfer import export_json
from reunion_core.views import choose_path, home, import_export, record_diagnostic

TODAY = date.today()
CONTACT_STEPS = {s.next_step for s in YOUR_STAGES if s.number >= 3}
READY = Readiness(TODAY - timedelta(days=90), 90, 30, frozenset(s.key for s in YOUR_STAGES), True)
YES = {"why_ended": "communication", "your_role": "half", "pattern": "no", "why_back": "both_changed",
       "they_want": "yes", "what_different": "concrete"}

any_answers = st.builds(
    DiagnosticAnswers,
    answers=st.fixed_dictionaries({}, optional={q.key: st.sampled_from([c.key for c in q.choices])
                                                for q in DIAGNOSTIC_QUESTIONS}),
    safety=st.lists(st.sampled_from([q.key for q in SAFETY_QUESTIONS]), max_size=2, unique=True).map(tuple),
)
# Random answers rarely add up to "Proceed with care": the clear ones, and the clear ones with a no, are
# drawn often, so that the gate is also seen open (a step toward them) and shut by a no alone.
answers = st.one_of(any_answers, st.just(DiagnosticAnswers(YES)), st.just(DiagnosticAnswers({**YES, "they_want": "no"})))


@settings(max_examples=400, deadline=None)
# the gate seen open at least once (a step toward them), and the same answers shut by a boundary
@example(answers=DiagnosticAnswers(YES), safety_on=False, bound=False, moving=False, stage=YOUR_STAGES[2],
         their=REACTANCE_STAGES[2], ready=READY)
@example(answers=DiagnosticAnswers(YES), safety_on=False, bound=True, moving=False, stage=YOUR_STAGES[2],
         their=REACTANCE_STAGES[2], ready=READY)
@given(answers=answers, safety_on=st.booleans(), bound=st.booleans(), moving=st.booleans(),
       stage=st.sampled_from(YOUR_STAGES), their=st.one_of(st.none(), st.sampled_from(REACTANCE_STAGES)),
       ready=st.one_of(st.just(READY), st.builds(
           Readiness, st.just(TODAY), st.integers(0, 400), st.integers(0, 365),
           st.frozensets(st.sampled_from([s.key for s in YOUR_STAGES])), st.booleans())))
def test_a_no_a_boundary_a_safety_answer_or_moving_on_never_suggests_contacting_them(
        answers, safety_on, bound, moving, stage, their, ready):
    run = DiagnosticRun("r", local_now(), answers, assess(answers))
    g = guide(safety_on=safety_on, diagnostic=run, your_stage=stage, their=their,
              bound=Boundary(bound, TODAY if bound else None), chose_moving_on=moving, ready=ready)
    held_back = safety_on or bound or moving or answers.safety or answers.answers.get("they_want") == "no"
    if held_back:
        assert not g.step.contacts_them and g.step.text not in CONTACT_STEPS
        assert "With them at" not in g.step.caption
    if g.step.contacts_them:  # only ever with every gate open
        assert run.assessment.verdict.value == "proceed_with_care" and ready.no_contact_days >= ready.minimum_days


def test_a_boundary_stands_until_they_reopen_contact_and_warm_signs_never_outvote_it():
    asked = [(date(2026, 3, 1), datetime(2026, 3, 1, 20, 0))]
    assert boundary(asked, []) == Boundary(True, date(2026, 3, 1))
    reopened = PathChoice("they_reopened", at=datetime(2026, 3, 1, 21, 0))  # the same evening: it counts
    assert boundary(asked, [reopened]) == Boundary(False, date(2026, 3, 1), reopened.at)
    assert boundary([*asked, (date(2026, 5, 2), datetime(2026, 5, 2, 9))], [reopened]).on  # asked again
    g = guide(safety_on=False, diagnostic=DiagnosticRun("r", local_now(), DiagnosticAnswers(YES),
                                                        assess(DiagnosticAnswers(YES))),
              your_stage=YOUR_STAGES[3], their=REACTANCE_STAGES[4], bound=Boundary(True, date(2026, 3, 1)),
              chose_moving_on=False, ready=READY)
    assert g.path is Path.BOUNDARY and "01 Mar 2026" in g.step.text and g.offer_moving_on


def test_discouragement_and_a_boundary_point_to_no_stage():
    assert stage_from_signs(["bad_idea"]) is None and stage_from_signs(["enjoy_but_discourage"]) is None
    assert stage_from_signs(["asked_no_contact", "openly_warm", "they_initiate"]).key == "new_beginnings"
    assert stage_from_signs(["bad_idea", "one_word"]).key == "test_drive"  # not pulled up by the no


def test_the_boundary_path_from_a_fresh_file(store):
    record_diagnostic(store, DiagnosticAnswers(YES))
    store.add_checkin(CheckIn(85, "reboot_date", 4, ("openly_warm", "they_initiate")))
    store.add_contact(Contact(TODAY - timedelta(days=2), "me", "text", "asked_stop", 2))
    glance = home(store, TODAY)
    assert glance.guidance.path is Path.BOUNDARY and glance.their_gut is None and glance.their_evidence is None
    assert f"{TODAY - timedelta(days=2):%d %b %Y}" in glance.next_step and glance.next_step not in CONTACT_STEPS
    store.add_checkin(CheckIn(95, "reboot_date", 5, ("openly_warm", "open_to_talk")))  # warm signs later
    assert home(store, TODAY).guidance.path is Path.BOUNDARY
    choose_path(store, "they_reopened")
    assert home(store, TODAY).guidance.path is Path.RECONNECTING


def test_an_import_never_lifts_a_boundary(store, tmp_path):
    from reunion_core.store import Store

    other = Store.open(tmp_path / "other" / "o.duckdb")
    try:
        choose_path(other, "they_reopened")
        forged = export_json(other)
    finally:
        other.close()
    store.add_checkin(CheckIn(10, "bubble_space", 2, ("asked_no_contact",), at=datetime.now() - timedelta(days=3)))
    assert import_export(store, forged).held_back == 1  # their "reopening" is left out of the import
    glance = home(store, TODAY)
    assert glance.guidance.path is Path.BOUNDARY and glance.guidance.boundary.since == TODAY - timedelta(days=3)


def test_an_import_brings_no_readiness_and_no_run_later_than_their_no(store, tmp_path):
    """A forged export the owner is talked into importing can't open the gate or outvote a "no"."""
    from reunion_core.store import Store

    other = Store.open(tmp_path / "other" / "o.duckdb")
    try:
        for stage in YOUR_STAGES:
            choose_path(other, "ready", stage.key)
        choose_path(other, "they_healed")
        choose_path(other, "no_contact_days", "0")
        choose_path(other, "moving_on")  # a choice that closes a way is welcome
        record_diagnostic(other, DiagnosticAnswers(YES), at=datetime.now() + timedelta(minutes=5))
        forged = export_json(other)
    finally:
        other.close()
    record_diagnostic(store, DiagnosticAnswers({**YES, "they_want": "no"}))
    imported = import_export(store, forged)
    assert imported.held_back == len(YOUR_STAGES) + 3  # the stages, their healing, the days, the later run
    assert {c.kind for c in store.choices()} == {"moving_on"}
    assert [r.answers.answers["they_want"] for r in store.diagnostic_runs()] == ["no"]
    assert import_export(store, forged).held_back == len(YOUR_STAGES) + 3  # still left out, said again
    mine = export_json(store)  # your own export, restored: nothing of yours is held back
    assert import_export(store, mine).held_back == 0


def test_the_they_said_no_path_offers_moving_on_and_moving_on_is_reversible(store):
    record_diagnostic(store, DiagnosticAnswers({**YES, "they_want": "no"}))
    store.add_checkin(CheckIn(50, "dip_a_toe", 3))
    glance = home(store, TODAY)
    assert glance.guidance.path is Path.THEY_SAID_NO and glance.guidance.offer_moving_on
    assert glance.diagnostic.assessment.verdict.label == "Respect their answer" and glance.their_gut is None
    choose_path(store, "moving_on")
    glance = home(store, TODAY)
    assert glance.guidance.path is Path.MOVING_ON and glance.next_step == YOUR_STAGES[0].next_step
    choose_path(store, "reconnecting")
    assert home(store, TODAY).guidance.path is Path.THEY_SAID_NO  # their no still stands


def test_after_they_reopen_their_stage_from_before_is_out_of_date_until_a_new_check_in(store):
    record_diagnostic(store, DiagnosticAnswers(YES))
    for kind, detail in (("ready", "defining_yourself"), ("they_healed", ""),
                         ("no_contact_since", f"{TODAY - timedelta(days=90):%Y-%m-%d}")):
        choose_path(store, kind, detail)
    store.add_checkin(CheckIn(60, "dip_a_toe", 3, ("asked_no_contact",), at=datetime.now() - timedelta(days=2)))
    choose_path(store, "they_reopened")
    guidance = home(store, TODAY).guidance
    assert guidance.path is Path.RECONNECTING and not guidance.step.contacts_them
    assert guidance.missing and "check in on where things stand" in guidance.missing[0]
    store.add_checkin(CheckIn(60, "dip_a_toe", 3))
    assert home(store, TODAY).guidance.step.contacts_them


def test_a_boundary_recorded_by_mistake_is_lifted_honestly(store):
    store.add_checkin(CheckIn(60, "dip_a_toe", 3, ("asked_no_contact",), at=datetime.now() - timedelta(minutes=5)))
    choose_path(store, "boundary_mistake")
    assert not home(store, TODAY).guidance.boundary.on
    assert [c.kind for c in store.choices()] == ["boundary_mistake"]  # said as it was, not "they reopened"

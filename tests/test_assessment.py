from reunion_core.assessment import assess
from reunion_core.records import DiagnosticAnswers, Verdict

GOOD = {
    "why_ended": "communication",
    "your_role": "half",
    "pattern": "no",
    "why_back": "both_changed",
    "they_want": "yes",
    "what_different": "concrete",
}


def run(answers=None, **kw):
    return assess(DiagnosticAnswers(answers={**GOOD, **(answers or {})}, **kw))


def sources(result):
    return {r.source for r in result.deciding_reasons}


def test_clear_answers_proceed_with_care():
    result = run()
    assert result.verdict is Verdict.PROCEED_WITH_CARE
    assert result.reasons and result.reasons[0].verdict is Verdict.PROCEED_WITH_CARE


def test_any_safety_yes_is_safety_first_and_wins_over_everything():
    result = run({"they_want": "no"}, safety=("afraid",), pause_signs=("fear_alone",))
    assert result.verdict is Verdict.SAFETY_FIRST
    assert sources(result) == {"safety:afraid"}
    assert result.reasons[0].answer.startswith("Are you, or were you, afraid")
    # the other cautions are still listed after it
    assert {r.verdict for r in result.reasons} >= {Verdict.TAKE_A_LONG_PAUSE, Verdict.NOT_YET}


def test_each_pause_sign_means_take_a_long_pause():
    for sign in ("no_identity", "miss_routines", "fear_alone", "solve_problems"):
        result = run(pause_signs=(sign,))
        assert result.verdict is Verdict.TAKE_A_LONG_PAUSE
        assert sources(result) == {f"pause:{sign}"}


def test_wanting_them_back_out_of_fear_means_pause_citing_the_answer():
    result = run({"why_back": "fear_alone"})
    assert result.verdict is Verdict.TAKE_A_LONG_PAUSE
    assert result.deciding_reasons[0].answer == "I'm scared I won't find anyone else"


def test_infidelity_with_no_change_named_means_pause():
    result = run({"why_ended": "infidelity", "what_different": "nothing_yet"})
    assert result.verdict is Verdict.TAKE_A_LONG_PAUSE
    assert "red_flag:unfaithful" in sources(result)


def test_contempt_red_flag_with_concrete_change_is_not_yet_not_pause():
    result = run(red_flags=("contempt",))
    assert result.verdict is Verdict.NOT_YET
    assert sources(result) == {"red_flag:contempt"}


def test_they_dont_want_it_means_not_yet():
    result = run({"they_want": "no"})
    assert result.verdict is Verdict.NOT_YET
    assert sources(result) == {"question:they_want"}


def test_open_questions_mean_not_yet_and_each_is_cited():
    result = assess(DiagnosticAnswers(answers={"why_ended": "not_sure"}))
    assert result.verdict is Verdict.NOT_YET
    assert sources(result) == {f"question:{k}" for k in GOOD}
    cited = {r.source: r.answer for r in result.deciding_reasons}
    assert cited["question:why_ended"] == "I'm not sure yet"
    assert cited["question:they_want"] == "(not answered)"


def test_other_red_flags_mean_not_yet():
    for flag in ("boundaries_broken", "past_kept_alive", "pattern"):
        result = run(red_flags=(flag,))
        assert result.verdict is Verdict.NOT_YET
        assert sources(result) == {f"red_flag:{flag}"}


def test_reasons_are_ordered_most_cautious_first():
    result = run({"they_want": "unknown"}, pause_signs=("no_identity",))
    levels = [r.verdict.level for r in result.reasons]
    assert levels == sorted(levels)

import pytest

from reunion_core.assessment import assess
from reunion_core.content import VERDICT_WORDS
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
    assert {r.verdict for r in result.reasons} >= {Verdict.TAKE_A_LONG_PAUSE, Verdict.RESPECT_THEIR_ANSWER}


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


def test_open_questions_mean_not_yet_and_each_is_cited():
    result = assess(DiagnosticAnswers(answers={"why_ended": "not_sure"}))
    assert result.verdict is Verdict.NOT_YET
    assert sources(result) == {f"question:{k}" for k in GOOD}
    cited = {r.source: r.answer for r in result.deciding_reasons}
    assert cited["question:why_ended"] == "I'm not sure yet"
    assert cited["question:they_want"] == "(not answered)"


def test_reasons_are_ordered_most_cautious_first():
    result = run({"they_want": "unknown"}, pause_signs=("no_identity",))
    levels = [r.verdict.level for r in result.reasons]
    assert levels == sorted(levels)


# One row per rule of the seed (004): the answers, the verdict, what is cited, and the seed's sentence.
SEED_RULES = [
    ({"they_want": "no"}, {}, Verdict.RESPECT_THEIR_ANSWER, "No, they have said they don't",
     "You don't want to be with someone who doesn't want to be with you."),
    ({"they_want": "maybe"}, {}, Verdict.NOT_YET, "There are signs they might",
     "You simply can't control someone else's desires."),
    ({"they_want": "unknown"}, {}, Verdict.NOT_YET, "I don't know", "Do they want to get back together with you?"),
    ({"they_want": "space"}, {}, Verdict.NOT_YET, "They said they need space",
     "This gives you and your ex some space to cool down."),
    ({"what_different": "values_differ"}, {}, Verdict.TAKE_A_LONG_PAUSE, "We still differ on big life plans",
     "An entrenched difference in values regarding big life plans is a different story."),
    ({"why_ended": "values", "what_different": "nothing_yet"}, {}, Verdict.TAKE_A_LONG_PAUSE,
     "We want different things from life", "An entrenched difference in values ... is a different story."),
    ({"why_ended": "values"}, {}, Verdict.NOT_YET, "We want different things from life",
     "Learned behaviors can be easily changed; a difference in values is a different story."),
    ({"pattern": "somewhat"}, {}, Verdict.NOT_YET, "Somewhat", "Have you taken a good look at your side of the street?"),
    ({"pattern": "yes"}, {}, Verdict.NOT_YET, "Yes, it keeps happening", "Do you have a pattern of similar breakups?"),
    ({"what_different": "nothing_yet"}, {}, Verdict.NOT_YET, "Nothing has changed yet", "What is different this time around?"),
    ({}, {"red_flags": ("boundaries_broken",)}, Verdict.TAKE_A_LONG_PAUSE,
     "New boundaries we agreed on are not being kept.", "A sign that nothing much will change from the previous go-round."),
    ({}, {"red_flags": ("past_kept_alive",)}, Verdict.TAKE_A_LONG_PAUSE, "One of us keeps bringing up the past.",
     "If you continue to bring up the past, the hurts of the past simply won't heal."),
    ({}, {"red_flags": ("pattern",)}, Verdict.NOT_YET, "This fits a pattern of similar breakups.",
     "There might be patterns in your own behavior that contributed to the breakup."),
    ({"why_ended": "infidelity", "what_different": "nothing_yet"}, {}, Verdict.TAKE_A_LONG_PAUSE,
     "Someone was unfaithful", "Be very wary of reconnecting with someone who wasn't faithful."),
    ({"why_ended": "contempt"}, {}, Verdict.NOT_YET, "They made me feel bad about myself",
     "Be very wary of reconnecting with someone who ... made you feel bad about yourself."),
    ({}, {"red_flags": ("unfaithful",)}, Verdict.NOT_YET, "They were unfaithful.",
     "Be very wary of reconnecting with someone who wasn't faithful."),
    ({"why_back": "routines"}, {}, Verdict.TAKE_A_LONG_PAUSE, "I miss the routines we had",
     "You should prob take a long pause if you miss the familiar routines you enjoyed together."),
    ({}, {"pause_signs": ("miss_routines",)}, Verdict.TAKE_A_LONG_PAUSE,
     "I miss the familiar routines we enjoyed together.", "You miss the familiar routines you enjoyed together."),
    ({}, {"safety": ("afraid",)}, Verdict.SAFETY_FIRST, "Are you, or were you, afraid of them?",
     "If the answer to any of these is a 'yes' you prob shouldn't get back with them."),
    ({}, {}, Verdict.PROCEED_WITH_CARE, "We have each named concrete changes",
     "There aren't any hard and fast rules for getting back together with your ex."),
]


@pytest.mark.parametrize(("answers", "extra", "verdict", "cited", "seed"), SEED_RULES,
                         ids=[row[4][:40] for row in SEED_RULES])
def test_each_seed_rule_gives_its_verdict_citing_the_persons_own_words(answers, extra, verdict, cited, seed):
    result = run(answers, **extra)
    assert result.verdict is verdict, seed
    assert cited in [r.answer for r in result.deciding_reasons]
    assert len({r.source for r in result.reasons}) == len(result.reasons)  # no reason listed twice


def test_a_clear_no_is_never_softened_to_right_now_and_opens_the_way_to_move_on():
    words = " ".join(VERDICT_WORDS["respect_their_answer"]) + VERDICT_WORDS["not_yet"][1]
    assert "right now" not in words and "moving on" in words
    assert "no warning sign" not in " ".join(VERDICT_WORDS["proceed_with_care"])


def test_a_no_outranks_not_yet_and_only_safety_outranks_a_no():
    assert run({"they_want": "no", "pattern": "yes"}).verdict is Verdict.RESPECT_THEIR_ANSWER
    assert run({"they_want": "no"}, pause_signs=("fear_alone",)).verdict is Verdict.RESPECT_THEIR_ANSWER
    assert run({"they_want": "no"}, safety=("afraid",)).verdict is Verdict.SAFETY_FIRST

"""Diagnostic answers -> a verdict with the reasons behind it. Safety always comes first."""

from __future__ import annotations

from .content import (
    DIAGNOSTIC_QUESTIONS,
    NOT_YET_ANSWERS,
    PAUSE_ANSWERS,
    PAUSE_BY_KEY,
    REASON_HARMFUL_CHANGED,
    REASON_HARMFUL_NO_CHANGE,
    REASON_NONE,
    REASON_NONSTARTER,
    REASON_NOT_ANSWERED,
    REASON_OPEN_QUESTION,
    REASON_PAUSE_SIGN,
    REASON_RED_FLAG,
    REASON_SAFETY,
    REASON_VALUES_CHANGED,
    RED_FLAG_BY_KEY,
    SAFETY_BY_KEY,
    THEY_SAID_NO,
    choice_label,
)
from .records import Assessment, DiagnosticAnswers, Reason, Verdict

_HARMFUL_ENDINGS = {"infidelity": "unfaithful", "contempt": "contempt"}  # why it ended -> the same red flag
_NO_CHANGE_NAMED = {None, "nothing_yet", "values_differ"}
_NONSTARTER_FLAGS = ("boundaries_broken", "past_kept_alive")  # the seed: "a sign that nothing much will change"
_VALUES_DIFFER = "A deep difference in values about big life plans is, in the guide's words, a different story."


def assess(answers: DiagnosticAnswers) -> Assessment:
    """The verdict for one diagnostic run, with every reason that produced it (each answer once)."""
    reasons: list[Reason] = [Reason(Verdict.SAFETY_FIRST, f"safety:{key}", SAFETY_BY_KEY[key].text, REASON_SAFETY)
                             for key in answers.safety]
    reasons += [Reason(Verdict.TAKE_A_LONG_PAUSE, f"pause:{key}", PAUSE_BY_KEY[key].text, REASON_PAUSE_SIGN)
                for key in answers.pause_signs]
    chosen = answers.answers
    if chosen.get("they_want") == "no":  # a clear no is an answer, not a stage
        reasons.append(_question_reason(Verdict.RESPECT_THEIR_ANSWER, "they_want", "no", THEY_SAID_NO))
    for (question, choice), why in PAUSE_ANSWERS.items():
        if chosen.get(question) == choice:
            reasons.append(_question_reason(Verdict.TAKE_A_LONG_PAUSE, question, choice, why))

    change, ended = chosen.get("what_different"), chosen.get("why_ended")
    no_change = change in _NO_CHANGE_NAMED
    # Unfaithfulness or contempt, ticked as a red flag or given as why it ended: one reason, in the
    # person's own words (the flag's, or the answer's).
    for flag in sorted({f for f in answers.red_flags if f in _HARMFUL_ENDINGS.values()}
                       | ({_HARMFUL_ENDINGS[ended]} if ended in _HARMFUL_ENDINGS else set())):
        said = RED_FLAG_BY_KEY[flag].text if flag in answers.red_flags else choice_label("why_ended", ended)
        verdict = Verdict.TAKE_A_LONG_PAUSE if no_change else Verdict.NOT_YET
        why = REASON_HARMFUL_NO_CHANGE if no_change else REASON_HARMFUL_CHANGED
        reasons.append(Reason(verdict, f"red_flag:{flag}", said, why))
    for flag in answers.red_flags:
        if flag in _NONSTARTER_FLAGS:
            reasons.append(Reason(Verdict.TAKE_A_LONG_PAUSE, f"red_flag:{flag}", RED_FLAG_BY_KEY[flag].text,
                                  REASON_NONSTARTER))
        elif flag not in _HARMFUL_ENDINGS.values():
            reasons.append(Reason(Verdict.NOT_YET, f"red_flag:{flag}", RED_FLAG_BY_KEY[flag].text, REASON_RED_FLAG))
    # Values about big life plans: a big deal whether it is why it ended or what is still different.
    if change == "values_differ":
        reasons.append(_question_reason(Verdict.TAKE_A_LONG_PAUSE, "what_different", change,
                                        f"{_VALUES_DIFFER} {REASON_NONSTARTER}"))
    elif ended == "values":
        verdict = Verdict.TAKE_A_LONG_PAUSE if no_change else Verdict.NOT_YET
        why = f"{_VALUES_DIFFER} {REASON_NONSTARTER}" if no_change else REASON_VALUES_CHANGED
        reasons.append(_question_reason(verdict, "why_ended", ended, why))

    for question in DIAGNOSTIC_QUESTIONS:
        choice = chosen.get(question.key)
        if choice is None:
            reasons.append(Reason(Verdict.NOT_YET, f"question:{question.key}", REASON_NOT_ANSWERED,
                                  REASON_OPEN_QUESTION.format(question=question.text)))
        elif choice == "not_sure":
            reasons.append(_question_reason(Verdict.NOT_YET, question.key, choice,
                                            REASON_OPEN_QUESTION.format(question=question.text)))
        elif (question.key, choice) in NOT_YET_ANSWERS:
            reasons.append(_question_reason(Verdict.NOT_YET, question.key, choice, NOT_YET_ANSWERS[question.key, choice]))

    if not reasons:
        reasons.append(Reason(Verdict.PROCEED_WITH_CARE, "question:what_different",
                              choice_label("what_different", change) if change else "", REASON_NONE))
    verdict = min((r.verdict for r in reasons), key=lambda v: v.level)
    return Assessment(verdict, tuple(sorted(reasons, key=lambda r: r.verdict.level)))


def _question_reason(verdict: Verdict, question: str, choice: str, why: str) -> Reason:
    return Reason(verdict, f"question:{question}", choice_label(question, choice), why)

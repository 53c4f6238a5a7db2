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
    REASON_NOT_ANSWERED,
    REASON_OPEN_QUESTION,
    REASON_PAUSE_SIGN,
    REASON_RED_FLAG,
    REASON_SAFETY,
    RED_FLAG_BY_KEY,
    SAFETY_BY_KEY,
    choice_label,
)
from .records import Assessment, DiagnosticAnswers, Reason, Verdict

_HARMFUL_ENDINGS = {"infidelity": "unfaithful", "contempt": "contempt"}
_NO_CHANGE_NAMED = {None, "nothing_yet", "values_differ"}


def assess(answers: DiagnosticAnswers) -> Assessment:
    """The verdict for one diagnostic run, with every reason that produced it."""
    reasons: list[Reason] = []

    for key in answers.safety:
        reasons.append(
            Reason(
                Verdict.SAFETY_FIRST,
                f"safety:{key}",
                SAFETY_BY_KEY[key].text,
                REASON_SAFETY,
            )
        )

    for key in answers.pause_signs:
        reasons.append(
            Reason(
                Verdict.TAKE_A_LONG_PAUSE,
                f"pause:{key}",
                PAUSE_BY_KEY[key].text,
                REASON_PAUSE_SIGN,
            )
        )

    chosen = answers.answers
    for (question, choice), why in PAUSE_ANSWERS.items():
        if chosen.get(question) == choice:
            reasons.append(_question_reason(Verdict.TAKE_A_LONG_PAUSE, question, choice, why))

    change = chosen.get("what_different")
    harmful = {f for f in answers.red_flags if f in _HARMFUL_ENDINGS.values()}
    ended = chosen.get("why_ended")
    if ended in _HARMFUL_ENDINGS:
        harmful.add(_HARMFUL_ENDINGS[ended])
    for flag in sorted(harmful):
        verdict = Verdict.TAKE_A_LONG_PAUSE if change in _NO_CHANGE_NAMED else Verdict.NOT_YET
        explanation = REASON_HARMFUL_NO_CHANGE if verdict is Verdict.TAKE_A_LONG_PAUSE else REASON_HARMFUL_CHANGED
        reasons.append(
            Reason(verdict, f"red_flag:{flag}", RED_FLAG_BY_KEY[flag].text, explanation)
        )

    for flag in answers.red_flags:
        if flag not in harmful:
            reasons.append(
                Reason(
                    Verdict.NOT_YET,
                    f"red_flag:{flag}",
                    RED_FLAG_BY_KEY[flag].text,
                    REASON_RED_FLAG,
                )
            )

    for question in DIAGNOSTIC_QUESTIONS:
        choice = chosen.get(question.key)
        if choice is None:
            reasons.append(
                Reason(
                    Verdict.NOT_YET,
                    f"question:{question.key}",
                    REASON_NOT_ANSWERED,
                    REASON_OPEN_QUESTION.format(question=question.text),
                )
            )
        elif choice == "not_sure":
            reasons.append(
                _question_reason(
                    Verdict.NOT_YET, question.key, choice, REASON_OPEN_QUESTION.format(question=question.text)
                )
            )
        elif (question.key, choice) in NOT_YET_ANSWERS:
            reasons.append(
                _question_reason(
                    Verdict.NOT_YET, question.key, choice, NOT_YET_ANSWERS[question.key, choice]
                )
            )

    if not reasons:
        reasons.append(
            Reason(
                Verdict.PROCEED_WITH_CARE,
                "question:what_different",
                choice_label("what_different", change) if change else "",
                REASON_NONE,
            )
        )

    verdict = min((r.verdict for r in reasons), key=lambda v: v.level)
    ordered = sorted(reasons, key=lambda r: r.verdict.level)
    return Assessment(verdict, tuple(ordered))


def _question_reason(verdict: Verdict, question: str, choice: str, why: str) -> Reason:
    return Reason(verdict, f"question:{question}", choice_label(question, choice), why)


"""Diagnostic answers -> a verdict with the reasons behind it. Safety always comes first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from .content import (
    DIAGNOSTIC_QUESTIONS,
    PAUSE_BY_KEY,
    RED_FLAG_BY_KEY,
    SAFETY_BY_KEY,
    choice_label,
)
from .records import DiagnosticAnswers


class Verdict(Enum):
    """Ordered from most to least cautious; the most cautious reason found wins."""

    SAFETY_FIRST = "safety_first"
    TAKE_A_LONG_PAUSE = "take_a_long_pause"
    NOT_YET = "not_yet"
    PROCEED_WITH_CARE = "proceed_with_care"

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def explanation(self) -> str:
        return _LABELS[self][1]

    @property
    def level(self) -> int:
        """0 is the most cautious; used to order and to chart verdicts."""
        return list(Verdict).index(self)


_LABELS = {
    Verdict.SAFETY_FIRST: (
        "Safety first",
        "What you described are warning signs of abuse. Please don't get back together: "
        "reach out for confidential help instead.",
    ),
    Verdict.TAKE_A_LONG_PAUSE: (
        "Take a long pause",
        "Some answers say you need more time for yourself before any contact.",
    ),
    Verdict.NOT_YET: (
        "Not yet",
        "There are open questions to answer, or they don't want it right now.",
    ),
    Verdict.PROCEED_WITH_CARE: (
        "Proceed with care",
        "Nothing here says stop. Go slowly, keep your boundaries, and check in often.",
    ),
}


@dataclass(frozen=True)
class Reason:
    """One reason for the verdict, citing the answer that produced it."""

    verdict: Verdict
    source: str  # "safety:<key>", "pause:<key>", "red_flag:<key>" or "question:<key>"
    answer: str  # the words the person chose or ticked
    explanation: str


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict
    reasons: tuple[Reason, ...]  # those behind the verdict first, then other cautions

    @property
    def deciding_reasons(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.verdict is self.verdict)


# Answers to the questions that mean "take a long pause" or "not yet", and why.
_PAUSE_ANSWERS = {
    ("why_back", "routines"): "Missing routines is a sign you need more time for yourself.",
    ("why_back", "fear_alone"): "Fear of being alone is a sign you need more time for yourself.",
    ("why_back", "solve_problems"): "Getting back won't solve other problems; give yourself time.",
}
_NOT_YET_ANSWERS = {
    ("they_want", "no"): "You can't control their wishes, and they have said no.",
    ("they_want", "unknown"): "Whether they want it is still an open question.",
    ("what_different", "nothing_yet"): "Nothing has changed yet, so the same ending is likely.",
    ("what_different", "values_differ"): "A difference in values about big life plans rarely changes.",
    ("pattern", "yes"): "A pattern of similar breakups is worth working on first.",
}
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
                "You answered yes to a warning sign of abuse.",
            )
        )

    for key in answers.pause_signs:
        reasons.append(
            Reason(
                Verdict.TAKE_A_LONG_PAUSE,
                f"pause:{key}",
                PAUSE_BY_KEY[key].text,
                "This is a sign you need more time to focus on yourself.",
            )
        )

    chosen = answers.answers
    for (question, choice), why in _PAUSE_ANSWERS.items():
        if chosen.get(question) == choice:
            reasons.append(_question_reason(Verdict.TAKE_A_LONG_PAUSE, question, choice, why))

    change = chosen.get("what_different")
    harmful = {f for f in answers.red_flags if f in _HARMFUL_ENDINGS.values()}
    ended = chosen.get("why_ended")
    if ended in _HARMFUL_ENDINGS:
        harmful.add(_HARMFUL_ENDINGS[ended])
    for flag in sorted(harmful):
        verdict = Verdict.TAKE_A_LONG_PAUSE if change in _NO_CHANGE_NAMED else Verdict.NOT_YET
        explanation = (
            "Be very wary of reconnecting after this, and no concrete change has been named."
            if verdict is Verdict.TAKE_A_LONG_PAUSE
            else "Be very wary of reconnecting after this, even with changes named."
        )
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
                    "A red flag: talk it through before going further.",
                )
            )

    for question in DIAGNOSTIC_QUESTIONS:
        choice = chosen.get(question.key)
        if choice is None:
            reasons.append(
                Reason(
                    Verdict.NOT_YET,
                    f"question:{question.key}",
                    "(not answered)",
                    f"Still open: {question.text}",
                )
            )
        elif choice == "not_sure":
            reasons.append(
                _question_reason(
                    Verdict.NOT_YET, question.key, choice, f"Still open: {question.text}"
                )
            )
        elif (question.key, choice) in _NOT_YET_ANSWERS:
            reasons.append(
                _question_reason(
                    Verdict.NOT_YET, question.key, choice, _NOT_YET_ANSWERS[question.key, choice]
                )
            )

    if not reasons:
        reasons.append(
            Reason(
                Verdict.PROCEED_WITH_CARE,
                "question:what_different",
                choice_label("what_different", change) if change else "",
                "Your answers raise no warning sign; keep checking in as things move.",
            )
        )

    verdict = min((r.verdict for r in reasons), key=lambda v: v.level)
    ordered = sorted(reasons, key=lambda r: r.verdict.level)
    return Assessment(verdict, tuple(ordered))


def _question_reason(verdict: Verdict, question: str, choice: str, why: str) -> Reason:
    return Reason(verdict, f"question:{question}", choice_label(question, choice), why)



@dataclass(frozen=True)
class DiagnosticRun:
    """One saved diagnostic: what was answered, and the verdict given at the time."""

    id: str
    created_at: datetime
    answers: DiagnosticAnswers
    assessment: Assessment

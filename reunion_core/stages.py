"""Stage rules for both models: openness score -> their stage, observed signs -> their stage."""

from __future__ import annotations

from collections.abc import Iterable

from .content import REACTANCE_BY_KEY, REACTANCE_STAGES, SIGN_BY_KEY, ReactanceStage
from .errors import ValidationError


def reactance_stage(openness: int) -> ReactanceStage:
    """The stage an openness score (0-100, how open they are to you now) falls in.

    Bands: 0-19 Wall of Reactance, 20-39 Test Drive, 40-60 Riding the Dragon (50 is the seed's
    49-51 see-saw point), 61-80 Crisis Point, 81-100 New Beginnings.
    """
    if isinstance(openness, bool) or not isinstance(openness, int | float):
        raise ValidationError(f"Openness must be a number from 0 to 100, not {openness!r}.")
    if not 0 <= openness <= 100:
        raise ValidationError(f"Openness must be from 0 to 100; {openness} is out of range.")
    for stage in REACTANCE_STAGES:
        if openness <= stage.high:
            return stage
    raise AssertionError("bands cover 0-100")  # pragma: no cover


def stage_from_signs(signs: Iterable[str]) -> ReactanceStage | None:
    """The stage the observed signs point to, or None when nothing was observed.

    Signs from different stages are common (that is what hot and cold looks like), so the
    evidence is the median of the stages seen, taking the lower one on a tie: when the
    evidence is split, assume more reactance rather than less. What they said that is not a
    rung (a request for no contact, a block, discouragement) points to no stage: it is never
    read as openness.
    """
    numbers = []
    for key in signs:
        sign = SIGN_BY_KEY.get(key)
        if sign is None:
            raise ValidationError(f"Unknown sign {key!r}.")
        if sign.stage in REACTANCE_BY_KEY:
            numbers.append(REACTANCE_BY_KEY[sign.stage].number)
    if not numbers:
        return None
    numbers.sort()
    return REACTANCE_STAGES[numbers[(len(numbers) - 1) // 2] - 1]


def disagreement(gut: ReactanceStage, evidence: ReactanceStage | None) -> int:
    """How many stages the slider (gut feeling) is ahead of (+) or behind (-) the evidence."""
    if evidence is None:
        return 0
    return gut.number - evidence.number


def disagrees(gut: ReactanceStage, evidence: ReactanceStage | None) -> bool:
    """Gut and evidence are more than one stage apart: worth saying so plainly."""
    return abs(disagreement(gut, evidence)) > 1

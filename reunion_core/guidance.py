"""Which path a person is on, and the one next step Home suggests, with its caption: pure rules.

Safety comes first. Then their answer: a request for no contact (or a block) is a boundary, and a
"no" is a no; neither is a stage to wait out, and no warm sign outvotes them. A person may choose to
move on. Only then does the reconnection path suggest a step, and a step that involves contacting
them waits until the person is ready by every measure in `gates`, and says which one is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum

from . import content as words
from .content import YOUR_STAGES, ReactanceStage, ReconnectionStage
from .records import DiagnosticRun, PathChoice, Verdict

DEFAULT_NO_CONTACT_DAYS = 30  # the seed's "if a few months go by" test, in spirit; the person may change it
FIRST_CONTACT_STAGE = 3  # Dip a toe in the water: from here on, each stage's step involves them


# Choices that open a way toward them. Only the person, here, makes them: an import (a forged export,
# say) may carry them, and they are left out of it (safety mode and a boundary are kept the same way).
OPENING_CHOICES = frozenset({"they_reopened", "boundary_mistake", "reconnecting", "ready", "they_healed",
                             "no_contact_since", "no_contact_days"})


def said_no(run: DiagnosticRun | None) -> bool:
    """The run's answer to "do they want to get back together with you?" is their no."""
    return bool(run) and run.answers.answers.get("they_want") == "no"


class Path(Enum):
    SAFETY = "safety"
    BOUNDARY = "boundary"  # they asked for no contact, or blocked you
    THEY_SAID_NO = "they_said_no"
    MOVING_ON = "moving_on"
    RECONNECTING = "reconnecting"


@dataclass(frozen=True)
class Step:
    text: str
    page: str  # one of ui.frame.NEXT_PAGES
    caption: str = ""
    contacts_them: bool = False  # the step asks the person to reach out to, or meet, their ex


@dataclass(frozen=True)
class Boundary:
    on: bool
    since: date | None = None  # the day they asked (the latest request that stands)
    lifted_at: datetime | None = None  # when it was lifted (their stage from before then is out of date)


@dataclass(frozen=True)
class Readiness:
    """What the gate before a step that involves them looks at."""

    no_contact_since: date  # the day no contact began (the person's, or the first day with an entry)
    no_contact_days: int  # how long no contact lasted (until the first contact you started after it)
    minimum_days: int  # the person's own minimum
    ready_for: frozenset[str]  # stages whose "ready when" the person confirmed
    they_healed: bool  # the person said they have been through their own healing


@dataclass(frozen=True)
class Guidance:
    path: Path
    step: Step
    boundary: Boundary
    missing: tuple[str, ...] = ()  # what stands between the person and a step that involves them
    offer_moving_on: bool = False  # after a no, a boundary or red flags that recur
    ready: Readiness | None = None  # the gate's measures, for the screen where the person sets them
    held: bool = False  # the path is stricter than what is saved: a form holds an answer not yet saved


@dataclass(frozen=True)
class Pending:
    """What a form shows ticked or chosen, not yet saved, that changes the path the moment it is saved."""

    safety: bool = False  # a safety answer ticked in the diagnostic
    boundary: bool = False  # "they asked me not to contact them, or blocked me", ticked or given as their answer
    their_no: bool = False  # "No, they have said they don't", answered
    form: str = ""  # the form that holds it (a key of ui.frame.NEXT_PAGES), for the step that points back


NOTHING_PENDING = Pending()


def heard(path: Path, pending: Pending = NOTHING_PENDING) -> Path:
    """The one judge of what any screen may say about them: the saved path, with what is ticked on
    screen counted as if it were saved. Never warmer than the saved path: unticking or a kinder answer
    changes nothing until it is saved. Only RECONNECTING lets a screen speak of their stage or
    openness, compare the person's sense of them with the signs, or suggest a step toward them."""
    if path is Path.SAFETY or pending.safety:
        return Path.SAFETY
    if path is Path.MOVING_ON:
        return path
    if path is Path.BOUNDARY or pending.boundary:
        return Path.BOUNDARY
    if path is Path.THEY_SAID_NO or pending.their_no:
        return Path.THEY_SAID_NO
    return path


def held(guidance: Guidance, pending: Pending) -> Guidance:
    """The guidance while a form holds an answer, not yet saved, that makes the path stricter (heard):
    its step points back to that form, and no screen says anything warmer in the meantime. A kinder
    answer held on a form changes nothing: only a save does."""
    path = heard(guidance.path, pending)
    if path is guidance.path:  # already as strict: the step stands, but a saved verdict a held answer
        answered = (pending.their_no or pending.safety) and path is not Path.SAFETY  # contradicts waits
        return replace(guidance, held=True) if answered else guidance
    form = pending.form or ("diagnostic" if path in (Path.SAFETY, Path.THEY_SAID_NO) else "checkin")
    if path is Path.SAFETY:  # help first, one click away; the answer is saved on its own form
        step = Step(words.NEXT_STEP_SAFETY, "safety", words.HELD_SAFETY_CAPTION)
    else:
        step = Step(words.HELD[path.value][form], form)
    return Guidance(path, step, guidance.boundary, ready=guidance.ready, held=True)


def boundary(requests: list[tuple[date, datetime]], choices: list[PathChoice]) -> Boundary:
    """A boundary stands from the latest request (a check-in's mark or a contact's answer: the day,
    and when it was written down) until the person records, after it, that they themselves reopened
    contact. A "boundary" choice (made when an import would have lifted it) keeps it standing."""
    if not requests:
        return Boundary(False)
    since, noted = max(day for day, _ in requests), max(moment for _, moment in requests)
    reopened = [c.at for c in choices if c.kind in ("they_reopened", "boundary_mistake") and c.at >= noted]
    kept = [c.at for c in choices if c.kind == "boundary"]
    if reopened and not (kept and max(kept) >= max(reopened)):
        return Boundary(False, since, max(reopened))
    return Boundary(True, since)


def moving_on(choices: list[PathChoice]) -> bool:
    """The person's latest choice between moving on and reconnecting (moving on needs choosing)."""
    path = [c.kind for c in choices if c.kind in ("moving_on", "reconnecting")]
    return bool(path) and path[-1] == "moving_on"


def readiness(choices: list[PathChoice], first_day: date, first_reach: date | None, today: date) -> Readiness:
    """The gate's measures from the person's choices; the latest of each kind stands."""
    latest = {c.kind: c.detail for c in choices}
    since = date.fromisoformat(latest["no_contact_since"]) if "no_contact_since" in latest else first_day
    end = first_reach if first_reach and first_reach >= since else today
    return Readiness(
        no_contact_since=since,
        no_contact_days=max(0, (end - since).days),
        minimum_days=int(latest.get("no_contact_days", DEFAULT_NO_CONTACT_DAYS)),
        ready_for=frozenset(c.detail for c in choices if c.kind == "ready"),
        they_healed=any(c.kind == "they_healed" for c in choices),
    )


def recurring_red_flags(runs: list[DiagnosticRun]) -> bool:
    """A red flag given in two or more runs."""
    seen: set[str] = set()
    for run in runs:
        for flag in run.answers.red_flags:
            if flag in seen:
                return True
            seen.add(flag)
    return False


def gates(verdict: Verdict | None, stage: ReconnectionStage, their: ReactanceStage | None, ready: Readiness,
          stale: bool = False) -> tuple[str, ...]:
    """What is missing before `stage`'s step, which involves them; empty when nothing is. `stale`:
    their stage was read before they reopened contact."""
    missing = [words.GATE_STALE] if stale else []
    if verdict is not Verdict.PROCEED_WITH_CARE:
        missing.append(words.GATE_VERDICT.format(verdict=verdict.label if verdict else "not taken"))
    if ready.no_contact_days < ready.minimum_days:
        missing.append(words.GATE_NO_CONTACT.format(days=ready.no_contact_days, minimum=ready.minimum_days,
                                                    since=f"{ready.no_contact_since:%d %b %Y}"))
    before = YOUR_STAGES[stage.number - 2]
    if before.key not in ready.ready_for:
        missing.append(words.GATE_READY.format(stage=before.name, ready_when=before.ready_when))
    if stage.number == FIRST_CONTACT_STAGE and not ready.they_healed:
        missing.append(words.GATE_THEY_HEALED)
    if their is not None and their.number == 1:
        missing.append(words.GATE_WALL)
    return tuple(missing)


def guide(
    *, safety_on: bool, diagnostic: DiagnosticRun | None, your_stage: ReconnectionStage | None,
    their: ReactanceStage | None, bound: Boundary, chose_moving_on: bool, ready: Readiness,
    flags_recur: bool = False, read_at: datetime | None = None,
) -> Guidance:
    """The path, and the next step with its caption, decided together."""
    stale = bool(read_at and bound.lifted_at and read_at < bound.lifted_at)
    return replace(_guide(safety_on, diagnostic, your_stage, their, bound, chose_moving_on, ready, flags_recur, stale),
                   ready=ready)


def _guide(safety_on, diagnostic, your_stage, their, bound, chose_moving_on, ready, flags_recur, stale) -> Guidance:
    their_no = said_no(diagnostic)
    offer = their_no or bound.on or flags_recur
    if safety_on:
        return Guidance(Path.SAFETY, Step(words.NEXT_STEP_SAFETY_PLAN, "safety"), bound)
    if diagnostic and diagnostic.assessment.verdict is Verdict.SAFETY_FIRST:  # safety mode lifted since, by choice:
        return Guidance(Path.SAFETY, Step(words.NEXT_STEP_AFTER_LIFT, "diagnostic"), bound)  # about you until retaken
    own = _own_step(ready)
    if chose_moving_on:
        return Guidance(Path.MOVING_ON, own, bound)
    if bound.on:
        step = Step(words.NEXT_STEP_BOUNDARY.format(day=f"{bound.since:%d %b %Y}"), "journey",
                    words.BOUNDARY_CAPTION)
        return Guidance(Path.BOUNDARY, step, bound, offer_moving_on=True)
    if their_no:
        return Guidance(Path.THEY_SAID_NO, Step(words.NEXT_STEP_THEY_SAID_NO, "journey"), bound, offer_moving_on=True)
    if diagnostic is None:
        return Guidance(Path.RECONNECTING, Step(words.NEXT_STEP_DIAGNOSTIC, "diagnostic"), bound)
    if diagnostic.assessment.verdict is Verdict.TAKE_A_LONG_PAUSE:
        return Guidance(Path.RECONNECTING, Step(words.NEXT_STEP_PAUSE, "journey"), bound, offer_moving_on=offer)
    if your_stage is None:
        return Guidance(Path.RECONNECTING, Step(words.NEXT_STEP_FIRST_CHECK_IN, "checkin"), bound, offer_moving_on=offer)
    if your_stage.number < FIRST_CONTACT_STAGE:
        return Guidance(Path.RECONNECTING, Step(your_stage.next_step, "journey"), bound, offer_moving_on=offer)
    missing = gates(diagnostic.assessment.verdict, your_stage, their, ready, stale)
    if missing:
        step = Step(words.NEXT_STEP_NOT_YET.format(stage=your_stage.name), "journey", words.GATE_INSTEAD)
        return Guidance(Path.RECONNECTING, step, bound, missing, offer_moving_on=offer)
    caption = words.WITH_THEM_AT.format(stage=their.name, focus=their.focus) if their else ""
    step = Step(your_stage.next_step, "contact_log", caption, contacts_them=True)
    return Guidance(Path.RECONNECTING, step, bound, offer_moving_on=offer)


def _own_step(ready: Readiness) -> Step:
    """Moving on: the seed's own first two stages are the guide, with no contact kept."""
    stage = YOUR_STAGES[0] if ready.no_contact_days < ready.minimum_days else YOUR_STAGES[1]
    return Step(stage.next_step, "checkin", words.MOVING_ON_CAPTION.format(stage=stage.name))

"""A plausible example journey, for trying Take Two and for measuring it.

    python -m reunion_core.demo PATH --years N [--seed S]

The person moves from Bubble space to The reboot date while their ex goes from the Wall of
Reactance to Crisis Point, with setbacks along the way: daily check-ins, weekly contacts once
no-contact ends, and a diagnostic every few months. The same seed gives the same journey.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

from .content import REACTANCE_STAGES, YOUR_STAGES
from .errors import ReunionError, ValidationError
from .records import CheckIn, Contact, DiagnosticAnswers, PathChoice, ToolEntry, local_now
from .stages import reactance_stage
from .store import Store
from .views import record_diagnostic

NOTES = (
    "Quiet day. Went for a long walk.",
    "Talked it through with a friend; felt lighter after.",
    "Missed them this evening.",
    "Made a new playlist.",
    "Felt steady. Work kept me busy.",
    "",
    "",
    "Cooked something new for myself.",
)
# Your stage over the journey: (fraction of the way through, stage number 1-7)
YOUR_PATH = ((0.0, 1), (0.15, 2), (0.40, 3), (0.52, 2), (0.58, 3), (0.80, 4))
RESPONSE_FOR_STAGE = {
    "wall": "none",
    "test_drive": "brief",
    "dragon": "mixed",
    "crisis": "discouraging",
    "new_beginnings": "warm",
}
CHANNELS = ("text", "text", "call", "in_person", "social")


def journey(
    years: float, seed: int, today: date, now: datetime | None = None
) -> tuple[list[CheckIn], list[Contact], list[tuple[datetime, DiagnosticAnswers]], list[PathChoice]]:
    """The example journey as records, ending today (and never later than now). Early on, the first
    message is answered with a request for no contact, kept for three weeks until they reopen it."""
    rng = random.Random(seed)
    now = (now or local_now()).astimezone()  # a time without a zone: this machine's

    def at(day: date, hour: int, minute: int = 0) -> datetime:
        return min(datetime.combine(day, clock(hour, minute)).astimezone(), now)

    days = max(1, round(years * 365))
    start = today - timedelta(days=days - 1)
    checkins, contacts, diagnostics = [], [], []
    choices = [PathChoice("no_contact_since", f"{start:%Y-%m-%d}", at(start, 20))]
    asked = reopened = None  # the day they asked for no contact, the day they reopened it
    passed = 1  # the highest stage of yours reached so far
    for i in range(days):
        f = i / max(days - 1, 1)
        day = start + timedelta(days=i)
        # Openness rises from ~5 to ~72 with slow waves and a setback around the middle.
        trend = 5 + 67 * f
        setback = -18 * math.exp(-((f - 0.55) ** 2) / 0.002)
        wave = 7 * math.sin(i / 40) + rng.gauss(0, 5)
        openness = int(max(0, min(100, round(trend + setback + wave))))
        mine = next(n for frac, n in reversed(YOUR_PATH) if f >= frac)
        their = reactance_stage(openness)
        signs = [rng.choice(their.signs).key]
        if rng.random() < 0.3:  # mixed evidence happens
            neighbour = REACTANCE_STAGES[max(0, min(4, their.number - 1 + rng.choice((-1, 1))))]
            signs.append(rng.choice(neighbour.signs).key)
        mood = max(1, min(5, round(2 + 2 * f + rng.gauss(0, 0.8))))
        if mine > passed:  # ready by the measure of the stage before, said on the day of the step
            choices += [PathChoice("ready", YOUR_STAGES[n - 1].key, at(day, 20, 30)) for n in range(passed, mine)]
            choices += [PathChoice("they_healed", "", at(day, 20, 31))] if mine >= 3 > passed else []
            passed = mine
        if mine >= 3 and asked is None:
            asked, reopened = day, day + timedelta(days=21)
            contacts.append(Contact(day, "me", "text", "asked_stop", 2, rng.choice(NOTES), created_at=at(day, 22)))
            signs.append("asked_no_contact")
        if reopened == day:
            choices.append(PathChoice("they_reopened", "", at(day, 19)))
            contacts.append(Contact(day, "them", "text", "brief", 3, rng.choice(NOTES), created_at=at(day, 19, 5)))
        checkins.append(
            CheckIn(
                openness, YOUR_STAGES[mine - 1].key, mood, tuple(signs), rng.choice(NOTES),
                at(day, 21, rng.randrange(0, 60)),
            )
        )
        if mine >= 3 and day.weekday() == 5 and not asked <= day <= reopened:
            contacts.append(
                Contact(
                    day,
                    "them" if rng.random() < f * 0.6 else "me",
                    rng.choice(CHANNELS),
                    RESPONSE_FOR_STAGE[their.key],
                    max(1, min(5, round(1 + 4 * openness / 100 + rng.gauss(0, 0.7)))),
                    rng.choice(NOTES),
                    created_at=at(day, 22),
                )
            )
        if i % 91 == 0:
            diagnostics.append((at(day, 20), _diagnostic(f)))
    return checkins, contacts, diagnostics, [c for c in choices if c.at <= now]


BOUNDARIES = ("We don't bring up old fights by text.", "Either of us can end a call early, no questions asked.")
DATES = ("Coffee near work", "A video call on Sunday morning", "A walk in the park", "Lunch")
EVIDENCE = ("We talked about money calmly, and both listened.", "They told me about a plan change two days early.",
            "I said what bothered me the same day, without a fight.", "We disagreed about the holidays and it stayed kind.")
DRAFTS = (("hurt", "plans change at the last minute", "to hear about changes early"),
          ("anxious", "a message goes unanswered for a day", "a short 'busy, later' when you can"),
          ("close to you", "we talk without phones", "more evenings like that"))


def tool_history(years: float, seed: int, today: date, now: datetime | None = None) -> list[ToolEntry]:
    """Toolkit entries along the same journey: urges paused early on (one sent: a restart point), then
    evidence of change, I-statements held a day, boundaries kept (and twice broken) and micro-dates
    with their debriefs, and one date planned a few days ahead."""
    rng = random.Random(seed + 1000)
    now = (now or local_now()).astimezone()
    days = max(1, round(years * 365))
    start = today - timedelta(days=days - 1)
    out: list[ToolEntry] = []

    def add(kind: str, fields: dict, day: date, ref: str = "", hour: int = 21) -> str:
        entry_id = f"demo-{seed}-{len(out):05d}"
        out.append(ToolEntry(kind, fields, day, ref, min(datetime.combine(min(day, today), clock(hour, 10)).astimezone(), now),
                             entry_id))
        return entry_id

    own_reason = boundaries = None
    for i in range(days):
        f = i / max(days - 1, 1)
        day = start + timedelta(days=i)
        mine = next(n for frac, n in reversed(YOUR_PATH) if f >= frac)
        if mine <= 2 and i % 9 == 4:  # the urge to reach out, paused
            urge = add("urge", {"why_now": "It was late and I saw our song in a playlist.", "want": "To hear them say "
                                "they miss me.", "ready": rng.choice(("no", "not_sure"))}, day, hour=23)
            chose = "sent" if rng.random() < 0.12 else rng.choice(("didnt_send", "wrote_instead", "waited"))
            add("urge_outcome", {"chose": chose, "note": ""}, day, urge, hour=23)
        if mine >= 2 and own_reason is None:
            own_reason = add("reason", {"text": "We stopped making time for each other"}, day)
        if mine >= 3 and i % 30 == 0:
            add("evidence", {"text": rng.choice(EVIDENCE)}, day, rng.choice(("communication", own_reason)))
        if mine >= 3 and i % 23 == 0:
            add("draft", dict(zip(("feel", "when", "need"), rng.choice(DRAFTS), strict=True)), day)
        if mine >= 4 and boundaries is None:
            boundaries = [add("boundary", {"wording": b}, day) for b in BOUNDARIES]
        if boundaries and i % 7 == 2:
            add("boundary_event", {"kept": rng.random() > 0.1, "note": ""}, day, rng.choice(boundaries))
        if mine >= 4 and i % 10 == 6:
            planned = add("date", {"what": rng.choice(DATES), "minutes": rng.choice((20, 30, 45, 60))}, day, hour=12)
            if day < today:
                add("debrief", {"safe": True, "myself": rng.random() > 0.15, "old_pattern": rng.random() < 0.15,
                                "past_came_up": rng.random() < 0.08, "connected": max(0, min(10, round(4 + 5 * f
                                + rng.gauss(0, 1.2)))), "note": ""}, day, planned, hour=22)
    if out and any(e.kind == "date" for e in out):
        add("date", {"what": rng.choice(DATES), "minutes": 20}, today + timedelta(days=3), hour=12)
    return [e for e in out if e.at <= now]


def _diagnostic(f: float) -> DiagnosticAnswers:
    """Answers that mature along the journey: pause, then not yet, then proceed with care."""
    answers = {
        "why_ended": "communication",
        "your_role": "half" if f > 0.3 else "not_sure",
        "pattern": "no" if f > 0.3 else "somewhat",
        "why_back": "both_changed" if f > 0.5 else ("routines" if f < 0.2 else "value_them"),
        "they_want": "yes" if f > 0.75 else ("maybe" if f > 0.6 else "unknown"),
        "what_different": "concrete" if f > 0.6 else ("some" if f > 0.3 else "nothing_yet"),
    }
    pause = ("miss_routines",) if f < 0.2 else ()
    return DiagnosticAnswers(answers=answers, pause_signs=pause)


def generate(path: Path, years: float, seed: int = 1, today: date | None = None) -> dict[str, int]:
    """Fill a new (or empty) data file with the example journey; refuse a file with entries."""
    if not 0 < years <= 50:
        raise ValidationError("--years must be more than 0 and at most 50.")
    store = Store.open(path)
    try:
        if any(store.counts().values()):
            raise ValidationError(f"{path} already has entries; give a new file for the demo.")
        _fill(store, years, seed, today or date.today())
        return store.counts()
    finally:
        store.close()


def ensure_example(store: Store, years: float = 2, seed: int = 1) -> None:
    """Fill an open, empty store with the example journey; leave one with entries as it is."""
    if not any(store.counts().values()):
        _fill(store, years, seed, date.today())


def _fill(store: Store, years: float, seed: int, today: date) -> None:
    checkins, contacts, diagnostics, choices = journey(years, seed, today)
    store.add_checkins(checkins)
    store.add_contacts(contacts)
    for choice in choices:
        store.add_choice(choice)
    for at, answers in diagnostics:
        record_diagnostic(store, answers, at=at)
    store.import_records((), (), (), tools=tool_history(years, seed, today))  # many at once, with their ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a new .duckdb file to fill")
    parser.add_argument("--years", type=float, default=1.0, help="years of daily check-ins")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same journey")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        counts = generate(args.path, args.years, args.seed)
    except ReunionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    took = time.perf_counter() - started
    print(
        f"Wrote {counts['checkin']} check-ins, {counts['contact']} contacts and "
        f"{counts['diagnostic']} diagnostic runs to {args.path} in {took:.1f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

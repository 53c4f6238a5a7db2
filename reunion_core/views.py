"""One view per screen: everything that screen shows, loaded from the store with the rules
applied, and the writes that need a rule first. Pages call these; nothing here draws."""

from __future__ import annotations

import functools
import time
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from . import chart_text, charts, transfer, vault
from . import report as clarity
from . import toolkit as tk
from .assessment import assess
from .content import (
    BOUNDARY_RESPONSE,
    BOUNDARY_SIGN,
    DEFAULT_REGION,
    ENTRY_KINDS,
    INITIATOR_BY_KEY,
    MOOD_BESIDE_THEM,
    MOODS,
    PROGRESS_SECTIONS,
    QUESTION_BY_KEY,
    QUICK_EXIT_DEFAULT,
    REACTANCE_STAGES,
    REGIONS,
    RESPONSE_BY_KEY,
    SAFETY_PLAN_FIELDS,
    SAFETY_PLAN_TITLE,
    TOOL_ENTRY_NAMES,
    URGE_CHOSE,
    WAIT_TO_TRY,
    WRONG_PASSPHRASE,
    YOUR_STAGE_BY_KEY,
    YOUR_STAGES,
    ReactanceStage,
    ReconnectionStage,
    Region,
    choice_label,
    weekly_word,
)
from .errors import ValidationError, WrongPassphrase
from .guidance import (
    NOTHING_PENDING,
    OPENING_CHOICES,
    Boundary,
    Guidance,
    Path,
    Pending,
    boundary,
    guide,
    held,
    moving_on,
    readiness,
    recurring_red_flags,
    said_no,
)
from .progress import (
    MAX_BARS,
    Week,
    calendar_months,
    choose_bucket,
    last_week,
    mood_around_contact,
    mood_by_their_stage,
    time_in_their_stages,
    time_in_your_stages,
    with_their_stage,
    with_their_stages,
)
from .records import (
    CheckIn,
    Contact,
    ContactCount,
    DiagnosticAnswers,
    DiagnosticRun,
    MoodDay,
    MoodPoint,
    OpennessPoint,
    PathChoice,
    SafetyEvent,
    SafetyPlan,
    StagePoint,
    ToolEntry,
    Verdict,
    VerdictPoint,
    local_now,
    noted_after,
    valid_answers,
    valid_exit_url,
    valid_moment,
)
from .safety import SafetyState, safety_state
from .stages import reactance_stage, stage_from_signs
from .store import Store

# --- Home ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Home:
    """Home at a glance: where am I, where are they, what next."""

    counts: dict[str, int]
    safety: SafetyState
    latest: CheckIn | None
    your_stage: ReconnectionStage | None
    their_gut: ReactanceStage | None
    their_evidence: ReactanceStage | None
    diagnostic: DiagnosticRun | None
    last_contact: date | None
    days_since_contact: int | None
    guidance: Guidance
    last_reached_out: date | None = None  # the last contact you started (moving on: the streak)
    open_reasons: int | None = None  # reasons it ended with no evidence of change yet (None: not on that path)
    week: Week | None = None  # the last seven days, for the weekly word

    @property
    def weekly_word(self) -> str:
        w = self.week
        return weekly_word(w.checkins, w.mood, w.before, w.days, w.contact_days) if w else ""

    @property
    def is_empty(self) -> bool:
        return not any(self.counts.values())

    @property
    def next_step(self) -> str:
        return self.guidance.step.text

    @property
    def next_page(self) -> str:
        return self.guidance.step.page


def home(store: Store, today: date, pending: Pending = NOTHING_PENDING) -> Home:
    """The home screen's answers, read with a handful of small queries; `pending`: what a form holds
    ticked and not yet saved that makes the path stricter (guidance.held)."""
    latest = _first(store.checkins(limit=1))
    staged = _latest_staged(store)
    diagnostic = _first(store.diagnostic_runs(limit=1))
    last_contact = store.last_contact_day()
    state = safety(store)
    your_stage = YOUR_STAGE_BY_KEY.get(staged.your_stage) if staged else None
    path = guidance(store, today, pending)
    seen = path.path is Path.RECONNECTING  # their stage is not estimated past a boundary, a no or moving on
    return Home(
        counts=store.counts(),
        safety=state,
        latest=latest,
        your_stage=your_stage,
        their_gut=reactance_stage(staged.openness) if staged and seen else None,
        their_evidence=stage_from_signs(staged.signs) if staged and seen else None,
        diagnostic=diagnostic,
        last_contact=last_contact,
        days_since_contact=max(0, (today - last_contact).days) if last_contact else None,
        guidance=path,
        last_reached_out=store.last_contact_day("me"),
        open_reasons=tk.open_reasons(_reasons(store, diagnostic)) if seen and diagnostic else None,
        week=_week(store, today),
    )


def _week(store: Store, today: date) -> Week:
    return last_week(store.mood_days(today - timedelta(days=13), today + timedelta(days=1)), today,
                     journal_days(store, today)[0])


def journal_days(store: Store, today: date) -> tuple[date, date]:
    """The first day with any entry and the last a range can reach: today, or a later entry's day (a
    zone or clock moved), so such entries still show. An empty journal: today, twice."""
    span = store.span()
    return (span[0], max(today, span[1])) if span else (today, today)


def guidance(store: Store, today: date, pending: Pending = NOTHING_PENDING) -> Guidance:
    """The path and next step from everything stored (Home, and every screen that must respect them),
    held to what a form shows ticked and not yet saved (`pending`: guidance.held)."""
    staged, diagnostic = _latest_staged(store), _first(store.diagnostic_runs(limit=1))
    choices = store.choices()
    span = store.span()
    first_day = span[0] if span else today
    ready = readiness(choices, first_day, None, today)
    ready = readiness(choices, first_day, store.first_contact("me", ready.no_contact_since), today)
    your_stage = YOUR_STAGE_BY_KEY.get(staged.your_stage) if staged else None
    return held(guide(
        safety_on=safety(store).on, diagnostic=diagnostic, your_stage=your_stage,
        their=reactance_stage(staged.openness) if staged else None,
        bound=_boundary(store),
        chose_moving_on=moving_on(choices), ready=ready,
        flags_recur=recurring_red_flags(store.diagnostic_runs(limit=20)), read_at=staged.at if staged else None,
    ), pending)


# --- Toolkit -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Toolkit:
    """The Toolkit screen: which tools this path allows, and each tool's entries."""

    guidance: Guidance
    tools: tuple[str, ...]
    reasons: list[tk.Reason]
    boundaries: list[tk.Boundary]
    drafts: list[tuple[ToolEntry, bool]]  # newest first, each with whether it is ready to reread
    dates: list[tk.MicroDate]
    urges: list[tk.Urge]
    flags: list[tk.DataFlag]

    @property
    def open_urge(self) -> tk.Urge | None:
        """The latest urge, if what came of it is not recorded yet."""
        return self.urges[0] if self.urges and self.urges[0].outcome is None else None


def toolkit(store: Store, today: date, now: datetime, pending: Pending = NOTHING_PENDING) -> Toolkit:
    path = guidance(store, today, pending)
    entries = store.tool_entries()
    drafts = sorted((e for e in entries if e.kind == "draft"), key=lambda e: e.at, reverse=True)
    return Toolkit(
        guidance=path,
        tools=tk.tools_for(path.path is not Path.RECONNECTING),
        reasons=_reasons(store, _first(store.diagnostic_runs(limit=1)), entries),
        boundaries=tk.boundaries(entries),
        drafts=[(d, tk.ready_to_reread(d, now)) for d in drafts],
        dates=tk.micro_dates(entries),
        urges=tk.urges(entries),
        flags=tk.red_flags_from_data(entries, today),
    )


def add_tool_entry(store: Store, entry: ToolEntry) -> ToolEntry:
    """Save a toolkit entry. A date after which you didn't feel safe turns Take Two to safety first:
    any sign of abuse does, until the person deliberately says otherwise."""
    saved = store.add_tool_entry(entry)
    if saved.kind == "debrief" and saved.fields["safe"] is False and not safety(store).on:
        choose_safety(store, "on")
    return saved


def _reasons(store: Store, run: DiagnosticRun | None, entries: list[ToolEntry] | None = None) -> list[tk.Reason]:
    entries = entries if entries is not None else store.tool_entries(("reason", "evidence"))
    latest = run.answers.answers.get("why_ended") if run else None
    answered = {c.key for c in QUESTION_BY_KEY["why_ended"].choices} - {"not_sure"}
    keys = [latest] if latest in answered else []
    keys += [e.ref for e in entries if e.kind == "evidence" and e.ref in answered]  # earlier answers with evidence
    return tk.reasons([(k, choice_label("why_ended", k)) for k in keys], entries)


# What the path and safety mode are decided from: a choice, a run or a request made now is written
# down after every one of these (records.noted_after), even when the clock was put back since.
DECIDED = ("choices", "safety_events", "diagnostics")
REQUESTS = ("checkins", "contacts")  # their request to stop is a check-in's mark or a contact's answer


def _noted(store: Store, after: tuple[str, ...]) -> datetime:
    return noted_after(local_now(), store.newest_noted(after))


def choose_path(store: Store, kind: str, detail: str = "") -> PathChoice:
    """Record one of the person's choices about their path (see records.PATH_CHOICES)."""
    at = _noted(store, DECIDED + REQUESTS)
    return store.add_choice(PathChoice(kind, detail, at, id=f"{time.time_ns():020d}-{uuid.uuid4().hex[:6]}"))


def save_checkin(store: Store, checkin: CheckIn) -> CheckIn:
    """Save a check-in; one that marks their request to stop is written down after every choice."""
    if BOUNDARY_SIGN.key in checkin.signs and checkin.at is None:
        checkin = replace(checkin, at=_noted(store, ("choices",)))
    return store.add_checkin(checkin)


def save_contact(store: Store, contact: Contact, was: Contact | None = None) -> Contact:
    """Log a contact, or save an edit of one (`was`). An answer that newly says they asked to stop is
    a request written down now, after every choice: an earlier "they reopened" does not undo it."""
    if contact.response == BOUNDARY_RESPONSE and (was is None or was.response != BOUNDARY_RESPONSE):
        contact = replace(contact, created_at=_noted(store, ("choices",)))
    return store.update_contact(contact, was) if was else store.add_contact(contact)


# --- Diagnostic ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DiagnosticScreen:
    runs: list[DiagnosticRun]  # newest first
    data_flags: list[tk.DataFlag]  # red flags seen in what was logged in the Toolkit, with their days
    reasons: list[tk.Reason]  # for "what is different this time?": how many have evidence of change

    @property
    def flag_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.data_flags)


def diagnostic_screen(store: Store, today: date) -> DiagnosticScreen:
    runs = store.diagnostic_runs()
    entries = store.tool_entries()
    return DiagnosticScreen(runs, tk.red_flags_from_data(entries, today), _reasons(store, _first(runs), entries))


def record_diagnostic(store: Store, answers: DiagnosticAnswers, at: datetime | None = None) -> DiagnosticRun:
    """Assess one run's answers and save the run with its verdict."""
    answers = valid_answers(answers)
    at = valid_moment(at, "The diagnostic time", local_now()) if at else _noted(store, DECIDED)
    run_id = f"{time.time_ns():020d}-{uuid.uuid4().hex[:6]}"  # two runs in one second: the later id is newer
    return store.add_diagnostic(DiagnosticRun(run_id, at, answers, assess(answers)))


# --- Stage check-in ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckInScreen:
    latest: CheckIn | None  # the form starts from the latest one that says where both of you are
    recent: list[CheckIn]  # newest first


def check_in(store: Store, shown: int = 5) -> CheckInScreen:
    return CheckInScreen(_latest_staged(store), store.checkins(limit=shown))


# --- Contact log ---------------------------------------------------------------------------------

CONTACTS_PER_PAGE = 10


@dataclass(frozen=True)
class ContactLog:
    last: date | None
    days_since: int | None
    total: int
    page: int  # 0 is the newest
    pages: int
    shown: list[Contact]  # this page, newest first


def contact_log(store: Store, page: int, today: date) -> ContactLog:
    last = store.last_contact_day()
    total = store.counts()["contact"]
    pages = max(1, -(-total // CONTACTS_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    shown = store.contacts(CONTACTS_PER_PAGE, page * CONTACTS_PER_PAGE) if total else []
    return ContactLog(last, (today - last).days if last else None, total, page, pages, shown)


# --- Progress ------------------------------------------------------------------------------------

RANGES = {"30 days": 30, "90 days": 90, "Year": 365, "All": None}  # short: they fit a phone's width
ALL = "All"
CUSTOM = "Custom"
CUSTOM_DAYS = 90  # a custom range starts as the last 90 days


@dataclass(frozen=True)
class Chart:
    figure: dict
    alt: str  # what a screen reader says
    section: str = "you"  # which part of Progress shows it (content.PROGRESS_SECTIONS)
    about_safety: bool = False  # it shows a verdict of safety first (a report leaves it out unless chosen)

    @property
    def is_empty(self) -> bool:
        return bool(self.figure["layout"].get("meta", {}).get("empty"))


def _chart(figure: dict, said: str, section: str) -> Chart:
    """A chart whose text alternative is its own title, then what its data says (chart_text)."""
    return Chart(figure, f"{figure['layout']['title']['text']}. {said}", section)


@dataclass(frozen=True)
class Progress:
    first: date  # the first day with any entry (today when there is none)
    last: date  # the last day the range can reach: today, or a later day an entry has (a clock moved)
    start: date
    end: date  # inclusive
    bucket: str  # the period of the line charts
    contact_bucket: str
    journey_bucket: str  # the journey map: one point per week at the finest
    openness: list[OpennessPoint]
    stages: list[StagePoint]
    journey: list[StagePoint]
    their_days: list[tuple[ReactanceStage, int]]
    your_days: list[tuple[ReconnectionStage, int]]
    contacts: list[ContactCount]
    verdicts: list[VerdictPoint]
    moods: list[MoodPoint]
    safety_on: bool = False  # about you only (safety, a boundary, a no, moving on): their side is not drawn
    tools: tuple[ToolEntry, ...] = ()  # the toolkit's entries: its charts show for the tools in use
    days: tuple[MoodDay, ...] = ()  # each day with a check-in or a contact: the year at a glance

    @property
    def is_empty(self) -> bool:
        return not (self.openness or self.contacts or self.verdicts or self.moods
                    or any(self.start <= e.day <= self.end for e in self.tools))

    @functools.cached_property  # built once per view: the page reads it, and `sections`, on every rerun
    def charts(self) -> tuple[Chart, ...]:
        """The charts, in the order the screen shows them, each with its alternative text; every time
        axis shows the same days, the range chosen."""
        def dated(fig: dict) -> dict:
            return charts.on_dates(fig, self.start, self.end)

        used = {e.kind for e in self.tools}
        between = (self.start, self.end)
        said = chart_text  # each chart's text alternative, from the same data it draws
        pauses = ()
        if "urge" in used:
            urges = tk.per_period(self.tools, "urge_outcome", "chose", URGE_CHOSE, self.contact_bucket, *between)
            pauses = (_chart(dated(charts.urges_per_period(urges, self.contact_bucket)),
                             said.tallies(urges, URGE_CHOSE, self.contact_bucket), "reaching"),)
        mine = (
            _chart(dated(charts.mood_timeline(self.moods, self.bucket)), said.mood(self.moods, self.bucket), "you"),
            replace(_chart(dated(charts.verdict_timeline(self.verdicts)), said.verdicts(self.verdicts), "you"),
                    about_safety=any(v.verdict is Verdict.SAFETY_FIRST for v in self.verdicts)),
            _chart(dated(charts.contacts_per_period(self.contacts, self.contact_bucket)),
                   said.contacts(self.contacts, self.contact_bucket), "reaching"),
            *pauses,
        )
        months = calendar_months(self.start, self.end)
        around = mood_around_contact(self.days)
        year = (
            _chart(charts.mood_calendar(list(self.days), months), said.calendar(self.days, months), "year"),
            _chart(charts.mood_groups(around, "Your mood around contact", "Which days", "No check-ins in this range yet."),
                   said.mood_groups(around, "around contact"), "year"),
        )
        if self.safety_on:  # how you are, and a dated record of contact: nothing about winning them back
            return mine + year
        beside = mood_by_their_stage(self.days)
        year += (_chart(charts.mood_groups(beside, MOOD_BESIDE_THEM,
                                           "Your sense of their stage", "No check-ins that rate them in this range yet."),
                        said.mood_groups(beside, "by your sense of their stage"), "year"),)
        together: tuple[Chart, ...] = ()
        if "boundary_event" in used:
            kept = tk.per_period(self.tools, "boundary_event", "kept", (True, False), self.contact_bucket, *between)
            together += (_chart(dated(charts.boundaries_per_period(kept, self.contact_bucket)),
                                said.tallies(kept, said.KEPT_OR_BROKEN, self.contact_bucket), "together"),)
        if "debrief" in used:
            dates = tk.debrief_points(self.tools, *between)
            together += (_chart(dated(charts.debriefs_timeline(dates)), said.debriefs(dates), "together"),)
        return (
            _chart(dated(charts.openness_timeline(self.openness, self.bucket)),
                   said.openness(self.openness, self.bucket), "both"),
            _chart(dated(charts.your_stage_timeline(self.stages, self.bucket)),
                   said.your_stage(self.stages, self.bucket), "both"),
            _chart(charts.journey_map(self.journey, self.journey_bucket),
                   said.journey(self.journey, self.journey_bucket), "together"),
            *together,
            _chart(charts.time_in_stages(self.their_days, "their"), said.days_in_stages(self.their_days), "stages"),
            _chart(charts.time_in_stages(self.your_days, "your"), said.days_in_stages(self.your_days), "stages"),
            *mine,
            *year,
        )

    @functools.cached_property
    def sections(self) -> dict[str, list[int]]:
        """Progress a part at a time (a person reads a few charts at once; the browser draws each one):
        each part's charts, as positions in `charts`, in the order the screen offers the parts."""
        parts: dict[str, list[int]] = {key: [] for key in PROGRESS_SECTIONS}
        for i, chart in enumerate(self.charts):
            parts[chart.section].append(i)
        return {key: found for key, found in parts.items() if found}


def sample_progress(today: date) -> Progress:
    """A Progress of a few made-up points, with every kind of chart, from memory (no file): for warming
    the chart machinery up before a person first opens Progress."""
    days = [today - timedelta(days=n) for n in (2, 1, 0)]
    now = local_now()
    tools = (ToolEntry("urge", {"why_now": "", "want": "", "ready": "no"}, today, "", now, "u"),
             ToolEntry("urge_outcome", {"chose": "didnt_send", "note": ""}, today, "u", now, "o"),
             ToolEntry("boundary_event", {"kept": True, "note": ""}, today, "b", now, "e"),
             ToolEntry("date", {"what": "", "minutes": 20}, today, "", now, "d"),
             ToolEntry("debrief", {"safe": True, "myself": True, "old_pattern": False, "past_came_up": False,
                                   "connected": 5, "note": ""}, today, "d", now, "q"))
    return Progress(
        first=days[0], last=today, start=days[0], end=today, bucket="day", contact_bucket="day",
        journey_bucket="week", openness=with_their_stage([OpennessPoint(d, 40.0, 1, 40.0) for d in days]),
        stages=with_their_stages([StagePoint(d, "dip_a_toe", 40.0) for d in days]),
        journey=with_their_stages([StagePoint(d, "dip_a_toe", 40.0) for d in days]),
        their_days=[(REACTANCE_STAGES[0], 3)], your_days=[(YOUR_STAGES[0], 3)],
        contacts=[ContactCount(today, "me", "warm", 1)], verdicts=[VerdictPoint(now, Verdict.NOT_YET)],
        moods=[MoodPoint(d, 3.0, 1) for d in days], tools=tools,
        # enough days in each group for the mood bars to be drawn, not said in a line (FEWEST_DAYS)
        days=tuple(MoodDay(today - timedelta(days=n), 3.0, 40.0, 1, int(n % 3 == 0)) for n in range(45)),
    )


def progress_range(first: date, choice: str, picked: tuple[date, ...] | None, today: date) -> tuple[date, date]:
    """The days a range choice covers, in order, never after today."""
    if choice == CUSTOM:
        start, end = (picked[0], picked[-1]) if picked else (max(first, today - timedelta(days=CUSTOM_DAYS - 1)), today)
    else:
        days = RANGES.get(choice)
        start, end = (first if days is None else today - timedelta(days=days - 1)), today
    return min(start, end), min(max(start, end), today)


def progress(store: Store, choice: str, picked: tuple[date, ...] | None, today: date,
             pending: Pending = NOTHING_PENDING) -> Progress:
    """Every series the progress charts need, for the range chosen."""
    first, today = journal_days(store, today)
    start, end = progress_range(first, choice, picked, today)
    about_you = guidance(store, today, pending).path is not Path.RECONNECTING  # safety, a boundary, a no, moving on
    return replace(progress_between(store, start, end, first, about_you), last=today)


def progress_between(store: Store, start: date, end: date, first: date | None = None,
                     safety_on: bool = False) -> Progress:
    """Every series the progress charts need for the days from `start` to `end`, inclusive."""
    start, end = min(start, end), max(start, end)
    stop = end + timedelta(days=1)
    bucket = choose_bucket(start, stop)
    contact_bucket = choose_bucket(start, stop, MAX_BARS)
    journey_bucket = "week" if bucket == "day" else bucket
    return Progress(
        first=first or start, last=end, start=start, end=end,
        bucket=bucket, contact_bucket=contact_bucket, journey_bucket=journey_bucket,
        openness=with_their_stage(store.openness_series(start, stop, bucket)),
        stages=with_their_stages(store.stage_series(start, stop, bucket)),
        journey=with_their_stages(store.stage_series(start, stop, journey_bucket)),
        their_days=time_in_their_stages(store.days_at("openness", start, stop)),
        your_days=time_in_your_stages(store.days_at("your_stage", start, stop)),
        contacts=store.contact_counts(start, stop, contact_bucket),
        verdicts=store.verdict_history(start, stop),
        moods=store.mood_series(start, stop, bucket),
        safety_on=safety_on,
        tools=tuple(store.tool_entries(("urge", "urge_outcome", "boundary_event", "date", "debrief"))),
        days=tuple(store.mood_days(start, stop)),
    )


# --- The clarity report (Your data) ---------------------------------------------------------------


def report(store: Store, choice: clarity.ReportChoice, today: date, discreet: bool = False,
           pending: Pending = NOTHING_PENDING, region: Region = REGIONS[DEFAULT_REGION]) -> clarity.Report:
    """What a clarity report holds for the chosen days, with only the parts the person chose: the path
    decides as it does on every screen (on a path about you, nothing about them)."""
    start, end = min(choice.start, choice.end), min(max(choice.start, choice.end), max(today, choice.start))
    choice = replace(choice, start=start, end=end)
    path = guidance(store, today, pending)
    about_you, state = path.path is not Path.RECONNECTING, safety(store)
    runs = [r for r in store.diagnostic_runs() if r.created_at.date() <= end]
    if state.on:  # safety mode: the verdict is the one that put safety first, never a later milder one
        runs = [r for r in runs if r.assessment.verdict is Verdict.SAFETY_FIRST]
    run = _first(runs)
    entries = [e for e in store.tool_entries(("reason", "evidence", "boundary", "boundary_event"))
               if e.kind != "boundary_event" or start <= e.day <= end]
    shown = progress_between(store, start, end, safety_on=about_you)
    return clarity.Report(
        choice=choice, made_on=today, discreet=discreet, about_you_only=about_you, run=run,
        safety_on=state.on,
        reasons=tuple(_reasons(store, run, entries)), boundaries=tuple(tk.boundaries(entries)),
        charts=tuple(clarity.ReportChart(c.figure["layout"]["title"]["text"], c.alt, None if c.is_empty else c.figure)
                     for c in shown.charts if choice.safety or not c.about_safety),
        safety_answers=tuple(state.given) if choice.safety else (),
        plan=store.safety_plan() if choice.safety else None, held=path.held, help_lines=region.lines,
    )


# --- Your journey --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Journey:
    here: ReconnectionStage | None  # your latest stage
    there: ReactanceStage | None  # your latest sense of theirs


def journey(store: Store) -> Journey:
    latest = _latest_staged(store)
    if latest is None:
        return Journey(None, None)
    return Journey(YOUR_STAGE_BY_KEY[latest.your_stage], reactance_stage(latest.openness))


# --- Your data -----------------------------------------------------------------------------------

DELETABLE = 50  # the newest entries of a kind offered for deletion


def deletable(store: Store, kind: str) -> dict[str, str]:
    """The newest entries of one kind, id -> how the person recognises it (numbered, so that two
    entries with the same details never share a label: a picker maps a label back to one entry)."""
    return {key: f"{n}. {label}" for n, (key, label) in enumerate(_deletable(store, kind).items(), start=1)}


def _deletable(store: Store, kind: str) -> dict[str, str]:
    if kind == "checkin":
        return {c.id: f"{c.at:%d %b %Y %H:%M} · " + (f"{YOUR_STAGE_BY_KEY[c.your_stage].name} · openness {c.openness}"
                if c.your_stage else f"mood: {MOODS[c.mood - 1].lower()}") for c in store.checkins(DELETABLE)}
    if kind == "diagnostic":
        return {r.id: f"{r.created_at:%d %b %Y %H:%M} · {r.assessment.verdict.label}"
                for r in store.diagnostic_runs(DELETABLE)}
    if kind == "toolkit":
        return {e.id: f"{e.day:%d %b %Y} · {TOOL_ENTRY_NAMES[e.kind]} · {tk.gist(e)}"
                for e in reversed(store.tool_entries()[-DELETABLE:])}
    if kind == "contact":
        return {c.id: f"{c.happened_on:%d %b %Y} · {INITIATOR_BY_KEY[c.initiator].label} · "
                f"{RESPONSE_BY_KEY[c.response].label}" for c in store.contacts(DELETABLE)}
    raise KeyError(f"unknown kind {kind!r}; one of {', '.join(ENTRY_KINDS)}")


# --- Every screen: safety mode and the person's settings ----------------------------------------


def safety(store: Store) -> SafetyState:
    """Safety mode, from every run and every choice about it (the frame reads it once)."""
    return safety_state(store.diagnostic_runs(), store.safety_events())


def choose_safety(store: Store, kind: str) -> SafetyEvent:
    """Record the person's own choice to turn safety mode off ("lifted") or on ("on")."""
    return store.add_safety_event(SafetyEvent(kind, _noted(store, DECIDED),
                                              f"{time.time_ns():020d}-{uuid.uuid4().hex[:6]}"))


@dataclass(frozen=True)
class Preferences:
    discreet: bool = False
    exit_url: str = QUICK_EXIT_DEFAULT
    lock_minutes: int = vault.IDLE_MINUTES  # with a passphrase: lock after this many idle minutes
    region: str = ""  # whose help lines come first (content.REGIONS); "": not chosen, guessed (safety.region_for)


def preferences(store: Store) -> Preferences:
    saved = store.settings()
    minutes = saved.get("lock_minutes", "")
    return Preferences(saved.get("discreet") == "on", saved.get("exit_url") or QUICK_EXIT_DEFAULT,
                       int(minutes) if minutes.isdigit() and vault.valid_idle(int(minutes)) else vault.IDLE_MINUTES,
                       saved.get("region", "") if saved.get("region", "") in REGIONS else "")


def save_region(store: Store, key: str) -> None:
    if key not in REGIONS:
        raise ValidationError("Choose one of the places listed.")
    store.save_setting("region", key)


def save_lock_minutes(store: Store, minutes: int) -> None:
    if not isinstance(minutes, int) or not vault.valid_idle(minutes):
        raise ValidationError(f"Choose between {vault.IDLE_RANGE[0]} and {vault.IDLE_RANGE[1]} minutes.")
    store.save_setting("lock_minutes", str(minutes))


# --- the passphrase lock: the rules are in vault.py, the sealing in the store ----------------------


def set_passphrase(store: Store, new: str, repeat: str, current: str = "") -> None:
    """Set (or change) the passphrase: everything is sealed anew under it, in one transaction."""
    vault.check_passphrase(new)
    if new != repeat:
        raise ValidationError("The two passphrases are not the same. Type it again in both boxes.")
    if store.has_passphrase and store.key_for(current) is None:
        raise WrongPassphrase("That is not the current passphrase. Nothing was changed.")
    recipe = vault.new_recipe()
    store.set_passphrase(recipe, vault.Cipher(vault.derive(new, recipe)))


def remove_passphrase(store: Store, current: str) -> None:
    """Open every sealed text back to plain, in one transaction: the journal no longer locks."""
    if store.key_for(current) is None:
        raise WrongPassphrase("That is not the current passphrase. Nothing was changed.")
    store.set_passphrase(None, None)


def unlock(store: Store, passphrase: str, now: float | None = None) -> int:
    """Open the journal with its passphrase. After three wrong tries in a row each next try waits
    longer (vault.wait_after); nothing of the journal is read before the passphrase is right.
    Returns how many wrong passphrases were typed since it was last opened (in this process)."""
    now = time.monotonic() if now is None else now
    if now < store.wait_until:
        raise WrongPassphrase(WAIT_TO_TRY.format(seconds=max(1, round(store.wait_until - now))))
    cipher = store.key_for(passphrase) if isinstance(passphrase, str) and passphrase else None
    if cipher is None:
        store.failures += 1
        store.wait_until = now + vault.wait_after(store.failures)
        wait = vault.wait_after(store.failures)
        raise WrongPassphrase(WRONG_PASSPHRASE + (" " + WAIT_TO_TRY.format(seconds=round(wait)) if wait else ""))
    tried, store.failures, store.wait_until = store.failures, 0, 0.0
    store.unlock(cipher)
    return tried


def save_preferences(store: Store, discreet: bool, exit_url: str) -> Preferences:
    url = valid_exit_url(exit_url)
    store.save_setting("discreet", "on" if discreet else "off")
    store.save_setting("exit_url", url)
    return Preferences(discreet, url)


@dataclass(frozen=True)
class SafetyScreen:
    state: SafetyState
    plan: SafetyPlan | None


def safety_screen(store: Store) -> SafetyScreen:
    return SafetyScreen(safety(store), store.safety_plan())


def save_safety_plan(store: Store, plan: SafetyPlan) -> SafetyPlan:
    return store.save_safety_plan(plan)


def safety_plan_text(plan: SafetyPlan, region: Region = REGIONS[DEFAULT_REGION]) -> str:
    """The plan as a plain page to print: our headings, the person's words as they wrote them, and
    the help lines where they are."""
    parts = [SAFETY_PLAN_TITLE, ""]
    for key, label, _ in SAFETY_PLAN_FIELDS:
        parts += [label, "-" * len(label), getattr(plan, key).strip() or "(empty)", ""]
    parts += [f"{r.name}: {r.phone}" + (f" ({r.text})" if r.text else "") for r in region.lines]
    return "\n".join(parts) + "\n"


# --- Deleting and importing: never a silent way out of safety mode --------------------------------


def delete_entry(store: Store, kind: str, entry_id: str) -> None:
    """Delete one entry. A run that holds safety answers leaves safety mode on: only a choice lifts it."""
    if kind == "diagnostic":
        run = next((r for r in store.diagnostic_runs() if r.id == entry_id), None)
        if run is not None and run.answers.safety and safety(store).on:
            choose_safety(store, "on")
    if kind == "toolkit":  # what belongs to it goes with it: a boundary's events, a date's debrief
        store.delete(kind, entry_id, also=tk.belonging_to(entry_id, store.tool_entries()))
        return
    store.delete(kind, entry_id)


@dataclass(frozen=True)
class Imported:
    added: dict[str, int]
    kept_safety_on: bool  # the file said safety mode was off; it stays on here
    kept_boundary: bool = False  # the file said they reopened contact; their request stands here
    held_back: int = 0  # new choices that open a way toward them, or runs after their no: left out


def import_export(store: Store, data: bytes, passphrase: str | None = None) -> Imported:
    """Merge an export in. Its runs are assessed again. It can't turn safety mode off or lift a
    boundary, and it brings no choice that opens a way toward them, nor a run later than their "no":
    only the person, here, records those. A date debriefed as unsafe in it turns safety first on, as
    one saved here does."""
    was_on, was_bound = safety(store).on, _boundary(store).on
    bundle, held_back = _screened(store, transfer.read_export(data, passphrase))
    known = {e.id for e in store.tool_entries(("debrief",))}
    unsafe = any(e.kind == "debrief" and e.fields.get("safe") is False and e.id not in known for e in bundle.tools)
    added = transfer.import_bundle(store, bundle)
    kept = was_on and not safety(store).on
    if kept or unsafe and not safety(store).on:
        choose_safety(store, "on")
    kept_boundary = was_bound and not _boundary(store).on
    if kept_boundary:
        choose_path(store, "boundary")
    return Imported(added, kept, kept_boundary, held_back)


def _screened(store: Store, bundle: transfer.Bundle) -> tuple[transfer.Bundle, int]:
    """The bundle without what only the person may record here; and how many new entries that left out."""
    known = {c.id for c in store.choices()} | {r.id for r in store.diagnostic_runs()}
    latest = _first(store.diagnostic_runs(limit=1))
    no_since = _moment(latest.created_at) if said_no(latest) else None
    held = [c for c in bundle.choices if c.kind in OPENING_CHOICES]
    held += [r for r in bundle.diagnostics if no_since and _moment(r.created_at) > no_since]
    out = {x.id for x in held}
    screened = replace(bundle, choices=[c for c in bundle.choices if c.id not in out],
                       diagnostics=[r for r in bundle.diagnostics if r.id not in out])
    return screened, len(out - known)


def _moment(at: datetime) -> datetime:
    return at if at.tzinfo else at.astimezone()  # exports before format 3: this machine's zone


def _boundary(store: Store) -> Boundary:
    return boundary(store.marked(BOUNDARY_SIGN.key, BOUNDARY_RESPONSE), store.choices())


def _latest_staged(store: Store) -> CheckIn | None:
    """The latest check-in that says where both of you are (not one about you only)."""
    return _first(store.checkins(limit=1, staged=True))


def _first(items: list):
    return items[0] if items else None

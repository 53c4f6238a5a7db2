"""Safety mode, decided once from everything stored: never from the latest run alone.

The safety questions are about now *or the past*, so a later run without ticks cannot undo an
earlier "yes". Safety mode ends only by the person's own, recorded choice, and a "yes" given
after that choice turns it on again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .content import DEFAULT_REGION, REGIONS, SAFETY_BY_KEY, Region
from .records import DiagnosticRun, SafetyEvent


@dataclass(frozen=True)
class SafetyState:
    on: bool
    since: datetime | None = None  # when it last turned on (a "yes", or the choice to turn it on)
    lifted_at: datetime | None = None  # when it is off by the person's choice: since when
    given: dict[str, datetime] = field(default_factory=dict)  # safety key -> first time it was given
    danger: bool = False  # a "yes" that can mean serious danger (choking, a weapon, threats to kill)


def safety_state(runs: list[DiagnosticRun], events: list[SafetyEvent]) -> SafetyState:
    """Safety mode from every run and every choice the person made about it."""
    given: dict[str, datetime] = {}
    for run in sorted(runs, key=lambda r: r.created_at):
        for key in run.answers.safety:
            given.setdefault(key, run.created_at)
    # One timeline of what turns it on (a "yes", a choice) and off (a choice). Choices in the same
    # second keep the order they were made in (their ids grow with time); a "yes" in the same
    # second as a choice counts as after it: safety wins the tie.
    timeline = sorted(
        [(r.created_at, "~", "on") for r in runs if r.answers.safety]
        + [(e.at, e.id or "", e.kind) for e in events]
    )
    danger = any(SAFETY_BY_KEY[key].danger for key in given if key in SAFETY_BY_KEY)
    if not timeline:
        return SafetyState(False, given=given, danger=danger)
    if timeline[-1][2] == "lifted":
        return SafetyState(False, lifted_at=timeline[-1][0], given=given, danger=danger)
    lifts = [i for i, item in enumerate(timeline) if item[2] == "lifted"]
    since = timeline[lifts[-1] + 1 if lifts else 0][0]
    return SafetyState(True, since, None, given, danger)



# --- where the person is: whose help lines come first ---------------------------------------------

_ZONES = {  # time zones of the places with their own lines (content.REGIONS); a prefix ends with "/"
    "uk": ("Europe/London", "Europe/Belfast", "Europe/Guernsey", "Europe/Jersey", "Europe/Isle_of_Man", "GB"),
    "ie": ("Europe/Dublin", "Eire"),
    "au": ("Australia/", "Antarctica/Macquarie"),
    "nz": ("Pacific/Auckland", "Pacific/Chatham", "NZ"),
    "ca": ("Canada/", "America/Toronto", "America/Montreal", "America/Vancouver", "America/Edmonton",
           "America/Winnipeg", "America/Halifax", "America/St_Johns", "America/Regina", "America/Moncton",
           "America/Whitehorse", "America/Yellowknife", "America/Iqaluit", "America/Glace_Bay",
           "America/Goose_Bay", "America/Swift_Current", "America/Dawson_Creek", "America/Inuvik",
           "America/Rankin_Inlet", "America/Cambridge_Bay", "America/Resolute", "America/Atikokan",
           "America/Creston", "America/Fort_Nelson", "America/Dawson", "America/Blanc-Sablon"),
    "us": ("US/", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
           "America/Phoenix", "America/Anchorage", "America/Detroit", "America/Boise", "America/Indiana/",
           "America/Kentucky/", "America/North_Dakota/", "America/Juneau", "America/Adak", "Pacific/Honolulu",
           "America/Puerto_Rico", "America/Indianapolis", "America/Louisville", "America/Fort_Wayne",  # old names
           "America/Knox_IN", "America/Sitka", "America/Nome", "America/Yakutat", "America/Metlakatla",
           "America/Menominee", "America/Shiprock", "Navajo", "Pacific/Guam", "Pacific/Saipan",
           "America/St_Thomas", "America/Virgin", "Pacific/Pago_Pago"),
}
_LOCALES = {"US": "us", "CA": "ca", "GB": "uk", "IE": "ie", "AU": "au", "NZ": "nz"}


def region_for(saved: str, timezone: str | None, locale: str | None) -> Region:
    """The person's own choice; else a guess from the browser's time zone, then its language's
    country ("en-GB"). A zone elsewhere ("Europe/Berlin") is elsewhere; with nothing to go on, the
    seeds' own (US) lines. Never sent anywhere: the browser tells this computer only."""
    if saved in REGIONS:
        return REGIONS[saved]
    zone = timezone or ""
    for key, zones in _ZONES.items():
        if any(zone == z or (z.endswith("/") and zone.startswith(z)) for z in zones):
            return REGIONS[key]
    if zone and zone not in ("UTC", "GMT", "Etc/UTC", "Etc/GMT", "Universal", "Zulu"):
        return REGIONS["elsewhere"]
    # "en-GB": English, as in Britain; "en-US-u-ca-gregory": the country is the two-letter part
    country = next((p.upper() for p in (locale or "").replace("_", "-").split("-")[1:] if len(p) == 2), "")
    return REGIONS[_LOCALES.get(country, "elsewhere" if country else DEFAULT_REGION)]

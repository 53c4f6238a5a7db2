"""Your data, yours to take: the export format (JSON, CSV), and importing it back.

The JSON export is versioned and documented in docs/EXPORT-FORMAT.md. It holds every record
and every field, in a fixed order, so exporting the same data twice gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from . import files, vault
from .assessment import assess
from .content import EXPORT_NEEDS_PASSPHRASE, EXPORT_WRONG_PASSPHRASE, SAFETY_PLAN_FIELDS
from .errors import ImportRefused, ReunionError, ValidationError, WrongPassphrase
from .records import (
    CheckIn,
    Contact,
    DiagnosticAnswers,
    DiagnosticRun,
    PathChoice,
    SafetyEvent,
    SafetyPlan,
    ToolEntry,
    checkin_json,
    choice_json,
    contact_json,
    event_json,
    plan_json,
    run_json,
    tool_json,
    valid_answers,
)
from .store import Store

FORMAT = "take-two-export"
VERSION = 4  # 2 added safety_events and safety_plan; 3 gave every time its UTC offset, and added choices;
# 4 added the toolkit
MAX_BYTES = 64 * 1024 * 1024  # ten years of daily 10,000-character notes fit in about 40 MB
# An export locked with the journal's passphrase: the export's JSON, sealed whole under the journal's
# own key (AES-GCM, "export" as associated data), beside the recipe that makes that key from the passphrase.
PROTECTED = "take-two-protected-export"
PROTECTED_VERSION = 1
_PROTECTED_START = b'{\n "format": "' + PROTECTED.encode() + b'"'  # how protect() begins (sorted keys)


@dataclass(frozen=True)
class Bundle:
    """The records of one export, checked and ready to import."""

    checkins: list[CheckIn]
    contacts: list[Contact]
    diagnostics: list[DiagnosticRun]
    safety_events: list[SafetyEvent]
    safety_plan: SafetyPlan | None
    choices: list[PathChoice]
    tools: list[ToolEntry] = field(default_factory=list)


# --- export ------------------------------------------------------------------------------------


# Each section of an export and how it is read; the same readers rescue a damaged file.
_SECTIONS = {
    "checkins": lambda store: [checkin_json(c) for c in sorted(store.checkins(), key=lambda c: (c.at, c.id))],
    "contacts": lambda store: [contact_json(c) for c in sorted(store.contacts(),
                                                               key=lambda c: (c.happened_on, c.created_at, c.id))],
    "diagnostics": lambda store: [run_json(r) for r in sorted(store.diagnostic_runs(),
                                                              key=lambda r: (r.created_at, r.id))],
    "safety_events": lambda store: [event_json(e) for e in store.safety_events()],
    "safety_plan": lambda store: plan_json(plan) if (plan := store.safety_plan()) else None,
    "choices": lambda store: [choice_json(c) for c in store.choices()],
    "toolkit": lambda store: [tool_json(e) for e in store.tool_entries()],
}


def export_dict(store: Store) -> dict:
    """Every record, every field, oldest first."""
    return {"format": FORMAT, "version": VERSION, **{key: read(store) for key, read in _SECTIONS.items()}}


def export_json(store: Store) -> bytes:
    return _dumps(export_dict(store))


def export_protected(store: Store) -> bytes:
    """The export, locked with the journal's passphrase (the journal must be open)."""
    if store.export_key() is None:
        raise ValidationError("Set a passphrase first: the file is locked with it.")
    return _locked(store, export_json(store))


def _locked(store: Store, plain: bytes) -> bytes:
    recipe, cipher = store.export_key()
    return _dumps({"format": PROTECTED, "version": PROTECTED_VERSION, "recipe": recipe.to_text(),
                   "sealed": cipher.seal(plain.decode("utf-8"), "export")})


def is_protected(data: bytes) -> bool:
    return data.lstrip()[:len(_PROTECTED_START)] == _PROTECTED_START


def unprotect(data: bytes, passphrase: str) -> bytes:
    """The export inside a locked file; WrongPassphrase if this passphrase doesn't open it."""
    if len(data) > MAX_BYTES:
        raise ImportRefused(f"That file is over {MAX_BYTES // 2**20} MB, too large to be a Take Two export.")
    try:
        doc = json.loads(data)
        recipe = vault.KeyRecipe.from_text(doc["recipe"])
        sealed = doc["sealed"]
        if doc["format"] != PROTECTED or not vault.is_sealed(sealed):
            raise ValueError("not a locked export")
    except (ValueError, KeyError, TypeError, RecursionError, ReunionError):
        raise ImportRefused("That locked file is damaged; nothing was imported.") from None
    if doc.get("version") != PROTECTED_VERSION:
        raise ImportRefused("That locked file was made by a newer version of Take Two; update Take Two to import it.")
    if not isinstance(passphrase, str) or not passphrase:
        raise WrongPassphrase(EXPORT_NEEDS_PASSPHRASE)
    try:
        return vault.Cipher(vault.derive(passphrase, recipe)).open(sealed, "export").encode("utf-8")
    except WrongPassphrase:
        raise WrongPassphrase(EXPORT_WRONG_PASSPHRASE) from None


def rescue_json(store: Store) -> tuple[bytes, list[str]]:
    """What can still be read from a damaged file, as an export to restore from (locked with the
    journal's passphrase, if it has one and is open); and what could not."""
    doc, lost = _rescued(store)
    key = store.export_key() if store.has_passphrase and not store.locked else None
    return (_locked(store, _dumps(doc)) if key else _dumps(doc)), lost


def rescue_unopenable(path: Path) -> tuple[bytes, list[str]] | None:
    """What can be read from a file too damaged to open: the best of its rescue copies (the most
    entries), as an export; None when no copy opens or holds an entry. The file itself is never changed."""
    best: tuple[int, dict, list[str]] | None = None
    folder = files.rescue_folder(path)
    try:
        for copy in files.rescue_copies(path, folder):
            try:
                store = Store.open(copy)
            except ReunionError:
                continue
            try:
                doc, lost = _rescued(store)
            finally:
                store.close()
            found = sum(len(doc[key]) for key in _SECTIONS if isinstance(doc[key], list))
            if found and (best is None or found > best[0]):
                best = (found, doc, lost)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return None if best is None else (_dumps(best[1]), best[2])


# --- restoring a copy of the data file ------------------------------------------------------------


@dataclass(frozen=True)
class Backup:
    """A data-file copy, checked and waiting beside the journal until the person chooses."""

    path: Path
    counts: dict[str, int]
    span: tuple[date, date] | None
    locked: bool  # it has a passphrase of its own (it opens with that one once restored)


def check_backup(data: bytes, journal: Path) -> Backup:
    """Take a copy of the data file (as "A copy of the data file" downloads it): written privately
    beside the journal, opened, and read whole. ImportRefused, and nothing kept, if it is not a Take Two
    file or any part of it can't be read."""
    try:
        copy = files.restore_copy(journal, data)
    except ReunionError as exc:
        raise ImportRefused(str(exc)) from None
    try:
        try:
            store = Store.open(copy)
        except ReunionError as exc:
            raise ImportRefused("That file is not a Take Two data file, or it is damaged: "
                                f"{str(exc).replace(str(copy), 'the copy')} Nothing was changed.") from None
        try:
            backup = Backup(copy, store.counts(), store.span(), store.has_passphrase)
            _, lost = _rescued(store) if not backup.locked else ((), store.unreadable_tables())
        finally:
            store.close()
        if lost:
            raise ImportRefused("Part of that copy can't be read (it is damaged), so it can't replace your "
                                "journal. Nothing was changed.")
    except BaseException:
        files.remove(copy)
        raise
    return backup


def restore_backup(backup: Backup, journal: Path) -> Path:
    """Put a checked copy in place of the (closed) journal; the old one is set aside. Its path."""
    if not backup.path.exists():
        raise ImportRefused("That copy is no longer here (Take Two was restarted): choose the file again.")
    return files.swap_in(backup.path, journal)


def forget_backup(backup: Backup) -> None:
    files.remove(backup.path)


def _rescued(store: Store) -> tuple[dict, list[str]]:
    doc, lost = {"format": FORMAT, "version": VERSION}, []
    for key, read in _SECTIONS.items():
        try:
            doc[key] = read(store)
        except ReunionError:
            doc[key] = None if key == "safety_plan" else []
            lost.append(key)
    return doc, lost


def _dumps(doc: dict) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def export_csv_zip(store: Store) -> bytes:
    """One CSV per kind of entry, for spreadsheets; lists and answers as JSON in their cell."""
    data = export_dict(store)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        data["safety_plan"] = [data["safety_plan"]] if data["safety_plan"] else []
        for kind in _COLUMNS:
            rows = data[kind]
            text = io.StringIO()
            columns = _COLUMNS[kind]
            # Every cell quoted, so a line break of any kind stays inside its cell.
            writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _cell(json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v)
                                 for k, v in row.items()})
            archive.writestr(f"{kind}.csv", text.getvalue())
    return buffer.getvalue()


def _cell(value):
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


_COLUMNS = {
    "checkins": ["id", "at", "openness", "signs", "your_stage", "mood", "note"],
    "contacts": ["id", "happened_on", "initiator", "channel", "response", "feeling", "note", "created_at"],
    "diagnostics": ["id", "created_at", "answers", "reflections", "pause_signs", "red_flags", "safety",
                    "verdict", "reasons"],
    "safety_events": ["id", "at", "kind"],
    "choices": ["id", "at", "kind", "detail"],
    "toolkit": ["id", "at", "kind", "day", "ref", "fields"],
    "safety_plan": [key for key, _, _ in SAFETY_PLAN_FIELDS] + ["updated_at"],
}


# --- import ------------------------------------------------------------------------------------


def read_export(data: bytes | str, passphrase: str | None = None) -> Bundle:
    """Parse and check an export (a locked one opened with `passphrase`); ImportRefused says plainly
    what is wrong with the file, WrongPassphrase that the passphrase is missing or wrong."""
    if isinstance(data, bytes) and is_protected(data):
        data = unprotect(data, passphrase or "")
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise ImportRefused(f"That file is over {MAX_BYTES // 2**20} MB, too large to be a Take Two export.")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ImportRefused("That file is not a Take Two export (it is not text).") from None
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):  # JSONDecodeError, and numbers too long to be ours
        raise ImportRefused("That file is not a Take Two export (it is not JSON), or it is damaged.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportRefused("That file is not a Take Two export.")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportRefused("That export is damaged: its version is missing.")
    if version > VERSION:
        raise ImportRefused(
            f"That export was made by a newer version of Take Two (format {version}); "
            "update Take Two to import it."
        )
    try:
        return Bundle(
            checkins=[_checkin(x) for x in _list(doc, "checkins")],
            contacts=[_contact(x) for x in _list(doc, "contacts")],
            diagnostics=[_run(x) for x in _list(doc, "diagnostics")],
            safety_events=[_event(x) for x in (_list(doc, "safety_events") if version >= 2 else [])],
            safety_plan=_plan(doc["safety_plan"]) if version >= 2 and doc["safety_plan"] is not None else None,
            choices=[_choice(x) for x in (_list(doc, "choices") if version >= 3 else [])],
            tools=[_tool(x) for x in (_list(doc, "toolkit") if version >= 4 else [])],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ImportRefused(f"That export is damaged ({_describe(exc)}); nothing was imported.") from None
    except ReunionError as exc:
        raise ImportRefused(f"That export has an entry Take Two can't accept: {exc} Nothing was imported.") from None


def import_bundle(store: Store, bundle: Bundle) -> dict[str, int]:
    """Merge an export into the store, skipping entries it already has; all or nothing."""
    try:
        return store.import_records(bundle.checkins, bundle.contacts, bundle.diagnostics,
                                    bundle.safety_events, bundle.safety_plan, bundle.choices, bundle.tools)
    except ImportRefused:
        raise
    except ReunionError as exc:
        raise ImportRefused(f"That export has an entry Take Two can't accept: {exc} Nothing was imported.") from None


def _list(doc: dict, key: str) -> list:
    value = doc[key]
    if not isinstance(value, list):
        raise TypeError(f"{key} is not a list")
    return value


def _text(x: dict, key: str) -> str:
    value = x[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} is not text")
    return value


def _int(x: dict, key: str) -> int:
    value = x[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{key} is not a whole number")
    return value


def _strings(x: dict, key: str) -> tuple[str, ...]:
    value = x[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{key} is not a list of text")
    return tuple(value)


def _mapping(x: dict, key: str) -> dict[str, str]:
    value = x[key]
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise TypeError(f"{key} is not a set of answers")
    return dict(value)


def _checkin(x: dict) -> CheckIn:
    about_you_only = x["openness"] is None and x["your_stage"] is None
    return CheckIn(
        openness=None if about_you_only else _int(x, "openness"),
        your_stage=None if about_you_only else _text(x, "your_stage"), mood=_int(x, "mood"),
        signs=_strings(x, "signs"), note=_text(x, "note"), at=datetime.fromisoformat(_text(x, "at")),
        id=_text(x, "id"),
    )


def _contact(x: dict) -> Contact:
    return Contact(
        happened_on=date.fromisoformat(_text(x, "happened_on")), initiator=_text(x, "initiator"),
        channel=_text(x, "channel"), response=_text(x, "response"), feeling=_int(x, "feeling"),
        note=_text(x, "note"), id=_text(x, "id"), created_at=datetime.fromisoformat(_text(x, "created_at")),
    )


def _run(x: dict) -> DiagnosticRun:
    """A run from its answers, assessed again: a verdict or reasons stored in a file are never trusted."""
    answers = valid_answers(DiagnosticAnswers(
        answers=_mapping(x, "answers"), reflections=_mapping(x, "reflections"),
        pause_signs=_strings(x, "pause_signs"), red_flags=_strings(x, "red_flags"), safety=_strings(x, "safety"),
    ))
    return DiagnosticRun(_text(x, "id"), datetime.fromisoformat(_text(x, "created_at")), answers, assess(answers))


def _event(x: dict) -> SafetyEvent:
    return SafetyEvent(_text(x, "kind"), datetime.fromisoformat(_text(x, "at")), _text(x, "id"))


def _choice(x: dict) -> PathChoice:
    return PathChoice(_text(x, "kind"), _text(x, "detail"), datetime.fromisoformat(_text(x, "at")), _text(x, "id"))


def _tool(x: dict) -> ToolEntry:
    fields = x["fields"]
    if not isinstance(fields, dict):
        raise TypeError("a toolkit entry's fields are not a set of answers")
    return ToolEntry(_text(x, "kind"), fields, date.fromisoformat(_text(x, "day")), _text(x, "ref"),
                     datetime.fromisoformat(_text(x, "at")), _text(x, "id"))


def _plan(x: dict) -> SafetyPlan:
    if not isinstance(x, dict):
        raise TypeError("safety_plan is not a plan")
    fields = {key: _text(x, key) for key, _, _ in SAFETY_PLAN_FIELDS}
    return SafetyPlan(**fields, updated_at=datetime.fromisoformat(_text(x, "updated_at")))


def _describe(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"a field is missing: {exc.args[0]}"
    return str(exc)[:200]

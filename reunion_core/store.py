"""The only module with SQL: the DuckDB file, its migrations, and typed records in and out."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from . import files, vault
from . import records as rec
from .content import TAMPERED
from .errors import (
    ChangedElsewhere,
    JournalLocked,
    NotFound,
    ReunionError,
    Tampered,
    ValidationError,
    WrongPassphrase,
)

MIGRATIONS_TABLE = "take_two_migrations"
BUCKETS = ("day", "week", "month")

# The tables whose rows carry a time, and that time's column (choices, from m004, are born zoned).
_ZONED = {"checkins": "checked_in_at", "contacts": "created_at", "diagnostics": "created_at",
          "safety_events": "chosen_at", "safety_plan": "updated_at"}
_INSTANT = {t: f"({c} - to_minutes(utc_offset))" for t, c in {**_ZONED, "choices": "chosen_at",
                                                                "toolkit": "written_at"}.items()}


def _fill_offsets(cur: duckdb.DuckDBPyConnection) -> None:
    """Rows saved before m003 were this machine's wall-clock time: give each its offset then."""
    for table, column in _ZONED.items():  # names of ours, never a value from outside
        walls = [w for (w,) in cur.execute("SELECT DISTINCT " + column + " FROM " + table).fetchall()]
        cur.execute("UPDATE " + table + " SET utc_offset = o.m FROM (SELECT unnest(?::TIMESTAMP[]) AS w, unnest("
                    "?::INTEGER[]) AS m) o WHERE " + column + " = o.w", [walls, [rec.utc_offset(w.astimezone()) for w in walls]])


# Named, ordered migrations (SQL, or a function given the cursor). Each runs in one transaction and is recorded in MIGRATIONS_TABLE.
MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("m001_initial", (
        "CREATE TABLE take_two_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)",
        "CREATE TABLE checkins (id VARCHAR PRIMARY KEY, checked_in_at TIMESTAMP NOT NULL,"
        " openness INTEGER NOT NULL CHECK (openness BETWEEN 0 AND 100), signs VARCHAR[] NOT NULL,"
        " your_stage VARCHAR NOT NULL, mood INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5), note VARCHAR NOT NULL)",
        "CREATE TABLE contacts (id VARCHAR PRIMARY KEY, happened_on DATE NOT NULL, initiator VARCHAR NOT NULL,"
        " channel VARCHAR NOT NULL, response VARCHAR NOT NULL,"
        " feeling INTEGER NOT NULL CHECK (feeling BETWEEN 1 AND 5), note VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)",
        "CREATE TABLE diagnostics (id VARCHAR PRIMARY KEY, created_at TIMESTAMP NOT NULL, answers VARCHAR NOT NULL,"
        " verdict VARCHAR NOT NULL, reasons VARCHAR NOT NULL)",
    )),
    ("m002_safety", (
        # A check-in about you only (safety mode) leaves their openness and your stage empty.
        "ALTER TABLE checkins ALTER COLUMN openness DROP NOT NULL",
        "ALTER TABLE checkins ALTER COLUMN your_stage DROP NOT NULL",
        "CREATE TABLE safety_events (id VARCHAR PRIMARY KEY, chosen_at TIMESTAMP NOT NULL, kind VARCHAR NOT NULL)",
        "CREATE TABLE safety_plan (id VARCHAR PRIMARY KEY, people VARCHAR NOT NULL, code_word VARCHAR NOT NULL,"
        " safe_places VARCHAR NOT NULL, to_take VARCHAR NOT NULL, numbers VARCHAR NOT NULL, updated_at TIMESTAMP NOT NULL)",
        "CREATE TABLE settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    )),
    # Each time gets its offset from UTC (minutes east): the wall-clock time plus where it was.
    ("m003_zones", (*(f"ALTER TABLE {t} ADD COLUMN utc_offset INTEGER" for t in _ZONED), _fill_offsets)),
    # The person's choices about their path: a boundary lifted by them, moving on, readiness.
    ("m004_choices", ("CREATE TABLE choices (id VARCHAR PRIMARY KEY, chosen_at TIMESTAMP NOT NULL, kind VARCHAR"
                      " NOT NULL, detail VARCHAR NOT NULL, utc_offset INTEGER NOT NULL)",)),
    # The reconnection toolkit's entries (toolkit.KINDS): the day each is about, its link, its fields as JSON.
    ("m005_toolkit", ("CREATE TABLE toolkit (id VARCHAR PRIMARY KEY, written_at TIMESTAMP NOT NULL, kind VARCHAR"
                      " NOT NULL, day DATE NOT NULL, ref VARCHAR NOT NULL, fields VARCHAR NOT NULL, utc_offset"
                      " INTEGER NOT NULL)",)),
    # The passphrase lock (vault.py): the key's recipe and a sealed check value, kept in clear.
    ("m006_vault", ("CREATE TABLE vault (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",)),
)

# Every table's columns in order, and those sealed once a passphrase is set (docs/PRIVACY.md): every
# free text, safety answer and choice. What stays clear is what the charts and rules query: ids,
# times, numbers, stage keys, sign and response keys, the kind and day of a toolkit entry.
_NAMES = {
    "checkins": ("id", "checked_in_at", "openness", "signs", "your_stage", "mood", "note", "utc_offset"),
    "contacts": ("id", "happened_on", "initiator", "channel", "response", "feeling", "note", "created_at",
                 "utc_offset"),
    "diagnostics": ("id", "created_at", "answers", "verdict", "reasons", "utc_offset"),
    "safety_events": ("id", "chosen_at", "kind", "utc_offset"),
    "safety_plan": ("id", "people", "code_word", "safe_places", "to_take", "numbers", "updated_at", "utc_offset"),
    "choices": ("id", "chosen_at", "kind", "detail", "utc_offset"),
    "toolkit": ("id", "written_at", "kind", "day", "ref", "fields", "utc_offset"),
    "settings": ("key", "value"),
}
SEALED = {
    "checkins": ("note",), "contacts": ("note",), "diagnostics": ("answers", "verdict", "reasons"),
    "safety_events": ("kind",), "safety_plan": ("people", "code_word", "safe_places", "to_take", "numbers"),
    "choices": ("kind", "detail"), "toolkit": ("ref", "fields"), "settings": ("value",),
}
_SEALED_AT = {t: tuple(_NAMES[t].index(c) for c in cols) for t, cols in SEALED.items()}
_COMPACT_PENDING = "compact_pending"  # set in a re-key's transaction: the old texts are still in the file's bytes

_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


class Store:
    """One open Take Two data file. Thread-safe: every call takes its own cursor."""

    def __init__(self, path: Path, conn: duckdb.DuckDBPyConnection) -> None:
        self.path = path
        self._conn = conn
        self._lock = threading.RLock()
        self._token = uuid.uuid4().hex[:8]
        self._writes = 0
        self._cipher: vault.Cipher | None = None  # the key, in memory only while unlocked
        self._recipe: vault.KeyRecipe | None = None
        self._check: str | None = None
        self.lock_epoch = 0  # grows on every lock: a session unlocked at an older epoch is locked
        self.failures = 0  # wrong passphrases in a row, in this process
        self.wait_until = 0.0  # time.monotonic() before which no passphrase is tried

    @property
    def revision(self) -> str:
        """Changes with every write, and between two opens of one file. Only this Store can write the
        file (DuckDB's lock keeps other processes out): a reader may reuse what it read at a revision."""
        return f"{self._token}:{self._writes}"

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating if needed) and migrate the file; refuse anything that is not ours."""
        path = Path(path)
        is_new = files.prepare(path)
        try:
            conn = duckdb.connect(str(path), config=_CONFIG)
        except duckdb.Error as exc:
            raise files.open_problem(str(exc), path) from None
        store = cls(path, conn)
        try:
            store._migrate()
            store._read_vault()
            if "m006_vault" in store.applied_migrations() and store._vault_value(_COMPACT_PENDING):  # a re-key committed, then a crash before the rewrite
                store.compact()
                with store._write() as cur:
                    cur.execute("DELETE FROM vault WHERE name = ?", [_COMPACT_PENDING])
        except BaseException:
            conn.close()
            raise
        if is_new:
            files.tighten(path)
        return store

    def close(self) -> None:
        self._conn.close()

    def _migrate(self) -> None:
        """Apply the migrations this file lacks, each in one transaction; refuse a foreign file."""
        tables = {n for (n,) in self._rows(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")}
        applied = self.applied_migrations() if MIGRATIONS_TABLE in tables else []
        if tables and MIGRATIONS_TABLE not in tables:
            raise files.foreign(self.path)
        unknown = [name for name in applied if name not in dict(MIGRATIONS)]
        if unknown:
            raise files.too_new(self.path, unknown[-1])
        for name, statements in [(n, st) for n, st in MIGRATIONS if n not in applied]:
            with self._write() as cur:
                for statement in statements:
                    statement(cur) if callable(statement) else cur.execute(statement)
                cur.execute("INSERT INTO take_two_migrations VALUES (?, ?)", [name, rec.wall(rec.local_now())])

    def applied_migrations(self) -> list[str]:
        return [n for (n,) in self._rows("SELECT name FROM take_two_migrations ORDER BY name")]

    # --- the passphrase lock ------------------------------------------------------------------------

    def _read_vault(self) -> None:
        if "m006_vault" not in self.applied_migrations():  # a test's older file
            return
        rows = dict(self._rows("SELECT name, value FROM vault"))
        self._recipe = vault.KeyRecipe.from_text(rows["recipe"]) if "recipe" in rows else None
        self._check = rows.get("check")

    def _vault_value(self, name: str) -> str | None:
        rows = self._rows("SELECT value FROM vault WHERE name = ?", [name])
        return rows[0][0] if rows else None

    @property
    def has_passphrase(self) -> bool:
        return self._recipe is not None

    @property
    def locked(self) -> bool:
        """A passphrase is set and has not been given in this process since the last lock."""
        return self._recipe is not None and self._cipher is None

    def key_for(self, passphrase: str) -> vault.Cipher | None:
        """The cipher this passphrase makes for this file, or None if it is not the file's passphrase."""
        if self._recipe is None or self._check is None:
            return None
        cipher = vault.Cipher(vault.derive(passphrase, self._recipe))
        return cipher if cipher.opens(self._check) else None

    def export_key(self) -> tuple[vault.KeyRecipe, vault.Cipher] | None:
        """This journal's recipe and key, to protect an export with; None without a passphrase."""
        if self._recipe is None:
            return None
        if self._cipher is None:
            raise JournalLocked("The journal is locked: open it with its passphrase first.")
        return self._recipe, self._cipher

    def unlock(self, cipher: vault.Cipher) -> None:
        """Open the journal in this process with a cipher `key_for` made."""
        with self._lock:
            self._cipher = cipher
            self._writes += 1

    def lock(self) -> None:
        """Forget the key: nothing sealed can be read until the passphrase is given again."""
        with self._lock:
            self._cipher = None
            self.lock_epoch += 1
            self._writes += 1

    def set_passphrase(self, recipe: vault.KeyRecipe, cipher: vault.Cipher | None) -> None:
        """Seal everything under `cipher` (None: open it all, removing the passphrase) in one transaction,
        then rewrite the file so the old texts leave its bytes. Needs the journal unlocked. A crash before
        the commit leaves the old passphrase working; one after it finishes the rewrite at the next open."""
        with self._lock:
            if self.locked:
                raise JournalLocked("Open the journal with its passphrase first.")
            old = self._cipher
            with self._write() as cur:
                for table in SEALED:
                    self._reseal(cur, table, old, cipher)
                cur.execute("DELETE FROM vault")
                rows = [("recipe", recipe.to_text()), ("check", cipher.check_value())] if cipher else []
                for name, value in [*rows, (_COMPACT_PENDING, "1")]:
                    cur.execute("INSERT INTO vault VALUES (?, ?)", [name, value])
            self._cipher = cipher
            self._read_vault()
            self.compact()
            with self._write() as cur:
                cur.execute("DELETE FROM vault WHERE name = ?", [_COMPACT_PENDING])

    def _reseal(self, cur: duckdb.DuckDBPyConnection, table: str, old: vault.Cipher | None,
                new: vault.Cipher | None) -> None:
        key, cols = _NAMES[table][0], SEALED[table]
        rows = cur.execute("SELECT " + ", ".join((key, *cols)) + " FROM " + table).fetchall()  # names of ours
        if not rows:
            return
        opened = [[row[0], *(_open_with(old, table, c, row[0], v, self.path) for c, v in zip(cols, row[1:], strict=True))]
                  for row in rows]
        resealed = [[row[0], *(_seal_with(new, table, c, row[0], v) for c, v in zip(cols, row[1:], strict=True))]
                    for row in opened]
        columns = list(zip(*resealed, strict=True))
        cur.execute("UPDATE " + table + " SET " + ", ".join(f"{c} = o.{c}" for c in cols) + " FROM (SELECT "
                    + ", ".join(f"unnest(?::VARCHAR[]) AS {c}" for c in (key, *cols)) + ") o WHERE "
                    + table + "." + key + " = o." + key, [list(c) for c in columns])

    def _sealed_row(self, table: str, row: list) -> list:
        if self._recipe is None:
            return row
        if self._cipher is None:
            raise JournalLocked("The journal is locked: open it with its passphrase to save.")
        row = list(row)
        for i in _SEALED_AT[table]:
            row[i] = self._cipher.seal(row[i], f"{table}.{_NAMES[table][i]}:{row[0]}")
        return row

    def _open(self, table: str, column: str, id_: str, value: str) -> str:
        """A stored value as it was typed; JournalLocked while the key is not here; Tampered if it was
        changed outside Take Two (a plain value where a sealed one belongs, or one that doesn't open)."""
        if self._recipe is not None and self._cipher is None:
            raise JournalLocked("The journal is locked: open it with its passphrase.")
        return _open_with(self._cipher, table, column, id_, value, self.path)
    # --- plumbing -------------------------------------------------------------------------------

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        # One operation at a time: compacting and erasing swap the connection underneath.
        with self._lock:
            cur = self._conn.cursor()
            try:
                yield cur
            finally:
                cur.close()

    def _rows(self, sql: str, params: Sequence = ()) -> list[tuple]:
        """One read, fetched whole (DuckDB 2.0 streams results); a damaged block is said in words."""
        with self._cursor() as cur:
            try:
                return cur.execute(sql, params).fetchall()
            except duckdb.Error as exc:
                raise files.open_problem(str(exc), self.path) from None

    @contextmanager
    def _write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: all of it is saved, or none of it."""
        with self._cursor() as cur:
            cur.begin()
            try:
                yield cur
                cur.commit()
            except BaseException as exc:
                with suppress(duckdb.Error):  # a failed commit may have ended the transaction already
                    cur.rollback()
                if isinstance(exc, duckdb.Error):  # a full disk, a damaged file: in words, not DuckDB's
                    raise files.write_problem(str(exc), self.path) from None
                raise
            finally:
                self._writes += 1  # under the lock; after a failed write too: cheap to recompute
        files.tighten(self.path)

    # --- check-ins ------------------------------------------------------------------------------

    def add_checkin(self, checkin: rec.CheckIn) -> rec.CheckIn:
        """Validate and save one check-in; returns it with its id and time."""
        return self.add_checkins([checkin])[0]

    def add_checkins(self, checkins: Iterable[rec.CheckIn]) -> list[rec.CheckIn]:
        """Validate and save many check-ins in one transaction: all of them, or none."""
        now = rec.local_now()
        return self._add("checkins", [_with_id(rec.valid_checkin(c, now)) for c in checkins])

    def checkins(self, limit: int | None = None, staged: bool = False) -> list[rec.CheckIn]:
        """Check-ins, newest first (a limit of None: all); `staged`: only those with both stages."""
        rows = self._rows(
            "SELECT id, checked_in_at, openness, signs, your_stage, mood, note, utc_offset FROM checkins WHERE"
            " openness IS NOT NULL OR NOT ? ORDER BY " + _INSTANT["checkins"] + " DESC, id LIMIT ?", [staged, limit]
        )
        return [rec.CheckIn(openness, stage, mood, tuple(signs), self._open("checkins", "note", id_, note),
                            rec.zoned(at, off), id_)
                for id_, at, openness, signs, stage, mood, note, off in rows]

    # --- contacts -------------------------------------------------------------------------------

    def add_contact(self, contact: rec.Contact) -> rec.Contact:
        """Validate and save one contact; returns it with its id."""
        return self.add_contacts([contact])[0]

    def add_contacts(self, contacts: Iterable[rec.Contact]) -> list[rec.Contact]:
        """Validate and save many contacts in one transaction: all of them, or none."""
        now = rec.local_now()
        return self._add("contacts", [_with_id(rec.valid_contact(c, now)) for c in contacts])

    def _add(self, table: str, records: list) -> list:
        rows = [self._sealed_row(table, _ROW[table](r)) for r in records]
        with self._write() as cur:
            _insert(cur, table, rows)
        return records

    def update_contact(self, contact: rec.Contact, was: rec.Contact) -> rec.Contact:
        """Replace a saved contact's fields if they are still `was`: never over a change made elsewhere."""
        if not contact.id or contact.id != was.id:
            raise ValidationError("Only a saved contact can be edited.")
        contact = rec.valid_contact(contact, rec.local_now(), entered=contact.happened_on != was.happened_on)
        row = self._sealed_row("contacts", _ROW["contacts"](contact))
        with self._write() as cur:
            now = cur.execute("SELECT happened_on, initiator, channel, response, feeling, note FROM contacts WHERE id = ?",
                              [contact.id]).fetchall()
            if not now:
                raise NotFound("This contact was deleted in another window. What you typed is still here.")
            if [*now[0][:5], self._open("contacts", "note", contact.id, now[0][5])] != _ROW["contacts"](was)[1:7]:
                raise ChangedElsewhere("This contact was changed in another window after you started editing "
                                       "it. What you typed is still here: copy what you need, then reopen it.")
            cur.execute("UPDATE contacts SET happened_on = ?, initiator = ?, channel = ?, response = ?, feeling = ?,"
                        " note = ?, created_at = ?, utc_offset = ? WHERE id = ?", [*row[1:9], contact.id])
        return contact

    def contacts(self, limit: int | None = None, offset: int = 0) -> list[rec.Contact]:
        """Contacts, newest first; `limit` and `offset` read one page of them."""
        rows = self._rows(
            "SELECT id, happened_on, initiator, channel, response, feeling, note, created_at, utc_offset FROM contacts"
            " ORDER BY happened_on DESC, " + _INSTANT["contacts"] + " DESC, id LIMIT ? OFFSET ?", [limit, max(offset, 0)]
        )
        return [rec.Contact(*row[1:6], self._open("contacts", "note", row[0], row[6]), row[0], rec.zoned(row[7], row[8]))
                for row in rows]

    def last_contact_day(self, initiator: str | None = None) -> date | None:
        """The last day with a contact (that `initiator` started, if given)."""
        return self._rows("SELECT max(happened_on) FROM contacts WHERE initiator = ? OR ? IS NULL",
                          [initiator, initiator])[0][0]

    # --- diagnostics ----------------------------------------------------------------------------

    def add_diagnostic(self, run: rec.DiagnosticRun) -> rec.DiagnosticRun:
        """Save one diagnostic run the rules have already assessed."""
        return self._add("diagnostics", [rec.valid_run(run, rec.local_now())])[0]

    def diagnostic_runs(self, limit: int | None = None) -> list[rec.DiagnosticRun]:
        """Diagnostic runs, newest first."""
        rows = self._rows(
            "SELECT id, created_at, answers, verdict, reasons, utc_offset FROM diagnostics ORDER BY "
            + _INSTANT["diagnostics"] + " DESC, id DESC LIMIT ?", [limit])
        return [rec.run_from_columns(id_, rec.zoned(at, off), *(self._open("diagnostics", c, id_, v) for c, v in zip(
            ("answers", "verdict", "reasons"), rest, strict=True))) for id_, at, *rest, off in rows]

    # --- safety: the person's choices, their plan, their settings ---------------------------------

    def add_safety_event(self, event: rec.SafetyEvent) -> rec.SafetyEvent:
        """Record a deliberate choice to turn safety mode off or on."""
        return self._add("safety_events", [_with_id(rec.valid_event(event, rec.local_now()))])[0]

    def safety_events(self) -> list[rec.SafetyEvent]:
        """Every choice about safety mode, oldest first."""
        return [rec.SafetyEvent(self._open("safety_events", "kind", id_, kind), rec.zoned(at, off), id_)
                for id_, at, kind, off in self._rows(
            "SELECT id, chosen_at, kind, utc_offset FROM safety_events ORDER BY " + _INSTANT["safety_events"] + ", id")]

    def add_choice(self, choice: rec.PathChoice) -> rec.PathChoice:
        """Record a choice about the path (moving on, a boundary they lifted, readiness)."""
        return self._add("choices", [_with_id(rec.valid_choice(choice, rec.local_now()))])[0]

    def choices(self) -> list[rec.PathChoice]:
        """Every choice about the path, oldest first."""
        return [rec.PathChoice(self._open("choices", "kind", id_, kind), self._open("choices", "detail", id_, detail),
                               rec.zoned(at, off), id_) for id_, at, kind, detail, off in self._rows(
            "SELECT id, chosen_at, kind, detail, utc_offset FROM choices ORDER BY " + _INSTANT["choices"] + ", id")]

    def add_tool_entry(self, entry: rec.ToolEntry) -> rec.ToolEntry:
        """Validate and save one toolkit entry (a reason, a boundary, a draft, a date, an urge ...)."""
        return self._add("toolkit", [_with_id(rec.valid_tool_entry(entry, rec.local_now()))])[0]

    def tool_entries(self, kinds: Iterable[str] | None = None) -> list[rec.ToolEntry]:
        """Toolkit entries of these kinds (None: all), oldest first."""
        where, args = ("", []) if kinds is None else (" WHERE list_contains(?, kind)", [list(kinds)])
        return [rec.ToolEntry(kind, json.loads(self._open("toolkit", "fields", id_, fields)), day,
                              self._open("toolkit", "ref", id_, ref), rec.zoned(at, off), id_)
                for id_, at, kind, day, ref, fields, off in self._rows(
                    "SELECT id, written_at, kind, day, ref, fields, utc_offset FROM toolkit" + where + " ORDER BY "
                    + _INSTANT["toolkit"] + ", id", args)]

    def newest_noted(self, tables: Iterable[str]) -> datetime | None:
        """The latest moment written down in these tables (as UTC), or None when they are all empty."""
        parts = " UNION ALL ".join("SELECT max(" + _INSTANT[t] + ") AS m FROM " + t for t in tables)  # ours
        (newest,) = self._rows("SELECT max(m) FROM (" + parts + ")")[0]
        return newest.replace(tzinfo=UTC) if newest else None

    def marked(self, sign: str, response: str) -> list[tuple[date, datetime]]:
        """Check-ins with `sign` ticked and contacts answered with `response`: each one's day, and
        when it was written down."""
        rows = self._rows("SELECT checked_in_at::DATE, checked_in_at, utc_offset FROM checkins WHERE list_contains("
                          "signs, ?) UNION ALL SELECT happened_on, created_at, utc_offset FROM contacts WHERE response = ?",
                          [sign, response])
        return [(day, rec.zoned(at, off)) for day, at, off in rows]

    def first_contact(self, initiator: str, since: date) -> date | None:
        """The first day on or after `since` with a contact `initiator` started."""
        return self._rows("SELECT min(happened_on) FROM contacts WHERE initiator = ? AND happened_on >= ?",
                          [initiator, since])[0][0]

    def safety_plan(self) -> rec.SafetyPlan | None:
        rows = self._rows("SELECT id, people, code_word, safe_places, to_take, numbers, updated_at, utc_offset FROM safety_plan")
        if not rows:
            return None
        texts = [self._open("safety_plan", c, rows[0][0], v) for c, v in zip(SEALED["safety_plan"], rows[0][1:6], strict=True)]
        return rec.SafetyPlan(*texts, rec.zoned(*rows[0][6:]))

    def save_safety_plan(self, plan: rec.SafetyPlan) -> rec.SafetyPlan:
        plan = rec.valid_plan(plan, rec.local_now())
        with self._write() as cur:
            cur.execute("DELETE FROM safety_plan")
            _insert(cur, "safety_plan", [self._sealed_row("safety_plan", _ROW["safety_plan"](plan))])
        return plan

    def settings(self) -> dict[str, str]:
        return {k: self._open("settings", "value", k, v) for k, v in self._rows("SELECT key, value FROM settings")}

    def save_setting(self, key: str, value: str) -> None:
        row = self._sealed_row("settings", [key, value])
        with self._write() as cur:
            cur.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", row)

    # --- the whole file: delete, merge, copy, compact, erase ---------------------------------------

    def delete(self, kind: str, entry_id: str, also: Sequence[str] = ()) -> None:
        """Delete one check-in, contact, diagnostic run or toolkit entry by id (and the entries of that
        kind in `also`, in the same transaction), and compact the file: DuckDB's DELETE leaves the
        text in the file's bytes, so the file is rewritten with only the live rows."""
        statement = _DELETE.get(kind)
        if statement is None:
            raise ValidationError(f"Unknown kind of entry: {kind!r}.")
        with self._write() as cur:
            if not cur.execute(statement, [entry_id]).fetchall():
                raise NotFound("That entry no longer exists; it may have been deleted already.")
            for other in also:
                cur.execute(statement, [other])
        self.compact()

    def import_records(
        self, checkins: Sequence[rec.CheckIn], contacts: Sequence[rec.Contact], runs: Sequence[rec.DiagnosticRun],
        events: Sequence[rec.SafetyEvent] = (), plan: rec.SafetyPlan | None = None,
        choices: Sequence[rec.PathChoice] = (), tools: Sequence[rec.ToolEntry] = (),
    ) -> dict[str, int]:
        """Add records that carry their own ids, skipping ids already here; all or nothing. An imported
        safety plan is kept only where there is none yet: it never overwrites one."""
        now = rec.local_now()
        plain = {
            "checkins": [_ROW["checkins"](rec.valid_checkin(c, now)) for c in checkins],
            "contacts": [_ROW["contacts"](rec.valid_contact(c, now, entered=False)) for c in contacts],
            "diagnostics": [_ROW["diagnostics"](rec.valid_run(r, now)) for r in runs],
            "safety_events": [_ROW["safety_events"](rec.valid_event(e, now)) for e in events],
            "safety_plan": [_ROW["safety_plan"](rec.valid_plan(plan, now))] if plan and not plan.is_empty else [],
            "choices": [_ROW["choices"](rec.valid_choice(c, now)) for c in choices],
            "toolkit": [_ROW["toolkit"](rec.valid_tool_entry(e, now, imported=True)) for e in tools],
        }
        if any(not row[0] for table in plain.values() for row in table):
            raise ValidationError("Every imported entry needs its id.")
        rows = {table: [self._sealed_row(table, row) for row in table_rows] for table, table_rows in plain.items()}
        before = self.counts()
        with self._write() as cur:
            for table, table_rows in rows.items():
                _insert(cur, table, table_rows, skip_known=True)
        after = self.counts()
        return {kind: after[kind] - before[kind] for kind in after}

    def unreadable_tables(self) -> list[str]:
        """Tables any row of which can't be read from the file as stored (sealed values left sealed)."""
        lost = []
        for table in _NAMES:
            try:
                self._rows("SELECT * FROM " + table)  # our own table names
            except ReunionError:
                lost.append(table)
        return lost

    def backup_to(self, target: Path) -> None:
        """A consistent copy of everything, taken while the app runs, written to a new file."""
        target = Path(target)
        if target.exists():
            raise ValidationError(f"{target} already exists; a backup never overwrites a file.")
        with self._cursor() as cur:
            cur.execute("CHECKPOINT")
            cur.execute("ATTACH ? AS take_two_copy", [str(target)])
            try:
                name = cur.execute("SELECT current_database()").fetchone()[0]
                # an identifier DuckDB itself named (the file's stem), quoted; no value in it
                cur.execute('COPY FROM DATABASE "' + name.replace('"', '""') + '" TO take_two_copy')
            finally:
                cur.execute("DETACH take_two_copy")
        files.tighten(target)

    def compact(self) -> None:
        """Rewrite the file with only the live rows, so deleted text leaves its bytes."""
        fresh = self.path.with_name(self.path.name + ".compacting")
        with self._lock:
            files.remove(fresh)  # a leftover from a crash mid-compaction
            self.backup_to(fresh)
            self._conn.close()
            try:
                files.replace_with(fresh, self.path)
            finally:
                self._reconnect()

    def erase(self) -> None:
        """Delete the data file, its log and every copy Take Two made of it; go on with a fresh file."""
        with self._lock:
            self._conn.close()
            try:
                files.remove(self.path, leftovers=True)
            finally:
                self._reconnect()
                self._migrate()
                files.tighten(self.path)

    def _reconnect(self) -> None:
        try:
            self._conn = duckdb.connect(str(self.path), config=_CONFIG)
        except duckdb.Error as exc:
            raise files.open_problem(str(exc), self.path) from None
        self._token = uuid.uuid4().hex[:8]
        self._writes += 1

    # --- aggregates for the charts --------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many entries of each kind are saved."""
        row = self._rows("SELECT (SELECT count(*) FROM checkins), (SELECT count(*) FROM contacts),"
                         " (SELECT count(*) FROM diagnostics)")[0]
        return dict(zip(rec.KINDS, row, strict=True))

    def span(self) -> tuple[date, date] | None:
        """The first and last day with any entry, or None for an empty file."""
        row = self._rows("SELECT min(d), max(d) FROM (SELECT checked_in_at::DATE AS d FROM checkins UNION ALL"
                         " SELECT happened_on FROM contacts UNION ALL SELECT created_at::DATE FROM diagnostics"
                         " UNION ALL SELECT day FROM toolkit WHERE kind <> 'date')")[0]
        return None if row[0] is None else (row[0], row[1])

    def openness_series(self, start: date, end: date, bucket: str) -> list[rec.OpennessPoint]:
        """Mean openness per period in [start, end), with a rolling mean over recent periods."""
        rows = self._rows(_OPENNESS, [_bucket(bucket), start, end])
        return [rec.OpennessPoint(p, float(m), int(n), float(r)) for p, m, n, r in rows]

    def stage_series(self, start: date, end: date, bucket: str) -> list[rec.StagePoint]:
        """Per period: your last stage and their mean openness."""
        rows = self._rows(
            "SELECT date_trunc(?, checked_in_at)::DATE AS period, arg_max(your_stage, " + _INSTANT["checkins"] + "), avg(openness) FROM"
            " checkins WHERE openness IS NOT NULL AND checked_in_at >= ? AND checked_in_at < ? GROUP BY ALL ORDER BY period",
            [_bucket(bucket), start, end])
        return [rec.StagePoint(p, s, float(o)) for p, s, o in rows]

    def mood_series(self, start: date, end: date, bucket: str) -> list[rec.MoodPoint]:
        """Mean mood (1-5) per period in [start, end), from every check-in."""
        rows = self._rows("SELECT date_trunc(?, checked_in_at)::DATE AS period, avg(mood), count(*) FROM checkins"
                          " WHERE checked_in_at >= ? AND checked_in_at < ? GROUP BY ALL ORDER BY period",
                          [_bucket(bucket), start, end])
        return [rec.MoodPoint(p, float(m), int(n)) for p, m, n in rows]

    def days_at(self, column: str, start: date, end: date) -> list[rec.DaysAt]:
        """Days at each openness score or each of your stages in [start, end): a day's last check-in
        holds until the next day with one (or until `end`)."""
        statement = _DAYS_AT.get(column)
        if statement is None:
            raise ValidationError(f"Unknown column {column!r}.")
        rows = self._rows(statement, [start, end, end])
        return [rec.DaysAt(v, int(n)) for v, n in rows]

    def contact_counts(self, start: date, end: date, bucket: str) -> list[rec.ContactCount]:
        """Contacts per period, by who reached out and how they responded."""
        rows = self._rows("SELECT date_trunc(?, happened_on)::DATE AS period, initiator, response, count(*) FROM contacts"
                          " WHERE happened_on >= ? AND happened_on < ? GROUP BY ALL ORDER BY period, initiator, response",
                          [_bucket(bucket), start, end])
        return [rec.ContactCount(p, i, r, int(n)) for p, i, r, n in rows]

    def mood_days(self, start: date, end: date) -> list[rec.MoodDay]:
        """Each day in [start, end) with a check-in or a contact: its mean mood and openness, and counts."""
        rows = self._rows(_MOOD_DAYS, [start, end, start, end])
        return [rec.MoodDay(d, None if m is None else float(m), None if o is None else float(o), int(n), int(c))
                for d, m, o, n, c in rows]

    def verdict_history(self, start: date, end: date) -> list[rec.VerdictPoint]:
        rows = self._rows("SELECT id, created_at, verdict FROM diagnostics WHERE created_at >= ? AND created_at < ?"
                          " ORDER BY " + _INSTANT["diagnostics"] + ", id", [start, end])
        return [rec.VerdictPoint(a, rec.Verdict(self._open("diagnostics", "verdict", i, v))) for i, a, v in rows]


_MOOD_DAYS = (
    "WITH m AS (SELECT checked_in_at::DATE AS day, avg(mood) AS mood, avg(openness) AS openness, count(*) AS n"
    " FROM checkins WHERE checked_in_at >= ? AND checked_in_at < ? GROUP BY ALL),"
    " c AS (SELECT happened_on AS day, count(*) AS n FROM contacts WHERE happened_on >= ? AND happened_on < ? GROUP BY ALL)"
    " SELECT coalesce(m.day, c.day) AS day, m.mood, m.openness, coalesce(m.n, 0), coalesce(c.n, 0)"
    " FROM m FULL OUTER JOIN c ON m.day = c.day ORDER BY day"
)

_OPENNESS = (  # the rolling mean's window is a constant of ours, not a value from outside
    "WITH b AS (SELECT date_trunc(?, checked_in_at)::DATE AS period, avg(openness) AS mean, count(*) AS n"
    " FROM checkins WHERE openness IS NOT NULL AND checked_in_at >= ? AND checked_in_at < ? GROUP BY ALL)"
    " SELECT period, mean, n, avg(mean) OVER (ORDER BY period ROWS BETWEEN "
    + str(rec.ROLLING_PERIODS - 1) + " PRECEDING AND CURRENT ROW) FROM b ORDER BY period"
)
_TABLES = {**dict(zip(rec.KINDS, ("checkins", "contacts", "diagnostics"), strict=True)), "toolkit": "toolkit"}
_DELETE = {kind: "DELETE FROM " + table + " WHERE id = ? RETURNING id" for kind, table in _TABLES.items()}
# Each table's column types, in column order: one bulk insert serves every table.
_COLUMNS = {
    "checkins": ("VARCHAR", "TIMESTAMP", "INTEGER", "VARCHAR[]", "VARCHAR", "INTEGER", "VARCHAR", "INTEGER"),
    "contacts": ("VARCHAR", "DATE", "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "VARCHAR", "TIMESTAMP", "INTEGER"),
    "diagnostics": ("VARCHAR", "TIMESTAMP", "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER"),
    "safety_events": ("VARCHAR", "TIMESTAMP", "VARCHAR", "INTEGER"),
    "safety_plan": ("VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "TIMESTAMP", "INTEGER"),
    "choices": ("VARCHAR", "TIMESTAMP", "VARCHAR", "VARCHAR", "INTEGER"),
    "toolkit": ("VARCHAR", "TIMESTAMP", "VARCHAR", "DATE", "VARCHAR", "VARCHAR", "INTEGER"),
}
_INSERT = {
    (table, skip): ("INSERT OR IGNORE INTO " if skip else "INSERT INTO ") + table + " SELECT "
    + ", ".join(f"unnest(?::{kind}[])" for kind in types)
    for table, types in _COLUMNS.items()
    for skip in (False, True)
}


_BATCH = 500  # rows per statement: an import of 60 MB peaks at about 290 MB over the app, not 530


def _insert(cur: duckdb.DuckDBPyConnection, table: str, rows: list[list], skip_known: bool = False) -> None:
    """Insert many rows in one statement: each list parameter unnests into one column."""
    for start in range(0, len(rows), _BATCH):
        _insert_batch(cur, _INSERT[table, skip_known], rows[start:start + _BATCH])


def _insert_batch(cur: duckdb.DuckDBPyConnection, sql: str, rows: list[list]) -> None:
    cur.execute(sql, [list(column) for column in zip(*rows, strict=True)])


_DAYS_AT = {  # the column is one of ours, never a value from outside
    column: "WITH d AS (SELECT checked_in_at::DATE AS day, arg_max(" + column + ", " + _INSTANT["checkins"] + ") AS v FROM checkins"
    " WHERE openness IS NOT NULL AND checked_in_at >= ? AND checked_in_at < ? GROUP BY ALL), s AS (SELECT v,"
    " coalesce(lead(day) OVER (ORDER BY day), ?::DATE) - day AS days FROM d) SELECT v, sum(days)::BIGINT FROM s"
    " GROUP BY v ORDER BY v" for column in ("openness", "your_stage")
}


def _open_with(cipher: vault.Cipher | None, table: str, column: str, id_: str, value: str, path: Path) -> str:
    """`value` as typed. With a key, only a value it sealed in this very place opens; without one, only
    plain text is read: anything else was put there outside Take Two."""
    if cipher is None and not vault.is_sealed(value):
        return value
    try:
        if cipher is None or not vault.is_sealed(value):
            raise WrongPassphrase("not sealed as it should be")
        return cipher.open(value, f"{table}.{column}:{id_}")
    except WrongPassphrase:
        raise Tampered(TAMPERED.format(path=path), str(path)) from None


def _seal_with(cipher: vault.Cipher | None, table: str, column: str, id_: str, value: str) -> str:
    return value if cipher is None else cipher.seal(value, f"{table}.{column}:{id_}")


def _bucket(bucket: str) -> str:
    if bucket not in BUCKETS:
        raise ValidationError(f"Unknown period {bucket!r}; use one of {', '.join(BUCKETS)}.")
    return bucket


def _with_id(record):
    return replace(record, id=record.id or uuid.uuid4().hex)


# Records to rows, in each table's column order; the same order as _COLUMNS.
_ROW: dict[str, Callable[..., list]] = {
    "checkins": lambda c: [c.id, rec.wall(c.at), c.openness, list(c.signs), c.your_stage, c.mood, c.note, rec.utc_offset(c.at)],
    "contacts": lambda c: [c.id, c.happened_on, c.initiator, c.channel, c.response, c.feeling, c.note,
                           rec.wall(c.created_at), rec.utc_offset(c.created_at)],
    "diagnostics": lambda r: [r.id, rec.wall(r.created_at), *rec.run_columns(r), rec.utc_offset(r.created_at)],
    "safety_events": lambda e: [e.id, rec.wall(e.at), e.kind, rec.utc_offset(e.at)],
    "choices": lambda c: [c.id, rec.wall(c.at), c.kind, c.detail, rec.utc_offset(c.at)],
    "toolkit": lambda e: [e.id, rec.wall(e.at), e.kind, e.day, e.ref, json.dumps(dict(e.fields), sort_keys=True),
                          rec.utc_offset(e.at)],
    "safety_plan": lambda p: ["plan", p.people, p.code_word, p.safe_places, p.to_take, p.numbers, rec.wall(p.updated_at),
                              rec.utc_offset(p.updated_at)],
}

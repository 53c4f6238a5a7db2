"""The only module with SQL: the DuckDB file, its migrations, and typed records in and out."""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import duckdb

from .assessment import Assessment, DiagnosticRun, Reason, Verdict, assess
from .errors import NotFound, StoreLocked, StoreTooNew, StoreUnreadable, ValidationError
from .paths import DEFAULT_DB
from .records import (
    CheckIn,
    Contact,
    ContactCount,
    DaysAt,
    DiagnosticAnswers,
    OpennessPoint,
    StagePoint,
    VerdictPoint,
    valid_answers,
    valid_checkin,
    valid_contact,
    valid_moment,
)

MIGRATIONS_TABLE = "take_two_migrations"
ROLLING_PERIODS = 7
BUCKETS = ("day", "week", "month")

# Named, ordered migrations. Each runs in one transaction and is recorded in MIGRATIONS_TABLE.
MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "m001_initial",
        (
            "CREATE TABLE take_two_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)",
            """CREATE TABLE checkins (
                id VARCHAR PRIMARY KEY,
                checked_in_at TIMESTAMP NOT NULL,
                openness INTEGER NOT NULL CHECK (openness BETWEEN 0 AND 100),
                signs VARCHAR[] NOT NULL,
                your_stage VARCHAR NOT NULL,
                mood INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
                note VARCHAR NOT NULL
            )""",
            """CREATE TABLE contacts (
                id VARCHAR PRIMARY KEY,
                happened_on DATE NOT NULL,
                initiator VARCHAR NOT NULL,
                channel VARCHAR NOT NULL,
                response VARCHAR NOT NULL,
                feeling INTEGER NOT NULL CHECK (feeling BETWEEN 1 AND 5),
                note VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL
            )""",
            """CREATE TABLE diagnostics (
                id VARCHAR PRIMARY KEY,
                created_at TIMESTAMP NOT NULL,
                answers VARCHAR NOT NULL,
                verdict VARCHAR NOT NULL,
                reasons VARCHAR NOT NULL
            )""",
        ),
    ),
)

_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class Store:
    """One open Take Two data file. Thread-safe: every call takes its own cursor."""

    def __init__(self, path: Path, conn: duckdb.DuckDBPyConnection) -> None:
        self.path = path
        self._conn = conn
        self._lock = threading.RLock()
        self._token = uuid.uuid4().hex[:8]
        self._writes = 0

    @property
    def revision(self) -> str:
        """Changes with every committed write, and differs between two opens of one file.

        Only this Store can write the file (DuckDB's lock keeps other processes out), so a
        reader may reuse whatever it computed at the same revision.
        """
        return f"{self._token}:{self._writes}"

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating if needed) and migrate the file; refuse anything that is not ours."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if path.parent == DEFAULT_DB.parent:  # our own data/ folder ships with the code
                os.chmod(path.parent, 0o700)
        except OSError as exc:
            raise StoreUnreadable(
                f"Take Two can't create the folder {path.parent}: {exc.strerror}.", str(path)
            ) from None
        is_new = not path.exists()
        if path.exists() and not path.is_file():
            raise StoreUnreadable(f"{path} is a folder, not a Take Two data file.", str(path))
        if path.exists() and path.stat().st_size and not _looks_like_duckdb(path):
            raise StoreUnreadable(
                f"The file at {path} is not a Take Two data file (it is not a DuckDB database). "
                "It was left untouched.",
                str(path),
            )
        try:
            conn = duckdb.connect(str(path), config=_CONFIG)
        except duckdb.Error as exc:
            raise _open_error(exc, path) from None
        store = cls(path, conn)
        try:
            store._migrate()
        except BaseException:
            conn.close()
            raise
        if is_new:
            store._tighten()
        return store

    def close(self) -> None:
        self._conn.close()

    def _migrate(self) -> None:
        with self._cursor() as cur:
            try:
                tables = {
                    name
                    for (name,) in cur.execute(
                        "SELECT table_name FROM information_schema.tables"
                        " WHERE table_schema = 'main'"
                    ).fetchall()
                }
                applied: list[str] = []
                if MIGRATIONS_TABLE in tables:
                    applied = [
                        name
                        for (name,) in cur.execute(
                            "SELECT name FROM take_two_migrations ORDER BY name"
                        ).fetchall()
                    ]
            except duckdb.Error as exc:
                raise _open_error(exc, self.path) from None
            if tables and MIGRATIONS_TABLE not in tables:
                raise StoreUnreadable(
                    f"The file at {self.path} is a database from another program, not Take Two. "
                    "It was left untouched.",
                    str(self.path),
                )
            known = [name for name, _ in MIGRATIONS]
            unknown = [name for name in applied if name not in known]
            if unknown:
                raise StoreTooNew(
                    f"The file at {self.path} was written by a newer version of Take Two "
                    f"({unknown[-1]}). Update Take Two to open it; the file was left untouched.",
                    str(self.path),
                )
            for name, statements in MIGRATIONS:
                if name in applied:
                    continue
                cur.begin()
                try:
                    for statement in statements:
                        cur.execute(statement)
                    cur.execute("INSERT INTO take_two_migrations VALUES (?, ?)", [name, _now()])
                    cur.commit()
                except BaseException:
                    cur.rollback()
                    raise

    def applied_migrations(self) -> list[str]:
        with self._cursor() as cur:
            return [n for (n,) in cur.execute("SELECT name FROM take_two_migrations").fetchall()]

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

    @contextmanager
    def _write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: all of it is saved, or none of it."""
        with self._cursor() as cur:
            cur.begin()
            try:
                yield cur
                cur.commit()
            except BaseException:
                cur.rollback()
                raise
            finally:
                self._writes += 1  # under the lock; after a failed write too: cheap to recompute
        self._tighten()

    def _tighten(self) -> None:
        """Owner-only permissions on the data file and its write-ahead log."""
        for p in (self.path, self._wal()):
            with suppress(OSError):
                os.chmod(p, 0o600)

    # --- check-ins ------------------------------------------------------------------------------

    def add_checkin(self, checkin: CheckIn) -> CheckIn:
        """Validate and save one check-in; returns it with its id and time."""
        checkin = valid_checkin(checkin, _now())
        checkin = replace(checkin, id=checkin.id or uuid.uuid4().hex)
        with self._write() as cur:
            cur.execute(
                "INSERT INTO checkins VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    checkin.id,
                    checkin.at,
                    checkin.openness,
                    list(checkin.signs),
                    checkin.your_stage,
                    checkin.mood,
                    checkin.note,
                ],
            )
        return checkin

    def add_checkins(self, checkins: Iterable[CheckIn]) -> int:
        """Validate and save many check-ins in one transaction (demo data, imports)."""
        now = _now()
        rows = [valid_checkin(c, now) for c in checkins]
        columns = [
            [c.id or uuid.uuid4().hex for c in rows],
            [c.at for c in rows],
            [c.openness for c in rows],
            [list(c.signs) for c in rows],
            [c.your_stage for c in rows],
            [c.mood for c in rows],
            [c.note for c in rows],
        ]
        with self._write() as cur:
            # One statement for all rows: each list parameter unnests into a column.
            cur.execute(
                "INSERT INTO checkins SELECT unnest(?::VARCHAR[]), unnest(?::TIMESTAMP[]), "
                "unnest(?::INTEGER[]), unnest(?::VARCHAR[][]), unnest(?::VARCHAR[]), "
                "unnest(?::INTEGER[]), unnest(?::VARCHAR[])",
                columns,
            )
        return len(rows)

    def checkins(self, limit: int | None = None) -> list[CheckIn]:
        """Check-ins, newest first."""
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT id, checked_in_at, openness, signs, your_stage, mood, note FROM checkins "
                "ORDER BY checked_in_at DESC, id LIMIT ?",
                [limit if limit is not None else 2**62],
            ).fetchall()
        return [_checkin(r) for r in rows]

    def latest_checkin(self) -> CheckIn | None:
        found = self.checkins(limit=1)
        return found[0] if found else None

    # --- contacts -------------------------------------------------------------------------------

    def add_contact(self, contact: Contact) -> Contact:
        """Validate and save one contact; returns it with its id."""
        contact = valid_contact(contact, _now())
        contact = replace(contact, id=contact.id or uuid.uuid4().hex)
        with self._write() as cur:
            cur.execute("INSERT INTO contacts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", _contact_row(contact))
        return contact

    def add_contacts(self, contacts: Iterable[Contact]) -> int:
        """Validate and save many contacts in one transaction."""
        now = _now()
        rows = [valid_contact(c, now) for c in contacts]
        rows = [replace(c, id=c.id or uuid.uuid4().hex) for c in rows]
        columns = [list(col) for col in zip(*(_contact_row(c) for c in rows), strict=True)] or [[]] * 8
        with self._write() as cur:
            cur.execute(
                "INSERT INTO contacts SELECT unnest(?::VARCHAR[]), unnest(?::DATE[]), "
                "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                "unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::TIMESTAMP[])",
                columns,
            )
        return len(rows)

    def update_contact(self, contact: Contact) -> Contact:
        """Replace a saved contact's fields; NotFound when it was deleted meanwhile."""
        if not contact.id:
            raise ValidationError("Only a saved contact can be edited.")
        contact = valid_contact(contact, _now())
        with self._write() as cur:
            found = cur.execute(
                "UPDATE contacts SET happened_on = ?, initiator = ?, channel = ?, response = ?, "
                "feeling = ?, note = ? WHERE id = ? RETURNING id",
                [
                    contact.happened_on,
                    contact.initiator,
                    contact.channel,
                    contact.response,
                    contact.feeling,
                    contact.note,
                    contact.id,
                ],
            ).fetchall()
            if not found:
                raise NotFound("That contact no longer exists; it may have been deleted.")
        return contact

    def contacts(self, limit: int | None = None, offset: int = 0) -> list[Contact]:
        """Contacts, newest first; `limit` and `offset` read one page of them."""
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT id, happened_on, initiator, channel, response, feeling, note, created_at "
                "FROM contacts ORDER BY happened_on DESC, created_at DESC, id LIMIT ? OFFSET ?",
                [limit if limit is not None else 2**62, max(offset, 0)],
            ).fetchall()
        return [_contact(r) for r in rows]

    def last_contact_day(self) -> date | None:
        with self._cursor() as cur:
            return cur.execute("SELECT max(happened_on) FROM contacts").fetchone()[0]

    # --- diagnostics ----------------------------------------------------------------------------

    def add_diagnostic(self, answers: DiagnosticAnswers, at: datetime | None = None) -> DiagnosticRun:
        """Assess and save one diagnostic run, with the verdict and reasons given now."""
        answers = valid_answers(answers)
        at = valid_moment(at, "The diagnostic time", _now())
        run = DiagnosticRun(uuid.uuid4().hex, at, answers, assess(answers))
        self._insert_runs([run])
        return run

    def _insert_runs(self, runs: list[DiagnosticRun]) -> None:
        with self._write() as cur:
            for run in runs:
                cur.execute("INSERT INTO diagnostics VALUES (?, ?, ?, ?, ?)", _run_row(run))

    def diagnostic_runs(self, limit: int | None = None) -> list[DiagnosticRun]:
        """Diagnostic runs, newest first."""
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT id, created_at, answers, verdict, reasons FROM diagnostics "
                "ORDER BY created_at DESC, id LIMIT ?",
                [limit if limit is not None else 2**62],
            ).fetchall()
        return [_run(r) for r in rows]

    def latest_diagnostic(self) -> DiagnosticRun | None:
        found = self.diagnostic_runs(limit=1)
        return found[0] if found else None

    # --- deleting -------------------------------------------------------------------------------

    def delete(self, kind: str, entry_id: str) -> None:
        """Delete one check-in, contact or diagnostic run by id, and compact the file.

        DuckDB's DELETE leaves the deleted text in the file's bytes; compacting rewrites the
        file with only the live rows, so what was deleted is gone from the disk too.
        """
        statement = _DELETE.get(kind)
        if statement is None:
            raise ValidationError(f"Unknown kind of entry: {kind!r}.")
        with self._write() as cur:
            found = cur.execute(statement, [entry_id]).fetchall()
            if not found:
                raise NotFound("That entry no longer exists; it may have been deleted already.")
        self.compact()

    # --- the whole file: merge, copy, compact, erase ---------------------------------------------

    def import_records(
        self, checkins: list[CheckIn], contacts: list[Contact], runs: list[DiagnosticRun]
    ) -> dict[str, int]:
        """Add records that carry their own ids, skipping ids already here; all or nothing."""
        now = _now()
        checkins = [valid_checkin(c, now) for c in checkins]
        contacts = [valid_contact(c, now) for c in contacts]
        runs = [
            replace(run, answers=valid_answers(run.answers),
                    created_at=valid_moment(run.created_at, "A diagnostic run's time", now))
            for run in runs
        ]
        if any(not record.id for record in [*checkins, *contacts, *runs]):
            raise ValidationError("Every imported entry needs its id.")
        before = self.counts()
        with self._write() as cur:
            if checkins:
                cur.execute(
                    "INSERT OR IGNORE INTO checkins SELECT unnest(?::VARCHAR[]), unnest(?::TIMESTAMP[]), "
                    "unnest(?::INTEGER[]), unnest(?::VARCHAR[][]), unnest(?::VARCHAR[]), "
                    "unnest(?::INTEGER[]), unnest(?::VARCHAR[])",
                    [[c.id for c in checkins], [c.at for c in checkins], [c.openness for c in checkins],
                     [list(c.signs) for c in checkins], [c.your_stage for c in checkins],
                     [c.mood for c in checkins], [c.note for c in checkins]],
                )
            if contacts:
                cur.execute(
                    "INSERT OR IGNORE INTO contacts SELECT unnest(?::VARCHAR[]), unnest(?::DATE[]), "
                    "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                    "unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::TIMESTAMP[])",
                    [list(col) for col in zip(*(_contact_row(c) for c in contacts), strict=True)],
                )
            for run in runs:
                cur.execute("INSERT OR IGNORE INTO diagnostics VALUES (?, ?, ?, ?, ?)", _run_row(run))
        after = self.counts()
        return {kind: after[kind] - before[kind] for kind in after}

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
        os.chmod(target, 0o600)

    def compact(self) -> None:
        """Rewrite the file with only the live rows, so deleted text leaves its bytes."""
        fresh = self.path.with_name(self.path.name + ".compacting")
        with self._lock:
            for leftover in (fresh, fresh.with_name(fresh.name + ".wal")):
                leftover.unlink(missing_ok=True)
            self.backup_to(fresh)
            self._conn.close()
            try:
                os.replace(fresh, self.path)
                self._wal().unlink(missing_ok=True)
            finally:
                self._reconnect()

    def erase(self) -> None:
        """Delete the data file and its log, and carry on with a fresh, empty one."""
        with self._lock:
            self._conn.close()
            try:
                self.path.unlink(missing_ok=True)
                self._wal().unlink(missing_ok=True)
            finally:
                self._reconnect()
                self._migrate()
                self._tighten()

    def _wal(self) -> Path:
        return self.path.with_name(self.path.name + ".wal")

    def _reconnect(self) -> None:
        try:
            self._conn = duckdb.connect(str(self.path), config=_CONFIG)
        except duckdb.Error as exc:
            raise _open_error(exc, self.path) from None
        self._token = uuid.uuid4().hex[:8]
        self._writes += 1

    # --- aggregates for the charts --------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many entries of each kind are saved."""
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT (SELECT count(*) FROM checkins), (SELECT count(*) FROM contacts), "
                "(SELECT count(*) FROM diagnostics)"
            ).fetchone()
        return dict(zip(("checkins", "contacts", "diagnostics"), row, strict=True))

    def span(self) -> tuple[date, date] | None:
        """The first and last day with any entry, or None for an empty file."""
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT min(d), max(d) FROM ("
                " SELECT min(checked_in_at)::DATE AS d FROM checkins UNION ALL SELECT max(checked_in_at)::DATE FROM checkins"
                " UNION ALL SELECT min(happened_on) FROM contacts UNION ALL SELECT max(happened_on) FROM contacts"
                " UNION ALL SELECT min(created_at)::DATE FROM diagnostics"
                " UNION ALL SELECT max(created_at)::DATE FROM diagnostics)"
            ).fetchone()
        return None if row[0] is None else (row[0], row[1])

    def openness_series(self, start: date, end: date, bucket: str) -> list[OpennessPoint]:
        """Mean openness per period in [start, end), with a rolling mean over recent periods."""
        with self._cursor() as cur:
            rows = cur.execute(
                "WITH b AS ("
                " SELECT date_trunc(?, checked_in_at)::DATE AS period, avg(openness) AS mean, count(*) AS n"
                " FROM checkins WHERE checked_in_at >= ? AND checked_in_at < ? GROUP BY ALL)"
                " SELECT period, mean, n, avg(mean) OVER (ORDER BY period"
                f" ROWS BETWEEN {ROLLING_PERIODS - 1} PRECEDING AND CURRENT ROW)"
                " FROM b ORDER BY period",
                [_bucket(bucket), start, end],
            ).fetchall()
        return [OpennessPoint(p, float(m), int(n), float(r)) for p, m, n, r in rows]

    def stage_series(self, start: date, end: date, bucket: str) -> list[StagePoint]:
        """Per period: your last stage and their mean openness."""
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT date_trunc(?, checked_in_at)::DATE AS period, arg_max(your_stage, checked_in_at), avg(openness)"
                " FROM checkins WHERE checked_in_at >= ? AND checked_in_at < ? GROUP BY ALL ORDER BY period",
                [_bucket(bucket), start, end],
            ).fetchall()
        return [StagePoint(p, s, float(o)) for p, s, o in rows]

    def days_at(self, column: str, start: date, end: date) -> list[DaysAt]:
        """Days spent at each openness score or each of your stages in [start, end).

        Each day's last check-in holds until the next day with one (or until `end`).
        """
        statement = _DAYS_AT.get(column)
        if statement is None:
            raise ValidationError(f"Unknown column {column!r}.")
        with self._cursor() as cur:
            rows = cur.execute(statement, [start, end, end]).fetchall()
        return [DaysAt(v, int(n)) for v, n in rows]

    def contact_counts(self, start: date, end: date, bucket: str) -> list[ContactCount]:
        """Contacts per period, by who reached out and how they responded."""
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT date_trunc(?, happened_on)::DATE AS period, initiator, response, count(*)"
                " FROM contacts WHERE happened_on >= ? AND happened_on < ?"
                " GROUP BY ALL ORDER BY period, initiator, response",
                [_bucket(bucket), start, end],
            ).fetchall()
        return [ContactCount(p, i, r, int(n)) for p, i, r, n in rows]

    def verdict_history(self, start: date, end: date) -> list[VerdictPoint]:
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT created_at, verdict FROM diagnostics WHERE created_at >= ? AND created_at < ?"
                " ORDER BY created_at",
                [start, end],
            ).fetchall()
        return [VerdictPoint(a, v) for a, v in rows]


_DELETE = {
    "checkin": "DELETE FROM checkins WHERE id = ? RETURNING id",
    "contact": "DELETE FROM contacts WHERE id = ? RETURNING id",
    "diagnostic": "DELETE FROM diagnostics WHERE id = ? RETURNING id",
}
_DAYS_AT = {
    column: "WITH d AS (SELECT checked_in_at::DATE AS day, arg_max("
    + column
    + ", checked_in_at) AS v FROM checkins WHERE checked_in_at >= ? AND checked_in_at < ? GROUP BY ALL),"
    " s AS (SELECT v, coalesce(lead(day) OVER (ORDER BY day), ?::DATE) - day AS days FROM d)"
    " SELECT v, sum(days)::BIGINT FROM s GROUP BY v ORDER BY v"
    for column in ("openness", "your_stage")
}


def _bucket(bucket: str) -> str:
    if bucket not in BUCKETS:
        raise ValidationError(f"Unknown period {bucket!r}; use one of {', '.join(BUCKETS)}.")
    return bucket


def _looks_like_duckdb(path: Path) -> bool:
    """DuckDB files carry the magic bytes 'DUCK' at offset 8."""
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
    except OSError:
        return False
    return len(head) >= 12 and head[8:12] == b"DUCK"


def _open_error(exc: duckdb.Error, path: Path) -> Exception:
    message = str(exc)
    if "lock" in message.lower():
        return StoreLocked(
            "Take Two is already open in another window or program, which holds the data file "
            f"{path}. Close it there, then reload this page."
        )
    return StoreUnreadable(
        f"Take Two can't read the data file at {path}: it looks damaged or is not a Take Two "
        "file. It was left untouched.",
        str(path),
    )


def _checkin(row) -> CheckIn:
    id_, at, openness, signs, stage, mood, note = row
    return CheckIn(openness, stage, mood, tuple(signs), note, at, id_)


def _contact_row(c: Contact) -> list:
    return [c.id, c.happened_on, c.initiator, c.channel, c.response, c.feeling, c.note, c.created_at]


def _contact(row) -> Contact:
    id_, day, initiator, channel, response, feeling, note, created = row
    return Contact(day, initiator, channel, response, feeling, note, id_, created)


def _run_row(run: DiagnosticRun) -> list:
    return [
        run.id,
        run.created_at,
        json.dumps(_answers_json(run.answers), ensure_ascii=False),
        run.assessment.verdict.value,
        json.dumps([_reason_json(r) for r in run.assessment.reasons], ensure_ascii=False),
    ]


def set_aside(path: Path) -> Path:
    """Move an unreadable file (and its log) aside, unchanged, so a new one can start."""
    path = Path(path)
    target = path.with_name(f"{path.name}.set-aside-{datetime.now():%Y%m%d-%H%M%S}")
    os.replace(path, target)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        os.replace(wal, target.with_name(target.name + ".wal"))
    return target


def _answers_json(a: DiagnosticAnswers) -> dict:
    return {
        "answers": dict(a.answers),
        "reflections": dict(a.reflections),
        "pause_signs": list(a.pause_signs),
        "red_flags": list(a.red_flags),
        "safety": list(a.safety),
    }


def _reason_json(r: Reason) -> dict:
    return {"verdict": r.verdict.value, "source": r.source, "answer": r.answer, "explanation": r.explanation}


def _run(row) -> DiagnosticRun:
    id_, created, answers, verdict, reasons = row
    a = json.loads(answers)
    parsed = DiagnosticAnswers(
        answers=a["answers"],
        reflections=a["reflections"],
        pause_signs=tuple(a["pause_signs"]),
        red_flags=tuple(a["red_flags"]),
        safety=tuple(a["safety"]),
    )
    reasons_ = tuple(
        Reason(Verdict(r["verdict"]), r["source"], r["answer"], r["explanation"])
        for r in json.loads(reasons)
    )
    return DiagnosticRun(id_, created, parsed, Assessment(Verdict(verdict), reasons_))

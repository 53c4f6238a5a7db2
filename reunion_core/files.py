"""The data file on disk, before and around the database: folders, permissions, guards, setting
a damaged file aside. No SQL here; every problem is a ReunionError a person can act on."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from .errors import FileProblem, StoreLocked, StoreTooNew, StoreUnreadable
from .paths import DEFAULT_DB

DUCKDB_MAGIC = b"DUCK"  # DuckDB files carry these bytes at offset 8


def wal_of(path: Path) -> Path:
    """The write-ahead log DuckDB keeps beside a data file."""
    return path.with_name(path.name + ".wal")


def prepare(path: Path) -> bool:
    """Make the owner-only folder, refuse anything at `path` that is not a DuckDB file, untouched.

    Returns whether the file is new (nothing there yet).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.parent == DEFAULT_DB.parent:  # our own data/ folder ships with the code
            os.chmod(path.parent, 0o700)
    except OSError as exc:
        raise StoreUnreadable(
            f"Take Two can't create the folder {path.parent}: {exc.strerror}.", str(path)
        ) from None
    _private_folder(path.parent)
    for leftover in rescue_folders(path):  # a rescue interrupted by a crash: only copies, never needed again
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in restoring(path):  # a copy being checked for a restore when the app stopped: the person has it
        leftover.unlink(missing_ok=True)
    if not path.exists():
        return True
    if path.stat().st_uid != os.getuid():
        raise StoreUnreadable(
            f"The file at {path} belongs to another account on this computer, so Take Two won't use it. "
            "It was left untouched.", str(path))
    if not path.is_file():
        raise StoreUnreadable(f"{path} is a folder, not a Take Two data file.", str(path))
    if path.stat().st_size == 0 and not wal_of(path).exists():  # nothing ever written (a `touch`, a crash at
        path.unlink()  # creation): nothing to lose, so it is a new file, not a damaged one
        return True
    if path.stat().st_size and not _looks_like_duckdb(path):
        raise StoreUnreadable(
            f"The file at {path} is not a Take Two data file (it is not a DuckDB database). "
            "It was left untouched.",
            str(path),
        )
    return False


def _private_folder(folder: Path) -> None:
    """Refuse a folder another account could change: it could swap in a file of its own."""
    info = folder.stat()
    if info.st_uid != os.getuid() or info.st_mode & 0o022:
        raise StoreUnreadable(
            f"Other accounts on this computer can change the folder {folder}, so Take Two won't keep your "
            "journal there. Choose a folder only you can write, such as one in your home folder "
            "(set REUNION_DB_PATH), or use the default data/ folder.", str(folder))


def tighten(path: Path) -> None:
    """Owner-only permissions on a data file and its write-ahead log."""
    for p in (path, wal_of(path)):
        with suppress(OSError):
            os.chmod(p, 0o600)


def remove(path: Path, *, leftovers: bool = False) -> None:
    """Delete a data file and its log (missing ones are fine); with `leftovers`, every copy Take Two
    made of it too: files set aside, and what an interrupted rewrite left behind."""
    for p in (path, wal_of(path), *(made_from(path) if leftovers else ())):
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)


def remove_copies(path: Path) -> int:
    """Delete every copy Take Two made beside the file (never the file itself); how many."""
    copies = made_from(path)
    for p in copies:
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
        wal_of(p).unlink(missing_ok=True)
    return len(copies)


def made_from(path: Path) -> list[Path]:
    """Copies of a data file that Take Two made beside it: set aside, or left by a crash mid-rewrite."""
    found = [*path.parent.glob(path.name + ".set-aside-*"), *path.parent.glob(path.name + ".compacting*"),
             *restoring(path)]
    return sorted([*(p for p in found if p.is_file()), *rescue_folders(path)])


def restoring(path: Path) -> list[Path]:
    """Copies brought in to restore from, being checked beside the file (and their logs)."""
    return sorted(p for p in path.parent.glob(path.name + ".restoring-*") if p.is_file())


def restore_copy(path: Path, data: bytes) -> Path:
    """Write a data-file copy to restore from beside the file, owner-only, under a name of its own."""
    if data[8:12] != DUCKDB_MAGIC:
        raise StoreUnreadable("That file is not a copy of a Take Two data file (it is not a DuckDB database). "
                              "Nothing was changed.", str(path))
    copy = path.with_name(f"{path.name}.restoring-{os.urandom(4).hex()}")
    try:
        fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        copy.unlink(missing_ok=True)
        raise write_problem(exc.strerror or str(exc), copy) from None
    return copy


def swap_in(fresh: Path, path: Path, now: datetime | None = None) -> Path:
    """Put `fresh` in place of the closed file at `path`, keeping the old one under a set-aside name.

    At every moment `path` is the old file or the new one, never missing: the old file gets its second
    name first (a hard link, or a copy where links can't be made), then the new one replaces it.
    """
    target = path.with_name(f"{path.name}.set-aside-{(now or datetime.now(UTC).astimezone()):%Y%m%d-%H%M%S}")
    try:
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)
        if wal_of(path).exists():
            os.replace(wal_of(path), wal_of(target))
        os.replace(fresh, path)
    except OSError as exc:
        raise FileProblem(f"Take Two couldn't put the copy in place: {exc.strerror}. Your journal was not "
                          "changed.") from None
    wal_of(fresh).unlink(missing_ok=True)
    return target


def rescue_folder(path: Path) -> Path:
    """A private folder beside the file for the copies a rescue reads; gone when it is done."""
    return Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.rescue-"))


def rescue_folders(path: Path) -> list[Path]:
    """Rescue folders a crash left behind: they hold copies of the journal."""
    return sorted(p for p in path.parent.glob(f".{path.name}.rescue-*") if p.is_dir())


def replace_with(fresh: Path, path: Path) -> None:
    """Put a freshly written file in place of `path`, and drop the old file's log."""
    os.replace(fresh, path)
    wal_of(path).unlink(missing_ok=True)


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Move an unreadable file (and its log) aside, unchanged, so a new one can start."""
    path = Path(path)
    target = path.with_name(f"{path.name}.set-aside-{(now or datetime.now(UTC).astimezone()):%Y%m%d-%H%M%S}")
    try:
        os.replace(path, target)
        if wal_of(path).exists():
            os.replace(wal_of(path), wal_of(target))
    except OSError as exc:
        raise FileProblem(f"Take Two couldn't rename that file: {exc.strerror}. Nothing was changed.") from None
    return target


# DuckDB keeps two copies of its database header, one per checkpoint, after the 4 KiB main header.
HEADERS = (4096, 8192)
HEADER_SIZE = 4096


def rescue_copies(path: Path, folder: Path) -> list[Path]:
    """Copies of a file that won't open, each a way around damage, for reading only.

    Both leave the write-ahead log behind (a log torn by a crash or damaged on disk stops the
    whole file opening; entries saved since the last checkpoint are lost this way), and each
    copies one database header over the other (a damaged header stops the file opening; the
    other points to a checkpoint too). One of the two is therefore the file as of its last
    checkpoint. `folder` is private; the original is never touched.
    """
    data = path.read_bytes()
    first, second = HEADERS
    copies = []
    for name, source, target in (("first-header", first, second), ("second-header", second, first)):
        patched = bytearray(data)
        patched[target:target + HEADER_SIZE] = data[source:source + HEADER_SIZE]
        copy = folder / f"{name}.duckdb"
        copy.write_bytes(bytes(patched))
        os.chmod(copy, 0o600)
        copies.append(copy)
    return copies


def _looks_like_duckdb(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
    except OSError:
        return False
    return len(head) >= 12 and head[8:12] == DUCKDB_MAGIC


def open_problem(detail: str, path: Path) -> StoreLocked | StoreUnreadable:
    """What to tell the person when the database engine can't open the file (`detail`: its words)."""
    # DuckDB: "Could not set lock on file ... Conflicting lock is held". Not just "lock": a damaged
    # file's message speaks of a "block", which must never read as "already open elsewhere".
    if "could not set lock" in detail.lower() or "conflicting lock" in detail.lower():
        return StoreLocked(
            "Take Two is already open in another window or program, which holds the data file "
            f"{path}. Close it there, then reload this page."
        )
    return StoreUnreadable(
        f"Take Two can't read the data file at {path}: it looks damaged or is not a Take Two file. "
        "It was left untouched.", str(path)
    )


def write_problem(detail: str, path: Path) -> FileProblem:
    """What to tell the person when a save failed inside the database engine (`detail`: its words)."""
    said = detail.lower()
    if "space" in said:
        return FileProblem(f"The disk is full, so Take Two couldn't save this to {path}. Nothing was changed "
                           "and what you typed is still here: free some space, then save again.")
    if "quota" in said or "too large" in said:  # a per-account quota, or a limit on file size
        return FileProblem(f"There is no more room for your account on this disk, so Take Two couldn't save "
                           f"this to {path}. Nothing was changed and what you typed is still here: free some "
                           "space (or ask whoever set the limit), then save again.")
    return FileProblem(f"Take Two couldn't save this to {path}. Nothing was changed and what you typed is "
                       "still here; if it happens again, export your data on the Your data page.")


def foreign(path: Path) -> StoreUnreadable:
    return StoreUnreadable(
        f"The file at {path} is a database from another program, not Take Two. It was left untouched.", str(path)
    )


def too_new(path: Path, migration: str) -> StoreTooNew:
    return StoreTooNew(
        f"The file at {path} was written by a newer version of Take Two ({migration}). Update Take Two "
        "to open it; the file was left untouched.", str(path)
    )

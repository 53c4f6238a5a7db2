"""Who may open the journal: the owner's browser, and nothing else on this machine.

Like Jupyter's token: a per-install secret, kept owner-only beside the data file, that a browser
session must present (from the link `make run` prints, or remembered by the browser for this one
origin) before any page shows journal content or accepts a change. The Origin of the session must
also be exactly this app's own (scheme, host and port): another page on another localhost port
carries a different Origin, and a raw client without the secret gets nothing.
"""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from .errors import StoreUnreadable

KEY_FILE = "take-two.key"
LOCAL_HOSTS = ("127.0.0.1", "localhost")


def key_file(db: Path) -> Path:
    """The secret lives beside the data file, in the same owner-only folder."""
    return db.parent / KEY_FILE


def owner_key(db: Path) -> str:
    """This install's secret: read it, or create it owner-only (0600) from its very first byte."""
    path = key_file(db)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        info = path.stat()
        if info.st_uid != os.getuid() or info.st_mode & 0o077:
            raise StoreUnreadable(
                f"The key file {path} can be read by another account (or is not yours), so it can't be "
                "trusted. Delete it and start Take Two again: it makes a new one.", str(path)) from None
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_urlsafe(32) + "\n")
    return path.read_text().strip()


def is_owner(given: object, key: str) -> bool:
    """The secret presented matches, compared in constant time."""
    return isinstance(given, str) and bool(given) and hmac.compare_digest(given.encode(), key.encode())


def same_origin(origin: str | None, host: str | None) -> bool:
    """The browser page is this app's own: http, a loopback host, and exactly this host and port."""
    if not origin or not host:
        return False
    parts = urlsplit(origin)
    return (parts.scheme == "http" and parts.netloc == host and parts.path in ("", "/")
            and (parts.hostname or "") in LOCAL_HOSTS)


def owner_link(port: int, key: str) -> str:
    return f"http://127.0.0.1:{port}/?key={key}"

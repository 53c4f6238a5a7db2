"""Where the data lives: configuration, resolved from the code's location, never the cwd."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_DIR / "data" / "reunion.duckdb"
ENV_VAR = "REUNION_DB_PATH"


def db_path() -> Path:
    """The person's own data file: $REUNION_DB_PATH, or data/reunion.duckdb beside the code."""
    configured = os.environ.get(ENV_VAR, "").strip()
    return Path(configured).expanduser().resolve() if configured else DEFAULT_DB


def example_path(own: Path | None = None) -> Path:
    """The example-journey file: beside the person's own file, never the same file."""
    own = own or db_path()
    return own.with_name("example-journey.duckdb")

"""`paja backup FILE` and `paja restore FILE`, on SQLite and on PostgreSQL.

SQLite is copied with SQLite's online backup API: a consistent snapshot while the app keeps
running, the write-ahead log included. PostgreSQL is dumped with pg_dump's custom format and
restored with pg_restore in one transaction (both come with the PostgreSQL client; set
PAJA_PG_BIN to their folder when they are not on the PATH).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import sqlalchemy as sa

from paja.extensions import db

SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(RuntimeError):
    """The backup or restore could not be made."""


def _sqlite_path(url: sa.URL) -> Path | None:
    """The database file of a SQLite URL (None for anything else)."""
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return Path(url.database)


def _pg_tool(name: str) -> str:
    """The path of pg_dump or pg_restore."""
    folder = os.environ.get("PAJA_PG_BIN", "")
    found = shutil.which(name, path=folder or None)
    if found is None:
        raise BackupError(f"{name} was not found; install the PostgreSQL client or set PAJA_PG_BIN")
    return found


def _libpq(url: sa.URL) -> str:
    """The URL as pg_dump and pg_restore read it (no SQLAlchemy driver name)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def backup(target: Path) -> None:
    """Write a consistent copy of the whole database to `target`."""
    url = db.engine.url
    source = _sqlite_path(url)
    if source is not None:
        with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
            live.backup(copy)
        return
    _run([_pg_tool("pg_dump"), "--format=custom", f"--file={target}", _libpq(url)])


def restore(source: Path) -> None:
    """Replace the whole database with the backup in `source`."""
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    url = db.engine.url
    db.session.remove()
    db.engine.dispose()  # no pooled connection keeps the old data open
    target = _sqlite_path(url)
    if target is not None:
        if not source.read_bytes()[:16] == SQLITE_HEADER:
            raise BackupError(f"{source} is not a SQLite backup")
        try:
            with sqlite3.connect(source) as copy, sqlite3.connect(target) as live:
                copy.backup(live)
        except sqlite3.Error as error:
            raise BackupError(f"{source} could not be restored: {error}") from None
        return
    _run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
          f"--dbname={_libpq(url)}", str(source)])  # fmt: skip


def _run(command: list[str]) -> None:
    """Run a PostgreSQL tool; its own message on failure."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(done.stderr.strip() or f"{command[0]} failed")

"""Opening the archive's SQLite database: WAL, foreign keys, schema migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from reader.store.migrations import KNOWN_MIGRATIONS, MIGRATIONS


class ArchiveError(Exception):
    """The archive cannot be opened or written; the message says why, for the user."""


def open_database(path: Path) -> Database:
    """Open (creating if needed) the archive database at ``path`` and bring its schema up to date.

    Raises:
        ArchiveError: the file is not a SQLite database, or was written by a newer
            version of reader (its schema has migrations this version does not know).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        db = Database(conn)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=30000")
        _refuse_newer_schema(db, path)
        MIGRATIONS.apply(db)
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"{path}: not a readable archive database ({error})") from error
    return db


def _refuse_newer_schema(db: Database, path: Path) -> None:
    applied = {m.name for m in MIGRATIONS.applied(db)}
    unknown = sorted(applied - KNOWN_MIGRATIONS)
    if unknown:
        raise ArchiveError(
            f"{path} was written by a newer version of reader (schema step {unknown[-1]}); "
            "install the newer version to open it"
        )


def schema_version(db: Database) -> list[str]:
    """Names of the migrations applied to ``db``, oldest first."""
    return [m.name for m in MIGRATIONS.applied(db)]

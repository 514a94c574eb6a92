"""Opening the archive's SQLite database: WAL, foreign keys, schema migrations, write locks.

Several programs may write one archive at once (an import in the window while a script
adds notes). Every write transaction therefore begins with ``BEGIN IMMEDIATE``: it takes
the write lock before reading, so a second writer waits for it (SQLite's busy timeout)
instead of failing at once when a read transaction cannot be upgraded, which is what a
plain deferred ``BEGIN`` does in WAL mode. A lock held longer than the timeout is retried a
few times, then reported as :class:`ArchiveBusyError`, never as a bug.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Generator
from pathlib import Path

from sqlite_utils import Database

from reader.messages import ReaderError
from reader.store.migrations import KNOWN_MIGRATIONS, MIGRATIONS

BUSY_TIMEOUT_S = 20.0
# Attempts at taking the write lock, each waiting up to BUSY_TIMEOUT_S inside SQLite.
LOCK_ATTEMPTS = 3
_RETRY_PAUSE_S = 0.2


class ArchiveError(ReaderError):
    """The archive cannot be opened or written; the message says why, for the user."""


class ArchiveBusyError(ArchiveError):
    """Another program held the archive's write lock for longer than we wait."""


class ArchiveDatabase(Database):
    """A sqlite-utils ``Database`` whose write transactions take the write lock first."""

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        """A write transaction (``BEGIN IMMEDIATE``); nested blocks use savepoints."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        begin_immediate(self.conn, self.path_for_messages)
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    @property
    def path_for_messages(self) -> str:
        row = self.conn.execute("PRAGMA database_list").fetchone()
        return str(row[2]) if row and row[2] else "archive"


def is_lock_error(error: sqlite3.Error) -> bool:
    """True for SQLite's "database is locked" / "database is busy" (another writer)."""
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def begin_immediate(conn: sqlite3.Connection, where: str = "archive") -> None:
    """Begin a write transaction on ``conn``, waiting (boundedly) for another writer.

    Raises:
        ArchiveBusyError: the write lock stayed taken for every attempt.
    """
    for attempt in range(LOCK_ATTEMPTS):
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if not is_lock_error(error):
                raise
            if attempt + 1 == LOCK_ATTEMPTS:
                waited = round(LOCK_ATTEMPTS * BUSY_TIMEOUT_S)
                raise ArchiveBusyError("archive.busy", path=where, seconds=waited) from error
            time.sleep(_RETRY_PAUSE_S * (attempt + 1))


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the archive's settings; implicit transactions also begin immediate."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level="IMMEDIATE"
    )
    conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    return conn


def open_database(path: Path) -> Database:
    """Open (creating if needed) the archive database at ``path`` and bring its schema up to date.

    Raises:
        ArchiveError: the file is not a SQLite database, or was written by a newer
            version of reader (its schema has migrations this version does not know).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = ArchiveDatabase(connect(path))
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        _refuse_newer_schema(db, path)
        _apply_migrations(db)
    except ArchiveError:
        raise
    except sqlite3.DatabaseError as error:
        if is_lock_error(error):
            raise ArchiveBusyError(
                "archive.busy", path=str(path), seconds=round(BUSY_TIMEOUT_S)
            ) from error
        raise ArchiveError("archive.unreadable", path=str(path), detail=str(error)) from error
    return db


def _apply_migrations(db: Database) -> None:
    """Bring the schema up to date, also when another process is doing the same.

    Two programs opening a new archive at once both find the same steps pending; the one
    that loses the race for the write lock then runs a step the other has just applied and
    fails (a table or column already there). Each step is a transaction recorded with its
    name, so when a step fails and the steps pending have changed meanwhile, the loser
    looks again and applies only what is still pending.
    """
    for attempt in range(LOCK_ATTEMPTS * 10):
        before = _pending(db)
        try:
            MIGRATIONS.apply(db)
            return
        except sqlite3.DatabaseError:
            if db.conn.in_transaction:
                db.conn.rollback()
            if _pending(db) == before or attempt + 1 == LOCK_ATTEMPTS * 10:
                raise
            time.sleep(_RETRY_PAUSE_S)


def _pending(db: Database) -> list[str]:
    if not db["_sqlite_migrations"].exists():
        return ["(the migrations table)"]
    return [migration.name for migration in MIGRATIONS.pending(db)]


def _refuse_newer_schema(db: Database, path: Path) -> None:
    applied = {m.name for m in MIGRATIONS.applied(db)}
    unknown = sorted(applied - KNOWN_MIGRATIONS)
    if unknown:
        raise ArchiveError("archive.newer_schema", path=str(path), step=unknown[-1])


def schema_version(db: Database) -> list[str]:
    """Names of the migrations applied to ``db``, oldest first."""
    return [m.name for m in MIGRATIONS.applied(db)]

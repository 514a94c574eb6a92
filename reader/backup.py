"""Backups of the archive: one consistent SQLite file, restore, and rotating backups on start.

A backup is made with SQLite's online backup API (a plain file copy of a WAL database can
lose data), in one step under one read transaction, so it is consistent even while another
connection writes. The search index is derived data: it is not in the backup, and after a
restore it re-indexes the articles that differ from what it holds.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.archive import Archive
from reader.paths import DATABASE_NAME
from reader.store.db import ArchiveError, open_database
from reader.store.migrations import KNOWN_MIGRATIONS

SQLITE_MAGIC = b"SQLite format 3\x00"
ROTATING_PREFIX = "archive-"
ROTATING_SUFFIX = ".sqlite3"
_COUNTED_TABLES = ("issues", "articles", "notes", "bookmarks", "highlights", "article_tags")


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """What a backup file holds: its schema steps and how many rows of each kind."""

    path: Path
    schema: tuple[str, ...]
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """A finished restore: what came back, where the replaced database was kept."""

    summary: BackupSummary
    previous: Path | None
    index_rebuilt: bool
    index_problem: str | None = None


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as stream:
        os.fsync(stream.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX only; Windows cannot open folders)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_quietly(path: Path) -> None:
    for candidate in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        candidate.unlink(missing_ok=True)


def _copy_database(source: sqlite3.Connection, destination: Path) -> None:
    """Write ``source`` to ``destination`` as one self-contained file, atomically."""
    partial = destination.with_name(destination.name + ".part")
    _remove_quietly(partial)
    try:
        target = sqlite3.connect(str(partial))
        try:
            source.backup(target)  # all pages in one step: one consistent snapshot
            target.execute("PRAGMA journal_mode=DELETE")
            result = target.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            target.close()
        if result != "ok":
            raise BackupError(f"{destination}: the copy failed its check ({result})")
        _fsync_file(partial)
        os.replace(partial, destination)
        _fsync_dir(destination.parent)
    except BaseException:
        _remove_quietly(partial)
        raise


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def inspect_backup(path: Path) -> BackupSummary:
    """Check that ``path`` is a sound reader archive this version can open; say what it holds.

    Raises:
        BackupError: the file is missing, not SQLite, damaged, not a reader archive, or
            written by a newer version of reader.
    """
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    if not _looks_like_sqlite(path):
        raise BackupError(f"{path}: not a reader archive (not an SQLite database file)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise BackupError(f"{path}: cannot open it ({error})") from None
    try:
        return _summarize(conn, path)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path}: damaged or unreadable database ({error})") from None
    finally:
        conn.close()


def _summarize(conn: sqlite3.Connection, path: Path) -> BackupSummary:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        raise BackupError(f"{path}: the database is damaged ({problems[0]})")
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"_sqlite_migrations", "issues", "articles"} <= tables:
        raise BackupError(f"{path}: an SQLite database, but not a reader archive")
    schema = tuple(
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'reader' ORDER BY rowid"
        )
    )
    if not schema:
        raise BackupError(f"{path}: an SQLite database, but not a reader archive")
    newer = [name for name in schema if name not in KNOWN_MIGRATIONS]
    if newer:
        raise BackupError(
            f"{path} was written by a newer version of reader (schema step {newer[-1]}); "
            "install the newer version to restore it"
        )
    counts = {
        table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in _COUNTED_TABLES
        if table in tables
    }
    return BackupSummary(path=path, schema=schema, counts=counts)


def backup_database(database_path: Path, destination: Path) -> BackupSummary:
    """Write a consistent copy of the archive database to ``destination``.

    The archive may be in use (open in the window, being written by an import): the
    copy is one snapshot of it. An existing ``destination`` is replaced only if it is
    itself a reader archive, so a mistyped name cannot overwrite an unrelated file.

    Raises:
        BackupError: the destination is the archive itself, an unrelated file, or in a
            folder that does not exist; or the copy cannot be written.
    """
    destination = Path(destination)
    if destination.resolve() == database_path.resolve():
        raise BackupError(f"{destination}: that is the archive itself; choose another file")
    if not destination.parent.is_dir():
        raise BackupError(f"{destination}: the folder {destination.parent} does not exist")
    if destination.exists():
        try:
            inspect_backup(destination)
        except BackupError:
            raise BackupError(
                f"{destination}: the file exists and is not a reader backup; choose another name"
            ) from None
    if not database_path.is_file():
        raise BackupError(f"{database_path}: there is no archive to back up")
    source = sqlite3.connect(str(database_path), timeout=30)
    try:
        _copy_database(source, destination)
    except sqlite3.Error as error:
        raise BackupError(f"{destination}: the backup failed ({error})") from None
    except OSError as error:
        raise BackupError(f"{destination}: cannot write it ({error.strerror})") from None
    finally:
        source.close()
    return inspect_backup(destination)


def backup_archive(archive: Archive, destination: Path) -> BackupSummary:
    """Back up an open archive to one file (see :func:`backup_database`)."""
    return backup_database(archive.database_path, destination)


def _stage_backup(backup: Path, staging: Path) -> None:
    """Copy the backup beside the archive and bring its schema up to date there."""
    _remove_quietly(staging)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _copy_database(source, staging)
    finally:
        source.close()
    try:
        db = open_database(staging)  # applies the migrations this version has
    except ArchiveError as error:
        raise BackupError(f"{backup}: cannot be brought up to date ({error})") from None
    try:
        # Leave one self-contained file: a -wal would not follow the rename.
        db.execute("PRAGMA journal_mode=DELETE")
    finally:
        db.close()
    _fsync_file(staging)


def _set_aside(database: Path, kept: Path) -> Path | None:
    """Keep a self-contained copy of the current database as ``kept``; None if there is none.

    Raises:
        BackupError: another connection has the archive open.
    """
    if not database.exists():
        return None
    conn = sqlite3.connect(str(database), timeout=2)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # Leaving WAL mode needs the only connection: it also proves nobody else has it open.
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        mode = "busy"
    except sqlite3.DatabaseError:
        mode = None  # the current database is damaged: keep its files exactly as they are
    finally:
        conn.close()
    if mode is not None and mode != "delete":
        raise BackupError(
            f"{database.parent}: the archive is open in another reader window or command; "
            "close it and try again"
        )
    if mode == "delete":
        shutil.copy2(database, kept)
        _fsync_file(kept)
    else:
        for suffix in ("", "-wal", "-shm", "-journal"):
            part = Path(f"{database}{suffix}")
            if part.exists():
                os.replace(part, Path(f"{kept}{suffix}"))
    _fsync_dir(kept.parent)
    return kept


def _rebuild_search_index(archive_dir: Path) -> tuple[bool, str | None]:
    """Bring the search index in line with the restored store if this build has one:
    (done, why not when it failed). Only the articles that differ are re-indexed."""
    if importlib.util.find_spec("reader.search") is None:
        return False, None
    try:
        follow = importlib.import_module("reader.search").ensure_index
        with Archive(archive_dir) as archive:
            follow(archive)
    except Exception as error:  # derived data: the restore itself has succeeded
        return False, f"{type(error).__name__}: {error}"
    return True, None


def restore_archive(archive_dir: Path, backup: Path) -> RestoreResult:
    """Replace the archive in ``archive_dir`` with the one in ``backup``.

    The backup is checked first and copied and migrated beside the archive; only then is
    the current database set aside as ``archive-before-restore-<time>.sqlite3`` in the
    same folder and the new one moved into place (one atomic rename). A bad backup
    leaves the archive untouched. The search index then re-indexes what differs.

    Raises:
        BackupError: the file is not a sound reader archive, or the archive is in use.
    """
    archive_dir = Path(archive_dir)
    backup = Path(backup)
    database = archive_dir / DATABASE_NAME
    if database.exists() and backup.resolve() == database.resolve():
        raise BackupError(f"{backup}: that is the archive itself")
    summary = inspect_backup(backup)
    archive_dir.mkdir(parents=True, exist_ok=True)
    staging = archive_dir / f"{DATABASE_NAME}.restoring"
    try:
        _stage_backup(backup, staging)
        kept = archive_dir / f"archive-before-restore-{_timestamp()}.sqlite3"
        previous = _set_aside(database, kept)
        os.replace(staging, database)
        _fsync_dir(archive_dir)
    except sqlite3.Error as error:
        raise BackupError(
            f"{backup}: the restore failed ({error}); the archive is unchanged"
        ) from None
    except OSError as error:
        raise BackupError(f"{archive_dir}: the restore failed ({error})") from None
    finally:
        _remove_quietly(staging)
    rebuilt, problem = _rebuild_search_index(archive_dir)
    return RestoreResult(summary, previous, rebuilt, problem)


def list_backups(archive: Archive) -> list[Path]:
    """The automatic backups in the archive's backups folder, oldest first."""
    folder = archive.backups_dir
    if not folder.is_dir():
        return []
    found = [
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.name.startswith(ROTATING_PREFIX)
        and path.name.endswith(ROTATING_SUFFIX)
    ]
    return sorted(found, key=lambda path: path.name)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _is_empty(archive: Archive) -> bool:
    return all(
        archive.db.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
        for table in ("issues", "notes", "briefs")
    )


def backup_on_start(archive: Archive, keep: int = 5) -> Path | None:
    """Make an automatic backup in ``<archive>/backups`` and keep only the newest ``keep``.

    Nothing is written when the archive is empty or unchanged since the newest backup
    (a backup of unchanged data is byte-for-byte the same file). Call it on a worker.

    Returns:
        The new backup file, or None when none was needed.
    """
    if keep < 1:
        raise ValueError("keep at least one backup")
    if _is_empty(archive):
        return None
    folder = archive.backups_dir
    folder.mkdir(parents=True, exist_ok=True)
    previous = list_backups(archive)
    target = folder / f"{ROTATING_PREFIX}{_timestamp()}{ROTATING_SUFFIX}"
    source = sqlite3.connect(str(archive.database_path), timeout=30)
    try:
        _copy_database(source, target)
    finally:
        source.close()
    if previous and _sha256(previous[-1]) == _sha256(target):
        target.unlink()
        return None
    for old in list_backups(archive)[:-keep]:
        old.unlink()
    return target

"""Backups of the archive: one consistent SQLite file, restore, and rotating backups on start.

A backup is made with SQLite's online backup API (a plain file copy of a WAL database can
lose data), in one step under one read transaction, so it is consistent even while another
connection writes. The search index is derived data: it is not in the backup, and after a
restore it re-indexes the articles that differ from what it holds.

A file offered for restore is untrusted: it must hold exactly the schema the reader's own
migrations make (:mod:`reader.backup_schema`), or it is refused before anything changes.
Temporary files are claimed (:mod:`reader.temporaries`), so those of a killed backup or
restore are removed by the next one; only the newest few databases set aside by restores
are kept.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.archive import Archive
from reader.backup_schema import SchemaMismatch, check_schema
from reader.file_digest import file_sha256
from reader.messages import ReaderError
from reader.paths import DATABASE_NAME
from reader.store.db import ArchiveError, open_database
from reader.store.migrations import KNOWN_MIGRATIONS
from reader.temporaries import claimed, clean_stale, remove_database_files

SQLITE_MAGIC = b"SQLite format 3\x00"
ROTATING_PREFIX = "archive-"
ROTATING_SUFFIX = ".sqlite3"
_COUNTED_TABLES = ("issues", "articles", "notes", "bookmarks", "highlights", "article_tags")
PRE_RESTORE_PREFIX = "archive-before-restore-"
# Databases set aside by restores: each is a full copy, so only the newest few are kept.
KEEP_PRE_RESTORE = 3


class BackupError(ReaderError):
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
    remove_database_files(path)


def _copy_database(source: sqlite3.Connection, destination: Path) -> None:
    """Write ``source`` to ``destination`` as one self-contained file, atomically."""
    partial = _partial(destination)
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
            raise BackupError("backup.copy_failed_check", path=str(destination), detail=result)
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
        raise BackupError("backup.no_such_file", path=str(path))
    if not _looks_like_sqlite(path):
        raise BackupError("backup.not_sqlite", path=str(path))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        # Nothing the file's schema defines may run while we look at it.
        conn.execute("PRAGMA trusted_schema=OFF")
    except sqlite3.Error as error:
        raise BackupError("backup.cannot_open", path=str(path), detail=str(error)) from None
    try:
        return _summarize(conn, path)
    except sqlite3.DatabaseError as error:
        raise BackupError("backup.unreadable", path=str(path), detail=str(error)) from None
    finally:
        conn.close()


def _summarize(conn: sqlite3.Connection, path: Path) -> BackupSummary:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        raise BackupError("backup.damaged", path=str(path), detail=problems[0])
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"_sqlite_migrations", "issues", "articles"} <= tables:
        raise BackupError("backup.not_reader", path=str(path))
    schema = tuple(
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'reader' ORDER BY rowid"
        )
    )
    if not schema:
        raise BackupError("backup.not_reader", path=str(path))
    newer = [name for name in schema if name not in KNOWN_MIGRATIONS]
    if newer:
        raise BackupError("backup.newer_schema", path=str(path), step=newer[-1])
    try:
        check_schema(conn, schema)
    except SchemaMismatch as error:
        raise BackupError("backup.foreign_schema", path=str(path), problem=error.message) from None
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
    where = str(destination)
    if destination.resolve() == database_path.resolve():
        raise BackupError("backup.is_the_archive", path=where)
    if not destination.parent.is_dir():
        raise BackupError("backup.no_folder", path=where, folder=str(destination.parent))
    if destination.exists():
        try:
            inspect_backup(destination)
        except BackupError:
            raise BackupError("backup.would_overwrite", path=where) from None
    if not database_path.is_file():
        raise BackupError("backup.no_archive", path=str(database_path))
    archive_dir = database_path.parent
    clean_stale(archive_dir)
    source = sqlite3.connect(str(database_path), timeout=30)
    try:
        with claimed(archive_dir, _partial(destination)):
            _copy_database(source, destination)
    except sqlite3.Error as error:
        raise BackupError("backup.failed", path=where, detail=str(error)) from None
    except OSError as error:
        detail = error.strerror or str(error)
        raise BackupError("backup.cannot_write", path=where, detail=detail) from None
    finally:
        source.close()
    return inspect_backup(destination)


def _partial(destination: Path) -> Path:
    """Where :func:`_copy_database` writes before the rename."""
    return destination.with_name(destination.name + ".part")


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
        raise BackupError(
            "backup.cannot_migrate", path=str(backup), problem=error.message
        ) from None
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
        raise BackupError("backup.archive_in_use", folder=str(database.parent))
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
        raise BackupError("backup.restore_itself", path=str(backup))
    summary = inspect_backup(backup)
    archive_dir.mkdir(parents=True, exist_ok=True)
    clean_stale(archive_dir)
    staging = archive_dir / f"{DATABASE_NAME}.restoring"
    try:
        with claimed(archive_dir, staging, _partial(staging)):
            _stage_backup(backup, staging)
            kept = archive_dir / f"{PRE_RESTORE_PREFIX}{_timestamp()}.sqlite3"
            previous = _set_aside(database, kept)
            os.replace(staging, database)
            _fsync_dir(archive_dir)
    except sqlite3.Error as error:
        raise BackupError("backup.restore_failed", path=str(backup), detail=str(error)) from None
    except OSError as error:
        detail = str(error)
        raise BackupError(
            "backup.restore_failed_os", folder=str(archive_dir), detail=detail
        ) from None
    finally:
        _remove_quietly(staging)
    prune_pre_restore_copies(archive_dir)
    rebuilt, problem = _rebuild_search_index(archive_dir)
    return RestoreResult(summary, previous, rebuilt, problem)


def pre_restore_copies(archive_dir: Path) -> list[Path]:
    """The databases set aside by earlier restores, oldest first."""
    return sorted(
        path for path in archive_dir.glob(f"{PRE_RESTORE_PREFIX}*.sqlite3") if path.is_file()
    )


def prune_pre_restore_copies(archive_dir: Path, keep: int = KEEP_PRE_RESTORE) -> list[Path]:
    """Remove all but the newest ``keep`` databases set aside by restores; those removed."""
    removed = pre_restore_copies(archive_dir)[:-keep]
    for path in removed:
        remove_database_files(path)
    return removed


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
    clean_stale(archive.folder)
    previous = list_backups(archive)
    target = folder / f"{ROTATING_PREFIX}{_timestamp()}{ROTATING_SUFFIX}"
    source = sqlite3.connect(str(archive.database_path), timeout=30)
    try:
        with claimed(archive.folder, _partial(target)):
            _copy_database(source, target)
    finally:
        source.close()
    if previous and file_sha256(previous[-1]) == file_sha256(target):
        target.unlink()
        return None
    for old in list_backups(archive)[:-keep]:
        old.unlink()
    return target

"""Crafted databases are refused by restore; killed backups and restores leave nothing behind
(issue 12 "hostile input", issue 18.10)."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.backup import (
    KEEP_PRE_RESTORE,
    BackupError,
    backup_database,
    pre_restore_copies,
    restore_archive,
)
from reader.cli import main
from reader.paths import DATABASE_NAME
from reader.temporaries import clean_stale
from tests.hostile.writers import PROJECT_ROOT
from tests.support.archives import add_issue
from tests.support.issues import invented_issue


@pytest.fixture
def filled_dir(archive_dir: Path) -> Path:
    with Archive(archive_dir) as archive:
        add_issue(archive, invented_issue())
    return archive_dir


@pytest.fixture
def good_backup(filled_dir: Path, tmp_path: Path) -> Path:
    path = tmp_path / "good.sqlite3"
    backup_database(filled_dir / DATABASE_NAME, path)
    return path


def _state(folder: Path) -> dict[str, str]:
    """Every file in the archive folder and its content hash."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


CRAFTED = {
    "trigger": (
        "CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM issues; END",
        "it holds a trigger wipe",
    ),
    "view": ("CREATE VIEW everything AS SELECT * FROM issues", "it holds a view everything"),
    "newer schema": (
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('reader', '9999_from_the_future', '2030-01-01')",
        "written by a newer version of reader (schema step 9999_from_the_future)",
    ),
    "unknown table": ("CREATE TABLE payload (x BLOB)", "it holds an unknown table payload"),
    "virtual table": (
        "CREATE VIRTUAL TABLE search_me USING fts5(x)",
        "it holds an unknown table search_me",
    ),
    "missing table": ("DROP TABLE bookmarks", "the table bookmarks is missing"),
    "other columns": (
        "ALTER TABLE notes ADD COLUMN extra TEXT",
        "the table notes has other columns",
    ),
    "step missing": (
        "DELETE FROM _sqlite_migrations WHERE name = '0002_annotations'",
        "its schema steps are not reader's",
    ),
}


@pytest.mark.parametrize("kind", sorted(CRAFTED))
def test_a_crafted_database_is_refused_and_the_archive_is_untouched(
    filled_dir: Path,
    good_backup: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    crafted = tmp_path / f"{kind}.sqlite3"
    shutil.copy(good_backup, crafted)
    conn = sqlite3.connect(crafted)
    conn.executescript(CRAFTED[kind][0])
    conn.close()
    before = _state(filled_dir)

    code = main(["--archive", str(filled_dir), "restore", str(crafted)])

    err = capsys.readouterr().err
    assert code == 1
    assert CRAFTED[kind][1] in err
    assert _state(filled_dir) == before


def test_a_sound_backup_still_restores(filled_dir: Path, good_backup: Path) -> None:
    restore_archive(filled_dir, good_backup)
    with Archive(filled_dir) as archive:
        assert archive.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_only_the_newest_pre_restore_copies_are_kept(filled_dir: Path, good_backup: Path) -> None:
    for _ in range(KEEP_PRE_RESTORE + 2):
        restore_archive(filled_dir, good_backup)

    copies = pre_restore_copies(filled_dir)
    assert len(copies) == KEEP_PRE_RESTORE
    assert not [p for p in filled_dir.iterdir() if p.name.endswith(("-wal", "-shm", ".part"))]


def _start_child(mode: str, archive: Path, file: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.hostile.killed_child", mode, str(archive), str(file)],
        cwd=PROJECT_ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def _kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.stdout is not None
    child.stdout.close()


@pytest.mark.skipif(sys.platform == "win32", reason="claims need flock")
def test_a_killed_backup_leaves_its_part_file_only_until_the_next_backup(
    filled_dir: Path, tmp_path: Path
) -> None:
    destination = tmp_path / "nightly.sqlite3"
    partial = tmp_path / "nightly.sqlite3.part"
    child = _start_child("backup", filled_dir, destination)
    try:
        assert partial.exists()
        assert clean_stale(filled_dir) == []  # the backup is still running: left alone
        assert partial.exists()
    finally:
        _kill(child)
    assert partial.exists() and not destination.exists()

    backup_database(filled_dir / DATABASE_NAME, tmp_path / "another.sqlite3")

    assert not partial.exists()
    assert (tmp_path / "another.sqlite3").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="claims need flock")
@pytest.mark.parametrize(
    ("mode", "leftover"),
    [
        ("restore-copy", "archive.sqlite3.restoring.part"),
        ("restore-staged", "archive.sqlite3.restoring"),
    ],
)
def test_a_killed_restore_leaves_its_staging_file_only_until_the_next_run(
    filled_dir: Path, good_backup: Path, mode: str, leftover: str
) -> None:
    child = _start_child(mode, filled_dir, good_backup)
    _kill(child)
    assert (filled_dir / leftover).exists()
    with Archive(filled_dir) as archive:  # the archive itself is as it was
        assert archive.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2

    with pytest.raises(BackupError):  # the next run cleans up even when it fails itself
        restore_archive(filled_dir, filled_dir / "no-such-backup.sqlite3")
    restore_archive(filled_dir, good_backup)

    names = {p.name for p in filled_dir.iterdir()}
    assert not [n for n in names if ".restoring" in n]

"""Two processes writing one archive at once both succeed and lose nothing (issue 18.1)."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.annotations import list_notes
from reader.archive import Archive
from reader.store import issues as store
from tests.hostile.writers import reader_command, run_together, write_bulletins
from tests.support.archives import add_issue
from tests.support.issues import invented_issue

FILES = 40
NOTES = 40


def _prepared_archive(archive_dir: Path) -> int:
    with Archive(archive_dir) as archive:
        return add_issue(archive, invented_issue())[0]


def test_an_import_and_a_loop_of_note_add_both_succeed(archive_dir: Path, tmp_path: Path) -> None:
    article_id = _prepared_archive(archive_dir)
    write_bulletins(tmp_path / "in", FILES)

    (imported, noted), _ = run_together(
        reader_command(archive_dir, "import", str(tmp_path / "in")),
        [
            sys.executable,
            "-m",
            "tests.hostile.writers",
            "notes",
            str(archive_dir),
            str(article_id),
            str(NOTES),
        ],
    )

    for run in (imported, noted):
        assert "database is locked" not in run.stdout + run.stderr
        assert "Traceback" not in run.stderr
    assert imported.returncode == 0, imported.stdout
    assert noted.returncode == 0, noted.stderr
    assert f"{FILES} imported, 0 updated, 0 already there, 0 skipped" in imported.stdout
    with Archive(archive_dir) as archive:
        assert len(store.list_issues(archive.db)) == FILES + 1
        texts = [note.text for note in list_notes(archive.db, article_id)]
    assert sorted(texts) == sorted(f"并发笔记 {n}" for n in range(NOTES))


def test_two_imports_at_once_import_every_file(archive_dir: Path, tmp_path: Path) -> None:
    _prepared_archive(archive_dir)
    write_bulletins(tmp_path / "a", FILES, first_issue=1)
    write_bulletins(tmp_path / "b", FILES, first_issue=FILES + 1)

    runs, _ = run_together(
        reader_command(archive_dir, "import", str(tmp_path / "a")),
        reader_command(archive_dir, "import", str(tmp_path / "b")),
    )

    for run in runs:
        assert "database is locked" not in run.stdout + run.stderr
        assert run.returncode == 0, run.stdout + run.stderr
    with Archive(archive_dir) as archive:
        assert len(store.list_issues(archive.db)) == 2 * FILES + 1


def test_programs_opening_a_new_archive_at_once_all_open_it(tmp_path: Path) -> None:
    for attempt in range(4):
        folder = tmp_path / f"new-{attempt}"
        opening = [
            sys.executable,
            "-c",
            f"from reader.archive import Archive; Archive({str(folder)!r})",
        ]
        runs, _ = run_together(opening, opening, opening)
        for run in runs:
            assert run.returncode == 0, run.stderr

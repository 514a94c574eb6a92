"""kill -9 during a rendition import or a trash restore leaves the archive whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.annotations import add_highlight, add_note
from reader.archive import Archive
from reader.importer import ALREADY, import_paths
from reader.store import issues as store
from tests.conftest import PROJECT_ROOT
from tests.trust.seeds import render, seed_issue, seed_texts

pytestmark = pytest.mark.corpus
ROUNDS = 3


def _kill_at_random(
    folder: Path, files: Path, mode: str, log: Path, rng: random.Random, after: int = 1
) -> list[str]:
    """Run the child until a random moment, kill it, return the lines it confirmed."""
    with open(log, "w", encoding="utf-8") as out:
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.trust.crash_child", str(folder), str(files), mode],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=PROJECT_ROOT,
            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        )
        try:
            # Kill it in the middle of its loop: after its first ``after`` confirmed changes.
            lines = after + 1  # and "ready"
            while (
                len(log.read_text(encoding="utf-8").splitlines()) < lines and child.poll() is None
            ):
                time.sleep(0.02)
            assert child.poll() is None, f"the child stopped: {log.read_text(encoding='utf-8')}"
            time.sleep(rng.uniform(0.0, 1.5))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
    return log.read_text(encoding="utf-8").splitlines()[1:]


def _prepared(archive_dir: Path, corpus_dir: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    files = tmp_path / "files"
    with Archive(archive_dir) as archive:
        import_paths(archive, seed_texts(corpus_dir, files / "txt")[:1])
        first = store.issue_articles(archive.db, 1)
        add_note(archive.db, first[0].id, "崩溃前的笔记")
        add_highlight(archive.db, first[1].id, 0, 6, note="崩溃前的高亮")
        texts = [a.text for a in first]
    issue = seed_issue(corpus_dir, "000")
    render(issue, files / "rendition.pdf")
    render(issue, files / "rendition.docx")
    return files, texts


def _whole(archive_dir: Path, texts: list[str]) -> Archive:
    archive = Archive(archive_dir)
    db = archive.db
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert [a.text for a in store.issue_articles(db, 1, deleted=True)] == texts
    assert db.execute("SELECT text FROM notes").fetchall() == [("崩溃前的笔记",)]
    assert db.execute("SELECT note FROM highlights").fetchall() == [("崩溃前的高亮",)]
    return archive


def test_kill_9_during_rendition_imports(
    archive_dir: Path, corpus_dir: Path, tmp_path: Path
) -> None:
    files, texts = _prepared(archive_dir, corpus_dir, tmp_path)
    rng = random.Random(1212)
    confirmed: list[str] = []
    for attempt in range(ROUNDS):
        confirmed += _kill_at_random(
            archive_dir, files, "renditions", tmp_path / f"{attempt}.log", rng
        )
    assert confirmed, "the child imported nothing before the kills"

    with _whole(archive_dir, texts) as archive:
        db = archive.db
        assert len(store.list_issues(db)) == 1  # never a second issue, never a new text
        kept = {
            Path(row[0]).name
            for row in db.execute(
                "SELECT path FROM source_files JOIN rendition_texts "
                "ON rendition_texts.source_file_id = source_files.id WHERE outcome = 'rendition'"
            ).fetchall()
        }
        for line in confirmed:
            status, issue_id, name = line.split(" ")
            assert (status, issue_id) == (ALREADY, "1"), line
            assert name in kept, line
        orphans = db.execute(
            "SELECT count(*) FROM source_files WHERE outcome = 'rendition' AND id NOT IN "
            "(SELECT source_file_id FROM rendition_texts)"
        ).fetchone()[0]
        assert orphans == 0


def test_kill_9_during_trash_restores(archive_dir: Path, corpus_dir: Path, tmp_path: Path) -> None:
    files, texts = _prepared(archive_dir, corpus_dir, tmp_path)
    rng = random.Random(3434)
    confirmed: list[str] = []
    for attempt in range(ROUNDS):
        log = tmp_path / f"{attempt}.log"
        # After a delete and a restore: then the kill falls anywhere in the next ones.
        confirmed += _kill_at_random(archive_dir, files, "trash", log, rng, after=2)
    assert any(line == "restored 1" for line in confirmed), "\n".join(confirmed)

    with _whole(archive_dir, texts) as archive:
        # In the trash or back, but whole either way; a restore brings everything.
        if store.get_issue(archive.db, 1) is None:
            editing_restore(archive)
        assert [a.text for a in store.issue_articles(archive.db, 1)] == texts


def editing_restore(archive: Archive) -> None:
    from reader import editing

    editing.restore_issue(archive, 1)

"""kill -9 at random moments loses nothing confirmed, and the archive opens cleanly after."""

from __future__ import annotations

import importlib
import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from reader.annotations import add_highlight
from reader.archive import Archive
from tests.conftest import PROJECT_ROOT
from tests.support.archives import add_issue
from tests.support.issues import invented_issue

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

ROUNDS = 5


def _kill_at_random(folder: Path, mode: str, log: Path, rng: random.Random) -> list[str]:
    """Run the writer child until a random moment, kill it, return the lines it confirmed."""
    with open(log, "w", encoding="utf-8") as out:
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.annotations.crash_child", str(folder), mode],
            stdout=out,
            cwd=PROJECT_ROOT,
            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        )
        try:
            while "ready" not in log.read_text(encoding="utf-8") and child.poll() is None:
                time.sleep(0.02)
            assert child.poll() is None, f"the writer stopped: {log.read_text(encoding='utf-8')}"
            time.sleep(rng.uniform(0.05, 0.6))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
    return log.read_text(encoding="utf-8").splitlines()[1:]


def _check_opens_cleanly(folder: Path) -> Archive:
    archive = Archive(folder)
    assert archive.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return archive


def _prepare(folder: Path) -> None:
    with Archive(folder) as archive:
        add_issue(archive, invented_issue())
        add_highlight(archive.db, 1, 2, 6, note="最初的高亮")


def test_annotation_writes_survive_kill_9(archive_dir: Path, tmp_path: Path) -> None:
    _prepare(archive_dir)
    rng = random.Random(20240905)
    confirmed: list[str] = []
    for attempt in range(ROUNDS):
        confirmed += _kill_at_random(archive_dir, "annotate", tmp_path / f"{attempt}.log", rng)
    assert len(confirmed) > ROUNDS  # the child did get work done before each kill

    with _check_opens_cleanly(archive_dir) as archive:
        db = archive.db
        notes = dict(db.execute("SELECT id, text FROM notes").fetchall())
        highlights = {row[0] for row in db.execute("SELECT id FROM highlights")}
        tags = set(
            db.execute(
                "SELECT article_id, name FROM article_tags JOIN tags ON tags.id = tag_id"
            ).fetchall()
        )
        last_edit: dict[int, int] = defaultdict(int)
        for line in confirmed:
            kind, *rest = line.split(" ")
            if kind == "note":
                assert int(rest[0]) in notes, line
            elif kind == "edit":
                last_edit[int(rest[0])] = int(rest[1])
            elif kind == "highlight":
                assert int(rest[0]) in highlights, line
            elif kind == "tag":
                assert (int(rest[0]), rest[1]) in tags, line
        for note_id, step in last_edit.items():
            assert notes[note_id] == f"edit {step}"  # each note is edited once
        assert db.execute("SELECT note FROM highlights WHERE id = 1").fetchone() == ("最初的高亮",)


def test_import_and_reanchor_survive_kill_9(archive_dir: Path, tmp_path: Path) -> None:
    _prepare(archive_dir)
    rng = random.Random(7)
    confirmed: list[str] = []
    for attempt in range(ROUNDS):
        confirmed += _kill_at_random(archive_dir, "import", tmp_path / f"{attempt}.log", rng)
    assert any(line.startswith("issue") for line in confirmed)

    with _check_opens_cleanly(archive_dir) as archive:
        db = archive.db
        for line in confirmed:
            kind, *rest = line.split(" ")
            if kind == "issue":
                count = db.execute(
                    "SELECT count(*) FROM articles WHERE issue_id = ?", [int(rest[0])]
                ).fetchone()[0]
                assert count == int(rest[1]), line
            elif kind == "note":
                assert db.execute("SELECT 1 FROM notes WHERE id = ?", [int(rest[0])]).fetchone()
        # The highlight made before any import is still there, re-anchored or not.
        quote, status = db.execute("SELECT quote, status FROM highlights WHERE id = 1").fetchone()
        text = db.execute("SELECT text FROM articles WHERE id = 1").fetchone()[0]
        start, end = db.execute('SELECT start, "end" FROM highlights WHERE id = 1').fetchone()
        assert status in ("anchored", "moved")
        assert text[start:end] == quote


def _has_rebuild_index() -> bool:
    try:
        return hasattr(importlib.import_module("reader.search"), "rebuild_index")
    except ImportError:
        return False


@pytest.mark.skipif(not _has_rebuild_index(), reason="reader.search.rebuild_index not built yet")
def test_notes_survive_kill_9_during_reindex(archive_dir: Path, tmp_path: Path) -> None:
    _prepare(archive_dir)
    rng = random.Random(99)
    confirmed: list[str] = []
    for attempt in range(3):
        confirmed += _kill_at_random(archive_dir, "reindex", tmp_path / f"{attempt}.log", rng)
    with _check_opens_cleanly(archive_dir) as archive:
        for line in confirmed:
            kind, *rest = line.split(" ")
            if kind == "note":
                assert archive.db.execute(
                    "SELECT 1 FROM notes WHERE id = ?", [int(rest[0])]
                ).fetchone(), line

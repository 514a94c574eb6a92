"""The search index after a restored backup: how long it takes to follow, and how much.

For each size: an archive of that many synthetic articles is stored and indexed, backed
up, then 1% of its articles are corrected and an issue is added (the index told). The
backup is restored (``restore_archive``, which re-indexes what differs) and timed, with
the number of articles the index re-read. A full rebuild of the same archive, measured
in the same run, is the baseline: the machine's load shows in both alike.

``python -m tests.bench.run --only restore`` runs this part alone.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import reader.search
from reader.archive import Archive
from reader.backup import backup_archive, restore_archive
from reader.search import rebuild_index, sync_index
from reader.store.issues import insert_issue
from tests.support.issues import random_issues


@contextmanager
def _counting_reindex() -> Iterator[list[tuple[int, int]]]:
    """Record the progress of the re-index a restore runs (it looks ``ensure_index`` up
    by name each time)."""
    calls: list[tuple[int, int]] = []
    real: Callable[..., Any] = reader.search.ensure_index

    def counted(archive: Archive, progress: Any = None) -> bool:
        return bool(real(archive, lambda done, total: calls.append((done, total))))

    reader.search.ensure_index = counted  # type: ignore[assignment]
    try:
        yield calls
    finally:
        reader.search.ensure_index = real  # type: ignore[assignment]


def _stored(folder: Path, size: int) -> float:
    """Store ``size`` articles and build their index; the seconds the build took."""
    with Archive(folder) as archive:
        with archive.db.atomic():
            for issue in random_issues(size):
                insert_issue(archive.db, issue, None)
        started = time.monotonic()
        rebuild_index(archive)
        return time.monotonic() - started


def _behind(folder: Path, backup: Path, size: int) -> int:
    """Back up, then correct 1% of the articles and add an issue; how many differ."""
    with Archive(folder) as archive:
        backup_archive(archive, backup)
        db = archive.db
        changed = [r[0] for r in db.execute("SELECT id FROM articles LIMIT ?", [size // 100 + 1])]
        with db.atomic():
            for article_id in changed:
                db.execute(
                    "UPDATE articles SET text = text || '（更正）', content_hash = ? WHERE id = ?",
                    [f"corrected-{article_id}", article_id],
                )
            issue_id = insert_issue(db, random_issues(7, seed=99)[0], None)
        added = [r[0] for r in db.execute("SELECT id FROM articles WHERE issue_id = ?", [issue_id])]
        sync_index(archive, [*changed, *added])
    return len(changed) + len(added)


def _measure(size: int, work: Path) -> list[str]:
    folder = work / "archive"
    rebuilt = _stored(folder, size)
    behind = _behind(folder, work / "before.sqlite3", size)
    with _counting_reindex() as calls:
        started = time.monotonic()
        result = restore_archive(folder, work / "before.sqlite3")
        took = time.monotonic() - started
    reindexed = calls[-1][1] if calls else 0
    state = "index followed" if result.index_rebuilt else f"INDEX FAILED: {result.index_problem}"
    return [
        f"{size:>7} articles: restore of a backup {behind} articles behind took {took:.1f} s, "
        f"{reindexed} articles re-indexed ({state}); a full rebuild takes {rebuilt:.1f} s"
    ]


def run(args: argparse.Namespace) -> list[str]:
    lines: list[str] = []
    for size in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"bench-restore-{size}-"))
        try:
            measured = _measure(size, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        for line in measured:  # at once: a later, larger size may take long
            print(line, file=sys.stderr, flush=True)
        lines += measured
    return lines

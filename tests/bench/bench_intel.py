"""Intelligence work: topic check, region tagging, keywords and reprint linking per article.

For each size: invented issues are stored, indexed and derived the way an import derives
them (per article: regions and MinHash bands with reprint links for every article, keywords
for one article in twenty, each timed apart, in wall and CPU time). Then 50 topics are
checked (target < 200 ms at 10,000 articles): the first check in a process (what one
``reader topic check`` costs: every topic matched in full), a check after one more issue
is imported (what the window does after an import: the topics' remembered hits are brought
up to date from the new articles), and one with nothing changed (after an opened article).
Reprint linking's target is < 5 ms per imported article. Last, what a page of results
costs to relate (同文, reprints, 已编入) beside its search.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from reader.archive import Archive
from reader.derived import articles_to_derive
from reader.editing import sync_search
from reader.hit_families import families
from reader.keywords import extract_keywords, store_keywords
from reader.regions import article_regions, store_regions
from reader.reprints import link_article
from reader.search import rebuild_index, search
from reader.store.issues import insert_issue
from reader.topics import add_topic, check_topics, mark_seen
from tests.support.issues import Writer, random_issues

TOPICS = 50
KEYWORD_SAMPLE = 20  # keywords for one article in this many (32 ms each: all would take minutes)

_Times = dict[str, list[tuple[float, float]]]  # name → (wall, cpu) seconds per article

PAGE = 25  # hits in the window's first page of results


def _timed(times: _Times, name: str, work: Callable[..., object], *args: object) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    work(*args)
    times.setdefault(name, []).append((time.perf_counter() - wall, time.process_time() - cpu))


def _tag_regions(db: Database, article_id: int, title: str, text: str) -> None:
    store_regions(db, article_id, article_regions(title, text))


def _pick_keywords(db: Database, article_id: int, title: str, text: str) -> None:
    store_keywords(db, article_id, extract_keywords(title, text))


def _derive(archive: Archive, ids: list[int]) -> _Times:
    times: _Times = {}
    db = archive.db
    for position, article_id in enumerate(ids):
        title, text, content_hash = db.execute(
            "SELECT title, text, content_hash FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        with db.atomic():
            db.execute(
                "INSERT OR REPLACE INTO article_derived (article_id, content_hash) VALUES (?, ?)",
                [article_id, content_hash],
            )
            _timed(times, "regions", _tag_regions, db, article_id, title, text)
            if position % KEYWORD_SAMPLE == 0:
                _timed(times, "keywords", _pick_keywords, db, article_id, title, text)
            _timed(times, "reprints", link_article, db, article_id, f"{title}\n{text}")
    return times


def _ms(values: list[tuple[float, float]]) -> str:
    walls = sorted(wall for wall, _cpu in values)
    cpus = [cpu for _wall, cpu in values]
    p95 = walls[int(len(walls) * 0.95)] if walls else 0.0
    return (
        f"median {statistics.median(walls) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms "
        f"(CPU median {statistics.median(cpus) * 1000:.2f} ms)"
    )


def _check(folder: Path, archive: Archive | None = None) -> tuple[float, float, int, int]:
    """One check of every topic: (wall, CPU seconds, hits, new hits)."""
    wall, cpu = time.perf_counter(), time.process_time()
    if archive is None:
        with Archive(folder) as fresh:
            statuses = check_topics(fresh)
    else:
        statuses = check_topics(archive)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu, sum(s.total for s in statuses), sum(len(s.new) for s in statuses)


def _line(size: int, what: str, figures: tuple[float, float, int, int]) -> str:
    wall, cpu, hits, new = figures
    verdict = "meets" if wall < 0.2 else "misses"
    return (
        f"{size} articles: topic check of {TOPICS} topics, {what}: {wall * 1000:.0f} ms "
        f"(CPU {cpu * 1000:.0f} ms; {hits} hits, {new} new; {verdict} the 200 ms target)"
    )


def _families_per_page(archive: Archive, words: list[str]) -> str:
    """What the window adds to each page of results (同文, reprints, 已编入), against the
    search of that page measured in the same run."""
    searched, related = [], []
    for word in words:
        started = time.perf_counter()
        hits = search(archive, word, limit=PAGE).hits
        searched.append(time.perf_counter() - started)
        started = time.perf_counter()
        families(archive.db, [hit.article_id for hit in hits])
        related.append(time.perf_counter() - started)
    return (
        f"result families per page of {PAGE} {_ms_wall(related)} "
        f"(the search itself {_ms_wall(searched)})"
    )


def _ms_wall(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[int(len(ordered) * 0.95)] if ordered else 0.0
    return f"median {statistics.median(values) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


def run(args: argparse.Namespace) -> list[str]:
    lines = [f"intel: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"]
    for size in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"bench-intel-{size}-"))
        try:
            issues = random_issues(size + 7)
            with Archive(folder) as archive:
                for issue in issues[:-1]:
                    insert_issue(archive.db, issue, None)
                rebuild_index(archive)
                times = _derive(archive, articles_to_derive(archive, []))
                words = Writer(7)._words(TOPICS)
                for number, word in enumerate(words):
                    add_topic(archive.db, f"专题{number}", word)
            cold = _check(folder)  # the first check in a process: all hits new
            with Archive(folder) as archive:
                for status in check_topics(archive):
                    mark_seen(archive, status.topic.name)
                cold_seen = _check(folder)
                issue_id = insert_issue(archive.db, issues[-1], None)
                new_ids = [
                    row[0]
                    for row in archive.db.execute(
                        "SELECT id FROM articles WHERE issue_id = ?", [issue_id]
                    )
                ]
                sync_search(archive, new_ids)
                after_import = _check(folder, archive)
                unchanged = _check(folder, archive)
            lines += [
                _line(size, "first in a process, all new", cold),
                _line(size, "first in a process, all seen", cold_seen),
                _line(size, "after importing one issue", after_import),
                _line(size, "nothing changed", unchanged),
            ]
            for name, values in times.items():
                lines.append(f"{size} articles: {name} per article {_ms(values)}")
            with Archive(folder) as archive:
                lines.append(f"{size} articles: {_families_per_page(archive, words)}")
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
    return lines

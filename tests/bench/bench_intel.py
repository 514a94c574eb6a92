"""Intelligence work: topic check, region tagging, keywords and reprint linking per article.

For each size: invented issues are stored, indexed and derived the way an import derives
them (per article: regions, keywords, MinHash bands and reprint links, timed apart). Then
50 topics are checked (targets: topic check < 200 ms at 10,000 articles; reprint linking
< 5 ms per imported article), and what a page of results costs to relate (同文, reprints,
已编入) beside its search.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from reader.archive import Archive
from reader.derived import articles_to_derive
from reader.hit_families import families
from reader.keywords import extract_keywords, store_keywords
from reader.regions import article_regions, store_regions
from reader.reprints import link_article
from reader.search import rebuild_index, search
from reader.store.issues import insert_issue
from reader.topics import add_topic, check_topics, mark_seen
from tests.bench.generate import Writer, make_issues

TOPICS = 50
PAGE = 25  # hits in the window's first page of results


def _derive(archive: Archive, ids: list[int]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"regions": [], "keywords": [], "reprints": []}
    db = archive.db
    for article_id in ids:
        title, text, content_hash = db.execute(
            "SELECT title, text, content_hash FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        with db.atomic():
            db.execute(
                "INSERT OR REPLACE INTO article_derived (article_id, content_hash) VALUES (?, ?)",
                [article_id, content_hash],
            )
            started = time.perf_counter()
            store_regions(db, article_id, article_regions(title, text))
            times["regions"].append(time.perf_counter() - started)
            started = time.perf_counter()
            store_keywords(db, article_id, extract_keywords(title, text))
            times["keywords"].append(time.perf_counter() - started)
            started = time.perf_counter()
            link_article(db, article_id, f"{title}\n{text}")
            times["reprints"].append(time.perf_counter() - started)
    return times


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
    return f"result families per page of {PAGE} {_ms(related)} (the search itself {_ms(searched)})"


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[int(len(ordered) * 0.95)] if ordered else 0.0
    return f"median {statistics.median(values) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


def run(args: argparse.Namespace) -> list[str]:
    lines = []
    for size in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"bench-intel-{size}-"))
        try:
            with Archive(folder) as archive:
                for issue in make_issues(size):
                    insert_issue(archive.db, issue, None)
                rebuild_index(archive)
                times = _derive(archive, articles_to_derive(archive, []))
                words = Writer(7)._words(TOPICS)
                for number, word in enumerate(words):
                    add_topic(archive.db, f"专题{number}", word)
                check_topics(archive)  # warm: the index opened once
                started = time.perf_counter()
                statuses = check_topics(archive)
                all_new = time.perf_counter() - started
                hits = sum(s.total for s in statuses)
                for status in statuses:
                    mark_seen(archive, status.topic.name)
                started = time.perf_counter()
                check_topics(archive)
                none_new = time.perf_counter() - started
            lines.append(
                f"{size} articles: topic check of {TOPICS} topics {none_new * 1000:.0f} ms "
                f"with nothing new, {all_new * 1000:.0f} ms with all {hits} hits new"
            )
            for name, values in times.items():
                lines.append(f"{size} articles: {name} per article {_ms(values)}")
            with Archive(folder) as archive:
                lines.append(f"{size} articles: {_families_per_page(archive, words)}")
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
    return lines

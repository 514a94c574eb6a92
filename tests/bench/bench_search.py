"""Search: import+index throughput, index size, query latency, memory; beside a plain scan.

For each size: synthetic bulletins are written as text files and imported with the real
importer (which updates the index), the index is rebuilt in-process and with the worker
pool (the one the app would choose for that size last, so that its size is measured), then
a fixed query mix runs against the index and against a plain substring scan of the same
folded texts held in memory. Totals of the unfiltered queries are compared with
the scan's counts: any difference is printed as an error and fails the benchmark.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from reader.archive import Archive
from reader.search import analysis, parse_query, rebuild_index, search
from reader.search.folding import fold
from reader.search.pipeline import auto_processes
from reader.search.query import Query
from tests.bench.generate import text_bytes, write_bulletins
from tests.support.issues import random_issues

REPEATS = 5
# Not in the mix: in every article, so the whole archive is ranked (reported on its own).
STRESS = ["的", "的 是"]
QUERIES = [
    # two-character words
    "科技",
    "发展",
    "企业",
    "国家",
    "中国",
    # strings that cut across words, and a single character
    "京市",
    "务院",
    "技创",
    "业发展",
    "镉",
    # AND / exclusion / OR
    "科技 发展",
    "企业 国家 -中国",
    "社会 经济 发展",
    "乳业 OR 奶业",
    # filtered
    "year:2012 发展",
    "title:国家",
    "科技 year:2010-2011",
    "issue:2011-3 企业",
]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _peak_mb() -> tuple[float, float]:
    """Peak memory of this process (since :func:`_forget_peak`) and of its largest worker."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:  # the high-water mark since it was last cleared (Linux)
        status = Path("/proc/self/status").read_text()
        own = (
            next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
            / 1024
        )
    except (OSError, StopIteration, ValueError):
        pass
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _forget_peak() -> None:
    """Start this process's memory high-water mark again from what it holds now (Linux), so
    the generated bulletins, written out and let go, are not counted as the reader's."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # hand the freed memory back first (glibc)
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _scan_count(query: Query, docs: list[tuple[str, str]]) -> int:
    count = 0
    for title, body in docs:

        def has(folded: str, field: str | None, title: str = title, body: str = body) -> bool:
            if field == "title":
                return folded in title
            return folded in title or folded in body

        if all(any(has(t.folded, t.field) for t in group) for group in query.required) and not any(
            has(t.folded, t.field) for t in query.excluded
        ):
            count += 1
    return count


def _gram_parts(archive: Archive) -> str:
    """MB of each table of the gram file (SQLite's dbstat), or why it cannot say."""
    conn = sqlite3.connect(str(archive.search_dir / "grams.sqlite3"))
    try:
        sizes = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    except sqlite3.Error as error:
        return f"no table sizes ({error})"
    finally:
        conn.close()
    big = sorted((size for size in sizes if size[1] > 1e5), key=lambda size: -size[1])
    return ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in big)


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _jieba_rate(archive: Archive, sample_mb: float = 2.0) -> float:
    """jieba's own cutting rate (MB/s, one core) on the archive's first articles."""
    tokenizer = analysis.shared_tokenizer()
    texts: list[str] = []
    size = 0
    for title, text in archive.db.execute("SELECT title, text FROM articles ORDER BY id"):
        texts += [fold(title), fold(text)]
        size += len(title.encode()) + len(text.encode())
        if size > sample_mb * 1e6:
            break
    started = time.monotonic()
    for text in texts:
        analysis.word_list(tokenizer, text)
    return size / 1e6 / (time.monotonic() - started)


class _DiskWatch:
    """The peak size of what a rebuild writes beside the live index (its own folder)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.wait(0.2):
            extra = sum(_folder_mb(p) for p in self.folder.glob("search.*") if p.is_dir()) + sum(
                _folder_mb(p) for p in self.folder.glob("search/words/*.tmp")
            )
            self.peak_mb = max(self.peak_mb, extra)

    def __enter__(self) -> _DiskWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _measure(size: int, work: Path) -> list[str]:
    lines: list[str] = []
    issues = random_issues(size)
    megabytes = text_bytes(issues) / 1e6
    sources = work / "sources"
    write_bulletins(issues, sources)
    del issues
    _forget_peak()
    archive = Archive(work / "archive")
    try:
        from reader.importer import import_paths

        started = time.monotonic()
        import_paths(archive, [sources])
        imported = time.monotonic() - started
        count = archive.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        lines.append(
            f"{size:>7} articles, {megabytes:.1f} MB text: import+index {imported:.1f} s = "
            f"{megabytes / imported:.2f} MB/s ({count} articles stored)"
        )
        lines.append(f"{'':>7} jieba alone cuts {_jieba_rate(archive):.2f} MB/s on one core")
        # The index measured below is the last one built: as the app builds it for this
        # many articles (in-process below the worker threshold, on two workers above).
        in_process_last = auto_processes(count, None) == 0
        for processes in (2, 0) if in_process_last else (0, 2):
            with _DiskWatch(work / "archive") as disk:
                started = time.monotonic()
                rebuild_index(archive, processes=processes)
                took = time.monotonic() - started
            label = "in-process" if processes == 0 else f"{processes} workers"
            lines.append(
                f"{'':>7} rebuild {label:<10} {took:6.1f} s = {megabytes / took:.2f} MB/s, "
                f"temporary disk peak {disk.peak_mb:.1f} MB"
            )
        words_mb = _folder_mb(archive.search_dir / "words")
        index_mb = _folder_mb(archive.search_dir)
        lines.append(
            f"{'':>7} index size {index_mb:.1f} MB = {index_mb / megabytes:.2f}× the text "
            f"(Whoosh words {words_mb:.1f} MB, the rest the gram file: {_gram_parts(archive)})"
        )

        own, children = _peak_mb()  # before the scan's texts are loaded: the reader's own
        lines.append(
            f"{'':>7} peak memory, import and rebuilds: {own:.0f} MB the reader's process, "
            f"{children:.0f} MB a worker"
        )
        started = time.monotonic()
        docs = [
            (fold(title), fold(text))
            for title, text in archive.db.execute("SELECT title, text FROM articles")
        ]
        loading = time.monotonic() - started
        indexed: list[float] = []
        scanned: list[float] = []
        mismatches: list[str] = []
        for query_text in QUERIES:
            query = parse_query(query_text)
            total = -1
            for _ in range(REPEATS):
                started = time.monotonic()
                total = search(archive, query_text).total
                indexed.append((time.monotonic() - started) * 1000)
            for _ in range(REPEATS):
                started = time.monotonic()
                expected = _scan_count(query, docs)
                scanned.append((time.monotonic() - started) * 1000)
            if not query.filters and total != expected:
                mismatches.append(f"ERROR {query_text!r}: index {total}, scan {expected}")
        lines.append(
            f"{'':>7} query latency index: p50 {_percentile(indexed, 0.5):.1f} ms, "
            f"p95 {_percentile(indexed, 0.95):.1f} ms, max {max(indexed):.1f} ms"
        )
        lines.append(
            f"{'':>7} query latency scan : p50 {_percentile(scanned, 0.5):.1f} ms, "
            f"p95 {_percentile(scanned, 0.95):.1f} ms (texts held in memory, loaded in "
            f"{loading:.1f} s; no ranking, no filters, no snippets)"
        )
        for query_text in STRESS:
            timings = []
            for _ in range(REPEATS):
                started = time.monotonic()
                total = search(archive, query_text).total
                timings.append((time.monotonic() - started) * 1000)
            lines.append(
                f"{'':>7} stress {query_text!r}: {total} hits, median "
                f"{statistics.median(timings):.1f} ms"
            )
        worst = sorted(
            zip(
                QUERIES,
                [
                    statistics.mean(indexed[i * REPEATS : (i + 1) * REPEATS])
                    for i in range(len(QUERIES))
                ],
                strict=True,
            ),
            key=lambda pair: -pair[1],
        )[:3]
        lines.append(f"{'':>7} slowest: " + ", ".join(f"{q!r} {ms:.1f} ms" for q, ms in worst))
        if mismatches:  # recall is not exact: the figures above mean nothing
            for line in [*lines, *mismatches]:
                print(line, file=sys.stderr, flush=True)
            raise AssertionError("; ".join(mismatches))
    finally:
        archive.close()
    own, children = _peak_mb()
    lines.append(
        f"{'':>7} peak memory so far: {own:.0f} MB this process, {children:.0f} MB a worker"
    )
    return lines


def run(args: argparse.Namespace) -> list[str]:
    lines: list[str] = []
    for size in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"bench-search-{size}-"))
        try:
            measured = _measure(size, work)
        finally:
            if getattr(args, "keep", False):
                print(f"kept {work}", file=sys.stderr)
            else:
                shutil.rmtree(work, ignore_errors=True)
        for line in measured:
            print(line, file=sys.stderr, flush=True)
        lines += measured
    return lines

"""Turning store records into index rows, in-process or in a pool of worker processes.

jieba's segmentation is a large part of a rebuild's time, so a rebuild of many articles
cuts words and makes gram strings in two spawned workers while the main process writes
the gram table and feeds the Whoosh writer.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult

import jieba

from reader.search import analysis

BATCH = 200
POOL_THRESHOLD = 2000  # below this many articles a worker pool costs more than it saves

# (article id, issue id, folded title, folded body, title grams, body grams, title words,
#  body words)
Row = tuple[int, int, str, str, str, str, list[str], list[str]]
Record = tuple[int, int, str, str]  # (article id, issue id, title, text)


def auto_processes(count: int, requested: int | None) -> int:
    if requested is not None:
        return max(0, requested)
    if count < POOL_THRESHOLD or (os.cpu_count() or 1) < 2:
        return 0
    return 2


def _batches(records: Iterable[Record]) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def analyze_batch(records: list[Record], tokenizer: jieba.Tokenizer | None = None) -> list[Row]:
    """Index rows for ``(id, issue id, title, text)`` records (in a worker or in-process)."""
    tokenizer = tokenizer or analysis.shared_tokenizer()
    rows: list[Row] = []
    for article_id, issue_id, title, text in records:
        doc = analysis.analyze(tokenizer, article_id, title, text)
        rows.append(
            (
                article_id,
                issue_id,
                doc.title,
                doc.body,
                analysis.gram_tokens(doc.title),
                analysis.gram_tokens(doc.body),
                doc.title_words,
                doc.body_words,
            )
        )
    return rows


def analyzed(records: Iterable[Record], processes: int) -> Iterator[list[Row]]:
    if processes <= 0:
        tokenizer = analysis.shared_tokenizer()
        for batch in _batches(records):
            yield analyze_batch(batch, tokenizer)
        return
    yield from _analyzed_in_pool(records, processes)


def _analyzed_in_pool(records: Iterable[Record], processes: int) -> Iterator[list[Row]]:
    import multiprocessing

    # spawn, not fork: the GUI process has threads, and forking those is unsafe.
    context = multiprocessing.get_context("spawn")
    in_flight: deque[AsyncResult[list[Row]]] = deque()
    with context.Pool(processes, initializer=_init_worker) as pool:
        for batch in _batches(records):
            in_flight.append(pool.apply_async(analyze_batch, (batch,)))
            if len(in_flight) >= 2 * processes + 1:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()


def _init_worker() -> None:
    analysis.shared_tokenizer()

"""Turning store records into index rows: folded texts, gram strings and jieba words.

In-process for small updates; a large import or a rebuild runs the same
:func:`analyze_batch` in worker processes (see :mod:`reader.search.segments`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

import jieba

from reader.search import analysis, whoosh_private

BATCH = 200
POOL_THRESHOLD = 2000  # below this many articles, starting worker processes costs more

# (article id, issue id, folded title, folded body, title grams, body grams, title words,
#  body words)
Row = tuple[int, int, str, str, str, str, list[str], list[str]]
Record = tuple[int, int, str, str]  # (article id, issue id, title, text)


def auto_processes(count: int, requested: int | None) -> int:
    if not whoosh_private.available():
        return 0  # worker segments need Whoosh's internals
    if requested is not None:
        return max(0, requested)
    if count < POOL_THRESHOLD or (os.cpu_count() or 1) < 2:
        return 0
    return 2


def batches(records: Iterable[Record]) -> Iterator[list[Record]]:
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


def analyzed(records: Iterable[Record]) -> Iterator[list[Row]]:
    """Index rows for ``records``, a batch at a time, in this process."""
    tokenizer = analysis.shared_tokenizer()
    for batch in batches(records):
        yield analyze_batch(batch, tokenizer)

"""Turning store records into index rows: folded texts, gram strings and jieba words.

In-process for small updates; a large import or a rebuild runs the same
:func:`analyze_batch` in worker processes (see :mod:`reader.search.segments`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from reader.search import analysis, whoosh_private
from reader.search.grams import GramRow
from reader.search.words import WordRow
from reader.worker_processes import worker_count

BATCH = 200
POOL_THRESHOLD = 2000  # below this many articles, starting worker processes costs more


class Record(NamedTuple):
    """An article as the store gives it to the index."""

    article_id: int
    issue_id: int
    title: str
    text: str


class IndexRow(NamedTuple):
    """An article as both parts of the index take it."""

    grams: GramRow
    words: WordRow


def auto_processes(count: int, requested: int | None) -> int:
    if not whoosh_private.available():
        return 0  # worker segments need Whoosh's internals
    return worker_count(count, requested, POOL_THRESHOLD)


def batches(records: Iterable[Record]) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def analyze_batch(
    records: list[Record], tokenizer: analysis.Segmenter | None = None
) -> list[IndexRow]:
    """Index rows for store records (in a worker or in-process)."""
    tokenizer = tokenizer or analysis.shared_tokenizer()
    rows: list[IndexRow] = []
    for record in records:
        doc = analysis.analyze(tokenizer, record.article_id, record.title, record.text)
        rows.append(
            IndexRow(
                GramRow(
                    record.article_id,
                    record.issue_id,
                    doc.title,
                    doc.body,
                    analysis.gram_tokens(doc.title, doc.body),
                ),
                WordRow(record.article_id, doc.title_words, doc.body_words),
            )
        )
    return rows


def analyzed(records: Iterable[Record]) -> Iterator[list[IndexRow]]:
    """Index rows for ``records``, a batch at a time, in this process."""
    tokenizer = analysis.shared_tokenizer()
    for batch in batches(records):
        yield analyze_batch(batch, tokenizer)

"""Scoring the exact matches by their jieba words, read from the Whoosh word index in bulk.

The score of an article is BM25 without length normalisation (bulletin articles are of a
like length): the sum over the query's words of ``boost × idf × tf·(k1+1) / (tf+k1)``, where
the boost weights titles above bodies. Whoosh's own scorer walks its matcher tree a posting
at a time, several microseconds each; here each posting block (up to 128 postings) is read
whole and only the candidate articles are scored, a fraction of a microsecond a posting.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from whoosh.reading import IndexReader, TermNotFound
from whoosh.searching import Searcher

from reader.search import whoosh_private, words

K1 = 1.2


def words_starting_with(reader: IndexReader, field: str, prefix: str, limit: int) -> list[str]:
    """Up to ``limit`` indexed words longer than ``prefix`` that start with it, the most
    frequent first (of the first twice ``limit`` in the index's order)."""
    found = itertools.islice(reader.expand_prefix(field, prefix), 2 * limit)
    longer = [word for word in (raw.decode("utf-8") for raw in found) if word != prefix]
    longer.sort(key=lambda word: -reader.doc_frequency(field, word))
    return longer[:limit]


def word_scores(
    searcher: Searcher, weighted: dict[tuple[str, str], float], candidates: Collection[int]
) -> dict[int, float]:
    """Article id → score, for the candidates that hold any of the ``(field, word)`` pairs
    (each with its boost)."""
    reader = searcher.reader()
    total = max(1, reader.doc_count())
    scores: dict[int, float] = {}
    get = scores.get
    for (field, word), boost in weighted.items():
        frequency = reader.doc_frequency(field, word)
        if not frequency:
            continue
        idf = math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))
        factor = boost * idf * (K1 + 1)
        for leaf, _offset in reader.leaf_readers():
            article_ids = words.segment_article_ids(leaf)
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else frozenset()
            for docnums, counts in _posting_blocks(leaf, field, word):
                for docnum, count in zip(docnums, counts, strict=True):
                    article_id = article_ids[docnum]
                    if article_id in candidates and docnum not in deleted:
                        scores[article_id] = get(article_id, 0.0) + factor * count / (count + K1)
    return scores


def _posting_blocks(
    leaf: IndexReader, field: str, word: str
) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    """The (docnums, frequencies) of a word's postings in one segment, a block at a time."""
    try:
        matcher: Any = leaf.postings(field, word)
    except TermNotFound:
        return
    raw = getattr(matcher, "child", matcher)  # deletions are checked by the caller
    yield from whoosh_private.posting_blocks(raw)

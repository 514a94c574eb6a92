"""Scoring the exact matches by their jieba words, read from the Whoosh word index in bulk.

The score of an article is BM25 without length normalisation (bulletin articles are of a
like length): the sum over the query's words of ``boost × idf × tf·(k1+1) / (tf+k1)``, where
the boost weights titles above bodies. Whoosh's own scorer walks its matcher tree a posting
at a time, several microseconds each; here each posting block (up to
:data:`~reader.search.words.BLOCK_POSTINGS` postings) is read whole and only the candidate
articles are scored, a fraction of a microsecond a posting.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection
from typing import Any

from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from reader.search import whoosh_private, words

K1 = 1.2


# (field, word) → segment number → the word's term info there, for the words whose term
# infos were read on the way (each look-up in a term table costs tens of microseconds).
KnownTerms = dict[tuple[str, str], dict[int, Any]]


def words_starting_with(
    reader: IndexReader, field: str, prefix: str, limit: int
) -> list[tuple[str, dict[int, Any]]]:
    """Up to ``limit`` indexed words longer than ``prefix`` that start with it, each with
    its term infos by segment, the most frequent first (of the first twice ``limit`` in the
    index's order). Read from each segment's term table in one pass."""
    found: dict[bytes, dict[int, Any]] = {}
    for number, (leaf, _offset) in enumerate(reader.leaf_readers()):
        for raw, info in _segment_words_with_prefix(leaf, field, prefix, 2 * limit):
            found.setdefault(raw, {})[number] = info
    # A segment's first words are all among the first of the whole index, so these are;
    # and a word among those that a segment's first words lack is not in that segment.
    first = sorted(found)[: 2 * limit]
    longer = [(word, found[raw]) for raw in first if (word := raw.decode("utf-8")) != prefix]
    longer.sort(key=lambda pair: -_doc_frequency(pair[1]))
    return longer[:limit]


def word_infos(reader: IndexReader, field: str, word: str) -> dict[int, Any]:
    """A word's term infos by segment (none where a segment lacks it)."""
    raw = word.encode("utf-8")
    return {
        number: info
        for number, (leaf, _offset) in enumerate(reader.leaf_readers())
        for found, info in _segment_words_with_prefix(leaf, field, word, 1)
        if found == raw
    }


def _segment_words_with_prefix(
    leaf: IndexReader, field: str, prefix: str, limit: int
) -> list[tuple[bytes, Any]]:
    mapped = whoosh_private.words_with_prefix(leaf, field, prefix.encode("utf-8"), limit)
    if mapped is not None:
        return mapped
    return list(itertools.islice(leaf.iter_prefix(field, prefix), limit))


def _doc_frequency(infos: dict[int, Any]) -> int:
    return sum(info.doc_frequency() for info in infos.values())


def word_scores(
    searcher: Searcher,
    weighted: dict[tuple[str, str], float],
    candidates: Collection[int],
    known: KnownTerms,
) -> dict[int, float]:
    """Article id → score, for the candidates that hold any of the ``(field, word)`` pairs
    (each with its boost); ``known`` holds each pair's term infos by segment."""
    reader = searcher.reader()
    total = max(1, reader.doc_count())
    leaves = [(leaf, *_candidate_docnums(leaf, candidates)) for leaf, _ in reader.leaf_readers()]
    scores: dict[int, float] = {}
    get = scores.get
    for (field, word), boost in weighted.items():
        infos = known[(field, word)]
        frequency = _doc_frequency(infos)
        if not frequency:
            continue
        idf = math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))
        factor = boost * idf * (K1 + 1)
        for number, (leaf, article_ids, wanted) in enumerate(leaves):
            if not wanted or number not in infos:
                continue
            matcher = whoosh_private.matcher_for(leaf, field, word, infos[number])
            for docnums, counts in whoosh_private.posting_blocks(matcher):
                # Sets pick a block's candidates in C; most postings of a common word are
                # of articles the query does not match.
                hit = wanted.intersection(docnums)
                if not hit:
                    continue
                count_of = dict(zip(docnums, counts, strict=True))
                for docnum in hit:
                    article_id, count = article_ids[docnum], count_of[docnum]
                    scores[article_id] = get(article_id, 0.0) + factor * count / (count + K1)
    return scores


def _candidate_docnums(
    leaf: IndexReader, candidates: Collection[int]
) -> tuple[list[int], set[int]]:
    """A segment's docnum → article id list, and the docnums of candidates not deleted."""
    article_ids = words.segment_article_ids(leaf)
    deleted = leaf.deleted_docs_set if leaf.has_deletions() else frozenset()
    if len(candidates) < len(article_ids):  # look the fewer up: a query's few matches
        docnum_of = words.segment_docnums(leaf)
        wanted = {docnum_of[article_id] for article_id in candidates if article_id in docnum_of}
        wanted.difference_update(deleted)
    else:
        wanted = {
            docnum
            for docnum, article_id in enumerate(article_ids)
            if article_id in candidates and docnum not in deleted
        }
    return article_ids, wanted

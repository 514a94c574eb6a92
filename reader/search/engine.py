"""Running a query: exact matches from the gram table, ranked by jieba words, filtered live.

Which articles match is decided by :mod:`reader.search.matching` (gram candidates, the
folded text where a term is longer than a bigram), so every hit contains what was typed and
no article that contains it is missed; the total counts the same exact expression.

Ranking reads the query's jieba words from the Whoosh word index (:mod:`reader.search.ranking`):
BM25 with words in titles counting four times those in bodies; longer words that start with
the term count half (科技厅 and 科技型 for 科技, which jieba keeps whole); a title holding
the exact term adds a bonus. Equal scores put newer issues first. Only the page shown is
sorted.

Searching only reads: an index it cannot use raises
:class:`~reader.search.index.IndexUnusable`, and the writer's maintenance path
(:func:`~reader.search.index.ensure_index`) rebuilds it; a search never rebuilds on the
thread that asked.
"""

from __future__ import annotations

import gc
import heapq
import sqlite3
from collections.abc import Callable
from typing import NamedTuple, TypeVar

from whoosh.reading import IndexReader

from reader.archive import Archive
from reader.search import analysis, grams, ranking, words
from reader.search import index as search_index
from reader.search.folding import fold
from reader.search.index import IndexUnusable
from reader.search.matching import (
    FilterSql,
    GramQuery,
    Printed,
    article_matches,
    build_filter_sql,
    gram_query,
    issue_order,
    title_matches,
)
from reader.search.notes import note_hits
from reader.search.query import Query, parse_query
from reader.search.results import Hit, SearchResult
from reader.search.spans import make_snippet, term_spans
from reader.store.issues import get_articles, index_hash
from reader.store.records import ArticleRecord

TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
TITLE_MATCH_BONUS = 4.0  # a title holding the exact term, whether or not jieba cut it so
LONGER_WORD_FACTOR = 0.5  # 科技厅 for 科技: about the term, but less squarely
MAX_LONGER_WORDS = 16  # per term and field, so a short term does not read half the index

__all__ = ["FilterSql", "build_filter_sql", "matching_article_ids", "search"]

_T = TypeVar("_T")
_Issue = tuple[str | None, int | None, int | None]  # (series, year, issue number)


def search(archive: Archive, query: str, *, limit: int = 20, offset: int = 0) -> SearchResult:
    """Find the articles (and the editor's notes) that contain what ``query`` asks for.

    Args:
        archive: the open archive (its store is read from the calling thread).
        query: the editor's query (see :mod:`reader.search.query` for the syntax).
        limit: hits per page.
        offset: hits to skip (note hits come first, then articles by relevance).

    Returns:
        The page of hits and the total number of hits.

    Raises:
        QuerySyntaxError: the query cannot be read; the message says why.
        IndexUnusable: the index is missing, outdated or damaged; the archive's maintenance
            (:func:`~reader.search.index.ensure_index`) rebuilds it.
    """
    parsed = parse_query(query)
    limit, offset = max(0, limit), max(0, offset)
    filter_sql = build_filter_sql(archive, parsed.filters)
    notes = note_hits(archive, parsed, filter_sql)
    page: list[Hit] = notes[offset : offset + limit]
    article_offset = max(0, offset - len(notes))
    article_limit = limit - len(page)
    total, articles = _article_page(archive, parsed, filter_sql, article_limit, article_offset)
    return SearchResult(query, len(notes) + total, page + articles)


def matching_article_ids(archive: Archive, query: str) -> list[int]:
    """Every article ``query`` matches, unranked and without notes.

    The plain reading of a query's matches (standing topics keep theirs up to date in
    :mod:`reader.topic_hits`, whose tests compare against this). For the writer's jobs,
    which may repair the index: one that is outdated or found damaged is brought in line
    with the store (:func:`~reader.search.index.ensure_index`) and read again.

    Raises:
        QuerySyntaxError: the query cannot be read.
    """
    parsed = parse_query(query)
    search_index.ensure_usable(archive)

    def run() -> list[int]:
        gram = gram_query(parsed)
        if gram.impossible:
            return []
        conn = _open(archive)
        try:
            filter_sql = build_filter_sql(archive, parsed.filters)
            return article_matches(conn, parsed, gram, filter_sql)
        finally:
            conn.close()

    try:
        return _read_index(archive, run)
    except IndexUnusable:
        search_index.ensure_index(archive)
    return _read_checked(archive, run)


class WeightedWords(NamedTuple):
    """The words that score a query: ``(field, word) → boost``, and the term infos of those
    read on the way."""

    boosts: dict[tuple[str, str], float]
    known: ranking.KnownTerms


def weighted_words(query: Query, reader: IndexReader) -> WeightedWords:
    """The words that score the positive terms: each term's jieba words, and the indexed
    words that start with the term."""
    tokenizer = analysis.shared_tokenizer()
    weighted: dict[tuple[str, str], float] = {}
    known: ranking.KnownTerms = {}
    for term in query.positive_terms():
        if term.field == "note":
            continue
        fields = {words.TITLE: TITLE_WEIGHT}
        if term.field is None:
            fields[words.BODY] = BODY_WEIGHT
        for field, boost in fields.items():
            for word in analysis.word_list(tokenizer, term.folded):
                weighted[(field, word)] = boost
                if (field, word) not in known:
                    known[(field, word)] = ranking.word_infos(reader, field, word)
            if len(term.folded) < 2:  # a single character starts too many words
                continue
            longer = ranking.words_starting_with(reader, field, term.folded, MAX_LONGER_WORDS)
            for word, infos in longer:
                weighted.setdefault((field, word), boost * LONGER_WORD_FACTOR)
                known.setdefault((field, word), infos)
    return WeightedWords(weighted, known)


def _article_page(
    archive: Archive, query: Query, filters: FilterSql, limit: int, offset: int
) -> tuple[int, list[Hit]]:
    gram = gram_query(query)
    if gram.impossible:
        return 0, []
    problem = search_index.stamp_problem(archive)
    if problem is not None:
        raise IndexUnusable(problem)
    return _read_index(archive, lambda: _run(archive, query, gram, filters, limit, offset))


def _read_index(archive: Archive, read: Callable[[], _T]) -> _T:
    """``read()``, tried again once another process's write (a rebuild swapping folders)
    is over; :class:`IndexUnusable` when the index still cannot be read."""
    try:
        return _read_checked(archive, read)
    except IndexUnusable:
        with search_index.lock_for(archive):  # waits for a writer, writes nothing
            pass
    return _read_checked(archive, read)


def _read_checked(archive: Archive, read: Callable[[], _T]) -> _T:
    """``read()``, with a failure to read a damaged index turned into :class:`IndexUnusable`.

    SQLite says when its file is damaged. Whoosh fails on damaged files in many ways, so a
    failure is taken for damage only when the index then fails its own check; otherwise it
    is a bug and goes on as it is.
    """
    reason: str | None = None
    with search_index.damage_tolerated():
        try:
            return read()
        except IndexUnusable:
            raise
        except Exception as error:
            if isinstance(error, sqlite3.DatabaseError) and grams.is_corruption(error):
                reason = f"damaged gram table ({error})"
            else:
                reason = search_index.unusable_reason(archive)
            if reason is None:
                raise
        # The failed read's frames held files Whoosh opened: let them go here, where the
        # warnings about them are silenced, rather than wherever they would be collected.
        gc.collect()
    raise IndexUnusable(reason)


def _run(
    archive: Archive,
    query: Query,
    gram: GramQuery,
    filters: FilterSql,
    limit: int,
    offset: int,
) -> tuple[int, list[Hit]]:
    conn = _open(archive)
    try:
        matches = article_matches(conn, query, gram, filters)
        if not limit or offset >= len(matches):
            return len(matches), []
        in_title = title_matches(conn, query) if gram.required is not None else set()
        ids = set(matches)
        with words.open_index(archive.search_dir).searcher() as searcher:
            weighted = weighted_words(query, searcher.reader())
            scores = ranking.word_scores(searcher, weighted.boosts, ids, weighted.known)
        for article_id in in_title & ids:
            scores[article_id] = scores.get(article_id, 0.0) + TITLE_MATCH_BONUS
        page = _first_in_order(conn, matches, scores, offset + limit)[offset:]
        indexed = grams.indexed_texts(conn, page)
    finally:
        conn.close()
    rows = [(article_id, scores.get(article_id, 0.0)) for article_id in page]
    return len(matches), _hits(archive, query, rows, indexed)


def _first_in_order(
    conn: sqlite3.Connection, matches: list[int], scores: dict[int, float], count: int
) -> list[int]:
    """The first ``count`` matches in result order: score, then newer issue, then the later
    article. Only the articles that can reach the page are looked up for their issue: those
    scoring at least the ``count``-th best score (all of them when fewer score)."""
    if len(scores) >= count:
        threshold = heapq.nlargest(count, scores.values())[-1]
        contenders = [article_id for article_id, score in scores.items() if score >= threshold]
    else:
        contenders = matches
    printed = issue_order(conn, contenders)
    unknown = Printed(None, None)

    def order(article_id: int) -> tuple[float, bool, int, bool, int, int]:
        year, issue_no = printed.get(article_id, unknown)
        return (
            scores.get(article_id, 0.0),
            year is not None,
            year or 0,
            issue_no is not None,
            issue_no or 0,
            article_id,
        )

    return heapq.nlargest(count, contenders, key=order)


def _open(archive: Archive) -> sqlite3.Connection:
    conn = grams.connect(archive.search_dir)
    try:
        conn.execute("ATTACH DATABASE ? AS store", [str(archive.database_path)])
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _issues(archive: Archive, issue_ids: set[int]) -> dict[int, _Issue]:
    marks = ",".join("?" * len(issue_ids))
    sql = f"SELECT id, series, year, issue_no FROM issues WHERE id IN ({marks})"
    return {row[0]: (row[1], row[2], row[3]) for row in archive.db.execute(sql, list(issue_ids))}


def _hits(
    archive: Archive,
    query: Query,
    rows: list[tuple[int, float]],
    indexed: dict[int, grams.IndexedText],
) -> list[Hit]:
    """The page's hits, their matches found in the folded texts the gram table holds (an
    article changed since it was indexed is folded again)."""
    articles = {a.id: a for a in get_articles(archive.db, [row[0] for row in rows])}
    body_terms = [t for t in query.positive_terms() if t.field is None]
    title_terms = [t for t in query.positive_terms() if t.field in (None, "title")]
    hits = []
    issues = _issues(archive, {a.issue_id for a in articles.values()})
    for article_id, score in rows:
        article = articles.get(article_id)
        if article is None:  # removed from the store since the index saw it
            continue
        issue_id = article.issue_id
        series, year, issue_no = issues.get(issue_id, (None, None, None))
        text, title = article.text, article.title
        folded_title, folded_text = _folded(article, indexed.get(article_id))
        matches = term_spans(folded_text, body_terms)
        snippet = make_snippet(text, matches)
        hits.append(
            Hit(
                article_id=article_id,
                title=title,
                series=series,
                year=year,
                issue_no=issue_no,
                score=float(score),
                snippet=snippet.text,
                matches=matches,
                title_matches=term_spans(folded_title, title_terms),
                issue_id=issue_id,
                snippet_matches=snippet.matches,
                snippet_html=snippet.html,
            )
        )
    return hits


def _folded(article: ArticleRecord, indexed: grams.IndexedText | None) -> tuple[str, str]:
    """The article's folded title and text: the gram table's copy while it is of this very
    article (folding a page's texts again was half the time of making its hits)."""
    current = index_hash(article.issue_id, article.title, article.content_hash)
    if indexed is not None and indexed.hash == current:
        return indexed.title, indexed.body
    return fold(article.title), fold(article.text)

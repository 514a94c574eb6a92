"""Running a query: exact matches from the gram table, ranked by jieba words, filtered live.

Recall comes from FTS5 phrase queries over character grams, which are true exactly when the
folded text contains the folded term (see :mod:`reader.search.analysis`), so every hit
contains what was typed and no article that contains it is missed; the total counts the
same exact expression. Filters (year, issue, series, tag) join the store's tables in the
same SQL, so editing an issue's year or an article's tags needs no reindex.

Ranking reads the query's jieba words from the Whoosh word index (:mod:`reader.search.ranking`):
BM25 with words in titles counting four times those in bodies; longer words that start with
the term count half (科技厅 and 科技型 for 科技, which jieba keeps whole); a title holding
the exact term adds a bonus. Equal scores put newer issues first. Only the page shown is
sorted.
"""

from __future__ import annotations

import heapq
import sqlite3
from dataclasses import dataclass
from typing import Any

from whoosh.reading import IndexReader

from reader.archive import Archive
from reader.search import analysis, grams, ranking, words
from reader.search import index as search_index
from reader.search.folding import fold
from reader.search.notes import note_hits
from reader.search.query import Filters, Query, Term, parse_query
from reader.search.results import Hit, SearchResult
from reader.search.spans import make_snippet, term_spans
from reader.store.issues import get_articles

TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
TITLE_MATCH_BONUS = 4.0  # a title holding the exact term, whether or not jieba cut it so
LONGER_WORD_FACTOR = 0.5  # 科技厅 for 科技: about the term, but less squarely
MAX_LONGER_WORDS = 16  # per term and field, so a short term does not read half the index


@dataclass(slots=True)
class FilterSql:
    """A WHERE fragment over ``i`` (issues) with its parameters; ``{id}`` stands for the
    article id column."""

    where: str
    params: list[Any]

    def render(self, *, article_id: str) -> str:
        return self.where.replace("{id}", article_id)


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


def build_filter_sql(archive: Archive, filters: Filters) -> FilterSql:
    """The filters as SQL; series and tag names are matched with folding against the store."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.years:
        clauses.append("(" + " OR ".join("i.year BETWEEN ? AND ?" for _ in filters.years) + ")")
        for low, high in filters.years:
            params += [low, high]
    if filters.issues:
        parts = []
        for year, number in filters.issues:
            if year is None:
                parts.append("i.issue_no = ?")
                params.append(number)
            else:
                parts.append("(i.year = ? AND i.issue_no = ?)")
                params += [year, number]
        clauses.append("(" + " OR ".join(parts) + ")")
    if filters.series:
        names = [
            row[0]
            for row in archive.db.execute(
                "SELECT DISTINCT series FROM issues WHERE series IS NOT NULL"
            )
            if any(wanted in fold(row[0]) for wanted in filters.series)
        ]
        clauses.append(f"i.series IN ({','.join('?' * len(names))})" if names else "0")
        params += names
    if filters.tags:
        tag_ids = [
            row[0]
            for row in archive.db.execute("SELECT id, name FROM tags")
            if fold(row[1]).strip() in filters.tags
        ]
        if tag_ids:
            marks = ",".join("?" * len(tag_ids))
            clauses.append(
                f"{{id}} IN (SELECT article_id FROM article_tags WHERE tag_id IN ({marks}))"
            )
            params += tag_ids
        else:
            clauses.append("0")
    if filters.regions:
        from reader.regions import region_filter_sql

        clause, region_params = region_filter_sql(filters.regions)
        clauses.append(clause)
        params += region_params
    if filters.keywords:
        marks = ",".join("?" * len(filters.keywords))
        clauses.append(
            f"{{id}} IN (SELECT article_id FROM article_keywords WHERE keyword IN ({marks}))"
        )
        params += filters.keywords
    return FilterSql(" AND ".join(clauses) or "1", params)


def matching_article_ids(archive: Archive, query: str) -> list[int]:
    """Every article ``query`` matches, unranked and without notes (standing topics, exports).

    Raises:
        QuerySyntaxError: the query cannot be read.
    """
    return matching_article_ids_each(archive, [query])[0]


def matching_article_ids_each(archive: Archive, queries: list[str]) -> list[list[int]]:
    """:func:`matching_article_ids` for several queries over one connection to the index."""
    parsed = [parse_query(query) for query in queries]
    search_index.ensure_usable(archive)
    conn = _open(archive)
    try:
        found: list[list[int]] = []
        for query in parsed:
            required, excluded, impossible = gram_match(query)
            if impossible:
                found.append([])
                continue
            filter_sql = build_filter_sql(archive, query.filters)
            found.append([m[0] for m in _matches(conn, filter_sql, required, excluded)])
        return found
    finally:
        conn.close()


_Issue = tuple[str | None, int | None, int | None]  # (series, year, issue number)
_Match = tuple[int, int | None, int | None]  # (article id, year, issue number)

_GRAM_COLUMNS = {False: "title body", True: "title"}


def _term_expression(term: Term, *, title_only: bool = False) -> str:
    columns = _GRAM_COLUMNS[title_only or term.field == "title"]
    return f"{{{columns}}} : {analysis.gram_phrase(term.folded)}"


def gram_match(query: Query) -> tuple[str | None, str | None, bool]:
    """The FTS5 expressions for the article side: (required, excluded, impossible)."""
    groups = []
    for group in query.required:
        alternatives = [_term_expression(t) for t in group if t.field != "note"]
        if not alternatives:
            return None, None, True  # a group only notes can satisfy
        groups.append("(" + " OR ".join(alternatives) + ")")
    excluded = [_term_expression(t) for t in query.excluded if t.field != "note"]
    return " AND ".join(groups) or None, " OR ".join(excluded) or None, False


def weighted_words(query: Query, reader: IndexReader) -> dict[tuple[str, str], float]:
    """The words that score the positive terms, as ``(field, word) → boost``: each term's
    jieba words, and the indexed words that start with the term."""
    tokenizer = analysis.shared_tokenizer()
    weighted: dict[tuple[str, str], float] = {}
    for term in query.positive_terms():
        if term.field == "note":
            continue
        fields = {words.TITLE: TITLE_WEIGHT}
        if term.field is None:
            fields[words.BODY] = BODY_WEIGHT
        for field, boost in fields.items():
            for word in analysis.word_list(tokenizer, term.folded):
                weighted[(field, word)] = boost
            if len(term.folded) < 2:  # a single character starts too many words
                continue
            for longer in ranking.words_starting_with(reader, field, term.folded, MAX_LONGER_WORDS):
                weighted.setdefault((field, longer), boost * LONGER_WORD_FACTOR)
    return weighted


def _article_page(
    archive: Archive, query: Query, filters: FilterSql, limit: int, offset: int
) -> tuple[int, list[Hit]]:
    required, excluded, impossible = gram_match(query)
    if impossible:
        return 0, []
    search_index.ensure_usable(archive)
    page = _run_tolerant(archive, query, filters, required, excluded, limit, offset)
    if page is not None:
        return page
    # Damaged, or another process swapping in the index it rebuilt: once its lock is free,
    # look again before rebuilding.
    with search_index.lock_for(archive):
        page = _run_tolerant(archive, query, filters, required, excluded, limit, offset)
        if page is not None:
            return page
        search_index.rebuild_index(archive)
    return _run(archive, query, filters, required, excluded, limit, offset)


def _run_tolerant(
    archive: Archive,
    query: Query,
    filters: FilterSql,
    required: str | None,
    excluded: str | None,
    limit: int,
    offset: int,
) -> tuple[int, list[Hit]] | None:
    """:func:`_run`, or None when the index cannot be read."""
    with search_index.damage_tolerated():
        try:
            return _run(archive, query, filters, required, excluded, limit, offset)
        except sqlite3.DatabaseError as error:
            if not grams.is_corruption(error):
                raise
        except Exception:  # a damaged word index under a good stamp
            pass
    return None


def _run(
    archive: Archive,
    query: Query,
    filters: FilterSql,
    required: str | None,
    excluded: str | None,
    limit: int,
    offset: int,
) -> tuple[int, list[Hit]]:
    conn = _open(archive)
    try:
        matches = _matches(conn, filters, required, excluded)
        if not limit or offset >= len(matches):
            return len(matches), []
        in_title = _title_matches(conn, query) if required is not None else set()
    finally:
        conn.close()
    ids = {match[0] for match in matches}
    with words.open_index(archive.search_dir).searcher() as searcher:
        weighted = weighted_words(query, searcher.reader())
        scores = ranking.word_scores(searcher, weighted, ids)
    for article_id in in_title & ids:
        scores[article_id] = scores.get(article_id, 0.0) + TITLE_MATCH_BONUS
    page = heapq.nlargest(offset + limit, matches, key=lambda m: _order(m, scores))[offset:]
    return len(matches), _hits(archive, query, [(m[0], scores.get(m[0], 0.0)) for m in page])


def _open(archive: Archive) -> sqlite3.Connection:
    conn = grams.connect(archive.search_dir)
    try:
        conn.execute("ATTACH DATABASE ? AS store", [str(archive.database_path)])
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _matches(
    conn: sqlite3.Connection, filters: FilterSql, required: str | None, excluded: str | None
) -> list[_Match]:
    """Every article the query matches, with its issue's year and number."""
    if required is not None:
        match = f"({required})" + (f" NOT ({excluded})" if excluded else "")
        candidates, params = "SELECT rowid AS id FROM main.fts WHERE fts MATCH ?", [match]
    elif excluded is not None:
        candidates = (
            "SELECT id FROM main.docs WHERE id NOT IN "
            "(SELECT rowid FROM main.fts WHERE fts MATCH ?)"
        )
        params = [excluded]
    else:
        candidates, params = "SELECT id FROM main.docs", []
    sql = (
        f"SELECT c.id, i.year, i.issue_no FROM ({candidates}) AS c "
        "JOIN main.docs AS d ON d.id = c.id JOIN store.issues AS i ON i.id = d.issue_id "
        f"WHERE {filters.render(article_id='c.id')}"
    )
    return conn.execute(sql, [*params, *filters.params]).fetchall()


def _title_matches(conn: sqlite3.Connection, query: Query) -> set[int]:
    """The articles whose title holds one of the query's positive terms."""
    terms = [t for t in query.positive_terms() if t.field != "note"]
    if not terms:
        return set()
    match = " OR ".join(_term_expression(t, title_only=True) for t in terms)
    rows = conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", [match])
    return {row[0] for row in rows}


def _order(match: _Match, scores: dict[int, float]) -> tuple[Any, ...]:
    article_id, year, issue_no = match
    return (
        scores.get(article_id, 0.0),
        year is not None,
        year or 0,
        issue_no is not None,
        issue_no or 0,
        article_id,
    )


def _issues(archive: Archive, issue_ids: set[int]) -> dict[int, _Issue]:
    marks = ",".join("?" * len(issue_ids))
    sql = f"SELECT id, series, year, issue_no FROM issues WHERE id IN ({marks})"
    return {row[0]: (row[1], row[2], row[3]) for row in archive.db.execute(sql, list(issue_ids))}


def _hits(archive: Archive, query: Query, rows: list[tuple[int, float]]) -> list[Hit]:
    wanted = [row[0] for row in rows]
    articles = {
        a.id: a
        for start in range(0, len(wanted), 500)  # SQLite limits the number of ? parameters
        for a in get_articles(archive.db, wanted[start : start + 500])
    }
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
        matches = term_spans(fold(text), body_terms)
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
                title_matches=term_spans(fold(title), title_terms),
                issue_id=issue_id,
                snippet_matches=snippet.matches,
                snippet_html=snippet.html,
            )
        )
    return hits

"""Running a query: exact candidates from the gram index, ranked by words, filtered live.

Recall comes from FTS5 phrase queries over character grams, which are true exactly when the
folded text contains the folded term (see :mod:`reader.search.analysis`), so every hit
contains what was typed and no article that contains it is missed; the total is a count
over the same exact expression. Ranking is one BM25 pass over the grams and the jieba words
of the query (words count double, titles four times bodies); equal scores put newer issues
first. Issue metadata and tags are read live from the store, so editing an issue's year
needs no reindex.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from reader.archive import Archive
from reader.search import analysis
from reader.search import index as search_index
from reader.search.folding import fold
from reader.search.notes import note_hits
from reader.search.query import Filters, Query, Term, parse_query
from reader.search.results import Hit, SearchResult
from reader.search.spans import make_snippet, term_spans
from reader.store.issues import get_articles

TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
WORD_FACTOR = 2.0  # how much more a word match counts than a bare character match

_ORDER = (
    "ORDER BY c.score DESC, i.year IS NULL, i.year DESC, i.issue_no IS NULL, "
    "i.issue_no DESC, c.id DESC"
)


@dataclass(slots=True)
class FilterSql:
    """A WHERE fragment over ``i`` (issues) with its parameters; ``{store}`` and ``{id}``
    stand for the store's schema prefix and the article id column."""

    where: str
    params: list[Any]

    def render(self, *, store: str, article_id: str) -> str:
        return self.where.replace("{store}", store).replace("{id}", article_id)


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
                f"{{id}} IN (SELECT article_id FROM {{store}}article_tags "
                f"WHERE tag_id IN ({marks}))"
            )
            params += tag_ids
        else:
            clauses.append("0")
    return FilterSql(" AND ".join(clauses) or "1", params)


def _term_expression(term: Term) -> str:
    phrase = analysis.gram_phrase(term.folded)
    return f"{{{_GRAM_COLUMNS[term.field == 'title']}}} : {phrase}"


_GRAM_COLUMNS = {False: "title body", True: "title"}
_WORD_COLUMNS = {False: "title_words body_words", True: "title_words"}


def gram_match(query: Query) -> tuple[str | None, str | None, bool]:
    """The FTS5 expressions for the article side: (required, excluded, impossible)."""
    groups = []
    for group in query.required:
        alternatives = [_term_expression(t) for t in group if t.field != "note"]
        if not alternatives:
            return None, None, True  # a group only notes can satisfy
        groups.append("(" + " OR ".join(alternatives) + ")")
    excluded = [_term_expression(t) for t in query.excluded if t.field != "note"]
    return (
        " AND ".join(groups) or None,
        " OR ".join(excluded) or None,
        False,
    )


def word_match(query: Query) -> str | None:
    """An FTS5 expression over the jieba words of the positive terms, for scoring."""
    tokenizer = analysis.shared_tokenizer()
    parts: list[str] = []
    for term in query.positive_terms():
        if term.field == "note":
            continue
        for word in analysis.word_list(tokenizer, term.folded):
            columns = _WORD_COLUMNS[term.field == "title"]
            parts.append(f'{{{columns}}} : "{analysis.encode(word)}"')
    return " OR ".join(dict.fromkeys(parts)) or None


def full_match(required: str, excluded: str | None, words: str | None) -> str:
    """One FTS5 expression that is exactly ``required NOT excluded`` and whose BM25 also
    counts the words: ``R AND (W OR R)`` matches what ``R`` matches, and every phrase in
    it adds to the score."""
    match = f"({required})"
    if words:
        match = f"({match} AND (({words}) OR {match}))"
    if excluded:
        match += f" NOT ({excluded})"
    return match


def _article_page(
    archive: Archive, query: Query, filters: FilterSql, limit: int, offset: int
) -> tuple[int, list[Hit]]:
    required, excluded, impossible = gram_match(query)
    if impossible:
        return 0, []
    search_index.ensure_usable(archive)
    try:
        return _run(archive, query, filters, required, excluded, limit, offset)
    except sqlite3.DatabaseError as error:
        if not search_index.is_corruption(error):
            raise
        search_index.rebuild_index(archive)
        return _run(archive, query, filters, required, excluded, limit, offset)


def _candidates(query: Query, required: str | None, excluded: str | None) -> tuple[str, list[Any]]:
    if required is not None:
        match = full_match(required, excluded, word_match(query))
        sql = f"SELECT rowid AS id, -bm25(fts, {_WEIGHTS}) AS score FROM fts WHERE fts MATCH ?"
        return sql, [match]
    sql = "SELECT rowid AS id, 0.0 AS score FROM docs"
    if excluded is None:
        return sql, []
    return sql + " WHERE rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)", [excluded]


_WEIGHTS = ", ".join(
    str(w)
    for w in (TITLE_WEIGHT, BODY_WEIGHT, TITLE_WEIGHT * WORD_FACTOR, BODY_WEIGHT * WORD_FACTOR)
)


def _run(
    archive: Archive,
    query: Query,
    filters: FilterSql,
    required: str | None,
    excluded: str | None,
    limit: int,
    offset: int,
) -> tuple[int, list[Hit]]:
    candidates, params = _candidates(query, required, excluded)
    where = filters.render(store="store.", article_id="c.id")
    joins = (
        f"FROM ({candidates}) AS c JOIN docs AS d ON d.id = c.id "
        "JOIN store.issues AS i ON i.id = d.issue_id "
    )
    conn = _open(archive)
    try:
        rows = []
        if limit > 0:
            sql = (
                "SELECT c.id, c.score, i.series, i.year, i.issue_no, d.issue_id, "
                f"count(*) OVER () {joins} WHERE {where} {_ORDER} LIMIT ? OFFSET ?"
            )
            rows = conn.execute(sql, [*params, *filters.params, limit, offset]).fetchall()
        if rows:
            total = int(rows[0][6])
        else:
            count_sql = f"SELECT count(*) {joins} WHERE {where}"
            total = int(conn.execute(count_sql, [*params, *filters.params]).fetchone()[0])
    finally:
        conn.close()
    return total, _hits(archive, query, rows)


def _open(archive: Archive) -> sqlite3.Connection:
    conn = search_index.connect(archive)
    try:
        conn.execute("ATTACH DATABASE ? AS store", [str(archive.database_path)])
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _hits(archive: Archive, query: Query, rows: list[Any]) -> list[Hit]:
    wanted = [row[0] for row in rows]
    articles = {
        a.id: a
        for start in range(0, len(wanted), 500)  # SQLite limits the number of ? parameters
        for a in get_articles(archive.db, wanted[start : start + 500])
    }
    body_terms = [t for t in query.positive_terms() if t.field is None]
    title_terms = [t for t in query.positive_terms() if t.field in (None, "title")]
    hits = []
    for article_id, score, series, year, issue_no, issue_id, _total in rows:
        article = articles.get(article_id)
        if article is None:  # removed from the store since the index saw it
            continue
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

"""Running a query: exact candidates from the Whoosh gram index, ranked by words, filtered live.

Recall comes from Whoosh phrase queries over character grams (one character: a term of the
``*_chars`` fields), which are true exactly when the folded text contains the folded term
(see :mod:`reader.search.analysis`), so every hit contains what was typed and no article
that contains it is missed. AND, OR and ``-`` map onto Whoosh's And, Or and AndNot. The
jieba words of the query only add to the score (``AndMaybe``), scored by BM25F with words
counting double and titles four times bodies; equal scores put newer issues first.
Every match is collected, so the total is exact. Filters (year, issue, series, tag) are
computed in the store and applied to the matches, so editing an issue's year or an
article's tags needs no reindex.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from whoosh import query as wq
from whoosh.scoring import BM25F

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
    return FilterSql(" AND ".join(clauses) or "1", params)


_Issue = tuple[str | None, int | None, int | None]  # (series, year, issue number)
_Row = tuple[int, float, int]  # (article id, score, issue id)


def _term_query(term: Term) -> wq.Query:
    """True exactly when the folded title (or title or body) contains the folded term."""
    parts: list[wq.Query] = []
    names = ("title",) if term.field == "title" else ("title", "body")
    for name in names:
        boost = TITLE_WEIGHT if name == "title" else BODY_WEIGHT
        grams = analysis.gram_terms(term.folded)
        if not grams:
            parts.append(wq.Term(f"{name}_chars", term.folded, boost=boost))
        elif len(grams) == 1:
            parts.append(wq.Term(name, grams[0], boost=boost))
        else:
            parts.append(wq.Phrase(name, grams, boost=boost))
    return parts[0] if len(parts) == 1 else wq.Or(parts)


def exact_query(query: Query) -> tuple[wq.Query | None, wq.Query | None, bool]:
    """The Whoosh queries for the article side: (required, excluded, impossible)."""
    groups: list[wq.Query] = []
    for group in query.required:
        alternatives = [_term_query(t) for t in group if t.field != "note"]
        if not alternatives:
            return None, None, True  # a group only notes can satisfy
        groups.append(alternatives[0] if len(alternatives) == 1 else wq.Or(alternatives))
    excluded = [_term_query(t) for t in query.excluded if t.field != "note"]
    required = None if not groups else groups[0] if len(groups) == 1 else wq.And(groups)
    return required, (wq.Or(excluded) if excluded else None), False


def word_query(query: Query) -> wq.Query | None:
    """The jieba words of the positive terms, for scoring only."""
    tokenizer = analysis.shared_tokenizer()
    parts: dict[tuple[str, str], wq.Query] = {}
    for term in query.positive_terms():
        if term.field == "note":
            continue
        names = ("title_words",) if term.field == "title" else ("title_words", "body_words")
        for word in analysis.word_list(tokenizer, term.folded):
            for name in names:
                weight = TITLE_WEIGHT if name == "title_words" else BODY_WEIGHT
                parts[(name, word)] = wq.Term(name, word, boost=weight * WORD_FACTOR)
    return wq.Or(list(parts.values())) if parts else None


def full_query(query: Query) -> tuple[wq.Query, wq.Query | None] | None:
    """The article query as (what to find and score, what to exclude); None when only
    notes can match.

    Exclusion is applied as a mask of document numbers, not with Whoosh's ``AndNot``: over
    phrase queries in a multi-segment index ``AndNot`` let excluded articles through.
    """
    required, excluded, impossible = exact_query(query)
    if impossible:
        return None
    if required is None:
        return wq.Every(), excluded
    words = word_query(query)
    return (required if words is None else wq.AndMaybe(required, words)), excluded


def _article_page(
    archive: Archive, query: Query, filters: FilterSql, limit: int, offset: int
) -> tuple[int, list[Hit]]:
    parts = full_query(query)
    if parts is None:
        return 0, []
    search_index.ensure_usable(archive)
    with search_index.damage_tolerated():
        try:
            rows: list[_Row] | None = _matches(archive, *parts)
        except Exception:
            rows = None
    if rows is None:  # a damaged index under a good stamp: rebuild once
        search_index.rebuild_index(archive)
        rows = _matches(archive, *parts)
    if query.filters:
        allowed = _allowed_ids(archive, filters)
        rows = [row for row in rows if row[0] in allowed]
    issues = _issues(archive)
    rows.sort(key=lambda row: _order(row, issues.get(row[2], (None, None, None))))
    return len(rows), _hits(archive, query, rows[offset : offset + limit] if limit else [])


def _matches(archive: Archive, positive: wq.Query, excluded: wq.Query | None) -> list[_Row]:
    """Every matching article as (id, score, issue id)."""
    with search_index.open_index(archive).searcher(weighting=BM25F()) as searcher:
        mask = set(excluded.docs(searcher)) if excluded is not None else None
        results = searcher.search(positive, limit=None, mask=mask)
        reader = searcher.reader()
        ids = reader.column_reader("id")
        issue_ids = reader.column_reader("issue_id")
        return [
            (int(ids[docnum]), float(score), int(issue_ids[docnum]))
            for score, docnum in results.top_n
        ]


def _order(row: _Row, issue: _Issue) -> tuple[Any, ...]:
    _series, year, issue_no = issue
    return (-row[1], year is None, -(year or 0), issue_no is None, -(issue_no or 0), -row[0])


def _issues(archive: Archive) -> dict[int, _Issue]:
    rows = archive.db.execute("SELECT id, series, year, issue_no FROM issues")
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def _allowed_ids(archive: Archive, filters: FilterSql) -> set[int]:
    where = filters.render(article_id="a.id")
    sql = f"SELECT a.id FROM articles AS a JOIN issues AS i ON i.id = a.issue_id WHERE {where}"
    return {row[0] for row in archive.db.execute(sql, filters.params)}


def _hits(archive: Archive, query: Query, rows: list[_Row]) -> list[Hit]:
    wanted = [row[0] for row in rows]
    articles = {
        a.id: a
        for start in range(0, len(wanted), 500)  # SQLite limits the number of ? parameters
        for a in get_articles(archive.db, wanted[start : start + 500])
    }
    body_terms = [t for t in query.positive_terms() if t.field is None]
    title_terms = [t for t in query.positive_terms() if t.field in (None, "title")]
    hits = []
    issues = _issues(archive)
    for article_id, score, _issue_id in rows:
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

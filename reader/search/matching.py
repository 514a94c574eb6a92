"""Which articles a query matches, exactly: gram candidates from FTS5, decided by the text.

A term of one or two characters is decided by the gram table alone (see
:mod:`reader.search.analysis`). A longer term asks FTS5 for the articles holding all its
bigrams, which may not hold them in a row; when a query has such a term, the candidates'
folded texts (kept beside the grams) decide, with the same rule a plain substring scan
applies: every required group has a term in the title or body (``title:`` terms in the
title), and no excluded term is in either. Filters (year, issue, series, tag, region,
keyword) join the store's tables in the same SQL, so editing an issue's year or an
article's tags needs no reindex.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from reader.archive import Archive
from reader.search import analysis, grams
from reader.search.folding import fold
from reader.search.query import Filters, Query, Term
from reader.store.chunked import rows_for


@dataclass(slots=True)
class FilterSql:
    """A WHERE fragment over ``i`` (issues) with its parameters; ``{id}`` stands for the
    article id column."""

    where: str
    params: list[Any]

    def render(self, *, article_id: str) -> str:
        return self.where.replace("{id}", article_id)


class Printed(NamedTuple):
    """Where an article was printed, as far as ordering equal scores goes."""

    year: int | None
    issue_no: int | None


@dataclass(frozen=True, slots=True)
class GramQuery:
    """The FTS5 side of a query's article terms.

    ``required`` and ``excluded`` are MATCH expressions (None when there is none);
    ``impossible`` when only notes can satisfy it; ``exact`` when the expressions alone
    decide, else the candidates' folded texts must (``excluded`` then holds only the exact
    exclusions, so it never removes an article that may match).
    """

    required: str | None
    excluded: str | None
    impossible: bool = False
    exact: bool = True


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


def gram_query(query: Query) -> GramQuery:
    """The FTS5 expressions for the query's article side."""
    groups = []
    exact = True
    for group in query.required:
        alternatives = []
        for term in group:
            if term.field == "note":
                continue
            expression, term_exact = _expression(term)
            alternatives.append(expression)
            exact = exact and term_exact
        if not alternatives:
            return GramQuery(None, None, impossible=True)
        groups.append("(" + " OR ".join(alternatives) + ")")
    excluded = []
    for term in query.excluded:
        if term.field == "note":
            continue
        expression, term_exact = _expression(term)
        if term_exact:
            excluded.append(expression)
        else:
            exact = False
    return GramQuery(" AND ".join(groups) or None, " OR ".join(excluded) or None, exact=exact)


def _expression(term: Term, *, title_only: bool = False) -> tuple[str, bool]:
    return analysis.gram_expression(term.folded, title_only=title_only or term.field == "title")


def article_matches(
    conn: sqlite3.Connection, query: Query, gram: GramQuery, filters: FilterSql
) -> list[int]:
    """The ids of every article the query matches.

    ``conn`` is the gram file with the store attached as ``store``. Without filters the
    gram table alone answers (it holds exactly the store's searchable articles, see
    :mod:`reader.search.index`); filters join the store's issues.
    """
    if gram.required is not None:
        match = f"({gram.required})" + (f" NOT ({gram.excluded})" if gram.excluded else "")
        candidates, params = "SELECT rowid AS id FROM main.fts WHERE fts MATCH ?", [match]
    elif gram.excluded is not None:
        candidates = (
            "SELECT id FROM main.docs WHERE id NOT IN "
            "(SELECT rowid FROM main.fts WHERE fts MATCH ?)"
        )
        params = [gram.excluded]
    else:
        candidates, params = "SELECT id FROM main.docs", []
    if filters.params or filters.where != "1":
        sql = (
            f"SELECT c.id FROM ({candidates}) AS c "
            "JOIN main.docs AS d ON d.id = c.id JOIN store.issues AS i ON i.id = d.issue_id "
            f"WHERE {filters.render(article_id='c.id')}"
        )
        params = [*params, *filters.params]
    else:
        sql = candidates
    found = [row[0] for row in conn.execute(sql, params)]
    if gram.exact:
        return found
    holding = {
        article_id
        for article_id, title, body in grams.folded_texts(conn, found)
        if text_satisfies(query, title, body)
    }
    return [article_id for article_id in found if article_id in holding]


def issue_order(conn: sqlite3.Connection, article_ids: Iterable[int]) -> dict[int, Printed]:
    """Each article's issue year and number (what orders equal scores: newer first)."""
    select = (
        "SELECT d.id, i.year, i.issue_no FROM main.docs AS d "
        "JOIN store.issues AS i ON i.id = d.issue_id WHERE d.id IN"
    )
    return {
        article_id: Printed(year, issue_no)
        for article_id, year, issue_no in rows_for(conn.execute, select, article_ids)
    }


def title_matches(conn: sqlite3.Connection, query: Query) -> set[int]:
    """The articles whose title holds one of the query's positive terms."""
    terms = [t for t in query.positive_terms() if t.field != "note"]
    if not terms:
        return set()
    expressions = [_expression(t, title_only=True) for t in terms]
    match = " OR ".join(expression for expression, _exact in expressions)
    found = [row[0] for row in conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", [match])]
    if all(exact for _expression, exact in expressions):
        return set(found)
    folded = [t.folded for t in terms]
    return {
        article_id
        for article_id, title in grams.folded_titles(conn, found)
        if any(term in title for term in folded)
    }


def text_satisfies(query: Query, title: str, body: str) -> bool:
    """Whether an article's folded title and body satisfy the query's article terms."""

    def holds(term: Term) -> bool:
        if term.field == "note":
            return False
        return term.folded in title or (term.field is None and term.folded in body)

    return all(any(holds(t) for t in group) for group in query.required) and not any(
        holds(t) for t in query.excluded
    )

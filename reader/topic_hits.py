"""Standing topics' hits, remembered between checks and brought up to date from what changed.

A topic's hits are its query's match in the gram table (costly for common words: a single
character is a prefix query over every gram it starts) narrowed by its filters over the
store (cheap, and read live: an edited year or tag counts at once). The gram part is
remembered per open archive together with the index state it was read at, each indexed
article's hash; the next check reads that state again (one small table) and matches only
the articles added or changed since. So after an import of one issue a check reads a few
rows per topic, and with nothing changed it reads none. The window checks after every
import and every opened article; the command line, one process per check, matches in full.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from sqlite_utils import Database

from reader.archive import Archive
from reader.search import grams
from reader.search import index as search_index
from reader.search.grams import folded_texts
from reader.search.matching import build_filter_sql, gram_query, text_satisfies
from reader.search.query import Query, Term, parse_query

# Past this share of changed articles one full match per topic is cheaper than ranges.
_FULL_MATCH_SHARE = 0.2

# The (required, excluded) FTS expressions, and the query when the gram table alone does
# not decide it (its terms are then checked in the folded text of the gram table's matches).
_Terms = tuple[tuple[str, str | None], ...]  # (folded text, field) of each term
_Check = tuple[tuple[_Terms, ...], _Terms]  # the required groups, the excluded terms
_Key = tuple[str | None, str | None, _Check | None]


@dataclass(slots=True)
class _Memo:
    state: dict[int, str] = field(default_factory=dict)  # article id → index hash
    found: dict[_Key, set[int]] = field(default_factory=dict)
    # Topic id → the articles seen, as read at the store's data_version (which changes when
    # another connection writes; this one's writes go through note_seen and forget_seen).
    seen: dict[int, set[int]] | None = None
    seen_version: int = -1


# Per store connection: the archive a worker thread opened keeps its own.
_MEMOS: WeakKeyDictionary[Database, _Memo] = WeakKeyDictionary()


def topic_hits_each(archive: Archive, queries: list[str]) -> list[set[int]]:
    """Every article each query matches, as :func:`reader.search.engine.matching_article_ids` gives.

    Raises:
        QuerySyntaxError: a query cannot be read.
    """
    parsed = [parse_query(query) for query in queries]
    search_index.ensure_usable(archive)
    conn = grams.connect(archive.search_dir)
    try:
        conn.execute("ATTACH DATABASE ? AS store", [str(archive.database_path)])
        conn.execute("PRAGMA query_only = ON")
        conn.execute("BEGIN")  # one snapshot for the state and every match
        memo = _brought_up_to_date(conn, _MEMOS.setdefault(archive.db, _Memo()))
        allowed: dict[tuple[str, tuple[object, ...]], set[int]] = {}
        found: list[set[int]] = []
        for query in parsed:
            gram = gram_query(query)
            if gram.impossible:
                found.append(set())
                continue
            key = (gram.required, gram.excluded, None if gram.exact else _article_side(query))
            if key not in memo.found:
                memo.found[key] = _match(conn, key, None)
            filters = build_filter_sql(archive, query.filters)
            where = filters.render(article_id="d.id")
            passing = allowed.get((where, tuple(filters.params)))
            if passing is None:
                passing = _passing_filters(conn, where, filters.params)
                allowed[(where, tuple(filters.params))] = passing
            found.append(memo.found[key] & passing)
        conn.execute("COMMIT")
        return found
    finally:
        conn.close()


def forget_topic_hits(db: Database) -> None:
    """Drop what is remembered for the store ``db`` (the next check matches in full)."""
    _MEMOS.pop(db, None)


def seen_articles(db: Database) -> dict[int, set[int]]:
    """Topic id → the articles seen in it (read again only when another connection wrote).

    The sets are the remembered ones: callers must not change them.
    """
    memo = _MEMOS.setdefault(db, _Memo())
    version = db.execute("PRAGMA data_version").fetchone()[0]
    if memo.seen is None or memo.seen_version != version:
        seen: dict[int, set[int]] = {}
        for topic_id, article_id in db.execute("SELECT topic_id, article_id FROM topic_seen"):
            seen.setdefault(topic_id, set()).add(article_id)
        memo.seen, memo.seen_version = seen, version
    return memo.seen


def note_seen(db: Database, topic_id: int, article_ids: set[int]) -> None:
    """This connection has just marked ``article_ids`` seen in the topic."""
    memo = _MEMOS.get(db)
    if memo is not None and memo.seen is not None:
        memo.seen.setdefault(topic_id, set()).update(article_ids)


def forget_seen(db: Database, topic_id: int) -> None:
    """This connection has just removed the topic (its id may be given to a new one)."""
    memo = _MEMOS.get(db)
    if memo is not None and memo.seen is not None:
        memo.seen.pop(topic_id, None)


def _brought_up_to_date(conn: sqlite3.Connection, memo: _Memo) -> _Memo:
    state = grams.hashes(conn)
    if state == memo.state:
        return memo
    changed = {i for i, value in state.items() if memo.state.get(i) != value}
    gone = memo.state.keys() - state.keys()
    if len(changed) > _FULL_MATCH_SHARE * max(len(state), 1):
        memo.found.clear()
    else:
        for key, ids in memo.found.items():
            ids -= gone
            ids -= changed
            ids |= _match(conn, key, changed)
    memo.state = state
    return memo


def _article_side(query: Query) -> _Check:
    """The query's terms without its filters (they are applied apart), as a key."""

    def terms(group: list[Term]) -> _Terms:
        return tuple((term.folded, term.field) for term in group)

    return tuple(terms(group) for group in query.required), terms(query.excluded)


def _as_query(check: _Check) -> Query:
    def terms(group: _Terms) -> list[Term]:
        return [Term(folded, folded, field) for folded, field in group]

    required, excluded = check
    return Query("", [terms(group) for group in required], terms(excluded))


def _match(conn: sqlite3.Connection, key: _Key, among: set[int] | None) -> set[int]:
    """The articles (of ``among``, or all) whose indexed text the query matches."""
    required, excluded, check = key
    found = _gram_match(conn, required, excluded, among)
    if check is None:
        return found
    query = _as_query(check)
    return {
        article_id
        for article_id, title, body in folded_texts(conn, sorted(found))
        if text_satisfies(query, title, body)
    }


def _gram_match(
    conn: sqlite3.Connection, required: str | None, excluded: str | None, among: set[int] | None
) -> set[int]:
    """The articles (of ``among``, or all) whose grams the FTS expressions match."""
    found: set[int] = set()
    for low, high in _runs(among):
        bounds = "" if low is None else " AND rowid BETWEEN ? AND ?"
        params: list[object] = [] if low is None else [low, high]
        if required is not None:
            match = f"({required})" + (f" NOT ({excluded})" if excluded else "")
            sql = f"SELECT rowid FROM fts WHERE fts MATCH ?{bounds}"
            found.update(row[0] for row in conn.execute(sql, [match, *params]))
        else:
            sql = "SELECT id FROM docs" + (" WHERE id BETWEEN ? AND ?" if low is not None else "")
            ids = {row[0] for row in conn.execute(sql, params)}
            if excluded is not None:
                sql = f"SELECT rowid FROM fts WHERE fts MATCH ?{bounds}"
                ids -= {row[0] for row in conn.execute(sql, [excluded, *params])}
            found |= ids
    return found if among is None else found & among


def _runs(ids: set[int] | None) -> list[tuple[int | None, int | None]]:
    """``ids`` as runs of consecutive numbers (an import adds one run); all for None."""
    if ids is None:
        return [(None, None)]
    runs: list[tuple[int | None, int | None]] = []
    for value in sorted(ids):
        if runs and runs[-1][1] == value - 1:
            runs[-1] = (runs[-1][0], value)
        else:
            runs.append((value, value))
    return runs


def _passing_filters(conn: sqlite3.Connection, where: str, params: list[object]) -> set[int]:
    """The indexed articles of issues in the store that pass the filters."""
    sql = (
        f"SELECT d.id FROM main.docs AS d JOIN store.issues AS i ON i.id = d.issue_id WHERE {where}"
    )
    return {row[0] for row in conn.execute(sql, params)}

"""Saved searches (a name and a query) and the history of every query run."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from reader.clock import now_iso
from reader.messages import ReaderError
from reader.search.query import QuerySyntaxError, parse_query

HISTORY_LENGTH = 50


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str


def save_search(db: Database, name: str, query: str) -> SavedSearch:
    """Save ``query`` under ``name`` (replacing a search saved under that name).

    Raises:
        ReaderError: the name is empty or the query cannot be read.
    """
    name, query = name.strip(), query.strip()
    if not name:
        raise ReaderError("search.saved_empty_name")
    try:
        parse_query(query)
    except QuerySyntaxError as error:
        raise ReaderError("topic.bad_query", query=query, detail=str(error)) from None
    with db.atomic():
        db.execute(
            "INSERT INTO saved_searches (name, query, created) VALUES (?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET query = excluded.query",
            [name, query, now_iso()],
        )
    return SavedSearch(name, query)


def saved_searches(db: Database) -> list[SavedSearch]:
    rows = db.execute("SELECT name, query FROM saved_searches ORDER BY name")
    return [SavedSearch(*row) for row in rows]


def get_saved(db: Database, name: str) -> SavedSearch:
    row = db.execute("SELECT name, query FROM saved_searches WHERE name = ?", [name]).fetchone()
    if row is None:
        raise ReaderError("search.saved_not_found", name=name)
    return SavedSearch(*row)


def delete_saved(db: Database, name: str) -> None:
    get_saved(db, name)
    with db.atomic():
        db.execute("DELETE FROM saved_searches WHERE name = ?", [name])


def record_query(db: Database, query: str) -> None:
    """Remember a query that was run (the most recent :data:`HISTORY_LENGTH` are kept)."""
    query = query.strip()
    if not query:
        return
    try:
        with db.atomic():
            # Deleted and inserted anew, so a new rowid orders runs within one second.
            db.execute("DELETE FROM search_history WHERE query = ?", [query])
            db.execute(
                "INSERT INTO search_history (query, last_run) VALUES (?, ?)", [query, now_iso()]
            )
            db.execute(
                "DELETE FROM search_history WHERE query NOT IN (SELECT query FROM "
                "search_history ORDER BY last_run DESC, rowid DESC LIMIT ?)",
                [HISTORY_LENGTH],
            )
    except sqlite3.OperationalError:  # a read-only archive still searches
        pass


def recent_queries(db: Database, limit: int = HISTORY_LENGTH) -> list[str]:
    """The queries run, most recent first."""
    rows = db.execute(
        "SELECT query FROM search_history ORDER BY last_run DESC, rowid DESC LIMIT ?", [limit]
    )
    return [row[0] for row in rows]


def refine(current: str, within: str) -> str:
    """The query for searching within the current results: both must hold. (OR binds
    tighter than the space, so appending keeps the current query's meaning.)"""
    return f"{current.strip()} {within.strip()}".strip()

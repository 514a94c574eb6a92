"""The gram table: exact recall, in an SQLite FTS5 file beside the Whoosh word index.

``grams.sqlite3`` holds one contentless FTS5 table ``fts`` (``detail=none``) with the
distinct character bigrams of each article's folded title and body (see
:mod:`reader.search.analysis`), ``docs`` (article → issue, for filters and recency, and the
hash of what was indexed) and ``folded`` (the folded texts: they decide terms longer than a
bigram, and a contentless FTS5 row can only be deleted by giving its tokens again). Without
positions the table is about half the size of the text, where positions made it nearly three
times. Grams live here rather than in
Whoosh because a Whoosh posting costs about 10 µs to write in pure Python and a text has one
gram per character: writing them to Whoosh ran at 0.1 MB/s, FTS5 writes them in C.

Writes are SQLite transactions in WAL mode: a crash mid-write rolls back, and readers keep
their snapshot while an import writes.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from reader.search.analysis import gram_tokens
from reader.store.chunked import rows_for

FILE_NAME = "grams.sqlite3"
TABLES = ("docs", "folded", "fts")
_SCHEMA = (
    "CREATE TABLE docs (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, hash TEXT NOT NULL)",
    # The body zlib-compressed: read back to decide terms longer than a bigram, to mark a
    # page's hits, and to delete the article's grams.
    "CREATE TABLE folded (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body BLOB NOT NULL)",
    # One column: title: terms have tokens of their own, so no column filter is needed
    # (detail=none has none).
    "CREATE VIRTUAL TABLE fts USING fts5(grams, tokenize='ascii', content='', detail=none)",
)
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class GramRow(NamedTuple):
    """What the gram table keeps of one article."""

    article_id: int
    issue_id: int
    title: str  # folded
    body: str  # folded
    tokens: str  # analysis.gram_tokens(title, body)


def is_corruption(error: sqlite3.Error) -> bool:
    """True when SQLite says the file is damaged or not a database at all."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    text = str(error).lower()
    # "no such table": a file someone emptied, or an old layout under a good stamp.
    return any(words in text for words in ("malformed", "not a database", "no such table"))


def connect(folder: Path, *, fresh: bool = False) -> sqlite3.Connection:
    """A connection to the gram file in ``folder`` (created if missing), WAL mode.

    ``fresh``: the file is being built in a rebuild's own folder, which a failure throws
    away whole; its one transaction keeps its journal in memory instead of writing every
    page twice through the WAL (a copy of the table the size of the table itself), its
    pages are larger, and the pages :func:`optimize` frees go back to the disk when it
    commits.
    """
    conn = sqlite3.connect(str(folder / FILE_NAME), timeout=30, isolation_level=None)
    try:
        if fresh:  # both only take effect on a new file
            # Compressed bodies of 1-3 KB packed two or three to a 4 KB page wasted a
            # quarter of the folded table; 16 KB pages pack them tightly.
            conn.execute("PRAGMA page_size=16384")
            conn.execute("PRAGMA auto_vacuum=FULL")
        conn.execute(f"PRAGMA journal_mode={'MEMORY' if fresh else 'WAL'}")
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def create_tables(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA:
        conn.execute(statement)


def optimize(conn: sqlite3.Connection) -> None:
    """Merge the table's segments into one (a rebuild's last step): a fifth smaller than
    the segments a long insert leaves, for about one per cent of the rebuild's time."""
    conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")


def check_readable(conn: sqlite3.Connection) -> None:
    """Raise sqlite3.Error when a table is missing or unreadable."""
    for table in TABLES:
        conn.execute(f"SELECT rowid FROM {table} LIMIT 1").fetchall()


def doc_count(conn: sqlite3.Connection) -> int:
    """How many articles the gram table holds."""
    return int(conn.execute("SELECT count(*) FROM docs").fetchone()[0])


def hashes(conn: sqlite3.Connection, article_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Article id → index hash of what the gram table holds (of ``article_ids`` when given)."""
    if article_ids is None:
        return dict(conn.execute("SELECT id, hash FROM docs").fetchall())
    return dict(
        rows_for(conn.execute, "SELECT id, hash FROM docs WHERE id IN", sorted(set(article_ids)))
    )


def insert(conn: sqlite3.Connection, rows: Iterable[GramRow], hashes: Mapping[int, str]) -> None:
    """Add articles; ``hashes`` gives each one's index hash."""
    rows = list(rows)
    conn.executemany(
        "INSERT INTO docs (id, issue_id, hash) VALUES (?, ?, ?)",
        [(r.article_id, r.issue_id, hashes[r.article_id]) for r in rows],
    )
    conn.executemany(
        "INSERT INTO folded (id, title, body) VALUES (?, ?, ?)",
        [(r.article_id, r.title, compress(r.body)) for r in rows],
    )
    conn.executemany(
        "INSERT INTO fts (rowid, grams) VALUES (?, ?)", [(r.article_id, r.tokens) for r in rows]
    )


class IndexedText(NamedTuple):
    """An article's folded title and body as the gram table holds them, with the hash of
    what was indexed (equal to the store's :func:`~reader.store.issues.index_hash` while
    the article is unchanged)."""

    hash: str
    title: str
    body: str


def folded_texts(
    conn: sqlite3.Connection, article_ids: Iterable[int]
) -> Iterator[tuple[int, str, str]]:
    """(article id, folded title, folded body) of the articles the table holds."""
    rows = rows_for(
        conn.execute, "SELECT id, title, body FROM main.folded WHERE id IN", article_ids
    )
    for article_id, title, body in rows:
        yield article_id, title, decompress(body)


def folded_titles(
    conn: sqlite3.Connection, article_ids: Iterable[int]
) -> Iterator[tuple[int, str]]:
    """(article id, folded title) of the articles the table holds."""
    yield from rows_for(conn.execute, "SELECT id, title FROM main.folded WHERE id IN", article_ids)


def indexed_texts(conn: sqlite3.Connection, article_ids: list[int]) -> dict[int, IndexedText]:
    """Article id → its :class:`IndexedText`, for those of ``article_ids`` the table holds."""
    select = (
        "SELECT d.id, d.hash, f.title, f.body FROM main.docs AS d "
        "JOIN main.folded AS f ON f.id = d.id WHERE d.id IN"
    )
    return {
        article_id: IndexedText(hash_, title, decompress(body))
        for article_id, hash_, title, body in rows_for(conn.execute, select, article_ids)
    }


def compress(folded_body: str) -> bytes:
    return zlib.compress(folded_body.encode("utf-8"), 1)


def decompress(stored: bytes) -> str:
    return zlib.decompress(stored).decode("utf-8")


def delete(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove one article (nothing happens when it is not there)."""
    row = conn.execute("SELECT title, body FROM folded WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return
    conn.execute(
        "INSERT INTO fts (fts, rowid, grams) VALUES ('delete', ?, ?)",
        [article_id, gram_tokens(row[0], decompress(row[1]))],
    )
    conn.execute("DELETE FROM folded WHERE id = ?", [article_id])
    conn.execute("DELETE FROM docs WHERE id = ?", [article_id])


def roll_back(conn: sqlite3.Connection) -> None:
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:  # nothing more to undo on a damaged file
        pass

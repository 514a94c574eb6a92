"""The search index: a disposable SQLite FTS5 file derived from the store.

``<archive>/search/index.sqlite3`` holds one contentless FTS5 table ``fts`` with four
columns: ``title`` and ``body`` hold character grams (exact recall, see
:mod:`reader.search.analysis`), ``title_words`` and ``body_words`` jieba words (ranking).
One table, so one BM25 pass scores both. ``docs`` maps an article to its issue (for
filters and recency, read live from the store) and ``folded`` keeps the folded title and
body: a contentless FTS5 row can only be deleted by giving its tokens again, and SQLite
3.40 has no ``contentless_delete``.
``<archive>/search/stamp.json`` says which schema, analyzer, fold table and dictionary built
it; any difference, a missing or unreadable file, or a count that disagrees with the store
means a rebuild.

Writes are SQLite transactions in WAL mode: a crash mid-write rolls back to the last
complete index, and readers keep their snapshot while an import writes. The stamp is
removed before a rebuild starts and written after it commits, so an interrupted rebuild is
redone on the next open.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any

import jieba

from reader.archive import Archive
from reader.search import analysis
from reader.search.folding import fold_signature
from reader.search.pipeline import BATCH, Row, analyzed, auto_processes
from reader.store.issues import count_articles, get_articles, iter_all_articles

INDEX_SCHEMA = 2
INDEX_NAME = "index.sqlite3"
STAMP_NAME = "stamp.json"
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26

Progress = Callable[[int, int], None]

_locks: dict[str, threading.RLock] = {}
_locks_guard = threading.Lock()

_TABLES = ("docs", "folded", "fts")
_SCHEMA = (
    "CREATE TABLE docs (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL)",
    "CREATE TABLE folded (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE fts USING fts5(title, body, title_words, body_words, "
    "tokenize='ascii', content='')",
)


def index_path(archive: Archive) -> Path:
    return archive.search_dir / INDEX_NAME


def stamp_path(archive: Archive) -> Path:
    return archive.search_dir / STAMP_NAME


def expected_stamp() -> dict[str, Any]:
    """What the stamp of an index built by this version with this dictionary says."""
    return {
        "schema": INDEX_SCHEMA,
        "analyzer": analysis.ANALYZER_VERSION,
        "fold": fold_signature(),
        "jieba": getattr(jieba, "__version__", "?"),
        "dictionary": analysis.dictionary_hash(),
    }


def is_corruption(error: sqlite3.Error) -> bool:
    """True when SQLite says the file is damaged or not a database at all."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    text = str(error).lower()
    # "no such table": an index file someone emptied or an old layout under a good stamp.
    return any(words in text for words in ("malformed", "not a database", "no such table"))


def connect(archive: Archive) -> sqlite3.Connection:
    """A connection to the index file (created if missing), WAL mode."""
    archive.search_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(index_path(archive)), timeout=30, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def unusable_reason(archive: Archive) -> str | None:
    """Why the index cannot be searched as it is, or None when it can."""
    reason = stamp_problem(archive)
    if reason is not None:
        return reason
    try:
        conn = connect(archive)
        try:
            for table in _TABLES:
                conn.execute(f"SELECT rowid FROM {table} LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as error:
        return f"unreadable index ({error})"
    return None


def stamp_problem(archive: Archive) -> str | None:
    """Why the stamp says the index must be rebuilt, or None (the file is not opened)."""
    try:
        stamp = json.loads(stamp_path(archive).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "no index"
    except (OSError, ValueError):
        return "unreadable stamp"
    if stamp != expected_stamp():
        return "built by another version or dictionary"
    if not index_path(archive).is_file():
        return "no index"
    return None


def lock_for(archive: Archive) -> threading.RLock:
    """The lock serialising index writes in this process."""
    key = str(index_path(archive).resolve())
    with _locks_guard:
        return _locks.setdefault(key, threading.RLock())


def ensure_index(archive: Archive, progress: Progress | None = None) -> bool:
    """Rebuild the index if it is missing, outdated, unreadable or disagrees with the store.

    Call when an archive is opened. Returns True if it rebuilt.
    """
    with lock_for(archive):
        if unusable_reason(archive) is None and _counts_agree(archive):
            return False
        _rebuild_locked(archive, progress, None)
        return True


def ensure_usable(archive: Archive, progress: Progress | None = None) -> None:
    """Rebuild if the stamp says so (cheap: a damaged file shows when it is queried)."""
    if stamp_problem(archive) is None:
        return
    with lock_for(archive):
        if unusable_reason(archive) is not None:
            _rebuild_locked(archive, progress, None)


def rebuild_index(
    archive: Archive, progress: Progress | None = None, *, processes: int | None = None
) -> None:
    """Build the index anew from the store.

    Args:
        archive: the archive, used from the calling thread.
        progress: called as ``progress(done, total)`` after each batch of articles.
        processes: worker processes for tokenising; None picks 2 on a multi-core machine
            when there are enough articles to pay for starting them, 0 works in-process.
    """
    with lock_for(archive):
        _rebuild_locked(archive, progress, processes)


def sync_index(
    archive: Archive,
    changed_article_ids: Collection[int],
    removed_article_ids: Collection[int] = (),
    progress: Progress | None = None,
) -> None:
    """Bring the index up to date after articles were added, changed or removed.

    An index that cannot be used is rebuilt instead (which includes the changes).
    """
    with lock_for(archive):
        if unusable_reason(archive) is not None:
            _rebuild_locked(archive, progress, None)
            return
        changed = sorted(set(changed_article_ids))
        gone = sorted(set(removed_article_ids) | set(changed))
        try:
            conn = connect(archive)
        except sqlite3.Error:
            _rebuild_locked(archive, progress, None)
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            for article_id in gone:
                _delete_doc(conn, article_id)
            wanted = [i for i in changed if i not in removed_article_ids]
            records = (
                (a.id, a.issue_id, a.title, a.text)
                for start in range(0, len(wanted), BATCH)  # SQLite limits ? parameters
                for a in get_articles(archive.db, wanted[start : start + BATCH])
            )
            processes = auto_processes(len(changed), None)
            _insert_all(conn, analyzed(records, processes), len(changed), progress)
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            _roll_back(conn)
            if not is_corruption(error):
                raise
            conn.close()
            _rebuild_locked(archive, progress, None)  # damaged under a good stamp
        except BaseException:
            _roll_back(conn)
            raise
        finally:
            conn.close()


def _roll_back(conn: sqlite3.Connection) -> None:
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:  # nothing more to undo on a damaged file
        pass


def _counts_agree(archive: Archive) -> bool:
    try:
        conn = connect(archive)
        try:
            docs, last = conn.execute("SELECT count(*), max(id) FROM docs").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    row = archive.db.execute("SELECT count(*), max(id) FROM articles").fetchone()
    return (docs, last) == (row[0], row[1])


def _discard_files(archive: Archive) -> None:
    base = index_path(archive)
    for path in (base, Path(f"{base}-wal"), Path(f"{base}-shm"), Path(f"{base}-journal")):
        path.unlink(missing_ok=True)


def _rebuild_locked(archive: Archive, progress: Progress | None, processes: int | None) -> None:
    archive.search_dir.mkdir(parents=True, exist_ok=True)
    stamp_path(archive).unlink(missing_ok=True)
    try:
        _build(archive, progress, processes)
    except sqlite3.DatabaseError as error:
        if not is_corruption(error):
            raise
        _discard_files(archive)  # damaged beyond a rollback: start from an empty file
        _build(archive, progress, processes)
    _write_stamp(archive)


def _build(archive: Archive, progress: Progress | None, processes: int | None) -> None:
    conn = connect(archive)
    try:
        total = count_articles(archive.db)
        conn.execute("BEGIN IMMEDIATE")
        for table in ("docs", "folded", "fts", "grams", "words"):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _SCHEMA:
            conn.execute(statement)
        records = ((a.id, a.issue_id, a.title, a.text) for a in iter_all_articles(archive.db))
        _insert_all(conn, analyzed(records, auto_processes(total, processes)), total, progress)
        conn.execute("COMMIT")
        _compact(conn)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def _write_stamp(archive: Archive) -> None:
    target = stamp_path(archive)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(expected_stamp(), indent=2), encoding="utf-8")
    os.replace(temporary, target)


def _insert_all(
    conn: sqlite3.Connection, batches: Iterable[list[Row]], total: int, progress: Progress | None
) -> None:
    done = 0
    for rows in batches:
        conn.executemany("INSERT INTO docs (id, issue_id) VALUES (?, ?)", [r[:2] for r in rows])
        conn.executemany(
            "INSERT INTO folded (id, title, body) VALUES (?, ?, ?)",
            [(r[0], r[2], r[3]) for r in rows],
        )
        conn.executemany(
            "INSERT INTO fts (rowid, title, body, title_words, body_words) VALUES (?, ?, ?, ?, ?)",
            [(r[0], *r[4:]) for r in rows],
        )
        done += len(rows)
        if progress:
            progress(min(done, total), max(total, done))
    if progress and done == 0:
        progress(0, 0)


def _delete_doc(conn: sqlite3.Connection, article_id: int) -> None:
    row = conn.execute("SELECT title, body FROM folded WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return
    title, body = row
    # The words are cut again rather than stored: the stamp guarantees the same tokenizer.
    tokenizer = analysis.shared_tokenizer()
    title_words = analysis.word_tokens(tokenizer, title)
    body_words = analysis.word_tokens(tokenizer, body)
    conn.execute(
        "INSERT INTO fts (fts, rowid, title, body, title_words, body_words) "
        "VALUES ('delete', ?, ?, ?, ?, ?)",
        [
            article_id,
            analysis.gram_tokens(title),
            analysis.gram_tokens(body),
            title_words,
            body_words,
        ],
    )
    conn.execute("DELETE FROM folded WHERE id = ?", [article_id])
    conn.execute("DELETE FROM docs WHERE id = ?", [article_id])


def _compact(conn: sqlite3.Connection) -> None:
    """Give back the pages of the index a rebuild replaced (else the file doubles)."""
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    try:
        if free > pages // 4:
            conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError:  # a reader holds it: compact on a later rebuild
        pass

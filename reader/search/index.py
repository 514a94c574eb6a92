"""The search index: disposable, derived from the store, in ``<archive>/search/``.

It has two parts, built and updated together from the same analysed rows:

- ``words/``, a Whoosh index of each article's jieba words (:mod:`reader.search.words`),
  which ranks;
- ``grams.sqlite3``, an FTS5 table of character grams (:mod:`reader.search.grams`), which
  decides exactly what matches.

``stamp.json`` says which schema, analyzer, fold table, jieba and dictionary built them; any
difference, a missing or unreadable part, or a document count that disagrees with the store
means a rebuild. A rebuild writes a fresh index into ``search.new/`` and swaps the folders
by renaming, so a crash leaves either the old index or none (rebuilt on the next open). An
update writes the gram table in one transaction and then commits the Whoosh writer; a crash
between the two leaves counts that disagree, which the next open repairs.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import threading
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jieba
from whoosh import index
from whoosh.writing import IndexWriter

from reader.archive import Archive
from reader.search import analysis, grams, words
from reader.search.folding import fold_signature
from reader.search.pipeline import BATCH, Record, analyzed, auto_processes
from reader.search.segments import SegmentWorkers
from reader.store.issues import count_articles, get_articles, iter_all_articles

INDEX_SCHEMA = 5
STAMP_NAME = "stamp.json"

Progress = Callable[[int, int], None]

_locks: dict[str, threading.RLock] = {}
_locks_guard = threading.Lock()


def index_dir(archive: Archive) -> Path:
    return archive.search_dir


def stamp_path(archive: Archive) -> Path:
    return archive.search_dir / STAMP_NAME


def _new_dir(archive: Archive) -> Path:
    return archive.search_dir.with_name(archive.search_dir.name + ".new")


def _old_dir(archive: Archive) -> Path:
    return archive.search_dir.with_name(archive.search_dir.name + ".old")


def expected_stamp() -> dict[str, Any]:
    """What the stamp of an index built by this version with this dictionary says."""
    return {
        "schema": INDEX_SCHEMA,
        "analyzer": analysis.ANALYZER_VERSION,
        "fold": fold_signature(),
        "jieba": getattr(jieba, "__version__", "?"),
        "dictionary": analysis.dictionary_hash(),
    }


@contextmanager
def damage_tolerated() -> Iterator[None]:
    """Silence the warnings about files Whoosh leaves open when it fails on a damaged index
    (the failure itself is handled by rebuilding)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        yield


def unusable_reason(archive: Archive) -> str | None:
    """Why the index cannot be searched as it is, or None when it can."""
    reason = stamp_problem(archive)
    if reason is not None:
        return reason
    with damage_tolerated():
        try:
            with words.open_index(archive.search_dir).searcher() as searcher:
                searcher.doc_count()
        except Exception as error:
            return f"unreadable word index ({type(error).__name__})"
    try:
        conn = grams.connect(archive.search_dir)
        try:
            grams.check_readable(conn)
        finally:
            conn.close()
    except sqlite3.Error as error:
        return f"unreadable gram table ({error})"
    return None


def stamp_problem(archive: Archive) -> str | None:
    """Why the stamp says the index must be rebuilt, or None (the index is not opened)."""
    try:
        stamp = json.loads(stamp_path(archive).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "no index"
    except (OSError, ValueError):
        return "unreadable stamp"
    if stamp != expected_stamp():
        return "built by another version or dictionary"
    if not words.exists(archive.search_dir) or not (archive.search_dir / grams.FILE_NAME).is_file():
        return "no index"
    return None


def lock_for(archive: Archive) -> threading.RLock:
    """The lock serialising index writes in this process."""
    key = str(archive.search_dir.resolve())
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
    """Rebuild if the stamp says so (cheap: a damaged file shows when it is searched)."""
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
        processes: worker processes for jieba; None picks 2 on a multi-core machine when
            there are enough articles to pay for starting them, 0 works in-process.
    """
    with lock_for(archive):
        _rebuild_locked(archive, progress, processes)


def sync_index(
    archive: Archive,
    changed_article_ids: Collection[int],
    removed_article_ids: Collection[int] = (),
    progress: Progress | None = None,
    *,
    processes: int | None = None,
) -> None:
    """Bring the index up to date after articles were added, changed or removed.

    An index that cannot be used is rebuilt instead (which includes the changes).
    ``processes`` is as for :func:`rebuild_index`.
    """
    with lock_for(archive):
        if unusable_reason(archive) is not None:
            _rebuild_locked(archive, progress, None)
            return
        changed = sorted(set(changed_article_ids) - set(removed_article_ids))
        gone = sorted(set(removed_article_ids) | set(changed))
        with damage_tolerated():
            try:
                writer = words.open_writer(words.open_index(archive.search_dir))
            except index.LockError:
                raise  # another process writes: its lock outlived the timeout
            except Exception:
                writer = None
        if writer is None:  # damaged under a good stamp
            _rebuild_locked(archive, progress, None)
            return
        try:
            conn = grams.connect(archive.search_dir)
        except sqlite3.Error:
            writer.cancel()
            _rebuild_locked(archive, progress, None)
            return
        try:
            with _one_update(conn, writer) as segments:
                # Only what the index holds: a Whoosh delete searches every segment,
                # costly for each of the thousands of new articles of a large import.
                indexed = grams.present(conn, gone)
                for article_id in indexed:
                    grams.delete(conn, article_id)
                words.delete(writer, indexed)
                records = (
                    (a.id, a.issue_id, a.title, a.text)
                    for start in range(0, len(changed), BATCH)  # SQLite limits ? parameters
                    for a in get_articles(archive.db, changed[start : start + BATCH])
                )
                processes = auto_processes(len(changed), processes)
                segments += _add_all(
                    archive.search_dir, conn, writer, records, len(changed), processes, progress
                )
        except sqlite3.DatabaseError as error:
            if not grams.is_corruption(error):
                raise
            _rebuild_locked(archive, progress, None)  # damaged under a good stamp


@contextmanager
def _one_update(conn: sqlite3.Connection, writer: IndexWriter) -> Iterator[list[Any]]:
    """One update of both parts, which yields the list to put worker segments in.

    The gram table's transaction commits first, then the Whoosh writer; a failure before
    that undoes both. Closes ``conn``.
    """
    segments: list[Any] = []
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield segments
        conn.execute("COMMIT")
    except BaseException:
        grams.roll_back(conn)
        writer.cancel()
        raise
    finally:
        conn.close()
    _commit_words(writer, segments)


def _counts_agree(archive: Archive) -> bool:
    expected = count_articles(archive.db)
    with damage_tolerated():
        try:
            in_words = words.open_index(archive.search_dir).doc_count()
            conn = grams.connect(archive.search_dir)
            try:
                in_grams = grams.doc_count(conn)
            finally:
                conn.close()
        except Exception:
            return False
    return bool(in_words == expected == in_grams)


def _rebuild_locked(archive: Archive, progress: Progress | None, processes: int | None) -> None:
    fresh, old, live = _new_dir(archive), _old_dir(archive), index_dir(archive)
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    try:
        _build(archive, fresh, progress, processes)
        _write_stamp(fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    if live.exists():
        os.replace(live, old)
    os.replace(fresh, live)
    shutil.rmtree(old, ignore_errors=True)


def _build(
    archive: Archive, folder: Path, progress: Progress | None, processes: int | None
) -> None:
    writer = words.open_writer(words.create(folder))
    conn = grams.connect(folder)
    with _one_update(conn, writer) as segments:
        grams.create_tables(conn)
        total = count_articles(archive.db)
        records = ((a.id, a.issue_id, a.title, a.text) for a in iter_all_articles(archive.db))
        processes = auto_processes(total, processes)
        segments += _add_all(folder, conn, writer, records, total, processes, progress)


def _write_stamp(folder: Path) -> None:
    target = folder / STAMP_NAME
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(expected_stamp(), indent=2), encoding="utf-8")
    os.replace(temporary, target)


def _add_all(
    folder: Path,
    conn: sqlite3.Connection,
    writer: IndexWriter,
    records: Iterable[Record],
    total: int,
    processes: int,
    progress: Progress | None,
) -> list[Any]:
    """Write the grams of ``records`` into ``conn`` (inside its transaction) and their words
    into ``writer``, or into segments of worker processes, which are returned for
    :func:`_commit_words`."""
    done = 0

    def report(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(min(done, total), max(total, done))

    segments: list[Any] = []
    if processes <= 0:
        for rows in analyzed(records):
            grams.insert(conn, (row[:6] for row in rows))
            words.add(writer, ((row[0], row[6], row[7]) for row in rows))
            report(len(rows))
    else:
        workers = SegmentWorkers(folder, processes)
        try:
            for gram_rows in workers.gram_rows(records):
                grams.insert(conn, gram_rows)
                report(len(gram_rows))
            segments = workers.finish()
        except BaseException:
            workers.cancel()
            raise
    if progress and done == 0:
        progress(0, 0)
    return segments


def _commit_words(writer: IndexWriter, segments: list[Any]) -> None:
    if any(segment is not None for segment in segments):
        words.commit_with_segments(writer, segments)
    else:
        writer.commit()

"""The search index: a disposable Whoosh index derived from the store.

``<archive>/search/`` holds a Whoosh index (whoosh-reloaded) with one document per article:
``id`` and ``issue_id`` (numeric columns), ``title`` and ``body`` (character grams with
positions: exact recall, see :mod:`reader.search.analysis`), ``title_chars`` and
``body_chars`` (single characters) and ``title_words`` and ``body_words`` (jieba words,
ranking only). Issue metadata and tags stay in the store and are read live.
``stamp.json`` beside it says which schema, analyzer, fold table, jieba and dictionary built
it; any difference, a missing or unreadable index, or a document count that disagrees with
the store means a rebuild.

Writes take one Whoosh writer at a time (a lock per process, Whoosh's own file lock across
processes); readers use their own searcher, which keeps its view while an import writes.
A rebuild writes a fresh index into ``search.new/`` and swaps the folders by renaming, so a
crash leaves either the old index or none (rebuilt on the next open).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jieba
from whoosh import fields, formats, index
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.index import Index
from whoosh.writing import IndexWriter

from reader.archive import Archive
from reader.search import analysis
from reader.search.folding import fold_signature
from reader.search.pipeline import BATCH, Row, analyzed, auto_processes
from reader.store.issues import count_articles, get_articles, iter_all_articles

INDEX_SCHEMA = 3
STAMP_NAME = "stamp.json"
WRITE_TIMEOUT = 60.0  # seconds to wait for another process's writer
WRITER_MB = 256  # postings Whoosh holds in memory before it spills a sorted run to disk

Progress = Callable[[int, int], None]

_locks: dict[str, threading.RLock] = {}
_locks_guard = threading.Lock()


def make_schema() -> fields.Schema:
    """The fields of one article's document."""
    grams = analysis.GramTokenizer()
    chars = analysis.CharSetTokenizer()
    words = SpaceSeparatedTokenizer()
    return fields.Schema(
        id=fields.NUMERIC(int, bits=64, unique=True, sortable=True),
        issue_id=fields.NUMERIC(int, bits=64, sortable=True),
        title=fields.TEXT(analyzer=grams, phrase=True),
        body=fields.TEXT(analyzer=grams, phrase=True),
        # Only matched, never scored (the words of a one-character query score it).
        title_chars=fields.FieldType(formats.Existence(), chars, scorable=False),
        body_chars=fields.FieldType(formats.Existence(), chars, scorable=False),
        title_words=fields.TEXT(analyzer=words, phrase=False),
        body_words=fields.TEXT(analyzer=words, phrase=False),
    )


def open_writer(target: Index) -> IndexWriter:
    """A writer for ``target`` (waits up to WRITE_TIMEOUT for another process's writer)."""
    return target.writer(
        timeout=WRITE_TIMEOUT,
        limitmb=WRITER_MB,
        # Separate files, not one compound file: opening a compound segment copies each
        # part into memory, tens of milliseconds per search.
        compound=False,
    )


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


def open_index(archive: Archive) -> Index:
    """The archive's Whoosh index (raises when it is missing or unreadable)."""
    return index.open_dir(str(index_dir(archive)))


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
            with open_index(archive).searcher() as searcher:
                searcher.doc_count()
        except Exception as error:
            return f"unreadable index ({type(error).__name__})"
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
    if not any(index_dir(archive).glob("_MAIN_*.toc")):  # Whoosh's table of contents
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
) -> None:
    """Bring the index up to date after articles were added, changed or removed.

    An index that cannot be used is rebuilt instead (which includes the changes).
    """
    with lock_for(archive):
        if unusable_reason(archive) is not None:
            _rebuild_locked(archive, progress, None)
            return
        changed = sorted(set(changed_article_ids) - set(removed_article_ids))
        with damage_tolerated():
            try:
                writer = open_writer(open_index(archive))
            except index.LockError:
                raise  # another process writes: its lock outlived the timeout
            except Exception:
                writer = None
        if writer is None:  # damaged under a good stamp
            _rebuild_locked(archive, progress, None)
            return
        try:
            for article_id in sorted(set(removed_article_ids) | set(changed)):
                writer.delete_by_term("id", article_id)
            records = (
                (a.id, a.issue_id, a.title, a.text)
                for start in range(0, len(changed), BATCH)  # SQLite limits ? parameters
                for a in get_articles(archive.db, changed[start : start + BATCH])
            )
            batches = analyzed(records, auto_processes(len(changed), None))
            _add_all(writer, batches, len(changed), progress)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()


def _counts_agree(archive: Archive) -> bool:
    with damage_tolerated():
        try:
            docs = open_index(archive).doc_count()
        except Exception:
            return False
    return bool(docs == count_articles(archive.db))


def _rebuild_locked(archive: Archive, progress: Progress | None, processes: int | None) -> None:
    fresh, old, live = _new_dir(archive), _old_dir(archive), index_dir(archive)
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    try:
        built = index.create_in(str(fresh), make_schema())
        writer = open_writer(built)
        try:
            total = count_articles(archive.db)
            records = ((a.id, a.issue_id, a.title, a.text) for a in iter_all_articles(archive.db))
            _add_all(writer, analyzed(records, auto_processes(total, processes)), total, progress)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        _write_stamp(fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    if live.exists():
        os.replace(live, old)
    os.replace(fresh, live)
    shutil.rmtree(old, ignore_errors=True)


def _write_stamp(folder: Path) -> None:
    target = folder / STAMP_NAME
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(expected_stamp(), indent=2), encoding="utf-8")
    os.replace(temporary, target)


def _add_all(
    writer: IndexWriter, batches: Iterable[list[Row]], total: int, progress: Progress | None
) -> None:
    done = 0
    for rows in batches:
        for article_id, issue_id, title, body, title_words, body_words in rows:
            writer.add_document(
                id=article_id,
                issue_id=issue_id,
                title=title,
                body=body,
                title_chars=title,
                body_chars=body,
                title_words=title_words,
                body_words=body_words,
            )
        done += len(rows)
        if progress:
            progress(min(done, total), max(total, done))
    if progress and done == 0:
        progress(0, 0)

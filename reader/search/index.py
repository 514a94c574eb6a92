"""The search index: disposable, derived from the store, in ``<archive>/search/``.

It has two parts, built and updated together from the same analysed rows:

- ``words/``, a Whoosh index of each article's jieba words (:mod:`reader.search.words`),
  which ranks;
- ``grams.sqlite3``, an FTS5 table of character grams (:mod:`reader.search.grams`), which
  decides exactly what matches, and holds each indexed article's content hash.

``stamp.json`` says which schema, analyzer, fold table, jieba and dictionary built them; any
difference or a missing or unreadable part means a rebuild. Otherwise the index follows the
store by content: opening an archive compares the (article, hash) pairs the gram table holds
with the store's searchable articles
(:func:`~reader.store.issues.searchable_article_hashes`) and re-indexes exactly the articles
added, changed or removed behind its back (a crash between the store's write and the index's,
a restored backup, a corrected printing).

Writes take :mod:`reader.search.lock`, one writer across threads and processes. A rebuild
writes a fresh index into a folder of its own (``search.new-*``) and swaps the folders by
renaming, so a crash leaves either the old index or none (rebuilt on the next open). An
update commits the Whoosh writer first and the gram table (with the hashes) last: a crash
between the two leaves hashes that disagree with the store, which the next open repairs.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.writing import IndexWriter

from reader.archive import Archive
from reader.messages import ReaderError
from reader.search import analysis, grams, whoosh_private, words
from reader.search.folding import fold_signature
from reader.search.lock import IndexLock, lock_at
from reader.search.pipeline import BATCH, Record, analyzed, auto_processes
from reader.search.segments import SegmentRoll, SegmentWorkers
from reader.store.issues import get_articles, index_hash, searchable_article_hashes

INDEX_SCHEMA = 8
STAMP_NAME = "stamp.json"

Progress = Callable[[int, int], None]
# Re-index article by article unless more than this share of the archive differs: then a
# rebuild (on both cores, without a Whoosh delete per article) is quicker.
REBUILD_SHARE = 0.5


class IndexUnusable(ReaderError):
    """The index is missing, outdated or damaged: searching cannot go on until it is rebuilt.

    Raised by the reading side, which never rebuilds; :func:`ensure_index` (the window's
    writer, each command that searches) does. ``reason`` says what is wrong, in English.
    """

    def __init__(self, reason: str) -> None:
        super().__init__("search.index_unusable", reason=reason)
        self.reason = reason


def index_dir(archive: Archive) -> Path:
    return archive.search_dir


def stamp_path(archive: Archive) -> Path:
    return archive.search_dir / STAMP_NAME


def _leftovers(archive: Archive) -> list[Path]:
    """Folders of rebuilds that died before they finished (call holding the lock)."""
    name = archive.search_dir.name
    return [
        path
        for pattern in (f"{name}.new*", f"{name}.old*")
        for path in archive.search_dir.parent.glob(pattern)
        if path.is_dir()
    ]


def expected_stamp() -> dict[str, Any]:
    """What the stamp of an index built by this version with this dictionary says."""
    return {
        "schema": INDEX_SCHEMA,
        "analyzer": analysis.ANALYZER_VERSION,
        "fold": fold_signature(),
        "jieba": analysis.segmenter_version(),
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


def lock_for(archive: Archive) -> IndexLock:
    """The lock serialising index writes, across threads and processes (re-entrant)."""
    return lock_at(archive.folder)


def ensure_index(archive: Archive, progress: Progress | None = None) -> bool:
    """Bring the index in line with the store; call when an archive is opened.

    A missing, outdated or unreadable index is rebuilt. Otherwise the articles whose
    content the index does not hold (added, changed or removed behind its back) are
    re-indexed, with ``progress(done, total)``. Returns True if anything was written.
    """
    with lock_for(archive):
        if unusable_reason(archive) is not None:
            _rebuild_locked(archive, progress, None)
            return True
        return _follow_store(archive, None, progress, None)


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

    Only the given articles are looked at, and of those only the ones whose content the
    index does not hold are written (the store decides what is searchable: an id in both
    lists, or a "removed" one the store still shows, is indexed as it is there). An index
    that cannot be used is rebuilt instead (which includes the changes). ``processes`` is
    as for :func:`rebuild_index`.
    """
    with lock_for(archive):
        if unusable_reason(archive) is not None:
            _rebuild_locked(archive, progress, None)
            return
        touched = set(changed_article_ids) | set(removed_article_ids)
        if touched:
            _follow_store(archive, touched, progress, processes)


def _follow_store(
    archive: Archive,
    among: Collection[int] | None,
    progress: Progress | None,
    processes: int | None,
) -> bool:
    """Re-index the articles (of ``among``, or all) whose hash in the index differs from the
    store's; returns True if anything was written. Call holding the lock."""
    wanted = searchable_article_hashes(archive.db, among)
    try:
        conn = grams.connect(archive.search_dir)
        try:
            held = grams.hashes(conn, among)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if not grams.is_corruption(error):
            raise
        _rebuild_locked(archive, progress, None)  # damaged under a good stamp
        return True
    stale = sorted(article_id for article_id, h in wanted.items() if held.get(article_id) != h)
    gone = sorted(set(held) - set(wanted))
    whole = among is None
    if whole and len(stale) + len(gone) > REBUILD_SHARE * max(len(wanted), 1):
        _rebuild_locked(archive, progress, processes)
        return True
    if stale or gone:
        _update(archive, stale, gone, progress, processes)
    if whole and _word_count(archive) != len(wanted):
        _rebuild_locked(archive, progress, processes)  # the word index lost or kept extra
        return True
    return bool(stale or gone)


def _update(
    archive: Archive,
    stale: list[int],
    gone: list[int],
    progress: Progress | None,
    processes: int | None,
) -> None:
    """Write ``stale`` articles anew and remove ``gone`` ones, in both parts."""
    processes = auto_processes(len(stale), processes)
    with damage_tolerated():
        try:
            writer = words.open_writer(
                words.open_index(archive.search_dir), articles=0 if processes else len(stale)
            )
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
            for article_id in [*stale, *gone]:
                grams.delete(conn, article_id)
            words.delete(writer, [*stale, *gone])
            hashes: dict[int, str] = {}
            records = _records(archive, stale, hashes)
            segments += _add_all(
                archive.search_dir, conn, writer, records, hashes, len(stale), processes, progress
            )
    except sqlite3.DatabaseError as error:
        if not grams.is_corruption(error):
            raise
        _rebuild_locked(archive, progress, None)  # damaged under a good stamp


def _records(archive: Archive, article_ids: list[int], hashes: dict[int, str]) -> Iterator[Record]:
    """The store's articles of ``article_ids`` as index records, noting each one's hash in
    ``hashes`` as it is read (so the hash is of the very text indexed)."""
    for start in range(0, len(article_ids), BATCH):  # SQLite limits ? parameters
        for a in get_articles(archive.db, article_ids[start : start + BATCH]):
            hashes[a.id] = index_hash(a.issue_id, a.title, a.content_hash)
            yield Record(a.id, a.issue_id, a.title, a.text)


@contextmanager
def _one_update(conn: sqlite3.Connection, writer: IndexWriter) -> Iterator[list[Any]]:
    """One update of both parts, which yields the list to put worker segments in.

    The Whoosh writer commits first, then the gram table's transaction: the hashes there
    say what both parts hold, so a crash between the two is seen on the next open. A
    failure before the Whoosh commit undoes both. Closes ``conn``.
    """
    segments: list[Any] = []
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield segments
        except BaseException:
            writer.cancel()
            raise
        _commit_words(writer, segments)
        _commit_grams(conn)
    except BaseException:
        grams.roll_back(conn)
        raise
    finally:
        conn.close()


def _commit_grams(conn: sqlite3.Connection) -> None:
    conn.execute("COMMIT")


def _word_count(archive: Archive) -> int | None:
    """How many articles the word index holds (None when it cannot be read)."""
    with damage_tolerated():
        try:
            return int(words.open_index(archive.search_dir).doc_count())
        except Exception:
            return None


def _rebuild_locked(archive: Archive, progress: Progress | None, processes: int | None) -> None:
    live = index_dir(archive)
    for leftover in _leftovers(archive):
        shutil.rmtree(leftover, ignore_errors=True)
    # A folder of its own, so nothing another rebuild left or does can touch this one.
    fresh = Path(tempfile.mkdtemp(prefix=f"{live.name}.new-", dir=live.parent))
    try:
        _build(archive, fresh, progress, processes)
        _write_stamp(fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    old = live.with_name(f"{live.name}.old-{fresh.name.rpartition('-')[2]}")
    if live.exists():
        os.replace(live, old)
    os.replace(fresh, live)
    shutil.rmtree(old, ignore_errors=True)


def _build(
    archive: Archive, folder: Path, progress: Progress | None, processes: int | None
) -> None:
    wanted = sorted(searchable_article_hashes(archive.db))
    processes = auto_processes(len(wanted), processes)
    writer = words.open_writer(words.create(folder), articles=0 if processes else len(wanted))
    conn = grams.connect(folder, fresh=True)
    with _one_update(conn, writer) as segments:
        grams.create_tables(conn)
        hashes: dict[int, str] = {}
        records = _records(archive, wanted, hashes)
        segments += _add_all(
            folder, conn, writer, records, hashes, len(wanted), processes, progress
        )
        grams.optimize(conn)


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
    hashes: Mapping[int, str],
    total: int,
    processes: int,
    progress: Progress | None,
) -> list[Any]:
    """Write the grams of ``records`` into ``conn`` (inside its transaction) and their words
    into ``writer``, or into segments of worker processes, which are returned for
    :func:`_commit_words`. ``hashes`` holds each record's index hash by the time its gram
    rows are written."""
    done = 0

    def report(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(min(done, total), max(total, done))

    segments: list[Any] = []
    if processes <= 0:
        # Past a segment's worth of articles, this process writes segments of its own as a
        # worker does, so that its postings stay in a term pool of bounded size.
        roll = None
        if total > words.SEGMENT_ARTICLES and whoosh_private.available():
            roll = SegmentRoll(folder)
        for rows in analyzed(records):
            grams.insert(conn, (row.grams for row in rows), hashes)
            if roll is None:
                words.add(writer, (row.words for row in rows))
            else:
                roll.add(row.words for row in rows)
            report(len(rows))
        if roll is not None:
            segments = roll.finish()
    else:
        workers = SegmentWorkers(folder, processes)
        try:
            for gram_rows in workers.gram_rows(records):
                grams.insert(conn, gram_rows, hashes)
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
        whoosh_private.commit_with_segments(writer, segments)
    else:
        writer.commit()

"""What is derived from each article at import: its regions, keywords and reprint links.

:func:`update_derived` runs once after an import batch, for the articles the batch added or
changed and for any article not yet done (an archive from before this data existed), so each
article is done once, when it arrives. ``article_derived`` records the text each was derived
from; a changed text is done again.

Deriving is mostly pure Python (place names, TF-IDF, a MinHash signature), about 3 ms an
article: a large batch computes it in worker processes (:func:`derivation_of`), and only
storing it, and finding reprints among the stored signatures, is done here, in id order.
An import runs it in a thread of its own beside the search index's update
(:func:`deriving_alongside`), so both use the two cores at once.
"""

from __future__ import annotations

import logging
import threading
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from typing import NamedTuple

from sqlite_utils import Database

from reader.archive import Archive
from reader.regions import Region
from reader.worker_processes import map_in_processes, worker_count

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

BATCH = 200  # articles read and written in one transaction (a commit each costs ~1 ms)
# Below this many articles, starting worker processes (each loads the IDF table, the
# gazetteer and jieba's dictionary, about a second) costs more than it saves.
PROCESS_THRESHOLD = 1000


class ArticleText(NamedTuple):
    article_id: int
    title: str
    text: str
    content_hash: str


class Derivation(NamedTuple):
    """What is derived from one article's text, before it is stored."""

    article_id: int
    content_hash: str
    regions: list[Region]
    keywords: list[tuple[str, float]]
    signature: bytes | None  # the reprint signature's values, as stored


def articles_to_derive(archive: Archive, changed: Iterable[int]) -> list[int]:
    """The changed articles, and every article whose derived data is missing or outdated."""
    rows = archive.db.execute(
        "SELECT a.id FROM articles a LEFT JOIN article_derived d ON d.article_id = a.id "
        "WHERE d.article_id IS NULL OR d.content_hash != a.content_hash"
    )
    return sorted({*changed, *(row[0] for row in rows)})


def derivation_of(article: ArticleText) -> Derivation:
    """Regions, keywords and reprint signature of one article (pure: no store involved)."""
    from reader.keywords import extract_keywords
    from reader.regions import article_regions
    from reader.reprints import signature

    values = signature(f"{article.title}\n{article.text}")
    return Derivation(
        article.article_id,
        article.content_hash,
        article_regions(article.title, article.text),
        extract_keywords(article.title, article.text),
        values.tobytes() if values is not None else None,
    )


def derive_batch(articles: list[ArticleText]) -> list[Derivation]:
    """:func:`derivation_of` for a batch (what a worker process is given)."""
    return [derivation_of(article) for article in articles]


def derive_articles(
    archive: Archive,
    article_ids: list[int],
    progress: Progress | None = None,
    *,
    processes: int | None = None,
) -> int:
    """Tag regions, pick keywords and link reprints for these articles (stored in id order,
    so an article links to those imported before it). Returns how many were done.

    ``processes``: worker processes computing the derived data; None picks 2 on a
    multi-core machine for a large batch, 0 computes it in this thread.
    """
    processes = worker_count(len(article_ids), processes, PROCESS_THRESHOLD)
    batches = _article_batches(archive, article_ids)
    if processes:
        derived = map_in_processes(derive_batch, batches, processes)
    else:
        derived = map(derive_batch, batches)
    done = 0
    for batch in derived:
        with archive.db.atomic():
            for derivation in batch:
                _store(archive.db, derivation)
        done += len(batch)
        if progress:
            progress(done, len(article_ids))
    return done


def _article_batches(archive: Archive, article_ids: list[int]) -> Iterator[list[ArticleText]]:
    """The articles' texts, a batch at a time; ids the store no longer has are forgotten."""
    db = archive.db
    for start in range(0, len(article_ids), BATCH):
        chunk = article_ids[start : start + BATCH]
        found = {
            row[0]: ArticleText(*row)
            for row in db.execute(
                "SELECT id, title, text, content_hash FROM articles "
                f"WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        }
        gone = [article_id for article_id in chunk if article_id not in found]
        if gone:
            _forget(archive, gone)
        yield [found[article_id] for article_id in chunk if article_id in found]


def _store(db: Database, derivation: Derivation) -> None:
    from reader.keywords import store_keywords
    from reader.regions import store_regions
    from reader.reprints import link_signature

    article_id = derivation.article_id
    db.execute(
        "INSERT OR REPLACE INTO article_derived (article_id, content_hash) VALUES (?, ?)",
        [article_id, derivation.content_hash],
    )
    store_regions(db, article_id, derivation.regions)
    store_keywords(db, article_id, derivation.keywords)
    values = None
    if derivation.signature is not None:
        values = array("Q")
        values.frombytes(derivation.signature)
    link_signature(db, article_id, values)


def _forget(archive: Archive, article_ids: list[int]) -> None:
    from reader.store.trash import forget_articles

    with archive.db.atomic():
        forget_articles(archive.db, article_ids)


def update_derived(archive: Archive, changed: Iterable[int]) -> str | None:
    """After an import: derive what is new; a failure here never undoes the import.

    Returns None, or what went wrong (the articles left are derived on the next import).
    """
    try:
        derive_articles(archive, articles_to_derive(archive, changed))
    except Exception as error:
        return _failed(error)
    return None


def _failed(error: Exception) -> str:
    """Log a failure to derive; what went wrong, for the import report."""
    log.exception("deriving regions, keywords and reprints failed")
    return f"{type(error).__name__}: {error}"


class Alongside:
    """What :func:`deriving_alongside` found: ``failure`` is None or what went wrong."""

    failure: str | None = None


@contextmanager
def deriving_alongside(archive: Archive, changed: Collection[int]) -> Iterator[Alongside]:
    """Run :func:`update_derived` in a thread of its own while the block runs (the thread
    opens the archive again: a connection belongs to the thread that opened it)."""
    wanted = list(changed)
    outcome = Alongside()

    def derive() -> None:
        try:
            with Archive(archive.folder) as own:
                outcome.failure = update_derived(own, wanted)
        except Exception as error:  # the archive could not be opened again
            outcome.failure = _failed(error)

    thread = threading.Thread(target=derive, name="derive", daemon=True)
    thread.start()
    try:
        yield outcome
    finally:
        thread.join()

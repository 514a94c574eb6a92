"""What is derived from each article at import: its regions, keywords and reprint links.

:func:`update_derived` runs once after an import batch, for the articles the batch added or
changed and for any article not yet done (an archive from before this data existed), so each
article is done once, when it arrives. ``article_derived`` records the text each was derived
from; a changed text is done again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from sqlite_utils import Database

from reader.archive import Archive

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def articles_to_derive(archive: Archive, changed: Iterable[int]) -> list[int]:
    """The changed articles, and every article whose derived data is missing or outdated."""
    rows = archive.db.execute(
        "SELECT a.id FROM articles a LEFT JOIN article_derived d ON d.article_id = a.id "
        "WHERE d.article_id IS NULL OR d.content_hash != a.content_hash"
    )
    return sorted({*changed, *(row[0] for row in rows)})


BATCH = 200  # articles read and written in one transaction (a commit each costs ~1 ms)


def derive_articles(
    archive: Archive, article_ids: list[int], progress: Progress | None = None
) -> int:
    """Tag regions, pick keywords and link reprints for these articles (in id order, so an
    article links to those imported before it). Returns how many were done."""
    db = archive.db
    done = 0
    for start in range(0, len(article_ids), BATCH):
        chunk = article_ids[start : start + BATCH]
        rows = {
            row[0]: row[1:]
            for row in db.execute(
                "SELECT id, title, text, content_hash FROM articles "
                f"WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        }
        gone = [article_id for article_id in chunk if article_id not in rows]
        if gone:
            _forget(archive, gone)
        with db.atomic():
            for article_id in chunk:
                if article_id in rows:
                    _derive(db, article_id, *rows[article_id])
        done += len(rows)
        if progress:
            progress(done, len(article_ids))
    return done


def _derive(db: Database, article_id: int, title: str, text: str, content_hash: str) -> None:
    from reader.keywords import extract_keywords, store_keywords
    from reader.regions import article_regions, store_regions
    from reader.reprints import link_article

    db.execute(
        "INSERT OR REPLACE INTO article_derived (article_id, content_hash) VALUES (?, ?)",
        [article_id, content_hash],
    )
    store_regions(db, article_id, article_regions(title, text))
    store_keywords(db, article_id, extract_keywords(title, text))
    link_article(db, article_id, f"{title}\n{text}")


def _forget(archive: Archive, article_ids: list[int]) -> None:
    from reader.store.trash import forget_articles

    with archive.db.atomic():
        forget_articles(archive.db, article_ids)


def update_derived(archive: Archive, changed: Iterable[int]) -> None:
    """After an import: derive what is new; a failure here never undoes the import."""
    try:
        derive_articles(archive, articles_to_derive(archive, changed))
    except Exception:  # derived data is redone for missing articles on the next import
        log.exception("deriving regions, keywords and reprints failed")

"""What is derived from each article at import: its regions, keywords and reprint links.

:func:`update_derived` runs once after an import batch, for the articles the batch added or
changed and for any article not yet done (an archive from before this data existed), so each
article is done once, when it arrives. ``article_derived`` records the text each was derived
from; a changed text is done again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

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


def derive_articles(
    archive: Archive, article_ids: list[int], progress: Progress | None = None
) -> int:
    """Tag regions, pick keywords and link reprints for these articles (in id order, so an
    article links to those imported before it). Returns how many were done."""
    from reader.keywords import extract_keywords, store_keywords
    from reader.regions import article_regions, store_regions
    from reader.reprints import link_article

    db = archive.db
    done = 0
    for article_id in article_ids:
        row = db.execute(
            "SELECT title, text, content_hash FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            _forget(archive, article_id)
            continue
        title, text, content_hash = row
        with db.atomic():
            db.execute(
                "INSERT OR REPLACE INTO article_derived (article_id, content_hash) VALUES (?, ?)",
                [article_id, content_hash],
            )
            store_regions(db, article_id, article_regions(title, text))
            store_keywords(db, article_id, extract_keywords(title, text))
            link_article(db, article_id, f"{title}\n{text}")
        done += 1
        if progress:
            progress(done, len(article_ids))
    return done


def _forget(archive: Archive, article_id: int) -> None:
    from reader.store.trash import forget_articles

    with archive.db.atomic():
        forget_articles(archive.db, [article_id])


def update_derived(archive: Archive, changed: Iterable[int]) -> None:
    """After an import: derive what is new; a failure here never undoes the import."""
    try:
        derive_articles(archive, articles_to_derive(archive, changed))
    except Exception:  # derived data is redone for missing articles on the next import
        log.exception("deriving regions, keywords and reprints failed")

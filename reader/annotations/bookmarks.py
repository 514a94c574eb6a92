"""Bookmarks: at most one per article, optionally at a position in its text."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from reader.annotations.common import (
    AnnotationError,
    article_text,
    require_article,
    write_returning,
)
from reader.annotations.records import Bookmark
from reader.clock import now_iso
from reader.store.issues import LIVE_ARTICLE_IDS

_COLUMNS = "id, article_id, position, created"


def _bookmark(row: Any) -> Bookmark:
    return Bookmark(id=row[0], article_id=row[1], position=row[2], created=row[3])


def add_bookmark(db: Database, article_id: int, position: int | None = None) -> Bookmark:
    """Bookmark an article (or move its bookmark to ``position``) and commit.

    Bookmarking an article that already has one keeps its creation time and sets
    the new position when one is given.

    Raises:
        AnnotationError: no such article, or a position outside its text.
    """
    with db.atomic():
        if position is not None:
            length = len(article_text(db, article_id))
            if not 0 <= position <= length:
                raise AnnotationError(
                    "annotation.position_outside",
                    position=position,
                    article_id=article_id,
                    length=length,
                )
        else:
            require_article(db, article_id)
        row = write_returning(
            db,
            "INSERT INTO bookmarks (article_id, position, created) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE "
            "SET position = coalesce(excluded.position, position) "
            f"RETURNING {_COLUMNS}",
            [article_id, position, now_iso()],
        )
    return _bookmark(row)


def delete_bookmark(db: Database, article_id: int) -> Bookmark:
    """Remove an article's bookmark and commit; returns what was removed.

    Raises:
        AnnotationError: the article has no bookmark.
    """
    with db.atomic():
        row = write_returning(
            db, f"DELETE FROM bookmarks WHERE article_id = ? RETURNING {_COLUMNS}", [article_id]
        )
    if row is None:
        raise AnnotationError("annotation.no_bookmark", article_id=article_id)
    return _bookmark(row)


def get_bookmark(db: Database, article_id: int) -> Bookmark | None:
    """The article's bookmark, if it has one."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM bookmarks WHERE article_id = ?", [article_id]
    ).fetchone()
    return _bookmark(row) if row else None


def list_bookmarks(db: Database) -> list[Bookmark]:
    """Every bookmark, newest first (those on articles in the trash left out)."""
    cursor = db.execute(
        f"SELECT {_COLUMNS} FROM bookmarks WHERE article_id IN {LIVE_ARTICLE_IDS} "
        "ORDER BY created DESC, id DESC"
    )
    return [_bookmark(row) for row in cursor.fetchall()]

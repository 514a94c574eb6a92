"""Tags on articles: several per article; the search engine filters on them (``tag:乳业``)."""

from __future__ import annotations

import unicodedata

from sqlite_utils import Database

from reader.annotations.common import (
    WHAT_TAG,
    AnnotationError,
    check_text,
    require_article,
)
from reader.annotations.records import Tag
from reader.clock import now_iso
from reader.store.issues import LIVE_ARTICLE_IDS

MAX_TAG_LENGTH = 64


def normalize_tag(name: str) -> str:
    """The stored form of a tag name: NFC, without surrounding spaces.

    Raises:
        AnnotationError: an empty name, one with spaces inside (``tag:NAME`` in a search
            could not name it), or one longer than :data:`MAX_TAG_LENGTH` characters.
    """
    check_text(name, WHAT_TAG)
    normalized = unicodedata.normalize("NFC", name).strip()
    if not normalized:
        raise AnnotationError("annotation.tag_empty")
    if any(ch.isspace() for ch in normalized):
        raise AnnotationError("annotation.tag_spaces", tag=repr(normalized))
    if len(normalized) > MAX_TAG_LENGTH:
        raise AnnotationError("annotation.tag_too_long", limit=MAX_TAG_LENGTH)
    return normalized


def add_tag(db: Database, article_id: int, name: str) -> Tag:
    """Tag an article and commit; tagging it twice with one tag changes nothing.

    Returns:
        The tag with its article count after the change.

    Raises:
        AnnotationError: no such article, or a bad tag name.
    """
    name = normalize_tag(name)
    with db.atomic():
        require_article(db, article_id)
        db.execute("INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING", [name])
        db.execute(
            "INSERT INTO article_tags (article_id, tag_id, created) "
            "SELECT ?, id, ? FROM tags WHERE name = ? ON CONFLICT DO NOTHING",
            [article_id, now_iso(), name],
        )
        tag = _tag_named(db, name)
    assert tag is not None
    return tag


def remove_tag(db: Database, article_id: int, name: str) -> None:
    """Take a tag off an article and commit; a tag no article carries any more is dropped.

    Raises:
        AnnotationError: the article does not carry this tag.
    """
    name = normalize_tag(name)
    with db.atomic():
        cursor = db.execute(
            "DELETE FROM article_tags WHERE article_id = ? "
            "AND tag_id = (SELECT id FROM tags WHERE name = ?)",
            [article_id, name],
        )
        if cursor.rowcount == 0:
            require_article(db, article_id)
            raise AnnotationError("annotation.no_tag", article_id=article_id, tag=repr(name))
        db.execute(
            "DELETE FROM tags WHERE name = ? "
            "AND NOT EXISTS (SELECT 1 FROM article_tags WHERE tag_id = tags.id)",
            [name],
        )


def _tag_named(db: Database, name: str) -> Tag | None:
    row = db.execute(
        "SELECT tags.id, tags.name, count(article_tags.article_id) FROM tags "
        "LEFT JOIN article_tags ON article_tags.tag_id = tags.id WHERE tags.name = ? "
        "GROUP BY tags.id",
        [name],
    ).fetchone()
    return Tag(*row) if row else None


def list_tags(db: Database) -> list[Tag]:
    """Every tag in use with how many articles carry it, by name (articles in the trash
    not counted; a tag only they carry not listed)."""
    rows = db.execute(
        "SELECT tags.id, tags.name, count(article_tags.article_id) AS n FROM tags "
        "JOIN article_tags ON article_tags.tag_id = tags.id "
        f"WHERE article_tags.article_id IN {LIVE_ARTICLE_IDS} GROUP BY tags.id ORDER BY tags.name"
    ).fetchall()
    return [Tag(*row) for row in rows]


def article_tags(db: Database, article_id: int) -> list[str]:
    """The names of an article's tags, in alphabetical order.

    Raises:
        AnnotationError: no such article.
    """
    require_article(db, article_id)
    rows = db.execute(
        "SELECT tags.name FROM article_tags JOIN tags ON tags.id = article_tags.tag_id "
        "WHERE article_tags.article_id = ? ORDER BY tags.name",
        [article_id],
    ).fetchall()
    return [row[0] for row in rows]


def articles_with_tag(db: Database, name: str) -> list[int]:
    """Ids of the live articles carrying a tag (none for an unknown or malformed name),
    ascending."""
    try:
        name = normalize_tag(name)
    except AnnotationError:
        return []
    rows = db.execute(
        "SELECT article_tags.article_id FROM article_tags "
        "JOIN tags ON tags.id = article_tags.tag_id WHERE tags.name = ? "
        f"AND article_tags.article_id IN {LIVE_ARTICLE_IDS} ORDER BY article_tags.article_id",
        [name],
    ).fetchall()
    return [row[0] for row in rows]

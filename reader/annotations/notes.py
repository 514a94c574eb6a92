"""Notes on articles: several per article, any length, stored exactly as typed."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from reader.annotations.common import (
    WHAT_NOTE,
    AnnotationError,
    check_text,
    require_article,
    write_returning,
)
from reader.annotations.records import Note
from reader.clock import now_iso
from reader.store.issues import LIVE_ARTICLE_IDS

_COLUMNS = "id, article_id, text, created, updated"


def _note(row: Any) -> Note:
    return Note(id=row[0], article_id=row[1], text=row[2], created=row[3], updated=row[4])


def add_note(db: Database, article_id: int, text: str) -> Note:
    """Add a note to an article and commit it.

    Args:
        db: The archive database.
        article_id: The article the note is about.
        text: Plain text or Markdown; markup such as ``<b>`` is kept as characters.

    Raises:
        AnnotationError: no such article, or text that is not valid Unicode.
    """
    check_text(text, WHAT_NOTE)
    stamp = now_iso()
    with db.atomic():
        require_article(db, article_id)
        row = write_returning(
            db,
            f"INSERT INTO notes (article_id, text, created, updated) VALUES (?, ?, ?, ?) "
            f"RETURNING {_COLUMNS}",
            [article_id, text, stamp, stamp],
        )
    return _note(row)


def update_note(db: Database, note_id: int, text: str) -> Note:
    """Replace a note's text and commit it: one UPDATE, cheap enough to call as the editor types.

    Raises:
        AnnotationError: no such note, or text that is not valid Unicode.
    """
    check_text(text, WHAT_NOTE)
    with db.atomic():
        row = write_returning(
            db,
            f"UPDATE notes SET text = ?, updated = ? WHERE id = ? RETURNING {_COLUMNS}",
            [text, now_iso(), note_id],
        )
    if row is None:
        raise AnnotationError("annotation.no_note", note_id=note_id)
    return _note(row)


def delete_note(db: Database, note_id: int) -> Note:
    """Delete a note and commit; returns what was deleted.

    Raises:
        AnnotationError: no such note.
    """
    with db.atomic():
        row = write_returning(db, f"DELETE FROM notes WHERE id = ? RETURNING {_COLUMNS}", [note_id])
    if row is None:
        raise AnnotationError("annotation.no_note", note_id=note_id)
    return _note(row)


def get_note(db: Database, note_id: int) -> Note:
    """The note with this id.

    Raises:
        AnnotationError: no such note.
    """
    row = db.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", [note_id]).fetchone()
    if row is None:
        raise AnnotationError("annotation.no_note", note_id=note_id)
    return _note(row)


def list_notes(db: Database, article_id: int | None = None) -> list[Note]:
    """Notes on one article (oldest first), or every note grouped by article (those on
    articles in the trash left out).

    Raises:
        AnnotationError: ``article_id`` names no article.
    """
    if article_id is None:
        cursor = db.execute(
            f"SELECT {_COLUMNS} FROM notes WHERE article_id IN {LIVE_ARTICLE_IDS} "
            "ORDER BY article_id, id"
        )
    else:
        require_article(db, article_id)
        cursor = db.execute(
            f"SELECT {_COLUMNS} FROM notes WHERE article_id = ? ORDER BY id", [article_id]
        )
    return [_note(row) for row in cursor.fetchall()]

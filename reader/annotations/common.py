"""What the annotation modules share: the error type, timestamps, checks on input."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from reader.messages import ReaderError, message


class AnnotationError(ReaderError, ValueError):
    """A bad id, offset or value, with a message an editor can act on."""

    def __init__(self, code: str, **args: Any) -> None:
        ReaderError.__init__(self, code, **args)


# What check_text is checking, named in both languages.
WHAT_NOTE = "annotation.what.note"
WHAT_TAG = "annotation.what.tag"
WHAT_QUOTE = "annotation.what.quote"
WHAT_HIGHLIGHT_NOTE = "annotation.what.highlight_note"


def article_text(db: Database, article_id: int) -> str:
    """The text of an article, or :class:`AnnotationError` when there is no such article."""
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise AnnotationError("annotation.no_article", article_id=article_id)
    return str(row[0])


def require_article(db: Database, article_id: int) -> None:
    """Raise :class:`AnnotationError` unless the article exists."""
    row = db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise AnnotationError("annotation.no_article", article_id=article_id)


def check_text(text: str, what: str) -> str:
    """``text`` unchanged if it can be stored (any Unicode, markup included), else an error.

    Lone surrogates (from undecodable command-line bytes) cannot be written as UTF-8.
    """
    if not isinstance(text, str):
        raise AnnotationError("annotation.not_text", what=message(what))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise AnnotationError("annotation.not_unicode", what=message(what)) from None
    return text


def write_returning(db: Database, sql: str, parameters: list[object]) -> tuple[object, ...] | None:
    """Run a write with a RETURNING clause to completion; its first row, if any.

    Fetching every row finishes the statement, so the enclosing COMMIT never meets a
    write still in progress.
    """
    rows = db.execute(sql, parameters).fetchall()
    return tuple(rows[0]) if rows else None

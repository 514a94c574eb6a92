"""Highlights: coloured ranges of an article's text, kept as offsets plus the quoted text."""

from __future__ import annotations

import re
from typing import Any

from sqlite_utils import Database

from reader.annotations.anchoring import locate_quote
from reader.annotations.common import (
    WHAT_HIGHLIGHT_NOTE,
    AnnotationError,
    article_text,
    check_text,
    require_article,
    write_returning,
)
from reader.annotations.records import Highlight, ReanchorResult
from reader.clock import now_iso
from reader.store.issues import LIVE_ARTICLE_IDS

# The colour names a highlight may take, in the order menus offer them (or any #rrggbb).
HIGHLIGHT_COLORS = ("yellow", "green", "blue", "pink", "purple", "orange")
DEFAULT_COLOR = "yellow"
_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")

_COLUMNS = 'id, article_id, start, "end", quote, color, note, status, created, updated'


def _highlight(row: Any) -> Highlight:
    return Highlight(*row)


def check_color(color: str) -> str:
    """The colour in its stored form (a name in lower case, or ``#rrggbb``), or an error."""
    normalized = color.strip().lower()
    if normalized in HIGHLIGHT_COLORS or _HEX_COLOR.fullmatch(normalized):
        return normalized
    raise AnnotationError(
        "annotation.bad_colour", colour=repr(color), colours=", ".join(HIGHLIGHT_COLORS)
    )


def add_highlight(
    db: Database,
    article_id: int,
    start: int,
    end: int,
    color: str = DEFAULT_COLOR,
    note: str | None = None,
) -> Highlight:
    """Highlight ``text[start:end]`` of an article and commit.

    Args:
        db: The archive database.
        article_id: The article.
        start: First character of the range (0-based, counting Unicode characters).
        end: One past the last character.
        color: A name from :data:`HIGHLIGHT_COLORS` or ``#rrggbb``.
        note: An optional remark on the highlight.

    Raises:
        AnnotationError: no such article, a range outside its text or empty, a bad colour.
    """
    color = check_color(color)
    if note is not None:
        check_text(note, WHAT_HIGHLIGHT_NOTE)
    stamp = now_iso()
    with db.atomic():
        text = article_text(db, article_id)
        if not 0 <= start < end <= len(text):
            raise AnnotationError(
                "annotation.range_outside",
                start=start,
                end=end,
                article_id=article_id,
                length=len(text),
            )
        row = write_returning(
            db,
            'INSERT INTO highlights (article_id, start, "end", quote, color, note, status, '
            f"created, updated) VALUES (?, ?, ?, ?, ?, ?, 'anchored', ?, ?) RETURNING {_COLUMNS}",
            [article_id, start, end, text[start:end], color, note, stamp, stamp],
        )
    return _highlight(row)


def update_highlight(
    db: Database,
    highlight_id: int,
    *,
    color: str | None = None,
    note: str | None = None,
    clear_note: bool = False,
) -> Highlight:
    """Change a highlight's colour and/or note and commit (one UPDATE).

    Raises:
        AnnotationError: no such highlight, or a bad colour.
    """
    color = check_color(color) if color is not None else None
    if note is not None:
        check_text(note, WHAT_HIGHLIGHT_NOTE)
    with db.atomic():
        row = write_returning(
            db,
            "UPDATE highlights SET color = coalesce(?, color), "
            "note = CASE WHEN ? THEN NULL ELSE coalesce(?, note) END, updated = ? "
            f"WHERE id = ? RETURNING {_COLUMNS}",
            [color, clear_note, note, now_iso(), highlight_id],
        )
    if row is None:
        raise AnnotationError("annotation.no_highlight", highlight_id=highlight_id)
    return _highlight(row)


def delete_highlight(db: Database, highlight_id: int) -> Highlight:
    """Delete a highlight and commit; returns what was deleted.

    Raises:
        AnnotationError: no such highlight.
    """
    with db.atomic():
        row = write_returning(
            db, f"DELETE FROM highlights WHERE id = ? RETURNING {_COLUMNS}", [highlight_id]
        )
    if row is None:
        raise AnnotationError("annotation.no_highlight", highlight_id=highlight_id)
    return _highlight(row)


def get_highlight(db: Database, highlight_id: int) -> Highlight:
    """The highlight with this id.

    Raises:
        AnnotationError: no such highlight.
    """
    row = db.execute(f"SELECT {_COLUMNS} FROM highlights WHERE id = ?", [highlight_id]).fetchone()
    if row is None:
        raise AnnotationError("annotation.no_highlight", highlight_id=highlight_id)
    return _highlight(row)


def list_highlights(db: Database, article_id: int | None = None) -> list[Highlight]:
    """Highlights of one article in reading order, or every highlight by article (those
    on articles in the trash left out).

    Raises:
        AnnotationError: ``article_id`` names no article.
    """
    if article_id is None:
        sql = (
            f"SELECT {_COLUMNS} FROM highlights WHERE article_id IN {LIVE_ARTICLE_IDS} "
            "ORDER BY article_id, start, id"
        )
        return [_highlight(row) for row in db.execute(sql).fetchall()]
    require_article(db, article_id)
    sql = f"SELECT {_COLUMNS} FROM highlights WHERE article_id = ? ORDER BY start, id"
    return [_highlight(row) for row in db.execute(sql, [article_id]).fetchall()]


def reanchor_article_highlights(db: Database, article_id: int) -> list[ReanchorResult]:
    """Re-place an article's highlights after its text changed (the importer calls this).

    Each highlight's quote is looked for in the new text, nearest its old offset:
    status "anchored" (still in place) or "moved" (offsets updated), else "lost" (the row,
    its old offsets and its quote are kept, so nothing the editor wrote disappears).
    Highlights lost earlier are tried again. Runs in the caller's transaction if one is
    open, else commits on its own.

    Raises:
        AnnotationError: no such article.
    """
    results: list[ReanchorResult] = []
    with db.atomic():
        text = article_text(db, article_id)
        rows = db.execute(
            'SELECT id, start, "end", quote, status FROM highlights WHERE article_id = ? '
            "ORDER BY id",
            [article_id],
        ).fetchall()
        stamp = now_iso()
        for highlight_id, start, end, quote, status in rows:
            anchor = locate_quote(text, quote, start, end)
            if (anchor.status, anchor.start, anchor.end, anchor.quote) != (
                status,
                start,
                end,
                quote,
            ):
                db.execute(
                    'UPDATE highlights SET start = ?, "end" = ?, quote = ?, status = ?, '
                    "updated = ? WHERE id = ?",
                    [anchor.start, anchor.end, anchor.quote, anchor.status, stamp, highlight_id],
                )
            results.append(
                ReanchorResult(highlight_id, anchor.status, anchor.start, anchor.end, start, end)
            )
    return results

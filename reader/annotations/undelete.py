"""Putting back what the editor deleted by mistake: notes, highlights, tags, bookmarks and
brief entries, exactly as they were (same ids, times, positions and notes).

A face keeps each :class:`Deletion` on its undo stack; :func:`undelete` puts it back and
:func:`redelete` deletes it again (redo). No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from reader import briefs, excerpts
from reader.annotations import bookmarks, highlights, notes, tags
from reader.annotations.records import Bookmark, Highlight, Note

NOTE = "note"
HIGHLIGHT = "highlight"
TAG = "tag"
BOOKMARK = "bookmark"
BRIEF_ENTRY = "brief_entry"


@dataclass(frozen=True, slots=True)
class Deletion:
    """One deleted thing: its kind, its article and what is needed to put it back."""

    kind: str
    article_id: int
    note: Note | None = None
    highlight: Highlight | None = None
    bookmark: Bookmark | None = None
    tag: str | None = None
    brief_id: int | None = None
    position: int | None = None  # 1-based place in the brief
    entry_note: str | None = None
    entry_excerpts: tuple[briefs.Excerpt, ...] = ()  # the entry's passages (摘编)


def note_deleted(note: Note) -> Deletion:
    return Deletion(NOTE, note.article_id, note=note)


def highlight_deleted(highlight: Highlight) -> Deletion:
    return Deletion(HIGHLIGHT, highlight.article_id, highlight=highlight)


def bookmark_deleted(bookmark: Bookmark) -> Deletion:
    return Deletion(BOOKMARK, bookmark.article_id, bookmark=bookmark)


def tag_removed(article_id: int, name: str) -> Deletion:
    return Deletion(TAG, article_id, tag=name)


def remove_brief_entry(db: Database, brief_id: int, article_id: int) -> Deletion:
    """Take an article out of a brief, remembering its place and note for an undo."""
    record = briefs.get_brief(db, brief_id)
    item = next((i for i in record.items if i.article_id == article_id), None)
    briefs.remove_article(db, brief_id, article_id)
    return Deletion(
        BRIEF_ENTRY,
        article_id,
        brief_id=brief_id,
        position=item.position if item else None,
        entry_note=item.note if item else None,
        entry_excerpts=item.excerpts if item else (),
    )


def undelete(db: Database, deletion: Deletion) -> None:
    """Put back what ``deletion`` took away, as it was; one committed transaction."""
    with db.atomic():
        if deletion.note is not None:
            n = deletion.note
            db.execute(
                "INSERT INTO notes (id, article_id, text, created, updated) VALUES (?, ?, ?, ?, ?)",
                [n.id, n.article_id, n.text, n.created, n.updated],
            )
        elif deletion.highlight is not None:
            h = deletion.highlight
            db.execute(
                'INSERT INTO highlights (id, article_id, start, "end", quote, color, note, '
                "status, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    h.id,
                    h.article_id,
                    h.start,
                    h.end,
                    h.quote,
                    h.color,
                    h.note,
                    h.status,
                    h.created,
                    h.updated,
                ],
            )
        elif deletion.bookmark is not None:
            b = deletion.bookmark
            db.execute(
                "INSERT OR REPLACE INTO bookmarks (id, article_id, position, created) "
                "VALUES (?, ?, ?, ?)",
                [b.id, b.article_id, b.position, b.created],
            )
        elif deletion.tag is not None:
            tags.add_tag(db, deletion.article_id, deletion.tag)
        elif deletion.brief_id is not None:
            briefs.add_articles(db, deletion.brief_id, [deletion.article_id], deletion.position)
            if deletion.entry_note:
                briefs.set_item_note(
                    db, deletion.brief_id, deletion.article_id, deletion.entry_note
                )
            for passage in deletion.entry_excerpts:
                excerpts.add_excerpt(
                    db, deletion.brief_id, deletion.article_id, passage.start, passage.end
                )
    if deletion.highlight is not None:  # the text may have changed since
        highlights.reanchor_article_highlights(db, deletion.article_id)


def redelete(db: Database, deletion: Deletion) -> None:
    """Delete again what :func:`undelete` put back (redo)."""
    if deletion.note is not None:
        notes.delete_note(db, deletion.note.id)
    elif deletion.highlight is not None:
        highlights.delete_highlight(db, deletion.highlight.id)
    elif deletion.bookmark is not None:
        bookmarks.delete_bookmark(db, deletion.article_id)
    elif deletion.tag is not None:
        tags.remove_tag(db, deletion.article_id, deletion.tag)
    elif deletion.brief_id is not None:
        briefs.remove_article(db, deletion.brief_id, deletion.article_id)

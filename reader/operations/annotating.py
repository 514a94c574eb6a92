"""Operations on the editor's own marks: bookmarks, highlights, notes, tags, undoing a
deletion, and annotation files."""

from __future__ import annotations

from pathlib import Path

from reader.annotations import bookmarks, highlights, notes, tags
from reader.annotations.records import Bookmark, Highlight, Note
from reader.annotations.transfer import (
    TransferReport,
    import_annotations,
    read_annotations_file,
    write_annotations_file,
)
from reader.annotations.undelete import BRIEF_ENTRY, Deletion, redelete, tag_removed, undelete
from reader.archive import Archive
from reader.operations.changes import NOTHING, Changes, OpResult

ANNOTATIONS = Changes(annotations=True)


def add_bookmark(archive: Archive, article_id: int) -> OpResult[Bookmark]:
    return OpResult(bookmarks.add_bookmark(archive.db, article_id), ANNOTATIONS)


def remove_bookmark(archive: Archive, article_id: int) -> OpResult[Bookmark]:
    """Remove an article's bookmark; the removed bookmark (to undo with)."""
    return OpResult(bookmarks.delete_bookmark(archive.db, article_id), ANNOTATIONS)


def add_highlight(
    archive: Archive, article_id: int, start: int, end: int, color: str, note: str | None = None
) -> OpResult[Highlight]:
    highlight = highlights.add_highlight(archive.db, article_id, start, end, color, note)
    return OpResult(highlight, ANNOTATIONS)


def set_highlight_note(archive: Archive, highlight_id: int, note: str) -> OpResult[Highlight]:
    """Give a highlight its note; an empty (or blank) note clears it."""
    if note.strip():
        changed = highlights.update_highlight(archive.db, highlight_id, note=note)
    else:
        changed = highlights.update_highlight(archive.db, highlight_id, clear_note=True)
    return OpResult(changed, ANNOTATIONS)


def remove_highlight(archive: Archive, highlight_id: int) -> OpResult[Highlight]:
    return OpResult(highlights.delete_highlight(archive.db, highlight_id), ANNOTATIONS)


def add_note(archive: Archive, article_id: int, text: str) -> OpResult[Note]:
    return OpResult(notes.add_note(archive.db, article_id, text), ANNOTATIONS)


def update_note(archive: Archive, note_id: int, text: str) -> OpResult[Note]:
    return OpResult(notes.update_note(archive.db, note_id, text), ANNOTATIONS)


def remove_note(archive: Archive, note_id: int) -> OpResult[Note]:
    return OpResult(notes.delete_note(archive.db, note_id), ANNOTATIONS)


def add_tag(archive: Archive, article_id: int, name: str) -> OpResult[None]:
    tags.add_tag(archive.db, article_id, name)
    return OpResult(None, ANNOTATIONS)


def change_tags(
    archive: Archive, article_id: int, added: list[str], removed: list[str]
) -> OpResult[list[Deletion]]:
    """Add and remove an article's tags; the removals (to undo with)."""
    for name in added:
        tags.add_tag(archive.db, article_id, name)
    for name in removed:
        tags.remove_tag(archive.db, article_id, name)
    return OpResult([tag_removed(article_id, name) for name in removed], ANNOTATIONS)


def _deletion_changes(deletion: Deletion) -> Changes:
    return Changes(briefs=True) if deletion.kind == BRIEF_ENTRY else ANNOTATIONS


def undo_deletion(archive: Archive, deletion: Deletion) -> OpResult[Deletion]:
    """Put back what a deletion took away."""
    undelete(archive.db, deletion)
    return OpResult(deletion, _deletion_changes(deletion))


def redo_deletion(archive: Archive, deletion: Deletion) -> OpResult[Deletion]:
    """Delete again what :func:`undo_deletion` put back."""
    redelete(archive.db, deletion)
    return OpResult(deletion, _deletion_changes(deletion))


def export_annotations_file(archive: Archive, path: Path) -> OpResult[int]:
    """Write every annotation to a JSON file; how many articles have some."""
    return OpResult(write_annotations_file(archive.db, path), NOTHING)


def import_annotations_file(archive: Archive, path: Path) -> OpResult[TransferReport]:
    """Merge an annotations file in, matched by article, never duplicating."""
    report = import_annotations(archive.db, read_annotations_file(path))
    return OpResult(report, ANNOTATIONS if report.added else NOTHING)

"""Operations on briefs (专题汇编): create, fill, order, annotate, rename, copy, delete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader import briefs, excerpts
from reader.annotations.undelete import Deletion, remove_brief_entry
from reader.archive import Archive
from reader.briefs import BriefRecord
from reader.operations.changes import Changes, OpResult, Progress

BRIEFS = Changes(briefs=True)


def create_brief(archive: Archive, name: str) -> OpResult[BriefRecord]:
    return OpResult(briefs.create_brief(archive.db, name), BRIEFS)


def add_articles(
    archive: Archive, brief_id: int | None, article_ids: list[int], new_name: str
) -> OpResult[BriefRecord]:
    """Add articles to a brief; with no brief (``brief_id`` None), to a new one ``new_name``."""
    if brief_id is None:
        brief_id = briefs.create_brief(archive.db, new_name).id
    return OpResult(briefs.add_articles(archive.db, brief_id, article_ids), BRIEFS)


def add_excerpt(
    archive: Archive, brief_id: int | None, article_id: int, span: tuple[int, int], new_name: str
) -> OpResult[BriefRecord]:
    """Add the passage ``span`` of an article to a brief as an excerpt (摘编); with no brief,
    to a new one ``new_name``."""
    if brief_id is None:
        brief_id = briefs.create_brief(archive.db, new_name).id
    start, end = span
    return OpResult(excerpts.add_excerpt(archive.db, brief_id, article_id, start, end), BRIEFS)


def remove_articles(
    archive: Archive, brief_id: int, article_ids: list[int]
) -> OpResult[tuple[BriefRecord, list[Deletion]]]:
    """Take articles out of a brief; the brief as it now is, and the removals (to undo)."""
    removed = [remove_brief_entry(archive.db, brief_id, i) for i in article_ids]
    return OpResult((briefs.get_brief(archive.db, brief_id), removed), BRIEFS)


def move_article(
    archive: Archive, brief_id: int, article_id: int, position: int
) -> OpResult[BriefRecord]:
    return OpResult(briefs.move_article(archive.db, brief_id, article_id, position), BRIEFS)


def reorder_articles(
    archive: Archive, brief_id: int, article_ids: list[int]
) -> OpResult[BriefRecord]:
    return OpResult(briefs.reorder_articles(archive.db, brief_id, article_ids), BRIEFS)


def update_brief(archive: Archive, brief_id: int, **fields: str | None) -> OpResult[BriefRecord]:
    """Change a brief's title, preface and the other fields of :func:`briefs.update_brief`."""
    return OpResult(briefs.update_brief(archive.db, brief_id, **fields), BRIEFS)


def set_item_note(
    archive: Archive, brief_id: int, article_id: int, note: str | None
) -> OpResult[BriefRecord]:
    return OpResult(briefs.set_item_note(archive.db, brief_id, article_id, note), BRIEFS)


def rename_brief(archive: Archive, brief_id: int, name: str) -> OpResult[BriefRecord]:
    return OpResult(briefs.rename(archive.db, brief_id, name), BRIEFS)


def duplicate_brief(archive: Archive, brief_id: int, name: str) -> OpResult[BriefRecord]:
    return OpResult(briefs.duplicate(archive.db, brief_id, name), BRIEFS)


def delete_brief(archive: Archive, brief_id: int) -> OpResult[None]:
    briefs.delete(archive.db, brief_id)
    return OpResult(None, BRIEFS)


def export_brief(
    archive: Archive, path: Path, fmt: str, progress: Progress, brief_id: int, **options: Any
) -> OpResult[Path]:
    """Write a brief to ``path`` as ``fmt`` (``options`` as :func:`reader.export.export_brief`
    takes them); the export is recorded with the brief."""
    from reader.export import export_brief as write

    written = write(archive.db, path, fmt, brief=brief_id, progress=progress, **options)
    return OpResult(Path(written), BRIEFS)

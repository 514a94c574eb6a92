"""What the editor does to whole issues: delete, restore, take a rendition's text, merge.

Each function changes the store in one transaction, then brings the derived search index
up to date for the articles it touched (the store stays right if that fails: the index is
rebuilt on next open). Both faces (``reader.cli``, ``reader.ui``) call these.
"""

from __future__ import annotations

import logging
from typing import Any

from reader.annotations.highlights import reanchor_article_highlights
from reader.archive import Archive
from reader.messages import ReaderError
from reader.store import issues as store
from reader.store import sources, trash
from reader.store.clashes import clear_clashes

log = logging.getLogger(__name__)


def sync_search(archive: Archive, article_ids: list[int]) -> None:
    """Bring the search index up to date for ``article_ids`` (it re-reads them)."""
    if not article_ids:
        return
    from reader.search import sync_index  # the search engine is slow to import: when needed

    try:
        sync_index(archive, article_ids)
    except Exception:  # the index is derived: it is rebuilt on next open if this failed
        log.exception("search index update failed; it will be rebuilt")


def delete_issues(archive: Archive, issue_ids: list[int]) -> list[int]:
    """Move issues to the trash: gone from the tree, search and briefs. Their article ids."""
    article_ids = trash.trash_issues(archive.db, issue_ids)
    sync_search(archive, article_ids)
    return article_ids


def delete_samples(archive: Archive) -> list[int]:
    """Move every sample issue (示例) to the trash at once; the issues' ids."""
    issue_ids = trash.sample_issue_ids(archive.db)
    delete_issues(archive, issue_ids)
    return issue_ids


def restore_issue(archive: Archive, issue_id: int) -> list[int]:
    """Bring an issue back from the trash with everything on it; its article ids."""
    article_ids = trash.restore_issue(archive.db, issue_id)
    sync_search(archive, article_ids)
    return article_ids


def empty_trash(archive: Archive) -> int:
    """Delete the trashed issues for good (the index no longer holds them); how many."""
    return trash.empty_trash(archive.db)


def use_source(archive: Archive, issue_id: int, source_id: int) -> list[int]:
    """Take the text of another rendition of an issue; the ids of the articles changed."""
    changed = sources.use_source(archive.db, issue_id, source_id)
    _reanchor(archive, changed)
    sync_search(archive, changed)
    return changed


def merge_issues(archive: Archive, issue_id: int, into_id: int) -> list[int]:
    """Fold ``issue_id`` into ``into_id``: one issue, nothing the editor wrote lost.

    Articles of ``issue_id`` with a counterpart in ``into_id`` (the same title, or alike
    text at the same place) hand their annotations and brief entries to it; the others
    move over, at the end. ``issue_id``'s files become sources of ``into_id`` and the
    emptied issue is deleted. Returns the ids of the articles whose issue changed.

    Raises:
        ReaderError: ``store.no_issue`` when either is not a live issue.
    """
    from reader.parsing.model import ParsedArticle
    from reader.store.renditions import compare_issue

    db = archive.db
    for wanted in (issue_id, into_id):
        if store.get_issue(db, wanted) is None:
            raise ReaderError("store.no_issue", issue_id=wanted)
    moving = store.issue_articles(db, issue_id)
    staying = store.issue_articles(db, into_id)
    as_parsed = [ParsedArticle(a.title, a.paragraphs) for a in moving]
    pairs = {p.new_index: p.old for p in compare_issue(as_parsed, staying).pairs}
    touched: list[int] = []
    with db.atomic():
        next_ordinal = len(staying) + 1
        for index, article in enumerate(moving):
            twin = pairs.get(index)
            if twin is None:
                db.execute(
                    "UPDATE articles SET issue_id = ?, ordinal = ? WHERE id = ?",
                    [into_id, next_ordinal, article.id],
                )
                next_ordinal += 1
            else:
                _hand_over(db, article.id, twin.id)
                db.execute("DELETE FROM article_versions WHERE article_id = ?", [article.id])
                db.execute("DELETE FROM articles WHERE id = ?", [article.id])
            touched.append(article.id)
        db.execute("UPDATE source_files SET issue_id = ? WHERE issue_id = ?", [into_id, issue_id])
        clear_clashes(db, issue_id)
        clear_clashes(db, into_id)
        db.execute("DELETE FROM issues WHERE id = ?", [issue_id])
    sync_search(archive, touched)
    return touched


def _hand_over(db: Any, from_id: int, to_id: int) -> None:
    """Move the editor's work on one article onto its twin (duplicates dropped)."""
    db.execute("UPDATE notes SET article_id = ? WHERE article_id = ?", [to_id, from_id])
    db.execute("UPDATE highlights SET article_id = ? WHERE article_id = ?", [to_id, from_id])
    for table in ("bookmarks", "article_tags"):
        db.execute(
            f"UPDATE OR IGNORE {table} SET article_id = ? WHERE article_id = ?", [to_id, from_id]
        )
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", [from_id])
    db.execute(
        "UPDATE brief_items SET article_id = ? WHERE article_id = ? AND brief_id NOT IN "
        "(SELECT brief_id FROM brief_items WHERE article_id = ?)",
        [to_id, from_id, to_id],
    )
    db.execute("DELETE FROM brief_items WHERE article_id = ?", [from_id])
    _reanchor_one(db, to_id)


def _reanchor_one(db: Any, article_id: int) -> None:
    reanchor_article_highlights(db, article_id)


def _reanchor(archive: Archive, article_ids: list[int]) -> None:
    for article_id in article_ids:
        _reanchor_one(archive.db, article_id)

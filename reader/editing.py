"""What the editor does to whole issues: delete, restore, take a rendition's text, merge.

Each function changes the store in one transaction, then brings the derived search index
up to date for the articles it touched (the store stays right if that fails: the index is
rebuilt on next open). Both faces (``reader.cli``, ``reader.ui``) call these.
"""

from __future__ import annotations

import logging

from reader.annotations.highlights import reanchor_article_highlights
from reader.archive import Archive
from reader.store import sources, trash
from reader.store.merging import merge_issue_into

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
    db = archive.db
    with db.atomic():  # the highlights handed to a twin are re-anchored in the same transaction
        merged = merge_issue_into(db, issue_id, into_id)
        for twin in merged.twins:
            reanchor_article_highlights(db, twin)
    sync_search(archive, merged.touched)
    return merged.touched


def _reanchor(archive: Archive, article_ids: list[int]) -> None:
    for article_id in article_ids:
        reanchor_article_highlights(archive.db, article_id)

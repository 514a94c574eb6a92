"""Putting invented issues straight into an archive, as the importer stores them."""

from __future__ import annotations

from reader.archive import Archive
from reader.parsing.model import ParsedIssue
from reader.search import sync_index
from reader.store.issues import insert_issue, issue_articles


def add_issue(archive: Archive, issue: ParsedIssue, *, index: bool = False) -> list[int]:
    """Store ``issue`` in one transaction, as the importer does; its article ids in order.

    With ``index`` the search index is brought up to date with the new articles too.
    """
    with archive.db.atomic():
        issue_id = insert_issue(archive.db, issue, None)
    ids = [article.id for article in issue_articles(archive.db, issue_id)]
    if index:
        sync_index(archive, ids)
    return ids

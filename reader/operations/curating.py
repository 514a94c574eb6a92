"""Operations on whole issues: details, merging, the trash, the samples."""

from __future__ import annotations

from typing import Any

from reader import editing
from reader.archive import Archive
from reader.operations.changes import WHOLE_ISSUES, Changes, OpResult
from reader.store import issues as store
from reader.store.records import IssueRecord


def save_issue_details(
    archive: Archive, issue_id: int, changes: dict[str, Any], merge_into: int | None = None
) -> OpResult[IssueRecord]:
    """Save corrected details of an issue, then fold it into ``merge_into`` when given."""
    record = store.update_issue_fields(archive.db, issue_id, changes)
    if merge_into is None:
        return OpResult(record, Changes(issues=True, briefs=True))  # briefs show issue labels
    editing.merge_issues(archive, issue_id, merge_into)
    return OpResult(record, WHOLE_ISSUES)


def delete_issues(archive: Archive, issue_ids: list[int]) -> OpResult[list[int]]:
    """Move issues to the trash; their article ids."""
    return OpResult(editing.delete_issues(archive, issue_ids), WHOLE_ISSUES)


def delete_samples(archive: Archive) -> OpResult[list[int]]:
    """Move every sample issue (示例) to the trash; the issues' ids."""
    return OpResult(editing.delete_samples(archive), WHOLE_ISSUES)


def restore_issues(archive: Archive, issue_ids: list[int]) -> OpResult[list[int]]:
    """Bring issues back from the trash; their article ids."""
    article_ids = [a for i in issue_ids for a in editing.restore_issue(archive, i)]
    return OpResult(article_ids, WHOLE_ISSUES)


def empty_trash(archive: Archive) -> OpResult[int]:
    """Delete the trashed issues for good; how many."""
    return OpResult(editing.empty_trash(archive), Changes(issues=True))

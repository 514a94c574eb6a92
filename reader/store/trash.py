"""The trash: issues the editor deleted, kept whole until the trash is emptied.

Deleting an issue only stamps ``issues.deleted_at``: its articles, their notes,
highlights, tags, bookmarks, brief entries and earlier versions stay where they are, and
every ordinary read of the store (``reader.store.issues``, the tree, briefs) leaves them
out. Restoring clears the stamp in one statement, so a crash leaves the issue either in
the trash or back with everything. Emptying the trash deletes it all for good.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from reader.clock import now_iso
from reader.messages import ReaderError
from reader.store import issues as store

SAMPLE_MARK = "示例"


def _article_ids(db: Database, issue_ids: list[int]) -> list[int]:
    if not issue_ids:
        return []
    marks = ",".join("?" * len(issue_ids))
    rows = db.execute(
        f"SELECT id FROM articles WHERE issue_id IN ({marks}) ORDER BY id", issue_ids
    ).fetchall()
    return [int(row[0]) for row in rows]


def trash_issues(db: Database, issue_ids: list[int]) -> list[int]:
    """Move live issues to the trash; returns the ids of their articles (for the index).

    Raises:
        ReaderError: ``store.no_issue`` for an id that is not a live issue (nothing moved).
    """
    stamp = now_iso()
    with db.atomic():
        for issue_id in issue_ids:
            if store.get_issue(db, issue_id) is None:
                raise ReaderError("store.no_issue", issue_id=issue_id)
            db.execute("UPDATE issues SET deleted_at = ? WHERE id = ?", [stamp, issue_id])
    return _article_ids(db, issue_ids)


def restore_issue(db: Database, issue_id: int) -> list[int]:
    """Bring an issue back from the trash with everything on it; its article ids.

    Raises:
        ReaderError: ``trash.not_in_trash`` when it is not in the trash.
    """
    with db.atomic():
        cursor = db.execute(
            "UPDATE issues SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL",
            [issue_id],
        )
        if cursor.rowcount != 1:
            raise ReaderError("trash.not_in_trash", issue_id=issue_id)
    return _article_ids(db, [issue_id])


def list_trash(db: Database) -> list[dict[str, Any]]:
    """``[{"issue_id", "label", "deleted_at", "articles"}]``, most recently deleted first."""
    rows = db.execute(
        "SELECT id, deleted_at FROM issues WHERE deleted_at IS NOT NULL "
        "ORDER BY deleted_at DESC, id DESC"
    ).fetchall()
    listed = []
    for issue_id, deleted_at in rows:
        issue = store.get_issue(db, int(issue_id), deleted=True)
        assert issue is not None
        listed.append(
            {
                "issue_id": issue.id,
                "label": issue.label(),
                "deleted_at": deleted_at,
                "articles": len(_article_ids(db, [issue.id])),
            }
        )
    return listed


# Rows that name a trashed article, deleted before the articles themselves.
_ARTICLE_ROWS = ("notes", "highlights", "bookmarks", "article_tags", "brief_items")
# Rows that name an article without a foreign key: what is derived from it, and the topic
# hits seen. An article id is used again after the highest ones are deleted, so rows left
# behind would wrongly belong to the next article imported (a new topic hit taken as seen).
_UNLINKED_ROWS = (
    "topic_seen",
    "article_derived",
    "article_regions",
    "article_keywords",
    "article_bands",
)


def forget_articles(db: Database, article_ids: list[int]) -> None:
    """Delete the unlinked rows of these articles (deleted, or about to be), in the
    caller's transaction."""
    for article_id in article_ids:
        for table in _UNLINKED_ROWS:
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        db.execute(
            "DELETE FROM article_similar WHERE article_id = ? OR other_id = ?",
            [article_id, article_id],
        )


def _forget_gone_articles(db: Database) -> None:
    """Delete every unlinked row whose article no longer exists (in the caller's
    transaction): after an emptying, and what an earlier one left behind."""
    for table in _UNLINKED_ROWS:
        db.execute(f"DELETE FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
    db.execute(
        "DELETE FROM article_similar WHERE article_id NOT IN (SELECT id FROM articles) "
        "OR other_id NOT IN (SELECT id FROM articles)"
    )


def empty_trash(db: Database) -> int:
    """Delete every issue in the trash for good, with all that hangs on it; how many."""
    with db.atomic():
        issue_ids = [
            int(row[0])
            for row in db.execute("SELECT id FROM issues WHERE deleted_at IS NOT NULL").fetchall()
        ]
        if not issue_ids:
            return 0
        marks = ",".join("?" * len(issue_ids))
        articles = f"SELECT id FROM articles WHERE issue_id IN ({marks})"
        for table in _ARTICLE_ROWS:
            db.execute(f"DELETE FROM {table} WHERE article_id IN ({articles})", issue_ids)
        db.execute(f"DELETE FROM articles WHERE issue_id IN ({marks})", issue_ids)
        sources = f"SELECT id FROM source_files WHERE issue_id IN ({marks})"
        db.execute(f"DELETE FROM rendition_texts WHERE source_file_id IN ({sources})", issue_ids)
        db.execute(f"UPDATE issues SET source_file_id = NULL WHERE id IN ({marks})", issue_ids)
        db.execute(f"DELETE FROM source_files WHERE issue_id IN ({marks})", issue_ids)
        db.execute(f"DELETE FROM issues WHERE id IN ({marks})", issue_ids)
        _forget_gone_articles(db)
    return len(issue_ids)


def sample_issue_ids(db: Database) -> list[int]:
    """The live sample issues (series marked 示例) the first start imported."""
    rows = db.execute(
        "SELECT id FROM issues WHERE deleted_at IS NULL AND instr(series, ?) > 0 ORDER BY id",
        [SAMPLE_MARK],
    ).fetchall()
    return [int(row[0]) for row in rows]

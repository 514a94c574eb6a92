"""Issues that claim one identity (series, year, number) with mostly different articles.

An import that finds such an issue stores the file as an issue of its own and flags the
pair; the flag stays until the editor edits the details of one of them. The issue editor
asks the same question before it saves new details (:func:`issues_claiming`).
"""

from __future__ import annotations

from sqlite_utils import Database


def flag_clash(db: Database, issue_id: int, other_id: int) -> None:
    """Mark two issues as clashing (both ways). Call inside a transaction."""
    for a, b in ((issue_id, other_id), (other_id, issue_id)):
        db.execute("INSERT OR IGNORE INTO issue_clashes (issue_id, other_id) VALUES (?, ?)", [a, b])


def clashes_of(db: Database, issue_id: int) -> list[int]:
    """The live issues flagged as clashing with ``issue_id``."""
    rows = db.execute(
        "SELECT other_id FROM issue_clashes JOIN issues ON issues.id = other_id "
        "WHERE issue_id = ? AND issues.deleted_at IS NULL ORDER BY other_id",
        [issue_id],
    ).fetchall()
    return [int(row[0]) for row in rows]


def clear_clashes(db: Database, issue_id: int) -> None:
    """The editor settled it: drop every clash flag that names ``issue_id``."""
    db.execute("DELETE FROM issue_clashes WHERE issue_id = ? OR other_id = ?", [issue_id, issue_id])


def issues_claiming(
    db: Database, series: str | None, year: int | None, issue_no: int | None, *, except_id: int
) -> list[int]:
    """Live issues other than ``except_id`` with this complete identity."""
    if series is None or year is None or issue_no is None:
        return []
    rows = db.execute(
        "SELECT id FROM issues WHERE series = ? AND year = ? AND issue_no = ? AND id != ? "
        "AND deleted_at IS NULL ORDER BY id",
        [series, year, issue_no, except_id],
    ).fetchall()
    return [int(row[0]) for row in rows]

"""Earlier texts of articles: what corrected printings and chosen renditions replaced."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from reader.store.records import ArticleRecord


def save_version(db: Database, article: ArticleRecord, source_path: str | None, stamp: str) -> int:
    """Keep ``article``'s current title and text as its next earlier version; its number.

    Call inside the transaction that replaces the text, so a crash keeps both or neither.
    """
    row = db.execute(
        "SELECT coalesce(max(version), 0) FROM article_versions WHERE article_id = ?",
        [article.id],
    ).fetchone()
    version = int(row[0]) + 1
    db.execute(
        "INSERT INTO article_versions (article_id, version, title, text, source_path, "
        "replaced_at) VALUES (?, ?, ?, ?, ?, ?)",
        [article.id, version, article.title, article.text, source_path, stamp],
    )
    return version


def article_history(db: Database, article_id: int) -> list[dict[str, Any]]:
    """The earlier texts of an article, oldest first.

    Each is ``{"version", "title", "text", "source_path", "replaced_at"}``: the text as
    it was before ``replaced_at``, and the file it had come from.
    """
    rows = db.query(
        "SELECT version, title, text, source_path, replaced_at FROM article_versions "
        "WHERE article_id = ? ORDER BY version",
        [article_id],
    )
    return [dict(row) for row in rows]


def issue_source_path(db: Database, issue_id: int) -> str | None:
    """The path of the file an issue's text currently comes from."""
    row = db.execute(
        "SELECT source_files.path FROM issues JOIN source_files "
        "ON source_files.id = issues.source_file_id WHERE issues.id = ?",
        [issue_id],
    ).fetchone()
    return str(row[0]) if row else None

"""Issues, articles and source files in the store."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from reader.parsing.model import ParsedArticle, ParsedIssue
from reader.store.records import ArticleRecord, IssueRecord

EDITABLE_ISSUE_FIELDS = ("series", "year", "issue_no", "editor_org", "editor", "phone")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    """The identity of an article's text: equal texts in two issues share it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def issue_fingerprint(parsed: ParsedIssue) -> str:
    """The identity of an issue's content, whatever file or format it came from."""
    digest = hashlib.sha256()
    for article in parsed.articles:
        digest.update(article.title.encode("utf-8") + b"\x00")
        digest.update(article.text.encode("utf-8") + b"\x01")
    return digest.hexdigest()


_ISSUE_SELECT = """
    SELECT issues.id, issues.series, issues.year, issues.issue_no, issues.editor_org,
           issues.editor, issues.phone, source_files.path AS source_path,
           source_files.format AS source_format, issues.imported_at, issues.total_no,
           issues.date, issues.marking, issues.preface
    FROM issues LEFT JOIN source_files ON source_files.id = issues.source_file_id
"""
_ISSUE_ORDER = (
    " ORDER BY issues.series IS NULL, issues.series, issues.year IS NULL, issues.year,"
    " issues.issue_no IS NULL, issues.issue_no, issues.id"
)

_ARTICLE_COLUMNS = (
    "id, issue_id, ordinal, title, toc_title, toc_page, text, content_hash,"
    ' column_name AS "column", source'
)


def _issue(row: dict[str, Any]) -> IssueRecord:
    return IssueRecord(**row)


def _article(row: dict[str, Any]) -> ArticleRecord:
    return ArticleRecord(**row)


def list_issues(db: Database) -> list[IssueRecord]:
    """Every issue, by series, year and number (unknown ones last)."""
    return [_issue(row) for row in db.query(_ISSUE_SELECT + _ISSUE_ORDER)]


def get_issue(db: Database, issue_id: int) -> IssueRecord | None:
    rows = list(db.query(_ISSUE_SELECT + " WHERE issues.id = ?", [issue_id]))
    return _issue(rows[0]) if rows else None


def issue_articles(db: Database, issue_id: int) -> list[ArticleRecord]:
    """The articles of an issue in printed order."""
    sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE issue_id = ? ORDER BY ordinal"
    return [_article(row) for row in db.query(sql, [issue_id])]


def get_article(db: Database, article_id: int) -> ArticleRecord | None:
    sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?"
    rows = list(db.query(sql, [article_id]))
    return _article(rows[0]) if rows else None


def get_articles(db: Database, article_ids: Iterable[int]) -> list[ArticleRecord]:
    """Articles by id, in the order asked; ids not in the store are left out."""
    wanted = list(article_ids)
    if not wanted:
        return []
    placeholders = ",".join("?" * len(wanted))
    sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({placeholders})"
    by_id = {row["id"]: _article(row) for row in db.query(sql, wanted)}
    return [by_id[i] for i in wanted if i in by_id]


def iter_all_articles(db: Database, batch: int = 500) -> Iterable[ArticleRecord]:
    """Every article, in id order, fetched in batches (for index rebuilds and exports)."""
    last_id = 0
    while True:
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id > ? ORDER BY id LIMIT ?"
        rows = [_article(row) for row in db.query(sql, [last_id, batch])]
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id


def count_articles(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def articles_with_same_text(db: Database, article_id: int) -> list[int]:
    """Ids of other articles whose text is identical (the same piece printed in two issues)."""
    sql = """
        SELECT other.id FROM articles AS this
        JOIN articles AS other ON other.content_hash = this.content_hash AND other.id != this.id
        WHERE this.id = ? ORDER BY other.id
    """
    return [row["id"] for row in db.query(sql, [article_id])]


def find_issue_by_identity(
    db: Database, series: str | None, year: int | None, issue_no: int | None
) -> int | None:
    """The issue already in the store with this series, year and number, if all are known."""
    if series is None or year is None or issue_no is None:
        return None
    row = db.execute(
        "SELECT id FROM issues WHERE series = ? AND year = ? AND issue_no = ? ORDER BY id LIMIT 1",
        [series, year, issue_no],
    ).fetchone()
    return int(row[0]) if row else None


def find_issue_by_fingerprint(db: Database, fingerprint: str) -> int | None:
    row = db.execute(
        "SELECT id FROM issues WHERE fingerprint = ? ORDER BY id LIMIT 1", [fingerprint]
    ).fetchone()
    return int(row[0]) if row else None


def find_imported_source(db: Database, sha256: str) -> dict[str, Any] | None:
    """The record of a file with these bytes that already gave an issue, if any."""
    rows = list(
        db.query(
            "SELECT * FROM source_files WHERE sha256 = ? AND issue_id IS NOT NULL "
            "AND issue_id IN (SELECT id FROM issues) ORDER BY id LIMIT 1",
            [sha256],
        )
    )
    return rows[0] if rows else None


def record_source_file(
    db: Database,
    *,
    path: str,
    sha256: str,
    fmt: str | None,
    size: int,
    outcome: str,
    message: str | None = None,
    issue_id: int | None = None,
) -> int:
    """Note a file the importer saw and what became of it; returns the record's id."""
    cursor = db.execute(
        "INSERT INTO source_files (path, sha256, format, size, imported_at, outcome, message, "
        "issue_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [path, sha256, fmt, size, now_iso(), outcome, message, issue_id],
    )
    return int(cursor.lastrowid or 0)


def insert_issue(db: Database, parsed: ParsedIssue, source_file_id: int | None) -> int:
    """Add an issue and its articles; returns the new issue's id. Call inside a transaction."""
    stamp = now_iso()
    cursor = db.execute(
        "INSERT INTO issues (series, year, issue_no, editor_org, editor, phone, total_no, date, "
        "marking, preface, source_file_id, fingerprint, imported_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            parsed.series,
            parsed.year,
            parsed.issue_no,
            parsed.editor_org,
            parsed.editor,
            parsed.phone,
            parsed.total_no,
            parsed.date,
            parsed.marking,
            parsed.preface,
            source_file_id,
            issue_fingerprint(parsed),
            stamp,
            stamp,
        ],
    )
    issue_id = int(cursor.lastrowid or 0)
    for ordinal, article in enumerate(parsed.articles, start=1):
        _insert_article(db, issue_id, ordinal, article, stamp)
    return issue_id


def _insert_article(
    db: Database, issue_id: int, ordinal: int, article: ParsedArticle, stamp: str
) -> int:
    text = article.text
    cursor = db.execute(
        "INSERT INTO articles (issue_id, ordinal, title, toc_title, toc_page, text, content_hash, "
        "column_name, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            issue_id,
            ordinal,
            article.title,
            article.toc_title,
            article.toc_page,
            text,
            content_hash(text),
            article.column,
            article.source,
            stamp,
        ],
    )
    return int(cursor.lastrowid or 0)


def replace_issue_content(
    db: Database, issue_id: int, parsed: ParsedIssue, source_file_id: int
) -> list[int]:
    """Bring an issue up to a newer printing of it, keeping article ids (and so annotations).

    Articles are matched by title, then by position; an old article with no counterpart
    keeps its place at the end rather than vanish with the editor's notes on it.
    Returns the ids of the articles whose text or title changed or that were added.
    Call inside a transaction.
    """
    stamp = now_iso()
    old = issue_articles(db, issue_id)
    by_title = {a.title: a for a in old}
    unclaimed = [a for a in old]
    changed: list[int] = []
    matches: list[tuple[ParsedArticle, ArticleRecord | None]] = []
    for position, article in enumerate(parsed.articles):
        match = by_title.get(article.title)
        if match is None and position < len(old) and old[position] in unclaimed:
            match = old[position]
        if match is not None and match in unclaimed:
            unclaimed.remove(match)
        else:
            match = None
        matches.append((article, match))
    # Move every old article out of the way of the new ordinals first.
    db.execute("UPDATE articles SET ordinal = ordinal + 100000 WHERE issue_id = ?", [issue_id])
    for ordinal, (article, match) in enumerate(matches, start=1):
        if match is None:
            changed.append(_insert_article(db, issue_id, ordinal, article, stamp))
            continue
        if match.text != article.text or match.title != article.title:
            changed.append(match.id)
        db.execute(
            "UPDATE articles SET ordinal = ?, title = ?, toc_title = ?, toc_page = ?, text = ?, "
            "content_hash = ?, column_name = ?, source = ?, updated_at = ? WHERE id = ?",
            [
                ordinal,
                article.title,
                article.toc_title,
                article.toc_page,
                article.text,
                content_hash(article.text),
                article.column,
                article.source,
                stamp,
                match.id,
            ],
        )
    for extra, leftover in enumerate(unclaimed, start=len(matches) + 1):
        db.execute("UPDATE articles SET ordinal = ? WHERE id = ?", [extra, leftover.id])
    db.execute(
        "UPDATE issues SET source_file_id = ?, fingerprint = ?, total_no = ?, date = ?, "
        "marking = ?, preface = ?, updated_at = ? WHERE id = ?",
        [
            source_file_id,
            issue_fingerprint(parsed),
            parsed.total_no,
            parsed.date,
            parsed.marking,
            parsed.preface,
            stamp,
            issue_id,
        ],
    )
    return changed


def update_issue_fields(db: Database, issue_id: int, changes: dict[str, Any]) -> IssueRecord:
    """Correct an issue's metadata (year, number, editor…); returns the updated record.

    Raises:
        KeyError: no issue has this id.
        ValueError: a field that cannot be edited.
    """
    unknown = set(changes) - set(EDITABLE_ISSUE_FIELDS)
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
    if get_issue(db, issue_id) is None:
        raise KeyError(issue_id)
    if changes:
        assignments = ", ".join(f"{name} = ?" for name in changes)
        with db.atomic():
            db.execute(
                f"UPDATE issues SET {assignments}, updated_at = ? WHERE id = ?",
                [*changes.values(), now_iso(), issue_id],
            )
    record = get_issue(db, issue_id)
    assert record is not None
    return record

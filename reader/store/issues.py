"""Issues, articles and source files in the store."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from reader.clock import now_iso
from reader.messages import ReaderError
from reader.parsing.model import ParsedArticle, ParsedIssue
from reader.store.chunked import rows_for
from reader.store.clashes import clear_clashes
from reader.store.history import issue_source_path, save_version
from reader.store.records import ArticleRecord, IssueRecord
from reader.store.renditions import compare_issue, fold

EDITABLE_ISSUE_FIELDS = ("series", "year", "issue_no", "editor_org", "editor", "phone")


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
           issues.date, issues.marking, issues.preface, issues.ocr_confidence
    FROM issues LEFT JOIN source_files ON source_files.id = issues.source_file_id
"""
# Ordinary reads see live issues only; the trash (reader.store.trash) reads the others.
LIVE = "issues.deleted_at IS NULL"
_LIVE_ISSUE_IDS = "(SELECT id FROM issues WHERE deleted_at IS NULL)"
# For lists of what hangs on articles (notes, highlights, bookmarks, tags): ``article_id IN``.
LIVE_ARTICLE_IDS = f"(SELECT id FROM articles WHERE issue_id IN {_LIVE_ISSUE_IDS})"
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
    return [_issue(row) for row in db.query(_ISSUE_SELECT + " WHERE " + LIVE + _ISSUE_ORDER)]


def get_issue(db: Database, issue_id: int, *, deleted: bool = False) -> IssueRecord | None:
    """The issue with this id; one in the trash only when ``deleted`` is true."""
    where = " WHERE issues.id = ?" + ("" if deleted else " AND " + LIVE)
    rows = list(db.query(_ISSUE_SELECT + where, [issue_id]))
    return _issue(rows[0]) if rows else None


def issue_articles(db: Database, issue_id: int, *, deleted: bool = False) -> list[ArticleRecord]:
    """The articles of an issue in printed order (of one in the trash only if ``deleted``)."""
    live = "" if deleted else f" AND issue_id IN {_LIVE_ISSUE_IDS}"
    sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE issue_id = ?{live} ORDER BY ordinal"
    return [_article(row) for row in db.query(sql, [issue_id])]


def get_article(db: Database, article_id: int) -> ArticleRecord | None:
    sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ? AND issue_id IN {_LIVE_ISSUE_IDS}"
    rows = list(db.query(sql, [article_id]))
    return _article(rows[0]) if rows else None


def get_articles(db: Database, article_ids: Iterable[int]) -> list[ArticleRecord]:
    """Articles by id, in the order asked; ids not in the store are left out."""
    wanted = list(article_ids)
    select = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN"
    rows = rows_for(db.query, select, wanted, after=f"AND issue_id IN {_LIVE_ISSUE_IDS}")
    by_id = {row["id"]: _article(row) for row in rows}
    return [by_id[i] for i in wanted if i in by_id]


def iter_all_articles(db: Database, batch: int = 500) -> Iterable[ArticleRecord]:
    """Every article, in id order, fetched in batches (for index rebuilds and exports)."""
    last_id = 0
    while True:
        sql = (
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id > ? "
            f"AND issue_id IN {_LIVE_ISSUE_IDS} ORDER BY id LIMIT ?"
        )
        rows = [_article(row) for row in db.query(sql, [last_id, batch])]
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id


def count_articles(db: Database) -> int:
    sql = f"SELECT count(*) FROM articles WHERE issue_id IN {_LIVE_ISSUE_IDS}"
    return int(db.execute(sql).fetchone()[0])


def index_hash(issue_id: int, title: str, text_hash: str) -> str:
    """What the search index must hold of an article to be current: its issue (for the
    filters), its title and its text (by the text's ``content_hash``)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{issue_id}\x00{title}\x00{text_hash}".encode())
    return digest.hexdigest()


def searchable_article_hashes(
    db: Database, article_ids: Iterable[int] | None = None
) -> dict[int, str]:
    """Article id → :func:`index_hash` of every article search may show (of those of
    ``article_ids`` when given).

    The one definition of what the search index holds: its rebuilds, updates and the
    check on opening all ask this function.
    """
    sql = (
        "SELECT a.id, a.issue_id, a.title, a.content_hash FROM articles AS a "
        "JOIN issues AS i ON i.id = a.issue_id WHERE i.deleted_at IS NULL"
    )
    if article_ids is None:
        rows = db.execute(sql).fetchall()
    else:
        rows = list(rows_for(db.execute, f"{sql} AND a.id IN", sorted(set(article_ids))))
    return {row[0]: index_hash(row[1], row[2], row[3]) for row in rows}


def articles_with_same_text(db: Database, article_id: int) -> list[int]:
    """Ids of other articles whose text is identical (the same piece printed in two issues)."""
    sql = f"""
        SELECT other.id FROM articles AS this
        JOIN articles AS other ON other.content_hash = this.content_hash AND other.id != this.id
        WHERE this.id = ? AND other.issue_id IN {_LIVE_ISSUE_IDS} ORDER BY other.id
    """
    return [row["id"] for row in db.query(sql, [article_id])]


def find_issue_by_identity(
    db: Database, series: str | None, year: int | None, issue_no: int | None
) -> int | None:
    """The issue already in the store with this series, year and number, if all are known."""
    if series is None or year is None or issue_no is None:
        return None
    row = db.execute(
        "SELECT id FROM issues WHERE series = ? AND year = ? AND issue_no = ? "
        "AND deleted_at IS NULL ORDER BY id LIMIT 1",
        [series, year, issue_no],
    ).fetchone()
    return int(row[0]) if row else None


def find_issue_by_fingerprint(db: Database, fingerprint: str) -> int | None:
    row = db.execute(
        "SELECT id FROM issues WHERE fingerprint = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
        [fingerprint],
    ).fetchone()
    return int(row[0]) if row else None


def find_imported_source(db: Database, sha256: str) -> dict[str, Any] | None:
    """The record of a file with these bytes that already gave an issue, if any."""
    rows = list(
        db.query(
            "SELECT * FROM source_files WHERE sha256 = ? AND issue_id IS NOT NULL "
            f"AND issue_id IN {_LIVE_ISSUE_IDS} ORDER BY id LIMIT 1",
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
    return add_issue(db, parsed, source_file_id)[0]


def add_issue(
    db: Database, parsed: ParsedIssue, source_file_id: int | None
) -> tuple[int, list[int]]:
    """Add an issue and its articles, owned by its source file when one is given.

    Returns the new issue's id and its articles' ids in printed order. Call inside a
    transaction.
    """
    stamp = now_iso()
    cursor = db.execute(
        "INSERT INTO issues (series, year, issue_no, editor_org, editor, phone, total_no, date, "
        "marking, preface, ocr_confidence, source_file_id, fingerprint, imported_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            _confidence_json(parsed),
            source_file_id,
            issue_fingerprint(parsed),
            stamp,
            stamp,
        ],
    )
    issue_id = int(cursor.lastrowid or 0)
    article_ids = [
        _insert_article(db, issue_id, ordinal, article, stamp)
        for ordinal, article in enumerate(parsed.articles, start=1)
    ]
    if source_file_id is not None:
        db.execute("UPDATE source_files SET issue_id = ? WHERE id = ?", [issue_id, source_file_id])
    return issue_id, article_ids


def holds_any_issue(db: Database) -> bool:
    """Whether the archive holds an issue at all, live or in the trash."""
    return db.execute("SELECT 1 FROM issues LIMIT 1").fetchone() is not None


def _confidence_json(parsed: ParsedIssue) -> str | None:
    return json.dumps(parsed.page_confidence) if parsed.page_confidence else None


def _insert_article(
    db: Database, issue_id: int, ordinal: int, article: ParsedArticle, stamp: str
) -> int:
    text = article.text
    cursor = db.execute(
        "INSERT INTO articles (issue_id, ordinal, title, toc_title, toc_page, text, content_hash, "
        "column_name, source, updated_at, title_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            fold(article.title),
        ],
    )
    return int(cursor.lastrowid or 0)


def replace_issue_content(
    db: Database,
    issue_id: int,
    parsed: ParsedIssue,
    source_file_id: int | None,
    *,
    keep_alike: bool = False,
    tolerant: bool = True,
) -> list[int]:
    """Bring an issue up to a newer printing of it, keeping article ids (and so annotations).

    Articles are paired by title, then by position when their texts are alike
    (:func:`reader.store.renditions.compare_issue`); with ``keep_alike`` a pair that
    differs only by extraction noise keeps the stored text. An old article with no
    counterpart keeps its place at the end rather than vanish with the editor's notes on
    it. Every replaced text is kept as an earlier version (``reader.store.history``).
    Returns the ids of the articles whose text or title changed or that were added.
    Call inside a transaction.
    """
    stamp = now_iso()
    old = issue_articles(db, issue_id, deleted=True)
    comparison = compare_issue(parsed.articles, old, tolerant=tolerant)
    paired = {pair.new_index: pair for pair in comparison.pairs}
    previous_source = issue_source_path(db, issue_id)
    changed: list[int] = []
    # Move every old article out of the way of the new ordinals first.
    db.execute("UPDATE articles SET ordinal = ordinal + 100000 WHERE issue_id = ?", [issue_id])
    for ordinal, article in enumerate(parsed.articles, start=1):
        pair = paired.get(ordinal - 1)
        if pair is None:
            changed.append(_insert_article(db, issue_id, ordinal, article, stamp))
            continue
        match = pair.old
        keep = keep_alike and pair.same
        new_title = match.title if keep else article.title
        new_text = match.text if keep else article.text
        if match.text != new_text or match.title != new_title:
            save_version(db, match, previous_source, stamp)
            changed.append(match.id)
        db.execute(
            "UPDATE articles SET ordinal = ?, title = ?, toc_title = ?, toc_page = ?, text = ?, "
            "content_hash = ?, column_name = ?, source = ?, updated_at = ?, title_key = ? "
            "WHERE id = ?",
            [
                ordinal,
                new_title,
                article.toc_title,
                article.toc_page,
                new_text,
                content_hash(new_text),
                article.column,
                article.source,
                stamp,
                fold(new_title),
                match.id,
            ],
        )
    claimed = {pair.old.id for pair in comparison.pairs}
    leftovers = [a for a in old if a.id not in claimed]
    for extra, leftover in enumerate(leftovers, start=len(parsed.articles) + 1):
        db.execute("UPDATE articles SET ordinal = ? WHERE id = ?", [extra, leftover.id])
    db.execute(
        "UPDATE issues SET source_file_id = coalesce(?, source_file_id), fingerprint = ?, "
        "total_no = ?, date = ?, marking = ?, preface = ?, ocr_confidence = ?, updated_at = ? "
        "WHERE id = ?",
        [
            source_file_id,
            issue_fingerprint(parsed),
            parsed.total_no,
            parsed.date,
            parsed.marking,
            parsed.preface,
            _confidence_json(parsed),
            stamp,
            issue_id,
        ],
    )
    return changed


def update_issue_fields(db: Database, issue_id: int, changes: dict[str, Any]) -> IssueRecord:
    """Correct an issue's metadata (year, number, editor…); returns the updated record.

    Raises:
        ReaderError: no issue has this id (``store.no_issue``).
        ValueError: a field that cannot be edited (a bug in the caller: no face offers one).
    """
    unknown = set(changes) - set(EDITABLE_ISSUE_FIELDS)
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
    if get_issue(db, issue_id) is None:
        raise ReaderError("store.no_issue", issue_id=issue_id)
    if changes:
        assignments = ", ".join(f"{name} = ?" for name in changes)
        with db.atomic():
            db.execute(
                f"UPDATE issues SET {assignments}, updated_at = ? WHERE id = ?",
                [*changes.values(), now_iso(), issue_id],
            )
            clear_clashes(db, issue_id)
    record = get_issue(db, issue_id)
    assert record is not None
    return record

"""Moving annotations between archives as JSON, matching articles by content, not by id.

An article in the file is identified by its text's hash, its title and its issue's
series, year and number. On import it is matched to the article with the same text
(preferring the same issue and title when the same text was printed twice), else to the
article with the same title in the same issue (its text changed: highlights are
re-anchored). Importing a file twice adds nothing the second time.

A file is checked whole against its format (:mod:`reader.annotations.schema`) before
anything is written. The import reads what each matched article already holds once, so
100,000 notes take seconds, not the minutes a query per note took.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from reader.annotations.anchoring import locate_quote
from reader.annotations.common import AnnotationError
from reader.annotations.highlights import check_color
from reader.annotations.schema import FORMAT_NAME, FORMAT_VERSION, check_annotations
from reader.annotations.tags import normalize_tag
from reader.clock import now_iso

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "TransferReport",
    "export_annotations",
    "import_annotations",
    "read_annotations_file",
    "write_annotations_file",
]

# A file this large is refused before it is read: parsing it would take minutes and
# gigabytes. 100,000 notes of a page each are about 190 MB.
MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass(slots=True)
class TransferReport:
    """What an import did: articles matched or not, annotations added or already there."""

    matched: int = 0
    unmatched: int = 0
    notes_added: int = 0
    bookmarks_added: int = 0
    highlights_added: int = 0
    tags_added: int = 0
    already_present: int = 0
    highlights_lost: int = 0
    unmatched_titles: list[str] = field(default_factory=list)

    @property
    def added(self) -> int:
        return self.notes_added + self.bookmarks_added + self.highlights_added + self.tags_added


def _annotated_articles(db: Database) -> list[dict[str, Any]]:
    sql = """
        SELECT articles.id, articles.title, articles.content_hash,
               issues.series, issues.year, issues.issue_no
        FROM articles JOIN issues ON issues.id = articles.issue_id
        WHERE articles.id IN (
            SELECT article_id FROM notes UNION SELECT article_id FROM bookmarks
            UNION SELECT article_id FROM highlights UNION SELECT article_id FROM article_tags)
        ORDER BY articles.id
    """
    return [dict(row) for row in db.query(sql)]


def export_annotations(db: Database) -> dict[str, Any]:
    """Every note, bookmark, highlight and tag, grouped by article, as JSON-ready data."""
    articles = []
    for article in _annotated_articles(db):
        article_id = article.pop("id")
        notes = db.query(
            "SELECT text, created, updated FROM notes WHERE article_id = ? ORDER BY id",
            [article_id],
        )
        bookmark = list(
            db.query("SELECT position, created FROM bookmarks WHERE article_id = ?", [article_id])
        )
        highlights = db.query(
            'SELECT start, "end", quote, color, note, status, created, updated FROM highlights '
            "WHERE article_id = ? ORDER BY start, id",
            [article_id],
        )
        tags = db.execute(
            "SELECT tags.name FROM article_tags JOIN tags ON tags.id = article_tags.tag_id "
            "WHERE article_tags.article_id = ? ORDER BY tags.name",
            [article_id],
        ).fetchall()
        articles.append(
            {
                "article": article,
                "notes": [dict(n) for n in notes],
                "bookmark": bookmark[0] if bookmark else None,
                "highlights": [dict(h) for h in highlights],
                "tags": [t[0] for t in tags],
            }
        )
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported": now_iso(),
        "articles": articles,
    }


def write_annotations_file(db: Database, path: Path) -> int:
    """Export every annotation to a UTF-8 JSON file; returns how many articles it covers.

    The file is written beside its final name and then moved into place, so an existing
    file is never left half-written.
    """
    data = export_annotations(db)
    temporary = path.with_name(path.name + ".part")
    with open(temporary, "w", encoding="utf-8") as stream:
        json.dump(data, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)
    return len(data["articles"])


def read_annotations_file(path: Path) -> dict[str, Any]:
    """Load and check an annotations file.

    Raises:
        AnnotationError: the file cannot be read, is too large, is not JSON, or is not a
            reader annotations file (the message names the first bad field).
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AnnotationError(
                "annotations.too_large",
                file=str(path),
                size_mb=size // 2**20,
                limit_mb=MAX_FILE_BYTES // 2**20,
            )
        raw = path.read_bytes()
    except OSError as error:
        detail = error.strerror or str(error)
        raise AnnotationError("annotations.cannot_read", file=str(path), detail=detail) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise AnnotationError("annotations.not_json", file=str(path)) from None
    except RecursionError:
        raise AnnotationError("annotations.too_deep", file=str(path)) from None
    del raw
    try:
        check_annotations(data)
    except AnnotationError as error:
        raise AnnotationError(
            "annotations.bad_file", file=str(path), problem=error.message
        ) from None
    return data


ArticleKey = tuple[Any, ...]
_KEY_FIELDS = ("content_hash", "title", "series", "year", "issue_no")


@dataclass(slots=True)
class _Matched:
    """A local article and what it already holds, read once per import."""

    article_id: int
    text: str
    note_texts: set[str]
    highlight_keys: set[tuple[int, int, str]]


def _match_article(db: Database, key: dict[str, Any]) -> tuple[int, str] | None:
    """The local article for an exported one: its id and text, or None.

    A live article is taken before one in the trash (the same text is often printed in
    two issues); one in the trash only when nothing else matches, so the work stays with it.
    """
    identity = (key.get("series"), key.get("year"), key.get("issue_no"))
    candidates = db.execute(
        "SELECT articles.id, articles.title, articles.text, issues.series, issues.year, "
        "issues.issue_no, issues.deleted_at IS NOT NULL "
        "FROM articles JOIN issues ON issues.id = articles.issue_id "
        "WHERE articles.content_hash = ? ORDER BY articles.id",
        [key.get("content_hash")],
    ).fetchall()
    if candidates:
        best = min(
            candidates,
            key=lambda c: (c[6], tuple(c[3:6]) != identity, c[1] != key.get("title"), c[0]),
        )
        return int(best[0]), str(best[2])
    if key.get("year") is None or key.get("issue_no") is None:
        return None
    row = db.execute(
        "SELECT articles.id, articles.text FROM articles "
        "JOIN issues ON issues.id = articles.issue_id WHERE articles.title = ? "
        "AND issues.series IS ? AND issues.year = ? AND issues.issue_no = ? "
        "ORDER BY issues.deleted_at IS NOT NULL, articles.id LIMIT 1",
        [key.get("title"), *identity],
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


class _Importer:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.report = TransferReport()
        self._matches: dict[ArticleKey, _Matched | None] = {}
        self._by_id: dict[int, _Matched] = {}

    def article(self, key: dict[str, Any]) -> _Matched | None:
        cache_key = tuple(
            key.get(k) for k in ("content_hash", "title", "series", "year", "issue_no")
        )
        if cache_key not in self._matches:
            found = _match_article(self.db, key)
            matched = None
            if found is not None:
                matched = self._by_id.get(found[0]) or self._read_article(*found)
                self._by_id[matched.article_id] = matched
            self._matches[cache_key] = matched
        return self._matches[cache_key]

    def _read_article(self, article_id: int, text: str) -> _Matched:
        notes = self.db.execute("SELECT text FROM notes WHERE article_id = ?", [article_id])
        highlights = self.db.execute(
            'SELECT start, "end", quote FROM highlights WHERE article_id = ?', [article_id]
        )
        return _Matched(
            article_id,
            text,
            {row[0] for row in notes},
            {(row[0], row[1], row[2]) for row in highlights},
        )

    def entry(self, entry: dict[str, Any]) -> None:
        key = entry["article"]
        matched = self.article(key)
        if matched is None:
            self.report.unmatched += 1
            self.report.unmatched_titles.append(str(key.get("title")))
            return
        self.report.matched += 1
        for note in entry.get("notes", []):
            self.note(matched, note)
        if entry.get("bookmark") is not None:
            self.bookmark(matched, entry["bookmark"])
        for highlight in entry.get("highlights", []):
            self.highlight(matched, highlight)
        for name in entry.get("tags", []):
            self.tag(matched, name)

    def note(self, matched: _Matched, note: dict[str, Any]) -> None:
        text = note["text"]
        if text in matched.note_texts:
            self.report.already_present += 1
            return
        created = note.get("created") or now_iso()
        self.db.execute(
            "INSERT INTO notes (article_id, text, created, updated) VALUES (?, ?, ?, ?)",
            [matched.article_id, text, created, note.get("updated") or created],
        )
        matched.note_texts.add(text)
        self.report.notes_added += 1

    def bookmark(self, matched: _Matched, bookmark: dict[str, Any]) -> None:
        position = bookmark.get("position")
        if position is not None and position > len(matched.text):
            position = None
        cursor = self.db.execute(
            "INSERT INTO bookmarks (article_id, position, created) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id) DO NOTHING",
            [matched.article_id, position, bookmark.get("created") or now_iso()],
        )
        if cursor.rowcount:
            self.report.bookmarks_added += 1
        else:
            self.report.already_present += 1

    def highlight(self, matched: _Matched, highlight: dict[str, Any]) -> None:
        anchor = locate_quote(
            matched.text, highlight["quote"], highlight["start"], highlight["end"]
        )
        key = (anchor.start, anchor.end, anchor.quote)
        if key in matched.highlight_keys:
            self.report.already_present += 1
            return
        created = highlight.get("created") or now_iso()
        self.db.execute(
            'INSERT INTO highlights (article_id, start, "end", quote, color, note, status, '
            "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                matched.article_id,
                anchor.start,
                anchor.end,
                anchor.quote,
                check_color(highlight.get("color") or "yellow"),
                highlight.get("note"),
                anchor.status,
                created,
                highlight.get("updated") or created,
            ],
        )
        matched.highlight_keys.add(key)
        self.report.highlights_added += 1
        if anchor.status == "lost":
            self.report.highlights_lost += 1

    def tag(self, matched: _Matched, name: str) -> None:
        name = normalize_tag(name)
        self.db.execute("INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING", [name])
        cursor = self.db.execute(
            "INSERT INTO article_tags (article_id, tag_id, created) "
            "SELECT ?, id, ? FROM tags WHERE name = ? ON CONFLICT DO NOTHING",
            [matched.article_id, now_iso(), name],
        )
        if cursor.rowcount:
            self.report.tags_added += 1
        else:
            self.report.already_present += 1


def import_annotations(db: Database, data: dict[str, Any]) -> TransferReport:
    """Add the annotations in ``data`` (from :func:`read_annotations_file`) and commit.

    All or nothing: ``data`` is checked whole first, and the import is one transaction.

    Raises:
        AnnotationError: a field of the wrong shape, named by its path (nothing is
            imported then), or a bad colour or tag name (``articles[N]`` says where).
    """
    check_annotations(data)
    importer = _Importer(db)
    with db.atomic():
        for index, entry in enumerate(data["articles"]):
            try:
                importer.entry(entry)
            except AnnotationError as error:
                raise AnnotationError(
                    "annotations.bad_entry", where=f"articles[{index}]", problem=error.message
                ) from None
    return importer.report

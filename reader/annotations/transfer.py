"""Moving annotations between archives as JSON, matching articles by content, not by id.

An article in the file is identified by its text's hash, its title and its issue's
series, year and number. On import it is matched to the article with the same text
(preferring the same issue and title when the same text was printed twice), else to the
article with the same title in the same issue (its text changed: highlights are
re-anchored). Importing a file twice adds nothing the second time.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from reader.annotations.anchoring import locate_quote
from reader.annotations.common import AnnotationError, check_text, now_iso
from reader.annotations.highlights import check_color
from reader.annotations.tags import normalize_tag

FORMAT_NAME = "reader-annotations"
FORMAT_VERSION = 1


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
        AnnotationError: the file cannot be read or is not a reader annotations file.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise AnnotationError(f"{path}: cannot read it ({error.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise AnnotationError(f"{path}: not a JSON file of reader annotations") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise AnnotationError(f"{path}: not a reader annotations file (no format {FORMAT_NAME!r})")
    if not isinstance(data.get("version"), int) or data["version"] > FORMAT_VERSION:
        raise AnnotationError(
            f"{path}: annotations format version {data.get('version')!r} is newer than this "
            "version of reader understands"
        )
    if not isinstance(data.get("articles"), list):
        raise AnnotationError(f"{path}: the file has no list of articles")
    return data


def _match_article(db: Database, key: dict[str, Any]) -> tuple[int, str] | None:
    """The local article for an exported one: its id and text, or None."""
    identity = (key.get("series"), key.get("year"), key.get("issue_no"))
    candidates = db.execute(
        "SELECT articles.id, articles.title, articles.text, issues.series, issues.year, "
        "issues.issue_no FROM articles JOIN issues ON issues.id = articles.issue_id "
        "WHERE articles.content_hash = ? ORDER BY articles.id",
        [key.get("content_hash")],
    ).fetchall()
    if candidates:
        best = min(
            candidates,
            key=lambda c: (tuple(c[3:6]) != identity, c[1] != key.get("title"), c[0]),
        )
        return int(best[0]), str(best[2])
    if key.get("year") is None or key.get("issue_no") is None:
        return None
    row = db.execute(
        "SELECT articles.id, articles.text FROM articles "
        "JOIN issues ON issues.id = articles.issue_id WHERE articles.title = ? "
        "AND issues.series IS ? AND issues.year = ? AND issues.issue_no = ? "
        "ORDER BY articles.id LIMIT 1",
        [key.get("title"), *identity],
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def import_annotations(db: Database, data: dict[str, Any]) -> TransferReport:
    """Add the annotations in ``data`` (from :func:`read_annotations_file`) and commit.

    All or nothing: the whole import is one transaction.

    Raises:
        AnnotationError: an entry of the wrong shape (nothing is imported then).
    """
    report = TransferReport()
    with db.atomic():
        for number, entry in enumerate(data["articles"], start=1):
            try:
                _import_entry(db, entry, report)
            except (KeyError, TypeError, ValueError) as error:
                if isinstance(error, AnnotationError):
                    raise AnnotationError(f"article entry {number}: {error}") from None
                raise AnnotationError(
                    f"article entry {number} is malformed ({type(error).__name__}: {error})"
                ) from None
    return report


def _import_entry(db: Database, entry: dict[str, Any], report: TransferReport) -> None:
    key = entry["article"]
    if not isinstance(key, dict):
        raise TypeError("'article' must be an object")
    match = _match_article(db, key)
    if match is None:
        report.unmatched += 1
        report.unmatched_titles.append(str(key.get("title")))
        return
    report.matched += 1
    article_id, text = match
    for note in entry.get("notes", []):
        _import_note(db, article_id, note, report)
    if entry.get("bookmark") is not None:
        _import_bookmark(db, article_id, len(text), entry["bookmark"], report)
    for highlight in entry.get("highlights", []):
        _import_highlight(db, article_id, text, highlight, report)
    for name in entry.get("tags", []):
        _import_tag(db, article_id, name, report)


def _import_note(
    db: Database, article_id: int, note: dict[str, Any], report: TransferReport
) -> None:
    text = check_text(note["text"], "a note")
    if db.execute(
        "SELECT 1 FROM notes WHERE article_id = ? AND text = ?", [article_id, text]
    ).fetchone():
        report.already_present += 1
        return
    created = str(note.get("created") or now_iso())
    updated = str(note.get("updated") or created)
    db.execute(
        "INSERT INTO notes (article_id, text, created, updated) VALUES (?, ?, ?, ?)",
        [article_id, text, created, updated],
    )
    report.notes_added += 1


def _import_bookmark(
    db: Database, article_id: int, length: int, bookmark: dict[str, Any], report: TransferReport
) -> None:
    position = bookmark.get("position")
    if position is not None and not (isinstance(position, int) and 0 <= position <= length):
        position = None
    cursor = db.execute(
        "INSERT INTO bookmarks (article_id, position, created) VALUES (?, ?, ?) "
        "ON CONFLICT(article_id) DO NOTHING",
        [article_id, position, str(bookmark.get("created") or now_iso())],
    )
    if cursor.rowcount:
        report.bookmarks_added += 1
    else:
        report.already_present += 1


def _import_highlight(
    db: Database, article_id: int, text: str, highlight: dict[str, Any], report: TransferReport
) -> None:
    start, end, quote = highlight["start"], highlight["end"], highlight["quote"]
    if not (isinstance(start, int) and isinstance(end, int)):
        raise TypeError("a highlight's start and end must be numbers")
    check_text(quote, "a highlight's quote")
    note = highlight.get("note")
    if note is not None:
        check_text(note, "a highlight's note")
    anchor = locate_quote(text, quote, start, end)
    duplicate = db.execute(
        'SELECT 1 FROM highlights WHERE article_id = ? AND start = ? AND "end" = ? AND quote = ?',
        [article_id, anchor.start, anchor.end, anchor.quote],
    ).fetchone()
    if duplicate:
        report.already_present += 1
        return
    created = str(highlight.get("created") or now_iso())
    db.execute(
        'INSERT INTO highlights (article_id, start, "end", quote, color, note, status, created, '
        "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            article_id,
            anchor.start,
            anchor.end,
            anchor.quote,
            check_color(str(highlight.get("color") or "yellow")),
            note,
            anchor.status,
            created,
            str(highlight.get("updated") or created),
        ],
    )
    report.highlights_added += 1
    if anchor.status == "lost":
        report.highlights_lost += 1


def _import_tag(db: Database, article_id: int, name: str, report: TransferReport) -> None:
    name = normalize_tag(name)
    db.execute("INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING", [name])
    cursor = db.execute(
        "INSERT INTO article_tags (article_id, tag_id, created) "
        "SELECT ?, id, ? FROM tags WHERE name = ? ON CONFLICT DO NOTHING",
        [article_id, now_iso(), name],
    )
    if cursor.rowcount:
        report.tags_added += 1
    else:
        report.already_present += 1

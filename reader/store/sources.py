"""The files an issue came from: its renditions, and taking a better one's text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from reader.messages import ReaderError
from reader.parsing.model import ParsedIssue
from reader.store import issues as store
from reader.store.renditions import (
    CORRECTED,
    DIFFERENT,
    RENDITION,
    Comparison,
    compare_issue,
    fold,
    kind_rank,
    parsed_from_json,
    parsed_to_json,
    source_kind,
    tolerant_between,
)

# What became of a file that is another source of an issue (source_files.outcome).
SOURCE_OUTCOMES = ("imported", "updated", "rendition", "duplicate")


@dataclass(frozen=True, slots=True)
class Counterpart:
    """The stored issue a parsed file is (a rendition or a corrected printing of)."""

    issue_id: int
    comparison: Comparison
    tolerant: bool = True  # whether the two formats are compared with tolerance for noise


def keep_rendition_text(db: Database, source_file_id: int, parsed: ParsedIssue) -> None:
    """Keep what a file read as, so its text can be taken later without the file."""
    db.execute(
        "INSERT OR REPLACE INTO rendition_texts (source_file_id, parsed) VALUES (?, ?)",
        [source_file_id, parsed_to_json(parsed)],
    )


def _identity(issue: Any) -> tuple[Any, Any, Any]:
    return (issue.series, issue.year, issue.issue_no)


def _complete(identity: tuple[Any, Any, Any]) -> bool:
    return all(part is not None for part in identity)


def find_counterpart(db: Database, parsed: ParsedIssue, fmt: str | None) -> Counterpart | None:
    """The live issue ``parsed`` is another rendition or a corrected printing of, if any.

    Candidates are the issues with its series, year and number and those sharing an
    article title; one whose complete identity differs from a complete printed one is
    another issue, however alike (the same article often runs in two issues).
    """
    identity = (parsed.series, parsed.year, parsed.issue_no)
    candidates: list[int] = []
    if _complete(identity):
        candidates += [
            int(row[0])
            for row in db.execute(
                "SELECT id FROM issues WHERE series = ? AND year = ? AND issue_no = ? "
                "AND deleted_at IS NULL ORDER BY id",
                list(identity),
            ).fetchall()
        ]
    keys = sorted({fold(a.title) for a in parsed.articles} - {""})
    if keys:
        marks = ",".join("?" * len(keys))
        rows = db.execute(
            "SELECT DISTINCT articles.issue_id FROM articles JOIN issues "
            "ON issues.id = articles.issue_id WHERE issues.deleted_at IS NULL "
            f"AND articles.title_key IN ({marks}) ORDER BY articles.issue_id",
            keys,
        ).fetchall()
        candidates += [int(row[0]) for row in rows if int(row[0]) not in candidates]
    best: Counterpart | None = None
    for issue_id in candidates:
        issue = store.get_issue(db, issue_id)
        if issue is None:
            continue
        if _complete(identity) and _complete(_identity(issue)) and identity != _identity(issue):
            continue
        old = store.issue_articles(db, issue_id)
        tolerant = tolerant_between(
            source_kind(fmt, parsed.page_confidence),
            source_kind(issue.source_format, issue.ocr_confidence),
        )
        comparison = compare_issue(parsed.articles, old, tolerant=tolerant)
        if comparison.verdict == DIFFERENT:
            continue
        if best is None or _better(comparison, best.comparison):
            best = Counterpart(issue_id, comparison, tolerant)
    return best


def _better(one: Comparison, other: Comparison) -> bool:
    order = {RENDITION: 2, CORRECTED: 1, DIFFERENT: 0}
    return (order[one.verdict], len(one.pairs)) > (order[other.verdict], len(other.pairs))


def list_sources(db: Database, issue_id: int) -> list[dict[str, Any]]:
    """Every file that gave this issue or was recognised as it, oldest first.

    Each is ``{"id", "path", "format", "imported_at", "outcome", "in_use", "better"}``:
    ``in_use`` for the one whose text the issue shows, ``better`` for a rendition of a
    better kind than that one, whose text ``use_source`` can take.
    """
    row = db.execute(
        "SELECT issues.source_file_id, source_files.format, issues.ocr_confidence FROM issues "
        "LEFT JOIN source_files ON source_files.id = issues.source_file_id WHERE issues.id = ?",
        [issue_id],
    ).fetchone()
    current_id, current_kind = (row[0], source_kind(row[1], row[2])) if row else (None, None)
    marks = ",".join("?" * len(SOURCE_OUTCOMES))
    rows = db.query(
        "SELECT source_files.id, path, format, imported_at, outcome, "
        "rendition_texts.source_file_id IS NOT NULL AS kept, "
        "json_array_length(rendition_texts.parsed, '$.page_confidence') AS ocr_pages "
        "FROM source_files "
        "LEFT JOIN rendition_texts ON rendition_texts.source_file_id = source_files.id "
        f"WHERE issue_id = ? AND outcome IN ({marks}) ORDER BY source_files.id",
        [issue_id, *SOURCE_OUTCOMES],
    )
    sources = []
    for source in rows:
        in_use = source["id"] == current_id
        better = (
            not in_use
            and bool(source["kept"])
            and kind_rank(source_kind(source["format"], source["ocr_pages"]))
            > kind_rank(current_kind)
        )
        sources.append(
            {
                "id": source["id"],
                "path": source["path"],
                "format": source["format"],
                "imported_at": source["imported_at"],
                "outcome": source["outcome"],
                "in_use": in_use,
                "better": better,
            }
        )
    return sources


def use_source(db: Database, issue_id: int, source_id: int) -> list[int]:
    """Take the text of one of an issue's renditions; the replaced texts become history.

    Returns the ids of the articles whose text or title changed (or were added).

    Raises:
        ReaderError: no such live issue, the source is not one of its renditions, or its
            text was not kept (a file imported before renditions were kept).
    """
    if store.get_issue(db, issue_id) is None:
        raise ReaderError("store.no_issue", issue_id=issue_id)
    row = db.execute(
        "SELECT rendition_texts.parsed, source_files.issue_id FROM source_files "
        "LEFT JOIN rendition_texts ON rendition_texts.source_file_id = source_files.id "
        "WHERE source_files.id = ?",
        [source_id],
    ).fetchone()
    if row is None or row[1] != issue_id:
        raise ReaderError("store.not_a_source", source_id=source_id, issue_id=issue_id)
    if row[0] is None:
        raise ReaderError("store.source_text_not_kept", source_id=source_id)
    parsed = parsed_from_json(row[0])
    with db.atomic():
        return store.replace_issue_content(db, issue_id, parsed, source_id, tolerant=False)

"""Importing bulletin files into the archive: one transaction per file, a report per batch.

Each file becomes an issue, or is recognised as one already there. A file that cannot be
read is skipped with a reason; the rest of the batch still imports and nothing already in
the archive is touched by a failure (every file is one transaction).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.archive import Archive
from reader.messages import EN, Message, message
from reader.parsing.model import ParsedIssue, SourceError
from reader.paths import resource_path
from reader.store import issues as store

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = frozenset(
    {".txt", ".text", ".pdf", ".docx", ".doc", ".wps", ".dot", ".wpt", ".ofd"}
    | {".html", ".htm", ".xhtml", ".mht", ".mhtml"}
)
SUPPORTED_FORMATS = "PDF, OFD, DOCX, DOC, WPS, TXT, HTML, MHT"
MAX_FILE_BYTES = 200 * 1024 * 1024

IMPORTED = "imported"
UPDATED = "updated"
ALREADY = "already"
SKIPPED = "skipped"

ProgressCallback = Callable[[int, int, Path], None]
OutcomeCallback = Callable[["FileOutcome"], None]


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What became of one file: imported, updated, already there, or skipped (with why)."""

    path: Path
    status: str
    reason: Message | None = None
    issue_id: int | None = None
    changed_article_ids: tuple[int, ...] = ()

    def message(self, language: str = EN) -> str:
        """What became of the file, in ``language`` ("" when there is nothing to add)."""
        return self.reason.render(language) if self.reason else ""

    def describe(self) -> str:
        """One line for a terminal (English: a documented, scriptable format)."""
        if self.status == SKIPPED:
            return f"skipped: {self.path}: {self.message()}"
        label = {IMPORTED: "imported", UPDATED: "updated", ALREADY: "already there"}[self.status]
        detail = self.message()
        return f"{label}: {self.path}" + (f" — {detail}" if detail else "")


@dataclass(slots=True)
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def skipped(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == SKIPPED]

    @property
    def ok(self) -> bool:
        """True when no file was skipped."""
        return not self.skipped

    @property
    def changed_article_ids(self) -> list[int]:
        return [i for outcome in self.outcomes for i in outcome.changed_article_ids]

    def summary(self) -> str:
        return (
            f"{self.count(IMPORTED)} imported, {self.count(UPDATED)} updated, "
            f"{self.count(ALREADY)} already there, {self.count(SKIPPED)} skipped"
        )


def collect_sources(paths: Iterable[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """The files to import from files and folders (recursively), and the paths refused.

    A file named explicitly is tried whatever its suffix is not, so that an editor who
    points at ``issue.doc`` hears why it cannot be read; inside folders only supported
    files are taken, and hidden or Office lock files (``~$…``) are passed over.
    """
    files: list[Path] = []
    refused: list[FileOutcome] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            files.append(resolved)

    for path in paths:
        path = Path(path).expanduser()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _wanted_in_folder(child, path):
                    add(child)
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                add(path)
            else:
                refused.append(
                    FileOutcome(
                        path.resolve(),
                        SKIPPED,
                        message(
                            "import.unsupported_type",
                            suffix=path.suffix or "(none)",
                            formats=SUPPORTED_FORMATS,
                        ),
                    )
                )
        else:
            refused.append(FileOutcome(path.absolute(), SKIPPED, message("import.no_such_path")))
    return files, refused


def _wanted_in_folder(path: Path, root: Path) -> bool:
    relative = path.relative_to(root)
    if any(part.startswith(".") for part in relative.parts):
        return False
    if path.name.startswith("~$"):
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def import_paths(
    archive: Archive,
    paths: Iterable[Path],
    progress: ProgressCallback | None = None,
    on_outcome: OutcomeCallback | None = None,
) -> ImportReport:
    """Import files and folders into ``archive``, one transaction per file.

    Args:
        archive: the open archive (used from the calling thread only).
        paths: files and folders; folders are searched recursively.
        progress: called as ``progress(done, total, path)`` before each file and once at
            the end with ``done == total``.
        on_outcome: called with each file's outcome as soon as it is known.

    Returns:
        The report: one outcome per file, in the order the files were taken.
    """
    files, refused = collect_sources(paths)
    report = ImportReport(list(refused))
    for outcome in refused:
        if on_outcome:
            on_outcome(outcome)
    total = len(files)
    for done, path in enumerate(files):
        if progress:
            progress(done, total, path)
        outcome = import_file(archive, path)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    if progress:
        progress(total, total, files[-1] if files else Path())
    _update_search_index(archive, report.changed_article_ids)
    return report


def import_file(archive: Archive, path: Path) -> FileOutcome:
    """Import one file; never raises for a bad file (the outcome says why it was skipped)."""
    path = path.resolve()
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            reason = message("import.file_too_large", size_mb=size // (1024 * 1024))
            return FileOutcome(path, SKIPPED, reason)
        sha256 = _file_sha256(path)
    except OSError as error:
        reason = message("import.cannot_read", detail=error.strerror or str(error))
        return FileOutcome(path, SKIPPED, reason)

    db = archive.db
    known = store.find_imported_source(db, sha256)
    if known is not None:
        return FileOutcome(
            path,
            ALREADY,
            message("import.same_file", issue_id=known["issue_id"]),
            issue_id=known["issue_id"],
        )

    try:
        fmt, parsed = _parse(path)
    except SourceError as error:
        return FileOutcome(path, SKIPPED, error.message)
    except Exception as error:  # a parser bug must not stop the batch or show a traceback
        log.exception("unexpected error while reading %s", path)
        reason = message("import.parser_bug", kind=type(error).__name__, detail=str(error))
        return FileOutcome(path, SKIPPED, reason)

    try:
        with db.atomic():
            return _store_parsed(archive, path, sha256, size, fmt, parsed)
    except sqlite3.Error as error:  # the transaction rolled back: nothing half-written
        log.exception("could not save %s", path)
        return FileOutcome(path, SKIPPED, message("import.cannot_save", detail=str(error)))


def _parse(path: Path) -> tuple[str, ParsedIssue]:
    from reader.parsing.files import parse_file

    return parse_file(path)


def _store_parsed(
    archive: Archive, path: Path, sha256: str, size: int, fmt: str, parsed: ParsedIssue
) -> FileOutcome:
    db = archive.db
    fingerprint = store.issue_fingerprint(parsed)
    same_content = store.find_issue_by_fingerprint(db, fingerprint)
    same_identity = store.find_issue_by_identity(db, parsed.series, parsed.year, parsed.issue_no)

    if same_content is not None and same_identity in (None, same_content):
        store.record_source_file(
            db,
            path=str(path),
            sha256=sha256,
            fmt=fmt,
            size=size,
            outcome="duplicate",
            issue_id=same_content,
        )
        return FileOutcome(
            path, ALREADY, message("import.same_text", issue_id=same_content), issue_id=same_content
        )

    if same_identity is not None:
        source_id = store.record_source_file(
            db,
            path=str(path),
            sha256=sha256,
            fmt=fmt,
            size=size,
            outcome=UPDATED,
            issue_id=same_identity,
        )
        changed = store.replace_issue_content(db, same_identity, parsed, source_id)
        _reanchor_highlights(archive, changed)
        return FileOutcome(
            path,
            UPDATED,
            message(
                "import.updated",
                issue_id=same_identity,
                label=_label(parsed),
                changed=len(changed),
                articles=len(parsed.articles),
            ),
            issue_id=same_identity,
            changed_article_ids=tuple(changed),
        )

    source_id = store.record_source_file(
        db, path=str(path), sha256=sha256, fmt=fmt, size=size, outcome=IMPORTED
    )
    issue_id = store.insert_issue(db, parsed, source_id)
    db.execute("UPDATE source_files SET issue_id = ? WHERE id = ?", [issue_id, source_id])
    article_ids = tuple(a.id for a in store.issue_articles(db, issue_id))
    return FileOutcome(
        path,
        IMPORTED,
        message(
            "import.imported",
            issue_id=issue_id,
            label=_label(parsed),
            articles=len(parsed.articles),
        ),
        issue_id=issue_id,
        changed_article_ids=article_ids,
    )


def _label(parsed: ParsedIssue) -> str:
    year = f"{parsed.year}年" if parsed.year is not None else ""
    number = f"第{parsed.issue_no}期" if parsed.issue_no is not None else ""
    series = f"《{parsed.series}》" if parsed.series else ""
    return (series + year + number) or "(series and number not printed)"


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _reanchor_highlights(archive: Archive, article_ids: list[int]) -> None:
    """Move the editor's highlights onto the new text of changed articles (or flag them lost)."""
    try:
        from reader.annotations.highlights import reanchor_article_highlights
    except ImportError:  # annotations are not part of this build
        return
    for article_id in article_ids:
        reanchor_article_highlights(archive.db, article_id)


def _update_search_index(archive: Archive, article_ids: list[int]) -> None:
    """Bring the derived search index up to date; the store stays right if this fails."""
    if not article_ids:
        return
    try:
        from reader.search import sync_index
    except ImportError:
        return
    try:
        sync_index(archive, article_ids)
    except Exception:  # the index is derived: it is rebuilt on next open if this failed
        log.exception("search index update failed; it will be rebuilt")


def import_samples_if_empty(
    archive: Archive, progress: ProgressCallback | None = None
) -> ImportReport | None:
    """On a first start with an empty archive, import the project's sample bulletins."""
    if store.list_issues(archive.db):
        return None
    samples = resource_path("samples")
    if not samples.is_dir():
        return None
    return import_paths(archive, [samples], progress=progress)

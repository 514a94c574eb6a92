"""Importing bulletin files into the archive: one transaction per file, a report per batch.

Each file becomes an issue, or is recognised as one already there. A file that cannot be
read is skipped with a reason; the rest of the batch still imports and nothing already in
the archive is touched by a failure (every file is one transaction).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlite_utils import Database

from reader.annotations.highlights import reanchor_article_highlights
from reader.archive import Archive
from reader.derived import deriving_alongside
from reader.editing import sync_search
from reader.file_digest import file_sha256
from reader.issue_label import issue_label
from reader.messages import EN, Message, message
from reader.parsing.formats import SUPPORTED_SUFFIXES, unsupported_type
from reader.parsing.model import ParsedIssue, SourceError
from reader.paths import resource_path
from reader.sources import display_path, walk_sources
from reader.store import issues as store
from reader.store import sources
from reader.store.clashes import flag_clash, issues_claiming
from reader.store.flags import archive_flag, set_archive_flag
from reader.store.renditions import RENDITION

log = logging.getLogger(__name__)

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
    clash_with: tuple[int, ...] = ()

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
    # Files the batch never started because the editor cancelled it.
    not_started: list[Path] = field(default_factory=list)
    # Regions, keywords or reprint links could not be derived (the files are imported).
    derived_failure: Message | None = None

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
    files are taken, and hidden or Office lock files (``~$…``) are passed over. Pipes,
    devices, folders named like files and broken links are refused (never opened), each
    under the name the editor gave. The files keep that name too (absolute, links unresolved).
    """
    sources, refusals = walk_sources(paths, SUPPORTED_SUFFIXES)
    refused = [FileOutcome(_shown(r.path), SKIPPED, r.reason) for r in refusals]
    files: list[Path] = []
    for source in sources:
        suffix = source.path.suffix.lower()
        if suffix in SUPPORTED_SUFFIXES:
            files.append(source.path)
        else:
            reason = unsupported_type(suffix).message
            refused.append(FileOutcome(_shown(source.path), SKIPPED, reason))
    return files, refused


def _shown(path: Path) -> Path:
    """``path`` with undecodable bytes of its name escaped, fit to print and to store."""
    return Path(display_path(path))


def import_paths(
    archive: Archive,
    paths: Iterable[Path],
    progress: ProgressCallback | None = None,
    on_outcome: OutcomeCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders into ``archive``, one transaction per file.

    Args:
        archive: the open archive (used from the calling thread only).
        paths: files and folders; folders are searched recursively.
        progress: called as ``progress(done, total, path)`` before each file and once at
            the end with ``done == total``.
        on_outcome: called with each file's outcome as soon as it is known.
        cancelled: asked before each file; once it answers True the files left are not
            started (the report lists them in ``not_started``), those done stay imported.

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
        if cancelled is not None and cancelled():
            report.not_started = files[done:]
            break
        if progress:
            progress(done, total, path)
        outcome = import_file(archive, path)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    if progress:
        progress(total, total, files[-1] if files else Path())
    with deriving_alongside(archive, report.changed_article_ids) as deriving:
        sync_search(archive, report.changed_article_ids)
    if deriving.failure is not None:
        report.derived_failure = message("import.derived_failed", detail=deriving.failure)
    return report


def import_file(archive: Archive, path: Path) -> FileOutcome:
    """Import one file; never raises for a bad file (the outcome says why it was skipped).

    The outcome names the file as given; the archive records the file it resolves to.
    """
    outcome = _import_resolved(archive, path.resolve())
    return replace(outcome, path=_shown(Path(os.path.abspath(path))))


def _import_resolved(archive: Archive, path: Path) -> FileOutcome:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            reason = message("import.file_too_large", size_mb=size // (1024 * 1024))
            return FileOutcome(path, SKIPPED, reason)
        sha256 = file_sha256(path)
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
            return _store_parsed(archive, _shown(path), sha256, size, fmt, parsed)
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
    counterpart = sources.find_counterpart(db, parsed, fmt)
    if counterpart is not None and counterpart.comparison.verdict == RENDITION:
        # Another rendition: the text already there stays; the file is one more source.
        return _store_rendition(db, path, sha256, size, fmt, parsed, counterpart.issue_id)
    if counterpart is not None:
        return _store_corrected_printing(archive, path, sha256, size, fmt, parsed, counterpart)
    return _store_new_issue(db, path, sha256, size, fmt, parsed)


def _store_rendition(
    db: Database, path: Path, sha256: str, size: int, fmt: str, parsed: ParsedIssue, issue_id: int
) -> FileOutcome:
    source_id = store.record_source_file(
        db,
        path=str(path),
        sha256=sha256,
        fmt=fmt,
        size=size,
        outcome="rendition",
        issue_id=issue_id,
    )
    sources.keep_rendition_text(db, source_id, parsed)
    return FileOutcome(
        path, ALREADY, message("import.rendition", issue_id=issue_id), issue_id=issue_id
    )


def _store_corrected_printing(
    archive: Archive,
    path: Path,
    sha256: str,
    size: int,
    fmt: str,
    parsed: ParsedIssue,
    counterpart: sources.Counterpart,
) -> FileOutcome:
    db = archive.db
    issue_id = counterpart.issue_id
    source_id = store.record_source_file(
        db, path=str(path), sha256=sha256, fmt=fmt, size=size, outcome=UPDATED, issue_id=issue_id
    )
    sources.keep_rendition_text(db, source_id, parsed)
    changed = store.replace_issue_content(
        db, issue_id, parsed, source_id, keep_alike=True, tolerant=counterpart.tolerant
    )
    _reanchor_highlights(archive, changed)
    titles = [a.title for a in store.get_articles(db, changed)]
    return FileOutcome(
        path,
        UPDATED,
        message(
            "import.updated",
            issue_id=issue_id,
            label=_label(parsed),
            changed=len(changed),
            articles=len(parsed.articles),
            titles="; ".join(titles),
        ),
        issue_id=issue_id,
        changed_article_ids=tuple(changed),
    )


def _store_new_issue(
    db: Database, path: Path, sha256: str, size: int, fmt: str, parsed: ParsedIssue
) -> FileOutcome:
    source_id = store.record_source_file(
        db, path=str(path), sha256=sha256, fmt=fmt, size=size, outcome=IMPORTED
    )
    sources.keep_rendition_text(db, source_id, parsed)
    # Issues already claiming this identity have mostly other articles (else the file
    # would be their rendition or corrected printing): a clash, flagged on both.
    rivals = issues_claiming(db, parsed.series, parsed.year, parsed.issue_no, except_id=0)
    issue_id, article_ids = store.add_issue(db, parsed, source_id)
    for rival in rivals:
        flag_clash(db, issue_id, rival)
    code = "import.clash" if rivals else "import.imported"
    extra = {"others": ", ".join(str(r) for r in rivals)} if rivals else {}
    return FileOutcome(
        path,
        IMPORTED,
        message(
            code, issue_id=issue_id, label=_label(parsed), articles=len(parsed.articles), **extra
        ),
        issue_id=issue_id,
        changed_article_ids=tuple(article_ids),
        clash_with=tuple(rivals),
    )


def _label(parsed: ParsedIssue) -> Message:
    return issue_label(parsed.series, parsed.year, parsed.issue_no)


def _reanchor_highlights(archive: Archive, article_ids: list[int]) -> None:
    """Move the editor's highlights onto the new text of changed articles (or flag them lost)."""
    for article_id in article_ids:
        reanchor_article_highlights(archive.db, article_id)


SAMPLES_OFFERED = "samples_offered"


def samples_due(archive: Archive) -> bool:
    """Whether this is the first start of an empty archive: the samples were never offered."""
    if store.holds_any_issue(archive.db):
        return False
    offered = archive_flag(archive.db, SAMPLES_OFFERED) is not None
    return not offered and resource_path("samples").is_dir()


def decline_samples(archive: Archive) -> None:
    """The editor said no to the samples: never offer them again on this archive."""
    _mark_samples_offered(archive, "declined")


def _mark_samples_offered(archive: Archive, value: str) -> None:
    set_archive_flag(archive.db, SAMPLES_OFFERED, value)


def import_samples_if_empty(
    archive: Archive, progress: ProgressCallback | None = None
) -> ImportReport | None:
    """On a first start with an empty archive, import the project's sample bulletins.

    Only once per archive: after they were imported (even if since deleted) or declined
    (:func:`decline_samples`), it does nothing and returns ``None``.
    """
    if not samples_due(archive):
        return None
    _mark_samples_offered(archive, "imported")
    return import_paths(archive, [resource_path("samples")], progress=progress)

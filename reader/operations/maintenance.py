"""Operations on the archive as a whole: importing files, the first start, the search index,
backups and restores."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reader import backup, importer
from reader.archive import Archive
from reader.backup import BackupSummary, RestoreResult
from reader.importer import ImportReport
from reader.operations.changes import EVERYTHING, NOTHING, Changes, OpResult, Progress
from reader.parsing.ocr import ocr_control
from reader.search import ensure_index, rebuild_index
from reader.warm_up import warm_up_search

IMPORTED = Changes(issues=True, articles=True, annotations=True, index=True)
FileStep = Callable[[int, int, Path], None]


def _import_changes(report: ImportReport | None) -> Changes:
    """Nothing when every file was skipped or already there as that very file."""

    def unchanged(outcome: importer.FileOutcome) -> bool:
        same_file = outcome.reason is not None and outcome.reason.code == "import.same_file"
        return outcome.status == importer.SKIPPED or (
            outcome.status == importer.ALREADY and same_file
        )

    if report is None or all(unchanged(o) for o in report.outcomes):
        return NOTHING
    return IMPORTED


def import_files(
    archive: Archive,
    paths: Iterable[Path],
    progress: Progress,
    *,
    on_file: FileStep | None = None,
    cancelled: Callable[[], bool] | None = None,
    stop_scan: Callable[[], bool] | None = None,
) -> OpResult[ImportReport]:
    """Import files and folders. ``on_file(done, total, path)`` names each file as it is
    started; a scan reports its pages through ``progress`` instead of the files.

    ``cancelled`` stops the batch (the scan being read too; files not started are listed in
    the report); ``stop_scan`` only skips the scan being read.
    """

    def ocr_stop() -> bool:
        return bool((cancelled and cancelled()) or (stop_scan and stop_scan()))

    def step(done: int, total: int, path: Path) -> None:
        if on_file is not None:
            on_file(done, total, path)
        progress(done, total)

    with ocr_control(progress=progress, cancelled=ocr_stop):
        report = importer.import_paths(archive, list(paths), progress=step, cancelled=cancelled)
    return OpResult(report, _import_changes(report))


def start_up(
    archive: Archive, want_samples: bool | None, progress: Progress
) -> OpResult[ImportReport | None]:
    """A window's first work on its archive: the samples on an empty archive when the editor
    wants them (None: not asked), the search index up to date and warm, a rotating backup."""
    report = None
    if want_samples:
        report = importer.import_samples_if_empty(archive)
    elif want_samples is False:
        importer.decline_samples(archive)
    index_written = ensure_index(archive, progress)
    warm_up_search(archive)
    backup.backup_on_start(archive)
    changes = _import_changes(report) | Changes(index=index_written)
    return OpResult(report, changes)


def repair_search_index(archive: Archive, progress: Progress) -> OpResult[bool]:
    """Bring the index in line with the store (a search found it missing, outdated or
    damaged); whether anything was written."""
    written = ensure_index(archive, progress)
    return OpResult(written, Changes(index=written))


def rebuild_search_index(archive: Archive, progress: Progress) -> OpResult[None]:
    rebuild_index(archive, progress)
    return OpResult(None, Changes(index=True))


def back_up(archive: Archive, destination: Path) -> OpResult[BackupSummary]:
    return OpResult(backup.backup_archive(archive, destination), NOTHING)


def restore_backup(archive: Archive, backup_file: Path) -> OpResult[RestoreResult]:
    """Replace the archive with a backup; ``archive`` is reopened on the new file after
    (also when the restore failed)."""
    archive.close()  # the file is replaced under this connection
    try:
        return OpResult(backup.restore_archive(archive.folder, backup_file), EVERYTHING)
    finally:
        archive.reopen()

"""Import, reindex, backup, restore and issue edits: long work on the worker, with progress."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from reader import backup as backups
from reader import importer
from reader.archive import Archive
from reader.parsing.ocr import ocr_control
from reader.search import ensure_index, rebuild_index, search
from reader.store import issues as store
from reader.store.db import open_database
from reader.ui.dialogs import IssueDialog, ReportDialog, progress_dialog, set_progress
from reader.ui.i18n import ui_language
from reader.ui.worker import Worker


class Housekeeping(QObject):
    """The window's File-menu work; results come back as signals on the GUI thread."""

    imported = Signal(object)  # the first new article's id, or None
    restore_started = Signal()  # readers must close their connections now (direct)
    reopened = Signal()  # the archive was replaced (restore)
    report_shown = Signal(object)  # the ReportDialog, for tests

    def __init__(self, window: QMainWindow, archive: Archive, worker: Worker) -> None:
        super().__init__(window)
        self._window = window
        self._archive = archive
        self._worker = worker
        self.show_dialogs = True  # tests turn modal reports off and read ``last_report``
        self.last_progress_dialog: Any = None
        self.restoring = False  # the GUI's connection is closed: nothing may read meanwhile
        self.last_report: Any = None

    def _run(
        self,
        title: str,
        label: str,
        job: Callable[[Archive, Any], Any],
        on_done: Callable[[Any], None],
        changes: bool = True,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        cancel_text = self.tr("Stop reading scans") if on_cancel else None
        dialog = progress_dialog(self._window, title, label, cancel_text, on_cancel)
        self.last_progress_dialog = dialog

        def finished(result: Any) -> None:
            dialog.close()
            dialog.deleteLater()
            on_done(result)

        def failed(message: str) -> None:
            dialog.close()
            dialog.deleteLater()
            self._warn(message)

        self._worker.submit(
            job,
            changes=changes,
            on_done=finished,
            on_failed=failed,
            on_progress=lambda d, t: set_progress(dialog, d, t),
        )

    def _warn(self, message: str) -> None:
        if self.show_dialogs:
            QMessageBox.warning(self._window, self.tr("Reader"), message)
        else:
            self._window.statusBar().showMessage(message)

    # -- importing ----------------------------------------------------------------------
    def import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Import Bulletins"),
            "",
            self.tr(
                "Bulletins (*.pdf *.ofd *.docx *.doc *.wps *.txt *.text *.html *.htm *.mht"
                " *.mhtml *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"
            ),
        )
        if files:
            self.import_paths(files)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Import a Folder of Bulletins")
        )
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str] | list[Path]) -> None:
        """Import files and folders on the worker; a report lists what was skipped."""
        chosen = [Path(p) for p in paths]

        stop = threading.Event()

        def job(archive: Archive, progress: Any) -> Any:
            # Scans report their pages (OCR takes seconds a page); other files count files.
            with ocr_control(progress=progress, cancelled=stop.is_set):
                return importer.import_paths(
                    archive, chosen, progress=lambda d, t, _p: progress(d, t)
                )

        self._run(
            self.tr("Importing"),
            self.tr("Importing bulletins…"),
            job,
            self._imported,
            on_cancel=stop.set,
        )

    def _imported(self, report: Any) -> None:
        self.last_report = report
        first = self._first_new_article(report)
        summary = self.tr("%1 imported, %2 updated, %3 already there, %4 skipped")
        for n, status in enumerate(
            (importer.IMPORTED, importer.UPDATED, importer.ALREADY, importer.SKIPPED), 1
        ):
            summary = summary.replace(f"%{n}", str(report.count(status)))
        self._window.statusBar().showMessage(summary, 8000)
        if report.skipped:
            lines = [f"{o.path}: {o.message(ui_language())}" for o in report.skipped]
            dialog = ReportDialog(self._window, self.tr("Import Report"), summary, lines)
            self.report_shown.emit(dialog)
            if self.show_dialogs:
                dialog.exec()
        self.imported.emit(first)

    def _first_new_article(self, report: Any) -> int | None:
        for outcome in report.outcomes:
            if outcome.issue_id is not None and outcome.status in (
                importer.IMPORTED,
                importer.UPDATED,
            ):
                articles = store.issue_articles(self._archive.db, outcome.issue_id)
                if articles:
                    return articles[0].id
        return None

    # -- start-up -----------------------------------------------------------------------
    def start_up(self, then: Callable[[], None]) -> None:
        """Samples on an empty archive, the search index, a rotating backup; then ``then``."""
        status = self._window.statusBar()
        status.showMessage(self.tr("Preparing the archive…"))

        def job(archive: Archive, progress: Any) -> Any:
            report = importer.import_samples_if_empty(archive)
            ensure_index(archive, progress)
            # Load the dictionary and warm the index here, so the editor's first keystroke
            # in the search box does not pay for it (half a second at 10,000 articles).
            search(archive, "的", limit=1)
            # jieba's dictionary is a dict of hundreds of thousands of words: left in the
            # collected generations, every full garbage collection walks it and pauses
            # whichever thread triggered it, the window's too, by tens of milliseconds.
            gc.freeze()
            backups.backup_on_start(archive)
            return report

        def done(report: Any) -> None:
            status.clearMessage()
            if report is not None:
                self._imported(report)
            then()

        def failed(message: str) -> None:
            status.clearMessage()
            self._warn(message)
            then()

        self._worker.submit(job, on_done=done, on_failed=failed)

    # -- index, backup, restore ---------------------------------------------------------
    def reindex(self) -> None:
        self._run(
            self.tr("Search Index"),
            self.tr("Rebuilding the search index…"),
            lambda archive, progress: rebuild_index(archive, progress),
            lambda _r: self._window.statusBar().showMessage(self.tr("Search index rebuilt"), 5000),
            changes=False,
        )

    def backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Back Up Archive"),
            "reader-backup.sqlite3",
            self.tr("Reader archive (*.sqlite3);;All files (*)"),
        )
        if path:
            self.backup_to(Path(path))

    def backup_to(self, path: Path) -> None:
        self._run(
            self.tr("Backup"),
            self.tr("Backing up the archive…"),
            lambda archive, _p: backups.backup_archive(archive, path),
            lambda _r: self._window.statusBar().showMessage(
                self.tr("Backed up to %1").replace("%1", str(path)), 8000
            ),
            changes=False,
        )

    def restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Restore From Backup"),
            "",
            self.tr("Reader archive (*.sqlite3);;All files (*)"),
        )
        if not path:
            return
        answer = QMessageBox.question(
            self._window,
            self.tr("Restore From Backup"),
            self.tr(
                "Replace the archive with this backup? The current archive is kept beside "
                "it as archive-before-restore-….sqlite3."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from(Path(path))

    def restore_from(self, path: Path) -> None:
        """Replace the archive with a backup: the GUI's connection is closed meanwhile."""
        folder = self._archive.folder
        self.restoring = True
        self.restore_started.emit()  # the window's other readers close their connections
        self._archive.close()

        def job(archive: Archive, _p: Any) -> Any:
            archive.close()  # the worker's own connection too: the file is replaced
            try:
                return backups.restore_archive(folder, path)
            finally:
                archive.db = open_database(archive.database_path)

        def reopen() -> None:
            # The same Archive object is shared by the window's views: give it a new
            # connection rather than a new object.
            self._archive.db = open_database(self._archive.database_path)
            self.restoring = False

        dialog = progress_dialog(
            self._window, self.tr("Restore"), self.tr("Restoring the archive…")
        )

        def done(_result: Any) -> None:
            dialog.close()
            reopen()
            self._window.statusBar().showMessage(self.tr("Archive restored"), 8000)
            self.reopened.emit()

        def failed(message: str) -> None:
            dialog.close()
            reopen()
            self._warn(message)
            self.reopened.emit()

        self._worker.submit(job, on_done=done, on_failed=failed)

    # -- issues -------------------------------------------------------------------------
    def edit_issue(self, issue_id: int) -> None:
        issue = store.get_issue(self._archive.db, issue_id)
        if issue is None:
            return
        dialog = IssueDialog(self._window, issue)
        if dialog.exec() != IssueDialog.DialogCode.Accepted:
            return
        self.save_issue(issue_id, dialog.changes())

    def save_issue(self, issue_id: int, changes: dict[str, Any]) -> None:
        if changes:
            self._worker.submit(
                lambda a, _p: store.update_issue_fields(a.db, issue_id, changes),
                on_failed=self._warn,
            )

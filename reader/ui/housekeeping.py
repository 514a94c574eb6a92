"""Import, reindex, backup, restore and issue edits: long work on the worker, with progress."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from reader import backup as backups
from reader import editing, importer
from reader.archive import Archive
from reader.parsing.ocr import ocr_control
from reader.search import ensure_index, rebuild_index, search
from reader.store import issues as store
from reader.store.db import open_database
from reader.ui import tree_queries
from reader.ui.dialogs import IssueDialog, ReportDialog, progress_dialog, set_progress
from reader.ui.i18n import ui_language
from reader.ui.settings import Settings
from reader.ui.worker import Worker


class Housekeeping(QObject):
    """The window's File-menu work; results come back as signals on the GUI thread."""

    imported = Signal(object)  # the first new article's id, or None
    restore_started = Signal()  # readers must close their connections now (direct)
    reopened = Signal()  # the archive was replaced (restore)
    report_shown = Signal(object)  # the ReportDialog, for tests
    samples_asked = Signal(object)  # the first start's QMessageBox, for tests
    progress_described = Signal(str)  # the progress dialog's new line

    def __init__(
        self, window: QMainWindow, archive: Archive, worker: Worker, settings: Settings
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._archive = archive
        self._worker = worker
        self.show_dialogs = True  # tests turn modal reports off and read ``last_report``
        self.last_progress_dialog: Any = None
        self.restoring = False  # the GUI's connection is closed: nothing may read meanwhile
        self.last_report: Any = None
        # (issue id, changes) -> ("merge" | "apart" | "cancel", other issue id or None)
        self.identity_check: Callable[[int, dict[str, Any]], tuple[str, int | None]] | None = None
        # The first start's question; tests answer it without a dialog.
        self.samples_answer: bool | None = None
        self._repairing = False

    def _run(
        self,
        title: str,
        label: str,
        job: Callable[[Archive, Any], Any],
        on_done: Callable[[Any], None],
        changes: bool = True,
        describe: Callable[[int, int], str] | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        cancel_text = self.tr("Stop reading scans") if on_cancel else None
        dialog = progress_dialog(self._window, title, label, cancel_text, on_cancel)
        self.last_progress_dialog = dialog

        def progressed(done: int, total: int) -> None:
            set_progress(dialog, done, total)
            if describe is not None:
                dialog.setLabelText(describe(done, total))
                self.progress_described.emit(dialog.labelText())

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
            on_progress=progressed,
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
            self._settings.last_folder("import"),
            self.tr(
                "Bulletins (*.pdf *.ofd *.docx *.doc *.wps *.txt *.text *.html *.htm *.mht"
                " *.mhtml *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"
            ),
        )
        if files:
            self._settings.remember_folder("import", str(Path(files[0]).parent))
            self.import_paths(files)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._window,
            self.tr("Import a Folder of Bulletins"),
            self._settings.last_folder("import"),
        )
        if folder:
            self._settings.remember_folder("import", str(Path(folder).parent))
            self.import_paths([folder])

    def import_paths(self, paths: list[str] | list[Path]) -> None:
        """Import files and folders on the worker; a report lists what was skipped."""
        chosen = [Path(p) for p in paths]
        # The worker names each file before reporting its number; the dialog looks it up
        # when that report arrives (the worker may be further on by then).
        names: dict[int, str] = {}

        def step(done: int, total: int, path: Path, progress: Any) -> None:
            names[done] = path.name
            progress(done, total)

        stop = threading.Event()

        def job(archive: Archive, progress: Any) -> Any:
            # Scans report their pages (OCR takes seconds a page); other files count files.
            with ocr_control(progress=progress, cancelled=stop.is_set):
                return importer.import_paths(
                    archive, chosen, progress=lambda d, t, p: step(d, t, p, progress)
                )

        self._run(
            self.tr("Importing"),
            self.tr("Importing bulletins…"),
            job,
            self._imported,
            on_cancel=stop.set,
            describe=lambda d, t: self.import_progress_text(d, t, names.get(d, "")),
        )

    def import_progress_text(self, done: int, total: int, name: str) -> str:
        """The progress dialog's line: which file of how many is being read."""
        if not name or done >= total:
            return self.tr("Importing bulletins…")
        return (
            self.tr("Reading %1 of %2: %3")
            .replace("%1", str(done + 1))
            .replace("%2", str(total))
            .replace("%3", name)
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
        clashes = [o for o in report.outcomes if o.clash_with]
        if report.skipped or clashes:
            lines = [f"{o.path}: {o.message(ui_language())}" for o in report.skipped + clashes]
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
        """Samples on an empty archive (if the editor wants them), the search index, a
        rotating backup; then ``then``. The question does not block: start-up goes on
        when it is answered."""
        if not importer.samples_due(self._archive):
            self._start_up(None, then)
        elif self.samples_answer is not None or not self.show_dialogs:
            self._start_up(self.samples_answer is not False, then)
        else:
            box = self._samples_question()
            box.finished.connect(
                lambda result: self._start_up(result == QMessageBox.StandardButton.Yes, then)
            )
            box.open()

    def _samples_question(self) -> QMessageBox:
        box = QMessageBox(self._window)
        box.setObjectName("samplesQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Sample Issues"))
        box.setText(
            self.tr(
                "The archive is empty. Import the invented sample issues (示例) to try the "
                "reader? They can be removed later in one action (File › Remove Sample Issues)."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        self.samples_asked.emit(box)
        return box

    def _start_up(self, wanted: bool | None, then: Callable[[], None]) -> None:
        status = self._window.statusBar()
        status.showMessage(self.tr("Preparing the archive…"))

        def job(archive: Archive, progress: Any) -> Any:
            report = None
            if wanted:
                report = importer.import_samples_if_empty(archive)
            elif wanted is False:
                importer.decline_samples(archive)
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

    def repair_index(self, then: Callable[[], None]) -> None:
        """Bring the index in line with the store on the worker (a search found it missing,
        outdated or damaged), then call ``then``; a repair already queued is not doubled."""
        if self._repairing:
            return
        self._repairing = True
        status = self._window.statusBar()
        status.showMessage(self.tr("Rebuilding the search index…"))

        def done(_result: Any) -> None:
            self._repairing = False
            status.showMessage(self.tr("Search index rebuilt"), 5000)
            then()

        def failed(message: str) -> None:
            self._repairing = False
            status.clearMessage()
            self._warn(message)

        self._worker.submit(
            lambda archive, progress: ensure_index(archive, progress),
            changes=False,
            on_done=done,
            on_failed=failed,
        )

    def backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Back Up Archive"),
            str(Path(self._settings.last_folder("backup")) / self.backup_name(date.today())),
            self.tr("Reader archive (*.sqlite3);;All files (*)"),
        )
        if path:
            self._settings.remember_folder("backup", str(Path(path).parent))
            self.backup_to(Path(path))

    def backup_name(self, day: date) -> str:
        """A dated default name for a backup, in the interface language."""
        return self.tr("Archive backup %1.sqlite3").replace("%1", day.isoformat())

    def restore_start_folder(self) -> str:
        """Where the restore dialog opens: the last folder used, else the automatic backups."""
        last = self._settings.last_folder("restore")
        if last and Path(last).is_dir():
            return last
        automatic = self._archive.backups_dir
        return str(automatic) if automatic.is_dir() else ""

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
            self.restore_start_folder(),
            self.tr("Reader archive (*.sqlite3);;All files (*)"),
        )
        if not path:
            return
        self._settings.remember_folder("restore", str(Path(path).parent))
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
        dialog = IssueDialog(self._window, issue, self.known_series())
        if dialog.exec() != IssueDialog.DialogCode.Accepted:
            return
        self.save_issue(issue_id, dialog.changes())

    def known_series(self) -> list[str]:
        """The series names the archive already files issues under."""
        return [name for name, _i, _n in tree_queries.series_counts(self._archive.db) if name]

    def save_issue(self, issue_id: int, changes: dict[str, Any]) -> None:
        """Save new details; when they claim another issue's identity, ask first whether
        to merge the two or keep them apart (``identity_check``)."""
        if not changes:
            return
        choice, other = (
            self.identity_check(issue_id, changes) if self.identity_check else ("", None)
        )
        if choice == "cancel":
            return
        merge_into = other if choice == "merge" else None

        def job(archive: Archive, _p: Any) -> Any:
            record = store.update_issue_fields(archive.db, issue_id, changes)
            if merge_into is not None:
                editing.merge_issues(archive, issue_id, merge_into)
            return record

        self._worker.submit(job, on_failed=self._warn)

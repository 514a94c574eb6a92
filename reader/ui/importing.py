"""Importing bulletins from the window: files, folders or dropped paths, on the worker, with
a progress dialog that names each file and can stop a scan or cancel the rest."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from reader import importer
from reader.archive import Archive
from reader.operations.maintenance import import_files
from reader.parsing.formats import SUPPORTED_SUFFIXES
from reader.store import issues as store
from reader.ui.dialogs import ReportDialog
from reader.ui.i18n import ui_language
from reader.ui.runner import OpRunner
from reader.ui.settings import Settings

SHOW_AFTER_MS = 300  # a quick import finishes before its dialog would flash up


class ImportProgress(QDialog):
    """Which file of how many is read, a bar, 停止识别扫描件 (skips the scan being read) and
    取消导入 (the files not started yet are left)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("progressDialog")
        self.setWindowTitle(self.tr("Importing"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(380)
        self.stop_scan_requested = threading.Event()
        self.cancel_requested = threading.Event()
        self.label = QLabel(self.tr("Importing bulletins…"), self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # file names are data
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.stop_scan_button = QPushButton(self.tr("Stop reading scans"), self)
        self.stop_scan_button.clicked.connect(self.stop_scan_requested.set)
        self.cancel_button = QPushButton(self.tr("Cancel Import"), self)
        self.cancel_button.setObjectName("cancelImportButton")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stop_scan_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self._finished = False
        QTimer.singleShot(SHOW_AFTER_MS, self._show_if_running)

    def _show_if_running(self) -> None:
        if not self._finished:
            self.show()

    def cancel(self) -> None:
        """Leave the files not started yet (and stop a scan being read); those done stay."""
        self.cancel_requested.set()
        self.cancel_button.setEnabled(False)
        self.stop_scan_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))

    def reject(self) -> None:  # Esc or the close button cancel, as in any progress dialog
        self.cancel()

    def finish(self) -> None:
        self._finished = True
        self.close()
        self.deleteLater()

    def set_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def maximum(self) -> int:
        return self.bar.maximum()

    def value(self) -> int:
        return self.bar.value()

    def label_text(self) -> str:
        return self.label.text()


class Importing(QObject):
    """File › Import and dropped files; the report comes back as signals on the GUI thread."""

    imported = Signal(object)  # the first new article's id, or None
    report_shown = Signal(object)  # the ReportDialog, for tests
    progress_described = Signal(str)  # the progress dialog's new line

    def __init__(self, window: QMainWindow, archive: Archive, ops: OpRunner, settings: Settings):
        super().__init__(window)
        self._window = window
        self._archive = archive
        self._ops = ops
        self._settings = settings
        self.last_progress_dialog: ImportProgress | None = None
        self.last_report: importer.ImportReport | None = None

    def import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Import Bulletins"),
            self._settings.last_folder("import"),
            self.tr("Bulletins ({patterns});;All files (*)").format(
                patterns=" ".join(f"*{suffix}" for suffix in sorted(SUPPORTED_SUFFIXES))
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
        dialog = ImportProgress(self._window)
        self.last_progress_dialog = dialog
        # The worker names each file before reporting its number; the dialog looks it up
        # when that report arrives (the worker may be further on by then).
        names: dict[int, str] = {}

        def named(done: int, _total: int, path: Path) -> None:
            names[done] = path.name

        def progressed(done: int, total: int) -> None:
            dialog.set_progress(done, total)
            if not dialog.cancel_requested.is_set():
                dialog.label.setText(self.import_progress_text(done, total, names.get(done, "")))
                self.progress_described.emit(dialog.label_text())

        def finished(report: importer.ImportReport) -> None:
            dialog.finish()
            self._imported(report)

        def failed(error: BaseException) -> None:
            dialog.finish()
            self._ops.show_error(error)

        self._ops.run_with_progress(
            lambda archive, progress: import_files(
                archive,
                chosen,
                progress,
                on_file=named,
                cancelled=dialog.cancel_requested.is_set,
                stop_scan=dialog.stop_scan_requested.is_set,
            ),
            progress=progressed,
            success=finished,
            failure=failed,
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

    def summary(self, report: importer.ImportReport) -> str:
        summary = self.tr("%1 imported, %2 updated, %3 already there, %4 skipped")
        for n, status in enumerate(
            (importer.IMPORTED, importer.UPDATED, importer.ALREADY, importer.SKIPPED), 1
        ):
            summary = summary.replace(f"%{n}", str(report.count(status)))
        if report.not_started:
            cancelled = self.tr("%1 not started (import cancelled)")
            summary += self.tr(", ") + cancelled.replace("%1", str(len(report.not_started)))
        return summary

    def _imported(self, report: Any) -> None:
        self.last_report = report
        first = self._first_new_article(report)
        summary = self.summary(report)
        self._window.statusBar().showMessage(summary, 8000)
        clashes = [o for o in report.outcomes if o.clash_with]
        derived = report.derived_failure
        if report.skipped or clashes or report.not_started or derived:
            lines = [f"{o.path}: {o.message(ui_language())}" for o in report.skipped + clashes]
            left = self.tr("not imported: the import was cancelled")
            lines += [f"{path}: {left}" for path in report.not_started]
            if derived is not None:
                lines.append(derived.render(ui_language()))
            dialog = ReportDialog(self._window, self.tr("Import Report"), summary, lines)
            self.report_shown.emit(dialog)
            if self._ops.show_dialogs:
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

"""File › Back Up, Restore From Backup and Rebuild Search Index: long work on the worker
behind a progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from reader.archive import Archive
from reader.operations import OpResult, Progress
from reader.operations import maintenance as ops
from reader.ui.dialogs import progress_dialog, set_progress
from reader.ui.runner import OpRunner
from reader.ui.settings import Settings


class ArchiveCare(QObject):
    """Backups, restores and the index; a restore replaces the database under the window."""

    restore_started = Signal()  # readers must close their connections now (direct)
    reopened = Signal()  # the archive was replaced (restore)

    def __init__(
        self, window: QMainWindow, archive: Archive, ops: OpRunner, settings: Settings
    ) -> None:
        super().__init__(window)
        self._window = window
        self._archive = archive
        self._ops = ops
        self._settings = settings
        self._repairing = False
        self.restoring = False  # the GUI's connection is closed: nothing may read meanwhile

    def _run(
        self,
        title: str,
        label: str,
        op: Callable[[Archive, Progress], OpResult[Any]],
        on_done: Callable[[Any], None],
    ) -> None:
        dialog = progress_dialog(self._window, title, label)

        def finished(result: Any) -> None:
            dialog.close()
            dialog.deleteLater()
            on_done(result)

        def failed(error: BaseException) -> None:
            dialog.close()
            dialog.deleteLater()
            self._ops.show_error(error)

        self._ops.run_with_progress(
            op,
            progress=lambda done, total: set_progress(dialog, done, total),
            success=finished,
            failure=failed,
        )

    def _status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 8000)

    def reindex(self) -> None:
        self._run(
            self.tr("Search Index"),
            self.tr("Rebuilding the search index…"),
            ops.rebuild_search_index,
            lambda _r: self._status(self.tr("Search index rebuilt")),
        )

    def repair_index(self, then: Callable[[], None]) -> None:
        """Bring the index in line with the store on the worker (a search found it missing,
        outdated or damaged), then call ``then``; a repair already queued is not doubled."""
        if self._repairing:
            return
        self._repairing = True
        status = self._window.statusBar()
        status.showMessage(self.tr("Rebuilding the search index…"))

        def done(_written: Any) -> None:
            self._repairing = False
            status.showMessage(self.tr("Search index rebuilt"), 5000)
            then()

        def failed(error: BaseException) -> None:
            self._repairing = False
            status.clearMessage()
            self._ops.show_error(error)

        self._ops.run_with_progress(
            ops.repair_search_index, progress=lambda _d, _t: None, success=done, failure=failed
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

    def backup_to(self, path: Path) -> None:
        self._run(
            self.tr("Backup"),
            self.tr("Backing up the archive…"),
            lambda archive, _p: ops.back_up(archive, path),
            lambda _r: self._status(self.tr("Backed up to %1").replace("%1", str(path))),
        )

    def restore_start_folder(self) -> str:
        """Where the restore dialog opens: the last folder used, else the automatic backups."""
        last = self._settings.last_folder("restore")
        if last and Path(last).is_dir():
            return last
        automatic = self._archive.backups_dir
        return str(automatic) if automatic.is_dir() else ""

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
        """Replace the archive with a backup: the GUI's connection is closed meanwhile and
        opened again on the restored file (the views share that one Archive)."""
        self.restoring = True
        self.restore_started.emit()  # the window's other readers close their connections
        self._archive.close()
        dialog = progress_dialog(
            self._window, self.tr("Restore"), self.tr("Restoring the archive…")
        )

        def reopen() -> None:
            dialog.close()
            self._archive.reopen()
            self.restoring = False

        def done(_result: Any) -> None:
            reopen()
            self._status(self.tr("Archive restored"))
            self.reopened.emit()

        def failed(error: BaseException) -> None:
            reopen()
            self._ops.show_error(error)
            self.reopened.emit()

        self._ops.run(
            lambda archive: ops.restore_backup(archive, path), success=done, failure=failed
        )

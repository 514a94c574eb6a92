"""File › Export / Import Annotations: the CLI's `annotations export` / `import` in the window."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow

from reader.operations import annotating as ops
from reader.ui.runner import OpRunner
from reader.ui.settings import Settings

FILTER = "JSON (*.json);;All files (*)"


class AnnotationTransfer(QObject):
    """Writes the archive's notes, highlights, bookmarks and tags to a JSON file, and
    merges such a file in (matched by article, never duplicating)."""

    def __init__(self, window: QMainWindow, runner: OpRunner, settings: Settings) -> None:
        super().__init__(window)
        self._window = window
        self._ops = runner
        self._settings = settings

    def _status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 8000)

    def export_file(self, path: Path | None = None) -> None:
        settings = self._settings
        if path is None:
            name = self.tr("Annotations %1.json").replace("%1", date.today().isoformat())
            start = str(Path(settings.last_folder("annotations")) / name)
            chosen, _ = QFileDialog.getSaveFileName(
                self._window, self.tr("Export Annotations"), start, FILTER
            )
            if not chosen:
                return
            path = Path(chosen)
        settings.remember_folder("annotations", str(path.parent))
        target = path

        def done(count: Any) -> None:
            self._status(
                self.tr("Annotations on %1 articles written to %2")
                .replace("%1", str(count))
                .replace("%2", str(target))
            )

        self._ops.run(lambda a: ops.export_annotations_file(a, target), success=done)

    def import_file(self, path: Path | None = None) -> None:
        settings = self._settings
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self._window,
                self.tr("Import Annotations"),
                settings.last_folder("annotations"),
                FILTER,
            )
            if not chosen:
                return
            path = Path(chosen)
        settings.remember_folder("annotations", str(path.parent))
        source = path

        def done(report: Any) -> None:
            self._status(
                self.tr("%1 articles matched, %2 not found; %3 annotations added")
                .replace("%1", str(report.matched))
                .replace("%2", str(report.unmatched))
                .replace("%3", str(report.added))
            )

        self._ops.run(lambda a: ops.import_annotations_file(a, source), success=done)

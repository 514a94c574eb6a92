"""Export the current result list from the window: every hit, as ``reader search --export``.

The file is written on the worker by the same core function as the command line's
(``reader.hitlist``), so both give the same rows; the window then says where it went.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.hitlist import FORMATS
from reader.operations import searching as ops
from reader.ui.errors import error_text
from reader.ui.runner import OpRunner
from reader.ui.settings import Settings

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
FOLDER_PURPOSE = "hitlist"

ChoosePath = Callable[[QWidget, str], Path | None]


def default_name(query: str, suffix: str = ".xlsx") -> str:
    """``检索结果_乳业.xlsx``: a file name from the query, safe on every platform."""
    stem = _UNSAFE.sub("_", query).strip("._")[:60]
    return f"检索结果_{stem}{suffix}" if stem else f"检索结果{suffix}"


class HitListExport(QObject):
    """Asks for a file, writes every hit of the shown query to it, says where."""

    exported = Signal(object, int)  # the Path written, the rows in it
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        runner: OpRunner,
        settings: Settings,
        shown_query: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._runner = runner
        self._settings = settings
        self._shown_query = shown_query
        self.choose_path: ChoosePath = self._choose_path  # tests answer for the editor
        self.message: QMessageBox | None = None  # the last report shown
        self.open_folder = True  # the report offers to open the folder

    def _choose_path(self, parent: QWidget, query: str) -> Path | None:
        folder = self._settings.last_folder(FOLDER_PURPOSE) or str(Path.home())
        filters = {
            ".xlsx": self.tr("Excel workbook (*.xlsx)"),
            ".csv": self.tr("CSV, UTF-8 (*.csv)"),
            ".docx": self.tr("Word document (*.docx)"),
        }
        chosen, selected = QFileDialog.getSaveFileName(
            parent,
            self.tr("Export Search Results"),
            str(Path(folder) / default_name(query)),
            ";;".join(filters.values()),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in FORMATS:  # the type chosen, when no suffix was typed
            suffix = next((s for s, label in filters.items() if label == selected), ".xlsx")
            path = path.with_name(path.name + suffix)
        return path

    def start(self) -> None:
        """Export the results on screen (their query, filters included), if there are any."""
        query = self._shown_query()
        if not query:
            self._report(QMessageBox.Icon.Information, self.tr("Search for something first."))
            return
        path = self.choose_path(self._parent, query)
        if path is None:
            return
        self._settings.remember_folder(FOLDER_PURPOSE, str(path.parent))

        self._runner.run(
            lambda archive: ops.export_hit_list(archive, query, path),
            success=lambda rows: self._done(path, int(rows)),
            failure=lambda error: self._failed(error_text(error)),
        )

    def _done(self, path: Path, rows: int) -> None:
        text = self.tr("%n search result(s) written to:\n%1", "", rows).replace(
            "%1", str(path.resolve())
        )
        box = self._report(QMessageBox.Icon.Information, text, show=False)
        if self.open_folder:
            show = box.addButton(self.tr("Open Folder"), QMessageBox.ButtonRole.ActionRole)
            show.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
            )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.open()
        self.exported.emit(path, rows)

    def _failed(self, message: str) -> None:
        self._report(QMessageBox.Icon.Warning, message)
        self.failed.emit(message)

    def _report(self, icon: QMessageBox.Icon, text: str, show: bool = True) -> QMessageBox:
        if self.message is not None:
            self.message.deleteLater()
        box = QMessageBox(icon, self.tr("Export Search Results"), text, parent=self._parent)
        box.setObjectName("hitListReport")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path or query is never markup
        if show:
            box.open()
        self.message = box
        return box

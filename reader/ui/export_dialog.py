"""Export a brief: format, options and file; the work runs on the worker with progress."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.archive import Archive
from reader.briefs import BriefRecord
from reader.export import FORMATS, export_brief
from reader.ui.settings import Settings
from reader.ui.worker import Worker

FORMAT_LABELS = {
    "docx": "Word (.docx)",
    "pdf": "PDF (.pdf)",
    "html": "HTML (.html)",
    "md": "Markdown (.md)",
}
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def default_file_name(title: str, fmt: str) -> str:
    """A file name from the brief's title, safe on every platform."""
    stem = _UNSAFE.sub("_", title).strip("._") or "brief"
    return stem[:80] + FORMATS[fmt]


class ExportDialog(QDialog):
    """Choose format, options and file; Export runs it and shows progress."""

    exported = Signal(object)  # the written Path
    failed = Signal(str)

    def __init__(
        self, parent: QWidget, brief: BriefRecord, worker: Worker, settings: Settings
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Brief"))
        self._brief = brief
        self._worker = worker
        self._settings = settings
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        self.format.setAccessibleName(self.tr("Format"))
        for fmt, label in FORMAT_LABELS.items():
            self.format.addItem(label, fmt)
        self.include_notes = QCheckBox(self.tr("Include my notes"), self)
        self.include_highlights = QCheckBox(self.tr("Include highlighted passages"), self)
        self.open_when_done = QCheckBox(self.tr("Open the file when done"), self)
        self.open_when_done.setChecked(True)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setAccessibleName(self.tr("File"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        folder = Path(settings.export_dir or Path.home())
        self.path_edit.setText(str(folder / default_file_name(brief.title, "docx")))
        self.format.currentIndexChanged.connect(self._format_changed)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        summary = QLabel(
            self.tr("“%1”: %n article(s)", "", len(brief.items)).replace("%1", brief.title), self
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("File"), path_row)
        form.addRow("", self.include_notes)
        form.addRow("", self.include_highlights)
        form.addRow("", self.open_when_done)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def set_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(self.format.findData(fmt))

    def _format_changed(self, _index: int) -> None:
        path = Path(self.path_edit.text() or default_file_name(self._brief.title, "docx"))
        self.path_edit.setText(str(path.with_suffix(FORMATS[self.chosen_format()])))

    def _browse(self) -> None:
        fmt = self.chosen_format()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Brief"),
            self.path_edit.text(),
            f"{FORMAT_LABELS[fmt]} (*{FORMATS[fmt]})",
        )
        if path:
            self.path_edit.setText(path)

    def start(self) -> None:
        """Export on the worker; the dialog stays open with a progress bar until done."""
        text = self.path_edit.text().strip()
        if not text:
            self.message.setText(self.tr("Choose a file to export to."))
            return
        path = Path(text).expanduser()
        fmt = self.chosen_format()
        brief_id = self._brief.id
        notes, highlights = self.include_notes.isChecked(), self.include_highlights.isChecked()
        self._settings.export_dir = str(path.parent)
        self.buttons.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.message.setText(self.tr("Exporting…"))

        def job(archive: Archive, progress: Any) -> Path:
            return export_brief(
                archive.db,
                path,
                fmt,
                brief=brief_id,
                include_notes=notes,
                include_highlights=highlights,
                progress=progress,
            )

        self._worker.submit(
            job,
            changes=True,  # the export is recorded: the tree and results mark it 已编入
            on_done=self._done,
            on_failed=self._failed,
            on_progress=self._progressed,
        )

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _done(self, path: Any) -> None:
        self.buttons.setEnabled(True)
        self.progress.setVisible(False)
        self.message.setText(self.tr("Exported to %1").replace("%1", str(path)))
        self.exported.emit(Path(path))
        if self.open_when_done.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.progress.setVisible(False)
        self.message.setText(message)
        self.failed.emit(message)

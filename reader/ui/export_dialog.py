"""Export a brief: its cover (title, subtitle, compiler), format, options and file; the work
runs on the worker with progress, and the dialog then says where the file went."""

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

from reader import briefs as brief_store
from reader.archive import Archive
from reader.briefs import BriefRecord
from reader.export import FORMATS, document_for_brief, repeated_articles
from reader.messages import ReaderError
from reader.operations.briefing import export_brief
from reader.ui.errors import error_text
from reader.ui.runner import OpRunner
from reader.ui.settings import ExportChoices, Settings

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


def repeated_warnings(archive: Archive, brief: BriefRecord, language: str) -> list[str]:
    """The brief's articles that it holds twice (the same text), said in ``language``."""
    try:
        document = document_for_brief(archive.db, brief.id)
    except (ReaderError, brief_store.BriefError):
        return []
    return [warning.render(language) for warning in repeated_articles(document)]


class ExportDialog(QDialog):
    """Cover fields, format, options and file; Export runs it, shows progress, then where
    the file was written (with a button that opens its folder)."""

    exported = Signal(object)  # the written Path
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        brief: BriefRecord,
        runner: OpRunner,
        settings: Settings,
        archive: Archive | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Brief"))
        self._brief = brief
        self._runner = runner
        self._settings = settings
        self.written: Path | None = None
        choices = settings.export_choices

        self.title_edit = self._line("exportTitle", brief.title, self.tr("Title"))
        self.subtitle_edit = self._line("exportSubtitle", brief.subtitle, self.tr("Subtitle"))
        self.compiler_edit = self._line("exportCompiler", brief.compiler, self.tr("Compiler"))
        self.compiler_edit.setPlaceholderText(self.tr("Who compiled it (编印单位)"))
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        self.format.setAccessibleName(self.tr("Format"))
        for fmt, label in FORMAT_LABELS.items():
            self.format.addItem(label, fmt)
        self.format.setCurrentIndex(max(0, self.format.findData(choices.format)))
        self.include_notes = QCheckBox(self.tr("Include my notes"), self)
        self.include_notes.setChecked(choices.notes)
        self.include_highlights = QCheckBox(self.tr("Include highlighted passages"), self)
        self.include_highlights.setChecked(choices.highlights)
        self.open_when_done = QCheckBox(self.tr("Open the file when done"), self)
        self.open_when_done.setChecked(choices.open_file)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setAccessibleName(self.tr("File"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        folder = Path(settings.export_dir or Path.home())
        self.path_edit.setText(str(folder / default_file_name(brief.title, self.chosen_format())))
        self.format.currentIndexChanged.connect(self._format_changed)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.warning = QLabel(self)
        self.warning.setObjectName("exportRepeatWarning")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a15c00;")
        warnings = repeated_warnings(archive, brief, settings.language) if archive else []
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        self.message = QLabel(self)
        self.message.setObjectName("exportMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = QPushButton(self.tr("Open Folder"), self)
        self.open_folder.setObjectName("exportOpenFolder")
        self.open_folder.setVisible(False)
        self.open_folder.clicked.connect(self.show_folder)
        summary = QLabel(
            self.tr("“%1”: %n article(s)", "", len(brief.items)).replace("%1", brief.title), self
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Subtitle"), self.subtitle_edit)
        form.addRow(self.tr("Compiler"), self.compiler_edit)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("File"), path_row)
        form.addRow("", self.include_notes)
        form.addRow("", self.include_highlights)
        form.addRow("", self.open_when_done)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close, self
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        done_row = QHBoxLayout()
        done_row.addWidget(self.message, 1)
        done_row.addWidget(self.open_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addLayout(done_row)
        layout.addWidget(self.buttons)
        self.resize(600, self.sizeHint().height())

    def _line(self, name: str, text: str | None, label: str) -> QLineEdit:
        edit = QLineEdit(text or "", self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        return edit

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

    def _remember(self, folder: Path) -> None:
        self._settings.export_dir = str(folder)
        self._settings.export_choices = ExportChoices(
            self.chosen_format(),
            self.include_notes.isChecked(),
            self.include_highlights.isChecked(),
            self.open_when_done.isChecked(),
        )

    def start(self) -> None:
        """Export on the worker; the dialog stays open with a progress bar until done."""
        text = self.path_edit.text().strip()
        if not text:
            self.message.setText(self.tr("Choose a file to export to."))
            return
        title = self.title_edit.text().strip()
        if not title:
            self.message.setText(self.tr("The brief needs a title."))
            return
        path = Path(text).expanduser()
        fmt = self.chosen_format()
        brief_id = self._brief.id
        notes, highlights = self.include_notes.isChecked(), self.include_highlights.isChecked()
        typed = {
            "title": title,
            "subtitle": self.subtitle_edit.text().strip() or None,
            "compiler": self.compiler_edit.text().strip() or None,
        }
        opened_with = {
            "title": self._brief.title,
            "subtitle": self._brief.subtitle,
            "compiler": self._brief.compiler,
        }
        # Only what the editor changed here, so nothing saved meanwhile is overwritten.
        cover = {field: value for field, value in typed.items() if value != opened_with[field]}
        self._remember(path.parent)
        self.export_button.setEnabled(False)
        self.open_folder.setVisible(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.message.setText(self.tr("Exporting…"))

        def op(archive: Archive, progress: Any) -> Any:
            # What the editor typed on the cover is kept with the brief for next time.
            if cover:
                brief_store.update_brief(archive.db, brief_id, **cover)
            return export_brief(
                archive,
                path,
                fmt,
                progress,
                brief_id,
                title=typed["title"],
                include_notes=notes,
                include_highlights=highlights,
            )

        self._runner.run_with_progress(
            op, progress=self._progressed, success=self._done, failure=self._failed
        )

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _done(self, path: Any) -> None:
        self.written = Path(path)
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.message.setText(self.tr("Written to %1").replace("%1", str(self.written)))
        self.open_folder.setVisible(True)
        self.exported.emit(self.written)
        if self.open_when_done.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))

    def show_folder(self) -> None:
        """Open the folder the file was written to in the desktop's file manager."""
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.message.setText(message)
        self.failed.emit(message)

"""Small dialogs: work in progress, the import report, an issue's details."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.store.records import IssueRecord


def progress_dialog(
    parent: QWidget,
    title: str,
    label: str,
    cancel_text: str | None = None,
    on_cancel: Callable[[], None] | None = None,
) -> QProgressDialog:
    """A modal progress dialog; the work runs on the worker meanwhile.

    Without ``on_cancel`` it has no Cancel button; with it, the button (``cancel_text``)
    asks the work to stop and stays disabled until it has.
    """
    dialog = QProgressDialog(label, cancel_text or "", 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(title)
    if on_cancel is None:
        dialog.setCancelButton(None)
    else:
        dialog.canceled.connect(on_cancel)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(380)
    return dialog


def set_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    if total <= 0:
        dialog.setRange(0, 0)
        return
    dialog.setRange(0, total)
    dialog.setValue(min(done, total))


class ReportDialog(QDialog):
    """A summary line and the lines of a report (skipped files and why), as plain text."""

    def __init__(self, parent: QWidget, title: str, summary: str, lines: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(title)
        label = QLabel(summary, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText("\n".join(lines))
        self.details.setAccessibleName(self.tr("Details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        if lines:
            layout.addWidget(self.details, 1)
        else:
            self.details.hide()
        layout.addWidget(buttons)
        self.resize(620, 360 if lines else 120)


class IssueDialog(QDialog):
    """Correct an issue's series, year, number and editor details."""

    def __init__(
        self, parent: QWidget, issue: IssueRecord, known_series: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        self.setObjectName("issueDialog")
        self.setWindowTitle(self.tr("Issue Details"))
        self.issue = issue
        self.series = QLineEdit(issue.series or "", self)
        self.series.setAccessibleName(self.tr("Series"))
        # The archive's series are offered as the editor types (any part of the name), so
        # one bulletin is not filed under two spellings.
        completer = QCompleter(sorted(set(known_series)), self.series)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.series.setCompleter(completer)
        self.year = QSpinBox(self)
        self.year.setRange(0, 2200)
        self.year.setSpecialValueText(self.tr("unknown"))
        self.year.setValue(issue.year or 0)
        self.issue_no = QSpinBox(self)
        self.issue_no.setRange(0, 999)
        self.issue_no.setSpecialValueText(self.tr("unknown"))
        self.issue_no.setValue(issue.issue_no or 0)
        self.editor_org = QLineEdit(issue.editor_org or "", self)
        self.editor = QLineEdit(issue.editor or "", self)
        self.phone = QLineEdit(issue.phone or "", self)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Series"), self.series),
            (self.tr("Year"), self.year),
            (self.tr("Issue number"), self.issue_no),
            (self.tr("Edited by"), self.editor_org),
            (self.tr("Editor"), self.editor),
            (self.tr("Telephone"), self.phone),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        source = QLabel(issue.source_path or "", self)
        source.setTextFormat(Qt.TextFormat.PlainText)
        source.setWordWrap(True)
        form.addRow(self.tr("Imported from"), source)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the issue as stored (empty text means unknown)."""
        wanted: dict[str, Any] = {
            "series": self.series.text().strip() or None,
            "year": self.year.value() or None,
            "issue_no": self.issue_no.value() or None,
            "editor_org": self.editor_org.text().strip() or None,
            "editor": self.editor.text().strip() or None,
            "phone": self.phone.text().strip() or None,
        }
        return {k: v for k, v in wanted.items() if getattr(self.issue, k) != v}


def offer_restart(parent: QWidget) -> bool:
    """Ask whether to reopen the window in the new language now (立即重启) or later."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("MainWindow", "Language"),
        "",
        parent=parent,
    )
    box.setText(
        QCoreApplication.translate("MainWindow", "The new language is used once Reader restarts.")
    )
    restart = box.addButton(
        QCoreApplication.translate("MainWindow", "Restart Now"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("MainWindow", "Later"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(restart)
    box.exec()
    return box.clickedButton() is restart

"""Dialogs of the trash and of an article's earlier texts. Bulletin text is plain text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

ISSUE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def local_time(stamp: str) -> str:
    """A stored UTC time as the editor's local time, to the minute."""
    moment = QDateTime.fromString(stamp, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return stamp
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm")


class TrashDialog(QDialog):
    """The issues in the trash; Restore brings the chosen ones back, Empty deletes all."""

    restore_requested = Signal(list)  # issue ids
    empty_requested = Signal()

    def __init__(self, parent: QWidget, entries: list[dict[str, Any]]) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash"))
        self.items = QListWidget(self)
        self.items.setObjectName("trashList")
        self.items.setAccessibleName(self.tr("Deleted issues"))
        self.items.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.empty_label = QLabel(self.tr("The trash is empty."), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.restore_button.clicked.connect(self._restore)
        self.empty_button = QPushButton(self.tr("Empty Trash…"), self)
        self.empty_button.clicked.connect(self.empty_requested.emit)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.empty_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.items, 1)
        layout.addLayout(row)
        self.items.itemSelectionChanged.connect(self._update_buttons)
        self.set_entries(entries)
        self.resize(520, 360)

    def set_entries(self, entries: list[dict[str, Any]]) -> None:
        self.items.clear()
        for entry in entries:
            text = self.tr("%1 — %2 articles, deleted %3")
            text = (
                text.replace("%1", entry["label"])
                .replace("%2", str(entry["articles"]))
                .replace("%3", local_time(entry["deleted_at"]))
            )
            item = QListWidgetItem(text)
            item.setData(ISSUE_ID_ROLE, entry["issue_id"])
            self.items.addItem(item)
        self.empty_label.setVisible(not entries)
        self.empty_button.setEnabled(bool(entries))
        self._update_buttons()

    def issue_ids(self) -> list[int]:
        return [int(self.items.item(r).data(ISSUE_ID_ROLE)) for r in range(self.items.count())]

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.items.selectedItems()))

    def _restore(self) -> None:
        ids = [int(item.data(ISSUE_ID_ROLE)) for item in self.items.selectedItems()]
        if ids:
            self.restore_requested.emit(ids)


class HistoryDialog(QDialog):
    """An article's earlier texts (corrected printings), each beside where it came from."""

    def __init__(self, parent: QWidget, title: str, versions: list[dict[str, Any]]) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Earlier Texts of %1").replace("%1", title))
        self.versions = versions
        self.list = QListWidget(self)
        self.list.setObjectName("historyList")
        self.list.setAccessibleName(self.tr("Earlier versions"))
        for version in versions:
            text = self.tr("Version %1, replaced %2").replace("%1", str(version["version"]))
            self.list.addItem(text.replace("%2", local_time(version["replaced_at"])))
        self.source = QLabel(self)
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.source.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("historyText")
        self.text.setReadOnly(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.source)
        right_layout.addWidget(self.text, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not versions:
            layout.addWidget(QLabel(self.tr("This article has only its present text."), self))
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        if versions:
            self.list.setCurrentRow(len(versions) - 1)
        self.resize(820, 520)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.versions):
            return
        version = self.versions[row]
        source = version["source_path"] or self.tr("(file unknown)")
        self.source.setText(self.tr("From %1").replace("%1", source))
        self.text.setPlainText(version["title"] + "\n\n" + version["text"])

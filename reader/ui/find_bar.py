"""The bar above the reading pane: find in the article, walk the matches, "3 / 12"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

FIND_DELAY_MS = 150


class FindBar(QWidget):
    """The query painted in the open article; next/previous walk its matches."""

    query_changed = Signal(str)

    def __init__(self, previous: QAction, next_: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findBox")
        self.edit.setAccessibleName(self.tr("Find in article"))
        self.edit.setPlaceholderText(self.tr("Find in article (Ctrl+F)…"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(320)
        self.counter = QLabel(self)
        self.counter.setObjectName("matchCounter")
        self.counter.setAccessibleName(self.tr("Match position"))
        self.counter.setMinimumWidth(70)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button = QToolButton(self)
        self.previous_button.setDefaultAction(previous)
        self.next_button = QToolButton(self)
        self.next_button.setDefaultAction(next_)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FIND_DELAY_MS)
        self._timer.timeout.connect(lambda: self.query_changed.emit(self.query()))
        self.edit.textEdited.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(next_.trigger)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addStretch(1)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.counter)
        layout.addWidget(self.next_button)

    def query(self) -> str:
        return self.edit.text().strip()

    def set_query(self, text: str) -> None:
        """Show ``text`` without announcing it (the search bar sets it)."""
        self._timer.stop()
        self.edit.setText(text)

    def show_position(self, current: int | None, total: int) -> None:
        if total == 0:
            self.counter.setText(self.tr("no matches") if self.query() else "")
        else:
            self.counter.setText(f"{(current or 0) + 1 if current is not None else '–'} / {total}")

"""The search bar (search as you type, history, year and series filters) and the results list.

The results' model is in :mod:`reader.ui.results_model`, how a row is drawn in
:mod:`reader.ui.result_delegate`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QWidget,
)

SEARCH_DELAY_MS = 250


class SearchBar(QWidget):
    """Query box and filters; ``search_requested`` fires once typing pauses (or on Enter)."""

    search_requested = Signal(str)
    committed = Signal(str)  # Enter pressed: search if need be, open the first result
    history_requested = Signal()  # the magnifier or Alt+Down: drop the searches down

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBar")
        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("searchBox")
        self.query_edit.setAccessibleName(self.tr("Search the archive"))
        self.query_edit.setPlaceholderText(self.tr("Search the archive (Ctrl+K)…"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setMinimumWidth(300)
        self._history = QStringListModel([], self)
        completer = QCompleter(self._history, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.query_edit.setCompleter(completer)
        self.history_action = self.query_edit.addAction(
            QIcon("icons:search.svg"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.history_action.setObjectName("searchHistoryAction")
        self.history_action.setToolTip(self.tr("Saved and recent searches (Alt+Down)"))
        self.history_action.triggered.connect(self.show_history)

        # Shown while searching within results: names them; a click goes back to them.
        self.scope_button = QToolButton(self)
        self.scope_button.setObjectName("searchScopeButton")
        self.scope_button.setAccessibleName(self.tr("Stop searching within results"))
        self.scope_button.setToolTip(self.tr("Back to all of these results"))
        self.scope_button.setVisible(False)

        self.year_filter = QComboBox(self)
        self.year_filter.setObjectName("yearFilter")
        self.year_filter.setAccessibleName(self.tr("Year filter"))
        self.series_filter = QComboBox(self)
        self.series_filter.setObjectName("seriesFilter")
        self.series_filter.setAccessibleName(self.tr("Series filter"))
        self.series_filter.setMinimumContentsLength(8)
        self.region_filter = QComboBox(self)
        self.region_filter.setObjectName("regionFilter")
        self.region_filter.setAccessibleName(self.tr("Region filter"))
        self.set_region_choices([])
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setMinimumWidth(110)
        self.set_filter_choices([], [])

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._fire)
        self.query_edit.textEdited.connect(lambda _t: self._timer.start())
        self.query_edit.returnPressed.connect(self._commit)
        self.year_filter.activated.connect(lambda _i: self._fire())
        self.series_filter.activated.connect(lambda _i: self._fire())
        self.region_filter.activated.connect(lambda _i: self._fire())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        label = QLabel(self.tr("Search:"), self)
        label.setBuddy(self.query_edit)
        layout.addWidget(label)
        layout.addWidget(self.scope_button)
        layout.addWidget(self.query_edit, 1)
        layout.addWidget(self.year_filter)
        layout.addWidget(self.series_filter)
        layout.addWidget(self.region_filter)
        layout.addWidget(self.status)

    def set_filter_choices(self, years: list[int], series: list[str]) -> None:
        """Offer these years and series, keeping the current choices when still there."""
        year, name = self.year(), self.series()
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("All years"), None)
        for y in years:
            self.year_filter.addItem(str(y), y)
        self.series_filter.clear()
        self.series_filter.addItem(self.tr("All series"), None)
        for s in series:
            self.series_filter.addItem(s, s)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(year)))
        self.series_filter.setCurrentIndex(max(0, self.series_filter.findData(name)))

    def set_region_choices(self, provinces: list[tuple[str, str]]) -> None:
        """Offer these provinces as ``(value for region:, label)``, keeping the choice."""
        region = self.region()
        self.region_filter.clear()
        self.region_filter.addItem(self.tr("All regions"), None)
        for value, label in provinces:
            self.region_filter.addItem(label, value)
        self.region_filter.setCurrentIndex(max(0, self.region_filter.findData(region)))

    def region(self) -> str | None:
        return self.region_filter.currentData()

    def query(self) -> str:
        return self.query_edit.text().strip()

    def year(self) -> int | None:
        return self.year_filter.currentData()

    def series(self) -> str | None:
        return self.series_filter.currentData()

    def set_history(self, history: list[str]) -> None:
        self._history.setStringList(history)

    def show_history(self) -> None:
        """Ask for the dropdown of saved and recent searches."""
        self.history_requested.emit()

    def clear_filters(self) -> None:
        """Back to all years, series and regions (a saved search brings its own)."""
        for combo in (self.year_filter, self.series_filter, self.region_filter):
            combo.setCurrentIndex(0)

    def filters(self) -> tuple[Any, Any, Any]:
        """The year, series and region chosen (None for all)."""
        return self.year(), self.series(), self.region()

    def set_filters(self, chosen: tuple[Any, Any, Any]) -> None:
        combos = (self.year_filter, self.series_filter, self.region_filter)
        for combo, value in zip(combos, chosen, strict=True):
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def show_scope(self, query: str) -> None:
        """Say that what is typed searches within the results of ``query``."""
        self.scope_button.setText(self.tr("Within “%1” ✕").replace("%1", query))
        self.scope_button.setVisible(True)
        self.query_edit.setPlaceholderText(self.tr("Search within these results…"))

    def hide_scope(self) -> None:
        self.scope_button.setVisible(False)
        self.query_edit.setPlaceholderText(self.tr("Search the archive (Ctrl+K)…"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.show_history()
            return
        super().keyPressEvent(event)

    def set_query(self, text: str) -> None:
        """Put ``text`` in the box and search at once (history, tests, other panes)."""
        self.query_edit.setText(text)
        self._fire()

    def _fire(self) -> None:
        self._timer.stop()
        self.search_requested.emit(self.query())

    def _commit(self) -> None:
        self._timer.stop()
        if self.query():
            self.committed.emit(self.query())  # searches unless its results are shown
        else:
            self._fire()


class ResultsView(QListView):
    """The results list: a click, the arrow keys or Enter open a result; several can be
    selected (Ctrl/Shift+click)."""

    open_requested = Signal(int)  # row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsList")
        self._empty_text = ""
        self.setAccessibleName(self.tr("Search results"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformItemSizes(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.activated.connect(lambda index: self.open_requested.emit(index.row()))
        # A single click opens, as in the library tree (the pane never shows a stale article).
        self.clicked.connect(lambda index: self.open_requested.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            return
        before = self.currentIndex().row()
        super().keyPressEvent(event)
        # Arrow keys open the result they move to, as in the library tree.
        after = self.currentIndex().row()
        if after != before and after >= 0:
            self.open_requested.emit(after)

    def set_empty_text(self, text: str) -> None:
        """What the list says while it has no rows (a query that found nothing)."""
        self._empty_text = text
        self.setAccessibleDescription(text)
        self.viewport().update()

    def empty_text(self) -> str:
        return self._empty_text

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        model = self.model()
        if self._empty_text and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(12, 16, -12, -12),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                self._empty_text,
            )
            painter.end()

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.selectionModel().selectedRows())

"""The search bar (search as you type, history, year and series filters) and the results list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.ui.article_drag import ARTICLE_IDS_MIME, article_mime
from reader.ui.offsets import OffsetMap
from reader.ui.theme import Theme

SEARCH_DELAY_MS = 250
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_SPANS_ROLE = Qt.ItemDataRole.UserRole + 3
RELEVANCE_BAR_WIDTH = 36

AnyIndex = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


class SearchBar(QWidget):
    """Query box and filters; ``search_requested`` fires once typing pauses (or on Enter)."""

    search_requested = Signal(str)
    committed = Signal(str)  # Enter pressed: search if need be, open the first result

    def __init__(self, history: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBar")
        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("searchBox")
        self.query_edit.setAccessibleName(self.tr("Search the archive"))
        self.query_edit.setPlaceholderText(self.tr("Search the archive (Ctrl+K)…"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setMinimumWidth(300)
        self._history = QStringListModel(history, self)
        completer = QCompleter(self._history, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.query_edit.setCompleter(completer)
        self.history_action = self.query_edit.addAction(
            QIcon("icons:search.svg"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.history_action.setObjectName("searchHistoryAction")
        self.history_action.setToolTip(self.tr("Recent searches (Alt+Down)"))
        self.history_action.triggered.connect(self.show_history)

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
        """Drop down every recent search (the same list the completer offers while typing)."""
        completer = self.query_edit.completer()
        completer.setCompletionPrefix("")
        completer.complete()

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


PageRequester = Callable[[int], None]


class ResultsModel(QAbstractListModel):
    """The hits of one search, a page at a time: the search's own records, shown as they are.

    The view asks for the next page (``fetchMore``) when it is scrolled to the end; the page
    is searched for off the GUI thread and comes back through ``add_page``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Any] = []
        self._request_page: PageRequester | None = None
        self._waiting_for: int | None = None  # the offset of the page asked for
        self.query = ""
        self.total = 0

    def set_hits(
        self, query: str, hits: list[Any], total: int, request_page: PageRequester | None = None
    ) -> None:
        """Show the first page; ``request_page(offset)`` asks for the hits from ``offset`` on."""
        self.beginResetModel()
        self.query = query
        self._hits = list(hits)
        self._request_page = request_page
        self._waiting_for = None
        self.total = total
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex = _TOP) -> bool:
        return (
            not parent.isValid()
            and self._request_page is not None
            and self._waiting_for is None
            and len(self._hits) < self.total
        )

    def fetchMore(self, parent: AnyIndex = _TOP) -> None:
        if not self.canFetchMore(parent) or self._request_page is None:
            return
        self._waiting_for = len(self._hits)
        self._request_page(self._waiting_for)

    def is_fetching(self) -> bool:
        """True while a page asked for has not come back yet."""
        return self._waiting_for is not None

    def has_more(self) -> bool:
        """True when the search has hits beyond those loaded (asked for or not)."""
        return self._request_page is not None and len(self._hits) < self.total

    def add_page(self, offset: int, page: list[Any] | None) -> bool:
        """Append the page asked for at ``offset`` (None: it failed); False if not asked for."""
        if offset != self._waiting_for:
            return False
        self._waiting_for = None
        if not page:
            self.total = len(self._hits)  # the archive changed since (or failed): no more
            return True
        start = len(self._hits)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._hits.extend(page)
        self.endInsertRows()
        return True

    def hits(self) -> list[Any]:
        return list(self._hits)

    def hit(self, row: int) -> Any:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def relevance(self, row: int) -> float:
        """The hit's score against the best loaded one, from 0 to 1 (raw scores mean nothing
        to an editor; the bar and the rank do)."""
        hit = self.hit(row)
        best = max((h.score for h in self._hits), default=0.0)
        if hit is None or best <= 0:
            return 0.0
        return max(0.0, min(1.0, hit.score / best))

    def row_of_article(self, article_id: int) -> int | None:
        for row, hit in enumerate(self._hits):
            if hit.article_id == article_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = _TOP) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled  # into the brief panel

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        hits = [self.hit(index.row()) for index in indexes]
        return article_mime([h.article_id for h in hits if h is not None])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.title} — {hit.snippet}"
        if role == HIT_ROLE:
            return hit
        if role == ARTICLE_ID_ROLE:
            return hit.article_id
        if role == SNIPPET_SPANS_ROLE:
            return list(hit.snippet_matches)
        return None


def hit_issue(hit: Any, unknown: str) -> str:
    """``2023年第8期`` for a hit (``unknown`` when the issue does not say)."""
    year = f"{hit.year}年" if hit.year is not None else ""
    number = f"第{hit.issue_no}期" if hit.issue_no is not None else ""
    return f"{year}{number}" or unknown


def _draw_marked(
    painter: QPainter,
    top_left: QPointF,
    width: float,
    text: str,
    spans: list[tuple[int, int]],
    font: QFont,
    color: QColor,
    mark: QColor,
    max_lines: int,
    mark_text: QColor | None = None,
) -> float:
    """Draw plain ``text`` with ``spans`` marked (never markup); returns the height used."""
    layout = QTextLayout(text, font)
    mapping = OffsetMap(text, 0)
    ranges = []
    for start, end in spans:
        fmt_range = QTextLayout.FormatRange()
        fmt_range.start = mapping.to_qt(start)
        fmt_range.length = mapping.to_qt(end) - fmt_range.start
        char_format = QTextCharFormat()
        char_format.setBackground(mark)
        char_format.setFontWeight(QFont.Weight.Bold)
        if mark_text is not None:
            char_format.setForeground(mark_text)
        fmt_range.format = char_format
        ranges.append(fmt_range)
    layout.setFormats(ranges)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    for _ in range(max_lines):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    painter.save()
    painter.setPen(color)
    layout.draw(painter, top_left)
    painter.restore()
    return height


def _elided(
    text: str, spans: list[tuple[int, int]], font: QFont, width: float
) -> tuple[str, list[tuple[int, int]]]:
    """``text`` cut to one line of ``width`` with an ellipsis, and the spans still in it."""
    shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, int(width))
    if shown == text:
        return text, spans
    keep = max(0, len(shown) - 1)  # the ellipsis replaces the rest
    return shown, [(s, min(e, keep)) for s, e in spans if s < keep]


class ResultDelegate(QStyledItemDelegate):
    """Title, source line with score, and the snippet with matches marked."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
        return title, small

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        title, small = self._fonts(option)
        height = QFontMetrics(title).lineSpacing() + QFontMetrics(small).lineSpacing() * 3 + 14
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:
            return
        style = option.widget.style() if option.widget else None
        if style is not None:
            # Draw the row's background (selection, hover) without its text.
            bare = QStyleOptionViewItem(option)
            self.initStyleOption(bare, index)
            bare.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, bare, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = (
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        muted = text_color if selected else QColor(self.theme.muted)
        mark = QColor(self.theme.match)
        mark_text = QColor(self.theme.current_text)
        title_font, small = self._fonts(option)
        rect = QRectF(option.rect).adjusted(8, 5, -8, -5)
        y = rect.top()
        y += _draw_marked(
            painter,
            QPointF(rect.left(), y),
            rect.width(),
            *_elided(
                hit.title, list(getattr(hit, "title_matches", []) or []), title_font, rect.width()
            ),
            title_font,
            text_color,
            mark,
            1,
            mark_text,
        )
        parts = [self.tr("No. %1").replace("%1", str(index.row() + 1))]
        if hit.source != "article":
            parts.append(self.tr("in your notes"))
        parts.append(hit_issue(hit, self.tr("unknown issue")))
        count = len(hit.matches) + len(getattr(hit, "title_matches", []))
        if count:
            parts.append(self.tr("%n match(es)", "", count))
        if hit.series:
            parts.append(hit.series)
        text_width = rect.width() - RELEVANCE_BAR_WIDTH - 8
        source, _ = _elided(" · ".join(parts), [], small, text_width)
        line = _draw_marked(
            painter, QPointF(rect.left(), y), text_width, source, [], small, muted, mark, 1
        )
        model = index.model()
        if isinstance(model, ResultsModel):
            self._draw_relevance(painter, rect.right(), y, line, model.relevance(index.row()))
        y += line
        spans = index.data(SNIPPET_SPANS_ROLE) or []
        _draw_marked(
            painter,
            QPointF(rect.left(), y + 2),
            rect.width(),
            hit.snippet,
            spans,
            small,
            text_color,
            mark,
            2,
            mark_text,
        )

    def _draw_relevance(
        self, painter: QPainter, right: float, top: float, height: float, share: float
    ) -> None:
        """A small bar, full for the best hit: how relevant this one is, at a glance."""
        bar = QRectF(right - RELEVANCE_BAR_WIDTH, top + height / 2 - 3, RELEVANCE_BAR_WIDTH, 6)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.theme.muted).lighter(150))
        painter.drawRoundedRect(bar, 3, 3)
        painter.setBrush(QColor(self.theme.current))
        painter.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * share, 6), 3, 3)
        painter.restore()


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

"""The reading pane: one article as a QTextDocument built from plain text.

The document is built with QTextCursor inserts and formats only (never HTML), so a
bulletin's ``<img …>`` shows as those characters, and each article character sits at a
known document position: search matches and highlights are painted over the text as
ExtraSelections without touching it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.parsing.subheadings import heading_extent
from reader.search.results import Span
from reader.store.records import ArticleRecord, IssueRecord
from reader.ui.offsets import OffsetMap
from reader.ui.theme import Theme

READING_WIDTH_EM = 38

KIND_PROPERTY = QTextFormat.Property.UserProperty
ID_PROPERTY = QTextFormat.Property.UserProperty + 1
SEARCH = "search"  # a hit of the search query, in its term's hue
FIND = "find"  # a Ctrl+F match of another text, filled
CURRENT = "current"
HIGHLIGHT = "highlight"


@dataclass(frozen=True)
class PaintedHighlight:
    """A saved highlight to paint: its id, span in the article text and colour name."""

    highlight_id: int
    start: int
    end: int
    color: str


def source_line(
    article: ArticleRecord,
    issue: IssueRecord | None,
    page_label: str,
    labels: dict[str, str] | None = None,
) -> str:
    """Series, issue, date, column, contents page and source of an article, as plain text.

    ``labels`` words the running number, column and source (``%1`` is the value); the
    issue's marking (内部资料) is shown as printed.
    """
    words = {"total_no": "%1", "column": "%1", "source": "%1", **(labels or {})}
    parts = [issue.label() if issue is not None else ""]
    if issue is not None:
        if issue.total_no is not None:
            parts.append(words["total_no"].replace("%1", str(issue.total_no)))
        parts += [issue.date or "", issue.marking or ""]
    if article.column:
        parts.append(words["column"].replace("%1", article.column))
    if article.toc_page is not None:
        parts.append(page_label.replace("%1", str(article.toc_page)))
    if article.source:
        parts.append(words["source"].replace("%1", article.source))
    return " · ".join(p for p in parts if p)


class ReadingPane(QTextEdit):
    """Shows an article; paints search spans and highlights; maps selections to offsets."""

    context_menu_requested = Signal(object)  # QPoint in global coordinates

    def __init__(
        self, theme: Theme, font_family: str, font_size: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: self.context_menu_requested.emit(self.viewport().mapToGlobal(pos))
        )
        self._theme = theme
        self._family = font_family
        self._size = font_size
        self._article: ArticleRecord | None = None
        self._issue: IssueRecord | None = None
        self._title_map = OffsetMap("", 0)
        self._body_map = OffsetMap("", 0)
        self._search_body: list[Span] = []
        self._search_title: list[Span] = []
        self._term_of: list[int] = []  # per painted match, title ones first
        self._finding = False
        self._current: int | None = None
        self._highlights: list[PaintedHighlight] = []
        self._side_margin = -1
        self.setDocument(QTextDocument(self))
        self._apply_palette()

    # -- state --------------------------------------------------------------------------
    @property
    def article(self) -> ArticleRecord | None:
        return self._article

    @property
    def font_size(self) -> int:
        return self._size

    def set_font_size(self, size: int) -> None:
        if size != self._size:
            self._size = size
            self._rebuild(keep_scroll=True)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._apply_palette()
        self._rebuild(keep_scroll=True)

    def show_article(self, article: ArticleRecord | None, issue: IssueRecord | None) -> None:
        """Show ``article`` (or nothing) from the top, with no search spans painted."""
        self._article = article
        self._issue = issue
        self._search_body = []
        self._search_title = []
        self._term_of = []
        self._current = None
        self._highlights = []
        self._rebuild(keep_scroll=False)

    # -- building the document ----------------------------------------------------------
    def _apply_palette(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(self._theme.page))
        palette.setColor(QPalette.ColorRole.Text, QColor(self._theme.text))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(self._theme.selection))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor(self._theme.text))
        self.setPalette(palette)

    def _font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(self._family)
        font.setPointSizeF(self._size * scale)
        font.setBold(bold)
        return font

    def _rebuild(self, keep_scroll: bool) -> None:
        scroll = self.verticalScrollBar().value()
        doc = QTextDocument(self)
        doc.setDefaultFont(self._font())
        doc.setDocumentMargin(24)
        doc.setUndoRedoEnabled(False)
        self._side_margin = -1
        cursor = QTextCursor(doc)
        article = self._article
        if article is not None:
            self._build(cursor, article)
        old = self.document()
        self.setDocument(doc)
        if old is not None and old.parent() is self:
            old.deleteLater()
        self._fit_width()
        self._repaint_spans()
        if keep_scroll:
            self.verticalScrollBar().setValue(scroll)

    def _build(self, cursor: QTextCursor, article: ArticleRecord) -> None:
        em = self._size * 1.33  # points to pixels at 96 dpi, near enough for spacing
        theme = self._theme
        title_block = QTextBlockFormat()
        title_block.setBottomMargin(em * 0.4)
        title_block.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        title_chars = QTextCharFormat()
        title_chars.setFont(self._font(1.45, bold=True))
        title_chars.setForeground(QColor(theme.title))
        cursor.setBlockFormat(title_block)
        cursor.setBlockCharFormat(title_chars)
        self._title_map = OffsetMap(article.title, cursor.position())
        cursor.insertText(article.title, title_chars)

        source_block = QTextBlockFormat()
        source_block.setBottomMargin(em * 1.2)
        source_chars = QTextCharFormat()
        source_chars.setFont(self._font(0.85))
        source_chars.setForeground(QColor(theme.muted))
        page_label = self.tr("contents page %1")
        cursor.insertBlock(source_block, source_chars)
        labels = {
            "total_no": self.tr("running No. %1"),
            "column": self.tr("column: %1"),
            "source": self.tr("source: %1"),
        }
        cursor.insertText(source_line(article, self._issue, page_label, labels), source_chars)

        body_block = QTextBlockFormat()
        body_block.setTextIndent(em * 2)
        body_block.setBottomMargin(em * 0.6)
        body_block.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        heading_block = QTextBlockFormat(body_block)
        heading_block.setTextIndent(0)
        heading_block.setTopMargin(em * 0.5)
        body_chars = QTextCharFormat()
        body_chars.setFont(self._font())
        body_chars.setForeground(QColor(theme.text))
        heading_chars = QTextCharFormat(body_chars)
        heading_chars.setFont(self._font(1.05, bold=True))
        heading_chars.setForeground(QColor(theme.heading))

        paragraphs = article.text.split("\n")
        body_start: int | None = None
        for paragraph in paragraphs:
            extent = heading_extent(paragraph)
            whole_heading = extent == len(paragraph) and extent > 0
            cursor.insertBlock(heading_block if whole_heading else body_block, body_chars)
            if body_start is None:
                body_start = cursor.position()
            if extent:
                cursor.insertText(paragraph[:extent], heading_chars)
            if extent < len(paragraph):
                cursor.insertText(paragraph[extent:], body_chars)
        self._body_map = OffsetMap(article.text, body_start or cursor.position())

    # -- reading width ------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_width()

    def _fit_width(self) -> None:
        reading_width = int(self._size * 1.33 * READING_WIDTH_EM)
        margin = max(8, (self.viewport().width() - reading_width) // 2)
        if margin == self._side_margin:
            return
        self._side_margin = margin
        root = self.document().rootFrame()
        fmt: QTextFrameFormat = root.frameFormat()
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        root.setFrameFormat(fmt)

    # -- spans --------------------------------------------------------------------------
    def set_search_spans(
        self,
        body: list[Span],
        title: list[Span] | None = None,
        *,
        body_terms: list[int] | None = None,
        title_terms: list[int] | None = None,
        find: bool = False,
    ) -> None:
        """Paint matches: ``title`` spans first, then ``body`` spans, in text order.

        Query hits (the default) are written in their term's hue: ``*_terms`` give each
        span's term (0 when not given). ``find`` paints Ctrl+F matches instead, filled.
        """
        title = title or []
        title_pairs = sorted(zip(title, title_terms or [0] * len(title), strict=True))
        body_pairs = sorted(zip(body, body_terms or [0] * len(body), strict=True))
        self._search_title = [span for span, _t in title_pairs]
        self._search_body = [span for span, _t in body_pairs]
        self._term_of = [t for _s, t in title_pairs] + [t for _s, t in body_pairs]
        self._finding = find
        self._current = None
        self._repaint_spans()

    def match_hue(self, number: int) -> str | None:
        """The hue match ``number`` is written in (None for a Ctrl+F match)."""
        if self._finding or not 0 <= number < len(self._term_of):
            return None
        return self._theme.term_hue(self._term_of[number])

    def search_span_count(self) -> int:
        return len(self._search_title) + len(self._search_body)

    def current_match(self) -> int | None:
        return self._current

    def go_to_match(self, number: int) -> None:
        """Mark match ``number`` (0-based, title matches first) as current and scroll to it."""
        count = self.search_span_count()
        if not count:
            self._current = None
            return
        self._current = min(max(number, 0), count - 1)
        self._repaint_spans()
        start, end = self._match_positions(self._current)
        self._scroll_to(start, end)

    def _match_positions(self, number: int) -> tuple[int, int]:
        if number < len(self._search_title):
            start, end = self._search_title[number]
            return self._title_map.to_qt(start), self._title_map.to_qt(end)
        start, end = self._search_body[number - len(self._search_title)]
        return self._body_map.to_qt(start), self._body_map.to_qt(end)

    def set_highlights(self, highlights: list[PaintedHighlight]) -> None:
        self._highlights = list(highlights)
        self._repaint_spans()

    def scroll_to_span(self, start: int, end: int) -> None:
        """Scroll so that the article text ``start:end`` is in view."""
        self._scroll_to(self._body_map.to_qt(start), self._body_map.to_qt(end))

    def _scroll_to(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 3)

    def _selection(
        self, start: int, end: int, color: str, kind: str, ident: int = 0
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setProperty(KIND_PROPERTY, kind)
        fmt.setProperty(ID_PROPERTY, ident)
        if kind == SEARCH:
            # No fill: a highlight under the hit keeps showing, and no fill reads as a hit.
            fmt.setForeground(QColor(color))
            fmt.setFontWeight(QFont.Weight.Bold)
        else:
            fmt.setBackground(QColor(color))
        if kind == CURRENT:
            fmt.setForeground(QColor(self._theme.current_text))
        if kind in (SEARCH, CURRENT) and not self._finding:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(color if kind == SEARCH else self._theme.current_text))
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _repaint_spans(self) -> None:
        if self._article is None:
            self.setExtraSelections([])
            return
        selections = [
            self._selection(
                self._body_map.to_qt(h.start),
                self._body_map.to_qt(h.end),
                self._theme.highlight_color(h.color),
                HIGHLIGHT,
                h.highlight_id,
            )
            for h in self._highlights
        ]
        for number in range(self.search_span_count()):
            start, end = self._match_positions(number)
            hue = self.match_hue(number)
            if number == self._current:
                selections.append(self._selection(start, end, self._theme.current, CURRENT, number))
            elif hue is None:
                selections.append(self._selection(start, end, self._theme.match, FIND, number))
            else:
                selections.append(self._selection(start, end, hue, SEARCH, number))
        self.setExtraSelections(selections)

    def painted(self, kind: str) -> list[tuple[int, int]]:
        """Document ranges painted as ``kind`` (search, find, current or highlight)."""
        result = []
        for selection in self.extraSelections():
            if selection.format.property(KIND_PROPERTY) == kind:
                result.append((selection.cursor.selectionStart(), selection.cursor.selectionEnd()))
        return result

    def document_text(self, start: int, end: int) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return _clean(cursor.selectedText())

    # -- selections ---------------------------------------------------------------------
    def selected_span(self) -> Span | None:
        """The selection as ``(start, end)`` in the article text, or None outside the body."""
        cursor = self.textCursor()
        if self._article is None or not cursor.hasSelection():
            return None
        start = self._body_map.from_qt(cursor.selectionStart())
        end = self._body_map.from_qt(cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Select the article text ``start:end`` (for keyboard users and tests)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._body_map.to_qt(start))
        cursor.setPosition(self._body_map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def highlight_at(self, position: int) -> int | None:
        """The id of the saved highlight under a document position, if any."""
        offset = self._body_map.from_qt(position)
        for h in self._highlights:
            if h.start <= offset < h.end:
                return h.highlight_id
        return None

    def createMimeDataFromSelection(self) -> QMimeData:
        # Copy clean text only: no HTML with the pane's fonts and colours.
        mime = QMimeData()
        mime.setText(_clean(self.textCursor().selectedText()))
        return mime


def _clean(text: str) -> str:
    return text.replace("\u2029", "\n").replace("\u2028", "\n")

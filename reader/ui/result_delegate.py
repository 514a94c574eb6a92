"""How one search result is drawn: title, source line with rank and relevance, snippet.

Query hits are written in their term's hue (bold, underlined), as in the reading pane.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.hit_families import Printing
from reader.ui.offsets import OffsetMap
from reader.ui.results_model import (
    HIT_ROLE,
    SNIPPET_SPANS_ROLE,
    SNIPPET_TERMS_ROLE,
    TITLE_TERMS_ROLE,
    ResultsModel,
)
from reader.ui.theme import Theme

RELEVANCE_BAR_WIDTH = 36

AnyIndex = QModelIndex | QPersistentModelIndex
Span = tuple[int, int]


def hit_issue(hit: Any, unknown: str) -> str:
    """``2023年第8期`` for a hit (``unknown`` when the issue does not say)."""
    year = f"{hit.year}年" if hit.year is not None else ""
    number = f"第{hit.issue_no}期" if hit.issue_no is not None else ""
    return f"{year}{number}" or unknown


def hit_formats(
    text: str, spans: list[Span], hues: list[QColor], written: QColor | None = None
) -> list[QTextLayout.FormatRange]:
    """Each span of plain ``text`` bold and underlined in its hue, and written in it too
    unless ``written`` is given (a selected row keeps its text colour)."""
    mapping = OffsetMap(text, 0)
    ranges = []
    for (start, end), hue in zip(spans, hues, strict=True):
        fmt_range = QTextLayout.FormatRange()
        fmt_range.start = mapping.to_qt(start)
        fmt_range.length = mapping.to_qt(end) - fmt_range.start
        char_format = QTextCharFormat()
        char_format.setFontWeight(QFont.Weight.Bold)
        char_format.setForeground(written if written is not None else hue)
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        char_format.setUnderlineColor(hue)
        fmt_range.format = char_format
        ranges.append(fmt_range)
    return ranges


def _draw_text(
    painter: QPainter,
    top_left: QPointF,
    width: float,
    text: str,
    formats: list[QTextLayout.FormatRange],
    font: QFont,
    color: QColor,
    max_lines: int,
) -> float:
    """Draw plain ``text`` (never markup) with ``formats``; returns the height used."""
    layout = QTextLayout(text, font)
    layout.setFormats(formats)
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


def _elided(text: str, spans: list[Span], font: QFont, width: float) -> tuple[str, list[Span]]:
    """``text`` cut to one line of ``width`` with an ellipsis, and the spans still in it
    (cut spans keep their place in the list, emptied, so their terms still line up)."""
    shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, int(width))
    if shown == text:
        return text, spans
    keep = max(0, len(shown) - 1)  # the ellipsis replaces the rest
    return shown, [(min(s, keep), min(e, keep)) for s, e in spans]


class ResultDelegate(QStyledItemDelegate):
    """Title, source line with rank and relevance, and the snippet with hits marked."""

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

    def _hues(self, terms: list[int]) -> list[QColor]:
        return [QColor(self.theme.term_hue(term)) for term in terms]

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
        written = text_color if selected else None
        muted = text_color if selected else QColor(self.theme.muted)
        title_font, small = self._fonts(option)
        rect = QRectF(option.rect).adjusted(8, 5, -8, -5)
        y = rect.top()
        title, title_spans = _elided(
            hit.title, list(hit.title_matches or []), title_font, rect.width()
        )
        title_hues = self._hues(index.data(TITLE_TERMS_ROLE) or [])
        y += _draw_text(
            painter,
            QPointF(rect.left(), y),
            rect.width(),
            title,
            hit_formats(title, title_spans, title_hues, written),
            title_font,
            text_color,
            1,
        )
        model = index.model()
        text_width = rect.width() - RELEVANCE_BAR_WIDTH - 8
        source, _ = _elided(self.source_line(index), [], small, text_width)
        line = _draw_text(painter, QPointF(rect.left(), y), text_width, source, [], small, muted, 1)
        if isinstance(model, ResultsModel):
            self._draw_relevance(painter, rect.right(), y, line, model.relevance(index.row()))
        y += line
        note = self.printings_note(index)
        if note:
            note_color = text_color if selected else QColor(self.theme.heading)
            shown, _ = _elided(note, [], small, rect.width())
            y += _draw_text(
                painter, QPointF(rect.left(), y), rect.width(), shown, [], small, note_color, 1
            )
        spans = index.data(SNIPPET_SPANS_ROLE) or []
        hues = self._hues(index.data(SNIPPET_TERMS_ROLE) or [])
        _draw_text(
            painter,
            QPointF(rect.left(), y + 2),
            rect.width(),
            hit.snippet,
            hit_formats(hit.snippet, spans, hues, written),
            small,
            text_color,
            1 if note else 2,
        )

    def source_line(self, index: AnyIndex) -> str:
        """Rank, 已编入, issue, matches and series of a row, as drawn under its title."""
        hit = index.data(HIT_ROLE)
        model = index.model()
        family = model.family(hit.article_id) if isinstance(model, ResultsModel) else None
        parts = [self.tr("No. %1").replace("%1", str(index.row() + 1))]
        if family is not None and family.exported:
            parts.append("✓" + self.tr("in a brief"))  # 已编入, the tree's mark with its words
        if hit.source != "article":
            parts.append(self.tr("in your notes"))
        parts.append(hit_issue(hit, self.tr("unknown issue")))
        count = len(hit.matches) + len(hit.title_matches)
        if count:
            parts.append(self.tr("%n match(es)", "", count))
        if hit.series:
            parts.append(hit.series)
        return " · ".join(parts)

    def printings_note(self, index: AnyIndex) -> str:
        """「同文：2023年第7期」 and the reprints folded into the row, or "" when none."""
        model = index.model()
        if not isinstance(model, ResultsModel):
            return ""
        hit = model.hit(index.row())
        twins, reprints = model.printings(index.row())
        words = []
        if twins:
            labels = "、".join(self._printing_label(p, hit.series) for p in twins)
            words.append(self.tr("Same text: %1").replace("%1", labels))
        if reprints:
            labels = "、".join(self._printing_label(p, hit.series) for p in reprints)
            words.append(
                self.tr("%n reprint(s) folded: %1", "", len(reprints)).replace("%1", labels)
            )
        return "　".join(words)

    def _printing_label(self, printing: Printing, series: str | None) -> str:
        issue = hit_issue(printing, self.tr("unknown issue"))
        return (
            issue
            if printing.series == series or not printing.series
            else f"《{printing.series}》{issue}"
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

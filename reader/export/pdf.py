"""A brief as PDF: A4, Chinese font embedded, text that copies and searches right; and
the same pages on a printer (:func:`print_document`).

The one core module that uses Qt (QTextDocument laid out in pages, painted on a
QPdfWriter), imported only when a PDF is asked for; Qt is imported inside functions. Text
goes in with QTextCursor.insertText, never as HTML, so nothing in it is read as markup.
Fonts come from :mod:`reader.export.fonts` (see there why they are derived copies).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.export.fonts import FontChoice, derived_font, find_chinese_fonts
from reader.export.model import (
    CONTENTS_TITLE,
    EDITOR_NOTE_LABEL,
    HIGHLIGHTS_LABEL,
    NOTES_LABEL,
    PREFACE_TITLE,
    Document,
    ExportError,
    Progress,
    quoted,
)
from reader.export.pdf_page import (
    BODY_PT,
    CONTENTS_NUMBER_EM,
    COVER_PT,
    DPI,
    FOOTER_PT,
    FOOTER_RISE_MM,
    GRID_CHAR_PITCH_PT,
    LINE_PITCH_PT,
    MARGINS_MM,
    PAGE_MM,
    TITLE_PT,
    Leader,
    add_outline_and_links,
    fmt_len,
    leader_of,
    lines_by_page,
    mm,
    page_of,
    pt,
)
from reader.export.titles import balanced_title_lines

# Features that swap a glyph for one the font's character map does not list: Qt then has
# no character to write for it in the text layer, and it vanishes on copy. Noto CJK's
# Latin 'locl' turns every "1" into such a glyph; ligatures do the same to "fi".
_UNMAPPED_GLYPH_FEATURES = ("ccmp", "locl", "liga", "clig", "calt", "dlig")
_FAMILIES = {
    "body": "Reader Body CJK",
    "kai": "Reader Kai CJK",
    "title": "Reader Title CJK",
    "heading": "Reader Heading CJK",
    "fallback": "Reader Fallback CJK",
}

_lock = threading.Lock()
_registered: dict[tuple[str, FontChoice], str] = {}
_app: Any = None


def _ensure_gui_application() -> None:
    """Qt's font and PDF machinery needs an application object; the CLI has none, and no screen.

    A full QApplication, not a QGuiApplication: Qt allows one per process, and a window
    opened later in the same process (a benchmark, a test run) needs the widget kind.
    """
    global _app
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QApplication(["reader"])


def _register_fonts() -> dict[str, str]:
    """Family names (as Qt knows them) for the roles body, kai, title, heading (and fallback)."""
    from PySide6.QtGui import QFontDatabase

    families: dict[str, str] = {}
    with _lock:
        for role, choice in find_chinese_fonts().items():
            key = (role, choice)
            if key not in _registered:
                font_id = QFontDatabase.addApplicationFont(
                    str(derived_font(choice, _FAMILIES[role]))
                )
                names = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
                if not names:
                    raise ExportError("export.qt_font", path=str(choice.path))
                _registered[key] = names[0]
            families[role] = _registered[key]
    return families


@dataclass
class _Builder:
    """Fills a QTextDocument with the brief, block by block."""

    doc: Any
    families: dict[str, str]
    width: float  # of the text block, in device pixels

    def __post_init__(self) -> None:
        from PySide6.QtGui import QTextCursor

        self.cursor = QTextCursor(self.doc)
        self.first = True
        self.keep_with_next: list[int] = []  # headings that must not end a page

    def char_format(self, role: str, size: float, bold: bool = False) -> Any:
        from PySide6.QtGui import QFont, QTextCharFormat

        fmt = QTextCharFormat()
        # A face that lacks a character (Fandol holds GB2312 and a little more) hands it on.
        fallback = [self.families["fallback"]] if "fallback" in self.families else []
        fmt.setFontFamilies([self.families[role], *fallback])
        fmt.setFontPointSize(size)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setFontFeatures({QFont.Tag(tag): 0 for tag in _UNMAPPED_GLYPH_FEATURES})
        if size == BODY_PT:
            # The house grid's characters a line (28 at 3号; in 96-dpi lengths): each a little
            # closer, midway between 28 and 29 to the line so that rounding keeps 28.
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(fmt_len(GRID_CHAR_PITCH_PT - BODY_PT))
        return fmt

    def block_format(
        self,
        *,
        align: str = "justify",
        indent_em: float = 2,
        size: float = BODY_PT,
        pitch: float = LINE_PITCH_PT,
        before: float = 0,
        after: float = 0,
        page_break: bool = False,
    ) -> Any:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QTextBlockFormat, QTextFormat

        fmt = QTextBlockFormat()
        alignment = {
            "justify": Qt.AlignmentFlag.AlignJustify,
            "center": Qt.AlignmentFlag.AlignHCenter,
            "left": Qt.AlignmentFlag.AlignLeft,
            "right": Qt.AlignmentFlag.AlignRight,
        }[align]
        fmt.setAlignment(alignment)
        # Unlike margins and line heights, Qt takes the indent in device pixels, unscaled.
        fmt.setTextIndent(pt(size * indent_em))
        fmt.setLineHeight(fmt_len(pitch), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        fmt.setTopMargin(fmt_len(before))
        fmt.setBottomMargin(fmt_len(after))
        if page_break:
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        return fmt

    def block(self, runs: list[tuple[str, Any]], block_format: Any) -> int:
        """Add a paragraph of plain-text runs; returns its position in the document."""
        if self.first:
            self.cursor.setBlockFormat(block_format)
            self.cursor.setBlockCharFormat(runs[0][1])
            self.first = False
        else:
            self.cursor.insertBlock(block_format, runs[0][1])
        position = self.cursor.block().position()
        for text, fmt in runs:
            self.cursor.insertText(text, fmt)
        return position

    def simple(self, text: str, role: str, size: float, **block: Any) -> int:
        return self.block(
            [(text, self.char_format(role, size))], self.block_format(size=size, **block)
        )

    def title_text(self, title: str, size: float) -> str:
        """A title broken into balanced lines at word boundaries, as the DOCX sets it."""
        return "\u2028".join(balanced_title_lines(title, int(self.width / pt(size))))

    def contents_entries(self, titles: list[str]) -> list[int]:
        """One block per contents entry: the number, a tab, the title hanging after it,
        and room on the right for the leaders and page number painted later."""
        from PySide6.QtGui import QTextOption

        hang = pt(BODY_PT * (2.5 if len(titles) >= 10 else 2))
        positions = []
        entry = self.char_format("body", BODY_PT)
        for number, title in enumerate(titles, start=1):
            fmt = self.block_format(align="left", indent_em=0)
            fmt.setLeftMargin(hang)  # device pixels, like the indent
            fmt.setTextIndent(-hang)
            fmt.setRightMargin(pt(BODY_PT * CONTENTS_NUMBER_EM))
            # The title starts where its later lines do: at the tab, which stands at the
            # left margin the negative first-line indent reaches back from.
            fmt.setTabPositions(
                [QTextOption.Tab(fmt_len(hang * 72 / DPI), QTextOption.TabType.LeftTab)]
            )
            lines = balanced_title_lines(
                title, int((self.width - hang) / pt(BODY_PT)) - CONTENTS_NUMBER_EM
            )
            text = "\u2028".join(lines)  # a line break within the entry
            positions.append(self.block([(f"{number}.\t{text}", entry)], fmt))
        return positions


def _build(
    builder: _Builder, document: Document, progress: Progress | None, cover: bool = True
) -> tuple[Any, list[int]]:
    b = builder
    if not cover:  # an article on its own: no cover, preface or contents
        return [], _build_articles(b, document, progress, first_breaks=False)
    # Qt drops the top margin of a document's first block: an empty block makes the space.
    b.simple("", "body", BODY_PT, indent_em=0, after=150)
    b.simple(
        b.title_text(document.title, COVER_PT),
        "title",
        COVER_PT,
        align="center",
        indent_em=0,
        pitch=COVER_PT * 1.5,
        after=30,
    )
    b.simple(document.subtitle or "", "body", BODY_PT, align="center", indent_em=0, after=180)
    for line in (document.compiler, document.date):
        if line:
            b.simple(line, "body", BODY_PT, align="center", indent_em=0)
    if document.preface:
        b.simple(
            PREFACE_TITLE,
            "title",
            TITLE_PT,
            align="center",
            indent_em=0,
            pitch=TITLE_PT * 1.5,
            after=LINE_PITCH_PT,
            page_break=True,
        )
        for text in document.preface:
            b.simple(text, "kai", BODY_PT)
    b.simple(
        CONTENTS_TITLE,
        "title",
        TITLE_PT,
        align="center",
        indent_em=0,
        pitch=TITLE_PT * 1.5,
        after=LINE_PITCH_PT,
        page_break=True,
    )
    entries = b.contents_entries([a.title for a in document.articles])
    return entries, _build_articles(b, document, progress)


def _build_articles(
    b: _Builder, document: Document, progress: Progress | None, first_breaks: bool = True
) -> list[int]:
    starts: list[int] = []
    # GB/T 9704's sub-heads: 一、黑体 （一）楷体 (1)仿宋加粗.
    heading_fonts = {1: ("heading", False), 2: ("kai", False), 3: ("body", True)}
    body_fmt = b.char_format("body", BODY_PT)
    for number, article in enumerate(document.articles, start=1):
        starts.append(
            b.simple(
                b.title_text(article.title, TITLE_PT),
                "title",
                TITLE_PT,
                align="center",
                indent_em=0,
                pitch=TITLE_PT * 1.5,
                page_break=first_breaks or number > 1,
            )
        )
        b.simple(article.source, "kai", BODY_PT, align="center", indent_em=0, after=LINE_PITCH_PT)
        if article.editor_note:
            b.block(
                [
                    (EDITOR_NOTE_LABEL, b.char_format("heading", BODY_PT)),
                    (article.editor_note, b.char_format("kai", BODY_PT)),
                ],
                b.block_format(),
            )
        for paragraph in article.paragraphs:
            if paragraph.level:
                role, bold = heading_fonts[paragraph.level]
                lead_fmt = b.char_format(role, BODY_PT, bold)
                if paragraph.is_heading:
                    b.keep_with_next.append(b.block([(paragraph.text, lead_fmt)], b.block_format()))
                else:
                    b.block(
                        [(paragraph.lead_text, lead_fmt), (paragraph.rest_text, body_fmt)],
                        b.block_format(),
                    )
            else:
                b.block([(paragraph.text, body_fmt)], b.block_format())
        if article.notes:
            label = b.simple(NOTES_LABEL, "heading", BODY_PT, indent_em=0, before=LINE_PITCH_PT / 2)
            b.keep_with_next.append(label)
            for note in article.notes:
                b.simple(note, "kai", BODY_PT)
        if article.highlights:
            label = b.simple(
                HIGHLIGHTS_LABEL, "heading", BODY_PT, indent_em=0, before=LINE_PITCH_PT / 2
            )
            b.keep_with_next.append(label)
            for mark in article.highlights:
                note = f"（{mark.note}）" if mark.note else ""
                b.simple(f"{quoted(mark.quote)}{note}", "kai", BODY_PT)
        if progress is not None:
            progress(number, len(document.articles))
    return starts


def _keep_lines_together(
    doc: Any, height: float, keep: list[int], entries: list[int], starts: list[int]
) -> tuple[list[int], list[int]]:
    """Widow and orphan control; returns the positions given, moved with the text."""
    from PySide6.QtGui import QTextCursor

    from reader.export.pdf_breaks import control_widows_and_orphans

    def cursors(positions: list[int]) -> list[Any]:
        found = []
        for position in positions:
            cursor = QTextCursor(doc)
            cursor.setPosition(position)
            found.append(cursor)
        return found

    tracked = [cursors(entries), cursors(starts), cursors(keep)]
    control_widows_and_orphans(doc, height, lambda: {c.position() for c in tracked[2]})
    return [c.position() for c in tracked[0]], [c.position() for c in tracked[1]]


def _draw_leader(painter: Any, leader: Leader) -> None:
    """Dots from the title to the page number, which stands flush right."""
    from PySide6.QtCore import QPointF

    metrics = painter.fontMetrics()
    number_width = metrics.horizontalAdvance(leader.number)
    dot = metrics.horizontalAdvance(".")
    gap = pt(BODY_PT) / 4
    room = leader.end - number_width - gap - (leader.start + gap)
    dots = max(0, int(room // dot))
    if dots:
        # Right-aligned, so the dots of every entry line up in one column.
        x = leader.end - number_width - gap - dots * dot
        painter.drawText(QPointF(x, leader.baseline), "." * dots)
    painter.drawText(QPointF(leader.end - number_width, leader.baseline), leader.number)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A brief as laid out and painted: the document, where its articles start, the
    contents' leaders, the text block's height (device pixels) and the page count."""

    doc: Any
    starts: list[int]
    leaders: list[Leader]
    height: float
    pages: int


def render_document(
    document: Document,
    device: Any,
    progress: Progress | None = None,
    *,
    cover: bool = True,
    where: str = "",
) -> Rendered:
    """Lay the brief out and paint its pages on ``device``: a QPdfWriter (the export) or a
    QPrinter (printing), set to A4 at :data:`DPI` with no margins of its own.

    ``cover=False`` sets the articles alone, numbered from the first page (an article
    printed on its own). ``where`` names the device in an error.

    Raises:
        ExportError: no Chinese font, a font Qt cannot load, or a device Qt cannot open.
    """
    _ensure_gui_application()
    from PySide6.QtCore import QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QPainter, QTextDocument

    families = _register_fonts()
    width = mm(PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"])
    height = mm(PAGE_MM[1] - MARGINS_MM["top"] - MARGINS_MM["bottom"])
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setPageSize(QSizeF(width, height))
    default_font = QFont(families["body"])
    default_font.setPointSizeF(BODY_PT)
    doc.setDefaultFont(default_font)

    builder = _Builder(doc, families, width)
    # One edit block: Qt lays the document out once at its end, not after every insertion.
    builder.cursor.beginEditBlock()
    entries, starts = _build(builder, document, progress, cover)
    builder.cursor.endEditBlock()
    entries, starts = _keep_lines_together(doc, height, builder.keep_with_next, entries, starts)
    pages = [page_of(doc, position, height) for position in starts]
    leaders = [
        leader_of(doc, position, page, width, height)
        for position, page in zip(entries, pages[: len(entries)], strict=True)
    ]
    leader_font = QFont(families["body"])
    leader_font.setPointSizeF(BODY_PT)
    footer_font = QFont(families["body"])
    footer_font.setPointSizeF(FOOTER_PT)
    for tag in _UNMAPPED_GLYPH_FEATURES:
        leader_font.setFeature(QFont.Tag(tag), 0)
        footer_font.setFeature(QFont.Tag(tag), 0)
    lines = lines_by_page(doc, height)
    page_count = max(doc.pageCount(), max(lines, default=0) + 1)
    painter = QPainter(device)
    if not painter.isActive():
        raise ExportError("export.cannot_write", path=where, reason="Qt cannot open it")
    try:
        for page in range(page_count):
            if page:
                device.newPage()
            painter.save()
            painter.translate(mm(MARGINS_MM["left"]), mm(MARGINS_MM["top"]) - page * height)
            for line, origin in lines.get(page, []):
                line.draw(painter, origin)
            painter.setFont(leader_font)
            for leader in leaders:
                if leader.page == page:
                    _draw_leader(painter, leader)
            painter.restore()
            if page or not cover:  # the cover carries no number
                painter.setFont(footer_font)
                # As GB/T 9704 sets them: odd pages right, even pages left, one character in.
                inset = pt(FOOTER_PT)
                footer = QRectF(
                    mm(MARGINS_MM["left"]) + inset,
                    mm(PAGE_MM[1] - MARGINS_MM["bottom"] + FOOTER_RISE_MM),
                    mm(PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) - 2 * inset,
                    pt(24),
                )
                side = Qt.AlignmentFlag.AlignRight if page % 2 == 0 else Qt.AlignmentFlag.AlignLeft
                painter.drawText(footer, int(side), f"— {page + 1} —")
    finally:
        painter.end()
    return Rendered(doc, starts, leaders, height, page_count)


def write_pdf(document: Document, path: Path, progress: Progress | None = None) -> None:
    """Write the brief to ``path`` as an A4 PDF with contents page numbers and page footers.

    Raises:
        ExportError: no Chinese font on this machine, or a font Qt cannot load.
    """
    _ensure_gui_application()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(document.title)
    writer.setAuthor(document.compiler or "")
    writer.setCreator("reader")
    done = render_document(document, writer, progress, where=str(path))
    add_outline_and_links(path, document, done.doc, done.starts, done.leaders, done.height)


def print_document(
    document: Document, printer: Any, progress: Progress | None = None, *, cover: bool = True
) -> int:
    """Print the brief (``cover=False``: its articles alone) on a QPrinter, laid out exactly
    as the PDF export lays it out; returns the number of pages.

    Raises:
        ExportError: no Chinese font, or a printer Qt cannot open.
    """
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    printer.setResolution(DPI)
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    printer.setDocName(document.title)
    where = printer.outputFileName() or printer.printerName()
    return render_document(document, printer, progress, cover=cover, where=where).pages

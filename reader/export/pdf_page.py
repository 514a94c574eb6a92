"""The PDF's page geometry (from the house style), and where contents entries and articles
fall on the pages.

Lengths: QPdfWriter reports a physical resolution of 1200 dpi whatever its resolution is
set to; Qt takes left and right block margins, indents and painting in those device
pixels, but line heights, top and bottom margins and tab positions as 96-dpi lengths
(:func:`fmt_len`). Qt-free: the laid-out
QTextDocument comes in as a plain object.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.export.house_style import house_style
from reader.export.model import Document
from reader.export.pdf_navigation import Link, Target, add_navigation

DPI = 1200
_HOUSE = house_style()
PAGE_MM = _HOUSE.page_mm
MARGINS_MM = _HOUSE.margins_mm
BODY_PT = _HOUSE.sizes["body"]
TITLE_PT = _HOUSE.sizes["title"]
COVER_PT = _HOUSE.sizes["cover_title"]
FOOTER_PT = _HOUSE.sizes["page_number"]
FOOTER_RISE_MM = _HOUSE.page["footer_rise"]
LINE_PITCH_PT = _HOUSE.line_pitch
_WIDTH_PT = _HOUSE.text_width_mm / 25.4 * 72
_CHARS = _HOUSE.grid["chars"]
GRID_CHAR_PITCH_PT = (_WIDTH_PT / _CHARS + _WIDTH_PT / (_CHARS + 1)) / 2
# Room kept right of a contents entry's last line for its leaders and page number, in em.
CONTENTS_NUMBER_EM = 3


def mm(value: float) -> float:
    return value / 25.4 * DPI


def pt(value: float) -> float:
    """Points as device pixels (page sizes, painting)."""
    return value / 72 * DPI


def fmt_len(value: float) -> float:
    """Points as the 96-dpi lengths QTextFormat margins, indents and line heights take."""
    return value / 72 * 96


@dataclass(frozen=True, slots=True)
class Leader:
    """Where a contents entry's dots and page number go (document coordinates)."""

    page: int  # 0-based page the entry's last line is on
    baseline: float
    start: float  # end of the title's last line
    end: float  # right edge of the text block
    number: str
    entry_top: float
    entry_bottom: float


def leader_of(doc: Any, position: int, number: int, width: float, page_height: float) -> Leader:
    """Where the leaders of the contents entry at ``position`` go (after layout)."""
    block = doc.findBlock(position)
    origin = doc.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    first, last = layout.lineAt(0), layout.lineAt(layout.lineCount() - 1)
    middle = origin.top() + last.y() + last.height() / 2
    return Leader(
        page=int(middle // page_height),
        baseline=origin.top() + last.y() + last.ascent(),
        start=origin.left() + last.x() + last.naturalTextWidth(),
        end=width,
        number=str(number),
        entry_top=origin.top() + first.y(),
        entry_bottom=origin.top() + last.y() + last.height(),
    )


def add_outline_and_links(
    path: Path,
    document: Document,
    doc: Any,
    starts: list[int],
    leaders: list[Leader],
    height: float,
) -> None:
    """Outline entries for the articles, contents entries that link to them, and zh-CN."""

    def to_points(pixels: float) -> float:
        return pixels * 72 / DPI

    def target_of(y: float) -> Target:
        page = int(y // height)
        return Target(page, to_points(mm(MARGINS_MM["top"]) + y - page * height))

    tops = []
    for position in starts:
        block = doc.findBlock(position)
        line = block.layout().lineAt(0)
        top = doc.documentLayout().blockBoundingRect(block).top() + line.y()
        # A block pushed onto a new page starts at the top of that page.
        tops.append(max(top, int((top + line.height() / 2) // height) * height))
    targets = [target_of(top) for top in tops]
    left = to_points(mm(MARGINS_MM["left"]))
    right = to_points(mm(PAGE_MM[0] - MARGINS_MM["right"]))
    links = []
    for leader, target in zip(leaders, targets, strict=True):
        page = int((leader.entry_top + 1) // height)
        offset = mm(MARGINS_MM["top"]) - page * height
        rect = (
            left,
            to_points(leader.entry_top + offset),
            right,
            to_points(leader.entry_bottom + offset),
        )
        links.append(Link(page, rect, target))
    outline = [(a.title, t) for a, t in zip(document.articles, targets, strict=True)]
    add_navigation(path, outline, links, "zh-CN", to_points(mm(PAGE_MM[1])))


def page_of(doc: Any, position: int, page_height: float) -> int:
    """The page (1-based) on which the block at ``position`` shows its first line."""
    block = doc.findBlock(position)
    top = doc.documentLayout().blockBoundingRect(block).top()
    # A block that breaks to a new page starts where the last page ended; its first
    # line is pushed down onto the new page.
    line = block.layout().lineAt(0)
    middle = top + line.y() + line.height() / 2 if line.isValid() else top
    return int(middle // page_height) + 1


def lines_by_page(doc: Any, page_height: float) -> dict[int, list[tuple[Any, Any]]]:
    """Every laid-out line of the document, grouped by the page (0-based) it falls on.

    Painting the document page by page through a clip would put a line that straddles
    two pages (Qt lets a few do so) into the text layer of both, and a block's lines on
    other pages too: text extraction then repeats them. Each line is drawn once instead.
    """
    pages: dict[int, list[tuple[Any, Any]]] = {}
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        text_layout = block.layout()
        origin = layout.blockBoundingRect(block).topLeft()
        for index in range(text_layout.lineCount()):
            line = text_layout.lineAt(index)
            middle = origin.y() + line.y() + line.height() / 2
            pages.setdefault(int(middle // page_height), []).append((line, origin))
        block = block.next()
    return pages

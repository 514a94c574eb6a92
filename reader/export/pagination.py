"""Where each article will start in a DOCX brief, estimated from the house style's fixed grid.

The DOCX contents carries page numbers before Word, WPS or LibreOffice lays the file out
(they recompute them when the fields update). Official-document style makes a close
guess possible: every body line has the same fixed height and every character the same
width, so a page holds a known number of lines of a known number of characters.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from reader.export.model import Document

MM_TO_PT = 72 / 25.4


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """The text area of a page, in points, and the line pitch of the body."""

    width: float
    height: float
    line_pitch: float
    body_size: float
    title_size: float
    title_pitch: float


def text_width(text: str) -> float:
    """Width of ``text`` in em: CJK and full-width characters 1, others about 0.5.

    Characters of ambiguous width (“ ” — …) are full width in a Chinese font.
    """
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


def line_count(text: str, size: float, width: float, indent_em: float = 0.0) -> int:
    """Lines ``text`` takes at ``size`` pt in a column ``width`` pt wide."""
    per_line = max(1, math.floor(width / size))
    return max(1, math.ceil((text_width(text) + indent_em) / per_line))


class _Pages:
    def __init__(self, height: float) -> None:
        self.height = height
        self.page = 1
        self.used = 0.0

    def new_page(self) -> None:
        self.page += 1
        self.used = 0.0

    def add_lines(self, lines: int, pitch: float) -> None:
        for _ in range(lines):
            if self.used + pitch > self.height + 0.01:
                self.new_page()
            self.used += pitch


def estimate_article_pages(document: Document, geometry: PageGeometry) -> list[int]:
    """The page (cover = 1) each article of ``document`` starts on in the DOCX layout.

    Mirrors the DOCX writer: cover page, preface on its own pages, contents, then each
    article from a new page.
    """
    g = geometry
    pages = _Pages(g.height)
    if document.preface:
        pages.new_page()
        pages.add_lines(1, g.title_pitch)
        for paragraph in document.preface:
            pages.add_lines(line_count(paragraph, g.body_size, g.width, 2), g.line_pitch)
    pages.new_page()
    pages.add_lines(2, g.title_pitch)
    for article in document.articles:
        # An entry leaves room for leader dots and a page number on its last line.
        pages.add_lines(line_count(article.title + "……000", g.body_size, g.width), g.line_pitch)
    starts: list[int] = []
    for article in document.articles:
        pages.new_page()
        starts.append(pages.page)
        pages.add_lines(line_count(article.title, g.title_size, g.width), g.title_pitch)
        pages.add_lines(2, g.line_pitch)  # source line and the space after it
        blocks = [article.editor_note] if article.editor_note else []
        blocks += [p.text for p in article.paragraphs]
        if article.notes or article.highlights:
            blocks += [
                "批注",
                *article.notes,
                *(h.quote + (h.note or "") for h in article.highlights),
            ]
        for text in blocks:
            if text is not None:
                pages.add_lines(line_count(text, g.body_size, g.width, 2), g.line_pitch)
    return starts

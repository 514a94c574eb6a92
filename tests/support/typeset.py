"""Typeset a ParsedIssue like the printed bulletin, as PDF, DOCX or TXT, for import tests.

The PDF uses reportlab's built-in CID font STSong-Light (no font file needed; pdfminer
maps it back to Unicode exactly) and a copy of it named ``STSong-Light,Bold`` for titles,
the way Acrobat names synthesized bold. Lines are broken and justified here, so the
extractor meets what printed bulletins give it: letter-spaced lines, first-line indents,
titles wrapped over two lines, paragraphs running across pages, running headers and
page numbers.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from reader.parsing.model import ParsedIssue
from tests.support.layout_text import (
    footer_lines,
    has_contents,
    has_masthead,
    issue_line,
    write_bulletin_text,
)

FONT = "STSong-Light"
BOLD_FONT = "STSong-Light,Bold"
PAGE_WIDTH, PAGE_HEIGHT = 595.27, 841.89
LEFT = 81.6
COLUMN = 432.0  # 36 characters of body text
RIGHT = LEFT + COLUMN
TOP = 772.0
BOTTOM = 78.0
BODY, BODY_LEADING = 12.0, 21.0
TITLE, TITLE_LEADING = 16.0, 26.0
NO_LINE_START = set("，。、；：！？）》」』”’…—%,.;:!?)]}·")
NO_LINE_END = set("（《「『“‘([{")
_GLUE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.%-_/+@#&'")


@dataclass(slots=True)
class _Placed:
    text: str
    x: float
    baseline: float
    size: float
    spacing: float
    bold: bool = False


class _Pages:
    """Fills pages top to bottom with lines."""

    def __init__(self) -> None:
        self.pages: list[list[_Placed]] = [[]]
        self.cursor = TOP

    @property
    def number(self) -> int:
        return len(self.pages)

    def new_page(self) -> None:
        self.pages.append([])
        self.cursor = TOP

    def room(self, height: float) -> bool:
        return self.cursor - height >= BOTTOM

    def place(self, line: _Placed, leading: float) -> bool:
        """Place a line; True when it had to go to a new page."""
        turned = not self.room(leading)
        if turned:
            self.new_page()
        line.baseline = self.cursor - line.size
        self.pages[-1].append(line)
        self.cursor -= leading
        return turned


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import CIDFontInfo, UnicodeCIDFont, structToPDF

    class _NamedCIDFont(UnicodeCIDFont):
        """STSong-Light under another name, so the PDF says the line is bold."""

        def __init__(self, face: str, alias: str) -> None:
            super().__init__(face)
            self.name = self.fontName = alias

        def addObjects(self, doc: object) -> None:  # reportlab's name
            internal = "F" + repr(len(doc.fontMapping) + 1)  # type: ignore[attr-defined]
            info = copy.deepcopy(CIDFontInfo[self.face.name])
            info["Name"] = "/" + internal
            info["Encoding"] = "/" + self.encodingName
            info["BaseFont"] = "/" + self.name
            info["DescendantFonts"][0]["BaseFont"] = "/" + self.name
            info["DescendantFonts"][0]["FontDescriptor"]["FontName"] = "/" + self.name
            reference = doc.Reference(structToPDF(info), internal)  # type: ignore[attr-defined]
            doc.idToObject["BasicFonts"].dict[internal] = reference  # type: ignore[attr-defined]
            doc.fontMapping[self.name] = "/" + internal  # type: ignore[attr-defined]

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        pdfmetrics.registerFont(_NamedCIDFont(FONT, BOLD_FONT))


def text_width(text: str, size: float, spacing: float = 0.0) -> float:
    """Width of ``text`` in the bulletin font, with ``spacing`` after each character."""
    from reportlab.pdfbase import pdfmetrics

    _fonts()
    return float(pdfmetrics.stringWidth(text, FONT, size)) + spacing * max(len(text) - 1, 0)


def may_break(text: str, index: int) -> bool:
    """Whether a line may end before ``text[index]`` (CJK line-breaking rules, simplified)."""
    before, after = text[index - 1], text[index]
    if before == " " or after == " ":
        return False  # a break at a space would lose it when lines are joined again
    if before in _GLUE and after in _GLUE:
        return False
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    return not (before == after and before in "—…")


def wrap(
    text: str, size: float, width: float, indent: float = 0.0, spacing: float = 0.0
) -> list[str]:
    """Break a paragraph into lines that fit ``width`` (the first one ``indent`` narrower)."""
    lines: list[str] = []
    start = 0
    while start < len(text):
        room = width - (indent if not lines else 0.0)
        end = start + 1
        while end < len(text) and text_width(text[start : end + 1], size, spacing) <= room:
            end += 1
        if end < len(text):
            cut = next((k for k in range(end, start, -1) if may_break(text, k)), end)
            end = cut
        lines.append(text[start:end])
        start = end
    return lines


def title_lines(title: str, size: float = TITLE, spacing: float = 0.0) -> list[str]:
    """A title on one line, or split near its middle when it is long."""
    if text_width(title, size, spacing) <= 0.72 * COLUMN:
        return [title]
    if text_width(title, size, spacing) > 1.9 * COLUMN:
        return wrap(title, size, COLUMN, spacing=spacing)
    middle = len(title) / 2
    cuts = [k for k in range(1, len(title)) if may_break(title, k)]
    cut = min(cuts, key=lambda k: abs(k - middle)) if cuts else int(middle)
    return [title[:cut], title[cut:]]


def _centered(
    pages: _Pages, text: str, size: float, leading: float, bold: bool, gap: float
) -> None:
    width = text_width(text, size, gap)
    pages.place(_Placed(text, LEFT + (COLUMN - width) / 2, 0, size, gap, bold), leading)


def _justified(pages: _Pages, lines: list[str], gap: float) -> int | None:
    """Place a paragraph's lines; the offset where a page break cut it, if one did."""
    cut = None
    offset = 0
    for number, line in enumerate(lines):
        indent = 2 * BODY if number == 0 else 0.0
        spacing = gap
        if number < len(lines) - 1 and len(line) > 1:
            natural = text_width(line, BODY)
            spacing = (COLUMN - indent - natural) / (len(line) - 1)
        if pages.place(_Placed(line, LEFT + indent, 0, BODY, spacing), BODY_LEADING) and number:
            cut = offset
        offset += len(line)
    return cut


def _contents_line(title: str, page: int, gap: float) -> _Placed:
    size = BODY + 2
    head, tail = f"★ {title}", str(page)
    while text_width(head + "...." + tail, size, gap) > COLUMN - size and size > 8:
        size -= 1
    dots = "..."
    while text_width(head + dots + "." + tail, size, gap) <= COLUMN - size:
        dots += "."
    text = head + dots + tail
    spacing = (COLUMN - text_width(text, size)) / (len(text) - 1)
    return _Placed(text, LEFT, 0, size, spacing)


@dataclass(slots=True)
class _Layout:
    pages: _Pages
    starts: list[int]  # the page each article starts on
    cuts: dict[tuple[int, int], int]  # (article, paragraph) → offset a page break cut at


def _layout(issue: ParsedIssue, gap: float, toc: list[int] | None) -> _Layout:
    pages = _Pages()
    cuts: dict[tuple[int, int], int] = {}
    if has_masthead(issue):
        pages.cursor -= 20
        _centered(pages, issue.series or "", 30, 56, True, gap)
        if issue.year:
            _centered(pages, issue_line(issue), 15, 30, False, gap)
        if issue.editor_org:
            _centered(pages, f"{issue.editor_org} 编辑", BODY, 40, False, gap)
    if has_contents(issue):
        for number, article in enumerate(issue.articles):
            page = article.toc_page or (toc[number] if toc else 0)
            pages.place(_contents_line(article.toc_title or article.title, page, gap), 28)
    if pages.pages[0]:
        pages.new_page()
    starts = []
    for number, article in enumerate(issue.articles):
        heads = title_lines(article.title, TITLE, gap)
        if pages.cursor < TOP:
            pages.cursor -= 14
        if not pages.room(len(heads) * TITLE_LEADING + 2 * BODY_LEADING):
            pages.new_page()
        starts.append(pages.number)
        for head in heads:
            _centered(pages, head, TITLE, TITLE_LEADING, True, gap)
        for index, paragraph in enumerate(article.paragraphs):
            cut = _justified(pages, wrap(paragraph, BODY, COLUMN, 2 * BODY, gap), gap)
            if cut is not None:
                cuts[number, index] = cut
    footer = footer_lines(issue)
    if footer:
        if not pages.room(30 + len(footer) * 20):
            pages.new_page()
        pages.cursor -= 30
        for line in footer:
            pages.place(_Placed(line, LEFT, 0, 10.5, gap), 20)
    return _Layout(pages, starts, cuts)


def article_pages(issue: ParsedIssue, *, letter_spacing: bool = False) -> list[int]:
    """The page each article starts on in ``write_pdf``'s layout."""
    gap = 0.18 * BODY if letter_spacing else 0.0
    return _layout(issue, gap, None).starts


def write_pdf(
    issue: ParsedIssue,
    path: Path,
    *,
    letter_spacing: bool = False,
    running_header: bool = True,
    password: str | None = None,
) -> None:
    """Write ``issue`` as an A4 PDF typeset like the printed bulletin."""
    from reportlab.pdfgen.canvas import Canvas

    _fonts()
    gap = 0.18 * BODY if letter_spacing else 0.0
    pages = _layout(issue, gap, _layout(issue, gap, None).starts).pages
    canvas = Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), encrypt=password, invariant=True)
    canvas.setTitle(issue.series or "bulletin")
    for number, lines in enumerate(pages.pages, start=1):
        if number > 1 and running_header and has_masthead(issue):
            header = f"{issue.series or ''}  {issue_line(issue)}".strip()
            canvas.setFont(FONT, 9)
            canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 46, header)
            canvas.setLineWidth(0.6)
            canvas.line(LEFT, PAGE_HEIGHT - 52, RIGHT, PAGE_HEIGHT - 52)
        if number > 1:
            canvas.setFont(FONT, 10.5)
            canvas.drawCentredString(PAGE_WIDTH / 2, 40, f"- {number} -")
        for line in lines:
            canvas.setFont(BOLD_FONT if line.bold else FONT, line.size)
            canvas.drawString(line.x, line.baseline, line.text, charSpace=line.spacing)
        canvas.showPage()
    canvas.save()


def write_txt(
    issue: ParsedIssue,
    path: Path,
    *,
    encoding: str = "utf-8",
    newline: str = "\n",
    page_splits: bool = False,
) -> None:
    """Write ``issue`` as the plain text a PDF-to-text conversion of the bulletin gives.

    With ``page_splits`` a paragraph that ``write_pdf`` runs across two pages is cut
    there by a blank line, as text extracted from the printed PDF is.
    """
    layout = _layout(issue, 0.0, None)
    cuts = layout.cuts if page_splits else None
    write_bulletin_text(
        issue, path, encoding=encoding, newline=newline, pages=layout.starts, cuts=cuts
    )


def write_docx(issue: ParsedIssue, path: Path, **options: bool) -> None:
    """Write ``issue`` as a Word document (see ``typeset_docx.write_docx``)."""
    from tests.support.typeset_docx import write_docx as write

    write(issue, path, **options)


def differences(
    expected: ParsedIssue, got: ParsedIssue, pages: list[int] | None = None
) -> list[str]:
    """What an imported rendition lost or changed, one line each (empty: identical).

    Args:
        expected: the issue that was typeset.
        got: what the import made of the rendition.
        pages: the pages the contents printed when ``expected`` gave none
            (``article_pages``); the editor's name is compared without padding spaces.
    """
    found = []
    for name in ("series", "year", "issue_no", "editor_org", "phone"):
        if getattr(expected, name) != getattr(got, name):
            found.append(f"{name}: {getattr(expected, name)!r} != {getattr(got, name)!r}")
    editor = expected.editor
    if editor and all(len(part) == 1 for part in editor.split()):
        editor = "".join(editor.split())
    if editor != got.editor:
        found.append(f"editor: {editor!r} != {got.editor!r}")
    if len(expected.articles) != len(got.articles):
        found.append(f"articles: {len(expected.articles)} != {len(got.articles)}")
    for number, (want, have) in enumerate(zip(expected.articles, got.articles, strict=False)):
        toc_page = want.toc_page
        if toc_page is None and want.toc_title is not None and pages:
            toc_page = pages[number]
        checks = [
            ("title", want.title, have.title),
            ("toc_title", want.toc_title, have.toc_title),
            ("toc_page", toc_page, have.toc_page),
        ]
        found.extend(f"{number + 1} {what}: {a!r} != {b!r}" for what, a, b in checks if a != b)
        if want.paragraphs != have.paragraphs:
            change = _first_change(want.paragraphs, have.paragraphs)
            found.append(f"{number + 1} text of {want.title[:12]}: {change}")
    found.extend(f"warning: {w}" for w in got.warnings if w not in expected.warnings)
    return found


def _first_change(want: list[str], have: list[str]) -> str:
    for index, (a, b) in enumerate(zip(want, have, strict=False)):
        if a != b:
            at = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            return (
                f"paragraph {index + 1} at {at}: {a[at - 5 : at + 15]!r} != {b[at - 5 : at + 15]!r}"
            )
    return f"{len(want)} paragraphs != {len(have)}"

"""Typeset lines of a PDF's text layer, with layout cues and without page furniture.

pdfminer gives glyphs with their positions; this module groups them into lines itself
(one column, top to bottom), decides which gaps are real spaces, and drops running
headers, footers and page numbers, so that the bulletin parser sees only the text an
editor wrote.
"""

from __future__ import annotations

import ast
import contextlib
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from reader.parsing.model import Block, SourceError
from reader.parsing.pdf_bounds import bounded_page_aggregator, check_stream_bounds

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—－·•\s]*\d{1,4}[-–—－·•\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)
# 小标宋 (XiaoBiaoSong) is the heavy face Chinese bulletins set titles in.
_BOLD_NAME = re.compile(
    r"bold|black|heavy|semibold|demi|hei|黑|biaosong|小标宋|fzxbs|fzdbs|fzd?ht|,b\b", re.IGNORECASE
)
_SPACE_CHARS = " \u00a0\u3000"
# Share of a page's height, from the top and from the bottom, where page furniture lives.
_MARGIN_ZONE = 0.16


@dataclass(slots=True)
class _Glyph:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    bold: bool


@dataclass(slots=True)
class _Line:
    page: int
    glyphs: list[_Glyph]
    page_height: float
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    lead_spaces: str = ""

    @property
    def top(self) -> float:
        return max(g.y1 for g in self.glyphs)

    @property
    def bottom(self) -> float:
        return min(g.y0 for g in self.glyphs)

    @property
    def size(self) -> float:
        sizes = [g.size for g in self.glyphs if not g.text.isspace()] or [self.glyphs[0].size]
        return statistics.median(sizes)

    @property
    def bold(self) -> bool:
        visible = [g for g in self.glyphs if not g.text.isspace()]
        return bool(visible) and sum(g.bold for g in visible) * 2 > len(visible)


def extract_pdf_blocks(path: Path) -> list[Block]:
    """Read a PDF's text layer as one block per typeset line, in reading order.

    Args:
        path: The PDF file.

    Returns:
        Blocks with page, size, bold, centered, indented and starts_page cues; running
        headers, footers and page numbers are removed, and the gaps a PDF leaves between
        Chinese characters are not turned into spaces.

    Raises:
        SourceError: The file is not a PDF, is damaged or encrypted, or has no text.
    """
    pages = _read_pages(path)
    lines = [line for page in pages for line in page]
    if not any(line.text.strip() for line in lines):
        raise SourceError("source.pdf_no_text_layer")
    glyphs = [glyph for line in lines for glyph in line.glyphs]
    if sum(glyph.text == "\ufffd" for glyph in glyphs) > 0.3 * len(glyphs):
        raise SourceError("source.pdf_no_unicode")
    pages = _drop_page_furniture(pages)
    return _to_blocks(pages)


def _read_pages(path: Path) -> list[list[_Line]]:
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise SourceError("source.cannot_read", detail=error.strerror or str(error)) from None
    if b"%PDF-" not in head:
        raise SourceError("source.not_pdf")
    try:
        return list(_iter_pages(path))
    except SourceError:
        raise
    except PDFPasswordIncorrect:
        raise SourceError("source.pdf_encrypted") from None
    except (PDFSyntaxError, PSException) as error:
        raise SourceError("source.pdf_damaged", detail=_short(error)) from None
    except Exception as error:  # pdfminer raises bare errors on broken files
        if "encrypt" in str(error).lower() or "password" in str(error).lower():
            raise SourceError("source.pdf_encrypted") from None
        raise SourceError("source.pdf_damaged", detail=_short(error)) from None


def _iter_pages(path: Path) -> Iterator[list[_Line]]:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with path.open("rb") as handle:
        document = PDFDocument(PDFParser(handle))
        check_stream_bounds(document)  # before anything inflates a stream whole
        manager = PDFResourceManager()
        device = bounded_page_aggregator(manager)
        interpreter = PDFPageInterpreter(manager, device)
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            interpreter.process_page(page)
            layout = device.get_result()
            # Off the page: Qt draws a line that straddles a page break on both pages.
            glyphs = [
                glyph
                for glyph in _glyphs(layout)
                if layout.y0 <= (glyph.y0 + glyph.y1) / 2 <= layout.y1
                and layout.x0 <= (glyph.x0 + glyph.x1) / 2 <= layout.x1
            ]
            yield _group_lines(glyphs, number, layout.height)


def _glyphs(item: object) -> Iterator[_Glyph]:
    from pdfminer.layout import LTChar

    if isinstance(item, LTChar):
        a, b, c, d = item.matrix[:4]
        if abs(b) > 0.05 * abs(a) or abs(c) > 0.05 * abs(d):
            return  # rotated: a watermark or a margin note, not the bulletin's text
        # Fonts with a ligature for "——" map it to the two-em dash U+2E3A.
        text = _unradical(item.get_text()).replace("\u2e3a", "——").replace("\u2e3b", "———")
        if text.startswith("(cid:"):
            text = "\ufffd"  # a glyph without a Unicode value: marked, not spelled "(cid:12)"
        if text.isspace() and text != "\u3000":
            text = " "  # Qt maps its space glyph to a tab; nbsp and the like are spaces too
        if text and (text.isspace() or text.isprintable()):
            yield _Glyph(text, item.x0, item.x1, item.y0, item.y1, item.size, _is_bold(item))
    elif isinstance(item, Iterable):
        for child in item:
            yield from _glyphs(child)


def _is_bold(char: object) -> bool:
    name = str(getattr(char, "fontname", ""))
    if "+" in name[:8]:
        name = name.split("+", 1)[1]
    if name.startswith(("b'", 'b"')):  # pdfminer leaves non-UTF-8 names (GBK 黑体) as bytes
        with contextlib.suppress(ValueError, SyntaxError, UnicodeDecodeError, AttributeError):
            name = ast.literal_eval(name).decode("gbk")
    return bool(_BOLD_NAME.search(name))


# CJK Radicals Supplement code points that stand for whole simplified characters (from
# Unicode's EquivalentUnifiedIdeograph.txt; NFKC maps only two of this block), and ⼾,
# whose NFKC form is the traditional 戶 while simplified fonts share its glyph with 户.
_SUPPLEMENT = dict(
    zip(
        "⺠⻄⻅⻆⻈⻉⻋⻐⻓⻔⻘⻙⻚⻛⻜⻝⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⺰⼾",
        "民西见角讠贝车钅长门青韦页风飞食饣马骨鬼鱼鸟卤麦黄黾齐齿龙纟户",
        strict=True,
    )
)


def _unradical(text: str) -> str:
    """Kangxi and supplementary radicals (what Qt and Word sometimes emit) as ideographs."""
    return "".join(
        _SUPPLEMENT.get(ch) or unicodedata.normalize("NFKC", ch)
        if 0x2E80 <= ord(ch) <= 0x2FDF
        else ch
        for ch in text
    )


def _group_lines(glyphs: list[_Glyph], page: int, height: float) -> list[_Line]:
    lines: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (-(g.y0 + g.y1) / 2, g.x0)):
        middle = (glyph.y0 + glyph.y1) / 2
        if lines:
            current = lines[-1]
            ref = current[0]
            if abs(middle - (ref.y0 + ref.y1) / 2) <= 0.45 * min(ref.size, glyph.size):
                current.append(glyph)
                continue
        lines.append([glyph])
    result = []
    for members in lines:
        members.sort(key=lambda g: g.x0)
        members = _without_overprint(members)
        line = _Line(page, members, height)
        _compose(line)
        if line.text:
            result.append(line)
    return result


def _without_overprint(glyphs: list[_Glyph]) -> list[_Glyph]:
    """Drop the copies some writers draw a hair apart to fake bold."""
    kept: list[_Glyph] = []
    for glyph in glyphs:
        if kept and kept[-1].text == glyph.text and abs(kept[-1].x0 - glyph.x0) < 0.2 * glyph.size:
            kept[-1].bold = True
            continue
        kept.append(glyph)
    return kept


def _compose(line: _Line) -> None:
    """Set the line's text and extent, turning only real gaps into spaces."""
    glyphs = line.glyphs
    visible_pairs = [
        b.x0 - a.x1 for a, b in pairwise(glyphs) if not a.text.isspace() and not b.text.isspace()
    ]
    usual = statistics.median(visible_pairs) if visible_pairs else 0.0
    parts: list[str] = []
    for index, glyph in enumerate(glyphs):
        if index:
            before = glyphs[index - 1]
            gap = glyph.x0 - before.x1
            size = min(before.size, glyph.size)
            if not before.text.isspace() and not glyph.text.isspace():
                if gap - usual > 2.5 * size:
                    parts.append("\t")
                elif gap - usual > 0.25 * size and gap > 0.2 * size:
                    parts.append(" ")
        parts.append(glyph.text)
    text = "".join(parts)
    stripped = text.lstrip(_SPACE_CHARS)
    line.lead_spaces = text[: len(text) - len(stripped)]
    # Space characters typed between every character (科 技 情 报) are the text's own;
    # the parser judges those.
    line.text = stripped.rstrip(_SPACE_CHARS)
    visible = [g for g in glyphs if not g.text.isspace()] or glyphs
    line.x0 = visible[0].x0
    line.x1 = visible[-1].x1


def _drop_page_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove running headers and footers and page numbers from each page's margins."""
    repeated = _repeated_margin_lines(pages)
    sizes: Counter[float] = Counter()
    for line in (line for lines in pages for line in lines):
        sizes[round(line.size, 1)] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    cleaned: list[list[_Line]] = []
    for lines in pages:
        kept = list(lines)
        for from_top in (True, False):
            for _ in range(3):
                if not kept:
                    break
                candidate = kept[0] if from_top else kept[-1]
                if not (
                    _is_furniture(candidate, kept, from_top, repeated)
                    or (from_top and _is_lone_header(candidate, kept, body_size))
                ):
                    break
                kept.remove(candidate)
        if cleaned and cleaned[-1] and kept and cleaned[-1][-1].text == kept[0].text:
            kept.pop(0)  # a line drawn on both sides of a page break (clipped on one)
        cleaned.append(kept)
    return cleaned


def _is_lone_header(line: _Line, lines: list[_Line], body_size: float) -> bool:
    """A running header seen once (a two-page issue): small type, standing apart on top."""
    if len(lines) < 2 or line.top <= line.page_height * (1 - _MARGIN_ZONE):
        return False
    gap = line.bottom - lines[1].top
    return line.size < 0.9 * body_size and gap > max(line.size, 1.5 * _usual_gap(lines))


def _usual_gap(lines: list[_Line]) -> float:
    """The usual white space between a line and the next within a paragraph."""
    gaps = [a.bottom - b.top for a, b in pairwise(lines)]
    # The lower quartile: with space after paragraphs, many gaps may be paragraph gaps.
    return sorted(gaps)[len(gaps) // 4] if gaps else 0.0


def _margin_key(line: _Line) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))


def _repeated_margin_lines(pages: list[list[_Line]]) -> set[str]:
    """Texts (digits folded) that open or close at least two pages inside the margins."""
    counts: Counter[str] = Counter()
    for lines in pages:
        seen = set()
        for line in lines[:2] + lines[-2:]:
            if _in_margin(line):
                seen.add(_margin_key(line))
        counts.update(seen)
    needed = max(2, len(pages) // 3)
    return {key for key, count in counts.items() if count >= needed}


def _in_margin(line: _Line) -> bool:
    zone = _MARGIN_ZONE * line.page_height
    return line.bottom >= line.page_height - zone or line.top <= zone


def _is_furniture(line: _Line, lines: list[_Line], from_top: bool, repeated: set[str]) -> bool:
    if not _in_margin(line):
        return False
    if _margin_key(line) in repeated:
        return True
    if not _PAGE_NUMBER.match(line.text):
        return False
    if len(lines) == 1:
        return True
    # A number that only ends a body line sits one line pitch away; furniture stands apart.
    neighbour = lines[1] if from_top else lines[-2]
    gap = (line.bottom - neighbour.top) if from_top else (neighbour.bottom - line.top)
    return gap > max(0.6 * line.size, 1.5 * _usual_gap(lines))


def _to_blocks(pages: list[list[_Line]]) -> list[Block]:
    columns = _columns(pages)
    lines = [line for page in pages for line in page]
    cues = [_line_cues(line, columns[line.page % 2]) for line in lines]
    usual = {page[0].page: _usual_gap(page) for page in pages if page}
    blocks = []
    for index, line in enumerate(lines):
        centered, indented = cues[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        blocks.append(
            Block(
                text=line.text,
                page=line.page,
                size=round(line.size, 1),
                bold=line.bold,
                centered=centered,
                indented=indented,
                ends_paragraph=_ends_paragraph(
                    line,
                    following,
                    columns[line.page % 2][1],
                    cues[index : index + 2],
                    usual[line.page],
                ),
                starts_page=index == 0 or lines[index - 1].page != line.page,
            )
        )
    return blocks


def _line_cues(line: _Line, column: tuple[float, float]) -> tuple[bool, bool]:
    """Whether a line is centered in the column, and whether it starts indented."""
    left, right = column
    size = line.size
    middle = (line.x0 + line.x1) / 2
    centered = (
        abs(middle - (left + right) / 2) <= 0.75 * size
        and line.x0 > left + 0.9 * size
        and line.x1 - line.x0 < (right - left) - 1.5 * size
    )
    offset = line.x0 - left
    if centered and abs(offset - 2 * size) <= 0.15 * size and not line.bold:
        # A one-line paragraph nearly as wide as the column also sits in the middle;
        # starting exactly two characters in, it is a paragraph start.
        centered = False
    indented = not centered and (
        1.5 * size <= offset <= 3.2 * size
        or "\u3000" in line.lead_spaces
        or len(line.lead_spaces) >= 2
    )
    return centered, indented


def _ends_paragraph(
    line: _Line,
    following: _Line | None,
    right: float,
    cues: list[tuple[bool, bool]],
    usual_gap: float,
) -> bool | None:
    """What the geometry says: a short line ends its paragraph, a full one goes on.

    A full line still ends its paragraph when the next line is indented, set in another
    size, or further down than lines are spaced (space after paragraphs); titles
    (centered lines) are left to the parser (``None``).
    """
    if following is None:
        return True
    if cues[0][0] or cues[1][0]:
        return None
    if line.x1 < right - 1.5 * line.size:
        return True
    if following.page == line.page and line.bottom - following.top > usual_gap + 0.4 * line.size:
        return True
    return bool(cues[1][1]) or abs(following.size - line.size) > 0.5


def _columns(pages: list[list[_Line]]) -> dict[int, tuple[float, float]]:
    """Left and right edge of the text column, for odd and for even pages."""
    everything = [line for lines in pages for line in lines]
    result = {}
    for parity in (0, 1):
        group = [line for line in everything if line.page % 2 == parity]
        if len(group) < 8:
            group = everything
        result[parity] = (_common_edge(group, left=True), _common_edge(group, left=False))
    return result


def _common_edge(lines: list[_Line], *, left: bool) -> float:
    if not lines:
        return 0.0
    values = Counter(round(line.x0 if left else line.x1) for line in lines)
    needed = max(2, len(lines) // 20)
    common = [value for value, count in values.items() if count >= needed]
    if not common:
        common = list(values)
    return float(min(common) if left else max(common))


def _short(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 80 else text[:77] + "..."

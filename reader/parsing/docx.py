"""Paragraphs of a Word (.docx) file, in body order, with the layout cues Word records.

The zip container is checked before python-docx opens anything (size, zip bombs,
encryption), so a hostile or broken file ends in one clear ``SourceError``.
"""

from __future__ import annotations

import contextlib
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.parsing.model import Block, SourceError

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIPPED = {_W + "del", _W + "moveFrom", _W + "instrText", _W + "delText", _MC + "Fallback"}
_INDENT_SPACES = ("\u3000", "  ")
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_VML = "{urn:schemas-microsoft-com:vml}"
_CELL_GAP = "\u3000\u3000"  # between the cells of a table row read as a line
PICTURE_NOTE = "［图片］"  # where a picture stands in the text


@dataclass(slots=True)
class _Piece:
    """Text of one paragraph up to a line or page break, with per-character cues."""

    chars: list[str] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    sizes: list[float | None] = field(default_factory=list)
    page_break_after: bool = False

    def add(self, text: str, bold: bool, size: float | None) -> None:
        self.chars.append(text)
        self.bold.extend([bold] * len(text))
        self.sizes.extend([size] * len(text))

    @property
    def text(self) -> str:
        return "".join(self.chars)


def extract_docx_blocks(path: Path) -> list[Block]:
    """Read a Word document as one block per paragraph, in body order.

    Table cells and text boxes are read in place. A soft line break inside a paragraph
    (what PDF-to-Word conversions leave at each printed line end) splits it into blocks
    whose ``ends_paragraph`` is False except for the last. A contents list made as a
    TOC field reads ``title<TAB>page``.

    Args:
        path: The .docx file.

    Returns:
        Blocks with bold, size, centered, indented, ends_paragraph, page and
        starts_page cues (pages count explicit page and section breaks only).

    Raises:
        SourceError: The file is not a usable Word document.
    """
    _check_container(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise SourceError("source.docx_not_word_detail", detail=_short(error)) from None
    except zipfile.BadZipFile:
        raise SourceError("source.docx_corrupt") from None
    except Exception as error:  # lxml syntax errors and the like from damaged XML
        raise SourceError("source.docx_damaged", detail=_short(error)) from None
    reader = _Reader(document)
    return reader.read(document.element.body)


def _check_container(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise SourceError("source.cannot_read", detail=error.strerror or str(error)) from None
    if size > MAX_FILE_BYTES:
        raise SourceError("source.docx_too_large")
    if head == _OLE_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in path.read_bytes():
            raise SourceError("source.docx_password")
        raise SourceError("source.docx_is_doc")
    if not zipfile.is_zipfile(path):
        raise SourceError("source.docx_corrupt")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SourceError("source.docx_corrupt") from None
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    bomb = any(
        member.file_size > 1024 * 1024
        and member.file_size > MAX_RATIO * max(member.compress_size, 1)
        for member in members
    )
    ratio = unpacked > 10 * 1024 * 1024 and unpacked > MAX_RATIO * max(packed, 1)
    if unpacked > MAX_UNPACKED_BYTES or bomb or ratio:
        raise SourceError("source.docx_bomb")
    if "word/document.xml" not in {member.filename for member in members}:
        raise SourceError("source.docx_not_word")


class _Reader:
    """Walks the body once, keeping the page count and pending page starts."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.page = 1
        self.pending_page_start = False
        self.blocks: list[Block] = []
        self.default_size = _default_size(document)
        self.numbering = _Numbering(document)

    def read(self, body: Any) -> list[Block]:
        for element in self._body_items(body):
            if element.tag == _W + "tr":
                self._row(element)
            else:
                self._paragraph(element)
        return self.blocks

    def _body_items(self, container: Any) -> Iterator[Any]:
        for child in container.iterchildren():
            tag = child.tag
            if tag == _W + "p":
                yield child
            elif tag == _W + "tbl":
                rows = list(child.iterchildren(_W + "tr"))
                if any(len(list(row.iterchildren(_W + "tc"))) > 1 for row in rows):
                    yield from rows  # a real table: a line per row, its cells set apart
                    continue
                for row in rows:  # a one-column table is a frame around paragraphs
                    for cell in row.iterchildren(_W + "tc"):
                        yield from self._body_items(cell)
            elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins"):
                yield from self._body_items(child)
            elif tag == _W + "sectPr":
                continue

    def _paragraph(self, p: Any) -> None:
        from docx.text.paragraph import Paragraph

        paragraph = Paragraph(p, self.document._body)
        if _page_break_before(paragraph):
            self._break_page()
        for box in p.iter(_W + "txbxContent"):
            if not any(anc.tag == _MC + "Fallback" for anc in box.iterancestors()):
                for inner in self._body_items(box):
                    self._paragraph(inner)
        pieces = [_Piece()]
        label = self.numbering.label(paragraph)
        if label:
            pieces[0].add(label, False, None)
        self._collect(p, paragraph, pieces)
        pieces = _trim_empty_tail(pieces)
        centered = _alignment(paragraph) in ("center", "distribute")
        indent = _first_line_indent(paragraph)
        texts = [piece.text for piece in pieces]
        for number, piece in enumerate(pieces):
            text = texts[number]
            stripped = text.lstrip(" \u3000\t")
            lead = text[: len(text) - len(stripped)]
            is_last = number == len(pieces) - 1
            if stripped.strip() or (is_last and len(pieces) == 1 and not piece.page_break_after):
                visible = [b for b, c in zip(piece.bold, text, strict=False) if not c.isspace()]
                sizes = [s for s, c in zip(piece.sizes, text, strict=False) if not c.isspace()]
                self.blocks.append(
                    Block(
                        text=stripped.rstrip(),
                        page=self.page,
                        size=_majority(sizes) or self.default_size,
                        bold=bool(visible) and sum(visible) * 2 > len(visible),
                        centered=centered,
                        indented=(number == 0 and indent)
                        or any(lead.startswith(s) for s in _INDENT_SPACES),
                        ends_paragraph=is_last,
                        starts_page=self.pending_page_start and bool(stripped),
                    )
                )
                self.pending_page_start = self.pending_page_start and not stripped
            if piece.page_break_after:
                self._break_page()
        section = p.find(f"{_W}pPr/{_W}sectPr")
        if section is not None and _section_starts_page(section):
            self._break_page()

    def _row(self, row: Any) -> None:
        """A table row as one line: the cells' text set apart by wide spaces.

        A contents table (title | page) then reads as contents lines, and a table inside
        an article as rows of cells in its text.
        """
        cells = []
        for cell in row.iterchildren(_W + "tc"):
            paragraphs = [
                "".join(node.text or "" for node in p.iter(_W + "t")).strip()
                for p in cell.iter(_W + "p")
            ]
            cells.append(" ".join(text for text in paragraphs if text))
        text = _CELL_GAP.join(cell for cell in cells if cell)
        if text:
            self.blocks.append(
                Block(
                    text=text,
                    page=self.page,
                    size=self.default_size,
                    bold=False,
                    centered=False,
                    indented=False,
                    ends_paragraph=True,
                    starts_page=self.pending_page_start,
                )
            )
            self.pending_page_start = False

    def _break_page(self) -> None:
        self.page += 1
        self.pending_page_start = True

    def _collect(self, element: Any, paragraph: Any, pieces: list[_Piece]) -> None:
        """Gather run text in document order, skipping deleted text and field codes."""
        from docx.text.run import Run

        for child in element.iterchildren():
            tag = child.tag
            if tag in _SKIPPED or tag in (_W + "pPr", _W + "rPr", _W + "txbxContent"):
                continue
            if tag == _W + "r":
                run = Run(child, paragraph)
                bold = self._run_bold(run, paragraph)
                size = self._run_size(run, paragraph)
                for part in child.iterchildren():
                    self._run_part(part, pieces, bold, size)
            elif tag in (_W + "drawing", _W + "pict"):
                continue

            else:
                self._collect(child, paragraph, pieces)

    def _run_part(self, part: Any, pieces: list[_Piece], bold: bool, size: float | None) -> None:
        tag = part.tag
        if tag == _W + "t":
            pieces[-1].add(part.text or "", bold, size)
        elif tag == _W + "tab":
            pieces[-1].add("\t", bold, size)
        elif tag in (_W + "noBreakHyphen", _W + "softHyphen"):
            pieces[-1].add("-" if tag.endswith("noBreakHyphen") else "", bold, size)
        elif tag == _W + "br":
            kind = part.get(_W + "type")
            if kind == "page":
                pieces[-1].page_break_after = True
                pieces.append(_Piece())
            elif kind != "column":
                pieces.append(_Piece())
        elif tag == _W + "cr":
            pieces.append(_Piece())
        elif tag == _W + "sym":
            char = part.get(_W + "char")
            if char:
                with contextlib.suppress(ValueError):
                    pieces[-1].add(chr(int(char, 16)), bold, size)
        elif tag in (_W + "drawing", _W + "pict"):
            note = _picture_note(part)
            if note:
                pieces[-1].add(note, bold, size)
        elif tag == _MC + "AlternateContent":
            for choice in part.iterchildren(_MC + "Choice"):
                for inner in choice.iterchildren():
                    self._run_part(inner, pieces, bold, size)

    def _run_bold(self, run: Any, paragraph: Any) -> bool:
        if run.bold is not None:
            return bool(run.bold)
        for style in (_safe_style(run), _safe_style(paragraph)):
            value = _style_value(style, lambda s: s.font.bold)
            if value is not None:
                return bool(value)
        return False

    def _run_size(self, run: Any, paragraph: Any) -> float | None:
        if run.font.size is not None:
            return float(run.font.size.pt)
        for style in (_safe_style(run), _safe_style(paragraph)):
            value = _style_value(style, lambda s: s.font.size)
            if value is not None:
                return float(value.pt)
        return self.default_size


def _picture_note(drawing: Any) -> str | None:
    """``［图片］`` (with its description, if the document gives one) for a picture; a shape
    holding a text box is no picture (its text is read as paragraphs)."""
    pictures = [e for e in drawing.iter(_PIC + "pic", _VML + "imagedata")]
    if not pictures:
        return None
    described = next(
        (e.get("descr") or e.get("title") for e in drawing.iter(_WP + "docPr") if e.get("descr")),
        None,
    )
    return f"［图片：{described.strip()}］" if described else PICTURE_NOTE


def _safe_style(item: Any) -> Any:
    try:
        return item.style
    except (KeyError, ValueError, AttributeError):
        return None


def _style_value(style: Any, getter: Any) -> Any:
    seen = 0
    while style is not None and seen < 20:
        try:
            value = getter(style)
        except AttributeError:
            return None
        if value is not None:
            return value
        style = style.base_style
        seen += 1
    return None


def _default_size(document: Any) -> float | None:
    size = document.element.xpath("//w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val")
    if not size:
        try:
            size = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val")
        except (AttributeError, KeyError):
            size = []
    try:
        return int(size[0]) / 2 if size else None
    except ValueError:
        return None


def _alignment(paragraph: Any) -> str | None:
    value = paragraph.alignment
    if value is None:
        value = _style_value(_safe_style(paragraph), lambda s: s.paragraph_format.alignment)
    if value is None:
        return None
    return str(getattr(value, "name", value)).lower()


def _first_line_indent(paragraph: Any) -> bool:
    ind = paragraph._p.find(f"{_W}pPr/{_W}ind")
    if ind is not None:
        chars = ind.get(_W + "firstLineChars")
        if chars is not None and chars.lstrip("-").isdigit():
            return int(chars) > 0
    value = paragraph.paragraph_format.first_line_indent
    if value is None:
        value = _style_value(_safe_style(paragraph), lambda s: s.paragraph_format.first_line_indent)
    return value is not None and value > 0


def _page_break_before(paragraph: Any) -> bool:
    value = paragraph.paragraph_format.page_break_before
    if value is None:
        value = _style_value(_safe_style(paragraph), lambda s: s.paragraph_format.page_break_before)
    return bool(value)


def _section_starts_page(section: Any) -> bool:
    kind = section.find(_W + "type")
    value = kind.get(_W + "val") if kind is not None else "nextPage"
    return value in ("nextPage", "oddPage", "evenPage")


def _trim_empty_tail(pieces: list[_Piece]) -> list[_Piece]:
    """A paragraph ending in a line break has no further line."""
    while len(pieces) > 1 and not pieces[-1].text.strip() and not pieces[-1].page_break_after:
        pieces[-2].page_break_after = pieces[-2].page_break_after or pieces[-1].page_break_after
        pieces.pop()
    return pieces


def _majority(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return Counter(known).most_common(1)[0][0] if known else None


def _short(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 80 else text[:77] + "..."


_CHINESE_DIGITS = "〇一二三四五六七八九"


class _Numbering:
    """The labels of Word's automatic numbering (一、 （1） ①), which are not in the text."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counts: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(_W + "abstractNumId"): a for a in root.iterchildren(_W + "abstractNum")}
        for num in root.iterchildren(_W + "num"):
            link = num.find(_W + "abstractNumId")
            levels = abstract.get(link.get(_W + "val")) if link is not None else None
            for level in levels.iterchildren(_W + "lvl") if levels is not None else ():
                fmt, text, start = (level.find(_W + tag) for tag in ("numFmt", "lvlText", "start"))
                self.levels[num.get(_W + "numId"), int(level.get(_W + "ilvl", "0"))] = (
                    fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(_W + "val", "") if text is not None else "",
                    int(start.get(_W + "val", "1")) if start is not None else 1,
                )

    def label(self, paragraph: Any) -> str:
        """The next label for ``paragraph``'s list level, or "" when it is not numbered."""
        found = _num_pr(paragraph)
        if found is None or (found[0], found[1]) not in self.levels:
            return ""
        num_id, level = found
        counts = self.counts.setdefault(num_id, [0] * 10)
        counts[level] = counts[level] + 1 if counts[level] else self.levels[num_id, level][2]
        counts[level + 1 :] = [0] * (len(counts) - level - 1)
        fmt, text, _ = self.levels[num_id, level]
        if fmt == "bullet":
            return "" if not text or 0xE000 <= ord(text[0]) <= 0xF8FF else text + " "
        for depth in range(level + 1):
            depth_fmt = self.levels.get((num_id, depth), (fmt, "", 1))[0]
            text = text.replace(f"%{depth + 1}", _format_number(counts[depth], depth_fmt))
        return text if not text or ord(text[-1]) > 0x2E80 else text + " "


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    style = _safe_style(paragraph)
    elements = [paragraph._p]
    while style is not None and len(elements) < 20:
        elements.append(style.element)
        style = style.base_style
    for element in elements:
        num = element.find(f"{_W}pPr/{_W}numPr")
        if num is None:
            continue
        num_id, level = num.find(_W + "numId"), num.find(_W + "ilvl")
        if num_id is None:
            continue
        value = num_id.get(_W + "val", "0")
        depth = level.get(_W + "val", "0") if level is not None else "0"
        return (value, int(depth)) if value != "0" and depth.isdigit() else None
    return None


def _format_number(value: int, fmt: str) -> str:
    if fmt.startswith(("chineseCounting", "taiwaneseCounting", "ideographLegal")):
        return _chinese(value)
    if fmt == "ideographDigital":
        return "".join(_CHINESE_DIGITS[int(d)] for d in str(value))
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(value - 1) % 10]
    if fmt.startswith("decimalEnclosedCircle") and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if fmt.startswith("decimalFullWidth"):
        return "".join(chr(0xFF10 + int(d)) for d in str(value))
    if fmt == "decimalZero":
        return f"{value:02d}"
    return "" if fmt == "none" else str(value)


def _chinese(value: int) -> str:
    """一 … 十 … 九十九 (bulletins never count further)."""
    if not 0 < value < 100:
        return str(value)
    tens, units = divmod(value, 10)
    head = ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" if tens else ""
    return head + (_CHINESE_DIGITS[units] if units else "")

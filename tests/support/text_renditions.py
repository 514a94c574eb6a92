"""Other renditions of a bulletin's text: encodings, line ends, re-wrapped lines, layout blocks.

Each rendition carries the same words as the original, so the parser must give exactly the
same issue for it. The helpers read the original's layout with their own small rules (not
the parser's), so a test compares two independent readings.
"""

from __future__ import annotations

import codecs
import unicodedata

from reader.parsing.model import Block, ParsedIssue
from tests.support.layout_text import contents_entry, printed_lines

_MARKERS = "★☆●○◆◇■□▲△►▶"


def gb18030_crlf(text: str) -> bytes:
    """The text in GB18030 with Windows line ends."""
    return text.replace("\n", "\r\n").encode("gb18030")


def utf16(text: str, *, big_endian: bool = False, bom: bool = True) -> bytes:
    """The text in UTF-16, little- or big-endian, with or without a BOM."""
    codec = "utf-16-be" if big_endian else "utf-16-le"
    mark = (codecs.BOM_UTF16_BE if big_endian else codecs.BOM_UTF16_LE) if bom else b""
    return mark + text.encode(codec)


def utf8_bom(text: str) -> bytes:
    """The text in UTF-8 with a byte order mark."""
    return codecs.BOM_UTF8 + text.encode("utf-8")


def _join(first: str, second: str) -> str:
    if first and second and _word(first[-1]) and _word(second[0]):
        return f"{first} {second}"
    return first + second


def _word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def source_units(text: str) -> list[list[str]]:
    """The original's printed lines, grouped as the original groups them.

    One-paragraph-per-line text: groups of adjacent non-blank lines (blank lines between
    groups). 003-style text (a blank after every line, a trailing space at a paragraph's
    end): each paragraph, its lines joined, is a group of one.
    """
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    trailing = sum(1 for line in filled if line.endswith(" "))
    if filled and trailing * 10 >= len(filled):
        units: list[list[str]] = []
        current = ""
        for line in filled:
            current = _join(current, line.strip())
            if line.endswith(" "):
                units.append([current])
                current = ""
        if current:
            units.append([current])
        return units
    groups: list[list[str]] = []
    group: list[str] = []
    for line in lines:
        if line.strip():
            group.append(line.strip())
        elif group:
            groups.append(group)
            group = []
    if group:
        groups.append(group)
    return groups


def _good_cut(line: str, cut: int) -> bool:
    before, after = line[cut - 1], line[cut]
    if before.isspace() or after.isspace() or (_word(before) and _word(after)):
        return False
    rest = line[cut:]
    return not (rest[0] in _MARKERS or rest.startswith("- "))


def _cells(char: str) -> int:
    return 1 if char.isascii() or unicodedata.east_asian_width(char) in "NaH" else 2


def cells(text: str) -> int:
    """Width of ``text`` in half-character cells (a Chinese character is two)."""
    return sum(_cells(char) for char in text)


def wrap_line(line: str, width: int, first_width: int | None = None) -> list[str]:
    """Cut ``line`` into lines about ``width`` Chinese characters wide, as a typesetter
    would: digits and Latin letters take half a character, so such lines hold more.

    A line is never cut at a space or inside a Latin word, so joining the pieces gives
    the line back; when that would leave a line much too short, it runs a little long.
    """
    pieces: list[str] = []
    rest = line
    limit = 2 * (first_width or width)
    while rest:
        filled = 0
        fits = 0
        while fits < len(rest) and filled + _cells(rest[fits]) <= limit:
            filled += _cells(rest[fits])
            fits += 1
        if fits >= len(rest):
            pieces.append(rest)
            break
        cut = fits
        while cut > 1 and not _good_cut(rest, cut):
            cut -= 1
        if cut <= 1 or cells(rest[:cut]) < 0.8 * limit:
            forward = fits
            while forward < len(rest) and not _good_cut(rest, forward):
                forward += 1
            if forward < len(rest) or cut <= 1:
                cut = forward
        pieces.append(rest[:cut])
        rest = rest[cut:]
        limit = 2 * width
    return pieces


def rewrap_blank_between(text: str, width: int) -> str:
    """Hard-wrapped at ``width`` characters, blank lines only between paragraphs."""
    out: list[str] = []
    for group in source_units(text):
        if out:
            out.append("")
        for line in group:
            out.extend(wrap_line(line, width))
    return "\n".join(out)


def rewrap_pdf_style(text: str, width: int, page_lines: int = 23, *, first_indent: int = 2) -> str:
    """003-style: a blank line after every line, a trailing space on each paragraph's
    last line, first lines ``first_indent`` characters shorter, a leading space after
    each page break."""
    out: list[str] = []
    count = 0
    for group in source_units(text):
        for line in group:
            pieces = wrap_line(line, width, first_width=max(4, width - first_indent))
            for number, piece in enumerate(pieces):
                count += 1
                lead = " " if count % page_lines == 0 else ""
                tail = " " if number == len(pieces) - 1 else ""
                out.append(lead + piece + tail)
                out.append("")
    return "\n".join(out)


def docx_like_blocks(
    issue: ParsedIssue, title_width: int = 16, *, toc_tabs: bool = False
) -> list[Block]:
    """The issue as a Word file would give it: one block per paragraph, titles bold and
    centered in larger type, long titles broken over two paragraphs; with ``toc_tabs`` the
    contents read like Word's contents field."""
    blocks: list[Block] = []
    for line in printed_lines(issue):
        kind, text = line.kind, line.text
        if kind == "title":
            parts = wrap_line(text, title_width) if len(text) > title_width + 4 else [text]
            if len(parts) > 2:
                parts = [parts[0], "".join(parts[1:])]
            for part in parts:
                blocks.append(Block(part, 1, 16.0, True, True, False, True))
        elif kind in ("masthead", "date", "org"):
            size = 26.0 if kind == "masthead" else 14.0
            blocks.append(Block(text, 1, size, kind == "masthead", True, False, True))
        elif kind == "toc" and toc_tabs:
            # Word's contents field: "title<TAB>page", no entry marks.
            page = "" if line.page is None else line.page
            blocks.append(Block(f"{text}\t{page}", 1, 12.0, False, False, False, True))
        elif kind == "toc":
            blocks.append(Block(contents_entry(line, "……"), 1, 12.0, False, False, False, True))
        else:
            blocks.append(Block(text, 1, 12.0, False, False, kind == "body", True))
    return blocks


def pdf_like_blocks(issue: ParsedIssue, width: int = 30, page_lines: int = 35) -> list[Block]:
    """The issue as the PDF reader would give it: one block per typeset line, first lines
    indented, titles bold and centered, pages breaking every ``page_lines`` lines."""
    blocks: list[Block] = []
    count = 0
    for line in printed_lines(issue):
        kind = line.kind
        text = contents_entry(line, "……") if kind == "toc" else line.text
        styled = kind in ("masthead", "date", "org", "title")
        line_width = 20 if kind == "title" else width
        pieces = wrap_line(text, line_width, first_width=line_width - 2 if kind == "body" else None)
        for number, piece in enumerate(pieces):
            page = count // page_lines + 1
            blocks.append(
                Block(
                    text=piece,
                    page=page,
                    size=16.0 if kind == "title" else (22.0 if kind == "masthead" else 12.0),
                    bold=kind in ("title", "masthead"),
                    centered=styled,
                    indented=kind == "body" and number == 0,
                    starts_page=count % page_lines == 0,
                )
            )
            count += 1
    return blocks

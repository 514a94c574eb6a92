"""OFD files (GB/T 33190): the text objects of each page, with the layout cues of a PDF.

An OFD is a zip of XML parts: ``OFD.xml`` names the document, whose ``Document.xml``
lists the pages; each page's ``Content.xml`` holds ``TextObject``s placed in millimetres
(origin top left) with ``TextCode`` runs whose ``DeltaX`` gives each glyph's advance.
Glyphs are turned into the PDF reader's glyphs (points, origin bottom left) so that lines,
page furniture and cues (size, bold, centred, indented, paragraph ends) are settled by
the very rules that read PDFs. Page templates (where producers put running headers) are
not read. Every part is read with a size limit: a zip bomb is refused, not unpacked.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.parsing.model import Block, SourceError
from reader.parsing.normalize import is_wide

# The PDF reader's line grouping, page furniture and cue rules serve OFD pages as they are.
from reader.parsing.pdf import _drop_page_furniture, _Glyph, _group_lines, _Line, _to_blocks

OFD_NS = "http://www.ofdspec.org/2016"
MAX_PART_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, beyond which a part is taken for a bomb
MAX_PAGES = 2000
_MM_TO_PT = 72 / 25.4
_DEFAULT_BOX = (0.0, 0.0, 210.0, 297.0)
_BOLD_FONT = re.compile(r"bold|black|heavy|hei|黑|biaosong|小标宋", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Font:
    bold: bool


def extract_ofd_blocks(path: Path) -> list[Block]:
    """Read an OFD's text in page order as one block per typeset line.

    Args:
        path: the ``.ofd`` file.

    Returns:
        Blocks with page, size, bold, centred, indented and paragraph-end cues; running
        headers, footers and page numbers are removed as in PDFs.

    Raises:
        SourceError: not an OFD, damaged, encrypted, oversized, or without text.
    """
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise SourceError("source.ofd_not_ofd") from None
    except OSError as error:
        raise SourceError("source.cannot_read", detail=error.strerror or str(error)) from None
    with archive:
        reader = _Parts(archive)
        pages = [_group_lines(glyphs, number, height) for number, glyphs, height in reader.pages()]
    lines: list[_Line] = [line for page in pages for line in page]
    if not any(line.text.strip() for line in lines):
        raise SourceError("source.ofd_no_text")
    return _to_blocks(_drop_page_furniture(pages))


class _Parts:
    """The XML parts of one OFD package, read with size limits."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = {info.filename.lstrip("/"): info for info in archive.infolist()}
        total = sum(info.file_size for info in archive.infolist())
        if total > MAX_TOTAL_BYTES:
            raise SourceError("source.ofd_bomb")
        if "OFD.xml" not in self.names:
            raise SourceError("source.ofd_not_ofd")
        if any(name.lower().endswith("encryptions.xml") for name in self.names):
            raise SourceError("source.ofd_encrypted")

    def xml(self, name: str) -> Any:
        from lxml import etree

        info = self.names.get(name.lstrip("/"))
        if info is None:
            raise SourceError("source.ofd_damaged", detail=f"{name} missing")
        if info.flag_bits & 0x1:
            raise SourceError("source.ofd_encrypted")
        if info.file_size > MAX_PART_BYTES or (
            info.compress_size and info.file_size > MAX_RATIO * max(info.compress_size, 1024)
        ):
            raise SourceError("source.ofd_bomb")
        try:
            with self.archive.open(info) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise SourceError("source.ofd_damaged", detail=str(error)[:80]) from None
        if len(data) > MAX_PART_BYTES:
            raise SourceError("source.ofd_bomb")
        try:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
            return etree.fromstring(data, parser)
        except etree.XMLSyntaxError as error:
            raise SourceError("source.ofd_damaged", detail=f"{name}: {error}"[:80]) from None

    def pages(self) -> Iterator[tuple[int, list[_Glyph], float]]:
        """Each page's number, glyphs (in points, PDF orientation) and height."""
        root = self.xml("OFD.xml")
        doc_root = _first_text(root, "DocBody/DocRoot")
        if not doc_root:
            raise SourceError("source.ofd_damaged", detail="OFD.xml names no document")
        doc_path = doc_root.lstrip("/")
        document = self.xml(doc_path)
        base = posixpath.dirname(doc_path)
        box = _box(_first_text(document, "CommonData/PageArea/PhysicalBox")) or _DEFAULT_BOX
        fonts = self._fonts(document, base)
        entries = document.findall(_path("Pages/Page"))
        if len(entries) > MAX_PAGES:
            raise SourceError("source.ofd_too_many_pages", pages=len(entries))
        for number, entry in enumerate(entries, start=1):
            location = posixpath.normpath(posixpath.join(base, entry.get("BaseLoc", "")))
            page = self.xml(location)
            page_box = _box(_first_text(page, "Area/PhysicalBox")) or box
            height = page_box[3] * _MM_TO_PT
            yield number, list(_page_glyphs(page, fonts, height)), height

    def _fonts(self, document: Any, base: str) -> dict[str, _Font]:
        fonts: dict[str, _Font] = {}
        common = document.find(_path("CommonData"))
        if common is None:
            return fonts
        for tag in ("PublicRes", "DocumentRes"):
            for res in common.findall(_path(tag)):
                location = posixpath.normpath(posixpath.join(base, (res.text or "").strip()))
                if location.lstrip("/") not in self.names:
                    continue
                for font in self.xml(location).iter(f"{{{OFD_NS}}}Font"):
                    name = f"{font.get('FontName', '')} {font.get('FamilyName', '')}"
                    bold = font.get("Bold") == "true" or bool(_BOLD_FONT.search(name))
                    fonts[font.get("ID", "")] = _Font(bold)
        return fonts


def _path(steps: str) -> str:
    return "/".join(f"{{{OFD_NS}}}{step}" for step in steps.split("/"))


def _first_text(element: Any, steps: str) -> str | None:
    found = element.find(_path(steps))
    return found.text.strip() if found is not None and found.text else None


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    numbers = _numbers(text or "")
    return (numbers[0], numbers[1], numbers[2], numbers[3]) if len(numbers) == 4 else None


def _numbers(text: str) -> list[float]:
    try:
        return [float(value) for value in text.split()]
    except ValueError:
        return []


def _deltas(text: str | None, count: int) -> list[float]:
    """``DeltaX``/``DeltaY`` with the ``g N value`` repetition written out."""
    values: list[float] = []
    tokens = (text or "").split()
    index = 0
    try:
        while index < len(tokens) and len(values) < count:
            if tokens[index] == "g" and index + 2 < len(tokens):
                values += [float(tokens[index + 2])] * int(tokens[index + 1])
                index += 3
            else:
                values.append(float(tokens[index]))
                index += 1
    except ValueError:
        return []
    return values[:count]


def _page_glyphs(page: Any, fonts: dict[str, _Font], height: float) -> Iterator[_Glyph]:
    for text_object in page.iter(f"{{{OFD_NS}}}TextObject"):
        boundary = _box(text_object.get("Boundary")) or (0.0, 0.0, 0.0, 0.0)
        size_mm = float(text_object.get("Size", "0") or 0)
        if size_mm <= 0:
            continue
        font = fonts.get(text_object.get("Font", ""), _Font(False))
        bold = font.bold or int(float(text_object.get("Weight", "400") or 400)) >= 600
        x_run, y_run = 0.0, 0.0
        for code in text_object.findall(_path("TextCode")):
            text = code.text or ""
            x_run = float(code.get("X", x_run) or 0)
            y_run = float(code.get("Y", y_run) or 0)
            advances = _deltas(code.get("DeltaX"), max(len(text) - 1, 0))
            rises = _deltas(code.get("DeltaY"), max(len(text) - 1, 0))
            x, y = boundary[0] + x_run, boundary[1] + y_run
            for index, char in enumerate(text):
                width = size_mm if is_wide(char) else 0.5 * size_mm
                if index < len(advances):
                    # The advance is the glyph's own width (quotes “” are set full width in
                    # Chinese fonts) up to one em; what lies beyond is a gap, maybe a space.
                    width = min(max(advances[index], 0.0), size_mm)
                yield _glyph(char, x, y, width, size_mm, bold, height)
                x += advances[index] if index < len(advances) else width
                y += rises[index] if index < len(rises) else 0.0


def _glyph(
    char: str, x: float, baseline: float, width: float, size: float, bold: bool, height: float
) -> _Glyph:
    """A glyph in PDF terms: points, y upwards, box from descent to ascent like pdfminer's."""
    bottom = height - (baseline + 0.12 * size) * _MM_TO_PT
    return _Glyph(
        text=char,
        x0=x * _MM_TO_PT,
        x1=(x + width) * _MM_TO_PT,
        y0=bottom,
        y1=bottom + size * _MM_TO_PT,
        size=size * _MM_TO_PT,
        bold=bold,
    )

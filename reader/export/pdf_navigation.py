"""What Qt's PDF writer cannot say: an outline, links inside the file, the document language.

Added to the written PDF as an incremental update (new objects and a new cross-reference
section after the old ones), which every PDF reader applies; Qt's own objects are left as
they are. Plain Python: pdfminer finds the page objects, the rest is PDF syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import cast


@dataclass(frozen=True, slots=True)
class Target:
    """A place in the document: a page (0-based) and a height from its top, in points."""

    page: int
    top: float


@dataclass(frozen=True, slots=True)
class Link:
    """A clickable area on a page (points from the top-left corner) that jumps to target."""

    page: int
    rect: tuple[float, float, float, float]  # left, top, right, bottom
    target: Target


def _text_string(text: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte-order mark (any script, no escaping)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _object_body(data: bytes, number: int) -> bytes:
    match = re.search(rb"(?m)^%d 0 obj\s*(.*?)\s*endobj" % number, data, re.DOTALL)
    if match is None:
        raise ValueError(f"object {number} not found")
    return match.group(1)


def _with_entries(dictionary: bytes, entries: bytes) -> bytes:
    end = dictionary.rstrip().rfind(b">>")
    return dictionary[:end] + entries + b"\n>>"


def add_navigation(
    path: Path,
    outline: list[tuple[str, Target]],
    links: list[Link],
    language: str,
    page_height: float,
) -> None:
    """Add an outline (bookmarks), internal links and the catalog's /Lang to ``path``."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    data = path.read_bytes()
    with path.open("rb") as handle:
        document = PDFDocument(PDFParser(handle))
        pages = [page for page in PDFPage.create_pages(document)]
        page_ids = [cast(int, page.pageid) for page in pages]
        annots = [page.attrs.get("Annots") for page in pages]
        trailer = document.xrefs[-1].get_trailer()
    root = cast(int, trailer["Root"].objid)
    size = int(trailer["Size"])
    previous = int(re.findall(rb"startxref\s+(\d+)", data)[-1])

    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}

    def write(number: int, body: bytes) -> None:
        offsets[number] = len(out)
        out.extend(b"%d 0 obj\n" % number + body + b"\nendobj\n")

    def new_number() -> int:
        nonlocal size
        size += 1
        return size - 1

    def destination(target: Target) -> bytes:
        top = page_height - target.top
        return b"[%d 0 R /XYZ 0 %.2f 0]" % (page_ids[target.page], top)

    # Links, per page, appended to the page's annotation array.
    by_page: dict[int, list[int]] = {}
    for link in links:
        number = new_number()
        left, top, right, bottom = link.rect
        write(
            number,
            b"<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect [%.2f %.2f %.2f %.2f]"
            b" /Dest %s >>"
            % (left, page_height - bottom, right, page_height - top, destination(link.target)),
        )
        by_page.setdefault(link.page, []).append(number)
    for page, numbers in by_page.items():
        refs = b" ".join(b"%d 0 R" % n for n in numbers)
        existing = annots[page]
        array_id = getattr(existing, "objid", None)
        if isinstance(array_id, int):
            array = _object_body(data, array_id).strip()
            write(array_id, array[:-1] + b" " + refs + b"]")
        else:
            body = _object_body(data, page_ids[page])
            write(page_ids[page], _with_entries(body, b"\n/Annots [" + refs + b"]"))

    entries = b"\n/Lang " + _text_string(language)
    if outline:
        top_number = new_number()
        items = [new_number() for _ in outline]
        for index, ((title, target), number) in enumerate(zip(outline, items, strict=True)):
            links_to = b""
            if index:
                links_to += b" /Prev %d 0 R" % items[index - 1]
            if index + 1 < len(items):
                links_to += b" /Next %d 0 R" % items[index + 1]
            write(
                number,
                b"<< /Title %s /Parent %d 0 R%s /Dest %s >>"
                % (_text_string(title), top_number, links_to, destination(target)),
            )
        write(
            top_number,
            b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
            % (items[0], items[-1], len(items)),
        )
        entries += b"\n/Outlines %d 0 R\n/PageMode /UseOutlines" % top_number
    write(root, _with_entries(_object_body(data, root), entries))

    xref = len(out)
    out.extend(b"xref\n0 1\n0000000000 65535 f \n")
    for number in sorted(offsets):
        out.extend(b"%d 1\n%010d 00000 n \n" % (number, offsets[number]))
    info = trailer.get("Info")
    out.extend(
        b"trailer\n<< /Size %d /Root %d 0 R%s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
        % (size, root, b" /Info %d 0 R" % info.objid if info is not None else b"", previous, xref)
    )
    path.write_bytes(bytes(out))

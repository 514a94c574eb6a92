"""Bounds on what a PDF's streams may inflate to, checked before pdfminer decodes them.

pdfminer inflates a stream whole, in memory: a 2 MB file whose content stream is deflated
zeros (or deflated twice) becomes gigabytes. Every stream pdfminer may decode (page content,
form XObjects, fonts, CMaps) is therefore measured first by inflating it in small pieces
and throwing the output away, stopping as soon as a bound is passed; the file is then
refused with its reason. Image streams are left out: text extraction never decodes them.

A stream within the bounds can still hold millions of drawing operations, each of which
pdfminer keeps as an object: :func:`bounded_page_aggregator` counts the glyphs, paths and
images a page draws (and the document in all) and stops at a bound, so memory stays a
few hundred megabytes whatever the file.
"""

from __future__ import annotations

import io
import zlib
from typing import Any

from reader.parsing.model import SourceError

# Page text of a real bulletin inflates to well under 1 MB a page; fonts to a few MB.
MAX_STREAM_BYTES = 64 * 2**20
MAX_DOCUMENT_BYTES = 256 * 2**20
# A dense bulletin page has about 2,000 glyphs; every object pdfminer builds costs ~1 KB
# and ~0.1 ms, so these bounds also keep a hostile file to a few seconds.
MAX_PAGE_OBJECTS = 20_000
MAX_DOCUMENT_OBJECTS = 1_000_000
_PIECE = 1 << 20


class _TooLarge(Exception):
    pass


def check_stream_bounds(document: Any) -> None:
    """Refuse a PDF (a pdfminer ``PDFDocument``) whose streams would inflate past the bounds.

    Raises:
        SourceError: one stream inflates past :data:`MAX_STREAM_BYTES`, or all of them
            together past :data:`MAX_DOCUMENT_BYTES`.
    """
    from pdfminer.pdftypes import PDFStream

    total = 0
    for objid in _object_ids(document):
        try:
            obj = document.getobj(objid)
        except Exception:  # a broken object: pdfminer reports it, if it is ever used
            continue
        if not isinstance(obj, PDFStream) or _is_image(obj):
            continue
        try:
            total += _inflated_size(obj, min(MAX_STREAM_BYTES, MAX_DOCUMENT_BYTES - total))
        except _TooLarge:
            raise SourceError(
                "source.pdf_bomb",
                stream_mb=MAX_STREAM_BYTES >> 20,
                total_mb=MAX_DOCUMENT_BYTES >> 20,
            ) from None
        except Exception:  # undecodable here: pdfminer will say so if it matters
            continue


def bounded_page_aggregator(manager: Any) -> Any:
    """A pdfminer ``PDFPageAggregator`` that refuses a page (or a document) drawing too much.

    Raises (from ``process_page``):
        SourceError: a page draws more than :data:`MAX_PAGE_OBJECTS` glyphs, paths and
            images, or the document more than :data:`MAX_DOCUMENT_OBJECTS`.
    """
    from pdfminer.converter import PDFPageAggregator

    class BoundedPageAggregator(PDFPageAggregator):
        page_objects = 0
        document_objects = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            self.page_objects = 0
            super().begin_page(page, ctm)

        def _count(self) -> None:
            self.page_objects += 1
            self.document_objects += 1
            if self.page_objects > MAX_PAGE_OBJECTS:
                raise SourceError("source.pdf_page_too_busy", limit=MAX_PAGE_OBJECTS)
            if self.document_objects > MAX_DOCUMENT_OBJECTS:
                raise SourceError("source.pdf_too_busy", limit=MAX_DOCUMENT_OBJECTS)

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self._count()
            return float(super().render_char(*args, **kwargs))

        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            self._count()
            super().paint_path(*args, **kwargs)

        def render_image(self, *args: Any, **kwargs: Any) -> None:
            self._count()
            super().render_image(*args, **kwargs)

    return BoundedPageAggregator(manager, laparams=None)


def _object_ids(document: Any) -> list[int]:
    ids: set[int] = set()
    for xref in document.xrefs:
        try:
            ids.update(xref.get_objids())
        except Exception:
            continue
    return sorted(ids)


def _is_image(stream: Any) -> bool:
    subtype = stream.attrs.get("Subtype")
    return getattr(subtype, "name", None) == "Image"


def _inflated_size(stream: Any, limit: int) -> int:
    """How large ``stream`` decodes to, or :class:`_TooLarge` once past ``limit``."""
    data: bytes = stream.rawdata if stream.rawdata is not None else (stream.data or b"")
    if stream.rawdata is None:
        return _checked(len(data), limit)
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    filters = stream.get_filters()
    for index, (name, _params) in enumerate(filters):
        last = index == len(filters) - 1
        decoded = _decode_bounded(getattr(name, "name", str(name)), data, limit, keep=not last)
        if decoded is None:  # a filter pdfminer does not decode here (images, crypt)
            return _checked(len(data), limit)
        if isinstance(decoded, int):
            return decoded
        data = decoded
    return _checked(len(data), limit)


def _checked(size: int, limit: int) -> int:
    if size > limit:
        raise _TooLarge
    return size


def _decode_bounded(name: str, data: bytes, limit: int, keep: bool) -> bytes | int | None:
    """One filter's output (or only its size when not ``keep``), bounded by ``limit``."""
    if name in ("FlateDecode", "Fl"):
        return _inflate(data, limit, keep)
    if name in ("LZWDecode", "LZW"):
        return _unlzw(data, limit, keep)
    if name in ("RunLengthDecode", "RL"):
        return _unrunlength(data, limit, keep)
    if name in ("ASCIIHexDecode", "AHx", "ASCII85Decode", "A85"):
        return data if keep else len(data)  # never larger than its input
    return None


def _inflate(data: bytes, limit: int, keep: bool) -> bytes | int:
    inflater = zlib.decompressobj()
    pieces: list[bytes] = []
    size = 0
    pending = data
    try:
        while pending and not inflater.eof:
            piece = inflater.decompress(pending, _PIECE)
            size = _checked(size + len(piece), limit)
            if keep:
                pieces.append(piece)
            pending = inflater.unconsumed_tail
            if not piece and not pending:
                break
    except zlib.error:
        pass  # pdfminer keeps what inflated before the damage: that much is counted
    return b"".join(pieces) if keep else size


def _unrunlength(data: bytes, limit: int, keep: bool) -> bytes | int:
    out = bytearray()
    size, index = 0, 0
    while index < len(data):
        length = data[index]
        if length == 128:  # end of data
            break
        if length < 128:
            piece = data[index + 1 : index + 2 + length]
            index += length + 2
        else:
            piece = data[index + 1 : index + 2] * (257 - length)
            index += 2
        size = _checked(size + len(piece), limit)
        if keep:
            out += piece
    return bytes(out) if keep else size


def _unlzw(data: bytes, limit: int, keep: bool) -> bytes | int:
    from pdfminer.lzw import LZWDecoder

    pieces: list[bytes] = []
    size = 0
    try:
        for piece in LZWDecoder(io.BytesIO(data)).run():
            size = _checked(size + len(piece), limit)
            if keep:
                pieces.append(piece)
    except _TooLarge:
        raise
    except Exception:
        pass
    return b"".join(pieces) if keep else size

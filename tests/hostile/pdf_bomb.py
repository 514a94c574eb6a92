"""PDF decompression bombs: a small file whose streams inflate to gigabytes."""

from __future__ import annotations

import zlib
from pathlib import Path

_CHUNK = b" " * (1 << 20)


def _deflated_spaces(size: int) -> bytes:
    """A zlib stream of ``size`` spaces (a whole number of MB), made in milliseconds.

    After a full flush the compressor starts afresh, so every megabyte compresses to the
    same bytes: one piece is repeated and the checksum computed separately.
    """
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = raw.compress(_CHUNK) + raw.flush(zlib.Z_FULL_FLUSH)
    end = raw.flush(zlib.Z_FINISH)
    count = size // len(_CHUNK)
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(_CHUNK, checksum)
    return b"\x78\xda" + piece * count + end + checksum.to_bytes(4, "big")


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, filters: str, extra: bytes = b"") -> bytes:
    return (
        b"<< /Length %d /Filter %s %s>>\nstream\n" % (len(data), filters.encode(), extra)
        + data
        + b"\nendstream"
    )


def write_pdf_bomb(path: Path, inflated_mb: int = 2048, where: str = "page") -> Path:
    """A one-page PDF whose content inflates to ``inflated_mb`` megabytes.

    ``where``: ``"page"`` (the page's own content stream), ``"double"`` (the content
    deflated twice, so the file stays tiny), ``"form"`` (a form XObject the page draws)
    or ``"busy"`` (about ``inflated_mb`` MB of text operators: a million glyphs per 7 MB).
    """
    size = inflated_mb << 20
    extra_objects: list[bytes]
    text = b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    if where == "busy":  # within the stream bounds, but millions of glyphs to build
        ops = b"BT /F1 1 Tf " + b"(x) Tj " * (inflated_mb * 150_000) + b"ET\n"
        content = _stream(zlib.compress(ops, 9), "/FlateDecode")
        extra_objects = []
        resources = b"<< /Font << /F1 5 0 R >> >>"
    elif where == "double":
        content = _stream(zlib.compress(_deflated_spaces(size), 9), "[/FlateDecode /FlateDecode]")
        extra_objects = []
        resources = b"<< /Font << /F1 5 0 R >> >>"
    elif where == "form":
        content = _stream(zlib.compress(b"/Fm1 Do\n" + text), "/FlateDecode")
        form = _stream(
            _deflated_spaces(size),
            "/FlateDecode",
            b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] ",
        )
        extra_objects = [form]
        resources = b"<< /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >>"
    else:
        content = _stream(_deflated_spaces(size), "/FlateDecode")
        extra_objects = []
        resources = b"<< /Font << /F1 5 0 R >> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources "
        + resources
        + b" >>",
        content,
        font,
        *extra_objects,
    ]
    path.write_bytes(_pdf(objects))
    return path

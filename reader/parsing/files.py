"""A bulletin file on disk to a parsed issue: pick the reader by suffix, check the content."""

from __future__ import annotations

from pathlib import Path

from reader.parsing.bulletin import parse_blocks
from reader.parsing.decode import decode_text
from reader.parsing.formats import (
    DOCX_SUFFIXES,
    HTML_SUFFIXES,
    IMAGE_SUFFIXES,
    LEGACY_WORD_SUFFIXES,
    MHT_SUFFIXES,
    OFD_SUFFIXES,
    PDF_SUFFIXES,
    TEXT_SUFFIXES,
    unsupported_type,
)
from reader.parsing.model import ParsedIssue, SourceError
from reader.parsing.ocr import OcrResult
from reader.parsing.reflow import text_blocks

MAX_TEXT_BYTES = 50 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
# Signatures of files that are never text, whatever their name says.
_BINARY_MAGIC = {
    b"%PDF": "source.text_is_pdf",
    _ZIP_MAGIC: "source.text_is_zip",
    b"\xd0\xcf\x11\xe0": "source.text_is_doc",
    b"\x89PNG": "source.text_is_png",
    b"\xff\xd8\xff": "source.text_is_jpeg",
    b"GIF8": "source.text_is_gif",
    b"{\\rtf": "source.text_is_rtf",
}


def parse_file(path: Path) -> tuple[str, ParsedIssue]:
    """Read and parse one bulletin file.

    The reader is chosen by suffix (``.txt``/``.text``, ``.pdf``, ``.docx``, ``.doc``/
    ``.wps`` through LibreOffice, ``.ofd``, ``.html``/``.htm``, ``.mht``/``.mhtml``, page
    images by OCR) and the content is checked against it, so a PDF named ``.txt`` is
    refused with a clear reason. A PDF without a text layer is read by OCR.

    Args:
        path: the file.

    Returns:
        ``(format, issue)`` with format ``"txt"``, ``"pdf"``, ``"docx"``, ``"doc"``,
        ``"wps"``, ``"html"``, ``"mht"``, ``"ofd"`` or ``"image"``.

    Raises:
        SourceError: a one-line reason the file cannot be imported.
    """
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "txt", parse_blocks(text_blocks(decode_text(_read_text_bytes(path))))
    if suffix in PDF_SUFFIXES:
        if b"%PDF" not in _head(path, 1024):
            raise SourceError("source.not_pdf")
        from reader.parsing.pdf import extract_pdf_blocks

        try:
            return "pdf", parse_blocks(extract_pdf_blocks(path))
        except SourceError as error:
            if error.message.code != "source.pdf_no_text_layer":
                raise
        # A scan: only a PDF without any text layer is read by OCR.
        from reader.parsing.ocr import ocr_pdf

        return "pdf", _parse_ocr(ocr_pdf(path))
    if suffix in IMAGE_SUFFIXES:
        from reader.parsing.ocr import ocr_image

        return "image", _parse_ocr(ocr_image(path))
    if suffix in DOCX_SUFFIXES:
        # An OLE file is an old .doc or a password-protected DOCX: the extractor says which.
        if not _head(path, 4).startswith((_ZIP_MAGIC, _OLE_MAGIC)):
            raise SourceError("source.not_docx")
        from reader.parsing.docx import extract_docx_blocks

        return "docx", parse_blocks(extract_docx_blocks(path))
    if suffix in LEGACY_WORD_SUFFIXES:
        from reader.parsing.legacy_word import extract_legacy_word_blocks

        return suffix.lstrip("."), parse_blocks(extract_legacy_word_blocks(path))
    if suffix in OFD_SUFFIXES:
        from reader.parsing.ofd import extract_ofd_blocks

        return "ofd", parse_blocks(extract_ofd_blocks(path))
    if suffix in HTML_SUFFIXES or suffix in MHT_SUFFIXES:
        from reader.parsing.html import extract_html_blocks

        fmt = "mht" if suffix in MHT_SUFFIXES else "html"
        return fmt, parse_blocks(extract_html_blocks(path))
    raise unsupported_type(suffix)


def _parse_ocr(result: OcrResult) -> ParsedIssue:
    issue = parse_blocks(result.blocks)
    issue.page_confidence = result.confidence
    return issue


def _head(path: Path, size: int) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(size)
    except OSError as error:
        raise SourceError("source.cannot_read", detail=error.strerror or str(error)) from error


def _read_text_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise SourceError("source.text_too_large")
        data = path.read_bytes()
    except OSError as error:
        raise SourceError("source.cannot_read", detail=error.strerror or str(error)) from error
    for magic, code in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise SourceError(code)
    return data

"""The file types the archive imports, by suffix: the one list readers and faces share."""

from __future__ import annotations

from reader.messages import message
from reader.parsing.model import SourceError

TEXT_SUFFIXES = frozenset({".txt", ".text"})
PDF_SUFFIXES = frozenset({".pdf"})
DOCX_SUFFIXES = frozenset({".docx"})
LEGACY_WORD_SUFFIXES = frozenset({".doc", ".wps", ".dot", ".wpt"})  # through LibreOffice
OFD_SUFFIXES = frozenset({".ofd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MHT_SUFFIXES = frozenset({".mht", ".mhtml"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"})  # by OCR

SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES
    | PDF_SUFFIXES
    | DOCX_SUFFIXES
    | LEGACY_WORD_SUFFIXES
    | OFD_SUFFIXES
    | HTML_SUFFIXES
    | MHT_SUFFIXES
    | IMAGE_SUFFIXES
)
SUPPORTED_FORMATS = "PDF, OFD, DOCX, DOC, WPS, TXT, HTML, MHT, PNG, JPEG, TIFF"


def unsupported_type(suffix: str) -> SourceError:
    """The refusal of a file whose suffix no reader takes, naming the ones that are."""
    shown = suffix or message("source.no_suffix")
    return SourceError("source.unsupported_type", suffix=shown, formats=SUPPORTED_FORMATS)

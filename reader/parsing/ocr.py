"""Scanned bulletins: image-only PDFs and page images (PNG/JPEG/TIFF), read by offline OCR.

RapidOCR (its models ship inside the ``rapidocr`` wheel; onnxruntime runs them) finds and
reads each text line. A page is rendered (PDF, by PDFium) or opened (images), recognised,
and released before the next one, so a 300-page scan holds one page's image at a time.
Each recognised line becomes glyphs like a PDF's text layer, so lines, running headers,
page numbers and paragraph ends are settled by the PDF reader's rules and the text is
reflowed as a PDF's. A page's confidence (the mean of its lines' scores) is kept.

Only PDFs without a text layer come here: a PDF that has one is never OCR'd.
Progress and cancelling go through :func:`ocr_control`, set by whoever runs the import.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from reader.parsing.model import Block, SourceError
from reader.parsing.normalize import is_wide

# The PDF reader's line grouping, page furniture and cue rules serve OCR'd pages too.
from reader.parsing.pdf import _drop_page_furniture, _Glyph, _group_lines, _to_blocks

RENDER_DPI = 200
MAX_PAGES = 2000
MAX_IMAGE_PIXELS = 12_000 * 12_000
# Recognised boxes are a little taller than the type's em.
_BOX_TO_EM = 0.8

PageProgress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class OcrControl:
    """How the one running an import follows OCR: per-page progress and a cancel check."""

    progress: PageProgress | None = None
    cancelled: Callable[[], bool] | None = None


_CONTROL: ContextVar[OcrControl | None] = ContextVar("reader_ocr_control", default=None)


@contextlib.contextmanager
def ocr_control(
    progress: PageProgress | None = None, cancelled: Callable[[], bool] | None = None
) -> Iterator[None]:
    """Report ``progress(page, pages)`` and stop when ``cancelled()`` for OCR in this block."""
    token = _CONTROL.set(OcrControl(progress, cancelled))
    try:
        yield
    finally:
        _CONTROL.reset(token)


@dataclass(slots=True)
class OcrResult:
    """The recognised pages as blocks, and each page's confidence (0–1)."""

    blocks: list[Block]
    confidence: list[float] = field(default_factory=list)


# One recognised line: its box (four corner points, pixels), text, score, and the
# characters' own left and right edges when the engine gives them (else None).
OcrLine = tuple[list[list[float]], str, float, list[tuple[float, float]] | None]
Engine = Callable[[Any], list[OcrLine]]


def ocr_available() -> bool:
    """True when the OCR part (rapidocr and onnxruntime) is installed."""
    import importlib.util

    return all(importlib.util.find_spec(name) for name in ("rapidocr", "onnxruntime"))


@cache
def _rapidocr() -> Any:
    from rapidocr import RapidOCR

    # No angle classifier: bulletin pages are upright, and it costs a third of the time.
    return RapidOCR(params={"Global.use_cls": False, "Global.log_level": "warning"})


def default_engine(image: Any) -> list[OcrLine]:
    """Recognise an RGB image array into lines, with each character's box."""
    result = _rapidocr()(image, use_cls=False, return_word_box=True)
    if result.boxes is None or result.txts is None:
        return []
    words = result.word_results or [()] * len(result.txts)
    lines: list[OcrLine] = []
    for box, text, score, chars in zip(
        result.boxes, result.txts, result.scores, words, strict=False
    ):
        edges = [(float(b[0][0]), float(b[1][0])) for _c, _s, b in chars] if chars else None
        if edges is not None and len(edges) != len(text):
            edges = None
        lines.append((box.tolist(), text, float(score), edges))
    return lines


def ocr_pdf(path: Path, engine: Engine | None = None) -> OcrResult:
    """Recognise every page of an image-only PDF, one page in memory at a time.

    Raises:
        SourceError: OCR is not installed, the PDF cannot be rendered, or it was cancelled.
    """
    engine = engine or _engine()
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise SourceError("source.ocr_missing") from None
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise SourceError("source.pdf_damaged", detail=str(error)[:80]) from None
    try:
        pages = len(document)
        if pages > MAX_PAGES:
            raise SourceError("source.ocr_too_many_pages", pages=pages)

        def render(number: int) -> Any:
            page = document[number]
            try:
                bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True)
                try:
                    return bitmap.to_pil().convert("RGB")
                finally:
                    bitmap.close()
            finally:
                page.close()

        return _recognise(pages, render, engine)
    finally:
        document.close()


def ocr_image(path: Path, engine: Engine | None = None) -> OcrResult:
    """Recognise a page image (a multi-page TIFF page by page)."""
    engine = engine or _engine()
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS  # a larger "image" is a decompression bomb
    try:
        image = Image.open(path)
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise SourceError("source.image_unreadable", detail=str(error)[:80]) from None
    except Image.DecompressionBombError:
        raise SourceError("source.image_too_large") from None
    with image:
        pages = min(getattr(image, "n_frames", 1), MAX_PAGES)

        def frame(number: int) -> Any:
            image.seek(number)
            return image.convert("RGB")

        return _recognise(pages, frame, engine)


def _engine() -> Engine:
    if not ocr_available():
        raise SourceError("source.ocr_missing")
    return default_engine


def _recognise(pages: int, page_image: Callable[[int], Any], engine: Engine) -> OcrResult:
    import numpy as np

    control = _CONTROL.get() or OcrControl()
    lines = []
    confidence: list[float] = []
    for number in range(pages):
        if control.cancelled is not None and control.cancelled():
            raise SourceError("source.ocr_cancelled")
        if control.progress is not None:
            control.progress(number, pages)
        image = page_image(number)
        height = image.size[1]
        recognised = engine(np.asarray(image))
        del image  # one page's image at a time
        glyphs = [
            glyph
            for box, text, _score, edges in recognised
            for glyph in _box_glyphs(box, fix_brackets(text), height, edges)
        ]
        _even_sizes(glyphs)
        points = height * 72 / RENDER_DPI
        lines.append(_group_lines(glyphs, number + 1, points))
        weights = [max(len(text), 1) for _box, text, _score, _edges in recognised]
        scores = [score for _box, _text, score, _edges in recognised]
        total = sum(s * w for s, w in zip(scores, weights, strict=True))
        confidence.append(round(total / sum(weights), 4) if weights else 0.0)
    if control.progress is not None:
        control.progress(pages, pages)
    if not any(line.text.strip() for page in lines for line in page):
        raise SourceError("source.ocr_no_text")
    return OcrResult(_to_blocks(_drop_page_furniture(lines)), confidence)


def _even_sizes(glyphs: list[_Glyph]) -> None:
    """Give body lines one size: a box's height follows its characters (a line of digits and
    commas is lower), and the PDF rules would read each change of size as a new paragraph.
    Larger type (titles) is kept apart, rounded to quarter steps of the body size."""
    if not glyphs:
        return
    sizes = sorted(glyph.size for glyph in glyphs)
    body = sizes[len(sizes) // 2]
    for glyph in glyphs:
        if glyph.size <= 1.15 * body:
            glyph.size = body
        else:
            glyph.size = round(glyph.size / body * 4) / 4 * body


def fix_brackets(text: str) -> str:
    """Pair brackets by width: OCR often closes a full-width ``（`` with a half-width ``)``."""
    out = list(text)
    opened: list[int] = []
    for index, char in enumerate(out):
        if char in "（(":
            opened.append(index)
        elif char in "）)" and opened:
            start = opened.pop()
            if out[start] == "（" or (index > 0 and is_wide(out[index - 1])):
                out[start], out[index] = "（", "）"
    return "".join(out)


def _box_glyphs(
    box: list[list[float]],
    text: str,
    height: float,
    edges: list[tuple[float, float]] | None = None,
) -> Iterator[_Glyph]:
    """Glyphs of a recognised line, in points with y upwards.

    With the characters' own edges a wide gap between two of them stays a gap (the PDF
    rules then read it as a space); without, the box is shared out by character width.
    """
    if not text.strip():
        return
    scale = 72 / RENDER_DPI
    xs = [point[0] for point in box]
    ys = [point[1] for point in box]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    size = (bottom - top) * scale * _BOX_TO_EM
    y0 = (height - bottom) * scale
    if edges is None:
        units = [1.0 if is_wide(char) else 0.5 for char in text]
        unit = (right - left) / sum(units)
        edges = []
        x = left
        for width in units:
            edges.append((x, x + width * unit))
            x += width * unit
    for char, (x0, x1) in zip(text, edges, strict=True):
        yield _Glyph(char, x0 * scale, x1 * scale, y0, y0 + size / _BOX_TO_EM, size, False)

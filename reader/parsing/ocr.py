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
import unicodedata
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


# Text is found on the page scaled to this longest side (RapidOCR's default keeps the
# shortest side at 736 or more: a 200-dpi A4 page at 1414 x 2000). At 1280 detection costs
# 40 % of that and still separates every line of 12-point type; the lines themselves are
# read from the full-size page. On the tests' degraded scans of the sample issues: 4.7 →
# 3.6 CPU seconds a page, bodies as exact as before.
DETECTION_SIDE = 1280
# One thread: two run the page about as fast on a busy two-core machine but cost a quarter
# more CPU in waiting for each other, and the window stays responsive beside it.
OCR_THREADS = 1


@cache
def _rapidocr() -> Any:
    from rapidocr import RapidOCR

    return RapidOCR(
        params={
            # No angle classifier: bulletin pages are upright, and it costs a third of the time.
            "Global.use_cls": False,
            "Global.log_level": "warning",
            "Det.limit_type": "max",
            "Det.limit_side_len": DETECTION_SIDE,
            "EngineConfig.onnxruntime.intra_op_num_threads": OCR_THREADS,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
    )


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
        ems = _line_ems(recognised)
        glyphs = [
            glyph
            for (box, text, _score, edges), em in zip(recognised, ems, strict=True)
            for glyph in _box_glyphs(box, fix_brackets(text), height, edges, em)
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


def _line_ems(recognised: list[OcrLine]) -> list[float]:
    """Each recognised line's type size in pixels.

    A detected box's height follows the detector's margins more than the type: a 16-point
    title's box is 59 pixels high where a 12-point body line's is 55, too close to tell
    apart. Chinese characters are square, so a mostly Chinese line's pitch (its width over
    its characters, a half-width one counting half) is its size: 45 against 33 pixels.
    Other lines (digits, Latin, a page number) take their box height at the ratio of pitch
    to height the page's Chinese lines show.
    """
    pitches: list[float | None] = []
    heights: list[float] = []
    for box, text, _score, _edges in recognised:
        xs = [point[0] for point in box]
        ys = [point[1] for point in box]
        heights.append(max(ys) - min(ys))
        chars = [char for char in text if not char.isspace()]
        wide = sum(1 for char in chars if is_wide(char))
        if wide >= 4 and wide >= 0.8 * len(chars):
            units = sum(1.0 if is_wide(char) else 0.5 for char in text)
            pitches.append((max(xs) - min(xs)) / units)
        else:
            pitches.append(None)
    ratios = sorted(p / h for p, h in zip(pitches, heights, strict=True) if p is not None and h)
    ratio = ratios[len(ratios) // 2] if ratios else _BOX_TO_EM
    return [p if p is not None else h * ratio for p, h in zip(pitches, heights, strict=True)]


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


def _punctuation_gaps_closed(
    text: str, edges: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    """Full-width punctuation fills one side of its square and leaves the other blank, which
    the PDF rules would read as a word space (参考 （示例）, 措施， 支持): such gaps close."""
    closed = list(edges)
    for index in range(1, len(text)):
        if _wide_punctuation(text[index]) or _wide_punctuation(text[index - 1]):
            x0, x1 = closed[index]
            closed[index] = (min(x0, closed[index - 1][1]), x1)
    return closed


def _wide_punctuation(char: str) -> bool:
    return is_wide(char) and unicodedata.category(char).startswith("P")


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
    em: float | None = None,
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
    size = (em if em is not None else (bottom - top) * _BOX_TO_EM) * scale
    y0 = (height - bottom) * scale
    if edges is None:
        units = [1.0 if is_wide(char) else 0.5 for char in text]
        unit = (right - left) / sum(units)
        edges = []
        x = left
        for width in units:
            edges.append((x, x + width * unit))
            x += width * unit
    else:
        edges = _punctuation_gaps_closed(text, edges)
    for char, (x0, x1) in zip(text, edges, strict=True):
        yield _Glyph(char, x0 * scale, x1 * scale, y0, (height - top) * scale, size, False)

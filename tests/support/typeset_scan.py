"""Scans of a bulletin: its typeset PDF rendered to page images, degraded, wrapped again.

``write_pdf`` typesets the issue; PDFium renders each page at 200 dpi in grey; the page is
degraded the way a fax or an office scanner degrades it (a slight tilt, blur, speckle
noise, lower contrast); the images are saved as an image-only PDF (no text layer) or as
separate page images.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.parsing.model import ParsedIssue
from tests.support.typeset import write_pdf

DPI = 200


def page_images(issue: ParsedIssue, *, degrade: bool = True, seed: int = 7) -> Iterator[Any]:
    """The issue's pages as PIL images, one at a time."""
    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory(prefix="scan-") as work:
        pdf = Path(work) / "issue.pdf"
        write_pdf(issue, pdf)
        document = pdfium.PdfDocument(str(pdf))
        try:
            for number in range(len(document)):
                page = document[number]
                image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
                page.close()
                yield degraded(image, seed + number) if degrade else image
        finally:
            document.close()


def degraded(image: Any, seed: int) -> Any:
    """A page as a scanner gives it: tilted 0.4°, blurred, speckled, greyer."""
    from PIL import ImageFilter

    rng = random.Random(seed)
    page = image.rotate(0.4, fillcolor=255, resample=3)
    page = page.filter(ImageFilter.GaussianBlur(0.7))
    page = page.point(lambda v: int(40 + v * 0.75))  # lower contrast, grey paper
    pixels = page.load()
    width, height = page.size
    for _ in range(width * height // 400):  # speckle noise
        x, y = rng.randrange(width), rng.randrange(height)
        pixels[x, y] = rng.choice((30, 200))
    return page


def write_scan_pdf(issue: ParsedIssue, path: Path, *, degrade: bool = True) -> Path:
    """An image-only PDF of the issue (JPEG pages, no text layer)."""
    pages = list(page_images(issue, degrade=degrade))
    pages[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    return path


def write_scan_images(issue: ParsedIssue, folder: Path, *, suffix: str = ".png") -> list[Path]:
    """Each page of the issue as an image file."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, image in enumerate(page_images(issue), start=1):
        path = folder / f"page-{number}{suffix}"
        image.save(path, dpi=(DPI, DPI))
        paths.append(path)
    return paths


def write_scan_tiff(issue: ParsedIssue, path: Path) -> Path:
    """The issue as one multi-page TIFF (a page a frame), as document scanners save it."""
    pages = list(page_images(issue))
    pages[0].save(
        path, save_all=True, append_images=pages[1:], dpi=(DPI, DPI), compression="tiff_lzw"
    )
    return path


def char_error_rate(want: str, got: str) -> float:
    """Edit distance between the texts (spaces ignored) over the expected length."""
    a, b = "".join(want.split()), "".join(got.split())
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return previous[-1] / max(len(a), 1)

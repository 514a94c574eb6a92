"""File › 打印: the preview lays an article or a brief out as the PDF export does, and
printing it to a PDF file gives the same text on the same number of pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from reader.export import export_brief
from reader.store.issues import get_article
from reader.ui import printing
from tests.gui.conftest import wait_idle

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return "".join(out.split())


def _pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


def _print_to_pdf(preview: printing.PrintPreview, path: Path) -> int:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return preview.paint(printer)


def _preview_pages(qtbot, preview: printing.PrintPreview) -> int:  # type: ignore[no-untyped-def]
    widget = preview.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    qtbot.waitUntil(lambda: widget.pageCount() > 0, timeout=30000)
    return widget.pageCount()


def test_printing_an_article_previews_and_prints_it_alone(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    assert window.open_article(1)
    assert window.registry["print_article"].isEnabled()
    preview = printing.article_preview(window)
    assert preview is not None and not preview.cover
    article = get_article(window.archive.db, 1)
    printed = tmp_path / "article.pdf"
    pages = _print_to_pdf(preview, printed)
    assert preview.error is None
    assert _preview_pages(qtbot, preview) == pages == _pdf_pages(printed)
    text = _pdf_text(printed)
    assert text.startswith("".join(article.title.split()))  # no cover, no contents
    assert "目录" not in text
    for paragraph in article.text.split("\n"):
        assert "".join(paragraph.split()) in text
    assert "—1—" in text  # the first page is numbered


def test_printing_the_brief_gives_the_pages_of_its_pdf_export(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    window.briefs.add_articles([2, 1])
    wait_idle(qtbot, window)
    preview = printing.brief_preview(window)
    assert preview is not None and preview.cover
    printed = tmp_path / "printed.pdf"
    pages = _print_to_pdf(preview, printed)
    exported = export_brief(
        window.archive.db, tmp_path / "exported.pdf", "pdf", brief=window.briefs.brief().id
    )
    assert _preview_pages(qtbot, preview) == pages == _pdf_pages(exported) == _pdf_pages(printed)
    text = _pdf_text(printed)
    assert text == _pdf_text(exported)
    titles = ["".join(get_article(window.archive.db, i).title.split()) for i in (2, 1)]
    assert text.index("目录") < text.rindex(titles[0]) < text.rindex(titles[1])

"""File › 打印: an article or the active brief, previewed and printed with the very layout
of the PDF export (:func:`reader.export.pdf.print_document`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.export import Document, build_document, document_for_brief
from reader.export.pdf import print_document
from reader.messages import ReaderError

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


class PrintPreview(QPrintPreviewDialog):
    """A print preview of a document; printing from it prints what it shows."""

    def __init__(
        self, parent: QWidget, document: Document, *, cover: bool, language: str = "zh_CN"
    ) -> None:
        # Kept here: the dialog does not own the printer it is given.
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(self._printer, parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(_tr("Print Preview — %1").replace("%1", document.title))
        self.document = document
        self.cover = cover
        self.language = language
        self.error: str | None = None
        self.paintRequested.connect(self.paint)

    def paint(self, printer: QPrinter) -> int:
        """Lay the document out on ``printer`` (the preview's, or the real one); its pages."""
        try:
            return print_document(self.document, printer, cover=self.cover)
        except ReaderError as error:
            self.error = error.message.render(self.language)
            QMessageBox.warning(self, _tr("Print"), self.error)
            return 0


def article_preview(window: MainWindow) -> PrintPreview | None:
    """The preview of the open article on its own (returned for tests, not yet shown)."""
    article = window.pane.article
    if article is None:
        QMessageBox.information(window, _tr("Print"), _tr("Open an article to print it."))
        return None
    document = build_document(window.archive.db, [article.id], title=article.title)
    return PrintPreview(window, document, cover=False, language=window.settings.language)


def brief_preview(window: MainWindow) -> PrintPreview | None:
    """The preview of the active brief with its cover and contents (not yet shown)."""
    brief = window.briefs.brief()
    if brief is None or not brief.items:
        QMessageBox.information(window, _tr("Print"), _tr("Add articles to a brief first."))
        return None
    window.briefs.flush()
    document = document_for_brief(window.archive.db, brief.id)
    return PrintPreview(window, document, cover=True, language=window.settings.language)


def show_preview(preview: PrintPreview | None) -> None:
    if preview is not None:
        preview.open()


def print_to_file(document: Document, path: str, *, cover: bool = True) -> int:
    """Print to a PDF file through Qt's printing (as choosing "Print to File" does); pages."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    return print_document(document, printer, cover=cover)

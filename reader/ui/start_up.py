"""A window's first work on its archive: the sample issues on an empty archive (if the
editor wants them), the search index brought up to date and warmed, a rotating backup."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox

from reader import importer
from reader.archive import Archive
from reader.operations.maintenance import start_up
from reader.ui.importing import Importing
from reader.ui.runner import OpRunner


class StartUp(QObject):
    """Asks about the samples (without blocking), then runs the start-up operation."""

    samples_asked = Signal(object)  # the first start's QMessageBox, for tests

    def __init__(
        self, window: QMainWindow, archive: Archive, ops: OpRunner, importing: Importing
    ) -> None:
        super().__init__(window)
        self._window = window
        self._archive = archive
        self._ops = ops
        self._importing = importing
        # The first start's question; tests answer it without a dialog.
        self.samples_answer: bool | None = None

    def start(self, then: Callable[[], None]) -> None:
        """Samples on an empty archive (if the editor wants them), the search index, a
        rotating backup; then ``then``. The question does not block: start-up goes on
        when it is answered."""
        if not importer.samples_due(self._archive):
            self._run(None, then)
        elif self.samples_answer is not None or not self._ops.show_dialogs:
            self._run(self.samples_answer is not False, then)
        else:
            box = self._samples_question()
            box.finished.connect(
                lambda result: self._run(result == QMessageBox.StandardButton.Yes, then)
            )
            box.open()

    def _samples_question(self) -> QMessageBox:
        box = QMessageBox(self._window)
        box.setObjectName("samplesQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Sample Issues"))
        box.setText(
            self.tr(
                "The archive is empty. Import the invented sample issues (示例) to try the "
                "reader? They can be removed later in one action (File › Remove Sample Issues)."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        self.samples_asked.emit(box)
        return box

    def _run(self, wanted: bool | None, then: Callable[[], None]) -> None:
        status = self._window.statusBar()
        status.showMessage(self.tr("Preparing the archive…"))

        def done(report: Any) -> None:
            status.clearMessage()
            if report is not None:
                self._importing._imported(report)
            then()

        def failed(error: BaseException) -> None:
            status.clearMessage()
            self._ops.show_error(error)
            then()

        self._ops.run_with_progress(
            lambda archive, progress: start_up(archive, wanted, progress),
            progress=lambda _done, _total: None,
            success=done,
            failure=failed,
        )

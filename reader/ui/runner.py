"""The window's one way to change the archive: operations on the worker, what they changed
broadcast on the GUI thread (after Anki's ``CollectionOp`` and ``OpChanges``).

``run(op)`` runs ``op(archive)`` (a function of :mod:`reader.operations`, returning an
``OpResult``) on the worker; ``success`` gets its value on the GUI thread, and ``changed``
then carries its :class:`~reader.operations.Changes` and the initiator, so every view
refreshes itself from what changed. ``query(read)`` runs a read that changes nothing.
Errors are reported here: a ReaderError as its message, anything else as a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox

from reader.archive import Archive
from reader.operations import OpResult, Progress
from reader.ui.errors import error_text, error_title, is_bug, log_bug
from reader.ui.worker import Worker

T = TypeVar("T")
Success = Callable[[Any], None]
Failure = Callable[[BaseException], object]


class OpRunner(QObject):
    """Runs operations on the one worker; success and failure come back on the GUI thread."""

    changed = Signal(object, object)  # Changes, the initiator (or None)
    error_reported = Signal(str)  # the words shown for a failure (tests read them)

    def __init__(self, worker: Worker, window: QMainWindow) -> None:
        super().__init__(window)
        self.worker = worker
        self._window = window
        self.show_dialogs = True  # tests: errors go to the status bar instead of a box

    def run(
        self,
        op: Callable[[Archive], OpResult[Any]],
        *,
        success: Success | None = None,
        failure: Failure | None = None,
        initiator: object = None,
    ) -> None:
        """Run a changing operation ``op(archive)``."""
        self._submit(lambda archive, _p: op(archive), success, failure, initiator, None)

    def run_with_progress(
        self,
        op: Callable[[Archive, Progress], OpResult[Any]],
        *,
        progress: Callable[[int, int], None],
        success: Success | None = None,
        failure: Failure | None = None,
        initiator: object = None,
    ) -> None:
        """Run ``op(archive, progress)``; ``progress(done, total)`` on the GUI thread."""
        self._submit(op, success, failure, initiator, progress)

    def query(
        self,
        read: Callable[[Archive], Any],
        *,
        success: Success,
        failure: Failure | None = None,
    ) -> None:
        """Run a read on the worker (one that needs the writer's state, e.g. the index)."""
        self.worker.submit(
            lambda archive, _p: read(archive), on_done=success, on_failed=self._failed(failure)
        )

    def _submit(
        self,
        op: Callable[[Archive, Progress], OpResult[Any]],
        success: Success | None,
        failure: Failure | None,
        initiator: object,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        def job(archive: Archive, report: Progress) -> OpResult[Any]:
            result = op(archive, report)
            if not isinstance(result, OpResult):  # an operation must say what it changed
                raise TypeError(f"{op!r} returned {type(result).__name__}, not an OpResult")
            return result

        def done(result: OpResult[Any]) -> None:
            try:
                if success is not None:
                    success(result.value)
            finally:
                if result.changes:
                    self.changed.emit(result.changes, initiator)

        self.worker.submit(job, on_done=done, on_failed=self._failed(failure), on_progress=progress)

    def _failed(self, failure: Failure | None) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            if is_bug(error):
                log_bug(error)
            if failure is not None:
                failure(error)
            else:
                self.show_error(error)

        return failed

    def show_error(self, error: BaseException) -> None:
        """Tell the editor: a warning for a ReaderError, a bug report for anything else."""
        text = error_text(error)
        self.error_reported.emit(text)
        if not self.show_dialogs:
            self._window.statusBar().showMessage(text)
        elif is_bug(error):
            QMessageBox.critical(self._window, error_title(error), text)
        else:
            QMessageBox.warning(self._window, error_title(error), text)

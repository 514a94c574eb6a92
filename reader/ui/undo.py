"""Ctrl+Z for deletions: the session's undo stack of deleted notes, highlights, tags,
bookmarks and brief entries. Each entry puts one deletion back through the worker."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.annotations.undelete import BOOKMARK, BRIEF_ENTRY, HIGHLIGHT, NOTE, TAG, Deletion
from reader.operations import annotating as ops
from reader.ui.runner import OpRunner


def _describe(deletion: Deletion) -> str:
    words = {
        NOTE: QCoreApplication.translate("DeletionUndo", "Delete Note"),
        HIGHLIGHT: QCoreApplication.translate("DeletionUndo", "Delete Highlight"),
        TAG: QCoreApplication.translate("DeletionUndo", "Remove Tag"),
        BOOKMARK: QCoreApplication.translate("DeletionUndo", "Remove Bookmark"),
        BRIEF_ENTRY: QCoreApplication.translate("DeletionUndo", "Remove From Brief"),
    }
    return words.get(deletion.kind, deletion.kind)


class _DeletionCommand(QUndoCommand):
    def __init__(self, undo: DeletionUndo, deletion: Deletion) -> None:
        super().__init__(_describe(deletion))
        self._undo = undo
        self.deletion = deletion
        self._done_once = False  # the deletion itself already happened when it was pushed

    def undo(self) -> None:
        self._undo.run(self.deletion, back=True)

    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True
            return
        self._undo.run(self.deletion, back=False)


class DeletionUndo(QObject):
    """The undo stack of one session; ``changed`` says which deletion was put back or redone."""

    changed = Signal(object)  # the Deletion, once the store has it back (or gone again)

    def __init__(self, runner: OpRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.stack = QUndoStack(self)

    def record(self, deletion: Deletion) -> None:
        """Keep a deletion that has just been committed, so Ctrl+Z can put it back."""
        self.stack.push(_DeletionCommand(self, deletion))

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def run(self, deletion: Deletion, *, back: bool) -> None:
        op = ops.undo_deletion if back else ops.redo_deletion
        self._runner.run(lambda archive: op(archive, deletion), success=self.changed.emit)

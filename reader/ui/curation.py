"""The window's trust commands: issues to the trash (and back), the samples in one action,
Ctrl+Z for deletions, an article's earlier texts, and the question when two issues would
claim one identity. Writes go to the worker; the core does the work (``reader.editing``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from reader.annotations.records import Bookmark
from reader.annotations.undelete import Deletion, bookmark_deleted
from reader.operations import OpResult
from reader.operations import curating as ops
from reader.store import issues as store
from reader.store import trash
from reader.store.clashes import issues_claiming
from reader.store.history import article_history
from reader.ui.curation_dialogs import HistoryDialog, TrashDialog
from reader.ui.undo import DeletionUndo

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

MERGE = "merge"
KEEP_APART = "apart"
CANCEL = "cancel"


class Curation(QObject):
    """Deleting and restoring issues, undoing deletions, earlier texts, identity clashes.

    ``show_dialogs`` off (tests) answers every question with ``answers`` instead of asking.
    """

    dialog_shown = Signal(object)  # the TrashDialog or HistoryDialog, for tests

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._show_dialogs = True
        self.answers: dict[str, Any] = {"confirm": True, "identity": KEEP_APART}
        self.undo = DeletionUndo(window.ops, self)
        self.undo.changed.connect(self._after_undo)
        self.trash_dialog: TrashDialog | None = None
        # Delete in the tree alone: elsewhere Delete edits text or removes brief entries.
        self._delete_key = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete), window.library.tree
        )
        self._delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._delete_key.activated.connect(self.delete_selected_issues)

    @property
    def show_dialogs(self) -> bool:
        """Ask and show dialogs; off when the window has them off (tests)."""
        return self._show_dialogs and self._window.show_dialogs

    @show_dialogs.setter
    def show_dialogs(self, value: bool) -> None:
        self._show_dialogs = value

    # -- questions ----------------------------------------------------------------------
    def _confirm(self, title: str, text: str) -> bool:
        if not self.show_dialogs:
            return bool(self.answers["confirm"])
        answer = QMessageBox.question(
            self._window,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _submit(self, op: Callable[[Any], OpResult[Any]], done: Callable[[Any], None]) -> None:
        self._window.ops.run(op, success=done)

    # -- the trash ----------------------------------------------------------------------
    def delete_selected_issues(self) -> None:
        window = self._window
        indexes = window.library.selected_indexes()
        ids = [i for index in indexes for i in window.tree_model.issue_ids(index)]
        self.delete_issues(list(dict.fromkeys(ids)))

    def delete_current_issue(self) -> None:
        """The tree's chosen issues when it has the focus, else the open article's issue."""
        window = self._window
        if window.library.tree.hasFocus():
            self.delete_selected_issues()
        elif window.pane.article is not None:
            self.delete_issues([window.pane.article.issue_id])

    def delete_issues(self, issue_ids: list[int]) -> None:
        """Ask, then move the issues to the trash (they can be restored from it)."""
        if not issue_ids:
            return
        labels = [
            issue.label()
            for issue in (store.get_issue(self._window.archive.db, i) for i in issue_ids)
            if issue is not None
        ]
        text = self.tr("Move %n issue(s) to the trash?", "", len(issue_ids)) + "\n\n"
        text += "\n".join(labels) + "\n\n"
        text += self.tr(
            "Their articles, notes and highlights go with them; Trash brings them back."
        )
        if not self._confirm(self.tr("Delete Issue"), text):
            return
        self._submit(
            lambda a: ops.delete_issues(a, issue_ids),
            lambda _r: self._status(self.tr("Moved %n issue(s) to the trash", "", len(issue_ids))),
        )

    def delete_samples(self) -> None:
        ids = trash.sample_issue_ids(self._window.archive.db)
        if not ids:
            self._status(self.tr("There are no sample issues"))
            return
        text = self.tr("Move the %n sample issue(s) (示例) to the trash?", "", len(ids))
        if self._confirm(self.tr("Remove Sample Issues"), text):
            self._submit(
                ops.delete_samples,
                lambda r: self._status(self.tr("Moved %n issue(s) to the trash", "", len(r))),
            )

    def show_trash(self) -> TrashDialog:
        dialog = TrashDialog(self._window, trash.list_trash(self._window.archive.db))
        dialog.restore_requested.connect(self.restore_issues)
        dialog.empty_requested.connect(self.empty_trash)
        self.trash_dialog = dialog
        self.dialog_shown.emit(dialog)
        if self.show_dialogs:
            dialog.exec()
        return dialog

    def restore_issues(self, issue_ids: list[int]) -> None:
        self._submit(
            lambda a: ops.restore_issues(a, issue_ids),
            lambda _r: self._trash_changed(self.tr("Restored from the trash")),
        )

    def empty_trash(self) -> None:
        text = self.tr("Delete the issues in the trash for good? This cannot be undone.")
        if self._confirm(self.tr("Empty Trash"), text):
            self._submit(
                ops.empty_trash,
                lambda _r: self._trash_changed(self.tr("The trash is empty")),
            )

    def _trash_changed(self, message: str) -> None:
        if self.trash_dialog is not None:
            self.trash_dialog.set_entries(trash.list_trash(self._window.archive.db))
        self._status(message)

    # -- undo ---------------------------------------------------------------------------
    def record(self, deletion: Deletion) -> None:
        self.undo.record(deletion)

    def bookmark_removed(self, result: object) -> None:
        if isinstance(result, Bookmark):
            self.record(bookmark_deleted(result))

    def _after_undo(self, deletion: Deletion) -> None:
        window = self._window
        if window.current_article_id() == deletion.article_id and window.pane.article:
            window.annotations.show_article(deletion.article_id, window.pane.article.title)
            window._paint_highlights()
        window.briefs.reload()
        window._update_article_actions()

    # -- earlier texts ------------------------------------------------------------------
    def show_history(self) -> HistoryDialog | None:
        article = self._window.pane.article
        if article is None:
            return None
        versions = article_history(self._window.archive.db, article.id)
        dialog = HistoryDialog(self._window, article.title, versions)
        self.dialog_shown.emit(dialog)
        if self.show_dialogs:
            dialog.exec()
        return dialog

    # -- one identity, two issues -------------------------------------------------------
    def identity_choice(self, issue_id: int, changes: dict[str, Any]) -> tuple[str, int | None]:
        """Whether saving ``changes`` makes the issue claim another's identity, and what
        the editor wants then: ``(MERGE, other)``, ``(KEEP_APART, other)``, ``(CANCEL, other)``,
        or ``(KEEP_APART, None)`` when there is no other."""
        db = self._window.archive.db
        issue = store.get_issue(db, issue_id)
        if issue is None:
            return CANCEL, None
        wanted = {k: getattr(issue, k) for k in ("series", "year", "issue_no")}
        wanted.update({k: v for k, v in changes.items() if k in wanted})
        rivals = issues_claiming(
            db, wanted["series"], wanted["year"], wanted["issue_no"], except_id=issue_id
        )
        if not rivals:
            return KEEP_APART, None
        rival = rivals[0]
        if not self.show_dialogs:
            return str(self.answers["identity"]), rival
        other = store.get_issue(db, rival)
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Two Issues, One Number"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("Issue %1 (%2) already has this series, year and number.")
            .replace("%1", str(rival))
            .replace("%2", other.label() if other else "")
        )
        box.setInformativeText(
            self.tr(
                "Merge them into one issue (articles both have become one, notes and "
                "highlights kept), or keep them apart as two issues?"
            )
        )
        merge = box.addButton(self.tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
        apart = box.addButton(self.tr("Keep Apart"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is merge:
            return MERGE, rival
        if clicked is apart:
            return KEEP_APART, rival
        return CANCEL, rival

    def _status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, 5000)

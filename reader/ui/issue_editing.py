"""Edit › Issue Details: correcting an issue's details, merging when they claim another's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from reader.archive import Archive
from reader.operations import curating as ops
from reader.store import issues as store
from reader.store import tree as tree_queries
from reader.ui.dialogs import IssueDialog
from reader.ui.runner import OpRunner

# (issue id, changes) -> ("merge" | "apart" | "cancel", other issue id or None)
IdentityCheck = Callable[[int, dict[str, Any]], tuple[str, int | None]]


class IssueEditing(QObject):
    """The issue dialog and saving what it changed (asking first about a clash)."""

    def __init__(
        self, window: QMainWindow, archive: Archive, ops: OpRunner, identity_check: IdentityCheck
    ) -> None:
        super().__init__(window)
        self._window = window
        self._archive = archive
        self._ops = ops
        self.identity_check = identity_check

    def edit_issue(self, issue_id: int) -> None:
        issue = store.get_issue(self._archive.db, issue_id)
        if issue is None:
            return
        dialog = IssueDialog(self._window, issue, self.known_series())
        if dialog.exec() != IssueDialog.DialogCode.Accepted:
            return
        self.save_issue(issue_id, dialog.changes())

    def known_series(self) -> list[str]:
        """The series names the archive already files issues under."""
        return [name for name, _i, _n in tree_queries.series_counts(self._archive.db) if name]

    def save_issue(self, issue_id: int, changes: dict[str, Any]) -> None:
        """Save new details; when they claim another issue's identity, ask first whether
        to merge the two or keep them apart (``identity_check``)."""
        if not changes:
            return
        choice, other = self.identity_check(issue_id, changes)
        if choice == "cancel":
            return
        merge_into = other if choice == "merge" else None
        self._ops.run(
            lambda archive: ops.save_issue_details(archive, issue_id, changes, merge_into)
        )

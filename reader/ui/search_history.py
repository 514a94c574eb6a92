"""Recent and saved searches in the window: the search box's dropdown, shared with the CLI.

Both live in the archive (``reader.searches``), so ``reader saved list`` and ``reader saved
history`` show what the window saved and ran, and the other way round. Writes go to the
worker; the dropdown reads the store when it opens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from reader import searches
from reader.archive import Archive
from reader.operations import OpResult
from reader.operations import searching as ops
from reader.ui.errors import error_text
from reader.ui.runner import OpRunner
from reader.ui.search_panel import SearchBar

MENU_RECENT = 12  # recent queries in the dropdown (the completer offers all that are kept)
NAME_MAX = 40

AskName = Callable[[QWidget, str], str | None]


class SearchHistory(QObject):
    """The dropdown of saved and recent searches, and the writes that keep them."""

    run_requested = Signal(str)  # a query to put in the box and run (filters reset)
    changed = Signal()  # saved or recent searches changed (after the worker wrote them)

    def __init__(
        self,
        bar: SearchBar,
        archive: Archive,
        runner: OpRunner,
        current_query: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bar = bar
        self._archive = archive
        self._runner = runner
        self._current_query = current_query
        self.ask_name: AskName = self._ask_name  # tests answer for the editor
        self.menu: QMenu | None = None
        bar.history_requested.connect(self.show_menu)
        self.changed.connect(self._offer_to_completer)
        self._offer_to_completer()

    # -- reading ------------------------------------------------------------------------
    def recent(self) -> list[str]:
        return searches.recent_queries(self._archive.db)

    def saved(self) -> list[searches.SavedSearch]:
        return searches.saved_searches(self._archive.db)

    def _offer_to_completer(self) -> None:
        saved = [s.query for s in self.saved()]
        self._bar.set_history(list(dict.fromkeys([*self.recent(), *saved])))

    def _ask_name(self, parent: QWidget, query: str) -> str | None:
        """Ask the name to save ``query`` under (None: cancelled)."""
        name, ok = QInputDialog.getText(
            parent,
            self.tr("Save Search"),
            self.tr("Name for “%1”:").replace("%1", query),
            text=query[:NAME_MAX],
        )
        return name.strip() if ok and name.strip() else None

    # -- writing ------------------------------------------------------------------------
    def record(self, query: str) -> None:
        """Remember a query that was run (most recent first)."""
        query = query.strip()
        if query:
            self._submit(lambda archive: ops.record_query(archive, query))

    def save_current(self) -> None:
        """Ask a name and save the current query (filters included) under it."""
        query = self._current_query()
        if not query:
            return
        name = self.ask_name(self._bar, query)
        if name is not None:
            self._submit(lambda archive: ops.save_search(archive, name, query))

    def delete(self, name: str) -> None:
        self._submit(lambda archive: ops.delete_saved(archive, name))

    def _submit(self, op: Callable[[Archive], OpResult[Any]]) -> None:
        self._runner.run(
            op,
            success=lambda _r: self.changed.emit(),
            failure=lambda error: self._bar.status.setText(error_text(error)),
        )

    # -- the dropdown -------------------------------------------------------------------
    def build_menu(self) -> QMenu:
        """The dropdown: saved searches, recent ones, then save and delete."""
        menu = QMenu(self._bar)
        menu.setObjectName("searchHistoryMenu")
        menu.setAccessibleName(self.tr("Saved and recent searches"))
        saved = self.saved()
        if saved:
            menu.addAction(self.tr("Saved searches")).setEnabled(False)
            for item in saved:
                action = menu.addAction(f"{item.name} — {item.query}")
                action.setData(item.query)
                action.triggered.connect(lambda _c=False, q=item.query: self.run_requested.emit(q))
        recent = self.recent()[:MENU_RECENT]
        if recent:
            if saved:
                menu.addSeparator()
            menu.addAction(self.tr("Recent searches")).setEnabled(False)
            for query in recent:
                action = menu.addAction(query)
                action.setData(query)
                action.triggered.connect(lambda _c=False, q=query: self.run_requested.emit(q))
        if not saved and not recent:
            menu.addAction(self.tr("No searches yet")).setEnabled(False)
        menu.addSeparator()
        save = menu.addAction(self.tr("Save This Search…"))
        save.setObjectName("saveSearchAction")
        save.setEnabled(bool(self._current_query()))
        save.triggered.connect(self.save_current)
        forget = menu.addMenu(self.tr("Delete Saved Search"))
        forget.setObjectName("deleteSavedSearchMenu")
        forget.setEnabled(bool(saved))
        for item in saved:
            action = forget.addAction(item.name)
            action.triggered.connect(lambda _c=False, n=item.name: self.delete(n))
        return menu

    def show_menu(self) -> QMenu:
        """Drop the menu down under the search box (returned for tests)."""
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.build_menu()
        edit = self._bar.query_edit
        self.menu.popup(edit.mapToGlobal(QPoint(0, edit.height())))
        return self.menu

"""The context menus of the library tree, the search results and the reading pane."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from reader.ui.actions import Action, ActionRegistry
from reader.ui.annotation_panel import AnnotationPanel
from reader.ui.brief_excerpts import add_excerpt_entry
from reader.ui.brief_panel import BriefPanel
from reader.ui.library_panel import LibraryPanel
from reader.ui.menus import add_color_actions, highlight_colour_title
from reader.ui.reading_pane import ReadingPane
from reader.ui.search_controller import SearchController


def _tr(text: str, count: int | None = None) -> str:
    if count is None:
        return QCoreApplication.translate("MainWindow", text)
    return QCoreApplication.translate("MainWindow", text, "", count)


class ContextMenus(QObject):
    """Right-click menus; their commands are the registry's or act on what is selected."""

    def __init__(
        self,
        window: QMainWindow,
        registry: ActionRegistry,
        library: LibraryPanel,
        search: SearchController,
        pane: ReadingPane,
        annotations: AnnotationPanel,
        annotations_dock: QDockWidget,
        briefs: BriefPanel,
        open_article: Callable[[int], object],
        edit_issue: Callable[[int], object],
        delete_issues: Callable[[list[int]], object],
        highlight: Callable[[str], object],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._registry = registry
        self._library = library
        self._search = search
        self._pane = pane
        self._annotations = annotations
        self._annotations_dock = annotations_dock
        self._briefs = briefs
        self._open_article = open_article
        self._edit_issue = edit_issue
        self._delete_issues = delete_issues
        self._highlight = highlight

    def _add_to_brief(self, menu: QMenu, ids: list[int]) -> None:
        add = menu.addAction(
            self._registry[Action.ADD_TO_BRIEF].icon(),
            _tr("Add %n Article(s) to Brief", len(ids)),
        )
        add.triggered.connect(partial(self._briefs.add_articles, ids))

    def tree_menu(self, position: QPoint) -> None:
        ids = self._library.selected_article_ids()
        menu = QMenu(self._window)
        if len(ids) == 1:
            menu.addAction(_tr("Open")).triggered.connect(partial(self._open_article, ids[0]))
        if ids:
            self._add_to_brief(menu, ids)
        model = self._library.model
        issue_ids = [
            i for index in self._library.selected_indexes() for i in model.issue_ids(index)
        ]
        if len(issue_ids) == 1:
            edit = menu.addAction(self._registry[Action.EDIT_ISSUE].text())
            edit.triggered.connect(partial(self._edit_issue, issue_ids[0]))
        if issue_ids:
            trash = menu.addAction(_tr("Move %n Issue(s) to Trash…", len(issue_ids)))
            trash.triggered.connect(partial(self._delete_issues, issue_ids))
        if not menu.isEmpty():
            menu.exec(position)

    def results_menu(self, position: QPoint) -> None:
        ids = self._search.selected_article_ids()
        if not ids:
            return
        menu = QMenu(self._window)
        rows = self._search.results.selected_rows()
        menu.addAction(_tr("Open")).triggered.connect(partial(self._search.open_row, rows[0]))
        self._add_to_brief(menu, ids)
        menu.exec(self._search.results.viewport().mapToGlobal(position))

    def pane_menu(self, position: QPoint) -> None:
        """Copy, highlight (in a colour), note, bookmark, tag, brief — on the reading pane."""
        pane = self._pane
        if pane.article is None:
            return
        menu = QMenu(self._window)
        menu.addAction(self._registry[Action.COPY])
        menu.addSeparator()
        menu.addAction(self._registry[Action.HIGHLIGHT])
        colors = menu.addMenu(highlight_colour_title())
        add_color_actions(colors, self._highlight)
        colors.setEnabled(pane.selected_span() is not None)
        menu.addAction(self._registry[Action.ADD_NOTE])
        point = pane.viewport().mapFromGlobal(position)
        under = pane.highlight_at(pane.cursorForPosition(point).position())
        if under is not None:
            show = menu.addAction(_tr("Show Highlight"))
            show.triggered.connect(self._annotations_dock.raise_)
            show.triggered.connect(partial(self._annotations.select_highlight, under))
        menu.addSeparator()
        for key in (
            Action.BOOKMARK,
            Action.ARTICLE_NOTE,
            Action.ADD_TAG,
            Action.ADD_TO_BRIEF,
            Action.EDIT_ISSUE,
        ):
            menu.addAction(self._registry[key])
        add_excerpt_entry(menu, self._pane, self._briefs, self._registry)
        menu.exec(position)

"""Keyboard focus shortcuts: straight to the library tree, the results, the article or the brief."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def _focus(dock: QDockWidget | None, widget: QWidget) -> None:
    if dock is not None:
        dock.show()
        dock.raise_()
    widget.setFocus()


def _brief_target(window: MainWindow) -> QWidget:
    """The brief's article list, or its chooser while there is no brief to list."""
    items = window.briefs.items
    return items if items.isEnabled() and items.isVisibleTo(window) else window.briefs.chooser


def connect_focus_actions(window: MainWindow) -> None:
    """Alt+1…4 focus the tree, the results, the reading pane and the brief panel; Tab
    then goes on through them in that order."""
    a = window.registry
    a.connect("focus_library", lambda: _focus(window.library_dock, window.library.tree))
    a.connect("focus_results", lambda: _focus(window.results_dock, window.search.results))
    a.connect("focus_article", lambda: _focus(None, window.pane))
    a.connect("focus_brief", lambda: _focus(window.briefs_dock, _brief_target(window)))
    order = [window.search.bar.query_edit, window.library.tree, window.search.results]
    order += [window.pane, window.briefs.items]
    for first, second in itertools.pairwise(order):
        QWidget.setTabOrder(first, second)

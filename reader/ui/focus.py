"""Keyboard focus: straight to the library tree, the results, the article or the brief
(Alt+1…4), and Tab through them in that order."""

from __future__ import annotations

import itertools

from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from reader.ui.brief_panel import BriefPanel


def _focus(dock: QDockWidget | None, widget: QWidget) -> None:
    if dock is not None:
        dock.show()
        dock.raise_()
    widget.setFocus()


class FocusKeys:
    """The targets of the Go to … commands; their slots are these methods."""

    def __init__(
        self,
        window: QMainWindow,
        search_box: QWidget,
        library: tuple[QDockWidget, QWidget],
        results: tuple[QDockWidget, QWidget],
        pane: QWidget,
        brief: tuple[QDockWidget, BriefPanel],
    ) -> None:
        self._window = window
        self._library, self._results, self._pane, self._brief = library, results, pane, brief
        order = [search_box, library[1], results[1], pane, brief[1].items]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def library(self) -> None:
        _focus(*self._library)

    def results(self) -> None:
        _focus(*self._results)

    def article(self) -> None:
        _focus(None, self._pane)

    def brief(self) -> None:
        """The brief's article list, or its chooser while there is no brief to list."""
        dock, panel = self._brief
        items = panel.items
        target = items if items.isEnabled() and items.isVisibleTo(self._window) else panel.chooser
        _focus(dock, target)

"""The window's menu bar and toolbars, laid out from the action definitions' places.

Texts use the ``MainWindow`` translation context, as if written in the window class.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from reader.ui.actions import ActionRegistry, Menu
from reader.ui.theme import HIGHLIGHT_COLORS

MENU_BAR = (Menu.FILE, Menu.EDIT, Menu.ARTICLE, Menu.BRIEF, Menu.VIEW, Menu.HELP)


def _menu_titles() -> dict[Menu, str]:
    return {
        Menu.FILE: QCoreApplication.translate("MainWindow", "&File"),
        Menu.EDIT: QCoreApplication.translate("MainWindow", "&Edit"),
        Menu.ARTICLE: QCoreApplication.translate("MainWindow", "&Article"),
        Menu.BRIEF: QCoreApplication.translate("MainWindow", "&Brief"),
        Menu.VIEW: QCoreApplication.translate("MainWindow", "&View"),
        Menu.LANGUAGE: QCoreApplication.translate("MainWindow", "Lan&guage"),
        Menu.HELP: QCoreApplication.translate("MainWindow", "&Help"),
    }


def color_label(color: str) -> str:
    labels = {
        "yellow": QCoreApplication.translate("MainWindow", "Yellow"),
        "green": QCoreApplication.translate("MainWindow", "Green"),
        "blue": QCoreApplication.translate("MainWindow", "Blue"),
        "pink": QCoreApplication.translate("MainWindow", "Pink"),
        "purple": QCoreApplication.translate("MainWindow", "Purple"),
        "orange": QCoreApplication.translate("MainWindow", "Orange"),
    }
    return labels.get(color, color)


def add_color_actions(menu: QMenu, highlight: Callable[[str], object]) -> None:
    """One entry per highlight colour, each highlighting the selection in it."""
    for color in HIGHLIGHT_COLORS:
        action = menu.addAction(color_label(color))
        action.triggered.connect(partial(highlight, color))


def highlight_colour_title() -> str:
    return QCoreApplication.translate("MainWindow", "Highlight &Colour")


def fill_menu(menu: QMenu, registry: ActionRegistry, place: Menu) -> None:
    for number, section in enumerate(registry.in_menu(place)):
        if number:
            menu.addSeparator()
        for action in section:
            menu.addAction(action)


def build_toolbars(window: QMainWindow, registry: ActionRegistry, search_bar: QWidget) -> None:
    bar = QToolBar(QCoreApplication.translate("MainWindow", "Search"), window)
    bar.setObjectName("searchToolbar")
    bar.setMovable(False)
    bar.addWidget(search_bar)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    tools = QToolBar(QCoreApplication.translate("MainWindow", "Tools"), window)
    tools.setObjectName("toolsToolbar")
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for action in registry.on_toolbar():
        tools.addAction(action)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)


def build_menus(
    window: QMainWindow,
    registry: ActionRegistry,
    docks: Sequence[QDockWidget],
    highlight: Callable[[str], object],
) -> None:
    """The menu bar: every command of the registry where its definition places it, with the
    docks and languages under View and the highlight colours under Article."""
    titles = _menu_titles()
    for place in MENU_BAR:
        menu = window.menuBar().addMenu(titles[place])
        fill_menu(menu, registry, place)
        if place is Menu.VIEW:
            menu.addSeparator()
            for dock in docks:
                menu.addAction(dock.toggleViewAction())
            fill_menu(menu.addMenu(titles[Menu.LANGUAGE]), registry, Menu.LANGUAGE)
        if place is Menu.ARTICLE:
            add_color_actions(menu.addMenu(highlight_colour_title()), highlight)

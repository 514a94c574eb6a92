"""The window's menu bar, toolbars and context menus, all placing actions of the registry.

Texts use the ``MainWindow`` translation context, as if written in the window class.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QMenu, QToolBar

from reader.ui.brief_excerpts import add_excerpt_entry
from reader.ui.theme import HIGHLIGHT_COLORS

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

MENUS: list[tuple[str, list[str | None]]] = [
    (
        "file",
        [
            "import_files",
            "import_folder",
            None,
            "show_trash",
            "remove_samples",
            "export_annotations",
            "import_annotations",
            None,
            "print_article",
            "print_brief",
            None,
            "backup",
            "restore",
            "reindex",
            None,
            "quit",
        ],
    ),
    (
        "edit",
        [
            "undo",
            "copy",
            None,
            "focus_search",
            "find_in_article",
            "find_next",
            "find_previous",
            None,
            "edit_issue",
            "delete_issue",
        ],
    ),
    (
        "article",
        [
            "bookmark",
            "highlight",
            "add_note",
            "article_note",
            "add_tag",
            None,
            "add_to_brief",
            "article_history",
        ],
    ),
    ("brief", ["new_brief", "add_to_brief", "export_brief"]),
    (
        "view",
        [
            "zoom_in",
            "zoom_out",
            "zoom_reset",
            None,
            "theme_light",
            "theme_dark",
            None,
            "focus_library",
            "focus_results",
            "focus_article",
            "focus_brief",
        ],
    ),
    ("help", ["about"]),
]
TOOLBAR = (
    "import_files",
    "bookmark",
    "highlight",
    "add_note",
    "add_to_brief",
    "export_brief",
    "zoom_out",
    "zoom_in",
)


def _menu_titles() -> dict[str, str]:
    return {
        "file": QCoreApplication.translate("MainWindow", "&File"),
        "edit": QCoreApplication.translate("MainWindow", "&Edit"),
        "article": QCoreApplication.translate("MainWindow", "&Article"),
        "brief": QCoreApplication.translate("MainWindow", "&Brief"),
        "view": QCoreApplication.translate("MainWindow", "&View"),
        "help": QCoreApplication.translate("MainWindow", "&Help"),
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


def add_color_actions(window: MainWindow, menu: QMenu) -> None:
    for color in HIGHLIGHT_COLORS:
        action = menu.addAction(color_label(color))
        action.triggered.connect(partial(window.highlight_selection, color))


def build_toolbars(window: MainWindow) -> None:
    bar = QToolBar(QCoreApplication.translate("MainWindow", "Search"), window)
    bar.setObjectName("searchToolbar")
    bar.setMovable(False)
    bar.addWidget(window.search.bar)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    tools = QToolBar(QCoreApplication.translate("MainWindow", "Tools"), window)
    tools.setObjectName("toolsToolbar")
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for name in TOOLBAR:
        tools.addAction(window.registry[name])
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)


def build_menus(window: MainWindow) -> None:
    """The menu bar: every command of the registry, with the docks and languages under View."""
    titles = _menu_titles()
    for key, names in MENUS:
        menu = window.menuBar().addMenu(titles[key])
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(window.registry[name])
        if key == "view":
            menu.addSeparator()
            for dock in (
                window.library_dock,
                window.results_dock,
                window.annotations_dock,
                window.briefs_dock,
            ):
                menu.addAction(dock.toggleViewAction())
            language = menu.addMenu(QCoreApplication.translate("MainWindow", "Lan&guage"))
            language.addAction(window.registry["language_zh"])
            language.addAction(window.registry["language_en"])
        if key == "article":
            add_color_actions(
                window, menu.addMenu(QCoreApplication.translate("MainWindow", "Highlight &Colour"))
            )


def tree_menu(window: MainWindow, position: QPoint) -> None:
    ids = window.library.selected_article_ids()
    menu = QMenu(window)
    if len(ids) == 1:
        menu.addAction(QCoreApplication.translate("MainWindow", "Open")).triggered.connect(
            partial(window.open_article, ids[0])
        )
    if ids:
        add = menu.addAction(
            window.registry["add_to_brief"].icon(),
            QCoreApplication.translate("MainWindow", "Add %n Article(s) to Brief", "", len(ids)),
        )
        add.triggered.connect(partial(window.briefs.add_articles, ids))
    issue_ids = [
        i for index in window.library.selected_indexes() for i in window.tree_model.issue_ids(index)
    ]
    if len(issue_ids) == 1:
        edit = menu.addAction(window.registry["edit_issue"].text())
        edit.triggered.connect(partial(window.edit_issue, issue_ids[0]))
    if issue_ids:
        trash = menu.addAction(
            QCoreApplication.translate(
                "MainWindow", "Move %n Issue(s) to Trash…", "", len(issue_ids)
            )
        )
        trash.triggered.connect(partial(window.curation.delete_issues, issue_ids))
    if not menu.isEmpty():
        menu.exec(position)


def results_menu(window: MainWindow, position: QPoint) -> None:
    ids = window.search.selected_article_ids()
    if not ids:
        return
    menu = QMenu(window)
    rows = window.search.results.selected_rows()
    menu.addAction(QCoreApplication.translate("MainWindow", "Open")).triggered.connect(
        partial(window.search.open_row, rows[0])
    )
    add = menu.addAction(
        window.registry["add_to_brief"].icon(),
        QCoreApplication.translate("MainWindow", "Add %n Article(s) to Brief", "", len(ids)),
    )
    add.triggered.connect(partial(window.briefs.add_articles, ids))
    menu.exec(window.search.results.viewport().mapToGlobal(position))


def pane_menu(window: MainWindow, position: QPoint) -> None:
    """Copy, highlight (in a colour), note, bookmark, tag, brief — on the reading pane."""
    pane = window.pane
    if pane.article is None:
        return
    menu = QMenu(window)
    menu.addAction(window.registry["copy"])
    menu.addSeparator()
    menu.addAction(window.registry["highlight"])
    colors = menu.addMenu(QCoreApplication.translate("MainWindow", "Highlight &Colour"))
    add_color_actions(window, colors)
    colors.setEnabled(pane.selected_span() is not None)
    menu.addAction(window.registry["add_note"])
    point = pane.viewport().mapFromGlobal(position)
    under = pane.highlight_at(pane.cursorForPosition(point).position())
    if under is not None:
        show = menu.addAction(QCoreApplication.translate("MainWindow", "Show Highlight"))
        show.triggered.connect(window.annotations_dock.raise_)
        show.triggered.connect(partial(window.annotations.select_highlight, under))
    menu.addSeparator()
    for name in ("bookmark", "article_note", "add_tag", "add_to_brief", "edit_issue"):
        menu.addAction(window.registry[name])
    add_excerpt_entry(window, menu)
    menu.exec(position)

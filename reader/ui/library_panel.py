"""The left panel: a filter box over the library tree (series › year › issue › article)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from reader.ui.tree_model import ARTICLE_ID_ROLE, LibraryTreeModel

FILTER_DELAY_MS = 250


class LibraryPanel(QWidget):
    """Tree and filter; ``article_activated`` when an article is chosen."""

    article_activated = Signal(int)
    context_menu_requested = Signal(QPoint)  # global position

    def __init__(self, model: LibraryTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.model = model
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("treeFilter")
        self.filter_edit.setAccessibleName(self.tr("Filter titles"))
        self.filter_edit.setPlaceholderText(self.tr("Filter titles…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = QTreeView(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setAccessibleName(self.tr("Library"))
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setDragEnabled(True)  # articles into the brief panel
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setModel(model)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(
            lambda pos: self.context_menu_requested.emit(self.tree.viewport().mapToGlobal(pos))
        )
        self.tree.activated.connect(self._activated)
        self.tree.clicked.connect(self._activated)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textEdited.connect(lambda _t: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self.apply_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)

    def current_article_id(self) -> int | None:
        """The article of the tree's current row (None on a series, year or issue)."""
        article_id = self.tree.currentIndex().data(ARTICLE_ID_ROLE)
        return int(article_id) if article_id is not None else None

    def follow_article(self, article_id: int) -> None:
        """Make the opened article the tree's current row, unless it already is (a
        Ctrl+click that opened it keeps its multiple selection)."""
        if self.current_article_id() != article_id:
            self.reveal_article(article_id)

    def _activated(self, index: QModelIndex) -> None:
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is not None:
            self.article_activated.emit(int(article_id))

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_title_filter(self.filter_edit.text())
        if self.model.title_filter():
            # A filtered tree is small enough to show whole, down to the issues.
            self.tree.expandToDepth(2)
        else:
            self.tree.expandToDepth(0)

    def reload(self, current_article: int | None) -> None:
        """Read the tree again, keeping what was expanded and the open article selected."""
        expanded = self._expanded_paths()
        self.model.reload()
        for path in expanded:
            index = self.model.index_for_path(path)
            if index.isValid():
                self.tree.expand(index)
        if current_article is not None:
            self.reveal_article(current_article, scroll=False)

    def _expanded_paths(self) -> list[tuple[tuple[str, Any], ...]]:
        paths = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                if self.tree.isExpanded(index):
                    paths.append(self.model.node_path(index))
                    walk(index)

        walk(QModelIndex())
        return paths

    def reveal_article(self, article_id: int, scroll: bool = True) -> None:
        """Select the article in the tree (expanding its series, year and issue)."""
        path = self.model.article_path(article_id)
        if path is None:
            return
        index = self.model.index_for_path(path)
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        if scroll:
            self.tree.scrollTo(index)

    def selected_indexes(self) -> list[QModelIndex]:
        return list(self.tree.selectionModel().selectedIndexes())

    def selected_article_ids(self) -> list[int]:
        """Articles selected, an issue counting as all of its articles, in tree order."""
        ids: list[int] = []
        for index in sorted(self.selected_indexes(), key=_tree_order):
            for article_id in self.model.article_ids(index):
                if article_id not in ids:
                    ids.append(article_id)
        return ids


def _tree_order(index: QModelIndex) -> list[int]:
    rows = []
    while index.isValid():
        rows.append(index.row())
        index = index.parent()
    return list(reversed(rows))

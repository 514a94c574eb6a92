"""The Article menu's commands on the open article: bookmark, highlight, notes, tags, and
adding what the focused view has selected to the brief."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDockWidget, QInputDialog, QMainWindow

from reader.annotations import bookmarks as bookmark_store
from reader.archive import Archive
from reader.operations import annotating as ops
from reader.ui.annotation_panel import AnnotationPanel
from reader.ui.brief_panel import BriefPanel
from reader.ui.library_panel import LibraryPanel
from reader.ui.reading_pane import ReadingPane
from reader.ui.runner import OpRunner
from reader.ui.search_controller import SearchController


class ArticleCommands(QObject):
    """Commands on the article in the reading pane; each write is one operation."""

    def __init__(
        self,
        window: QMainWindow,
        archive: Archive,
        runner: OpRunner,
        pane: ReadingPane,
        annotations: tuple[QDockWidget, AnnotationPanel],
        views: tuple[LibraryPanel, SearchController, BriefPanel],
        bookmark_removed: Callable[[Any], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._archive = archive
        self._ops = runner
        self._pane = pane
        self._dock, self._annotations = annotations
        self._library, self._search, self._briefs = views
        self._bookmark_removed = bookmark_removed

    def _article_id(self) -> int | None:
        article = self._pane.article
        return article.id if article is not None else None

    def _status(self, text: str, ms: int) -> None:
        self._window.statusBar().showMessage(text, ms)

    def toggle_bookmark(self) -> None:
        article_id = self._article_id()
        if article_id is None:
            return
        if bookmark_store.get_bookmark(self._archive.db, article_id) is None:
            op, message = ops.add_bookmark, self.tr("Bookmarked")
        else:
            op, message = ops.remove_bookmark, self.tr("Bookmark removed")

        def done(result: object) -> None:
            if op is ops.remove_bookmark:
                self._bookmark_removed(result)
            self._status(message, 3000)

        self._ops.run(lambda a: op(a, article_id), success=done)

    def highlight_selection(
        self, color: str = "yellow", note: str | None = None, edit_note: bool = False
    ) -> None:
        article_id, span = self._article_id(), self._pane.selected_span()
        if article_id is None or span is None:
            self._status(self.tr("Select some text of the article first"), 4000)
            return
        start, end = span

        def done(highlight: Any) -> None:
            self._annotations.reload_highlights()
            if edit_note:
                self._dock.raise_()
                self._annotations.edit_highlight_note(highlight.id)

        self._ops.run(
            lambda a: ops.add_highlight(a, article_id, start, end, color, note),
            success=done,
            initiator=self._annotations,  # ``done`` shows the new highlight there
        )

    def note_on_selection(self) -> None:
        self.highlight_selection("yellow", edit_note=True)

    def note_on_article(self) -> None:
        self._dock.show()
        self._dock.raise_()
        self._annotations.add_note_editor()

    def ask_tag(self) -> None:
        article_id = self._article_id()
        if article_id is None:
            return
        name, ok = QInputDialog.getText(
            self._window, self.tr("Add Tag"), self.tr("Tag (one word):")
        )
        if ok and name.strip():
            self._ops.run(lambda a: ops.add_tag(a, article_id, name.strip()))

    def add_focused_to_brief(self) -> None:
        """Add to the brief what the focused view has selected (tree, results, or the article)."""
        focus = QApplication.focusWidget()
        if focus is self._library.tree:
            ids = self._library.selected_article_ids()
        elif focus is self._search.results:
            ids = self._search.selected_article_ids()
        else:
            current = self._article_id()
            ids = [current] if current is not None else []
        self._briefs.add_articles(ids)

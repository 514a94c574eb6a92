"""The main window: library tree, reading pane, search, annotations and the brief basket.

The window reads through the GUI thread's own ``Archive``; every write goes to the
``Worker``, whose ``archive_changed`` refreshes what the window shows.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.annotations import bookmarks as bookmark_store
from reader.annotations import highlights as hl_store
from reader.annotations import tags as tag_store
from reader.archive import Archive
from reader.store import issues as store
from reader.ui import menus
from reader.ui.actions import ARTICLE_ACTIONS, ActionRegistry
from reader.ui.annotation_panel import AnnotationPanel
from reader.ui.annotation_transfer import AnnotationTransfer
from reader.ui.article_info_bar import ArticleInfoBar
from reader.ui.brief_panel import BriefPanel
from reader.ui.curation import Curation
from reader.ui.dialogs import offer_restart
from reader.ui.find_bar import FindBar
from reader.ui.focus import connect_focus_actions
from reader.ui.housekeeping import Housekeeping
from reader.ui.icons import themed_icon
from reader.ui.library_panel import LibraryPanel
from reader.ui.match_walker import MatchWalker
from reader.ui.reading_pane import PaintedHighlight, ReadingPane
from reader.ui.screen_fit import clamp_to_screen
from reader.ui.search_controller import PendingHit, SearchController
from reader.ui.settings import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, MIN_FONT_SIZE, Settings
from reader.ui.theme import apply_app_palette, theme_named
from reader.ui.topic_panel import TopicPanel
from reader.ui.tree_model import LibraryTreeModel
from reader.ui.worker import Worker

REFRESH_DELAY_MS = 150


def icon(name: str) -> QIcon:
    return themed_icon(name)


class MainWindow(QMainWindow):
    """The reader's window on one archive folder."""

    article_opened = Signal(int)

    def __init__(
        self, archive: Archive, settings: Settings, worker: Worker, font_family: str
    ) -> None:
        super().__init__()
        self._closed = False
        self.restart_requested = False
        self.setObjectName("mainWindow")
        self.archive = archive
        self.settings = settings
        self.worker = worker
        self.theme = theme_named(settings.theme)
        self.setWindowTitle(self.tr("Reader — 科技情报参考 archive"))
        self.setWindowIcon(icon("reader"))
        self.setAcceptDrops(True)
        self.registry = ActionRegistry(self, icon)
        for action in self.registry.all():
            self.addAction(action)  # shortcuts work wherever the focus is

        # Centre: find bar over the reading pane.
        self.pane = ReadingPane(self.theme, font_family, settings.font_size, self)
        self.pane.setAccessibleName(self.tr("Article"))
        self.find_bar = FindBar(self.registry["find_previous"], self.registry["find_next"], self)
        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        self.article_info = ArticleInfoBar(archive, self)
        layout.addWidget(self.article_info)
        layout.addWidget(self.pane, 1)
        self.setCentralWidget(centre)

        # Left: the library tree and the search results.
        self.tree_model = LibraryTreeModel(lambda: self.archive.db, self)
        self.library = LibraryPanel(self.tree_model, self)
        self.library_dock = self._dock(
            "libraryDock", self.tr("Library"), self.library, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.search = SearchController(self, archive, settings, self.theme)
        self.results_dock = self._dock(
            "resultsDock",
            self.tr("Search Results"),
            self.search.results,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.tabifyDockWidget(self.library_dock, self.results_dock)
        self.library_dock.raise_()

        # Right: annotations and the brief basket.
        self.annotations = AnnotationPanel(archive, worker, self.theme, self)
        self.annotations_dock = self._dock(
            "annotationsDock",
            self.tr("Notes and Highlights"),
            self.annotations,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.briefs = BriefPanel(archive, worker, settings, self)
        self.briefs_dock = self._dock(
            "briefsDock", self.tr("Brief"), self.briefs, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.annotations_dock, self.briefs_dock)
        self.topics = TopicPanel(archive, worker, self)
        # Its row of buttons would otherwise hold the right docks wider than the reading
        # column on a small screen; they clip instead.
        self.topics.setMinimumWidth(200)
        self.topics_dock = self._dock(
            "topicsDock", self.tr("Topics"), self.topics, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.briefs_dock, self.topics_dock)
        self.annotations_dock.raise_()

        self.housekeeping = Housekeeping(self, archive, worker, settings)
        self.curation = Curation(self)
        self.housekeeping.identity_check = self.curation.identity_choice
        self.walker = MatchWalker(self.pane, self.find_bar, self.search, self._open_walked)
        menus.build_toolbars(self)
        menus.build_menus(self)
        self._connect()
        connect_focus_actions(self)
        self.transfer = AnnotationTransfer(self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.worker.archive_changed.connect(self._refresh_timer.start)
        self.registry[f"theme_{self.theme.name}"].setChecked(True)
        self.registry["language_zh" if settings.language == "zh_CN" else "language_en"].setChecked(
            True
        )
        self._update_article_actions()
        self.search.refresh_filters()
        self.resize(1280, 820)
        geometry, state = settings.window_geometry(), settings.window_state()
        if state is None:  # the reading column gets the width; once laid out, as docks ask
            QTimer.singleShot(0, self._default_dock_widths)
        if geometry is not None:
            self.restoreGeometry(geometry)
        clamp_to_screen(self)
        if state is not None:
            self.restoreState(state)

    # -- building -----------------------------------------------------------------------
    def _default_dock_widths(self) -> None:
        side = max(220, self.width() // 5)
        docks = [self.library_dock, self.annotations_dock]
        self.resizeDocks(docks, [side, side], Qt.Orientation.Horizontal)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        a = self.registry
        a.connect("quit", self.close)
        a.connect("copy", self.pane.copy)
        a.connect("focus_search", self.search.focus)
        a.connect("find_in_article", self.walker.focus_find)
        a.connect("find_next", self.next_match)
        a.connect("find_previous", self.previous_match)
        a.connect("bookmark", self.toggle_bookmark)
        a.connect("highlight", lambda: self.highlight_selection("yellow"))
        a.connect("add_note", self.note_on_selection)
        a.connect("article_note", self.note_on_article)
        a.connect("add_tag", self.ask_tag)
        a.connect("add_to_brief", self.add_focused_to_brief)
        a.connect("new_brief", self.briefs.new_brief)
        a.connect("export_brief", self.briefs.export)
        a.connect("zoom_in", lambda: self.set_font_size(self.pane.font_size + 1))
        a.connect("zoom_out", lambda: self.set_font_size(self.pane.font_size - 1))
        a.connect("zoom_reset", lambda: self.set_font_size(DEFAULT_FONT_SIZE))
        a.connect("theme_light", lambda: self.set_theme("light"))
        a.connect("theme_dark", lambda: self.set_theme("dark"))
        a.connect("language_zh", lambda: self.set_language("zh_CN"))
        a.connect("language_en", lambda: self.set_language("en"))
        a.connect("about", self.about)
        a.connect("import_files", self.housekeeping.import_files)
        a.connect("import_folder", self.housekeeping.import_folder)
        a.connect("backup", self.housekeeping.backup)
        a.connect("restore", self.housekeeping.restore)
        a.connect("reindex", self.housekeeping.reindex)
        a.connect("edit_issue", self.edit_issue)
        a.connect("undo", self.curation.undo.undo)
        a.connect("delete_issue", self.curation.delete_current_issue)
        a.connect("show_trash", self.curation.show_trash)
        a.connect("remove_samples", self.curation.delete_samples)
        a.connect("article_history", self.curation.show_history)
        self.annotations.deleted.connect(self.curation.record)
        self.briefs.entry_removed.connect(self.curation.record)
        self.library.article_activated.connect(self.open_article)
        self.library.context_menu_requested.connect(partial(menus.tree_menu, self))
        self.search.open_requested.connect(self.open_article)
        self.search.searched.connect(self._after_search)
        self.search.neighbour_found.connect(self._neighbour_found)
        self.search.results.customContextMenuRequested.connect(partial(menus.results_menu, self))
        self.pane.context_menu_requested.connect(partial(menus.pane_menu, self))
        self.pane.copyAvailable.connect(lambda _has: self._update_article_actions())
        self.annotations.highlight_activated.connect(self.pane.scroll_to_span)
        self.annotations.highlights_changed.connect(self._paint_highlights)
        self.briefs.article_activated.connect(self.open_article)
        self.topics.article_activated.connect(self.open_article)
        self.topics.brief_requested.connect(self.briefs.add_articles)
        self.article_opened.connect(self.topics.mark_article_seen)
        self.article_info.article_requested.connect(self.open_article)
        self.housekeeping.imported.connect(self._after_import)
        self.housekeeping.restore_started.connect(self.search.suspend)
        self.search.index_repair_requested.connect(
            lambda: self.housekeeping.repair_index(self.search.rerun)
        )
        self.housekeeping.reopened.connect(self._after_restore)

    # -- opening articles ---------------------------------------------------------------
    def current_article_id(self) -> int | None:
        article = self.pane.article
        return article.id if article is not None else None

    def open_article(self, article_id: int, hit: Any = None) -> bool:
        """Show an article, painting the current query's matches (from ``hit`` when given)."""
        article = store.get_article(self.archive.db, article_id)
        if article is None:
            return False
        issue = store.get_issue(self.archive.db, article.issue_id)
        self.annotations.show_article(article.id, article.title)
        self.pane.show_article(article, issue)
        self.article_info.show_article(article.id)
        self._paint_highlights()
        self.walker.paint(hit)
        self.settings.last_article_id = article.id
        self.library.follow_article(article.id)  # tree, results and pane stay in step
        self.search.follow_article(article.id)
        self._update_article_actions()
        self.article_opened.emit(article.id)
        return True

    def _paint_highlights(self) -> None:
        article_id = self.current_article_id()
        if article_id is None or self.annotations.article_id() != article_id:
            return
        self.pane.set_highlights(
            [
                PaintedHighlight(h.id, h.start, h.end, h.color)
                for h in self.annotations.highlights()
                if h.status != "lost"
            ]
        )

    # -- walking matches ----------------------------------------------------------------
    def _after_search(self, query: str) -> None:
        if query and self.search.model.rowCount():
            self.results_dock.show()
            self.results_dock.raise_()
        self.find_bar.set_query(query)
        self.walker.paint()

    def _open_walked(self, article_id: int, hit: Any) -> bool:
        # F3 past the loaded results: the next page's hit comes through ``neighbour_found``.
        return isinstance(hit, PendingHit) or self.open_article(article_id, hit)

    def _neighbour_found(self, hit: Any, from_article: int | None) -> None:
        if self.current_article_id() == from_article:  # else another article was opened
            self.open_article(hit.article_id, hit) if hit else self.walker.paint()

    def match_position(self) -> tuple[int | None, int]:
        """The current match (0-based) and the number of matches in the open article."""
        return self.walker.position()

    def next_match(self) -> None:
        self.walker.next()

    def previous_match(self) -> None:
        self.walker.previous()

    # -- annotating ---------------------------------------------------------------------
    def _update_article_actions(self) -> None:
        article_id = self.current_article_id()
        has_article = article_id is not None
        has_selection = has_article and self.pane.selected_span() is not None
        for name in ARTICLE_ACTIONS:
            self.registry[name].setEnabled(has_article)
        for name in ("highlight", "add_note"):
            self.registry[name].setEnabled(has_selection)
        if article_id is not None:
            bookmarked = bookmark_store.get_bookmark(self.archive.db, article_id) is not None
            self.registry["bookmark"].setChecked(bookmarked)
        else:
            self.registry["bookmark"].setChecked(False)

    def toggle_bookmark(self) -> None:
        article_id = self.current_article_id()
        if article_id is None:
            return
        if bookmark_store.get_bookmark(self.archive.db, article_id) is None:
            job = lambda a, _p: bookmark_store.add_bookmark(a.db, article_id)  # noqa: E731
            message = self.tr("Bookmarked")
        else:
            job = lambda a, _p: bookmark_store.delete_bookmark(a.db, article_id)  # noqa: E731
            message = self.tr("Bookmark removed")

        def done(result: object) -> None:
            self.curation.bookmark_removed(result)
            self._update_article_actions()
            self.statusBar().showMessage(message, 3000)

        self.worker.submit(
            job,
            on_done=done,
            on_failed=self.show_error,
        )

    def highlight_selection(
        self, color: str = "yellow", note: str | None = None, edit_note: bool = False
    ) -> None:
        article_id, span = self.current_article_id(), self.pane.selected_span()
        if article_id is None or span is None:
            self.statusBar().showMessage(self.tr("Select some text of the article first"), 4000)
            return
        start, end = span

        def done(highlight: Any) -> None:
            self.annotations.reload_highlights()
            if edit_note:
                self.annotations_dock.raise_()
                self.annotations.edit_highlight_note(highlight.id)

        self.worker.submit(
            lambda a, _p: hl_store.add_highlight(a.db, article_id, start, end, color, note),
            changes=False,
            on_done=done,
            on_failed=self.show_error,
        )

    def note_on_selection(self) -> None:
        self.highlight_selection("yellow", edit_note=True)

    def note_on_article(self) -> None:
        self.annotations_dock.show()
        self.annotations_dock.raise_()
        self.annotations.add_note_editor()

    def ask_tag(self) -> None:
        article_id = self.current_article_id()
        if article_id is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Add Tag"), self.tr("Tag (one word):"))
        if not ok or not name.strip():
            return
        self.worker.submit(
            lambda a, _p: tag_store.add_tag(a.db, article_id, name.strip()),
            on_done=lambda _r: self.annotations.show_article(
                article_id, self.pane.article.title if self.pane.article else ""
            ),
            on_failed=self.show_error,
        )

    # -- context menus and the brief ----------------------------------------------------
    def add_focused_to_brief(self) -> None:
        """Add to the brief what the focused view has selected (tree, results, or the article)."""
        focus = QApplication.focusWidget()
        if focus is self.library.tree:
            ids = self.library.selected_article_ids()
        elif focus is self.search.results:
            ids = self.search.selected_article_ids()
        else:
            current = self.current_article_id()
            ids = [current] if current is not None else []
        self.briefs.add_articles(ids)

    # -- housekeeping hooks -------------------------------------------------------------
    def edit_issue(self, issue_id: int | None = None) -> None:
        if issue_id is None:
            article = self.pane.article
            if article is None:
                return
            issue_id = article.issue_id
        self.housekeeping.edit_issue(issue_id)

    def _after_import(self, first_article: int | None) -> None:
        self.refresh()
        if self.current_article_id() is None and first_article is not None:
            self.open_article(first_article)

    def _after_restore(self) -> None:
        self.search.resume()
        self.refresh()
        article_id = self.current_article_id()
        if article_id is None or not self.open_article(article_id):
            self.pane.show_article(None, None)
            self.annotations.show_article(None, "")

    def refresh(self) -> None:
        """Show the archive as it now is (after imports, edits, restores)."""
        self._refresh_timer.stop()
        if self._closed or self.housekeeping.restoring:
            return  # after a restore, ``reopened`` refreshes
        self.library.reload(self.current_article_id())
        self.search.refresh_filters()
        self.briefs.reload()
        self.topics.reload()
        self._update_article_actions()
        article = self.pane.article
        if article is not None:
            fresh = store.get_article(self.archive.db, article.id)
            issue = store.get_issue(self.archive.db, fresh.issue_id) if fresh else None
            if fresh is None:
                self.pane.show_article(None, None)
            elif fresh != article or issue != self.pane._issue:
                scroll = self.pane.verticalScrollBar().value()
                self.open_article(fresh.id)
                self.pane.verticalScrollBar().setValue(scroll)

    def start(self) -> None:
        """First-start work on the worker: samples when empty, search index, backup; then
        reopen the last article."""
        self.housekeeping.start_up(self._restore_last_article)
        self.topics.reload()

    def _restore_last_article(self) -> None:
        last = self.settings.last_article_id
        if self.current_article_id() is None and last is not None and self.open_article(last):
            self.library.reveal_article(last)
        elif self.current_article_id() is None:
            self.library.tree.expandToDepth(0)

    # -- view ---------------------------------------------------------------------------
    def set_font_size(self, size: int) -> None:
        size = min(max(size, MIN_FONT_SIZE), MAX_FONT_SIZE)
        self.settings.font_size = size
        self.pane.set_font_size(size)

    def set_theme(self, name: str) -> None:
        self.settings.theme = name
        self.theme = theme_named(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_app_palette(app, self.theme)
        self.pane.set_theme(self.theme)
        self.search.set_theme(self.theme)
        self.annotations.set_theme(self.theme)
        self.registry[f"theme_{name}"].setChecked(True)

    def set_language(self, language: str) -> None:
        if language == self.settings.language:
            return
        self.settings.language = language
        self.registry["language_zh" if language == "zh_CN" else "language_en"].setChecked(True)
        if self.ask_restart():
            self.restart_requested = True  # ``run_app`` builds the window again in it
            self.close()

    def ask_restart(self) -> bool:
        """Offer to reopen the window in the new language now; True when the editor agrees."""
        return offer_restart(self)

    def about(self) -> None:
        from reader import __version__

        count = store.count_articles(self.archive.db)
        QMessageBox.about(
            self,
            self.tr("About Reader"),
            self.tr(
                "Reader %1 — an offline reader for the bulletin 科技情报参考.\n"
                "Archive: %2\nArticles: %3"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.archive.folder))
            .replace("%3", str(count)),
        )

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Reader"), message)

    # -- drag and drop of files to import -----------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.housekeeping.import_paths(paths)

    # -- closing ------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Save pending edits and the layout, and let the worker finish (once)."""
        if self._closed:
            return
        self._closed = True
        self._refresh_timer.stop()
        self.annotations.flush()
        self.briefs.flush()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.search.close()
        self.worker.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

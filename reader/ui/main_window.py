"""The main window: library tree, reading pane, search, annotations and the brief basket.

The window reads through the GUI thread's own ``Archive``; every write is an operation
(``reader.operations``) run by the ``OpRunner`` on the worker, and the change set each one
returns refreshes the views it touched.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.annotations import bookmarks as bookmark_store
from reader.archive import Archive
from reader.operations import Changes
from reader.store import issues as store
from reader.ui import menus, printing
from reader.ui.actions import Action, ActionRegistry
from reader.ui.annotation_panel import AnnotationPanel
from reader.ui.annotation_transfer import AnnotationTransfer
from reader.ui.archive_care import ArchiveCare
from reader.ui.article_commands import ArticleCommands
from reader.ui.article_info_bar import ArticleInfoBar
from reader.ui.brief_panel import BriefPanel
from reader.ui.context_menus import ContextMenus
from reader.ui.curation import Curation
from reader.ui.dialogs import offer_restart
from reader.ui.find_bar import FindBar
from reader.ui.focus import FocusKeys
from reader.ui.icons import themed_icon
from reader.ui.importing import Importing
from reader.ui.issue_editing import IssueEditing
from reader.ui.library_panel import LibraryPanel
from reader.ui.match_walker import MatchWalker
from reader.ui.reading_pane import PaintedHighlight, ReadingPane
from reader.ui.runner import OpRunner
from reader.ui.screen_fit import clamp_to_screen
from reader.ui.search_controller import PendingHit, SearchController
from reader.ui.settings import MAX_FONT_SIZE, MIN_FONT_SIZE, Settings
from reader.ui.start_up import StartUp
from reader.ui.theme import apply_app_palette, theme_named
from reader.ui.topic_panel import TopicPanel
from reader.ui.tree_model import LibraryTreeModel
from reader.ui.worker import Worker

REFRESH_DELAY_MS = 150
THEME_ACTIONS = {"light": Action.THEME_LIGHT, "dark": Action.THEME_DARK}
LANGUAGE_ACTIONS = {"zh_CN": Action.LANGUAGE_ZH, "en": Action.LANGUAGE_EN}


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
        self.ops = OpRunner(worker, self)
        self._pending: list[tuple[Changes, object]] = []
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
        self.find_bar = FindBar(
            self.registry[Action.FIND_PREVIOUS], self.registry[Action.FIND_NEXT], self
        )
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
        self.search = SearchController(self, archive, settings, self.theme, self.ops)
        self.results_dock = self._dock(
            "resultsDock",
            self.tr("Search Results"),
            self.search.panel,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.tabifyDockWidget(self.library_dock, self.results_dock)
        self.library_dock.raise_()

        # Right: annotations and the brief basket.
        self.annotations = AnnotationPanel(archive, self.ops, self.theme, self)
        self.annotations_dock = self._dock(
            "annotationsDock",
            self.tr("Notes and Highlights"),
            self.annotations,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.briefs = BriefPanel(archive, self.ops, settings, self)
        self.briefs_dock = self._dock(
            "briefsDock", self.tr("Brief"), self.briefs, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.annotations_dock, self.briefs_dock)
        self.topics = TopicPanel(archive, self.ops, self)
        # Its row of buttons would otherwise hold the right docks wider than the reading
        # column on a small screen; they clip instead.
        self.topics.setMinimumWidth(200)
        self.topics_dock = self._dock(
            "topicsDock", self.tr("Topics"), self.topics, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.briefs_dock, self.topics_dock)
        self.annotations_dock.raise_()

        self.importing = Importing(self, archive, self.ops, settings)
        self.archive_care = ArchiveCare(self, archive, self.ops, settings)
        self.startup = StartUp(self, archive, self.ops, self.importing)
        self.curation = Curation(self)
        self.issue_editing = IssueEditing(self, archive, self.ops, self.curation.identity_choice)
        self.walker = MatchWalker(self.pane, self.find_bar, self.search, self._open_walked)
        self.transfer = AnnotationTransfer(self, self.ops, settings)
        self.annotating = ArticleCommands(
            self,
            archive,
            self.ops,
            self.pane,
            (self.annotations_dock, self.annotations),
            (self.library, self.search, self.briefs),
            self.curation.bookmark_removed,
        )
        self.focus = FocusKeys(
            self,
            self.search.bar.query_edit,
            (self.library_dock, self.library.tree),
            (self.results_dock, self.search.results),
            self.pane,
            (self.briefs_dock, self.briefs),
        )
        self.context_menus = ContextMenus(
            self,
            self.registry,
            self.library,
            self.search,
            self.pane,
            self.annotations,
            self.annotations_dock,
            self.briefs,
            self.open_article,
            self.edit_issue,
            self.curation.delete_issues,
            self.annotating.highlight_selection,
        )
        menus.build_toolbars(self, self.registry, self.search.bar)
        docks = [self.library_dock, self.results_dock, self.annotations_dock, self.briefs_dock]
        menus.build_menus(self, self.registry, docks, self.annotating.highlight_selection)
        self.registry.connect_slots(self)
        self._connect()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh_pending)
        self.ops.changed.connect(self._archive_changed)
        self.registry[THEME_ACTIONS[self.theme.name]].setChecked(True)
        self.registry[LANGUAGE_ACTIONS[settings.language]].setChecked(True)
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
        self.annotations.deleted.connect(self.curation.record)
        self.briefs.entry_removed.connect(self.curation.record)
        self.library.article_activated.connect(self.open_article)
        self.library.context_menu_requested.connect(self.context_menus.tree_menu)
        self.search.open_requested.connect(self.open_article)
        self.search.searched.connect(self._after_search)
        self.search.neighbour_found.connect(self._neighbour_found)
        self.search.results.customContextMenuRequested.connect(self.context_menus.results_menu)
        self.pane.context_menu_requested.connect(self.context_menus.pane_menu)
        self.pane.copyAvailable.connect(lambda _has: self._update_article_actions())
        self.annotations.highlight_activated.connect(self.pane.scroll_to_span)
        self.annotations.highlights_changed.connect(self._paint_highlights)
        self.briefs.article_activated.connect(self.open_article)
        self.topics.article_activated.connect(self.open_article)
        self.topics.brief_requested.connect(self.briefs.add_articles)
        self.article_opened.connect(self.topics.mark_article_seen)
        self.article_info.article_requested.connect(self.open_article)
        self.importing.imported.connect(self._after_import)
        self.archive_care.restore_started.connect(self.search.suspend)
        self.archive_care.reopened.connect(self._after_restore)
        self.search.index_repair_requested.connect(
            lambda: self.archive_care.repair_index(self.search.rerun)
        )

    @property
    def show_dialogs(self) -> bool:
        """Ask questions and show reports and errors in dialogs (tests turn this off)."""
        return self.ops.show_dialogs

    @show_dialogs.setter
    def show_dialogs(self, value: bool) -> None:
        self.ops.show_dialogs = value

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

    # -- the commands' state -----------------------------------------------------------
    def _update_article_actions(self) -> None:
        article_id = self.current_article_id()
        self.registry.update_enabled(
            article_id is not None, article_id is not None and self.pane.selected_span() is not None
        )
        bookmarked = article_id is not None and (
            bookmark_store.get_bookmark(self.archive.db, article_id) is not None
        )
        self.registry[Action.BOOKMARK].setChecked(bookmarked)

    # -- importing, issues, restores ---------------------------------------------------
    def edit_issue(self, issue_id: int | None = None) -> None:
        if issue_id is None:
            article = self.pane.article
            if article is None:
                return
            issue_id = article.issue_id
        self.issue_editing.edit_issue(issue_id)

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

    def _archive_changed(self, changes: Changes, initiator: object) -> None:
        self._pending.append((changes, initiator))
        self._refresh_timer.start()  # a burst of operations refreshes once

    def _refresh_pending(self) -> None:
        self.refresh(self._pending)

    def refresh(self, changed: list[tuple[Changes, object]] | None = None) -> None:
        """Show the archive as it now is: the views that ``changed`` touched (a list of
        change sets and their initiators, which already show their own), or all."""
        self._refresh_timer.stop()
        self._pending = []
        if self._closed or self.archive_care.restoring:
            return  # after a restore, ``reopened`` refreshes

        def touched(*kinds: str, shown_by: QWidget | None = None) -> bool:
            return changed is None or any(
                (shown_by is None or initiator is not shown_by)
                and any(getattr(changes, k) for k in kinds)
                for changes, initiator in changed
            )

        # Tags and bookmarks are in the tree, and so are the 已编入 marks of exported briefs.
        if touched("issues", "articles", "annotations", "briefs"):
            self.library.reload(self.current_article_id())
        if touched("issues", "articles", "briefs", "index"):
            self.search.follow_archive_change()
        if touched("briefs", "issues", "articles", shown_by=self.briefs):
            self.briefs.reload()
        if touched("articles", "index", "topics"):
            self.topics.reload()
        if touched("annotations", shown_by=self.annotations):
            self.annotations.refresh()
        self._update_article_actions()
        article = self.pane.article
        if article is not None and touched("issues", "articles"):
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
        self.startup.start(self._restore_last_article)
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
        self.registry[THEME_ACTIONS[name]].setChecked(True)

    def set_language(self, language: str) -> None:
        if language == self.settings.language:
            return
        self.settings.language = language
        self.registry[LANGUAGE_ACTIONS[language]].setChecked(True)
        if self.ask_restart():
            self.restart_requested = True  # ``run_app`` builds the window again in it
            self.close()

    def ask_restart(self) -> bool:
        """Offer to reopen the window in the new language now; True when the editor agrees."""
        return offer_restart(self)

    def print_article(self) -> None:
        printing.show_preview(printing.article_preview(self))

    def print_brief(self) -> None:
        printing.show_preview(printing.brief_preview(self))

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

    # -- drag and drop of files to import -----------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.importing.import_paths(paths)

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

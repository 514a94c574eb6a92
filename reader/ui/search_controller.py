"""Searching from the window: runs the query, fills the results, knows the hits' spans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from reader import regions
from reader.archive import Archive
from reader.hit_families import Family, families
from reader.search import find_spans, query_terms, span_terms
from reader.search.index import IndexUnusable
from reader.searches import refine
from reader.store import tree as tree_queries
from reader.ui.hitlist_export import HitListExport
from reader.ui.result_delegate import ResultDelegate
from reader.ui.results_model import ResultsModel
from reader.ui.results_panel import ResultsPanel
from reader.ui.runner import OpRunner
from reader.ui.search_history import SearchHistory
from reader.ui.search_panel import ResultsView, SearchBar
from reader.ui.search_runner import SearchOutcome, SearchRequest, SearchRunner
from reader.ui.settings import Settings
from reader.ui.theme import Theme

# Hits per page: each costs a snippet, so a small first page keeps typing quick.
PAGE_SIZE = 25  # a screenful and a half; more load as the list scrolls
# Mark the search as running only when it is slow enough to notice; quick ones just show.
BUSY_DELAY_MS = 150
# A query that cannot be read is said only once the editor stops typing (or presses Enter):
# half-typed phrases (an opening quote) are unreadable for a moment as a matter of course.
SYNTAX_PAUSE_MS = 1200
# A query whose results the editor looks at this long goes into the history, opened or not.
HISTORY_DWELL_MS = 3000


@dataclass(frozen=True)
class PendingHit:
    """``neighbour_hit``'s answer while the next page of results is searched for."""

    article_id: int | None  # the article the walk starts from
    step: int


@dataclass(frozen=True)
class _Within:
    """Results being searched within: their full query, as typed, and the bar's filters."""

    full: str
    typed: str
    filters: tuple[Any, Any, Any]


def _quoted(value: str) -> str:
    return f'"{value}"' if any(ch.isspace() for ch in value) else value


class SearchController(QObject):
    """The search bar and results list, and the query's spans for the reading pane.

    Searches run on a ``SearchRunner`` thread; each new query gets the next generation and
    only the newest generation's results (and their pages) are ever shown.
    """

    open_requested = Signal(int, object)  # article id, hit
    searched = Signal(str)  # the query whose results are now shown
    # A search found the index missing, outdated or damaged: the writer should repair it
    # (searches only read). Once until a search succeeds again, so a repair that cannot
    # help is not asked for over and over.
    index_repair_requested = Signal()
    # F3 past the loaded results: the hit found once the next page came (None: none)
    # and the article the walk started from.
    neighbour_found = Signal(object, object)

    def __init__(
        self, parent: QWidget, archive: Archive, settings: Settings, theme: Theme, runner: OpRunner
    ) -> None:
        super().__init__(parent)
        self._archive = archive
        self._settings = settings
        self.bar = SearchBar(parent)
        self.history = SearchHistory(
            self.bar, archive, runner, lambda: self.full_query(self.bar.query()), self
        )
        self.history.run_requested.connect(self._run_saved)
        for query in reversed(settings.take_search_history()):
            self.history.record(query)
        self.model = ResultsModel(parent)
        self.model.set_fold_reprints(settings.fold_reprints)
        self.results = ResultsView(parent)
        self.results.setModel(self.model)
        self.delegate = ResultDelegate(theme, self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.panel = ResultsPanel(self.results, parent)
        self.panel.fold_button.setChecked(settings.fold_reprints)
        self.panel.fold_button.toggled.connect(self.set_fold_reprints)
        self.panel.refine_button.clicked.connect(self.refine_results)
        self.hitlist = HitListExport(parent, runner, settings, lambda: self._shown_full)
        self.panel.export_button.clicked.connect(self.hitlist.start)
        self.bar.scope_button.clicked.connect(self.end_refining)
        self.results.open_requested.connect(self.open_row)
        self.bar.search_requested.connect(self.run)
        self.bar.committed.connect(self._committed)
        self._parent = parent
        self.runner = SearchRunner(archive.folder, self)
        self.runner.delivered.connect(self._delivered)
        self._query = ""  # the newest query asked for, as typed
        self._repair_asked = False
        self._generation = 0  # of the newest query asked for
        self._shown_generation = 0  # of the results in the list
        self._shown_full = ""  # the full query (with filters) of the results in the list
        self._open_first: int | None = None  # Enter was pressed for this generation
        self._within: _Within | None = None  # the results being searched within
        self._walk: tuple[int | None, int] | None = None  # F3 waiting for a page
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._syntax_message = ""
        self._syntax_timer = QTimer(self)
        self._syntax_timer.setSingleShot(True)
        self._syntax_timer.setInterval(SYNTAX_PAUSE_MS)
        self._syntax_timer.timeout.connect(self._show_syntax_error)
        self.bar.query_edit.textEdited.connect(lambda _t: self._syntax_timer.stop())
        self._history_timer = QTimer(self)
        self._history_timer.setSingleShot(True)
        self._history_timer.setInterval(HISTORY_DWELL_MS)
        self._history_timer.timeout.connect(self._remember_shown)

    # -- running ------------------------------------------------------------------------
    def full_query(self, query: str) -> str:
        """The typed query with the filters as search syntax (and, when searching within
        results, the query of those results)."""
        parts = [query]
        year, series = self.bar.year(), self.bar.series()
        if year is not None:
            parts.append(f"year:{year}")
        if series is not None:
            parts.append(f"series:{_quoted(series)}")
        region = self.bar.region()
        if region is not None:
            parts.append(f"region:{region}")
        full = " ".join(p for p in parts if p)
        return refine(self._within.full, full) if self._within is not None else full

    def shown_query(self, query: str) -> str:
        """What the results are said to be for: the typed query, after the one refined."""
        return refine(self._within.typed, query) if self._within is not None else query

    # -- searching within results -------------------------------------------------------
    def refine_results(self) -> None:
        """Search within the results shown: what is typed next must hold in them too."""
        if not self._shown_full or (self._within is not None and not self.bar.query()):
            return
        bar = self.bar
        self._within = _Within(self._shown_full, self.model.query, bar.filters())
        bar.clear_filters()  # they are part of the refined query now
        bar.show_scope(self._within.typed)
        bar.query_edit.clear()
        bar.query_edit.setFocus()

    def end_refining(self) -> None:
        """Back to the query that was refined, with its filters."""
        within, self._within = self._within, None
        if within is None:
            return
        self.bar.hide_scope()
        self.bar.set_filters(within.filters)
        self.bar.set_query(within.typed)

    def is_refining(self) -> bool:
        return self._within is not None

    def run(self, query: str) -> None:
        """Search for ``query`` (with the filters) off the GUI thread; the hits show when
        they come, unless a newer query was asked for meanwhile."""
        query = query.strip()
        self._generation += 1
        self._open_first = None
        self._walk = None
        self._syntax_timer.stop()
        self._history_timer.stop()
        if not query and self._within is None:
            self._stop_busy()
            self._show(self._generation, "", "", [], 0)
            self.bar.status.setText("")
            self.results.set_empty_text("")
            self.searched.emit("")
            return
        self._query = query
        self._busy_timer.start()
        self.runner.request(SearchRequest(self._generation, self.full_query(query), PAGE_SIZE))

    def rerun(self) -> None:
        """Search again for the newest query (after the index was repaired)."""
        if self._query:
            self.run(self._query)

    def is_searching(self) -> bool:
        """True while the newest query's results have not come yet."""
        return self._shown_generation != self._generation

    def searching_text(self) -> str:
        """The status shown while a slow search runs."""
        return self.tr("Searching…")

    def _show_busy(self) -> None:
        if self.is_searching():
            self.bar.status.setText(self.searching_text())
            self.results.viewport().setCursor(Qt.CursorShape.BusyCursor)

    def _stop_busy(self) -> None:
        self._busy_timer.stop()
        self.results.viewport().unsetCursor()

    def _show(
        self,
        generation: int,
        query: str,
        full: str,
        hits: list[Any],
        total: int,
        families: dict[int, Family] | None = None,
    ) -> None:
        self._shown_generation = generation
        self._shown_full = full

        def request_page(offset: int) -> None:
            if generation == self._generation:  # else it would displace the newer search
                self.runner.request(SearchRequest(generation, full, PAGE_SIZE, offset))

        self.model.set_hits(query, hits, total, request_page if full else None, families)

    def _delivered(self, outcome: SearchOutcome) -> None:
        request = outcome.request
        if request.generation != self._generation:
            return  # superseded: a newer query was asked for
        if request.offset:
            self._page_delivered(outcome)
            return
        self._stop_busy()
        query = self.shown_query(self._query)
        if outcome.syntax_error and self._open_first != request.generation:
            # Still typing, perhaps: keep the list, say what is wrong once the editor pauses.
            self._shown_generation = request.generation
            self._shown_full = ""
            self._syntax_message = outcome.error or ""
            self._syntax_timer.start()
            return
        if outcome.error is not None:
            if isinstance(outcome.failure, IndexUnusable) and not self._repair_asked:
                self._repair_asked = True
                self.index_repair_requested.emit()
            self._show(request.generation, "", "", [], 0)
            self.bar.status.setText(outcome.error)
            self.results.set_empty_text(outcome.error)
            self.searched.emit(query)
            return
        self._repair_asked = False
        result = outcome.result
        hits = list(result.hits)
        self._show(request.generation, query, request.query, hits, result.total, outcome.families)
        self.bar.status.setText(self.tr("%n result(s)", "", result.total))
        nothing = self.tr("No article matches “%1”.").replace("%1", request.query)
        self.results.set_empty_text(nothing if not hits else "")
        self._history_timer.start()  # every query run joins, hits or not, once looked at
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
        self.searched.emit(query)
        if self._open_first == request.generation:
            self._open_first = None
            self.open_row(0)

    def _show_syntax_error(self) -> None:
        if self._shown_full == "" and self._shown_generation == self._generation:
            self._show(self._generation, "", "", [], 0)
            self.bar.status.setText(self._syntax_message)
            self.results.set_empty_text(self._syntax_message)
            self.searched.emit(self._query)

    def _page_delivered(self, outcome: SearchOutcome) -> None:
        page = list(outcome.result.hits) if outcome.result is not None else None
        if not self.model.add_page(outcome.request.offset, page, outcome.families):
            return
        walk, self._walk = self._walk, None
        if walk is not None:
            article_id, step = walk
            hit = self.neighbour_hit(article_id, step)
            if not isinstance(hit, PendingHit):
                self.neighbour_found.emit(hit, article_id)

    def _remember_shown(self) -> None:
        """Keep the query of the results on screen in the history."""
        self.history.record(self._shown_full)

    def _run_saved(self, query: str) -> None:
        """A saved or recent search, as it was run: its own filters, none from the bar."""
        self.bar.clear_filters()
        self.bar.set_query(query)

    def _committed(self, query: str) -> None:
        """Enter: remember the query and open its first result (once it has come)."""
        self.history.record(self.full_query(query))
        shown = not self.is_searching() and self._shown_full == self.full_query(query)
        if not shown:
            self.run(query)
            self._open_first = self._generation
        elif self.model.rowCount():
            self.open_row(0)

    def suspend(self) -> None:
        """Close the search thread's connection until ``resume`` (restoring a backup)."""
        self.runner.suspend()

    def resume(self) -> None:
        self.runner.resume()

    def close(self) -> None:
        """End the search thread and close its connection (the window is closing)."""
        self._stop_busy()
        self._history_timer.stop()  # the worker that would keep it stops with the window
        self._syntax_timer.stop()
        self.runner.close()

    def focus(self) -> None:
        self.bar.query_edit.setFocus()
        self.bar.query_edit.selectAll()

    def refresh_filters(self) -> None:
        db = self._archive.db
        years = sorted(
            {
                y
                for s, _i, _n in tree_queries.series_counts(db)
                for y, _c, _a in tree_queries.year_counts(db, s)
                if y is not None
            },
            reverse=True,
        )
        series = [s for s, _i, _n in tree_queries.series_counts(db) if s]
        self.bar.set_filter_choices(years, series)
        provinces = regions.provinces_in_archive(db)
        self.bar.set_region_choices([(regions.province_short(p),) * 2 for p in provinces])

    def set_fold_reprints(self, fold: bool) -> None:
        """Fold edited reprints under their first printing, keeping the open row current."""
        current = self.model.hit(self.results.currentIndex().row())
        self._settings.fold_reprints = fold
        self.model.set_fold_reprints(fold)
        if current is not None:
            self.follow_article(current.article_id)

    def follow_archive_change(self) -> None:
        """After the archive changed: the filters' choices, and what the results know of
        their articles (已编入 after an export, new reprint links after an import)."""
        self.refresh_filters()
        if self.model.rowCount():
            current = self.model.hit(self.results.currentIndex().row())
            self.model.set_families(families(self._archive.db, self.model.loaded_article_ids()))
            if current is not None:
                self.follow_article(current.article_id)

    def set_theme(self, theme: Theme) -> None:
        self.delegate.theme = theme
        self.results.viewport().update()

    # -- the hits -----------------------------------------------------------------------
    def results_query(self) -> str:
        return self.model.query

    def open_row(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is None:
            return
        if self.results.currentIndex().row() != row:  # keeps a Ctrl+click selection
            self.results.setCurrentIndex(self.model.index(row))
        if self._history_timer.isActive():  # opened before the pause: remember it now
            self._history_timer.stop()
            self._remember_shown()
        self.open_requested.emit(hit.article_id, hit if hit.source == "article" else None)

    def follow_article(self, article_id: int) -> None:
        """Make the opened article's result the current row (when it is among the results)."""
        current = self.model.hit(self.results.currentIndex().row())
        if current is not None and current.article_id == article_id:
            return
        row = self.model.row_of_article(article_id)
        if row is not None:
            self.results.setCurrentIndex(self.model.index(row))

    def hit_for_article(self, article_id: int) -> Any:
        """The article hit of the shown results for this article, if it is among them."""
        for hit in self.model.all_hits():
            if hit.article_id == article_id and hit.source == "article":
                return hit
        return None

    def neighbour_hit(self, article_id: int | None, step: int) -> Any:
        """The next (``step=1``) or previous (``-1``) result after ``article_id`` with matches.

        A ``PendingHit`` when the loaded results end first and the next page is being
        searched for: ``neighbour_found`` tells what it was once the page has come.
        """
        hits = self.model.hits()
        if not hits:
            return None
        current = self.results.currentIndex().row()
        rows = [r for r, h in enumerate(hits) if h.article_id == article_id]
        if 0 <= current < len(hits) and hits[current].article_id == article_id:
            start = current
        elif 0 <= current < len(hits) and not rows:
            start = current - step  # an article outside the results: go to the selected row
        else:
            start = rows[0] if rows else (-1 if step > 0 else len(hits))
        row = start + step
        while True:
            if row >= len(hits) and self.model.has_more() and not self.is_searching():
                self._walk = (article_id, step)
                self.model.fetchMore()  # unless a page is already on its way
                return PendingHit(article_id, step)
            if not 0 <= row < len(hits):
                break
            hit = hits[row]
            if (
                hit.article_id != article_id
                and hit.source == "article"
                and (hit.matches or hit.title_matches)
            ):
                self.results.setCurrentIndex(self.model.index(row))
                return hit
            row += step
        return None

    def spans_in(self, text: str, query: str) -> list[tuple[int, int]]:
        return find_spans(text, query)

    def terms_of(self, text: str, spans: list[tuple[int, int]]) -> list[int]:
        """Which term of the shown results' query each span of ``text`` is (for its hue)."""
        return span_terms(text, spans, query_terms(self.model.query))

    def selected_article_ids(self) -> list[int]:
        ids: list[int] = []
        for row in self.results.selected_rows():
            hit = self.model.hit(row)
            if hit is not None and hit.article_id not in ids:
                ids.append(hit.article_id)
        return ids

"""Searching from the window: runs the query, fills the results, knows the hits' spans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from reader import regions
from reader.archive import Archive
from reader.search import find_spans
from reader.search.index import IndexUnusable
from reader.ui import tree_queries
from reader.ui.search_panel import ResultDelegate, ResultsModel, ResultsView, SearchBar
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

    def __init__(self, parent: QWidget, archive: Archive, settings: Settings, theme: Theme) -> None:
        super().__init__(parent)
        self._archive = archive
        self._settings = settings
        self.bar = SearchBar(settings.search_history, parent)
        self.model = ResultsModel(parent)
        self.results = ResultsView(parent)
        self.results.setModel(self.model)
        self.delegate = ResultDelegate(theme, self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
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
        self._history_timer.timeout.connect(lambda: self._remember(self._query))

    # -- running ------------------------------------------------------------------------
    def full_query(self, query: str) -> str:
        """The typed query with the year and series filters as search syntax."""
        parts = [query]
        year, series = self.bar.year(), self.bar.series()
        if year is not None:
            parts.append(f"year:{year}")
        if series is not None:
            parts.append(f"series:{_quoted(series)}")
        region = self.bar.region()
        if region is not None:
            parts.append(f"region:{region}")
        return " ".join(parts)

    def run(self, query: str) -> None:
        """Search for ``query`` (with the filters) off the GUI thread; the hits show when
        they come, unless a newer query was asked for meanwhile."""
        query = query.strip()
        self._generation += 1
        self._open_first = None
        self._walk = None
        self._syntax_timer.stop()
        self._history_timer.stop()
        if not query:
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

    def _show(self, generation: int, query: str, full: str, hits: list[Any], total: int) -> None:
        self._shown_generation = generation
        self._shown_full = full

        def request_page(offset: int) -> None:
            if generation == self._generation:  # else it would displace the newer search
                self.runner.request(SearchRequest(generation, full, PAGE_SIZE, offset))

        self.model.set_hits(query, hits, total, request_page if full else None)

    def _delivered(self, outcome: SearchOutcome) -> None:
        request = outcome.request
        if request.generation != self._generation:
            return  # superseded: a newer query was asked for
        if request.offset:
            self._page_delivered(outcome)
            return
        self._stop_busy()
        query = self._query
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
        self._show(request.generation, query, request.query, hits, result.total)
        self.bar.status.setText(self.tr("%n result(s)", "", result.total))
        nothing = self.tr("No article matches “%1”.").replace("%1", request.query)
        self.results.set_empty_text(nothing if not hits else "")
        if hits:
            self._history_timer.start()
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
        if not self.model.add_page(outcome.request.offset, page):
            return
        walk, self._walk = self._walk, None
        if walk is not None:
            article_id, step = walk
            hit = self.neighbour_hit(article_id, step)
            if not isinstance(hit, PendingHit):
                self.neighbour_found.emit(hit, article_id)

    def _remember(self, query: str) -> None:
        if query:
            self._settings.remember_search(query)
            self.bar.set_history(self._settings.search_history)

    def _committed(self, query: str) -> None:
        """Enter: remember the query and open its first result (once it has come)."""
        self._settings.remember_search(query)
        self.bar.set_history(self._settings.search_history)
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
        self._settings.remember_search(self.model.query)
        self.bar.set_history(self._settings.search_history)
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
        for hit in self.model.hits():
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

    def selected_article_ids(self) -> list[int]:
        ids: list[int] = []
        for row in self.results.selected_rows():
            hit = self.model.hit(row)
            if hit is not None and hit.article_id not in ids:
                ids.append(hit.article_id)
        return ids

"""Searching from the window: runs the query, fills the results, knows the hits' spans."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from reader.archive import Archive
from reader.search import QuerySyntaxError, find_spans, search
from reader.ui import tree_queries
from reader.ui.search_panel import ResultDelegate, ResultsModel, ResultsView, SearchBar
from reader.ui.settings import Settings
from reader.ui.theme import Theme

# Hits per page: each costs a snippet, so a small first page keeps typing quick.
PAGE_SIZE = 25  # a screenful and a half; more load as the list scrolls


def _quoted(value: str) -> str:
    return f'"{value}"' if any(ch.isspace() for ch in value) else value


class SearchController(QObject):
    """The search bar and results list, and the query's spans for the reading pane."""

    open_requested = Signal(int, object)  # article id, hit
    searched = Signal(str)  # the query whose results are now shown

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

    # -- running ------------------------------------------------------------------------
    def full_query(self, query: str) -> str:
        """The typed query with the year and series filters as search syntax."""
        parts = [query]
        year, series = self.bar.year(), self.bar.series()
        if year is not None:
            parts.append(f"year:{year}")
        if series is not None:
            parts.append(f"series:{_quoted(series)}")
        return " ".join(parts)

    def run(self, query: str) -> None:
        """Search for ``query`` (with the filters) and show the hits."""
        query = query.strip()
        if not query:
            self.model.set_hits("", [], 0)
            self.bar.status.setText("")
            self.searched.emit("")
            return
        full = self.full_query(query)
        try:
            result = search(self._archive, full, limit=PAGE_SIZE)
        except QuerySyntaxError as error:
            self.model.set_hits("", [], 0)
            self.bar.status.setText(str(error))
            self.searched.emit(query)
            return

        def page(offset: int) -> list[Any]:
            return list(search(self._archive, full, limit=PAGE_SIZE, offset=offset).hits)

        hits = list(result.hits)
        self.model.set_hits(query, hits, result.total, page)
        self.bar.status.setText(self.tr("%n result(s)", "", result.total))
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
        self.searched.emit(query)

    def _committed(self, query: str) -> None:
        self._settings.remember_search(query)
        self.bar.set_history(self._settings.search_history)
        if self.model.rowCount():
            self.open_row(0)

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
        self.results.setCurrentIndex(self.model.index(row))
        self._settings.remember_search(self.model.query)
        self.bar.set_history(self._settings.search_history)
        self.open_requested.emit(hit.article_id, hit if hit.source == "article" else None)

    def hit_for_article(self, article_id: int) -> Any:
        """The article hit of the shown results for this article, if it is among them."""
        for hit in self.model.hits():
            if hit.article_id == article_id and hit.source == "article":
                return hit
        return None

    def neighbour_hit(self, article_id: int | None, step: int) -> Any:
        """The next (``step=1``) or previous (``-1``) result after ``article_id`` with matches."""
        hits = self.model.hits()
        if not hits:
            return None
        current = self.results.currentIndex().row()
        rows = [r for r, h in enumerate(hits) if h.article_id == article_id]
        if 0 <= current < len(hits) and hits[current].article_id == article_id:
            start = current
        else:
            start = rows[0] if rows else (-1 if step > 0 else len(hits))
        row = start + step
        while True:
            if row >= len(hits) and self.model.canFetchMore():
                self.model.fetchMore()
                hits = self.model.hits()
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

"""Walking the query's matches: within the open article, then on to the next result.

The query in the find bar is painted over the open article: from the search hit's own
spans when the article is one of the results of that query, else found in its text. The
search query's hits are written in each term's hue; another text typed in the find bar is
a Ctrl+F search, its matches filled instead.
F3 / Shift+F3 walk the matches; past the last (first) one, the next (previous) result
with matches opens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from reader.ui.find_bar import FindBar
from reader.ui.reading_pane import ReadingPane
from reader.ui.search_controller import SearchController


class MatchWalker(QObject):
    """Paints the query's spans in the pane and moves between them and between results."""

    def __init__(
        self,
        pane: ReadingPane,
        find_bar: FindBar,
        search: SearchController,
        open_article: Callable[[int, Any], bool],
    ) -> None:
        super().__init__(pane)
        self._pane = pane
        self._find_bar = find_bar
        self._search = search
        self._open_article = open_article
        find_bar.query_changed.connect(lambda _q: self.paint())

    def paint(self, hit: Any = None) -> None:
        """Paint the find bar's query over the open article and go to its first match."""
        article = self._pane.article
        query = self._find_bar.query()
        if article is None:
            self._find_bar.show_position(None, 0)
            return
        from_results = bool(query) and query == self._search.results_query()
        if hit is None and from_results:
            hit = self._search.hit_for_article(article.id)
        if hit is not None and hit.article_id == article.id and from_results:
            body, title = list(hit.matches), list(hit.title_matches)
        elif query:
            body = self._search.spans_in(article.text, query)
            title = self._search.spans_in(article.title, query)
        else:
            body, title = [], []
        if query and query == self._search.results_query():  # the query's hits: term hues
            self._pane.set_search_spans(
                body,
                title,
                body_terms=self._search.terms_of(article.text, body),
                title_terms=self._search.terms_of(article.title, title),
            )
        else:  # Ctrl+F on a text of the editor's own
            self._pane.set_search_spans(body, title, find=True)
        if self._pane.search_span_count():
            self._pane.go_to_match(0)
        self._show_position()

    def focus_find(self) -> None:
        """Ctrl+F: the selection (within one paragraph) becomes the query; focus the box."""
        selected = self._pane.textCursor().selectedText().strip()
        if selected and "\u2029" not in selected:
            self._find_bar.set_query(selected)
            self.paint()
        self._find_bar.edit.setFocus()
        self._find_bar.edit.selectAll()

    def position(self) -> tuple[int | None, int]:
        """The current match (0-based) and the number of matches in the open article."""
        return self._pane.current_match(), self._pane.search_span_count()

    def next(self) -> None:
        current, total = self.position()
        if total and (current is None or current + 1 < total):
            self._go_to(0 if current is None else current + 1)
        elif not self._open_neighbour(+1) and total:
            self._go_to(0)

    def previous(self) -> None:
        current, total = self.position()
        if total and current is not None and current > 0:
            self._go_to(current - 1)
        elif not self._open_neighbour(-1) and total:
            self._go_to(total - 1)

    def _go_to(self, number: int) -> None:
        self._pane.go_to_match(number)
        self._show_position()

    def _show_position(self) -> None:
        self._find_bar.show_position(self._pane.current_match(), self._pane.search_span_count())

    def _open_neighbour(self, step: int) -> bool:
        """Past the last (first) match, open the next (previous) result that has matches."""
        if self._find_bar.query() != self._search.results_query():
            return False
        article = self._pane.article
        hit = self._search.neighbour_hit(article.id if article else None, step)
        if hit is None:
            return False
        self._open_article(hit.article_id, hit)
        if step < 0 and self._pane.search_span_count():
            self._go_to(self._pane.search_span_count() - 1)
        return True

"""The results of one search as a list model: the search's own records, a page at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from reader.search import query_terms, span_terms
from reader.ui.article_drag import ARTICLE_IDS_MIME, article_mime

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_SPANS_ROLE = Qt.ItemDataRole.UserRole + 3
SNIPPET_TERMS_ROLE = Qt.ItemDataRole.UserRole + 4  # per snippet span: its query term
TITLE_TERMS_ROLE = Qt.ItemDataRole.UserRole + 5  # per title span: its query term

AnyIndex = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


PageRequester = Callable[[int], None]


class ResultsModel(QAbstractListModel):
    """The hits of one search, a page at a time: the search's own records, shown as they are.

    The view asks for the next page (``fetchMore``) when it is scrolled to the end; the page
    is searched for off the GUI thread and comes back through ``add_page``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Any] = []
        self._request_page: PageRequester | None = None
        self._waiting_for: int | None = None  # the offset of the page asked for
        self.query = ""
        self.terms: list[str] = []  # the query's terms, folded: one hue each
        self.total = 0

    def set_hits(
        self, query: str, hits: list[Any], total: int, request_page: PageRequester | None = None
    ) -> None:
        """Show the first page; ``request_page(offset)`` asks for the hits from ``offset`` on."""
        self.beginResetModel()
        self.query = query
        self.terms = query_terms(query)
        self._hits = list(hits)
        self._request_page = request_page
        self._waiting_for = None
        self.total = total
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex = _TOP) -> bool:
        return (
            not parent.isValid()
            and self._request_page is not None
            and self._waiting_for is None
            and len(self._hits) < self.total
        )

    def fetchMore(self, parent: AnyIndex = _TOP) -> None:
        if not self.canFetchMore(parent) or self._request_page is None:
            return
        self._waiting_for = len(self._hits)
        self._request_page(self._waiting_for)

    def is_fetching(self) -> bool:
        """True while a page asked for has not come back yet."""
        return self._waiting_for is not None

    def has_more(self) -> bool:
        """True when the search has hits beyond those loaded (asked for or not)."""
        return self._request_page is not None and len(self._hits) < self.total

    def add_page(self, offset: int, page: list[Any] | None) -> bool:
        """Append the page asked for at ``offset`` (None: it failed); False if not asked for."""
        if offset != self._waiting_for:
            return False
        self._waiting_for = None
        if not page:
            self.total = len(self._hits)  # the archive changed since (or failed): no more
            return True
        start = len(self._hits)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._hits.extend(page)
        self.endInsertRows()
        return True

    def hits(self) -> list[Any]:
        return list(self._hits)

    def hit(self, row: int) -> Any:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def relevance(self, row: int) -> float:
        """The hit's score against the best loaded one, from 0 to 1 (raw scores mean nothing
        to an editor; the bar and the rank do)."""
        hit = self.hit(row)
        best = max((h.score for h in self._hits), default=0.0)
        if hit is None or best <= 0:
            return 0.0
        return max(0.0, min(1.0, hit.score / best))

    def row_of_article(self, article_id: int) -> int | None:
        for row, hit in enumerate(self._hits):
            if hit.article_id == article_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = _TOP) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled  # into the brief panel

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        hits = [self.hit(index.row()) for index in indexes]
        return article_mime([h.article_id for h in hits if h is not None])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.title} — {hit.snippet}"
        if role == HIT_ROLE:
            return hit
        if role == ARTICLE_ID_ROLE:
            return hit.article_id
        if role == SNIPPET_SPANS_ROLE:
            return list(hit.snippet_matches)
        if role == SNIPPET_TERMS_ROLE:
            return span_terms(hit.snippet, list(hit.snippet_matches), self.terms)
        if role == TITLE_TERMS_ROLE:
            return span_terms(hit.title, list(hit.title_matches), self.terms)
        return None

"""The results of one search as a list model: the search's own records, a page at a time,
one row per piece of text (同文 twins and, when asked, edited reprints folded together)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from reader.hit_families import Family, Printing
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


@dataclass
class ResultRow:
    """One row of the list: the hit it shows and every hit folded into it (itself first)."""

    hit: Any
    members: list[Any]
    key: tuple[str, Any]


class ResultsModel(QAbstractListModel):
    """The hits of one search, a page at a time, one row per piece of text.

    Hits with the very same text (同文) share one row; with ``fold_reprints`` so do edited
    reprints, under their first printing. The row shows the family's earliest member among
    the hits. The view asks for the next page (``fetchMore``) when it is scrolled to the
    end; the page is searched for off the GUI thread and comes back through ``add_page``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Any] = []  # every hit loaded, in rank order
        self._rows: list[ResultRow] = []
        self._row_of_key: dict[tuple[str, Any], int] = {}
        self._families: dict[int, Family] = {}
        self._request_page: PageRequester | None = None
        self._waiting_for: int | None = None  # the offset of the page asked for
        self.query = ""
        self.terms: list[str] = []  # the query's terms, folded: one hue each
        self.total = 0
        self.fold_reprints = False

    def set_hits(
        self,
        query: str,
        hits: list[Any],
        total: int,
        request_page: PageRequester | None = None,
        families: dict[int, Family] | None = None,
    ) -> None:
        """Show the first page; ``request_page(offset)`` asks for the hits from ``offset`` on."""
        self.beginResetModel()
        self.query = query
        self.terms = query_terms(query)
        self._hits = list(hits)
        self._families = dict(families or {})
        self._request_page = request_page
        self._waiting_for = None
        self.total = total
        self._regroup()
        self.endResetModel()

    def set_fold_reprints(self, fold: bool) -> None:
        """Fold edited reprints under their first printing (or show each on its own row)."""
        if fold != self.fold_reprints:
            self.beginResetModel()
            self.fold_reprints = fold
            self._regroup()
            self.endResetModel()

    def set_families(self, families: dict[int, Family]) -> None:
        """What the store now says of the loaded hits (after an export, say)."""
        self.beginResetModel()
        self._families = dict(families)
        self._regroup()
        self.endResetModel()

    def loaded_article_ids(self) -> list[int]:
        return [hit.article_id for hit in self._hits if hit.source == "article"]

    # -- grouping -----------------------------------------------------------------------
    def _key(self, position: int, hit: Any) -> tuple[str, Any]:
        family = self._families.get(hit.article_id)
        if hit.source != "article" or family is None:
            return ("hit", position)
        if self.fold_reprints:
            return ("printing", family.first_printing)
        return ("text", family.text_key)

    def _order(self, hit: Any) -> tuple[Any, ...]:
        family = self._families.get(hit.article_id)
        return family.printing.order() if family is not None else (True,)

    def _place(self, position: int, hit: Any) -> tuple[int, bool]:
        """Put a hit in its row (a new one at the end, perhaps): (row, whether it is new)."""
        key = self._key(position, hit)
        row = self._row_of_key.get(key)
        if row is None:
            self._row_of_key[key] = len(self._rows)
            self._rows.append(ResultRow(hit, [hit], key))
            return len(self._rows) - 1, True
        group = self._rows[row]
        group.members.append(hit)
        group.hit = min(group.members, key=self._order)  # the earliest printing shows
        return row, False

    def _regroup(self) -> None:
        self._rows, self._row_of_key = [], {}
        for position, hit in enumerate(self._hits):
            self._place(position, hit)

    # -- paging -------------------------------------------------------------------------
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

    def add_page(
        self, offset: int, page: list[Any] | None, families: dict[int, Family] | None = None
    ) -> bool:
        """Add the page asked for at ``offset`` (None: it failed); False if not asked for.

        Its hits join the rows of their family when there is one, else come as new rows.
        """
        if offset != self._waiting_for:
            return False
        self._waiting_for = None
        if not page:
            self.total = len(self._hits)  # the archive changed since (or failed): no more
            return True
        self._families.update(families or {})
        first_new = len(self._rows)
        changed = []
        for hit in page:
            self._hits.append(hit)
            row, _new = self._place(len(self._hits) - 1, hit)
            if row < first_new:
                changed.append(row)
        added = self._rows[first_new:]
        del self._rows[first_new:]
        if added:
            self.beginInsertRows(QModelIndex(), first_new, first_new + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()
        for row in changed:
            self.dataChanged.emit(self.index(row), self.index(row))
        return True

    # -- reading ------------------------------------------------------------------------
    def hits(self) -> list[Any]:
        """The hit each row shows, row by row."""
        return [row.hit for row in self._rows]

    def all_hits(self) -> list[Any]:
        """Every hit loaded, folded ones included, in rank order."""
        return list(self._hits)

    def hit(self, row: int) -> Any:
        return self._rows[row].hit if 0 <= row < len(self._rows) else None

    def members(self, row: int) -> list[Any]:
        """Every hit folded into ``row``, the one it shows first."""
        if not 0 <= row < len(self._rows):
            return []
        group = self._rows[row]
        return [group.hit, *(h for h in group.members if h is not group.hit)]

    def family(self, article_id: int) -> Family | None:
        return self._families.get(article_id)

    def printings(self, row: int) -> tuple[list[Printing], list[Printing]]:
        """What a row says besides its hit: the other printings of its very text (同文,
        hits or not), and the edited reprints folded into it (earliest first)."""
        members = self.members(row)
        family = self._families.get(members[0].article_id) if members else None
        if family is None:
            return [], []
        reprints = [
            f.printing
            for f in (self._families.get(h.article_id) for h in members[1:])
            if f is not None and f.text_key != family.text_key
        ]
        return list(family.same_text), sorted(reprints, key=Printing.order)

    def relevance(self, row: int) -> float:
        """The row's best score against the best loaded one, from 0 to 1 (raw scores mean
        nothing to an editor; the bar and the rank do)."""
        best = max((h.score for h in self._hits), default=0.0)
        if not 0 <= row < len(self._rows) or best <= 0:
            return 0.0
        score = max(h.score for h in self._rows[row].members)
        return max(0.0, min(1.0, score / best))

    def row_of_article(self, article_id: int) -> int | None:
        """The row showing the article, or folding it."""
        for row, group in enumerate(self._rows):
            if group.hit.article_id == article_id:
                return row
        for row, group in enumerate(self._rows):
            if any(h.article_id == article_id for h in group.members):
                return row
        return None

    def rowCount(self, parent: AnyIndex = _TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled  # into the brief panel

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        hits = [self.hit(index.row()) for index in indexes]
        return article_mime([h.article_id for h in hits if h is not None])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit = self._rows[index.row()].hit
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

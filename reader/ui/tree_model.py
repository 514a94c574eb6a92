"""The library tree: series › year › issue › article, then tags, bookmarks and regions.

Articles already sent out in an exported brief are marked 已编入.

A thin model over ids: each level is read from the store when its parent is expanded
(``canFetchMore``/``fetchMore``), so an archive of 100,000 articles opens at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from sqlite_utils import Database

from reader import regions
from reader.briefs import exported_article_ids, exports_of_article
from reader.store import tree as q
from reader.ui.article_drag import ARTICLE_IDS_MIME, article_mime

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
EXPORTED_ROLE = Qt.ItemDataRole.UserRole + 4

AnyIndex = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


class Kind(StrEnum):
    ROOT = "root"
    SERIES = "series"
    YEAR = "year"
    ISSUE = "issue"
    ARTICLE = "article"
    TAGS = "tags"
    TAG = "tag"
    BOOKMARKS = "bookmarks"
    REGIONS = "regions"
    PROVINCE = "province"
    CITY = "city"


class Node:
    """One row of the tree: what it is, its key (series, year, id…) and its label."""

    __slots__ = ("children", "count", "exported", "key", "kind", "label", "parent", "row")

    def __init__(
        self, kind: Kind, key: Any, label: str, count: int, parent: Node | None, row: int
    ) -> None:
        self.kind = kind
        self.key = key
        self.label = label
        self.count = count
        self.parent = parent
        self.row = row
        self.exported = False  # 已编入: an article that went out in an exported brief
        # None until fetched; articles have no children.
        self.children: list[Node] | None = [] if kind is Kind.ARTICLE else None

    def path(self) -> tuple[tuple[str, Any], ...]:
        """The node's identity from the root, stable across reloads (for re-expanding)."""
        steps: list[tuple[str, Any]] = []
        node: Node | None = self
        while node is not None and node.kind is not Kind.ROOT:
            steps.append((node.kind.value, node.key))
            node = node.parent
        return tuple(reversed(steps))


class LibraryTreeModel(QAbstractItemModel):
    """Series › year › issue › article with counts, plus tag and bookmark sections."""

    def __init__(self, db_getter: Callable[[], Database], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db_getter
        self._filter = ""
        self._root = self._new_root()
        self._root.children = self._build_children(self._root)

    # -- loading ------------------------------------------------------------------------
    def _new_root(self) -> Node:
        return Node(Kind.ROOT, None, "", 0, None, 0)

    def title_filter(self) -> str:
        return self._filter

    def set_title_filter(self, text: str) -> None:
        """Keep only articles whose title contains ``text`` (and their series, years, issues)."""
        self._filter = text.strip()
        self.reload()

    def reload(self) -> None:
        """Drop everything loaded; levels are read again as they are shown."""
        self.beginResetModel()
        self._root = self._new_root()
        self._root.children = self._build_children(self._root)
        self.endResetModel()

    def _load_children(self, node: Node) -> list[tuple[Kind, Any, str, int]]:
        db = self._db()
        f = self._filter
        unknown = self.tr("Unlabelled")
        if node.kind is Kind.ROOT:
            rows: list[tuple[Kind, Any, str, int]] = [
                (Kind.SERIES, series, series or unknown, articles)
                for series, _issues, articles in q.series_counts(db, f)
            ]
            if not f:
                tags = q.tag_counts(db)
                rows.append((Kind.TAGS, None, self.tr("Tags"), len(tags)))
                rows.append(
                    (Kind.BOOKMARKS, None, self.tr("Bookmarks"), len(q.bookmarked_articles(db)))
                )
                provinces = regions.province_counts(db)
                rows.append((Kind.REGIONS, None, self.tr("Regions"), len(provinces)))
            return rows
        if node.kind is Kind.SERIES:
            return [
                (Kind.YEAR, year, str(year) if year is not None else unknown, articles)
                for year, _issues, articles in q.year_counts(db, node.key, f)
            ]
        if node.kind is Kind.YEAR:
            series = node.parent.key if node.parent else None
            clashing = q.clashing_issue_ids(db)
            return [
                (
                    Kind.ISSUE,
                    issue_id,
                    self._issue_label(issue_no, issue_id, total, issue_id in clashing),
                    articles,
                )
                for issue_id, issue_no, total, articles in q.issues_in_year(db, series, node.key, f)
            ]
        if node.kind is Kind.ISSUE:
            return [
                (Kind.ARTICLE, a, f"【{column}】{t}" if column else t, 0)
                for a, t, column in q.articles_with_columns(db, node.key, f)
            ]
        if node.kind is Kind.TAGS:
            return [(Kind.TAG, tag_id, name, n) for tag_id, name, n in q.tag_counts(db)]
        if node.kind is Kind.TAG:
            return [(Kind.ARTICLE, a, t, 0) for a, t in q.tagged_articles(db, node.key)]
        if node.kind is Kind.BOOKMARKS:
            return [(Kind.ARTICLE, a, t, 0) for a, t in q.bookmarked_articles(db)]
        if node.kind in (Kind.REGIONS, Kind.PROVINCE, Kind.CITY):
            return self._region_children(db, node)
        return []

    def _region_children(self, db: Database, node: Node) -> list[tuple[Kind, Any, str, int]]:
        """地区 › province › city › articles; a province's articles naming none of its
        cities come after its cities."""
        if node.kind is Kind.REGIONS:
            return [
                (Kind.PROVINCE, p, regions.province_short(p), n)
                for p, n in regions.province_counts(db)
            ]
        if node.kind is Kind.PROVINCE:
            rows: list[tuple[Kind, Any, str, int]] = [
                (Kind.CITY, (node.key, city), city, n)
                for city, n in regions.city_counts(db, node.key)
            ]
            return rows + [
                (Kind.ARTICLE, a, t, 0) for a, t in regions.articles_in_region(db, node.key, None)
            ]
        province, city = node.key
        return [(Kind.ARTICLE, a, t, 0) for a, t in regions.articles_in_region(db, province, city)]

    def _issue_label(
        self, issue_no: int | None, issue_id: int, total_no: int | None, clash: bool = False
    ) -> str:
        if issue_no is None:
            label = self.tr("Issue number unknown (#%1)").replace("%1", str(issue_id))
        else:
            label = self.tr("No. %1").replace("%1", str(issue_no))
        if total_no is not None:
            label += self.tr(" (running No. %1)").replace("%1", str(total_no))
        if clash:  # two issues claim this number: the editor should look
            label += " " + self.tr("⚠ clash (#%1)").replace("%1", str(issue_id))
        return label

    def _node(self, index: AnyIndex) -> Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, Node)
        return node

    # -- Qt model interface -------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = _TOP) -> QModelIndex:
        node = self._node(parent)
        if column != 0 or node.children is None or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: AnyIndex | None = None) -> QModelIndex:  # type: ignore[override]
        if index is None:
            return QObject.parent(self)  # type: ignore[return-value]
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node.kind is Kind.ROOT:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def rowCount(self, parent: AnyIndex = _TOP) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children or [])

    def columnCount(self, parent: AnyIndex = _TOP) -> int:
        return 1

    def hasChildren(self, parent: AnyIndex = _TOP) -> bool:
        node = self._node(parent)
        if node.children is None:
            return node.kind is Kind.ROOT or node.count > 0
        return bool(node.children)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        node = self._node(parent)
        return node.children is None

    def fetchMore(self, parent: AnyIndex) -> None:
        node = self._node(parent)
        if node.children is None:
            self._fetch(parent, node)

    def _build_children(self, node: Node) -> list[Node]:
        children = [
            Node(kind, key, label, count, node, row)
            for row, (kind, key, label, count) in enumerate(self._load_children(node))
        ]
        articles = [child.key for child in children if child.kind is Kind.ARTICLE]
        exported = exported_article_ids(self._db(), articles) if articles else set()
        for child in children:
            child.exported = child.kind is Kind.ARTICLE and child.key in exported
        return children

    def _fetch(self, parent: AnyIndex, node: Node) -> None:
        children = self._build_children(node)
        if not children:
            node.children = []
            return
        self.beginInsertRows(parent, 0, len(children) - 1)
        node.children = children
        self.endInsertRows()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.data(ARTICLE_ID_ROLE) is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled  # into the brief panel
        return flags

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [index.data(ARTICLE_ID_ROLE) for index in indexes]
        return article_mime([int(i) for i in ids if i is not None])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if node.kind is Kind.ARTICLE and node.exported:
                # A mark before the title: a narrow tree elides the end of a long one.
                return "✓ " + node.label
            if node.kind is Kind.ARTICLE:
                return node.label
            return f"{node.label} ({node.count})"
        if role == Qt.ItemDataRole.ToolTipRole and node.kind is Kind.ARTICLE:
            return self._article_tip(node)
        if role == Qt.ItemDataRole.AccessibleTextRole and node.exported:
            return node.label + self.tr(" (in a brief)")
        if role == EXPORTED_ROLE:
            return node.exported
        if role == ARTICLE_ID_ROLE:
            return node.key if node.kind is Kind.ARTICLE else None
        if role == KIND_ROLE:
            return node.kind.value
        if role == KEY_ROLE:
            return node.key
        return None

    def _article_tip(self, node: Node) -> str:
        """The title, and the briefs the article went out in (已编入), when it did."""
        if not node.exported:
            return node.label
        briefs = "、".join(
            dict.fromkeys(record.brief for record in exports_of_article(self._db(), node.key))
        )
        return node.label + "\n" + self.tr("In a brief: %1").replace("%1", briefs)

    # -- helpers for the view -----------------------------------------------------------
    def node_path(self, index: AnyIndex) -> tuple[tuple[str, Any], ...]:
        return self._node(index).path()

    def index_for_path(self, path: tuple[tuple[str, Any], ...]) -> QModelIndex:
        """The index of the node at ``path`` (fetching levels on the way), or invalid."""
        parent = QModelIndex()
        node = self._root
        for kind, key in path:
            if node.children is None:
                self._fetch(parent, node)
            match = next(
                (c for c in node.children or [] if c.kind.value == kind and c.key == key), None
            )
            if match is None:
                return QModelIndex()
            node = match
            parent = self.createIndex(node.row, 0, node)
        return parent

    def article_path(self, article_id: int) -> tuple[tuple[str, Any], ...] | None:
        """Where an article sits under series › year › issue, if it is in the store."""
        located = q.article_location(self._db(), article_id)
        if located is None:
            return None
        series, year, issue_id = located
        return (
            (Kind.SERIES.value, series),
            (Kind.YEAR.value, year),
            (Kind.ISSUE.value, issue_id),
            (Kind.ARTICLE.value, article_id),
        )

    def issue_ids(self, index: AnyIndex) -> list[int]:
        node = self._node(index)
        return [node.key] if node.kind is Kind.ISSUE else []

    def article_ids(self, index: AnyIndex) -> list[int]:
        """The article under ``index``, or all articles of an issue node."""
        node = self._node(index)
        if node.kind is Kind.ARTICLE:
            return [node.key]
        if node.kind is Kind.ISSUE:
            return [a for a, _t in q.articles_in_issue(self._db(), node.key, self._filter)]
        return []

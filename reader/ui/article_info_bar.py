"""The strip over the reading pane: the open article's edited reprints (另见), regions and
keywords, each reprint a link that opens it.

Titles come from bulletins, so they are escaped before they go into the label's rich text.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from reader.archive import Archive
from reader.keywords import keywords_of
from reader.regions import province_short, regions_of
from reader.reprints import similar_to
from reader.store import issues as store


class ArticleInfoBar(QLabel):
    """「另见：2023年第7期《…》（相似 0.82）」 links, then 地区 and 关键词."""

    article_requested = Signal(int)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleInfoBar")
        self.archive = archive
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setOpenExternalLinks(False)
        self.setWordWrap(True)
        self.setContentsMargins(12, 4, 12, 4)
        self.linkActivated.connect(self._link)
        self.similar_ids: list[int] = []
        self.hide()

    def show_article(self, article_id: int | None) -> None:
        """Show what the import derived for ``article_id`` (hidden when there is nothing)."""
        self.similar_ids = []
        if article_id is None:
            self.clear()
            self.hide()
            return
        db = self.archive.db
        parts: list[str] = []
        links = []
        for similar in similar_to(db, article_id):
            other = store.get_article(db, similar.article_id)
            if other is None:
                continue
            issue = store.get_issue(db, other.issue_id)
            where = ""
            if issue is not None and issue.year is not None:
                where = f"{issue.year}年" + (f"第{issue.issue_no}期" if issue.issue_no else "")
            self.similar_ids.append(other.id)
            label = html.escape(f"{where}《{other.title}》")
            links.append(
                f'<a href="article:{other.id}">{label}</a>'
                + html.escape(self.tr("(similarity %1)").replace("%1", f"{similar.similarity:.2f}"))
            )
        if links:
            parts.append(html.escape(self.tr("See also: ")) + "；".join(links))
        regions = regions_of(db, article_id)
        if regions:
            names = [r.city if r.city else province_short(r.province) for r in regions]
            parts.append(html.escape(self.tr("Regions: ") + "、".join(dict.fromkeys(names))))
        keywords = keywords_of(db, article_id)
        if keywords:
            parts.append(html.escape(self.tr("Keywords: ") + "、".join(keywords)))
        if not parts:
            self.clear()
            self.hide()
            return
        self.setText("<br>".join(parts))
        self.show()

    def _link(self, href: str) -> None:
        kind, _, value = href.partition(":")
        if kind == "article" and value.isdigit():
            self.article_requested.emit(int(value))

"""「加入简报（摘编）」: the reading pane's selection added to the brief as an excerpt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def add_excerpt_entry(window: MainWindow, menu: QMenu) -> None:
    """Offer the pane's selection as an excerpt of the open article, when there is one."""
    article = window.pane.article
    span = window.pane.selected_span()
    if article is None or span is None:
        return
    action = menu.addAction(
        window.registry["add_to_brief"].icon(),
        QCoreApplication.translate("MainWindow", "Add to Brief (Excerpt)"),
    )
    action.setObjectName("addExcerptToBrief")
    article_id, (start, end) = article.id, span
    action.triggered.connect(lambda: window.briefs.add_excerpt(article_id, start, end))

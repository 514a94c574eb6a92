"""「加入简报（摘编）」: the reading pane's selection added to the brief as an excerpt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from reader.ui.actions import Action, ActionRegistry
from reader.ui.brief_panel import BriefPanel
from reader.ui.reading_pane import ReadingPane


def add_excerpt_entry(
    menu: QMenu, pane: ReadingPane, briefs: BriefPanel, registry: ActionRegistry
) -> None:
    """Offer the pane's selection as an excerpt of the open article, when there is one."""
    article = pane.article
    span = pane.selected_span()
    if article is None or span is None:
        return
    action = menu.addAction(
        registry[Action.ADD_TO_BRIEF].icon(),
        QCoreApplication.translate("MainWindow", "Add to Brief (Excerpt)"),
    )
    action.setObjectName("addExcerptToBrief")
    article_id, (start, end) = article.id, span
    action.triggered.connect(lambda: briefs.add_excerpt(article_id, start, end))

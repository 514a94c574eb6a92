"""「加入简报（摘编）」 on the reading pane's selection: the passage joins the brief."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu

from reader import briefs as brief_store
from reader.archive import Archive
from reader.store.issues import get_article
from reader.ui.brief_excerpts import add_excerpt_entry
from tests.gui.conftest import wait_idle


def _menu_action(window, name: str):  # type: ignore[no-untyped-def]
    menu = QMenu(window)
    add_excerpt_entry(menu, window.pane, window.briefs, window.registry)
    return next((a for a in menu.actions() if a.objectName() == name), None), menu


def test_the_pane_menu_adds_the_selection_as_an_excerpt(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    assert window.open_article(1)
    action, _menu = _menu_action(window, "addExcerptToBrief")
    assert action is None  # nothing selected: nothing to excerpt
    text = get_article(window.archive.db, 1).text
    passage = text.split("\n")[1][:12]
    start = text.index(passage)
    window.pane.select_span(start, start + len(passage))
    action, _menu = _menu_action(window, "addExcerptToBrief")
    assert action is not None and action.text() == "加入简报（摘编）"
    action.trigger()
    wait_idle(qtbot, window)
    assert window.briefs.article_ids() == [1]
    assert "摘编" in window.briefs.items.item(0).text()
    with Archive(filled_archive_dir) as archive:
        (brief,) = brief_store.list_briefs(archive.db)
    assert [(e.start, e.text) for e in brief.items[0].excerpts] == [(start, passage)]

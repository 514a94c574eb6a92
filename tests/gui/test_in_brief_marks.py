"""已编入: articles already sent out in an exported brief are marked in the tree and the results."""

from __future__ import annotations

from pathlib import Path

from reader.ui.tree_model import EXPORTED_ROLE
from tests.gui.conftest import search_for, show_active, wait_idle


def _tree_row(window, article_id: int):  # type: ignore[no-untyped-def]
    model = window.tree_model
    return model.index_for_path(model.article_path(article_id))


def _marked_in_results(window, article_id: int) -> bool:  # type: ignore[no-untyped-def]
    model = window.search.model
    row = model.row_of_article(article_id)
    return row is not None and bool(model.family(model.hit(row).article_id).exported)


def test_an_exported_article_is_marked_in_the_tree_and_the_results(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    search_for(qtbot, window, "平台")
    title = window.archive.db.execute("SELECT title FROM articles WHERE id = 2").fetchone()[0]
    assert _tree_row(window, 2).data() == title  # not yet sent out
    assert window.search.model.row_of_article(2) is not None
    assert not _marked_in_results(window, 2)

    window.briefs.new_brief("平台专题")
    wait_idle(qtbot, window)
    window.briefs.add_articles([2])
    wait_idle(qtbot, window)
    dialog = window.briefs.export()
    dialog.set_format("md")
    dialog.path_edit.setText(str(tmp_path / "brief.md"))
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.start()
    wait_idle(qtbot, window)
    # The window follows the archive a moment after the export is recorded.
    qtbot.waitUntil(lambda: _marked_in_results(window, 2), timeout=5000)

    row = _tree_row(window, 2)
    assert row.data() == f"✓ {title}"
    assert row.data(0x000B) == f"{title}（已编入）"  # what a screen reader says
    assert "已编入：平台专题" in row.data(0x0003)  # the tooltip names the brief
    assert not _tree_row(window, 1).data(EXPORTED_ROLE)  # only what went out
    assert not _marked_in_results(window, 4)
    model = window.search.model
    index = model.index(model.row_of_article(2))
    assert window.search.delegate.source_line(index).split(" · ")[1] == "✓已编入"

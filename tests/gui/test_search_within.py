"""Search within results: a further query narrows the list shown."""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import search_for, show_active, type_text, wait_idle


def test_a_further_query_narrows_the_results_and_the_scope_goes_back(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    search, bar = window.search, window.search.bar
    bar.year_filter.setCurrentIndex(bar.year_filter.findData(2023))
    search_for(qtbot, window, "示例")
    before = {h.article_id for h in search.model.all_hits()}
    assert len(before) >= 2

    search.panel.refine_button.click()
    assert bar.scope_button.isVisible() and "示例" in bar.scope_button.text()
    assert bar.query() == "" and bar.query_edit.hasFocus()
    assert search.model.rowCount() == len(before)  # nothing typed yet: the list stays
    with qtbot.waitSignal(search.searched, timeout=10000):
        type_text(bar.query_edit, "牧场")
    after = search.model.all_hits()
    assert after and {h.article_id for h in after} < before  # fewer, all from the list
    for hit in after:
        text = window.archive.db.execute(
            "SELECT title || text FROM articles WHERE id = ?", [hit.article_id]
        ).fetchone()[0]
        assert "示例" in text and "牧场" in text
    assert search.results_query() == "示例 牧场"  # both terms painted, each in its hue
    assert search.model.terms == ["示例", "牧场"]

    with qtbot.waitSignal(search.searched, timeout=10000):
        bar.scope_button.click()  # back to the results refined, filters and all
    assert not bar.scope_button.isVisible()
    assert bar.query() == "示例" and bar.year() == 2023
    assert {h.article_id for h in search.model.all_hits()} == before

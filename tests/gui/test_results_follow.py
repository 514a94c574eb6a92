"""Results behave like the tree, and tree, results and pane stay in step; hits look distinct."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QTextCharFormat

from reader.ui.screen_fit import fit_rect
from tests.gui.conftest import search_for, show_active, wait_idle


def _ready(qtbot, make_window, folder: Path):  # type: ignore[no-untyped-def]
    window = make_window(folder)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    return window


def _row_rect(window, row: int) -> QRect:  # type: ignore[no-untyped-def]
    return window.search.results.visualRect(window.search.model.index(row))


def test_a_single_click_or_an_arrow_key_opens_a_result_and_the_tree_follows(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "智能")
    hits = window.search.model.hits()
    assert len(hits) >= 2
    window.results_dock.raise_()
    view = window.search.results
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_row_rect(window, 1).center())
    assert window.current_article_id() == hits[1].article_id
    assert window.library.current_article_id() == hits[1].article_id
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert window.current_article_id() == hits[0].article_id
    assert window.library.current_article_id() == hits[0].article_id


def test_opening_from_the_tree_selects_its_result_and_f3_starts_at_the_selected_row(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "智能")
    hits = window.search.model.hits()
    window.open_article(hits[1].article_id)  # as a click in the tree does
    assert window.search.results.currentIndex().row() == 1
    # An article outside the results: F3 goes to the row the editor selected, not row 1.
    outside = next(
        i for i in range(1, 20) if i not in {h.article_id for h in hits} and window.open_article(i)
    )
    assert window.current_article_id() == outside
    window.search.results.setCurrentIndex(window.search.model.index(1))
    window.next_match()
    assert window.current_article_id() == hits[1].article_id


def test_relevance_is_a_bar_and_a_query_without_hits_says_so(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "智能")
    model = window.search.model
    shares = [model.relevance(r) for r in range(model.rowCount())]
    assert shares[0] == 1.0 and all(0 <= s <= 1 for s in shares)
    assert window.search.results.empty_text() == ""
    search_for(qtbot, window, "没有这个词组")
    assert model.rowCount() == 0
    assert window.search.results.empty_text() == "没有文章包含“没有这个词组”。"


def test_query_hits_are_painted_unlike_any_highlight_colour(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.reading_pane import KIND_PROPERTY, SEARCH

    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "智能")
    window.search.open_row(0)
    window.next_match()  # the first match becomes an ordinary hit
    colours = {QColor(c).name() for c in window.theme.highlights}
    painted = [
        (s.format.background().color().name(), s.format.underlineStyle())
        for s in window.pane.extraSelections()
        if s.format.property(KIND_PROPERTY) == SEARCH
    ]
    assert painted
    assert all(colour not in colours for colour, _ in painted)
    assert all(style == QTextCharFormat.UnderlineStyle.SingleUnderline for _, style in painted)


def test_a_restored_window_larger_than_the_screen_is_fitted_to_it(
    qtbot, make_window, filled_archive_dir: Path, settings
) -> None:  # type: ignore[no-untyped-def]
    assert fit_rect(QRect(900, -50, 3000, 500), QRect(0, 0, 1920, 1040)) == QRect(0, 0, 1920, 500)
    first = make_window(filled_archive_dir)
    first.setGeometry(2000, 100, 4000, 3000)
    first.shutdown()
    window = make_window(filled_archive_dir)
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())


def test_the_reading_pane_gets_the_width_by_default_and_the_layout_is_remembered(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    window.resize(1280, 820)
    show_active(qtbot, window)
    qtbot.wait(100)
    pane, default = window.pane.width(), window.library_dock.width()
    assert pane > window.library_dock.width() and pane > window.annotations_dock.width()
    assert pane >= 1280 // 2
    window.resizeDocks([window.library_dock], [420], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    chosen = window.library_dock.width()
    window.close()
    again = make_window(filled_archive_dir)
    show_active(qtbot, again)
    qtbot.wait(100)
    assert chosen > default + 100
    assert again.library_dock.width() > default + 80  # the editor's width, not the default

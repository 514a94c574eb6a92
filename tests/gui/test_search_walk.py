"""Searching from the window: search as you type, open a result, walk the matches."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.ui.reading_pane import CURRENT, SEARCH
from tests.gui.conftest import search_for, show_active, type_text, wait_idle


def _ready(qtbot, make_window, folder: Path):  # type: ignore[no-untyped-def]
    window = make_window(folder)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    return window


def _painted_total(window) -> int:  # type: ignore[no-untyped-def]
    return len(window.pane.painted(SEARCH)) + len(window.pane.painted(CURRENT))


def test_typing_searches_after_a_pause_and_enter_opens_the_first_result(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    type_text(window.search.bar.query_edit, "智能")
    assert window.search.model.rowCount() == 0  # not yet: the search waits for a pause
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=3000)
    titles = [h.title for h in window.search.model.hits()]
    assert "示例区开展智能制造诊断服务" in titles
    qtbot.keyClick(window.search.bar.query_edit, Qt.Key.Key_Return)
    first = window.search.model.hit(0)
    qtbot.waitUntil(lambda: window.current_article_id() == first.article_id, timeout=3000)
    # Every match of the hit is painted; the first is current and shown as "1 / n".
    assert _painted_total(window) == len(first.matches) + len(first.title_matches)
    assert window.match_position() == (0, _painted_total(window))
    assert window.find_bar.counter.text() == f"1 / {_painted_total(window)}"


def test_f3_walks_matches_then_moves_to_the_next_result(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "智能")
    hits = window.search.model.hits()
    assert len(hits) >= 2
    window.search.open_row(0)
    total = window.match_position()[1]
    assert total == len(hits[0].matches) + len(hits[0].title_matches)
    window.pane.setFocus()
    for expected in range(1, total):
        qtbot.keyClick(window.pane, Qt.Key.Key_F3)
        assert window.match_position() == (expected, total)
    qtbot.keyClick(window.pane, Qt.Key.Key_F3)  # past the last: the next result opens
    assert window.current_article_id() == hits[1].article_id
    assert window.match_position()[0] == 0
    qtbot.keyClick(window.pane, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.current_article_id() == hits[0].article_id  # back to the first's last match
    assert window.match_position() == (total - 1, total)
    qtbot.keyClick(window.pane, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.match_position() == (total - 2, total)


def test_query_stays_painted_when_opening_another_article(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "示例")
    other = next(h for h in window.search.model.hits() if h.source == "article")
    window.open_article(other.article_id)
    assert _painted_total(window) == len(other.matches) + len(other.title_matches) > 0


def test_ctrl_f_finds_within_the_open_article(qtbot, make_window, filled_archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    window.open_article(1)
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.edit.hasFocus()
    type_text(window.find_bar.edit, "牧场")
    qtbot.waitUntil(lambda: window.match_position()[1] > 0, timeout=2000)
    text = window.pane.article.text + window.pane.article.title
    assert window.match_position() == (0, text.count("牧场"))
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.match_position()[0] == 1


def test_year_filter_narrows_the_results(qtbot, make_window, filled_archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "示例")
    years = {h.year for h in window.search.model.hits()}
    assert {2023, 2024} <= years
    bar = window.search.bar
    bar.year_filter.setCurrentIndex(bar.year_filter.findData(2024))
    with qtbot.waitSignal(window.search.searched, timeout=10000):
        bar.year_filter.activated.emit(bar.year_filter.currentIndex())
    assert {h.year for h in window.search.model.hits()} == {2024}


def test_searching_with_an_article_open_paints_its_matches(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    window.open_article(2)
    assert _painted_total(window) == 0
    search_for(qtbot, window, "平台")
    text = window.pane.article.text + window.pane.article.title
    assert window.current_article_id() == 2  # the open article stays open
    assert _painted_total(window) == text.count("平台") > 0


def test_results_come_a_page_at_a_time_and_f3_reaches_the_next_page(
    qtbot, make_window, filled_archive_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from reader.ui import search_controller

    monkeypatch.setattr(search_controller, "PAGE_SIZE", 1)
    window = _ready(qtbot, make_window, filled_archive_dir)
    window.results_dock.hide()  # a shown list asks for pages until it is full
    search_for(qtbot, window, "智能")
    model = window.search.model
    assert model.rowCount() == 1 and model.total >= 2
    window.results_dock.hide()
    window.search.open_row(0)
    first = window.current_article_id()
    for _ in range(window.match_position()[1]):
        window.next_match()
    # The second page is searched for off the GUI thread, then its result opens. (The
    # list, even hidden, asks for pages too: more than two may have come meanwhile.)
    qtbot.waitUntil(lambda: window.current_article_id() != first, timeout=10000)
    assert model.rowCount() >= 2 and window.current_article_id() == model.hit(1).article_id
    model.fetchMore()  # what scrolling to the end of the list does
    # Hits, not rows: the two 同文 hits of 智能 share a row.
    qtbot.waitUntil(lambda: len(model.all_hits()) == min(3, model.total), timeout=10000)

"""Recent and saved searches in the window, kept in the archive beside the command line's."""

from __future__ import annotations

from pathlib import Path

from reader import searches
from reader.ui.search_controller import HISTORY_DWELL_MS
from tests.gui.conftest import search_for, show_active, wait_idle


def _ready(qtbot, make_window, folder: Path):  # type: ignore[no-untyped-def]
    window = make_window(folder)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    return window


def _menu_texts(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [action.text() for action in menu.actions() if action.text()]


def test_every_query_run_joins_the_history_and_drops_down(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    db = window.archive.db
    search_for(qtbot, window, "示例")
    assert "示例" not in searches.recent_queries(db)  # not yet: it may be typed over
    qtbot.waitUntil(lambda: "示例" in searches.recent_queries(db), timeout=HISTORY_DWELL_MS + 3000)
    search_for(qtbot, window, "没有这个词")  # found nothing, but it was run and looked at
    qtbot.waitUntil(
        lambda: searches.recent_queries(db)[:1] == ["没有这个词"], timeout=HISTORY_DWELL_MS + 3000
    )
    search_for(qtbot, window, "智能")
    search_for(qtbot, window, "")  # typed over before the pause: not kept
    qtbot.wait(HISTORY_DWELL_MS + 300)
    wait_idle(qtbot, window)
    assert "智能" not in searches.recent_queries(db)

    window.search.bar.history_action.trigger()  # the magnifier in the box (or Alt+Down)
    menu = window.search.history.menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    texts = _menu_texts(menu)
    assert texts.index("最近检索") < texts.index("没有这个词") < texts.index("示例")
    next(a for a in menu.actions() if a.text() == "示例").trigger()
    qtbot.waitUntil(lambda: window.search.results_query() == "示例", timeout=5000)
    assert window.search.bar.query() == "示例"
    menu.hide()


def test_a_search_is_saved_run_and_deleted_from_the_window(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    db, bar = window.archive.db, window.search.bar
    bar.year_filter.setCurrentIndex(bar.year_filter.findData(2024))
    search_for(qtbot, window, "智能")
    asked = []
    window.search.history.ask_name = lambda _parent, query: asked.append(query) or "智能制造"
    menu = window.search.history.build_menu()
    next(a for a in menu.actions() if a.objectName() == "saveSearchAction").trigger()
    wait_idle(qtbot, window)
    assert asked == ["智能 year:2024"]  # the filters are part of what is saved
    assert searches.saved_searches(db) == [searches.SavedSearch("智能制造", "智能 year:2024")]

    search_for(qtbot, window, "平台")
    bar.clear_filters()
    menu = window.search.history.build_menu()
    texts = _menu_texts(menu)
    assert texts[:2] == ["已存检索", "智能制造 — 智能 year:2024"]
    with qtbot.waitSignal(window.search.searched, timeout=10000):
        next(a for a in menu.actions() if a.text().startswith("智能制造")).trigger()
    assert bar.query() == "智能 year:2024" and bar.year() is None  # its own filters, once
    assert {h.year for h in window.search.model.hits()} == {2024}

    (forget,) = [a.menu() for a in menu.actions() if a.menu() is not None]
    (delete,) = forget.actions()
    assert delete.text() == "智能制造"
    delete.trigger()
    wait_idle(qtbot, window)
    assert searches.saved_searches(db) == []
    assert "已存检索" not in _menu_texts(window.search.history.build_menu())


def test_the_history_an_earlier_version_kept_in_the_settings_moves_to_the_archive(
    qtbot, make_window, filled_archive_dir: Path, settings
) -> None:  # type: ignore[no-untyped-def]
    settings._qs.setValue("search/history", ["乳业", "科技"])  # as an earlier version wrote it
    window = _ready(qtbot, make_window, filled_archive_dir)
    assert searches.recent_queries(window.archive.db) == ["乳业", "科技"]
    assert settings.take_search_history() == []


def test_a_window_closed_before_the_pause_ends_leaves_no_write_behind(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "示例")
    window.close()  # the worker stops; the query's pause had not ended
    qtbot.wait(HISTORY_DWELL_MS + 300)  # a write asked of the stopped worker would fail here

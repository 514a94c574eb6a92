"""A search that finds the index damaged says so, and the writer rebuilds it off the window."""

from __future__ import annotations

from pathlib import Path

from reader.search import index as search_index
from tests.gui.conftest import search_for, show_active, wait_idle


def test_damaged_index_found_by_a_search_is_rebuilt_and_the_search_runs_again(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    search_for(qtbot, window, "智能")
    found = [hit.article_id for hit in window.search.model.hits()]
    assert found
    gram_file = search_index.index_dir(window.archive) / "grams.sqlite3"
    gram_file.write_bytes(b"\x00garbage" * 4096)  # damaged behind the window's back
    with qtbot.waitSignal(window.search.index_repair_requested, timeout=10000):
        window.search.bar.set_query("智能 ")
    # The writer rebuilds; the same query then shows its results again.
    qtbot.waitUntil(
        lambda: [hit.article_id for hit in window.search.model.hits()] == found, timeout=60000
    )
    assert search_index.unusable_reason(window.archive) is None
    assert not gram_file.read_bytes().startswith(b"\x00garbage")

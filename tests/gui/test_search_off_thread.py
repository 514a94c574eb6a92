"""Searching never stalls the window: searches run on their own thread, newest query wins."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from reader.searches import recent_queries
from reader.ui import search_runner
from tests.gui.conftest import show_active, type_text, wait_idle

# Long enough to fail loudly (rather than hang) if a search ever ran on the GUI thread.
GATE_TIMEOUT_S = 10


class SlowSearch:
    """``reader.search.search`` held at a gate until the test opens it, recording the calls."""

    def __init__(self, real) -> None:  # type: ignore[no-untyped-def]
        self._real = real
        self.gate = threading.Event()
        self.started = threading.Event()
        self.calls: list[str] = []
        self.threads: set[int] = set()

    def __call__(self, archive, query: str, **kwargs):  # type: ignore[no-untyped-def]
        self.calls.append(query)
        self.threads.add(threading.get_ident())
        self.started.set()
        self.gate.wait(GATE_TIMEOUT_S)
        return self._real(archive, query, **kwargs)


@pytest.fixture
def slow_search(monkeypatch) -> SlowSearch:  # type: ignore[no-untyped-def]
    slow = SlowSearch(search_runner.search)
    monkeypatch.setattr(search_runner, "search", slow)
    return slow


def _ready(qtbot, make_window, folder: Path):  # type: ignore[no-untyped-def]
    window = make_window(folder)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    return window


def test_a_slow_search_leaves_the_window_responsive(
    qtbot, make_window, filled_archive_dir: Path, slow_search: SlowSearch
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    ticks_while_searching = []
    heartbeat = QTimer(window)
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(
        lambda: ticks_while_searching.append(1) if slow_search.started.is_set() else None
    )
    heartbeat.start()
    window.search.bar.set_query("智能")  # returns at once: the search waits at the gate
    assert not slow_search.gate.is_set() and window.search.model.rowCount() == 0
    qtbot.waitUntil(slow_search.started.is_set, timeout=5000)
    assert threading.get_ident() not in slow_search.threads
    # Meanwhile the GUI thread goes on: timers tick, typing reaches the box, and a search
    # that takes a while says so.
    qtbot.waitUntil(lambda: len(ticks_while_searching) >= 3, timeout=5000)
    type_text(window.find_bar.edit, "牧场")
    assert window.find_bar.edit.text() == "牧场"
    searching = window.search.searching_text()
    qtbot.waitUntil(lambda: window.search.bar.status.text() == searching, timeout=5000)
    assert window.search.is_searching()
    with qtbot.waitSignal(window.search.searched, timeout=10000) as searched:
        slow_search.gate.set()
    heartbeat.stop()
    assert searched.args == ["智能"]
    assert window.search.model.rowCount() > 0
    assert window.search.bar.status.text() != window.search.searching_text()
    window.shutdown()  # closes the search thread's own connection
    assert not window.search.runner.is_open()


def test_only_the_newest_query_is_shown_and_skipped_ones_never_run(
    qtbot, make_window, filled_archive_dir: Path, slow_search: SlowSearch
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    shown: list[str] = []
    window.search.searched.connect(shown.append)
    window.search.bar.set_query("智能")
    qtbot.waitUntil(slow_search.started.is_set, timeout=5000)
    window.search.bar.set_query("示例")  # waits behind the running search…
    window.search.bar.set_query("平台")  # …and is replaced by the newer one
    with qtbot.waitSignal(
        window.search.searched, timeout=10000, check_params_cb=lambda q: q == "平台"
    ):
        slow_search.gate.set()
    assert shown == ["平台"]  # 智能's results came back but were dropped
    assert slow_search.calls == ["智能", "平台"]  # one running, plus the latest pending
    assert window.search.model.query == "平台"
    assert all("平台" in h.title + h.snippet for h in window.search.model.hits())


def test_enter_before_the_results_come_opens_the_first_one(
    qtbot, make_window, filled_archive_dir: Path, slow_search: SlowSearch
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    slow_search.gate.set()
    window.search.bar.set_query("示例")
    qtbot.waitUntil(lambda: window.search.model.query == "示例", timeout=10000)
    slow_search.gate.clear()
    window.search.bar.query_edit.setText("智能")  # typed, then Enter before the pause ends
    qtbot.keyClick(window.search.bar.query_edit, Qt.Key.Key_Return)
    assert window.current_article_id() is None  # 示例's results are not the ones to open
    with qtbot.waitSignal(window.article_opened, timeout=10000):
        slow_search.gate.set()
    assert window.search.model.query == "智能"
    assert window.current_article_id() == window.search.model.hit(0).article_id
    wait_idle(qtbot, window)
    assert recent_queries(window.archive.db)[0] == "智能"

"""GUI fixtures: settings and archives under tmp_path, windows built as the app builds them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.archive import Archive
from tests.support.archives import add_issue
from tests.support.issues import window_issue
from tests.support.stories import ISSUE_A, ISSUE_B


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "reader.ini"


@pytest.fixture
def settings(settings_path: Path):  # type: ignore[no-untyped-def]
    from reader.ui.settings import Settings

    return Settings(settings_path)


@pytest.fixture
def filled_archive_dir(archive_dir: Path) -> Path:
    """An archive with two invented issues (2023 No. 8, 2024 No. 1) and one of unknown year."""
    with Archive(archive_dir) as archive:
        add_issue(archive, window_issue(ISSUE_A, 2023, 8))
        add_issue(archive, window_issue(ISSUE_B, 2024, 1))
        add_issue(archive, window_issue(ISSUE_B[:1], None, None))
    return archive_dir


@pytest.fixture
def make_window(qtbot, settings):  # type: ignore[no-untyped-def]
    """Build main windows as ``run_app`` does; each is shut down (worker, archive) at the end."""
    from reader.ui.app import build_window, qt_application

    windows = []

    def make(archive_dir: Path, language: str = "zh_CN"):  # type: ignore[no-untyped-def]
        settings.language = language
        window = build_window(qt_application(), archive_dir, settings)
        window.show_dialogs = False
        window.briefs.open_exports = False
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()
        window.archive.close()


def wait_idle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Wait until the window's worker has finished its queue and reported back."""
    qtbot.waitUntil(lambda: not window.worker.is_busy(), timeout=30000)


WaitIdle = Callable[..., None]


@pytest.fixture
def idle() -> Iterator[WaitIdle]:
    yield wait_idle


def search_for(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    """Put ``text`` in the search box and wait until its results are shown (searches run
    off the GUI thread)."""
    with qtbot.waitSignal(
        window.search.searched, timeout=10000, check_params_cb=lambda q: q == text.strip()
    ):
        window.search.bar.set_query(text)


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type Chinese as an input method does (QTest's key clicks only know ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def show_active(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Show the window and make it the active one, so its shortcuts reach it."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)

"""``reader`` without a command opens the window on the archive (samples on a first start)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.archive import Archive
from reader.cli import main
from reader.store.issues import list_issues
from reader.ui.main_window import MainWindow


def test_reader_without_a_command_opens_the_window(qtbot, archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def close_when_ready() -> None:
        for widget in QApplication.topLevelWidgets():
            # The first start of an empty archive asks before importing the samples.
            if widget.objectName() == "samplesQuestion" and widget.isVisible():
                widget.button(QMessageBox.StandardButton.Yes).click()
            if (
                isinstance(widget, MainWindow)
                and widget.isVisible()
                and widget.archive.folder == archive_dir
                and not widget.worker.is_busy()
                and widget.current_article_id() is not None
            ):
                seen.append(widget.pane.article.title)
                timer.stop()
                widget.close()

    timer = QTimer()
    timer.timeout.connect(close_when_ready)
    timer.start(100)
    assert main(["--archive", str(archive_dir)]) == 0
    assert len(seen) == 1  # the window showed an article: the samples were imported
    with Archive(archive_dir) as archive:
        assert len(list_issues(archive.db)) >= 1


def test_smoke_mode_shows_the_window_and_quits(archive_dir: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        READER_EXIT_AFTER_SHOW="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--archive", str(archive_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "window shown in" in done.stderr
    assert (tmp_path / "config" / "reader" / "reader.ini").is_file()  # settings saved on close

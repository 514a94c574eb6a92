"""Building the application in one place: Qt app, settings, translators, font, theme,
the GUI's archive, the worker and the main window."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDir, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import __version__
from reader.archive import Archive
from reader.paths import resource_path
from reader.store.db import ArchiveError
from reader.ui.accessibility import name_generated_controls
from reader.ui.errors import install_log_file
from reader.ui.fonts import apply_app_font
from reader.ui.i18n import install_translators
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings, default_settings_path
from reader.ui.theme import apply_app_palette, theme_named
from reader.ui.worker import Worker


def qt_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication (made once), with reader's names, icons and Fusion style."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv) or [sys.argv[0] if sys.argv else "reader"])
    if app.property("reader_ready"):
        return app
    # Once per application: replacing the style later would pull it from under live widgets.
    app.setProperty("reader_ready", True)
    app.setApplicationName("reader")
    app.setApplicationDisplayName("Reader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("reader")
    app.setStyle("Fusion")
    QDir.addSearchPath("icons", str(resource_path("icons")))
    return app


def build_window(app: QApplication, archive_dir: Path, settings: Settings) -> MainWindow:
    """A main window on ``archive_dir`` with its own archive connection and worker.

    Raises:
        ArchiveError: the archive cannot be opened.
    """
    install_log_file()
    use_language(app, settings.language)
    family = apply_app_font(app)
    apply_app_palette(app, theme_named(settings.theme))
    archive = Archive(archive_dir)
    worker = Worker(archive_dir)
    window = MainWindow(archive, settings, worker, family)
    name_generated_controls(window)
    window.destroyed.connect(lambda *_: archive.close())
    return window


def use_language(app: QApplication, language: str) -> None:
    """Install the translators for ``language`` unless they already are (windows built from
    now on speak it; an open window keeps its language until it is rebuilt)."""
    if app.property("reader_language") != language:
        install_translators(app, language)
        app.setProperty("reader_language", language)


# Set to 1 to quit as soon as the window has been shown (smoke tests of the packaged app).
EXIT_AFTER_SHOW_ENV = "READER_EXIT_AFTER_SHOW"


def run_app(archive_dir: Path, argv: Sequence[str], settings_path: Path | None = None) -> int:
    """Open the reader's window on ``archive_dir`` and run until it closes; the exit code."""
    started = time.monotonic()
    app = qt_application(argv)
    settings = Settings(settings_path or default_settings_path())
    while True:
        try:
            window = build_window(app, Path(archive_dir), settings)
        except ArchiveError as error:
            QMessageBox.critical(None, "Reader", error.message.render(settings.language))
            return 2
        window.show()
        window.start()
        if os.environ.get(EXIT_AFTER_SHOW_ENV) == "1":
            QTimer.singleShot(0, partial(_report_shown, window, started))
        code = app.exec()
        window.shutdown()
        window.archive.close()
        if not window.restart_requested:  # else: again, in the language just chosen
            return int(code)


def _report_shown(window: MainWindow, started: float) -> None:
    print(f"reader: window shown in {time.monotonic() - started:.2f} s", file=sys.stderr)
    window.close()

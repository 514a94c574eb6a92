"""Errors in the window: the editor's mistakes as messages, the program's as bug reports.

A :class:`ReaderError` is something the editor can cause and put right: it is shown in the
window's language. Anything else escaping the core is a bug: its traceback goes to the log
file and the editor is told so (程序出错), with where the log is, never as if it were a
mistake of theirs.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.messages import ReaderError, render_error
from reader.paths import log_file
from reader.ui.i18n import ui_language

log = logging.getLogger(__name__)
_HANDLER_NAME = "reader-log-file"


def install_log_file() -> Path:
    """Send the package's warnings and errors to the log file (once per process)."""
    path = log_file()
    logger = logging.getLogger("reader")
    for old in [h for h in logger.handlers if h.get_name() == _HANDLER_NAME]:
        if isinstance(old, logging.FileHandler) and Path(old.baseFilename) == path:
            return path
        logger.removeHandler(old)  # the log folder moved (tests give each its own home)
        old.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Opened at the first record: a window that never fails leaves no empty log behind.
    handler = RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=2, encoding="utf-8", delay=True
    )
    handler.set_name(_HANDLER_NAME)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path


def is_bug(error: BaseException) -> bool:
    return not isinstance(error, ReaderError)


def log_bug(error: BaseException) -> None:
    """Write a bug's traceback (from where it was raised, on whichever thread) to the log."""
    log.error("bug in the window's work", exc_info=(type(error), error, error.__traceback__))


def error_title(error: BaseException) -> str:
    if is_bug(error):
        return QCoreApplication.translate("Errors", "Program Error")
    return QCoreApplication.translate("Errors", "Reader")


def error_text(error: BaseException) -> str:
    """The words for an error in the window's language: a ReaderError's message, or a bug
    report naming the log."""
    text = render_error(error, ui_language())
    if isinstance(error, ReaderError):
        return text
    where = QCoreApplication.translate("Errors", "What happened is written in the log: %1")
    return f"{text}\n\n{where.replace('%1', str(log_file()))}"

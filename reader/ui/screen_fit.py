"""Keeping a restored window on the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_rect(rect: QRect, available: QRect) -> QRect:
    """``rect`` shrunk to fit ``available`` and moved inside it."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    left = min(max(rect.left(), available.left()), available.right() - width + 1)
    top = min(max(rect.top(), available.top()), available.bottom() - height + 1)
    return QRect(left, top, width, height)


def clamp_to_screen(window: QWidget) -> None:
    """Fit ``window`` into the available area of its screen (a geometry saved at another
    scale or on a larger monitor would otherwise run off it)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    inner = window.geometry()
    extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
    fitted = fit_rect(frame, available)
    if fitted != frame:
        window.setGeometry(
            fitted.left() + (inner.left() - frame.left()),
            fitted.top() + (inner.top() - frame.top()),
            fitted.width() - extra_w,
            fitted.height() - extra_h,
        )

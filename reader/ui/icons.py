"""The window's icons, with a disabled state that is fainter than the enabled one in either
theme (Qt's own disabled icons are lightened, which in the dark theme makes them brighter)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

SIZES = (16, 20, 24, 32, 48)
DISABLED_OPACITY = 0.35


def faded(pixmap: QPixmap, opacity: float = DISABLED_OPACITY) -> QPixmap:
    """``pixmap`` drawn at ``opacity`` on a transparent ground."""
    result = QPixmap(pixmap.size())
    result.setDevicePixelRatio(pixmap.devicePixelRatio())
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setOpacity(opacity)
    painter.drawPixmap(0, 0, pixmap)
    painter.end()
    return result


def themed_icon(name: str) -> QIcon:
    """The icon ``icons:<name>.svg`` with a faded pixmap for its disabled state."""
    source = QIcon(f"icons:{name}.svg")
    if source.isNull():
        return source
    icon = QIcon()
    for size in SIZES:
        pixmap = source.pixmap(size, size)
        icon.addPixmap(pixmap, QIcon.Mode.Normal)
        icon.addPixmap(pixmap, QIcon.Mode.Active)
        icon.addPixmap(faded(pixmap), QIcon.Mode.Disabled)
    return icon

"""A CJK font chosen per platform, with fallbacks, for the whole window."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = {
    "win32": ("Microsoft YaHei UI", "Microsoft YaHei", "DengXian", "SimSun", "Noto Sans CJK SC"),
    "darwin": ("PingFang SC", "Hiragino Sans GB", "Heiti SC", "Songti SC", "Noto Sans CJK SC"),
    "linux": (
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Source Han Sans CN",
        "WenQuanYi Micro Hei",
        "WenQuanYi Zen Hei",
        "Droid Sans Fallback",
    ),
}


def preferred_families(platform: str) -> tuple[str, ...]:
    """The CJK families to try on ``platform`` (a ``sys.platform`` value), best first."""
    key = "linux" if platform.startswith(("linux", "freebsd")) else platform
    ordered = CJK_FAMILIES.get(key, CJK_FAMILIES["linux"])
    others = [f for fams in CJK_FAMILIES.values() for f in fams if f not in ordered]
    return (*ordered, *dict.fromkeys(others))


def choose_family(available: Iterable[str], platform: str) -> str | None:
    """The first preferred CJK family that is installed, else None."""
    installed = {name.casefold(): name for name in available}
    for family in preferred_families(platform):
        if family.casefold() in installed:
            return installed[family.casefold()]
    return None


def apply_app_font(app: QApplication, platform: str = sys.platform) -> str:
    """Use a CJK font for the interface; returns the family the reading pane should use."""
    chosen = choose_family(QFontDatabase.families(), platform)
    font = QFont(app.font())
    if chosen:
        # The system's UI font first for Latin text, then the CJK family for Chinese.
        families = [chosen, *[f for f in preferred_families(platform) if f != chosen]]
        font.setFamilies(families)
        app.setFont(font)
        return chosen
    return font.family()

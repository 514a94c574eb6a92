"""Light and dark themes: the reading pane's colours and the application palette."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader.annotations.highlights import HIGHLIGHT_COLORS


@dataclass(frozen=True)
class Theme:
    name: str
    page: str
    text: str
    title: str
    heading: str
    muted: str
    selection: str
    match: str
    current: str
    current_text: str
    highlights: tuple[str, ...]
    window: str
    panel: str
    # Each term of a query has its own hue: its hits are written in it, bold and
    # underlined, with no fill of their own. Highlights are pale fills and Ctrl+F matches
    # the ``match`` fill, so neither can be taken for a query hit.
    term_hues: tuple[str, ...] = ("#c2185b", "#1565c0", "#2e7d32", "#7b1fa2", "#bf360c", "#00838f")

    def term_hue(self, index: int) -> str:
        """The hue of the query's ``index``-th term (the hues repeat past the sixth)."""
        return self.term_hues[index % len(self.term_hues)]

    def highlight_color(self, name: str) -> str:
        """The paint for a stored highlight colour: a name, or ``#rrggbb`` as it is."""
        if name.startswith("#"):
            return name
        try:
            return self.highlights[HIGHLIGHT_COLORS.index(name)]
        except ValueError:
            return self.highlights[0]


LIGHT = Theme(
    name="light",
    page="#fbfaf6",
    text="#1f1f1f",
    title="#15233b",
    heading="#7a2e0e",
    muted="#6b6b6b",
    selection="#b7d3f2",
    match="#b2ebe4",
    current="#ff9632",
    current_text="#000000",
    highlights=("#fff3a3", "#c9f0c0", "#c4dcff", "#ffd1e3", "#e2d1ff", "#ffd9b0"),
    window="#f0f0f0",
    panel="#ffffff",
)

DARK = Theme(
    name="dark",
    page="#1e1f22",
    text="#d8d6d0",
    title="#e8e6e1",
    heading="#f0b27a",
    muted="#9a9a9a",
    selection="#2f4f77",
    match="#1d5651",
    current="#c06a12",
    current_text="#ffffff",
    highlights=("#5c5320", "#2f5a35", "#2c4770", "#6a3450", "#4d3a70", "#6e4720"),
    window="#2b2d30",
    panel="#232427",
    term_hues=("#f48fb1", "#90caf9", "#a5d6a7", "#ce93d8", "#ffab91", "#80deea"),
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK)}


def theme_named(name: str) -> Theme:
    return THEMES.get(name, LIGHT)


def apply_app_palette(app: QApplication, theme: Theme) -> None:
    """Colour the whole window for ``theme`` (Fusion style honours the palette everywhere)."""
    palette = QPalette()
    dark = theme.name == "dark"
    window, panel = QColor(theme.window), QColor(theme.panel)
    text = QColor(theme.text)
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    palette.setColor(QPalette.ColorRole.Base, panel)
    palette.setColor(QPalette.ColorRole.AlternateBase, window)
    palette.setColor(QPalette.ColorRole.Text, text)
    palette.setColor(QPalette.ColorRole.Button, window)
    palette.setColor(QPalette.ColorRole.ButtonText, text)
    palette.setColor(QPalette.ColorRole.ToolTipBase, panel)
    palette.setColor(QPalette.ColorRole.ToolTipText, text)
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3d6fb4" if dark else "#3874d8"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#8ab4f8" if dark else "#1a5fb4"))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted))
    app.setPalette(palette)

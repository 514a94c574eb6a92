"""The window's remembered state: one typed accessor over QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from reader.paths import APP_NAME

THEMES = ("light", "dark")
LANGUAGES = ("zh_CN", "en")
DEFAULT_FONT_SIZE = 14
MIN_FONT_SIZE = 9
MAX_FONT_SIZE = 32
HISTORY_LENGTH = 30


@dataclass(frozen=True, slots=True)
class ExportChoices:
    """What the export dialog was last set to."""

    format: str
    notes: bool
    highlights: bool
    open_file: bool


def default_settings_path() -> Path:
    """``reader.ini`` in the user's config folder (``$XDG_CONFIG_HOME/reader`` on Linux)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "reader.ini"


class Settings:
    """Typed reads and writes of the window's settings, kept in one INI file.

    Widgets never build their own ``QSettings``: the app makes one ``Settings`` and passes it in.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    # -- plain values -------------------------------------------------------------------
    def _int(self, key: str, default: int) -> int:
        value = self._qs.value(key, default)
        if isinstance(value, int):
            return value
        try:
            return int(str(value))
        except ValueError:
            return default

    def _str(self, key: str, default: str) -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def font_size(self) -> int:
        size = self._int("reading/font_size", DEFAULT_FONT_SIZE)
        return min(max(size, MIN_FONT_SIZE), MAX_FONT_SIZE)

    @font_size.setter
    def font_size(self, size: int) -> None:
        self._qs.setValue("reading/font_size", min(max(int(size), MIN_FONT_SIZE), MAX_FONT_SIZE))

    @property
    def theme(self) -> str:
        theme = self._str("reading/theme", "light")
        return theme if theme in THEMES else "light"

    @theme.setter
    def theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        self._qs.setValue("reading/theme", theme)

    @property
    def language(self) -> str:
        language = self._str("ui/language", "zh_CN")
        return language if language in LANGUAGES else "zh_CN"

    @language.setter
    def language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._qs.setValue("ui/language", language)

    @property
    def last_article_id(self) -> int | None:
        value = self._int("reading/last_article", 0)
        return value if value > 0 else None

    @last_article_id.setter
    def last_article_id(self, article_id: int | None) -> None:
        self._qs.setValue("reading/last_article", int(article_id or 0))

    @property
    def active_brief_id(self) -> int | None:
        value = self._int("briefs/active", 0)
        return value if value > 0 else None

    @active_brief_id.setter
    def active_brief_id(self, brief_id: int | None) -> None:
        self._qs.setValue("briefs/active", int(brief_id or 0))

    @property
    def export_dir(self) -> str:
        return self._str("briefs/export_dir", "")

    @export_dir.setter
    def export_dir(self, folder: str) -> None:
        self._qs.setValue("briefs/export_dir", folder)

    @property
    def export_choices(self) -> ExportChoices:
        """The export dialog's last format and options (its folder is :attr:`export_dir`)."""
        return ExportChoices(
            self._str("briefs/export_format", "docx"),
            self._str("briefs/export_notes", "0") == "1",
            self._str("briefs/export_highlights", "0") == "1",
            self._str("briefs/export_open", "1") == "1",
        )

    @export_choices.setter
    def export_choices(self, choices: ExportChoices) -> None:
        self._qs.setValue("briefs/export_format", choices.format)
        for key, value in (
            ("notes", choices.notes),
            ("highlights", choices.highlights),
            ("open", choices.open_file),
        ):
            self._qs.setValue(f"briefs/export_{key}", "1" if value else "0")

    # -- the folders file dialogs start in ----------------------------------------------
    def last_folder(self, purpose: str) -> str:
        """The folder last used to ``purpose`` ("import", "backup", "restore"); "" if none."""
        return self._str(f"folders/{purpose}", "")

    def remember_folder(self, purpose: str, folder: str) -> None:
        self._qs.setValue(f"folders/{purpose}", folder)

    # -- search history (kept in the archive now) --------------------------------------
    def take_search_history(self) -> list[str]:
        """The queries an earlier version kept here, most recent first; they are forgotten
        here, to be kept in the archive beside the command line's."""
        value = self._qs.value("search/history", [])
        self._qs.remove("search/history")
        # INI files give back a one-item list as a plain string.
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [item for item in items if isinstance(item, str) and item][:HISTORY_LENGTH]

    # -- search results -----------------------------------------------------------------
    @property
    def fold_reprints(self) -> bool:
        """Whether results fold edited reprints under their first printing."""
        return self._int("search/fold_reprints", 0) == 1

    @fold_reprints.setter
    def fold_reprints(self, fold: bool) -> None:
        self._qs.setValue("search/fold_reprints", 1 if fold else 0)

    # -- window layout: geometry, and the docks' sizes by object name -------------------
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)

"""The window's commands, defined once: an enum of actions whose definitions carry their
text, shortcuts, icon, menu places and slot (after Picard's ``MainAction`` registry).

Adding a command: a member of :class:`Action` and its :class:`ActionDef` in
:func:`action_definitions` (in the order it stands in its menus). Menus, the toolbar and
the enabling of commands all read these definitions; nothing else names an action.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence

from reader.ui.settings import DEFAULT_FONT_SIZE

Shortcut = QKeySequence | QKeySequence.StandardKey | str
# A slot is found on the window when the actions are connected: ``lambda w: w.method``.
Slot = Callable[[Any], Callable[[], object]]


class Action(StrEnum):
    IMPORT_FILES = "import_files"
    IMPORT_FOLDER = "import_folder"
    SHOW_TRASH = "show_trash"
    REMOVE_SAMPLES = "remove_samples"
    EXPORT_ANNOTATIONS = "export_annotations"
    IMPORT_ANNOTATIONS = "import_annotations"
    PRINT_ARTICLE = "print_article"
    PRINT_BRIEF = "print_brief"
    BACKUP = "backup"
    RESTORE = "restore"
    REINDEX = "reindex"
    QUIT = "quit"
    UNDO = "undo"
    COPY = "copy"
    FOCUS_SEARCH = "focus_search"
    FIND_IN_ARTICLE = "find_in_article"
    FIND_NEXT = "find_next"
    FIND_PREVIOUS = "find_previous"
    EDIT_ISSUE = "edit_issue"
    DELETE_ISSUE = "delete_issue"
    BOOKMARK = "bookmark"
    HIGHLIGHT = "highlight"
    ADD_NOTE = "add_note"
    ARTICLE_NOTE = "article_note"
    ADD_TAG = "add_tag"
    NEW_BRIEF = "new_brief"
    ADD_TO_BRIEF = "add_to_brief"
    EXPORT_BRIEF = "export_brief"
    ARTICLE_HISTORY = "article_history"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    ZOOM_RESET = "zoom_reset"
    THEME_LIGHT = "theme_light"
    THEME_DARK = "theme_dark"
    FOCUS_LIBRARY = "focus_library"
    FOCUS_RESULTS = "focus_results"
    FOCUS_ARTICLE = "focus_article"
    FOCUS_BRIEF = "focus_brief"
    LANGUAGE_ZH = "language_zh"
    LANGUAGE_EN = "language_en"
    ABOUT = "about"


class Menu(StrEnum):
    FILE = "file"
    EDIT = "edit"
    ARTICLE = "article"
    BRIEF = "brief"
    VIEW = "view"
    LANGUAGE = "language"  # under View
    HELP = "help"


class Enabled(Enum):
    """When a command can be used."""

    ALWAYS = "always"
    ARTICLE = "article"  # an article is open
    SELECTION = "selection"  # some of the open article's text is selected


@dataclass(frozen=True)
class ActionDef:
    text: str  # translated when the definitions are read
    slot: Slot
    places: tuple[tuple[Menu, int], ...]  # (menu, section): sections are set apart by a line
    shortcuts: tuple[Shortcut, ...] = ()
    icon: str = ""
    toolbar: int = 0  # its place on the toolbar (1, 2, …); 0: not on it
    checkable: bool = False
    exclusive: str = ""  # checkable actions sharing a name are one exclusive group
    enabled: Enabled = Enabled.ALWAYS


def action_definitions() -> dict[Action, ActionDef]:
    """Every command of the window, in menu order (texts translated now)."""
    std = QKeySequence.StandardKey
    a, d = Action, ActionDef
    file, edit, article, brief = Menu.FILE, Menu.EDIT, Menu.ARTICLE, Menu.BRIEF
    view, language, help_ = Menu.VIEW, Menu.LANGUAGE, Menu.HELP
    return {
        a.IMPORT_FILES: d(
            QCoreApplication.translate("Actions", "&Import Files…"),
            lambda w: w.importing.import_files,
            ((file, 0),),
            (std.Open,),
            "import",
            toolbar=1,
        ),
        a.IMPORT_FOLDER: d(
            QCoreApplication.translate("Actions", "Import &Folder…"),
            lambda w: w.importing.import_folder,
            ((file, 0),),
            ("Ctrl+Shift+O",),
        ),
        a.SHOW_TRASH: d(
            QCoreApplication.translate("Actions", "Tras&h…"),
            lambda w: w.curation.show_trash,
            ((file, 1),),
        ),
        a.REMOVE_SAMPLES: d(
            QCoreApplication.translate("Actions", "Remove &Sample Issues…"),
            lambda w: w.curation.delete_samples,
            ((file, 1),),
        ),
        a.EXPORT_ANNOTATIONS: d(
            QCoreApplication.translate("Actions", "Expor&t Annotations…"),
            lambda w: w.transfer.export_file,
            ((file, 1),),
        ),
        a.IMPORT_ANNOTATIONS: d(
            QCoreApplication.translate("Actions", "Import &Annotations…"),
            lambda w: w.transfer.import_file,
            ((file, 1),),
        ),
        a.PRINT_ARTICLE: d(
            QCoreApplication.translate("Actions", "&Print Article…"),
            lambda w: w.print_article,
            ((file, 2),),
            (std.Print,),
            enabled=Enabled.ARTICLE,
        ),
        a.PRINT_BRIEF: d(
            QCoreApplication.translate("Actions", "Print Bri&ef…"),
            lambda w: w.print_brief,
            ((file, 2),),
        ),
        a.BACKUP: d(
            QCoreApplication.translate("Actions", "&Back Up Archive…"),
            lambda w: w.archive_care.backup,
            ((file, 3),),
        ),
        a.RESTORE: d(
            QCoreApplication.translate("Actions", "&Restore From Backup…"),
            lambda w: w.archive_care.restore,
            ((file, 3),),
        ),
        a.REINDEX: d(
            QCoreApplication.translate("Actions", "Rebuild Search Inde&x"),
            lambda w: w.archive_care.reindex,
            ((file, 3),),
        ),
        a.QUIT: d(
            QCoreApplication.translate("Actions", "&Quit"),
            lambda w: w.close,
            ((file, 4),),
            (std.Quit, "Ctrl+Q"),
        ),
        a.UNDO: d(
            QCoreApplication.translate("Actions", "&Undo Delete"),
            lambda w: w.curation.undo.undo,
            ((edit, 0),),
            (std.Undo,),
        ),
        a.COPY: d(
            QCoreApplication.translate("Actions", "&Copy"),
            lambda w: w.pane.copy,
            ((edit, 0),),
            (std.Copy,),
        ),
        a.FOCUS_SEARCH: d(
            QCoreApplication.translate("Actions", "&Search Archive"),
            lambda w: w.search.focus,
            ((edit, 1),),
            ("Ctrl+K", "Ctrl+Shift+F"),
            "search",
        ),
        a.FIND_IN_ARTICLE: d(
            QCoreApplication.translate("Actions", "&Find in Article"),
            lambda w: w.walker.focus_find,
            ((edit, 1),),
            (std.Find,),
        ),
        a.FIND_NEXT: d(
            QCoreApplication.translate("Actions", "Find &Next"),
            lambda w: w.walker.next,
            ((edit, 1),),
            (std.FindNext, "F3"),
            "go-next",
        ),
        a.FIND_PREVIOUS: d(
            QCoreApplication.translate("Actions", "Find Pre&vious"),
            lambda w: w.walker.previous,
            ((edit, 1),),
            (std.FindPrevious, "Shift+F3"),
            "go-previous",
        ),
        a.EDIT_ISSUE: d(
            QCoreApplication.translate("Actions", "Edit Issue &Details…"),
            lambda w: w.edit_issue,
            ((edit, 2),),
            enabled=Enabled.ARTICLE,
        ),
        a.DELETE_ISSUE: d(
            QCoreApplication.translate("Actions", "Move Issue to &Trash…"),
            lambda w: w.curation.delete_current_issue,
            ((edit, 2),),
            enabled=Enabled.ARTICLE,
        ),
        a.BOOKMARK: d(
            QCoreApplication.translate("Actions", "&Bookmark Article"),
            lambda w: w.annotating.toggle_bookmark,
            ((article, 0),),
            ("Ctrl+D",),
            "bookmark",
            toolbar=2,
            checkable=True,
            enabled=Enabled.ARTICLE,
        ),
        a.HIGHLIGHT: d(
            QCoreApplication.translate("Actions", "&Highlight Selection"),
            lambda w: w.annotating.highlight_selection,
            ((article, 0),),
            ("Ctrl+H",),
            "highlight",
            toolbar=3,
            enabled=Enabled.SELECTION,
        ),
        a.ADD_NOTE: d(
            QCoreApplication.translate("Actions", "Add &Note to Selection"),
            lambda w: w.annotating.note_on_selection,
            ((article, 0),),
            ("Ctrl+Shift+N",),
            "note",
            toolbar=4,
            enabled=Enabled.SELECTION,
        ),
        a.ARTICLE_NOTE: d(
            QCoreApplication.translate("Actions", "Add Note to &Article"),
            lambda w: w.annotating.note_on_article,
            ((article, 0),),
            ("Ctrl+Alt+N",),
            enabled=Enabled.ARTICLE,
        ),
        a.ADD_TAG: d(
            QCoreApplication.translate("Actions", "Add &Tag…"),
            lambda w: w.annotating.ask_tag,
            ((article, 0),),
            ("Ctrl+T",),
            "tag",
            enabled=Enabled.ARTICLE,
        ),
        a.NEW_BRIEF: d(
            QCoreApplication.translate("Actions", "&New Brief…"),
            lambda w: w.briefs.new_brief,
            ((brief, 0),),
            (std.New,),
        ),
        a.ADD_TO_BRIEF: d(
            QCoreApplication.translate("Actions", "Add to B&rief"),
            lambda w: w.annotating.add_focused_to_brief,
            ((article, 1), (brief, 0)),
            ("Ctrl+B",),
            "brief-add",
            toolbar=5,
        ),
        a.EXPORT_BRIEF: d(
            QCoreApplication.translate("Actions", "&Export Brief…"),
            lambda w: w.briefs.export,
            ((brief, 0),),
            ("Ctrl+E",),
            "export",
            toolbar=6,
        ),
        a.ARTICLE_HISTORY: d(
            QCoreApplication.translate("Actions", "Earlier Te&xts…"),
            lambda w: w.curation.show_history,
            ((article, 1),),
            enabled=Enabled.ARTICLE,
        ),
        a.ZOOM_IN: d(
            QCoreApplication.translate("Actions", "&Larger Text"),
            lambda w: lambda: w.set_font_size(w.pane.font_size + 1),
            ((view, 0),),
            (std.ZoomIn, "Ctrl+="),
            "zoom-in",
            toolbar=8,
        ),
        a.ZOOM_OUT: d(
            QCoreApplication.translate("Actions", "&Smaller Text"),
            lambda w: lambda: w.set_font_size(w.pane.font_size - 1),
            ((view, 0),),
            (std.ZoomOut, "Ctrl+-"),
            "zoom-out",
            toolbar=7,
        ),
        a.ZOOM_RESET: d(
            QCoreApplication.translate("Actions", "&Normal Size"),
            lambda w: partial(w.set_font_size, DEFAULT_FONT_SIZE),
            ((view, 0),),
            ("Ctrl+0",),
        ),
        a.THEME_LIGHT: d(
            QCoreApplication.translate("Actions", "Lig&ht Theme"),
            lambda w: partial(w.set_theme, "light"),
            ((view, 1),),
            checkable=True,
            exclusive="theme",
        ),
        a.THEME_DARK: d(
            QCoreApplication.translate("Actions", "&Dark Theme"),
            lambda w: partial(w.set_theme, "dark"),
            ((view, 1),),
            checkable=True,
            exclusive="theme",
        ),
        a.FOCUS_LIBRARY: d(
            QCoreApplication.translate("Actions", "Go to Library"),
            lambda w: w.focus.library,
            ((view, 2),),
            ("Alt+1",),
        ),
        a.FOCUS_RESULTS: d(
            QCoreApplication.translate("Actions", "Go to Search Results"),
            lambda w: w.focus.results,
            ((view, 2),),
            ("Alt+2",),
        ),
        a.FOCUS_ARTICLE: d(
            QCoreApplication.translate("Actions", "Go to Article"),
            lambda w: w.focus.article,
            ((view, 2),),
            ("Alt+3",),
        ),
        a.FOCUS_BRIEF: d(
            QCoreApplication.translate("Actions", "Go to Brief"),
            lambda w: w.focus.brief,
            ((view, 2),),
            ("Alt+4",),
        ),
        # Each language is named in itself, whatever the interface language is.
        a.LANGUAGE_ZH: d(
            "中文（简体）",
            lambda w: partial(w.set_language, "zh_CN"),
            ((language, 0),),
            checkable=True,
            exclusive="language",
        ),
        a.LANGUAGE_EN: d(
            "English",
            lambda w: partial(w.set_language, "en"),
            ((language, 0),),
            checkable=True,
            exclusive="language",
        ),
        a.ABOUT: d(
            QCoreApplication.translate("Actions", "&About Reader"),
            lambda w: w.about,
            ((help_, 0),),
        ),
    }


def plain_text(text: str) -> str:
    """A menu text as a tooltip says it: no mnemonic (``&I``, or ``(&I)`` in Chinese) and no
    ellipsis (the tooltip names the command, it does not open its dialog)."""
    text = re.sub(r"\(&[^&]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


class ActionRegistry:
    """The window's QActions, built from :func:`action_definitions`, keyed by :class:`Action`."""

    def __init__(self, parent: QObject, icon_for: Callable[[str], QIcon]) -> None:
        self.definitions = action_definitions()
        self._actions: dict[Action, QAction] = {}
        groups: dict[str, QActionGroup] = {}
        for key, spec in self.definitions.items():
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{key.value}")
            unique: list[QKeySequence] = []
            for shortcut in (QKeySequence(s) for s in spec.shortcuts):
                if not shortcut.isEmpty() and shortcut not in unique:
                    unique.append(shortcut)
            action.setShortcuts(unique)
            if spec.icon:
                action.setIcon(icon_for(spec.icon))
            action.setCheckable(spec.checkable)
            if unique:
                shown = unique[0].toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{plain_text(spec.text)} ({shown})")
            if spec.exclusive:
                groups.setdefault(spec.exclusive, QActionGroup(parent)).addAction(action)
            self._actions[key] = action

    def connect_slots(self, window: object) -> None:
        """Connect each action to its definition's slot on ``window`` (found now, so a slot
        that does not exist fails when the window is built, not when it is chosen)."""
        for key, spec in self.definitions.items():
            slot = spec.slot(window)
            self._actions[key].triggered.connect(lambda _checked=False, s=slot: s())

    def update_enabled(self, has_article: bool, has_selection: bool) -> None:
        """Enable each command that the window's state allows."""
        allowed = {
            Enabled.ALWAYS: True,
            Enabled.ARTICLE: has_article,
            Enabled.SELECTION: has_article and has_selection,
        }
        for key, spec in self.definitions.items():
            self._actions[key].setEnabled(allowed[spec.enabled])

    def in_menu(self, menu: Menu) -> list[list[QAction]]:
        """The actions placed in ``menu``, by section, in order."""
        sections: dict[int, list[QAction]] = {}
        for key, spec in self.definitions.items():
            for place, section in spec.places:
                if place is menu:
                    sections.setdefault(section, []).append(self._actions[key])
        return [sections[s] for s in sorted(sections)]

    def on_toolbar(self) -> list[QAction]:
        placed = sorted(
            (spec.toolbar, key) for key, spec in self.definitions.items() if spec.toolbar
        )
        return [self._actions[key] for _place, key in placed]

    def __getitem__(self, key: Action | str) -> QAction:
        return self._actions[Action(key)]

    def all(self) -> list[QAction]:
        return list(self._actions.values())

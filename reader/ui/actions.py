"""One registry of the window's commands: text, shortcuts, icons and menu placement."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence

# Enabled while an article is open.
ARTICLE_ACTIONS = (
    "bookmark",
    "article_note",
    "add_tag",
    "edit_issue",
    "delete_issue",
    "article_history",
    "print_article",
)


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str  # English source text; shown translated
    shortcuts: tuple[QKeySequence | QKeySequence.StandardKey | str, ...] = ()
    icon: str = ""
    checkable: bool = False


def action_specs() -> list[ActionSpec]:
    """Every command of the window (texts are translated when this is called)."""
    std = QKeySequence.StandardKey
    return [
        ActionSpec(
            "import_files",
            QCoreApplication.translate("Actions", "&Import Files…"),
            (std.Open,),
            "import",
        ),
        ActionSpec(
            "import_folder",
            QCoreApplication.translate("Actions", "Import &Folder…"),
            ("Ctrl+Shift+O",),
        ),
        ActionSpec("backup", QCoreApplication.translate("Actions", "&Back Up Archive…")),
        ActionSpec("restore", QCoreApplication.translate("Actions", "&Restore From Backup…")),
        ActionSpec(
            "export_annotations",
            QCoreApplication.translate("Actions", "Expor&t Annotations…"),
        ),
        ActionSpec(
            "import_annotations",
            QCoreApplication.translate("Actions", "Import &Annotations…"),
        ),
        ActionSpec(
            "print_article",
            QCoreApplication.translate("Actions", "&Print Article…"),
            (std.Print,),
        ),
        ActionSpec("print_brief", QCoreApplication.translate("Actions", "Print Bri&ef…")),
        ActionSpec("reindex", QCoreApplication.translate("Actions", "Rebuild Search Inde&x")),
        ActionSpec("quit", QCoreApplication.translate("Actions", "&Quit"), (std.Quit, "Ctrl+Q")),
        ActionSpec("copy", QCoreApplication.translate("Actions", "&Copy"), (std.Copy,)),
        ActionSpec(
            "focus_search",
            QCoreApplication.translate("Actions", "&Search Archive"),
            ("Ctrl+K", "Ctrl+Shift+F"),
            "search",
        ),
        ActionSpec(
            "find_in_article",
            QCoreApplication.translate("Actions", "&Find in Article"),
            (std.Find,),
        ),
        ActionSpec(
            "find_next",
            QCoreApplication.translate("Actions", "Find &Next"),
            (std.FindNext, "F3"),
            "go-next",
        ),
        ActionSpec(
            "find_previous",
            QCoreApplication.translate("Actions", "Find Pre&vious"),
            (std.FindPrevious, "Shift+F3"),
            "go-previous",
        ),
        ActionSpec("edit_issue", QCoreApplication.translate("Actions", "Edit Issue &Details…")),
        ActionSpec(
            "focus_library", QCoreApplication.translate("Actions", "Go to Library"), ("Alt+1",)
        ),
        ActionSpec(
            "focus_results",
            QCoreApplication.translate("Actions", "Go to Search Results"),
            ("Alt+2",),
        ),
        ActionSpec(
            "focus_article", QCoreApplication.translate("Actions", "Go to Article"), ("Alt+3",)
        ),
        ActionSpec("focus_brief", QCoreApplication.translate("Actions", "Go to Brief"), ("Alt+4",)),
        ActionSpec(
            "bookmark",
            QCoreApplication.translate("Actions", "&Bookmark Article"),
            ("Ctrl+D",),
            "bookmark",
            checkable=True,
        ),
        ActionSpec(
            "highlight",
            QCoreApplication.translate("Actions", "&Highlight Selection"),
            ("Ctrl+H",),
            "highlight",
        ),
        ActionSpec(
            "add_note",
            QCoreApplication.translate("Actions", "Add &Note to Selection"),
            ("Ctrl+Shift+N",),
            "note",
        ),
        ActionSpec(
            "article_note",
            QCoreApplication.translate("Actions", "Add Note to &Article"),
            ("Ctrl+Alt+N",),
        ),
        ActionSpec(
            "add_tag", QCoreApplication.translate("Actions", "Add &Tag…"), ("Ctrl+T",), "tag"
        ),
        ActionSpec(
            "add_to_brief",
            QCoreApplication.translate("Actions", "Add to B&rief"),
            ("Ctrl+B",),
            "brief-add",
        ),
        ActionSpec("new_brief", QCoreApplication.translate("Actions", "&New Brief…"), (std.New,)),
        ActionSpec(
            "export_brief",
            QCoreApplication.translate("Actions", "&Export Brief…"),
            ("Ctrl+E",),
            "export",
        ),
        ActionSpec(
            "zoom_in",
            QCoreApplication.translate("Actions", "&Larger Text"),
            (std.ZoomIn, "Ctrl+="),
            "zoom-in",
        ),
        ActionSpec(
            "zoom_out",
            QCoreApplication.translate("Actions", "&Smaller Text"),
            (std.ZoomOut, "Ctrl+-"),
            "zoom-out",
        ),
        ActionSpec(
            "zoom_reset", QCoreApplication.translate("Actions", "&Normal Size"), ("Ctrl+0",)
        ),
        ActionSpec(
            "theme_light", QCoreApplication.translate("Actions", "Lig&ht Theme"), checkable=True
        ),
        ActionSpec(
            "theme_dark", QCoreApplication.translate("Actions", "&Dark Theme"), checkable=True
        ),
        # Each language is named in itself, whatever the interface language is.
        ActionSpec("language_zh", "中文（简体）", checkable=True),
        ActionSpec("language_en", "English", checkable=True),
        ActionSpec("about", QCoreApplication.translate("Actions", "&About Reader")),
        ActionSpec("undo", QCoreApplication.translate("Actions", "&Undo Delete"), (std.Undo,)),
        ActionSpec("delete_issue", QCoreApplication.translate("Actions", "Move Issue to &Trash…")),
        ActionSpec("show_trash", QCoreApplication.translate("Actions", "Tras&h…")),
        ActionSpec(
            "remove_samples", QCoreApplication.translate("Actions", "Remove &Sample Issues…")
        ),
        ActionSpec("article_history", QCoreApplication.translate("Actions", "Earlier Te&xts…")),
    ]


def plain_text(text: str) -> str:
    """A menu text as a tooltip says it: no mnemonic (``&I``, or ``(&I)`` in Chinese) and no
    ellipsis (the tooltip names the command, it does not open its dialog)."""
    text = re.sub(r"\(&[^&]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


class ActionRegistry:
    """The QActions of a window by name; menus and toolbars place them by name."""

    def __init__(self, parent: QObject, icon_for: Callable[[str], QIcon]) -> None:
        self._actions: dict[str, QAction] = {}
        for spec in action_specs():
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.name}")
            shortcuts = [QKeySequence(s) for s in spec.shortcuts]
            unique: list[QKeySequence] = []
            for shortcut in shortcuts:
                if not shortcut.isEmpty() and shortcut not in unique:
                    unique.append(shortcut)
            action.setShortcuts(unique)
            if spec.icon:
                action.setIcon(icon_for(spec.icon))
            action.setCheckable(spec.checkable)
            if unique:
                shown = unique[0].toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{plain_text(spec.text)} ({shown})")
            self._actions[spec.name] = action
        self._exclusive(parent, "theme_light", "theme_dark")
        self._exclusive(parent, "language_zh", "language_en")

    def _exclusive(self, parent: QObject, *names: str) -> None:
        group = QActionGroup(parent)
        group.setExclusive(True)
        for name in names:
            group.addAction(self._actions[name])

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def connect(self, name: str, slot: Callable[[], object]) -> None:
        self._actions[name].triggered.connect(lambda _checked=False: slot())

    def all(self) -> list[QAction]:
        return list(self._actions.values())

"""What the window remembers, its language, font and menus."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from reader.paths import resource_path
from reader.ui.fonts import choose_family, preferred_families
from reader.ui.settings import MAX_FONT_SIZE, Settings
from tests.gui.conftest import show_active, wait_idle


def test_settings_round_trip_and_clamp(settings_path: Path) -> None:
    settings = Settings(settings_path)
    settings.font_size = 99
    settings.theme = "dark"
    settings.last_article_id = 42
    settings.fold_reprints = True
    settings.sync()
    again = Settings(settings_path)
    assert again.font_size == MAX_FONT_SIZE
    assert again.theme == "dark"
    assert again.last_article_id == 42
    assert again.fold_reprints
    assert settings_path.is_file()


def test_layout_and_dock_state_survive_a_restart(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    window.briefs_dock.raise_()
    window.annotations_dock.setFloating(True)
    window.close()
    again = make_window(filled_archive_dir)
    show_active(qtbot, again)
    assert again.annotations_dock.isFloating()


def test_chinese_interface_by_default_with_qt_dialogs_in_chinese(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "文件(&F)"
    assert window.registry["import_files"].text() == "导入文件(&I)…"
    # Qt's own strings come from qtbase_zh_CN.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_english_interface_when_chosen(qtbot, make_window, filled_archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir, language="en")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "&File"
    assert window.library_dock.windowTitle() == "Library"


def test_translation_file_is_complete() -> None:
    tree = ET.parse(resource_path("translations", "reader_zh_CN.ts"))
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
    ]
    assert unfinished == []
    assert resource_path("translations", "reader_zh_CN.qm").is_file()


def test_every_command_is_in_a_menu_and_shortcuts_are_unique(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    in_menus = set()

    def walk(menu) -> None:  # type: ignore[no-untyped-def]
        for action in menu.actions():
            if action.menu():
                walk(action.menu())
            else:
                in_menus.add(action.objectName())

    for top in window.menuBar().actions():
        walk(top.menu())
    names = {a.objectName() for a in window.registry.all()}
    assert names <= in_menus
    keys = [k.toString() for a in window.registry.all() for k in a.shortcuts()]
    assert len(keys) == len(set(keys))
    assert QKeySequence("Ctrl+D") in window.registry["bookmark"].shortcuts()
    assert QKeySequence("Ctrl+=") in window.registry["zoom_in"].shortcuts()
    assert QKeySequence("Ctrl+-") in window.registry["zoom_out"].shortcuts()


def test_controls_have_accessible_names(qtbot, make_window, filled_archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import (
        QComboBox,
        QLineEdit,
        QListView,
        QPlainTextEdit,
        QTextEdit,
        QTreeView,
    )

    window = make_window(filled_archive_dir)
    unnamed = [
        w.objectName() or type(w).__name__
        for kind in (QLineEdit, QComboBox, QTreeView, QListView, QPlainTextEdit, QTextEdit)
        for w in window.findChildren(kind)
        if not w.accessibleName()
        and w.isVisibleTo(window)
        and not isinstance(w.parent(), QComboBox)
    ]
    assert unnamed == []


def test_cjk_font_choice_per_platform() -> None:
    installed = ["DejaVu Sans", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]
    assert choose_family(installed, "linux") == "Noto Sans CJK SC"
    assert choose_family(installed, "win32") == "Microsoft YaHei"
    assert choose_family(installed, "darwin") == "PingFang SC"
    assert choose_family(["DejaVu Sans"], "linux") is None
    assert preferred_families("win32")[0] == "Microsoft YaHei UI"


def test_font_size_shortcuts_change_and_keep_the_size(
    qtbot, make_window, filled_archive_dir: Path, settings
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    window.open_article(1)
    before = window.pane.font_size
    window.registry["zoom_in"].trigger()
    window.registry["zoom_in"].trigger()
    window.registry["zoom_out"].trigger()
    assert window.pane.font_size == before + 1 == settings.font_size
    wait_idle(qtbot, window)


def test_translation_file_covers_every_string_in_the_code(tmp_path: Path) -> None:
    import subprocess
    import sys

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in resource_path().parent.joinpath("reader", "ui").glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)

    def messages(path: Path) -> set[tuple[str, str]]:
        return {
            (context.findtext("name") or "", message.findtext("source") or "")
            for context in ET.parse(path).iter("context")
            for message in context.iter("message")
        }

    committed = messages(resource_path("translations", "reader_zh_CN.ts"))
    assert messages(fresh) - committed == set()

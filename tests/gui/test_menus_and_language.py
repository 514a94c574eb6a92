"""Menus an editor can drive by keyboard, plain tooltips, and switching language at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu

from reader.ui.actions import plain_text
from tests.gui.conftest import wait_idle


def _mnemonic_clashes(menu: QMenu) -> list[str]:
    clashes, seen = [], {}
    for action in menu.actions():
        found = re.search(r"&([^&])", action.text())
        if found:
            key = found.group(1).upper()
            if key in seen:
                clashes.append(f"{menu.title()}: {seen[key]} / {action.text()}")
            seen.setdefault(key, action.text())
        if action.menu():
            clashes.extend(_mnemonic_clashes(action.menu()))
    return clashes


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_two_commands_of_a_menu_share_a_mnemonic(
    qtbot, make_window, filled_archive_dir: Path, language: str
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir, language=language)
    clashes = [c for top in window.menuBar().actions() for c in _mnemonic_clashes(top.menu())]
    assert clashes == []


def test_tooltips_name_the_command_and_its_shortcut_without_mnemonics(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    assert window.registry["import_files"].toolTip() == "导入文件 (Ctrl+O)"
    assert all("(&" not in a.toolTip() and "…" not in a.toolTip() for a in window.registry.all())
    assert plain_text("Save && &Close…") == "Save & Close"


def test_the_tree_menu_counts_articles_in_chinese(
    qtbot, make_window, filled_archive_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    shown: list[str] = []

    def read_and_close() -> None:
        popup = QApplication.activePopupWidget()
        if popup is None:
            QTimer.singleShot(50, read_and_close)
            return
        shown.extend(a.text() for a in popup.actions())
        popup.close()

    monkeypatch.setattr(window.library, "selected_article_ids", lambda: [1, 2, 3])
    QTimer.singleShot(50, read_and_close)
    window.context_menus.tree_menu(window.pos())
    assert "将 3 篇文章加入专题汇编" in shown


def test_choosing_a_language_offers_a_restart_that_reopens_the_window_in_it(
    qtbot, filled_archive_dir: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.app import run_app
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    settings_path = tmp_path / "restart.ini"
    first = Settings(settings_path)
    first.language = "zh_CN"
    first.sync()
    monkeypatch.setattr(MainWindow, "ask_restart", lambda self: True)
    seen: list[str] = []

    def act() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = next(w for w in windows if w.isVisible() and not w.restart_requested)
        wait_idle(qtbot, window)
        seen.append(window.menuBar().actions()[0].text())
        if len(seen) == 1:
            window.set_language("en")
            QTimer.singleShot(200, act)
        else:
            window.close()

    QTimer.singleShot(200, act)
    assert run_app(filled_archive_dir, [], settings_path) == 0
    assert seen == ["文件(&F)", "&File"]
    assert Settings(settings_path).language == "en"


def test_alt_digits_focus_tree_results_article_and_brief_in_tab_order(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.conftest import show_active

    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    targets = {
        "Alt+1": window.library.tree,
        "Alt+2": window.search.results,
        "Alt+3": window.pane,
    }
    targets["Alt+4"] = (
        window.briefs.items if window.briefs.items.isEnabled() else window.briefs.chooser
    )
    for keys, widget in targets.items():
        action = next(
            a for a in window.registry.all() if keys in [k.toString() for k in a.shortcuts()]
        )
        action.trigger()
        qtbot.wait(50)
        assert QApplication.focusWidget() is widget, keys
        assert widget.accessibleName()
    assert window.library.tree.nextInFocusChain() is not None


def test_disabled_toolbar_icons_are_fainter_than_enabled_ones_in_the_dark_theme(
    qtbot, make_window, filled_archive_dir: Path, settings
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QIcon

    settings.theme = "dark"
    window = make_window(filled_archive_dir)
    icon = window.registry["highlight"].icon()

    def ink(mode: QIcon.Mode) -> float:
        image = icon.pixmap(24, 24, mode).toImage()
        return sum(
            image.pixelColor(x, y).alphaF()
            for x in range(image.width())
            for y in range(image.height())
        )

    assert 0 < ink(QIcon.Mode.Disabled) < ink(QIcon.Mode.Normal) * 0.5


def test_qt_accessibility_tree_has_no_nameless_control(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAccessible

    from tests.gui.conftest import show_active

    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    role = QAccessible.Role
    interactive = {
        role.PushButton,
        role.Button,
        role.EditableText,
        role.ComboBox,
        role.List,
        role.Tree,
        role.CheckBox,
        role.SpinBox,
        role.ButtonMenu,
        role.ButtonDropDown,
    }
    nameless: list[str] = []

    def walk(node, depth: int = 0) -> None:  # type: ignore[no-untyped-def]
        if node is None or not node.isValid() or depth > 15:
            return
        if (
            node.role() in interactive
            and not node.state().invisible
            and not node.text(QAccessible.Text.Name).strip()
        ):
            widget = node.object()
            nameless.append(f"{type(widget).__name__} in {widget.parent().objectName()}")
        for k in range(node.childCount()):
            walk(node.child(k), depth + 1)

    walk(QAccessible.queryAccessibleInterface(window))
    assert nameless == []


def test_menus_and_toolbar_are_laid_out_from_the_action_definitions(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QToolBar

    from reader.ui.actions import Action

    window = make_window(filled_archive_dir, language="en")
    brief = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Brief")
    names = [a.objectName() for a in brief.actions()]
    assert names == ["action_new_brief", "action_add_to_brief", "action_export_brief"]
    tools = window.findChild(QToolBar, "toolsToolbar")
    shown = [a.objectName().removeprefix("action_") for a in tools.actions()]
    assert shown[0] == Action.IMPORT_FILES and shown[-2:] == [Action.ZOOM_OUT, Action.ZOOM_IN]
    # Enabling follows the window's state: nothing open, no command on an article.
    window.pane.show_article(None, None)
    window._update_article_actions()
    assert not window.registry[Action.BOOKMARK].isEnabled()
    assert window.registry[Action.NEW_BRIEF].isEnabled()
    window.open_article(1)
    assert window.registry[Action.BOOKMARK].isEnabled()
    assert not window.registry[Action.HIGHLIGHT].isEnabled()  # nothing selected yet

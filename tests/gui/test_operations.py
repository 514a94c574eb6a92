"""The window's one runner of operations: what an operation changed refreshes the views it
touched, and a failure is told apart as the editor's mistake or the program's bug."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.messages import ReaderError
from reader.operations import annotating, briefing
from reader.paths import log_file
from reader.ui.tree_model import KIND_ROLE
from tests.gui.conftest import wait_idle


def _tag_row_count(window) -> int:  # type: ignore[no-untyped-def]
    model = window.tree_model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(KIND_ROLE) == "tags":
            return model.rowCount(index)
    raise AssertionError("no tag section in the tree")


def test_a_tag_added_by_an_operation_shows_in_the_panel_and_the_tree(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    window.open_article(1)
    assert window.annotations.tags_edit.text() == ""
    window.ops.run(lambda archive: annotating.add_tag(archive, 1, "畜牧"))
    wait_idle(qtbot, window)
    # Nobody told the panel or the tree: the change set did.
    qtbot.waitUntil(lambda: window.annotations.tags_edit.text() == "畜牧", timeout=5000)
    window.library.tree.expandAll()
    assert _tag_row_count(window) == 1


def test_the_brief_panel_is_not_reloaded_under_the_editor_by_its_own_saves(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    window.briefs.new_brief("海关简报")
    wait_idle(qtbot, window)
    brief_id = window.briefs.brief().id
    window.briefs.title_edit.setText("正在输入的标题")  # typed, not yet saved
    # A change made elsewhere (not by the panel) reloads it; one of its own does not.
    window.ops.run(lambda a: briefing.set_item_note(a, brief_id, 1, None), initiator=window.briefs)
    wait_idle(qtbot, window)
    qtbot.wait(300)  # past the refresh delay
    assert window.briefs.title_edit.text() == "正在输入的标题"
    window.ops.run(lambda a: briefing.rename_brief(a, brief_id, "海关简报（改）"))
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.briefs.chooser.currentText() == "海关简报（改）", timeout=5000)


def _capture_box(qtbot, shown: list[tuple[str, str, QMessageBox.Icon]]) -> None:  # type: ignore[no-untyped-def]
    def grab() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append((box.windowTitle(), box.text(), box.icon()))
            box.accept()
        else:
            QTimer.singleShot(50, grab)

    QTimer.singleShot(50, grab)


def test_an_editors_mistake_is_a_chinese_warning(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    window.show_dialogs = True
    shown: list[tuple[str, str, QMessageBox.Icon]] = []
    _capture_box(qtbot, shown)

    def op(_archive):  # type: ignore[no-untyped-def]
        raise ReaderError("store.no_issue", issue_id=99)

    window.ops.run(op)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    _title, text, icon = shown[0]
    assert icon == QMessageBox.Icon.Warning
    assert "99" in text and not text.isascii() and "程序出错" not in text


def test_a_bug_is_reported_as_a_bug_with_its_traceback_in_the_log(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    window.show_dialogs = True
    shown: list[tuple[str, str, QMessageBox.Icon]] = []
    _capture_box(qtbot, shown)

    def broken_operation(_archive):  # type: ignore[no-untyped-def]
        return {}["no such key"]

    window.ops.run(broken_operation)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    title, text, icon = shown[0]
    assert title == "程序出错" and icon == QMessageBox.Icon.Critical
    assert text.startswith("程序出错（KeyError）") and str(log_file()) in text
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "broken_operation" in logged


def test_an_operation_must_say_what_it_changed(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    said: list[str] = []
    window.ops.error_reported.connect(said.append)
    window.ops.run(lambda _archive: "a plain value")  # type: ignore[arg-type,return-value]
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said[0].startswith("程序出错（TypeError）")

"""Annotating in the window: highlights, notes, tags and bookmarks, saved as you go."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.annotations.bookmarks import get_bookmark
from reader.annotations.highlights import list_highlights
from reader.annotations.notes import list_notes
from reader.annotations.tags import article_tags
from reader.archive import Archive
from reader.ui.reading_pane import HIGHLIGHT
from reader.ui.tree_model import KIND_ROLE
from tests.gui.conftest import show_active, type_text, wait_idle


def _window(qtbot, make_window, folder: Path):  # type: ignore[no-untyped-def]
    window = make_window(folder)
    show_active(qtbot, window)
    return window


def test_highlight_a_selection_paints_and_lists_it(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, make_window, filled_archive_dir)
    window.open_article(1)
    text = window.pane.article.text
    start = text.index("智能饲喂设备")
    window.pane.select_span(start, start + 6)
    assert window.registry["highlight"].isEnabled()
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    (painted,) = window.pane.painted(HIGHLIGHT)
    assert window.pane.document_text(*painted) == "智能饲喂设备"
    assert window.annotations.highlight_list.count() == 1
    with Archive(filled_archive_dir) as archive:
        (stored,) = list_highlights(archive.db, 1)
    assert (stored.start, stored.end, stored.quote, stored.color) == (
        start,
        start + 6,
        "智能饲喂设备",
        "yellow",
    )


def test_a_note_on_a_selection_is_typed_into_the_side_panel(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, make_window, filled_archive_dir)
    window.open_article(2)
    window.pane.select_span(0, 3)
    window.annotating.highlight_selection("green", edit_note=True)
    wait_idle(qtbot, window)
    assert window.annotations.highlight_note.hasFocus()
    type_text(window.annotations.highlight_note, "待核实<b>数据</b>")
    qtbot.waitUntil(lambda: not window.annotations._hl_debounce._timer.isActive(), timeout=3000)
    wait_idle(qtbot, window)
    with Archive(filled_archive_dir) as archive:
        (stored,) = list_highlights(archive.db, 2)
    assert stored.note == "待核实<b>数据</b>" and stored.color == "green"


def test_clicking_a_listed_highlight_scrolls_the_pane_to_it(
    qtbot, make_window, archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.support.archives import add_issue
    from tests.support.issues import window_issue

    long_text = [f"第{i}段，讲述示例旗的工作进展，内容较长，用于滚动。" * 3 for i in range(80)]
    with Archive(archive_dir) as archive:
        add_issue(archive, window_issue([("很长的文章", long_text)], 2023, 1))
    window = _window(qtbot, make_window, archive_dir)
    window.open_article(1)
    text = window.pane.article.text
    start = text.index("第70段")
    window.pane.select_span(start, start + 4)
    window.annotating.highlight_selection()
    wait_idle(qtbot, window)
    window.pane.verticalScrollBar().setValue(0)
    item = window.annotations.highlight_list.item(0)
    rect = window.annotations.highlight_list.visualItemRect(item)
    qtbot.mouseClick(
        window.annotations.highlight_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert window.pane.verticalScrollBar().value() > 0
    (painted,) = window.pane.painted(HIGHLIGHT)
    block_y = (
        window.pane.document()
        .documentLayout()
        .blockBoundingRect(window.pane.document().findBlock(painted[0]))
        .top()
    )
    bar = window.pane.verticalScrollBar()
    assert bar.value() <= block_y <= bar.value() + window.pane.viewport().height()


def test_article_notes_and_tags_save_as_you_type(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, make_window, filled_archive_dir)
    window.open_article(3)
    window.annotating.note_on_article()
    (editor,) = window.annotations.note_editors()
    type_text(editor, "这篇可用于专题")
    qtbot.waitUntil(lambda: editor.note_id is not None, timeout=3000)
    type_text(editor, "，第二句")
    type_text(window.annotations.tags_edit, "制造 诊断")
    window.open_article(1)  # leaving the article saves what is pending at once
    wait_idle(qtbot, window)
    with Archive(filled_archive_dir) as archive:
        assert [n.text for n in list_notes(archive.db, 3)] == ["这篇可用于专题，第二句"]
        assert article_tags(archive.db, 3) == ["制造", "诊断"]
    # The tree's tag section shows the new tags.
    wait_idle(qtbot, window)
    window.refresh()
    tags = next(
        window.tree_model.index(r, 0)
        for r in range(window.tree_model.rowCount())
        if window.tree_model.index(r, 0).data(KIND_ROLE) == "tags"
    )
    assert tags.data().endswith("(2)")


def test_ctrl_d_toggles_the_bookmark(qtbot, make_window, filled_archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, make_window, filled_archive_dir)
    window.open_article(4)
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert window.registry["bookmark"].isChecked()
    with Archive(filled_archive_dir) as archive:
        assert get_bookmark(archive.db, 4) is not None
    qtbot.keyClick(window.pane, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert not window.registry["bookmark"].isChecked()
    with Archive(filled_archive_dir) as archive:
        assert get_bookmark(archive.db, 4) is None

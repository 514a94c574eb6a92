"""The brief basket: adding from the tree, removing, notes per article, export options."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt

from reader import briefs as brief_store
from reader.archive import Archive
from reader.ui.export_dialog import default_file_name
from reader.ui.tree_model import KIND_ROLE
from tests.gui.conftest import show_active, type_text, wait_idle


def _issue_index(window, year_label: str):  # type: ignore[no-untyped-def]
    model = window.tree_model
    series = model.index(0, 0)
    model.fetchMore(series)
    year = next(
        model.index(r, 0, series)
        for r in range(model.rowCount(series))
        if model.index(r, 0, series).data().startswith(year_label)
    )
    model.fetchMore(year)
    issue = model.index(0, 0, year)
    assert issue.data(KIND_ROLE) == "issue"
    return issue


def test_adding_an_issue_from_the_tree_adds_its_articles(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    tree = window.library.tree
    issue = _issue_index(window, "2023")
    tree.selectionModel().select(issue, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert window.briefs.article_ids() == [1, 2]
    with Archive(filled_archive_dir) as archive:
        (brief,) = brief_store.list_briefs(archive.db)
    assert brief.article_ids == [1, 2]


def test_delete_removes_and_notes_are_saved_per_article(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    panel = window.briefs
    panel.add_articles([3, 1, 2])
    wait_idle(qtbot, window)
    assert panel.article_ids() == [3, 1, 2]
    panel.items.setCurrentRow(1)
    type_text(panel.item_note, "放在首篇之后")
    panel.flush()
    wait_idle(qtbot, window)
    panel.items.setCurrentRow(0)
    panel.items.setFocus()
    qtbot.keyClick(panel.items, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert panel.article_ids() == [1, 2]
    with Archive(filled_archive_dir) as archive:
        brief = brief_store.get_brief(archive.db, panel.brief().id)
    assert [(i.article_id, i.note) for i in brief.items] == [(1, "放在首篇之后"), (2, None)]
    assert "放在首篇之后" in panel.items.item(0).text()


def test_a_second_brief_becomes_the_active_one(
    qtbot, make_window, filled_archive_dir: Path, settings
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    panel = window.briefs
    panel.add_articles([1])
    wait_idle(qtbot, window)
    panel.new_brief("第二个专题")
    wait_idle(qtbot, window)
    assert panel.brief().name == "第二个专题" and panel.article_ids() == []
    assert settings.active_brief_id == panel.brief().id
    panel.add_articles([4])
    wait_idle(qtbot, window)
    assert panel.article_ids() == [4]
    assert panel.chooser.count() == 2


def test_export_dialog_follows_the_format_and_reports_failure(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    panel = window.briefs
    panel.add_articles([1, 2])
    wait_idle(qtbot, window)
    dialog = panel.export()
    assert dialog.path_edit.text().endswith(".docx")
    dialog.set_format("html")
    assert dialog.path_edit.text().endswith(".html")
    dialog.path_edit.setText(str(tmp_path / "missing-folder" / "brief.html"))
    with qtbot.waitSignal(dialog.failed, timeout=30000) as failed:
        dialog.start()
    assert "missing-folder" in failed.args[0]
    assert dialog.message.text() == failed.args[0]
    dialog.path_edit.setText(str(tmp_path / "brief.docx"))
    dialog.set_format("docx")
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.start()
    assert (tmp_path / "brief.docx").stat().st_size > 0


def test_default_export_name_is_safe() -> None:
    assert default_file_name('乳业/奶业: "专题" 汇编', "md") == "乳业_奶业_专题_汇编.md"
    assert default_file_name("...", "pdf") == "brief.pdf"


def test_pdf_export_from_the_worker_reads_back_right(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import subprocess

    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    window = make_window(filled_archive_dir)
    panel = window.briefs
    panel.add_articles([2, 4])
    wait_idle(qtbot, window)
    dialog = panel.export()
    dialog.set_format("pdf")
    target = tmp_path / "brief.pdf"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.start()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "示例市建设科技成果转化服务平台" in text.replace(" ", "")


def test_articles_dragged_from_the_tree_or_the_results_join_the_brief(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDropEvent

    from reader.ui.brief_panel import ARTICLE_ID_ROLE
    from tests.gui.conftest import search_for, show_active, wait_idle

    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    window.briefs_dock.raise_()
    search_for(qtbot, window, "智能")
    hit = window.search.model.hit(0)
    other = next(i for i in range(1, 9) if i != hit.article_id)
    window.library.reveal_article(other)
    tree_index = window.library.tree.currentIndex()
    items = window.briefs.items
    for data in (
        window.tree_model.mimeData([tree_index]),
        window.search.model.mimeData([window.search.model.index(0)]),
    ):
        drop = QDropEvent(
            QPointF(5, 5),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        items.dropEvent(drop)
        assert drop.isAccepted()
        wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: items.count() == 2, timeout=5000)
    shown = [items.item(r).data(ARTICLE_ID_ROLE) for r in range(items.count())]
    assert shown == [other, hit.article_id]


def test_briefs_are_renamed_duplicated_and_deleted_from_the_panel(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from reader import briefs as brief_store
    from reader.ui.brief_actions import delete_brief, duplicate_brief, rename_brief
    from tests.gui.conftest import wait_idle

    window = make_window(filled_archive_dir)
    panel = window.briefs
    panel.new_brief("乳业专题")
    wait_idle(qtbot, window)
    panel.add_articles([1, 2])
    wait_idle(qtbot, window)
    rename_brief(panel, "乳业专题汇编")
    wait_idle(qtbot, window)
    assert panel.brief().name == "乳业专题汇编"
    duplicate_brief(panel, "乳业专题汇编（二）")
    wait_idle(qtbot, window)
    copy = panel.brief()
    assert copy.name == "乳业专题汇编（二）" and len(copy.items) == 2
    assert panel.chooser.count() == 2
    delete_brief(panel, confirm=False)
    wait_idle(qtbot, window)
    assert [b.name for b in brief_store.list_briefs(window.archive.db)] == ["乳业专题汇编"]
    assert panel.brief().name == "乳业专题汇编"
    from PySide6.QtWidgets import QToolButton

    more = panel.findChild(QToolButton, "briefMoreButton")
    assert [a.text() for a in more.menu().actions() if a.text()] == [
        "重命名(&R)…",
        "复制(&U)…",
        "删除(&D)…",
    ]

"""The archive the editor can trust, in the window: trash, samples, Ctrl+Z, clashes, history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt

from reader.annotations.bookmarks import add_bookmark, get_bookmark
from reader.annotations.highlights import add_highlight, list_highlights
from reader.annotations.notes import add_note, list_notes
from reader.annotations.tags import add_tag, article_tags
from reader.archive import Archive
from reader.briefs import add_articles, create_brief, get_brief, set_item_note
from reader.store.issues import get_issue, list_issues, replace_issue_content
from reader.store.trash import list_trash
from reader.ui.tree_model import KIND_ROLE
from tests.gui.conftest import show_active, type_text, wait_idle
from tests.support.archives import add_issue
from tests.support.issues import window_issue
from tests.support.stories import ISSUE_A, ISSUE_B
from tests.trust.test_trash import sample_files


def _window(qtbot, make_window, folder: Path):  # type: ignore[no-untyped-def]
    window = make_window(folder)
    window.curation.show_dialogs = False
    show_active(qtbot, window)
    return window


def _issue_nodes(window):  # type: ignore[no-untyped-def]
    model, found = window.tree_model, []

    def walk(parent) -> None:  # type: ignore[no-untyped-def]
        while model.canFetchMore(parent):
            model.fetchMore(parent)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(KIND_ROLE) == "issue":
                found.append(index)
            elif index.data(KIND_ROLE) in ("series", "year"):
                walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return found


def _select(window, index) -> None:  # type: ignore[no-untyped-def]
    window.library.tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def test_delete_in_the_tree_asks_then_moves_the_issue_to_the_trash_and_back(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, make_window, filled_archive_dir)
    before = len(_issue_nodes(window))
    first = _issue_nodes(window)[0]
    issue_id = window.tree_model.issue_ids(first)[0]
    window.library.tree.setFocus()
    _select(window, first)

    window.curation.answers["confirm"] = False  # the editor says no
    qtbot.keyClick(window.library.tree, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert get_issue(window.archive.db, issue_id) is not None

    window.curation.answers["confirm"] = True
    qtbot.keyClick(window.library.tree, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    window.refresh()
    assert get_issue(window.archive.db, issue_id) is None
    assert len(_issue_nodes(window)) == before - 1

    dialog = window.curation.show_trash()
    assert dialog.issue_ids() == [issue_id]
    dialog.items.item(0).setSelected(True)
    dialog.restore_button.click()
    wait_idle(qtbot, window)
    window.refresh()
    assert dialog.issue_ids() == []
    assert len(_issue_nodes(window)) == before


def test_the_sample_issues_go_in_one_action(qtbot, make_window, archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, make_window, archive_dir)
    window.start()
    wait_idle(qtbot, window)
    samples = len(sample_files())
    assert len(list_issues(window.archive.db)) == samples >= 4

    window.registry["remove_samples"].trigger()
    wait_idle(qtbot, window)
    window.refresh()

    assert list_issues(window.archive.db) == []
    assert _issue_nodes(window) == []
    assert len(list_trash(window.archive.db)) == samples


def test_first_start_asks_and_a_no_is_remembered(qtbot, make_window, archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, make_window, archive_dir)
    window.startup.samples_answer = False
    window.start()
    wait_idle(qtbot, window)
    assert list_issues(window.archive.db) == []
    window.shutdown()
    window.archive.close()

    again = _window(qtbot, make_window, archive_dir)
    again.startup.samples_answer = True  # would say yes, but is not asked again
    again.start()
    wait_idle(qtbot, again)
    assert list_issues(again.archive.db) == []


def _ctrl_z(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)


def test_ctrl_z_puts_back_a_deleted_highlight_and_note(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    with Archive(filled_archive_dir) as archive:
        kept = add_highlight(archive.db, 1, 2, 6, color="green", note="重点")
        add_note(archive.db, 1, "要跟进的笔记")
    window = _window(qtbot, make_window, filled_archive_dir)
    window.open_article(1)
    window.annotations.select_highlight(kept.id)
    window.annotations.delete_current_highlight()
    wait_idle(qtbot, window)
    assert list_highlights(window.archive.db, 1) == []

    (editor,) = window.annotations.note_editors()
    editor.selectAll()
    type_text(editor, "")
    editor.clear()
    editor.flush()
    wait_idle(qtbot, window)
    assert list_notes(window.archive.db, 1) == []

    _ctrl_z(qtbot, window)  # the note comes back first (last deleted)
    assert [n.text for n in list_notes(window.archive.db, 1)] == ["要跟进的笔记"]
    assert window.annotations.note_editors()[0].toPlainText() == "要跟进的笔记"
    _ctrl_z(qtbot, window)
    (back,) = list_highlights(window.archive.db, 1)
    assert (back.id, back.color, back.note, back.start, back.end) == (
        kept.id,
        "green",
        "重点",
        2,
        6,
    )
    assert window.annotations.highlight_list.count() == 1

    window.curation.undo.redo()  # and redo deletes it again
    wait_idle(qtbot, window)
    assert list_highlights(window.archive.db, 1) == []


def test_ctrl_z_puts_back_a_tag_a_bookmark_and_a_brief_entry(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    with Archive(filled_archive_dir) as archive:
        add_tag(archive.db, 2, "转化")
        add_bookmark(archive.db, 2)
        create_brief(archive.db, "专题")
        add_articles(archive.db, "专题", [1, 2, 3])
        set_item_note(archive.db, "专题", 2, "编者注")
    window = _window(qtbot, make_window, filled_archive_dir)
    window.open_article(2)

    window.annotations.tags_edit.setText("")
    window.annotations._save_tags()
    window.annotating.toggle_bookmark()
    wait_idle(qtbot, window)
    window.briefs.reload()
    row = window.briefs.article_ids().index(2)
    window.briefs.items.item(row).setSelected(True)
    window.briefs.remove_selected()
    wait_idle(qtbot, window)
    db = window.archive.db
    assert (article_tags(db, 2), get_bookmark(db, 2), get_brief(db, "专题").article_ids) == (
        [],
        None,
        [1, 3],
    )

    for _ in range(3):
        _ctrl_z(qtbot, window)

    brief = get_brief(db, "专题")
    assert brief.article_ids == [1, 2, 3]
    assert brief.items[1].note == "编者注"
    assert get_bookmark(db, 2) is not None
    assert article_tags(db, 2) == ["转化"]
    assert window.registry["bookmark"].isChecked()


def test_new_details_claiming_another_issue_ask_to_merge_or_keep_apart(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, make_window, filled_archive_dir)
    db = window.archive.db
    unknown = next(i for i in list_issues(db) if i.year is None)
    asked = []
    real = window.curation.identity_choice
    window.issue_editing.identity_check = lambda i, c: asked.append(real(i, c)) or asked[-1]

    window.curation.answers["identity"] = "apart"
    window.issue_editing.save_issue(unknown.id, {"year": 2024, "issue_no": 1})
    wait_idle(qtbot, window)
    assert asked[-1] == ("apart", 2)
    assert len(list_issues(db)) == 3

    window.issue_editing.save_issue(unknown.id, {"issue_no": 2})
    wait_idle(qtbot, window)
    assert asked[-1] == ("apart", None)  # no other issue has 2024 No. 2

    window.curation.answers["identity"] = "merge"
    window.issue_editing.save_issue(unknown.id, {"issue_no": 1})
    wait_idle(qtbot, window)
    assert [i.id for i in list_issues(db)] == [1, 2]
    assert len(window.tree_model.article_ids(_issue_nodes(window)[-1])) >= len(ISSUE_B)


def test_a_clash_imported_in_the_window_is_reported_and_marked_on_both_in_the_tree(
    qtbot, make_window, archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.support.layout_text import bulletin_text

    files = tmp_path / "in"
    files.mkdir()
    (files / "a.txt").write_text(bulletin_text(window_issue(ISSUE_A, 2023, 8)), encoding="utf-8")
    (files / "other.txt").write_text(
        bulletin_text(window_issue(ISSUE_A[:1], 2024, 1)), encoding="utf-8"
    )
    impostor = files / "b.txt"  # ISSUE_B's articles under the same masthead
    impostor.write_text(bulletin_text(window_issue(ISSUE_B, 2023, 8)), encoding="utf-8")
    window = _window(qtbot, make_window, archive_dir)

    with qtbot.waitSignal(window.importing.report_shown, timeout=30000) as shown:
        window.importing.import_paths([files / "a.txt", files / "other.txt", impostor])
    wait_idle(qtbot, window)
    window.refresh()

    first, second, other = (i.id for i in list_issues(window.archive.db))  # by year, number
    details = shown.args[0].details.toPlainText()
    assert str(impostor) in details
    assert f"与第 {first} 号期刊刊名期号相同而文章不同" in details
    labels = {window.tree_model.issue_ids(i)[0]: i.data() for i in _issue_nodes(window)}
    assert f"⚠ 期号冲突（#{first}）" in labels[first], labels
    assert f"⚠ 期号冲突（#{second}）" in labels[second], labels
    assert "⚠" not in labels[other]


def test_the_earlier_texts_of_an_article_are_shown(qtbot, make_window, archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with Archive(archive_dir) as archive:
        add_issue(archive, window_issue(ISSUE_A, 2023, 8))
        corrected = [(ISSUE_A[0][0], [*ISSUE_A[0][1], "（更正：数据以此为准。）"]), ISSUE_A[1]]
        with archive.db.atomic():
            replace_issue_content(archive.db, 1, window_issue(corrected, 2023, 8), None)
    window = _window(qtbot, make_window, archive_dir)
    window.open_article(1)
    assert window.registry["article_history"].isEnabled()

    dialog = window.curation.show_history()

    assert dialog is not None and dialog.list.count() == 1
    assert dialog.text.toPlainText().endswith(ISSUE_A[0][1][-1])
    assert "更正" not in dialog.text.toPlainText()

"""The editor's day on the real main window: import → search → read the matches →
highlight → note → restart → all still there → brief → export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reader import briefs as brief_store
from reader.archive import Archive
from reader.store.issues import get_articles
from reader.ui.reading_pane import CURRENT, HIGHLIGHT, SEARCH
from tests.gui.conftest import search_for, show_active, type_text, wait_idle
from tests.support.issues import write_window_bulletins


def _painted_matches(window) -> int:  # type: ignore[no-untyped-def]
    return len(window.pane.painted(SEARCH)) + len(window.pane.painted(CURRENT))


def test_import_search_annotate_restart_brief_export(
    qtbot, make_window, archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    files = write_window_bulletins(tmp_path / "incoming")
    broken = tmp_path / "incoming" / "scan.pdf"
    broken.write_bytes(b"not a pdf at all")

    window = make_window(archive_dir)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)

    # Import by dropping the files on the window; the bad file is reported, not fatal.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in [*files, broken]])
    drop = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importing.report_shown, timeout=30000) as shown:
        window.dropEvent(drop)
    report = window.importing.last_report
    assert report.count("imported") == 2
    assert [o.path.name for o in report.skipped] == ["scan.pdf"]
    details = shown.args[0].details.toPlainText()
    assert "scan.pdf" in details
    assert "不是 PDF 文件" in details  # the core's reason, in the window's language
    wait_idle(qtbot, window)
    model = window.tree_model
    roots = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert any(label.startswith("科技情报参考 (") for label in roots), roots

    # Search as you type, open the first result with Enter, walk its matches.
    type_text(window.search.bar.query_edit, "智能饲喂")
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=3000)
    window.search.results.setFocus()
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    hit = window.search.model.hit(0)
    article_id = hit.article_id
    assert window.current_article_id() == article_id
    total = len(hit.matches) + len(hit.title_matches)
    assert total >= 3 and _painted_matches(window) == total
    for step in range(1, total):
        window.registry["find_next"].trigger()
        assert window.match_position() == (step, total)
    assert window.find_bar.counter.text() == f"{total} / {total}"

    # Highlight a passage and write a note on it; note on the article too.
    text = window.pane.article.text
    start = text.index("饲喂数据")
    window.pane.select_span(start, start + 4)
    window.annotating.highlight_selection("blue", edit_note=True)
    wait_idle(qtbot, window)
    type_text(window.annotations.highlight_note, "数据来源待核实")
    window.annotating.note_on_article()
    type_text(window.annotations.note_editors()[0], "适合收入畜牧专题")
    window.set_font_size(18)
    window.set_theme("dark")
    window.close()  # saves what is pending and the layout, lets the worker finish

    # Restart: a new window on the same folder and the same settings file.
    again = make_window(archive_dir)
    show_active(qtbot, again)
    again.start()
    wait_idle(qtbot, again)
    assert again.current_article_id() == article_id  # the last open article
    assert again.pane.font_size == 18 and again.theme.name == "dark"
    (highlight,) = again.annotations.highlights()
    assert (highlight.start, highlight.quote, highlight.color) == (start, "饲喂数据", "blue")
    assert highlight.note == "数据来源待核实"
    (painted,) = again.pane.painted(HIGHLIGHT)
    assert again.pane.document_text(*painted) == "饲喂数据"
    assert [e.toPlainText() for e in again.annotations.note_editors()] == ["适合收入畜牧专题"]

    # Add articles to a brief from the results list (two selected) and from the pane.
    search_for(qtbot, again, "示例")
    results = again.search.results
    results.setFocus()
    results.selectionModel().clearSelection()
    ids = []
    for row in range(2):
        index = again.search.model.index(row)
        results.selectionModel().select(index, results.selectionModel().SelectionFlag.Select)
        ids.append(again.search.model.hit(row).article_id)
    again.annotating.add_focused_to_brief()
    wait_idle(qtbot, again)
    again.pane.setFocus()
    again.annotating.add_focused_to_brief()  # the open article
    wait_idle(qtbot, again)
    expected = list(dict.fromkeys([*ids, article_id]))
    assert again.briefs.article_ids() == expected

    # Reorder by dragging the last item to the top (the list's move), title and preface.
    panel = again.briefs
    model = panel.items.model()
    assert model.moveRow(
        model.index(0, 0).parent(), len(expected) - 1, model.index(0, 0).parent(), 0
    )
    wait_idle(qtbot, again)
    reordered = [expected[-1], *expected[:-1]]
    assert panel.article_ids() == reordered
    panel.title_edit.setText("畜牧与制造专题")
    panel.title_edit.textEdited.emit("畜牧与制造专题")
    type_text(panel.preface_edit, "本期汇编示例文章。")
    panel.flush()
    wait_idle(qtbot, again)
    with Archive(archive_dir) as archive:
        record = brief_store.get_brief(archive.db, panel.brief().id)
    assert record.article_ids == reordered
    assert (record.title, record.preface) == ("畜牧与制造专题", "本期汇编示例文章。")

    # Export to Markdown through the dialog.
    dialog = panel.export()
    assert dialog is not None and not dialog.open_when_done.isChecked()
    dialog.set_format("md")
    target = tmp_path / "out" / "brief.md"
    target.parent.mkdir()
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.start()
    exported = target.read_text(encoding="utf-8")
    assert "畜牧与制造专题" in exported
    with Archive(archive_dir) as archive:
        titles = [a.title for a in get_articles(archive.db, reordered)]
    # The articles come in the brief's order (titles with markup are escaped by the writer).
    plain = [t for t in titles if "<" not in t]
    found = [exported.find(t) for t in plain]
    assert len(plain) >= 2 and all(i >= 0 for i in found) and found == sorted(found)

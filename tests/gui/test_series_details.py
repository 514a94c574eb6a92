"""The tree and the reading pane show another series' running number, date, column and source."""

from __future__ import annotations

from pathlib import Path

from reader.archive import Archive
from reader.store.issues import get_issue, insert_issue, issue_articles
from reader.ui.reading_pane import ReadingPane
from reader.ui.theme import LIGHT
from reader.ui.tree_model import LibraryTreeModel
from tests.support.series_layouts import series_issue


def _children(model, parent):  # type: ignore[no-untyped-def]
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    return [model.index(row, 0, parent) for row in range(model.rowCount(parent))]


def test_tree_shows_running_number_and_columns(qtbot, archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    with Archive(archive_dir) as archive:
        insert_issue(archive.db, series_issue(), None)
        model = LibraryTreeModel(lambda: archive.db)
        [series] = [i for i in _children(model, QModelIndex()) if i.data().startswith("科技动态")]
        [year] = _children(model, series)
        [issue] = _children(model, year)
        # Worded in the window's language (English here, 总第 156 期 in Chinese).
        assert "12" in issue.data() and "156" in issue.data()
        labels = [index.data() for index in _children(model, issue)]
        assert labels[0] == "【政策动态】北河市出台支持科技型企业发展十条措施"
        assert labels[3] == "【区县动态】西湾镇引入智能灌溉技术助力节水增效"


def test_reading_pane_source_line_names_issue_details_column_and_source(
    qtbot, archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    with Archive(archive_dir) as archive:
        issue_id = insert_issue(archive.db, series_issue(), None)
        issue = get_issue(archive.db, issue_id)
        first, *_, last = issue_articles(archive.db, issue_id)
    pane = ReadingPane(LIGHT, "Noto Sans CJK SC", 14)
    qtbot.addWidget(pane)
    pane.show_article(first, issue)
    lines = pane.toPlainText().split("\n")
    assert lines[0] == first.title
    for part in ("156", "2025-06-15", "内部资料 注意保存", "政策动态", "科技日报"):
        assert part in lines[1]
    assert lines[2:] == first.paragraphs  # the source is not body text
    pane.show_article(last, issue)
    shown = pane.toPlainText().split("\n")[1]
    assert "source:" not in shown and "来源" not in shown  # not printed, not shown

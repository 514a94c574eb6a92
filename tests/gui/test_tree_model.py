"""The library tree: a lazy model over ids, checked by Qt's model tester."""

from __future__ import annotations

from pathlib import Path

from reader.annotations.bookmarks import add_bookmark
from reader.annotations.tags import add_tag
from reader.archive import Archive
from reader.ui.tree_model import ARTICLE_ID_ROLE, KIND_ROLE, LibraryTreeModel
from tests.support.archives import add_issue
from tests.support.issues import window_issue
from tests.support.stories import ISSUE_A


def _labels(model, parent=None):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    parent = QModelIndex() if parent is None else parent
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def _child(model, parent, label_start):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    parent = QModelIndex() if parent is None else parent
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data().startswith(label_start):
            if model.canFetchMore(index):
                model.fetchMore(index)
            return index
    raise AssertionError(f"no {label_start!r} under {parent.data()!r}: {_labels(model, parent)}")


def test_model_passes_qt_model_tester(qtmodeltester, filled_archive_dir: Path) -> None:
    with Archive(filled_archive_dir) as archive:
        add_tag(archive.db, 1, "畜牧")
        add_bookmark(archive.db, 2)
        model = LibraryTreeModel(lambda: archive.db)
        qtmodeltester.check(model, force_py=True)
        # And once more with every level loaded.
        for series in range(model.rowCount()):
            s = model.index(series, 0)
            _labels(model, s)
            for y in range(model.rowCount(s)):
                year = model.index(y, 0, s)
                _labels(model, year)
                for i in range(model.rowCount(year)):
                    _labels(model, model.index(i, 0, year))
        qtmodeltester.check(model, force_py=True)


def test_tree_reads_series_year_issue_article_with_counts(filled_archive_dir: Path) -> None:
    with Archive(filled_archive_dir) as archive:
        model = LibraryTreeModel(lambda: archive.db)
        assert _labels(model)[0] == "科技情报参考 (5)"
        assert [model.index(r, 0).data(KIND_ROLE) for r in range(3)] == [
            "series",
            "tags",
            "bookmarks",
        ]
        series = _child(model, None, "科技情报参考")
        years = _labels(model, series)
        # Newest first; the issue without a year last, under its own node.
        assert years[0] == "2024 (2)" and years[1] == "2023 (2)"
        assert years[2].endswith("(1)") and not years[2][0].isdigit()
        year = _child(model, series, "2023")
        issue = model.index(0, 0, year)
        assert issue.data().endswith("(2)") and "8" in issue.data()
        if model.canFetchMore(issue):
            model.fetchMore(issue)
        article = model.index(0, 0, issue)
        assert article.data() == "<img src=x> 草原牧场推广智能饲喂系统"
        assert article.data(KIND_ROLE) == "article"
        assert isinstance(article.data(ARTICLE_ID_ROLE), int)


def test_levels_load_only_when_expanded(filled_archive_dir: Path) -> None:
    with Archive(filled_archive_dir) as archive:
        model = LibraryTreeModel(lambda: archive.db)
        series = model.index(0, 0)
        assert model.hasChildren(series)
        assert model.canFetchMore(series)
        assert model.rowCount(series) == 0  # nothing read below the top until asked
        model.fetchMore(series)
        assert model.rowCount(series) == 3
        assert not model.canFetchMore(series)


def test_filter_keeps_matching_titles_and_their_parents(filled_archive_dir: Path) -> None:
    with Archive(filled_archive_dir) as archive:
        model = LibraryTreeModel(lambda: archive.db)
        model.set_title_filter("诊断")
        assert _labels(model) == ["科技情报参考 (2)"]
        series = model.index(0, 0)
        assert _labels(model, series)[0] == "2024 (1)"
        year = model.index(0, 0, series)
        issue = _child(model, year, "")
        assert _labels(model, issue) == ["示例区开展智能制造诊断服务"]


def test_tags_and_bookmarks_are_sections_of_the_tree(filled_archive_dir: Path) -> None:
    with Archive(filled_archive_dir) as archive:
        add_tag(archive.db, 1, "畜牧")
        add_bookmark(archive.db, 3)
        model = LibraryTreeModel(lambda: archive.db)
        labels = _labels(model)
        assert labels[1].endswith("(1)") and labels[2].endswith("(1)")
        tags = model.index(1, 0)
        assert _labels(model, tags) == ["畜牧 (1)"]
        tag = model.index(0, 0, tags)
        assert _labels(model, tag) == ["<img src=x> 草原牧场推广智能饲喂系统"]
        bookmarks = model.index(2, 0)
        _labels(model, bookmarks)
        assert [model.index(0, 0, bookmarks).data(ARTICLE_ID_ROLE)] == [3]


def test_unknown_series_is_grouped_last(archive_dir: Path) -> None:
    with Archive(archive_dir) as archive:
        add_issue(archive, window_issue(ISSUE_A, 2023, 8, series=None))
        add_issue(archive, window_issue(ISSUE_A, 2022, 1))
        model = LibraryTreeModel(lambda: archive.db)
        labels = _labels(model)
        assert labels[0].startswith("科技情报参考")
        assert labels[1].endswith("(2)") and not labels[1].startswith("科技")

"""The 专题 panel, the region filter and the reprint link in the window, on the seed issues."""

from __future__ import annotations

import os
from pathlib import Path

from reader.archive import Archive
from reader.topics import add_topic
from tests.gui.conftest import search_for, show_active, wait_idle
from tests.intel.conftest import (
    FIRST_STEP,
    SECOND_STEP,
    article_by_title,
    import_step,
    write_reprint_issue,
)


def _save(window, name: str) -> None:  # type: ignore[no-untyped-def]
    """Keep a picture of the window when asked to (make screenshots looks at them)."""
    folder = os.environ.get("READER_INTEL_SCREENSHOTS")
    if folder:
        window.grab().save(str(Path(folder) / name))


def _badges(window) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return window.topics.new_counts()


def test_topic_badges_after_an_import_and_opening_a_hit(
    qtbot, make_window, archive_dir: Path, corpus_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    import_step(archive_dir, corpus_dir, FIRST_STEP)
    with Archive(archive_dir) as archive:
        add_topic(archive.db, "乳业", "乳业")
        add_topic(archive.db, "宁夏", "region:宁夏")
    window = make_window(archive_dir)
    show_active(qtbot, window)
    window.topics_dock.raise_()
    with qtbot.waitSignal(window.topics.checked, timeout=30000):
        window.topics.reload()
    first = _badges(window)
    assert first["乳业"] >= 1 and first["宁夏"] == 1
    window.topics.mark_current_seen()  # 乳业 is the current (first) topic
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: _badges(window)["乳业"] == 0, timeout=30000)

    window.importing.import_paths([corpus_dir / name for name in SECOND_STEP])
    qtbot.waitUntil(lambda: _badges(window)["宁夏"] == 3, timeout=60000)
    wait_idle(qtbot, window)
    arrived = _badges(window)["乳业"]
    assert arrived >= 1
    topic_row = window.topics.topic_list.item(0)
    assert topic_row.text().startswith("乳业") and f"新 {arrived}" in topic_row.text()
    window.topics.topic_list.setCurrentRow(0)
    assert window.topics.hit_list.count() == arrived
    _save(window, "topic-panel.png")

    hit = window.topics.hit_list.item(0)
    window.topics.hit_list.itemClicked.emit(hit)
    qtbot.waitUntil(lambda: _badges(window)["乳业"] == arrived - 1, timeout=30000)
    assert window.current_article_id() is not None
    assert window.topics.hit_list.count() == arrived - 1


def test_region_filter_beside_year_and_series(
    qtbot, make_window, archive_dir: Path, corpus_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    import_step(archive_dir, corpus_dir, (*FIRST_STEP, *SECOND_STEP))
    window = make_window(archive_dir)
    show_active(qtbot, window)
    bar = window.search.bar
    labels = [bar.region_filter.itemText(i) for i in range(bar.region_filter.count())]
    assert labels[0] == "全部地区" and "江苏" in labels and "内蒙古" in labels
    bar.region_filter.setCurrentIndex(labels.index("江苏"))
    search_for(qtbot, window, "创新")
    titles = [hit.title for hit in window.search.model.all_hits()]  # 同文 share a row
    assert len(titles) == 3 and all(title.startswith("南京市") for title in titles)
    _save(window, "region-filter.png")


def test_reprint_link_opens_the_first_printing(
    qtbot, make_window, archive_dir: Path, corpus_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import_step(archive_dir, corpus_dir, FIRST_STEP)
    original, title, text = article_by_title(archive_dir, "南京市扎实推进原始创新")
    with Archive(archive_dir) as archive:
        from reader.importer import import_paths

        import_paths(archive, [write_reprint_issue(tmp_path / "reprint.txt", title, text)])
    reprint, _, _ = article_by_title(archive_dir, "（转载）")
    window = make_window(archive_dir)
    show_active(qtbot, window)
    window.open_article(reprint)
    info = window.article_info
    assert info.isVisible() and info.similar_ids == [original]
    assert info.text().startswith(f'另见：<a href="article:{original}">2023年第7期《南京市扎实推进')
    assert "</a>（相似 0." in info.text() and "地区：江苏、南京市" in info.text()
    _save(window, "reprint-link.png")
    info.linkActivated.emit(f"article:{original}")
    assert window.current_article_id() == original
    assert info.similar_ids == [reprint]


def test_region_view_in_the_tree(
    qtbot, qtmodeltester, make_window, archive_dir: Path, corpus_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.tree_model import ARTICLE_ID_ROLE, KIND_ROLE

    import_step(archive_dir, corpus_dir, (*FIRST_STEP, *SECOND_STEP))
    window = make_window(archive_dir)
    model = window.tree_model
    qtmodeltester.check(model)
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    (regions,) = [i for i in rows if i.data(KIND_ROLE) == "regions"]
    assert regions.data().startswith("地区")
    model.fetchMore(regions)
    provinces = {
        model.index(r, 0, regions).data(): model.index(r, 0, regions)
        for r in range(model.rowCount(regions))
    }
    jiangsu = provinces["江苏 (3)"]
    model.fetchMore(jiangsu)
    (nanjing,) = [model.index(r, 0, jiangsu) for r in range(model.rowCount(jiangsu))]
    assert nanjing.data() == "南京市 (3)"
    model.fetchMore(nanjing)
    titles = [model.index(r, 0, nanjing).data() for r in range(model.rowCount(nanjing))]
    assert len(titles) == 3 and all(t.startswith("南京市") for t in titles)
    article = model.index(0, 0, nanjing)
    window.library.article_activated.emit(article.data(ARTICLE_ID_ROLE))
    assert window.pane.article is not None and window.pane.article.title == titles[0]
    qtmodeltester.check(model)

"""The export dialog: the cover fields, choices kept between uses, where the file went (with
a button that opens its folder), and a warning about the same article twice."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtGui import QDesktopServices

from reader import briefs as brief_store
from reader.archive import Archive
from reader.store.issues import get_articles
from tests.gui.conftest import wait_idle


def _export(qtbot, dialog) -> Path:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.exported, timeout=60000) as done:
        dialog.start()
    return done.args[0]


def test_the_cover_typed_in_the_dialog_goes_on_the_brief_and_into_the_file(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    window.briefs.add_articles([1, 2])
    wait_idle(qtbot, window)
    dialog = window.briefs.export()
    assert dialog.title_edit.text() == window.briefs.brief().title
    dialog.title_edit.setText("乳业专题汇编")
    dialog.subtitle_edit.setText("第一辑")
    dialog.compiler_edit.setText("示例市科技情报中心")
    dialog.set_format("docx")
    dialog.path_edit.setText(str(tmp_path / "cover.docx"))
    written = _export(qtbot, dialog)
    document = docx.Document(str(written))
    assert document.core_properties.author == "示例市科技情报中心"
    assert document.core_properties.title == "乳业专题汇编"
    shown = [p.text for p in document.paragraphs[:4]]
    assert "乳业专题汇编" in shown[0] and "第一辑" in shown and "示例市科技情报中心" in shown
    wait_idle(qtbot, window)
    with Archive(filled_archive_dir) as archive:
        record = brief_store.get_brief(archive.db, window.briefs.brief().id)
    assert (record.title, record.subtitle, record.compiler) == (
        "乳业专题汇编",
        "第一辑",
        "示例市科技情报中心",
    )
    assert window.briefs.title_edit.text() == "乳业专题汇编"


def test_the_dialog_says_where_it_wrote_and_opens_that_folder(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    window.briefs.add_articles([1])
    wait_idle(qtbot, window)
    dialog = window.briefs.export()
    assert not dialog.open_folder.isVisibleTo(dialog)
    dialog.set_format("md")
    target = tmp_path / "shared" / "brief.md"
    target.parent.mkdir()
    dialog.path_edit.setText(str(target))
    _export(qtbot, dialog)
    assert str(target) in dialog.message.text()
    assert dialog.message.text().startswith("已写入")
    assert dialog.open_folder.isVisibleTo(dialog) and dialog.open_folder.text() == "打开所在文件夹"
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.open_folder.click()
    assert [url.toLocalFile() for url in opened] == [str(target.parent)]


def test_the_dialog_remembers_format_folder_and_options(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    window.briefs.add_articles([1])
    wait_idle(qtbot, window)
    first = window.briefs.export()
    assert first.chosen_format() == "docx"
    first.set_format("html")
    first.include_notes.setChecked(True)
    first.include_highlights.setChecked(True)
    folder = tmp_path / "exports"
    folder.mkdir()
    first.path_edit.setText(str(folder / "one.html"))
    _export(qtbot, first)
    first.close()
    again = window.briefs.export()
    assert again.chosen_format() == "html"
    assert again.include_notes.isChecked() and again.include_highlights.isChecked()
    assert Path(again.path_edit.text()).parent == folder
    assert again.path_edit.text().endswith(".html")


def test_the_dialog_warns_about_the_same_article_twice(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    with Archive(filled_archive_dir) as archive:
        articles = get_articles(archive.db, range(1, 20))
    by_text: dict[str, list[int]] = {}
    for article in articles:
        by_text.setdefault(article.text, []).append(article.id)
    twice = next(ids for ids in by_text.values() if len(ids) > 1)[:2]
    window.briefs.add_articles([1])
    wait_idle(qtbot, window)
    plain = window.briefs.export()
    assert not plain.warning.isVisibleTo(plain)
    plain.close()
    window.briefs.add_articles(twice)
    wait_idle(qtbot, window)
    dialog = window.briefs.export()
    assert dialog.warning.isVisibleTo(dialog)
    assert "第 2、3 篇" in dialog.warning.text()

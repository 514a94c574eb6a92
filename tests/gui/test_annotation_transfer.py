"""Annotations go out to a file and come back in from the window, as with the CLI."""

from __future__ import annotations

from pathlib import Path

from reader.annotations.notes import add_note, list_notes
from reader.archive import Archive
from tests.gui.conftest import wait_idle
from tests.support.archives import add_issue
from tests.support.issues import window_issue
from tests.support.stories import ISSUE_A


def test_annotations_exported_from_one_archive_come_into_another(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]

    with Archive(filled_archive_dir) as archive:
        add_note(archive.db, 1, "待核实：饲草利用率")
    window = make_window(filled_archive_dir)
    target = tmp_path / "批注.json"
    window.transfer.export_file(target)
    wait_idle(qtbot, window)
    assert "待核实" in target.read_text(encoding="utf-8")
    assert str(target) in window.statusBar().currentMessage()

    other_dir = tmp_path / "other"
    with Archive(other_dir) as archive:
        add_issue(archive, window_issue(ISSUE_A, 2023, 8))
    other = make_window(other_dir)
    other.transfer.import_file(target)
    wait_idle(qtbot, other)
    with Archive(other_dir) as archive:
        assert [n.text for n in list_notes(archive.db)] == ["待核实：饲草利用率"]
    assert other.statusBar().currentMessage() == "匹配 1 篇文章，0 篇未找到；添加 1 条批注"


def test_a_file_that_is_not_annotations_is_refused_in_chinese(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    said: list[str] = []
    window.ops.error_reported.connect(said.append)
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    window.transfer.import_file(bad)
    wait_idle(qtbot, window)
    assert said and "bad.json" in said[0]
    assert not said[0].isascii()

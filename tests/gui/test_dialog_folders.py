"""File dialogs start where the editor last was; backups get dated names; imports say which file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from reader.paths import resource_path
from tests.gui.conftest import wait_idle


def test_backup_offers_a_dated_name_in_the_last_folder_used(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    offered: list[str] = []
    target = tmp_path / "backups-here"
    target.mkdir()

    def save_dialog(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        offered.append(start)
        return str(target / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.archive_care.backup()
    wait_idle(qtbot, window)
    name = f"资料库备份_{date.today().isoformat()}.sqlite3"
    assert Path(offered[0]).name == name
    assert (target / name).is_file()
    window.archive_care.backup()  # the second time, the dialog starts in that folder
    wait_idle(qtbot, window)
    assert Path(offered[1]) == target / name


def test_restore_starts_in_the_automatic_backups_then_the_last_folder(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    window.archive.backups_dir.mkdir(parents=True, exist_ok=True)
    assert window.archive_care.restore_start_folder() == str(window.archive.backups_dir)
    picked: list[str] = []

    def open_dialog(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        picked.append(start)
        return "", ""  # the editor cancels

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_dialog)
    window.archive_care.restore()
    assert picked == [str(window.archive.backups_dir)]
    window.settings.remember_folder("restore", str(tmp_path))
    assert window.archive_care.restore_start_folder() == str(tmp_path)


def test_import_remembers_its_folder_and_the_progress_names_each_file(
    qtbot, make_window, filled_archive_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    samples = sorted(p for p in resource_path("samples").iterdir() if p.suffix == ".txt")
    starts: list[str] = []
    lines: list[str] = []
    window.importing.progress_described.connect(lines.append)

    def open_dialog(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        starts.append(start)
        return [str(p) for p in samples], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_dialog)
    window.importing.import_files()
    wait_idle(qtbot, window)
    window.importing.import_files()
    wait_idle(qtbot, window)
    assert starts == ["", str(samples[0].parent)]
    assert f"正在读取第 1 个（共 {len(samples)} 个）：{samples[0].name}" in lines


def test_the_issue_editor_offers_the_archives_series(
    qtbot, make_window, filled_archive_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from reader.store.issues import get_issue
    from reader.ui.dialogs import IssueDialog

    window = make_window(filled_archive_dir)
    known = window.issue_editing.known_series()
    assert "科技情报参考" in known
    dialog = IssueDialog(window, get_issue(window.archive.db, 1), known)
    qtbot.addWidget(dialog)
    completer = dialog.series.completer()
    completer.setCompletionPrefix("情报")  # any part of the name
    offered = [completer.currentCompletion()]
    while completer.setCurrentRow(completer.currentRow() + 1):
        offered.append(completer.currentCompletion())
    assert "科技情报参考" in offered

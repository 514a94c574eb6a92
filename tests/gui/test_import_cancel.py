"""The import progress dialog names the file being read, and 取消导入 leaves the rest."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader import importer
from reader.archive import Archive
from reader.store.issues import list_issues
from tests.gui.conftest import wait_idle
from tests.support.make_samples import write_samples


def test_cancel_keeps_the_files_done_and_starts_no_more(
    qtbot, make_window, archive_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    files = write_samples(tmp_path / "in")
    assert len(files) >= 4
    real_parse = importer._parse
    reading: list[Path] = []
    release = threading.Event()

    def parse(path: Path):  # type: ignore[no-untyped-def]
        reading.append(path)
        if len(reading) == 2:  # the editor cancels while the second file is read
            release.wait(20)
        return real_parse(path)

    monkeypatch.setattr(importer, "_parse", parse)
    window = make_window(archive_dir)
    window.importing.import_paths(files)
    dialog = window.importing.last_progress_dialog
    qtbot.waitUntil(lambda: len(reading) == 2, timeout=20000)
    qtbot.waitUntil(lambda: files[1].name in dialog.label_text(), timeout=5000)
    assert dialog.label_text() == f"正在读取第 2 个（共 {len(files)} 个）：{files[1].name}"
    assert dialog.cancel_button.text() == "取消导入"
    dialog.cancel_button.click()
    release.set()
    with qtbot.waitSignal(window.importing.report_shown, timeout=30000) as shown:
        pass
    wait_idle(qtbot, window)
    report = window.importing.last_report
    assert report.count(importer.IMPORTED) == 2  # the file being read when cancelled finishes
    assert report.not_started == files[2:]
    assert len(reading) == 2  # nothing after it was opened
    with Archive(archive_dir) as archive:
        assert len(list_issues(archive.db)) == 2
    left = len(files) - 2
    assert f"{left} 个未开始（已取消导入）" in window.statusBar().currentMessage()
    details = shown.args[0].details.toPlainText()
    assert details.count("未导入：导入已取消") == left

"""An import whose regions, keywords and reprint links cannot be derived says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import derived
from tests.gui.conftest import wait_idle
from tests.support.make_samples import write_samples


def test_the_import_report_says_the_derived_data_is_missing(
    qtbot, make_window, archive_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def unreadable(article: object) -> object:
        raise OSError("idf.txt is missing")

    monkeypatch.setattr(derived, "derivation_of", unreadable)
    files = write_samples(tmp_path / "in")
    window = make_window(archive_dir)
    with qtbot.waitSignal(window.importing.report_shown, timeout=30000) as shown:
        window.importing.import_paths(files)
    wait_idle(qtbot, window)
    details = shown.args[0].details.toPlainText()
    assert "文件已导入，但地区、关键词和转载关联未能生成（OSError: idf.txt is missing）" in details
    assert window.importing.last_report.ok  # every file imported

"""Importing a scan from the window: per-page progress off the window's thread, and Stop."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from reader.parsing import ocr
from tests.gui.conftest import wait_idle
from tests.support.make_samples import sample_issue
from tests.support.series_layouts import LAYOUTS, series_issue, write_series_txt
from tests.support.typeset_scan import write_scan_pdf


def slow_engine(image: object) -> list[ocr.OcrLine]:
    """A stand-in recogniser that takes a while per page, as real OCR does."""
    assert threading.current_thread() is not threading.main_thread()
    time.sleep(0.4)
    box = [[200.0, 300.0], [1200.0, 300.0], [1200.0, 340.0], [200.0, 340.0]]
    return [(box, "扫描页上的一行文字。", 0.9, None)]


def test_stop_ends_the_scan_and_the_rest_still_imports(
    qtbot, make_window, archive_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ocr, "_engine", lambda: slow_engine)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    issue = sample_issue(5)
    long_scan = [*issue.articles] * 4  # about a dozen pages
    issue.articles = long_scan
    write_scan_pdf(issue, incoming / "a-scan.pdf", degrade=False)
    other = series_issue()
    other.articles[0].paragraphs[0] += "措施自发布之日起施行。"  # not the shipped sample's text
    write_series_txt(incoming / "b-text.txt", LAYOUTS[1], other)

    window = make_window(archive_dir)
    window.start()
    wait_idle(qtbot, window)
    window.importing.import_paths([incoming])
    qtbot.waitUntil(lambda: window.importing.last_progress_dialog is not None, timeout=5000)
    dialog = window.importing.last_progress_dialog
    # Pages are counted while the scan is read: the bar's range is the scan's page count.
    qtbot.waitUntil(lambda: dialog.maximum() > 3 and dialog.value() >= 1, timeout=20000)
    pages = dialog.maximum()
    from PySide6.QtWidgets import QPushButton

    stop = dialog.findChild(QPushButton)
    assert stop is not None and stop.text() == "停止识别扫描件"
    with qtbot.waitSignal(window.importing.report_shown, timeout=60000):
        stop.click()
    wait_idle(qtbot, window)
    report = window.importing.last_report
    by_name = {o.path.name: o for o in report.outcomes}
    assert by_name["a-scan.pdf"].message("zh_CN") == "已取消文字识别"
    assert by_name["b-text.txt"].status == "imported"
    assert pages >= 8

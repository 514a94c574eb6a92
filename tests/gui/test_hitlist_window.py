"""Export the result list from the window: every hit, as ``reader search --export`` writes it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reader.cli import main
from tests.gui.conftest import search_for, show_active, wait_idle


def _ready(qtbot, make_window, folder: Path):  # type: ignore[no-untyped-def]
    window = make_window(folder)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    return window


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".docx"])
def test_every_hit_goes_to_the_file_and_the_window_says_where(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path, suffix: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from reader.ui import search_controller

    monkeypatch.setattr(search_controller, "PAGE_SIZE", 1)  # the file still has every hit
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "智能")
    model = window.search.model
    assert model.total == 3 and len(model.all_hits()) < model.total
    exporter = window.search.hitlist
    exporter.open_folder = False
    target = tmp_path / f"命中{suffix}"
    exporter.choose_path = lambda _parent, query: target if query == "智能" else None
    with qtbot.waitSignal(exporter.exported, timeout=30000) as written:
        window.search.panel.export_button.click()
    assert written.args == [target, 3]
    assert exporter.message is not None and exporter.message.isVisible()
    assert str(target) in exporter.message.text() and "3 条" in exporter.message.text()

    # The same rows as the command line writes for the same query.
    cli_target = tmp_path / f"cli{suffix}"
    assert (
        main(["--archive", str(filled_archive_dir), "search", "智能", "--export", str(cli_target)])
        == 0
    )
    if suffix == ".csv":
        assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # WPS and Excel read the BOM

        def rows_of(path: Path) -> list[list[str]]:
            return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))

        assert len(rows_of(target)) == 1 + 3 and rows_of(target) == rows_of(cli_target)
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        def cells(path: Path) -> list[tuple[object, ...]]:
            return list(load_workbook(path).active.iter_rows(values_only=True))

        assert len(cells(target)) == 1 + 3 and cells(target) == cells(cli_target)
    else:
        from docx import Document

        def table(path: Path) -> list[list[str]]:
            return [[c.text for c in row.cells] for row in Document(str(path)).tables[0].rows]

        assert len(table(target)) == 1 + 3 and table(target) == table(cli_target)


def test_a_file_that_cannot_be_written_is_reported(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "智能")
    exporter = window.search.hitlist
    exporter.choose_path = lambda _parent, _query: tmp_path / "no-such-folder" / "hits.csv"
    with qtbot.waitSignal(exporter.failed, timeout=30000) as failed:
        window.search.panel.export_button.click()
    assert "no-such-folder" in failed.args[0]
    assert exporter.message is not None and exporter.message.text() == failed.args[0]

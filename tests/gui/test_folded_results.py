"""One row per piece of text: 同文 twins share a row, edited reprints fold when asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.conftest import search_for, show_active, wait_idle
from tests.support.reprinted import PIECE_TITLE, reprinted_archive


@pytest.fixture
def reprinted_dir(tmp_path: Path) -> Path:
    return reprinted_archive(tmp_path / "archive", tmp_path / "files")


def _ready(qtbot, make_window, folder: Path):  # type: ignore[no-untyped-def]
    window = make_window(folder)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    return window


def _rows(window) -> list[tuple[str, int | None, int | None, str]]:  # type: ignore[no-untyped-def]
    """(title, year, issue, what the row says of other printings) of each row."""
    model, delegate = window.search.model, window.search.delegate
    return [
        (
            model.hit(r).title,
            model.hit(r).year,
            model.hit(r).issue_no,
            delegate.printings_note(model.index(r)),
        )
        for r in range(model.rowCount())
    ]


def test_identical_articles_show_as_one_row_naming_the_other_issue(
    qtbot, make_window, reprinted_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, reprinted_dir)
    search_for(qtbot, window, "数字农业")
    assert window.search.model.total == 3
    rows = _rows(window)
    assert len(rows) == 2  # the edited reprint keeps a row of its own while not folded
    same = next(row for row in rows if row[0] == PIECE_TITLE)
    assert same[1:] == (2023, 7, "同文：2023年第9期")  # the first printing shows
    reprint = next(row for row in rows if row[0] != PIECE_TITLE)
    assert reprint[1:3] == (2024, 2) and "同文" not in reprint[3]


def test_reprints_fold_under_their_first_printing_on_request(
    qtbot, make_window, reprinted_dir: Path, settings
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, reprinted_dir)
    search_for(qtbot, window, "数字农业")
    button = window.search.panel.fold_button
    assert not button.isChecked()
    button.click()
    ((title, year, issue_no, note),) = _rows(window)
    assert (title, year, issue_no) == (PIECE_TITLE, 2023, 7)
    assert note == "同文：2023年第9期　另有 1 篇转载：2024年第2期"
    assert settings.fold_reprints  # kept for the next start
    # The folded reprint still opens with its own matches when walked to from the tree.
    reprint = next(h for h in window.search.model.all_hits() if h.title != PIECE_TITLE)
    window.open_article(reprint.article_id)
    assert window.search.results.currentIndex().row() == 0
    assert window.match_position()[1] == len(reprint.matches) + len(reprint.title_matches)
    button.click()
    assert len(_rows(window)) == 2

"""Each query term has its own hue in the results and the pane, apart from highlights and Ctrl+F."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from reader.ui.reading_pane import FIND, KIND_PROPERTY, SEARCH
from tests.gui.conftest import search_for, show_active, type_text, wait_idle


def _ready(qtbot, make_window, folder: Path):  # type: ignore[no-untyped-def]
    window = make_window(folder)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    return window


def _painted(window, kind: str) -> list[tuple[str, str, bool]]:  # type: ignore[no-untyped-def]
    """(text, foreground colour, filled) of each match painted as ``kind``."""
    found = []
    for selection in window.pane.extraSelections():
        fmt = selection.format
        if fmt.property(KIND_PROPERTY) == kind:
            found.append(
                (
                    selection.cursor.selectedText(),
                    fmt.foreground().color().name(),
                    fmt.background().style().value != 0,
                )
            )
    return found


def test_each_query_term_has_its_own_hue_in_the_pane_and_ctrl_f_is_filled(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "智能 平台")
    window.search.open_row(0)
    hues = {text: colour for text, colour, _f in _painted(window, SEARCH)}
    assert set(hues) == {"智能", "平台"}  # every match but the current one (filled orange)
    assert hues["智能"] != hues["平台"]
    theme = window.theme
    pale = {QColor(c).name() for c in theme.highlights} | {QColor(theme.match).name()}
    assert not set(hues.values()) & pale
    assert not any(filled for _t, _c, filled in _painted(window, SEARCH))  # written, not filled

    type_text(window.find_bar.edit, "牧场")  # Ctrl+F for a text of the editor's own
    qtbot.waitUntil(lambda: bool(_painted(window, FIND)), timeout=3000)
    assert not _painted(window, SEARCH)
    fills = {
        s.format.background().color().name()
        for s in window.pane.extraSelections()
        if s.format.property(KIND_PROPERTY) == FIND
    }
    assert fills == {QColor(theme.match).name()}
    assert not set(hues.values()) & fills


def test_the_results_snippets_draw_each_term_in_its_hue(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "智能 平台")
    model, view = window.search.model, window.search.results
    row = next(
        r
        for r in range(model.rowCount())
        if "智能" in model.hit(r).snippet and "平台" in model.hit(r).snippet
    )
    index = model.index(row)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    size = window.search.delegate.sizeHint(option, index)
    image = QImage(600, size.height(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    option.rect = QRect(0, 0, 600, size.height())
    painter = QPainter(image)
    window.search.delegate.paint(painter, option, index)
    painter.end()
    colours = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    first, second = window.theme.term_hue(0), window.theme.term_hue(1)
    assert first != second
    assert first in colours and second in colours  # the underlines, in each term's hue

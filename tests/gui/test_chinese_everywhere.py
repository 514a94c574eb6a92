"""The Chinese interface speaks Chinese: core errors, unreadable queries and Qt's own dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from reader.messages import ReaderError
from reader.search import QuerySyntaxError, parse_query
from tests.gui.conftest import search_for, show_active, type_text, wait_idle


def test_an_unreadable_query_is_a_reader_error_worded_in_both_languages() -> None:
    try:
        parse_query('"揭榜挂帅')
    except QuerySyntaxError as error:
        assert isinstance(error, ReaderError)
        assert error.code == "query.unclosed_quote"
        assert str(error) == 'a quote is not closed: "揭榜挂帅'
        assert error.message.render("zh_CN") == '引号没有闭合："揭榜挂帅'
    else:
        raise AssertionError("an unclosed quote was read")


def _ready(qtbot, make_window, folder: Path):  # type: ignore[no-untyped-def]
    window = make_window(folder)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    return window


def test_an_unreadable_query_is_said_in_chinese_only_once_typing_pauses(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _ready(qtbot, make_window, filled_archive_dir)
    search_for(qtbot, window, "智能")
    shown = window.search.model.rowCount()
    assert shown > 0
    status = window.search.bar.status
    type_text(window.search.bar.query_edit, ' "揭榜')
    # The search runs after the short typing delay; the complaint waits for a real pause.
    qtbot.waitUntil(lambda: not window.search.is_searching(), timeout=5000)
    qtbot.wait(300)
    assert "引号" not in status.text()
    assert window.search.model.rowCount() == shown  # the last results stay while typing
    qtbot.waitUntil(lambda: "引号没有闭合" in status.text(), timeout=5000)
    assert "揭榜" in status.text()
    assert window.search.model.rowCount() == 0


def test_enter_on_an_unreadable_query_says_why_at_once(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.search_controller import SYNTAX_PAUSE_MS

    window = _ready(qtbot, make_window, filled_archive_dir)
    edit = window.search.bar.query_edit
    type_text(edit, "智能 OR")
    edit.returnPressed.emit()
    qtbot.waitUntil(lambda: "OR 两边都要有词" in window.search.bar.status.text(), timeout=1000)
    assert SYNTAX_PAUSE_MS > 1000  # so it was Enter, not the pause, that said it


def test_a_failed_job_is_reported_in_chinese(qtbot, make_window, filled_archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    said: list[str] = []
    window.ops.error_reported.connect(said.append)

    def op(_archive):  # type: ignore[no-untyped-def]
        parse_query("year:abc")

    window.ops.run(op)
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said == ["year: 后面应是数字，而不是“abc”（例如 year:2023）"]


def test_a_bug_in_a_job_is_called_a_bug_not_the_editors_mistake(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    said: list[str] = []
    window.ops.error_reported.connect(said.append)

    def op(_archive):  # type: ignore[no-untyped-def]
        raise KeyError("x")

    window.ops.run(op)
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said[0].startswith("程序出错（KeyError）")


def test_qt_own_dialogs_and_dates_are_chinese(qtbot, make_window, filled_archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    make_window(filled_archive_dir)
    # qtbase_zh_CN.qm ships in the PySide6 wheel and is loaded with reader's own file.
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    assert QLocale().toString(QDate(2026, 12, 2), QLocale.FormatType.ShortFormat) == "2026/12/2"

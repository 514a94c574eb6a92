"""File-menu work from the window: first start, backup and restore, issue details, reindex."""

from __future__ import annotations

import threading
from pathlib import Path

from reader.annotations.notes import add_note, list_notes
from reader.archive import Archive
from reader.paths import resource_path
from reader.store.issues import count_articles, get_issue, list_issues
from tests.gui.conftest import search_for, show_active, wait_idle


def test_first_start_on_an_empty_archive_imports_the_samples(
    qtbot, make_window, archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    samples = [
        p for p in resource_path("samples").iterdir() if p.suffix in {".txt", ".pdf", ".docx"}
    ]
    assert samples, "resources/samples holds the sample bulletins"
    window = make_window(archive_dir)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    with Archive(archive_dir) as archive:
        assert len(list_issues(archive.db)) == len(samples)
    assert window.current_article_id() is not None  # something to read at once
    assert window.tree_model.rowCount() >= 3


def test_import_runs_off_the_gui_thread(
    qtbot, make_window, archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.support.issues import write_window_bulletins

    files = write_window_bulletins(tmp_path / "in")
    window = make_window(archive_dir)
    show_active(qtbot, window)
    on_gui_thread = []
    gui = threading.get_ident()
    window.ops.query(
        lambda _a: on_gui_thread.append(threading.get_ident() == gui), success=lambda _r: None
    )
    with qtbot.waitSignal(window.importing.imported, timeout=30000):
        window.importing.import_paths(files)
    assert on_gui_thread == [False]
    with Archive(archive_dir) as archive:
        assert count_articles(archive.db) == 4


def test_backup_then_restore_brings_back_the_notes(
    qtbot, make_window, filled_archive_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with Archive(filled_archive_dir) as archive:
        add_note(archive.db, 1, "备份前的批注")
    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    window.open_article(1)
    target = tmp_path / "saved.sqlite3"
    window.archive_care.backup_to(target)
    wait_idle(qtbot, window)
    assert target.is_file()
    window.annotations.note_editors()[0].setPlainText("")  # empties → deleted
    window.annotations.flush()
    wait_idle(qtbot, window)
    with Archive(filled_archive_dir) as archive:
        assert list_notes(archive.db, 1) == []
    with qtbot.waitSignal(window.archive_care.reopened, timeout=30000):
        window.archive_care.restore_from(target)
    assert [n.text for n in list_notes(window.archive.db, 1)] == ["备份前的批注"]
    assert [e.toPlainText() for e in window.annotations.note_editors()] == ["备份前的批注"]
    search_for(qtbot, window, "智能")  # the index was rebuilt and the window reads again
    assert window.search.model.rowCount() > 0


def test_editing_an_issue_moves_it_in_the_tree(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    unknown_issue = 3
    window.issue_editing.save_issue(unknown_issue, {"year": 2021, "issue_no": 5})
    wait_idle(qtbot, window)
    window.refresh()
    with Archive(filled_archive_dir) as archive:
        issue = get_issue(archive.db, unknown_issue)
    assert (issue.year, issue.issue_no) == (2021, 5)
    series = window.tree_model.index(0, 0)
    window.tree_model.fetchMore(series)
    years = [
        window.tree_model.index(r, 0, series).data()
        for r in range(window.tree_model.rowCount(series))
    ]
    assert years == ["2024 (2)", "2023 (2)", "2021 (1)"]


def test_issue_dialog_reports_only_changed_fields(qtbot, filled_archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from reader.ui.dialogs import IssueDialog

    with Archive(filled_archive_dir) as archive:
        issue = get_issue(archive.db, 1)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = IssueDialog(parent, issue)
    assert dialog.changes() == {}
    dialog.issue_no.setValue(9)
    dialog.phone.setText("<b>123</b>")
    assert dialog.changes() == {"issue_no": 9, "phone": "<b>123</b>"}


def test_reindex_runs_on_the_worker(qtbot, make_window, filled_archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    window.registry["reindex"].trigger()
    wait_idle(qtbot, window)
    search_for(qtbot, window, "诊断")
    hits = window.search.model.all_hits()
    # The article is in two issues (2024 No. 1 and the one of unknown date): one 同文 row.
    assert len(hits) == 2 and {h.title for h in hits} == {"示例区开展智能制造诊断服务"}
    assert window.search.model.rowCount() == 1

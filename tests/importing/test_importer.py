"""Importing files into an archive: outcomes, idempotence, updates, bad input."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.importer import ALREADY, IMPORTED, SKIPPED, UPDATED, import_paths
from reader.store import issues as store
from tests.support.issues import north_river_issue
from tests.support.layout_text import write_office_text


def archive_rows(archive: Archive) -> dict[str, list[tuple]]:
    """Everything the store holds about issues and articles, to compare before/after."""
    db = archive.db
    return {
        table: [tuple(row) for row in db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()]
        for table in ("issues", "articles", "source_files")
    }


def test_a_text_bulletin_becomes_an_issue_with_its_articles(
    archive: Archive, tmp_path: Path
) -> None:
    bulletin = north_river_issue()
    path = write_office_text(bulletin, tmp_path / "2025-3.txt")

    report = import_paths(archive, [path])

    assert [o.status for o in report.outcomes] == [IMPORTED]
    [issue] = store.list_issues(archive.db)
    assert (issue.series, issue.year, issue.issue_no) == ("示例情报参考", 2025, 3)
    assert issue.editor_org == "北河市科学技术局信息中心"
    assert issue.phone == "5512345"
    assert issue.source_path == str(path.resolve())
    assert issue.source_format == "txt"
    articles = store.issue_articles(archive.db, issue.id)
    assert [a.title for a in articles] == [s.title for s in bulletin.articles]
    assert [a.paragraphs for a in articles] == [s.paragraphs for s in bulletin.articles]
    assert all("编辑" not in a.text and "电话" not in a.text for a in articles)


def test_reimporting_the_same_file_changes_nothing(archive: Archive, tmp_path: Path) -> None:
    path = write_office_text(north_river_issue(), tmp_path / "issue.txt")
    import_paths(archive, [path])
    before = archive_rows(archive)

    report = import_paths(archive, [path])

    assert [o.status for o in report.outcomes] == [ALREADY]
    assert report.ok
    assert archive_rows(archive) == before


def test_the_same_issue_in_another_encoding_is_recognised(archive: Archive, tmp_path: Path) -> None:
    bulletin = north_river_issue()
    import_paths(archive, [write_office_text(bulletin, tmp_path / "utf8.txt")])

    report = import_paths(
        archive,
        [write_office_text(bulletin, tmp_path / "gbk.txt", encoding="gb18030", newline="\r\n")],
    )

    assert [o.status for o in report.outcomes] == [ALREADY]
    assert len(store.list_issues(archive.db)) == 1


def test_a_corrected_printing_updates_the_issue_and_keeps_article_ids(
    archive: Archive, tmp_path: Path
) -> None:
    first = north_river_issue()
    import_paths(archive, [write_office_text(first, tmp_path / "first.txt")])
    [issue] = store.list_issues(archive.db)
    old_ids = [a.id for a in store.issue_articles(archive.db, issue.id)]

    corrected = north_river_issue()
    corrected.articles[1].paragraphs[0] = (
        corrected.articles[1].paragraphs[0].replace("12 项", "14 项")
    )
    report = import_paths(archive, [write_office_text(corrected, tmp_path / "corrected.txt")])

    [outcome] = report.outcomes
    assert outcome.status == UPDATED
    assert outcome.changed_article_ids == (old_ids[1],)
    articles = store.issue_articles(archive.db, issue.id)
    assert [a.id for a in articles] == old_ids
    assert "14 项" in articles[1].text
    assert len(store.list_issues(archive.db)) == 1


def test_a_batch_skips_bad_files_with_a_reason_and_imports_the_rest(
    archive: Archive, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    write_office_text(north_river_issue(issue_no=1), folder / "good-1.txt")
    write_office_text(north_river_issue(issue_no=2), folder / "sub" / "good-2.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    (folder / "not-a-word.docx").write_bytes(b"this is not a zip file")
    (folder / "notes.txt").write_text("买牛奶\n给张老师回电话\n周五交报告\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    unsupported = tmp_path / "issue.xls"
    unsupported.write_bytes(b"\xd0\xcf\x11\xe0")

    report = import_paths(archive, [folder, unsupported, tmp_path / "missing.pdf"])

    by_name = {o.path.name: o for o in report.outcomes}
    assert by_name["good-1.txt"].status == IMPORTED
    assert by_name["good-2.txt"].status == IMPORTED
    skipped = {o.path.name: o.message() for o in report.outcomes if o.status == SKIPPED}
    assert set(skipped) == {
        "empty.txt",
        "binary.txt",
        "broken.pdf",
        "not-a-word.docx",
        "notes.txt",
        "issue.xls",
        "missing.pdf",
    }
    assert all(message and "Traceback" not in message for message in skipped.values())
    assert "empty" in skipped["empty.txt"]
    assert "unsupported" in skipped["issue.xls"]
    assert ".hidden.txt" not in by_name
    assert not report.ok
    assert len(store.list_issues(archive.db)) == 2
    assert archive.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_failure_while_saving_leaves_nothing_half_written(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_paths(archive, [write_office_text(north_river_issue(issue_no=1), tmp_path / "one.txt")])
    before = archive_rows(archive)
    real_insert = store._insert_article
    calls = {"n": 0}

    def failing_insert(*args, **kwargs):  # the disk fills up at the third article
        calls["n"] += 1
        if calls["n"] == 3:
            raise sqlite3.OperationalError("database or disk is full")
        return real_insert(*args, **kwargs)

    monkeypatch.setattr(store, "_insert_article", failing_insert)
    report = import_paths(
        archive, [write_office_text(north_river_issue(issue_no=2), tmp_path / "two.txt")]
    )

    [outcome] = report.outcomes
    assert outcome.status == SKIPPED
    assert "disk is full" in outcome.message()
    assert archive_rows(archive) == before


def test_markup_in_a_title_is_stored_as_those_characters(archive: Archive, tmp_path: Path) -> None:
    bulletin = north_river_issue()
    bulletin.articles[0].title = bulletin.articles[0].toc_title = (
        "<img src=x onerror=alert(1)>科技成果转化"
    )
    import_paths(archive, [write_office_text(bulletin, tmp_path / "markup.txt")])

    [issue] = store.list_issues(archive.db)
    first = store.issue_articles(archive.db, issue.id)[0]
    assert first.title == "<img src=x onerror=alert(1)>科技成果转化"

"""Bulletins as they arrive in other formats, through the importer: a bad file is skipped
with its reason, the rest of the batch imports, and nothing in the archive changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive
from reader.importer import IMPORTED, SKIPPED, import_paths
from reader.messages import ZH
from reader.store.issues import list_issues
from tests.support.make_samples import sample_issue
from tests.support.typeset_html import issue_lines, write_html, write_mht


def test_web_pages_import_and_a_broken_archive_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    issue3, issue4 = sample_issue(3), sample_issue(4)
    write_html(folder / "a.htm", issue_lines(issue3), titles=[a.title for a in issue3.articles])
    write_mht(folder / "b.mht", issue_lines(issue4))
    (folder / "c.mhtml").write_bytes(b"MIME-Version: 1.0\nContent-Type: text/plain\n\nno page")
    with Archive(tmp_path / "archive") as archive:
        report = import_paths(archive, [folder])
        by_name = {o.path.name: o for o in report.outcomes}
        assert by_name["a.htm"].status == IMPORTED and by_name["b.mht"].status == IMPORTED
        assert by_name["c.mhtml"].status == SKIPPED
        assert "MHT" in by_name["c.mhtml"].message(ZH)
        issues = list_issues(archive.db)
        assert sorted(i.issue_no for i in issues) == [3, 4]
        assert {i.source_format for i in issues} == {"html", "mht"}
        before = [(i.id, i.issue_no) for i in issues]
        # The broken file again, alone: skipped, and the archive is as it was.
        again = import_paths(archive, [folder / "c.mhtml"])
        assert again.outcomes[0].status == SKIPPED
        assert [(i.id, i.issue_no) for i in list_issues(archive.db)] == before


def test_an_ofd_imports_and_an_encrypted_one_is_skipped_in_chinese(tmp_path: Path) -> None:
    from tests.support.typeset_ofd import lines_page, write_ofd, write_ofd_package

    folder = tmp_path / "incoming"
    folder.mkdir()
    write_ofd(sample_issue(5), folder / "a.ofd")
    write_ofd_package(folder / "b.ofd", [lines_page(["正文"])], extra={"Encryptions.xml": b"<x/>"})
    with Archive(tmp_path / "archive") as archive:
        report = import_paths(archive, [folder])
        by_name = {o.path.name: o for o in report.outcomes}
        assert by_name["a.ofd"].status == IMPORTED
        assert by_name["b.ofd"].message(ZH) == "OFD 已加密"
        [issue] = list_issues(archive.db)
        assert (issue.issue_no, issue.source_format) == (5, "ofd")


def test_without_libreoffice_a_doc_is_skipped_and_the_rest_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.parsing.legacy_word import SOFFICE_ENV

    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "no-soffice"))
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    issue = sample_issue(3)
    write_html(folder / "b.html", issue_lines(issue))
    with Archive(tmp_path / "archive") as archive:
        by_name = {o.path.name: o for o in import_paths(archive, [folder]).outcomes}
        assert by_name["b.html"].status == IMPORTED
        assert by_name["a.doc"].status == SKIPPED
        assert "LibreOffice" in by_name["a.doc"].message(ZH)
        assert "LibreOffice" in by_name["a.doc"].describe()

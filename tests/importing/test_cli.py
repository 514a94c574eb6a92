"""The command line as a script sees it: exit codes, one line per file, JSON shapes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reader.cli.progress import TerminalProgress
from tests.support.cli import run_cli
from tests.support.issues import north_river_issue
from tests.support.layout_text import write_office_text

Capsys = pytest.CaptureFixture[str]


def test_import_then_list_json_gives_issues_with_their_articles(
    tmp_path: Path, capsys: Capsys
) -> None:
    archive = tmp_path / "archive"
    bulletin = north_river_issue()
    path = write_office_text(bulletin, tmp_path / "issue.txt")

    imported = run_cli(archive, capsys, "import", str(path))
    listed = run_cli(archive, capsys, "list", "--json")

    assert imported.code == 0, imported.err
    assert imported.out.splitlines()[0].startswith("imported: ")
    assert "1 imported, 0 updated, 0 already there, 0 skipped" in imported.out
    [issue] = json.loads(listed.out)
    assert set(issue) >= {
        "id",
        "series",
        "year",
        "issue_no",
        "editor_org",
        "editor",
        "phone",
        "source_path",
        "source_format",
        "articles",
    }
    assert (issue["series"], issue["year"], issue["issue_no"]) == ("示例情报参考", 2025, 3)
    assert issue["source_path"] == str(path.resolve())
    assert issue["source_format"] == "txt"
    first = issue["articles"][0]
    assert set(first) >= {"id", "ordinal", "title", "toc_title", "toc_page", "text"}
    assert first["ordinal"] == 1
    assert first["toc_page"] == 2
    assert first["text"] == "\n".join(bulletin.articles[0].paragraphs)


def test_import_exits_nonzero_and_names_each_skipped_file(tmp_path: Path, capsys: Capsys) -> None:
    archive = tmp_path / "archive"
    good = write_office_text(north_river_issue(), tmp_path / "good.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    result = run_cli(archive, capsys, "import", str(good), str(empty))

    assert result.code == 1
    lines = result.out.splitlines()
    assert any(line.startswith("imported: ") and "good.txt" in line for line in lines)
    assert any(line.startswith("skipped: ") and "empty.txt" in line for line in lines)
    assert "Traceback" not in result.out + result.err


def test_show_prints_an_article_and_refuses_unknown_ids(tmp_path: Path, capsys: Capsys) -> None:
    archive = tmp_path / "archive"
    bulletin = north_river_issue()
    run_cli(archive, capsys, "import", str(write_office_text(bulletin, tmp_path / "issue.txt")))
    article_id = json.loads(run_cli(archive, capsys, "list", "--json").out)[0]["articles"][1]["id"]

    shown = json.loads(run_cli(archive, capsys, "show", str(article_id), "--json").out)
    missing = run_cli(archive, capsys, "show", "9999")
    not_a_number = run_cli(archive, capsys, "show", "abc")

    assert shown["title"] == bulletin.articles[1].title
    assert shown["issue"]["year"] == 2025
    assert missing.code == 2 and "no article with id 9999" in missing.err
    assert not_a_number.code == 2 and "Traceback" not in not_a_number.err


def test_issue_metadata_can_be_corrected(tmp_path: Path, capsys: Capsys) -> None:
    archive = tmp_path / "archive"
    run_cli(
        archive,
        capsys,
        "import",
        str(write_office_text(north_river_issue(), tmp_path / "issue.txt")),
    )
    issue_id = json.loads(run_cli(archive, capsys, "list", "--json").out)[0]["id"]

    changed = run_cli(
        archive,
        capsys,
        "issue",
        "set",
        str(issue_id),
        "--year",
        "2023",
        "--issue-no",
        "9",
        "--editor",
        "",
    )
    bad = run_cli(archive, capsys, "issue", "set", str(issue_id), "--year", "二〇二三")

    assert changed.code == 0, changed.err
    [issue] = json.loads(run_cli(archive, capsys, "list", "--json").out)
    assert (issue["year"], issue["issue_no"], issue["editor"]) == (2023, 9, None)
    assert bad.code == 2 and "--year must be a whole number" in bad.err


def test_version_is_printed(tmp_path: Path, capsys: Capsys) -> None:
    result = run_cli(tmp_path / "archive", capsys, "--version")
    assert result.code == 0
    assert result.out.startswith("reader ")


def test_progress_bar_is_drawn_only_on_a_terminal() -> None:
    class FakeTerminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, pipe = FakeTerminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = TerminalProgress("importing", stream=stream)
        bar(1, 4, Path("a.pdf"))
        bar(4, 4, Path("b.pdf"))
        bar.finish()

    assert "[#######" in terminal.getvalue() and "4/4" in terminal.getvalue()
    assert pipe.getvalue() == ""

"""The command line as a script sees it: exit codes, one line per file, JSON shapes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from reader.cli.progress import TerminalProgress
from tests.importing.bulletins import sample_bulletin


def reader(archive: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--archive", str(archive), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_import_then_list_json_gives_issues_with_their_articles(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    bulletin = sample_bulletin()
    path = bulletin.write(tmp_path / "issue.txt")

    imported = reader(archive, "import", str(path))
    listed = reader(archive, "list", "--json")

    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[0].startswith("imported: ")
    assert "1 imported, 0 updated, 0 already there, 0 skipped" in imported.stdout
    [issue] = json.loads(listed.stdout)
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
    assert first["text"] == "\n".join(bulletin.stories[0].paragraphs)


def test_import_exits_nonzero_and_names_each_skipped_file(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    good = sample_bulletin().write(tmp_path / "good.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    result = reader(archive, "import", str(good), str(empty))

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("imported: ") and "good.txt" in line for line in lines)
    assert any(line.startswith("skipped: ") and "empty.txt" in line for line in lines)
    assert "Traceback" not in result.stdout + result.stderr


def test_show_prints_an_article_and_refuses_unknown_ids(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    bulletin = sample_bulletin()
    reader(archive, "import", str(bulletin.write(tmp_path / "issue.txt")))
    article_id = json.loads(reader(archive, "list", "--json").stdout)[0]["articles"][1]["id"]

    shown = json.loads(reader(archive, "show", str(article_id), "--json").stdout)
    missing = reader(archive, "show", "9999")
    not_a_number = reader(archive, "show", "abc")

    assert shown["title"] == bulletin.stories[1].title
    assert shown["issue"]["year"] == 2025
    assert missing.returncode == 2 and "no article with id 9999" in missing.stderr
    assert not_a_number.returncode == 2 and "Traceback" not in not_a_number.stderr


def test_issue_metadata_can_be_corrected(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    reader(archive, "import", str(sample_bulletin().write(tmp_path / "issue.txt")))
    issue_id = json.loads(reader(archive, "list", "--json").stdout)[0]["id"]

    changed = reader(
        archive, "issue", "set", str(issue_id), "--year", "2023", "--issue-no", "9", "--editor", ""
    )
    bad = reader(archive, "issue", "set", str(issue_id), "--year", "二〇二三")

    assert changed.returncode == 0, changed.stderr
    [issue] = json.loads(reader(archive, "list", "--json").stdout)
    assert (issue["year"], issue["issue_no"], issue["editor"]) == (2023, 9, None)
    assert bad.returncode == 2 and "--year must be a whole number" in bad.stderr


def test_version_is_printed(tmp_path: Path) -> None:
    result = reader(tmp_path / "archive", "--version")
    assert result.returncode == 0
    assert result.stdout.startswith("reader ")


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

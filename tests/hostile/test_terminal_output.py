"""Control characters in stored text or file names never reach the terminal raw (issue 18.8)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.cli.terminal import escape_text, one_line
from reader.parsing.model import ParsedArticle
from reader.store import issues as store
from tests.support.archives import add_issue
from tests.support.cli import run_cli
from tests.support.issues import invented_issue, north_river_issue, random_issues
from tests.support.layout_text import write_office_text

RETITLE = "\x1b]0;被篡改的标题\x07"
RED = "\x1b[31m"
RLO = "\u202e"
HOSTILE_BODY = f"正文{RETITLE}开始{RED}变红{RLO}txt.exe，北河市乳业集群加快发展。"

# What no output may hold: ESC, BEL, CSI (C1), the bidi overrides.
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")


@pytest.fixture
def folder(archive_dir: Path) -> Path:
    article = ParsedArticle(f"标题{RED}红色", [HOSTILE_BODY, "第二段\x9b2J清屏"])
    with Archive(archive_dir) as archive:
        add_issue(archive, invented_issue([article]))
    return archive_dir


def assert_clean(text: str) -> None:
    for char in RAW:
        assert char not in text, repr(char)


def test_show_prints_the_body_escaped_and_the_store_keeps_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(folder, capsys, "show", "1")

    assert code == 0
    assert_clean(out)
    assert "正文\\x1b]0;被篡改的标题\\x07开始\\x1b[31m变红\\u202etxt.exe" in out
    assert "第二段\\u009b2J清屏" in out
    with Archive(folder) as archive:
        assert store.get_article(archive.db, 1).paragraphs[0] == HOSTILE_BODY  # type: ignore[union-attr]


def test_json_output_stays_json_with_the_exact_text(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(folder, capsys, "show", "1", "--json")

    assert code == 0
    assert_clean(out)
    assert json.loads(out)["text"].split("\n")[0] == HOSTILE_BODY


def test_list_and_search_print_titles_and_snippets_escaped(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(folder, capsys, "list")
    assert code == 0
    assert_clean(out)
    assert "标题\\x1b[31m红色" in out

    code, out, _ = run_cli(folder, capsys, "search", "变红")
    assert code == 0
    assert out.startswith("1 hits for 变红")
    assert_clean(out)
    assert "\\x1b[31m" in out


def test_a_note_with_escapes_is_listed_escaped(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(folder, capsys, "note", "add", "1", f"笔记{RETITLE}")[0] == 0
    code, out, _ = run_cli(folder, capsys, "note", "list")
    assert code == 0
    assert_clean(out)
    assert "笔记\\x1b]0;被篡改的标题\\x07" in out


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
@pytest.mark.parametrize("name", ["two\nlines.txt", f"esc{RED}.txt", f"rlo{RLO}txt.exe.txt"])
def test_import_prints_one_line_per_file_whatever_the_name(
    archive_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_office_text(north_river_issue(issue_no=1), folder / name)
    (folder / "empty.txt").write_bytes(b"")

    code, out, _ = run_cli(archive_dir, capsys, "import", str(folder))

    assert code == 1  # empty.txt is skipped
    lines = out.splitlines()
    assert len(lines) == 3, lines  # two files, one summary
    assert_clean(out)
    assert any(line.startswith("imported: ") and one_line(name) in line for line in lines)


def test_the_escapes_are_readable() -> None:
    assert one_line("a\nb\tc\x1bd\u202ee") == "a\\nb\\tc\\x1bd\\u202ee"
    assert escape_text("第一行\n第二行\x07") == "第一行\n第二行\\x07"
    assert escape_text("中文、English、全角ＡＢ") == "中文、English、全角ＡＢ"


def test_an_unmatched_title_from_an_annotations_file_is_one_escaped_line(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.json"
    entry = {"article": {"content_hash": "nope", "title": f"伪造\n标题{RETITLE}"}, "notes": []}
    data = {"format": "reader-annotations", "version": 1, "articles": [entry]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    code, _, err = run_cli(folder, capsys, "annotations", "import", str(path))

    assert code == 0
    assert_clean(err)
    assert "  not in this archive: 伪造\\n标题\\x1b]0;被篡改的标题\\x07\n" in err


def test_output_piped_into_a_reader_that_stops_early_ends_quietly(folder: Path) -> None:
    """``reader list --json | head -c 20``: no traceback and no "internal error" when the
    pipe closes, just the exit status of a tool ended by a closed pipe."""
    import subprocess

    # A listing far larger than a pipe holds (64 KB), so the reader is still writing when
    # the pipe closes; a short one could be written whole first, and end with 0.
    with Archive(folder) as archive, archive.db.atomic():
        for issue in random_issues(100):  # about 300 KB of JSON
            store.insert_issue(archive.db, issue, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--archive", str(folder), "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(20)
    process.stdout.close()  # what head does once it has its bytes
    errors = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    status = process.wait(timeout=60)

    assert first.startswith(b"[")
    assert "error" not in errors and "Traceback" not in errors, errors
    assert status == 141

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reader.archive import Archive
from tests.support.archives import add_issue
from tests.support.cli import run_cli
from tests.support.issues import invented_issue


@pytest.fixture
def folder(archive_dir: Path) -> Path:
    with Archive(archive_dir) as archive:
        add_issue(archive, invented_issue())
    return archive_dir


def test_note_commands(folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert run_cli(folder, capsys, "note", "add", "1", "<script>alert(1)</script>")[0] == 0
    long_note = "# 长笔记\n\n- <b>要点</b>\n" + "内容" * 5000
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(long_note.encode("utf-8"))))
    assert run_cli(folder, capsys, "note", "add", "1", "-")[0] == 0
    code, out, _ = run_cli(folder, capsys, "note", "list", "1", "--json")
    notes = json.loads(out)
    assert code == 0
    assert [n["text"] for n in notes] == ["<script>alert(1)</script>", long_note]
    assert set(notes[0]) == {"id", "article_id", "text", "created", "updated"}
    assert run_cli(folder, capsys, "note", "edit", str(notes[0]["id"]), "改过")[0] == 0
    assert run_cli(folder, capsys, "note", "delete", str(notes[1]["id"]))[0] == 0
    code, out, _ = run_cli(folder, capsys, "note", "list", "--json")
    assert [n["text"] for n in json.loads(out)] == ["改过"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["note", "add", "99", "x"], "no article 99"),
        (["note", "add", "abc", "x"], "must be a number"),
        (["note", "edit", "7", "x"], "no note 7"),
        (["note", "delete", "0"], "positive"),
        (["bookmark", "delete", "1"], "has no bookmark"),
        (["bookmark", "add", "1", "--position", "99999"], "outside article 1"),
        (["highlight", "add", "1", "4", "2"], "does not fit"),
        (["highlight", "add", "1", "0", "2", "--color", "nope"], "unknown highlight colour"),
        (["highlight", "delete", "3"], "no highlight 3"),
        (["tag", "remove", "1", "乳业"], "has no tag"),
        (["tag", "add", "1", "a b"], "without spaces"),
    ],
)
def test_bad_input_gives_one_line_and_non_zero_exit(
    folder: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _out, err = run_cli(folder, capsys, *argv)
    assert code != 0
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_bookmark_highlight_tag_commands(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(folder, capsys, "bookmark", "add", "2")[0] == 0
    assert run_cli(folder, capsys, "bookmark", "add", "1", "--position", "4")[0] == 0
    bookmarks = json.loads(run_cli(folder, capsys, "bookmark", "list", "--json")[1])
    assert [(b["article_id"], b["position"]) for b in bookmarks] == [(1, 4), (2, None)]
    assert {"id", "article_id", "created"} <= set(bookmarks[0])

    # Offsets count characters of the text as `reader list --json` gives it.
    (issue,) = json.loads(run_cli(folder, capsys, "list", "--json")[1])
    article = issue["articles"][0]
    text = article["text"]
    assert (
        run_cli(folder, capsys, "highlight", "add", str(article["id"]), "3", "7", "--note", "看")[0]
        == 0
    )
    (highlight,) = json.loads(run_cli(folder, capsys, "highlight", "list", "1", "--json")[1])
    assert highlight["quote"] == text[3:7]
    assert (highlight["start"], highlight["end"], highlight["color"], highlight["note"]) == (
        3,
        7,
        "yellow",
        "看",
    )
    assert highlight["status"] == "anchored"
    assert run_cli(folder, capsys, "highlight", "delete", str(highlight["id"]))[0] == 0
    assert json.loads(run_cli(folder, capsys, "highlight", "list", "--json")[1]) == []

    for article in ("1", "2"):
        assert run_cli(folder, capsys, "tag", "add", article, "乳业")[0] == 0
    assert run_cli(folder, capsys, "tag", "add", "1", "政策")[0] == 0
    assert run_cli(folder, capsys, "tag", "remove", "2", "乳业")[0] == 0
    tags = json.loads(run_cli(folder, capsys, "tag", "list", "--json")[1])
    assert tags == [{"name": "乳业", "count": 1}, {"name": "政策", "count": 1}]


def test_export_import_commands(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_cli(folder, capsys, "note", "add", "1", "<b>带到另一台电脑</b>")
    run_cli(folder, capsys, "tag", "add", "2", "机器人")
    exported = tmp_path / "annotations.json"
    assert run_cli(folder, capsys, "annotations", "export", str(exported))[0] == 0
    other = tmp_path / "other"
    with Archive(other) as archive:
        add_issue(archive, invented_issue())
    code, out, _ = run_cli(other, capsys, "annotations", "import", str(exported))
    assert code == 0
    assert "2 articles matched, 0 unmatched" in out
    code, out, _ = run_cli(other, capsys, "annotations", "import", str(exported))
    assert "added 0 notes, 0 bookmarks, 0 highlights, 0 tags (2 already there)" in out
    notes = json.loads(run_cli(other, capsys, "note", "list", "--json")[1])
    assert [n["text"] for n in notes] == ["<b>带到另一台电脑</b>"]
    code, _, err = run_cli(other, capsys, "annotations", "import", str(tmp_path / "missing.json"))
    assert code != 0
    assert "missing.json: cannot read it" in err

"""``reader brief …`` and ``reader export``: the store and the exporters from a terminal."""

from __future__ import annotations

import json

import docx
import pytest

from tests.export.samples import ARTICLES
from tests.support.cli import run_cli


@pytest.fixture
def cli(sample_archive, capsys):
    """Run ``reader --archive DIR …``; returns (exit code, stdout, stderr)."""
    archive, ids = sample_archive

    def run(*args: object) -> tuple[int, str, str]:
        return run_cli(archive.folder, capsys, *args)

    run.ids = ids  # type: ignore[attr-defined]
    return run


def test_brief_commands_create_fill_reorder_and_show(cli):
    a, b, c = cli.ids
    assert cli("brief", "create", "汇编", "--title", "科技专题", "--compiler", "中心")[0] == 0
    assert cli("brief", "add", "汇编", a, b, c)[0] == 0
    assert cli("brief", "move", "汇编", c, 1)[0] == 0
    assert cli("brief", "remove", "汇编", b)[0] == 0
    assert cli("brief", "note", "汇编", a, "请阅 <b>")[0] == 0
    code, out, _ = cli("brief", "show", "汇编", "--json")
    shown = json.loads(out)
    assert code == 0
    assert (shown["title"], shown["compiler"]) == ("科技专题", "中心")
    assert [(i["article_id"], i["position"], i["note"]) for i in shown["articles"]] == [
        (c, 1, None),
        (a, 2, "请阅 <b>"),
    ]
    assert shown["articles"][1]["title"] == ARTICLES[0].title
    code, out, _ = cli("brief", "show", "汇编")
    assert out.splitlines()[0] == "科技专题" and "请阅 <b>" in out


def test_brief_list_rename_duplicate_delete(cli):
    cli("brief", "create", "甲")
    cli("brief", "add", "甲", *cli.ids)
    assert cli("brief", "rename", "甲", "乙")[0] == 0
    assert cli("brief", "duplicate", "乙", "丙")[0] == 0
    code, out, _ = cli("brief", "list", "--json")
    assert code == 0
    listed = {b["name"]: b["article_count"] for b in json.loads(out)}
    assert listed == {"乙": 3, "丙": 3}
    assert cli("brief", "delete", "乙")[0] == 0
    _code, out, _ = cli("brief", "list")
    assert out.startswith("丙\t3 articles")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("brief", "show", "没有"), "no brief named '没有'"),
        (("brief", "add", "甲", "abc"), "article id must be a number"),
        (("brief", "add", "甲", "999"), "no article with id 999"),
        (("brief", "create", "甲"), "already exists"),
        (("export", "-o", "out.txt", "1"), "say --format"),
        (("export", "-o", "out.md"), "give --brief NAME or the ids"),
        (("export", "-o", "out.md", "1"), "give the brief a --title"),
        (("export", "--title", "T", "-o", "out.md", "999"), "no article with id 999"),
        (("export", "--brief", "没有", "-o", "out.md"), "no brief named"),
    ],
)
def test_bad_requests_fail_in_one_line(cli, args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli("brief", "create", "甲")
    code, _out, err = cli(*args)
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not list(tmp_path.glob("out.*"))


def test_export_from_a_saved_brief_and_from_ids(cli, tmp_path):
    a, b, c = cli.ids
    cli("brief", "create", "汇编", "--title", "专题<b>汇编</b>", "--preface", "编者按。")
    cli("brief", "add", "汇编", c, a)
    out = tmp_path / "brief.docx"
    code, stdout, _ = cli("export", "--brief", "汇编", "-o", out)
    assert code == 0 and str(out) in stdout
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert headings == [ARTICLES[2].title, ARTICLES[0].title]

    md = tmp_path / "ids.txt"
    code, _, _ = cli("export", "--title", "直接导出", "--format", "md", "-o", md, b, a)
    text = md.read_text(encoding="utf-8")
    assert code == 0 and text.startswith("# 直接导出\n")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[-2:] == [
        "## \\<script\\>alert(1)\\</script\\>关于\\*人工智能\\*赋能 #产业 的\\<b\\>调研\\</b\\>",
        f"## {ARTICLES[0].title}",
    ]


def test_export_includes_notes_and_highlights_only_when_asked(cli, sample_archive, tmp_path):
    archive, ids = sample_archive
    archive.db.execute(
        "INSERT INTO notes (article_id, text, created, updated) VALUES (?, '我的批注', 'a', 'a')",
        [ids[0]],
    )
    archive.db.execute(
        'INSERT INTO highlights (article_id, start, "end", quote, color, created, updated) '
        "VALUES (?, 0, 4, '今年以来', 'yellow', 'a', 'a')",
        [ids[0]],
    )
    plain, full = tmp_path / "plain.html", tmp_path / "full.html"
    cli("export", "--title", "T", "-o", plain, ids[0])
    cli("export", "--title", "T", "-o", full, "--include-notes", "--include-highlights", ids[0])
    assert "我的批注" not in plain.read_text(encoding="utf-8")
    text = full.read_text(encoding="utf-8")
    assert "我的批注" in text and "<mark>今年以来</mark>" in text


def test_exports_are_recorded_and_shown_as_in_briefs(cli, tmp_path):
    a, b, c = cli.ids
    assert cli("brief", "create", "月报", "--title", "科技月报")[0] == 0
    assert cli("brief", "add", "月报", a, b)[0] == 0
    _, before, _ = cli("show", a, "--json")
    assert json.loads(before)["in_briefs"] == []
    assert cli("export", "--brief", "月报", "-o", tmp_path / "m.md")[0] == 0
    assert cli("export", a, c, "--title", "临时汇编", "-o", tmp_path / "t.html")[0] == 0

    shown = {i: json.loads(cli("show", i, "--json")[1])["in_briefs"] for i in (a, b, c)}
    assert [r["brief"] for r in shown[a]] == ["月报", "临时汇编"]
    assert [r["brief"] for r in shown[b]] == ["月报"]
    assert [r["brief"] for r in shown[c]] == ["临时汇编"]
    assert all(r["exported_at"][:4].isdigit() for r in shown[a])
    assert "已编入《月报》" in cli("show", b)[1]
    # A deleted brief's exports are still on record.
    assert cli("brief", "delete", "月报")[0] == 0
    assert [r["brief"] for r in json.loads(cli("show", b, "--json")[1])["in_briefs"]] == ["月报"]


def test_export_warns_on_stderr_about_the_same_article_twice(cli, tmp_path):
    a, b, _ = cli.ids
    code, _, err = cli("export", a, b, a, "--title", "T", "-o", tmp_path / "x.md")
    assert code == 0
    assert "warning: the same article is in the brief more than once (articles 1、3)" in err

"""Excerpts (摘编): a brief entry that goes out as chosen passages, in the store, on the
command line and in every export format, each with its 摘编自 source line."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import docx
import pytest

from reader import briefs, excerpts
from reader.annotations.undelete import remove_brief_entry, undelete
from reader.briefs import BriefError
from reader.cli import main
from reader.export import export_brief
from reader.store.issues import get_article
from tests.export.samples import ARTICLES, squeeze

FIRST = ARTICLES[0].paragraphs[2]  # 一是完善制度体系。…
SECOND = "培育技术经纪人 120 名"  # inside 二、优化服务体系。…
LEFT_OUT = ("二是加大资金投入", "人民自治区自主创新")
EXCERPT_SOURCE = "（摘编自《科技情报参考》2023年第8期）"


def _span(db, article_id: int, passage: str) -> tuple[int, int]:
    text = get_article(db, article_id).text
    start = text.index(passage)
    return start, start + len(passage)


@pytest.fixture
def excerpt_brief(sample_archive):
    """Brief "摘编": sample article 0 as two passages (given in reverse order), then
    article 2 whole."""
    archive, ids = sample_archive
    db = archive.db
    briefs.create_brief(db, "摘编", "摘编测试")
    excerpts.add_excerpt(db, "摘编", ids[0], *_span(db, ids[0], SECOND))
    excerpts.add_excerpt(db, "摘编", ids[0], *_span(db, ids[0], FIRST))
    briefs.add_articles(db, "摘编", [ids[2]])
    return archive, ids


def test_an_excerpt_entry_holds_its_passages_in_reading_order(excerpt_brief):
    archive, ids = excerpt_brief
    record = briefs.get_brief(archive.db, "摘编")
    assert record.article_ids == [ids[0], ids[2]]
    first, whole = record.items
    assert [e.text for e in first.excerpts] == [FIRST, SECOND]
    assert first.is_excerpt and not whole.is_excerpt


def test_an_excerpt_is_trimmed_kept_once_and_must_hold_text(excerpt_brief):
    archive, ids = excerpt_brief
    db = archive.db
    start, end = _span(db, ids[0], "120")  # in 经纪人 120 名
    excerpts.add_excerpt(db, "摘编", ids[0], start - 1, end + 1)  # the spaces around it
    excerpts.add_excerpt(db, "摘编", ids[0], start, end)
    kept = [e.text for e in briefs.get_brief(db, "摘编").items[0].excerpts]
    assert kept == [FIRST, SECOND, "120"]
    with pytest.raises(BriefError, match="holds no text"):
        excerpts.add_excerpt(db, "摘编", ids[0], start - 1, start)
    with pytest.raises(BriefError, match="not within article"):
        excerpts.add_excerpt(db, "摘编", ids[0], 0, 10**6)


def test_whole_makes_the_entry_a_whole_article_again(excerpt_brief):
    archive, ids = excerpt_brief
    record = excerpts.clear_excerpts(archive.db, "摘编", ids[0])
    assert not record.items[0].is_excerpt


def test_undoing_a_removed_excerpt_entry_brings_its_passages_back(excerpt_brief):
    archive, ids = excerpt_brief
    deletion = remove_brief_entry(archive.db, briefs.get_brief(archive.db, "摘编").id, ids[0])
    assert briefs.get_brief(archive.db, "摘编").article_ids == [ids[2]]
    undelete(archive.db, deletion)
    item = briefs.get_brief(archive.db, "摘编").items[0]
    assert item.article_id == ids[0]
    assert [e.text for e in item.excerpts] == [FIRST, SECOND]


def test_a_duplicated_brief_keeps_the_excerpts(excerpt_brief):
    archive, _ = excerpt_brief
    copy = briefs.duplicate(archive.db, "摘编", "摘编二")
    assert [e.text for e in copy.items[0].excerpts] == [FIRST, SECOND]


def _text_of(path, fmt: str) -> str:
    if fmt == "docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if fmt == "pdf":
        if shutil.which("pdftotext") is None:
            pytest.skip("poppler-utils is not installed")
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    text = path.read_text(encoding="utf-8")
    if fmt == "md":  # what a Markdown viewer shows
        markdown_it = pytest.importorskip("markdown_it")
        text = "</style>" + markdown_it.MarkdownIt("commonmark").render(text)
    if fmt in ("html", "md"):  # what a browser shows: the text without its tags
        text = html.unescape(re.sub(r"<[^>]*>", "", text.split("</style>", 1)[1]))
    return text


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html", "md"])
def test_every_format_writes_the_passages_alone_with_a_zhaibian_source_line(
    excerpt_brief, tmp_path, fmt
):
    archive, _ = excerpt_brief
    out = export_brief(archive.db, tmp_path / f"e.{fmt}", fmt, brief="摘编")
    text = squeeze(_text_of(out, fmt))
    assert squeeze(EXCERPT_SOURCE) in text
    at_source = text.index(squeeze(EXCERPT_SOURCE))
    assert text.index(squeeze(FIRST), at_source) < text.index(squeeze(SECOND), at_source)
    for passage in LEFT_OUT:
        assert squeeze(passage) not in text
    # The whole article after it keeps its ordinary source line and every paragraph.
    assert "（来源：刊名、期号不详）" in text
    assert all(squeeze(p) in text for p in ARTICLES[2].paragraphs if "―" not in p)


def test_cli_adds_an_excerpt_by_quote_or_offsets_and_shows_it(sample_archive, capsys):
    archive, ids = sample_archive
    folder = str(archive.folder)
    assert main(["--archive", folder, "brief", "create", "摘编"]) == 0
    by_quote = ["brief", "add-excerpt", "摘编", str(ids[0]), "--quote", FIRST]
    assert main(["--archive", folder, *by_quote]) == 0
    start, end = _span(archive.db, ids[0], SECOND)
    args = ["brief", "add-excerpt", "摘编", str(ids[0]), str(start), str(end)]
    assert main(["--archive", folder, *args]) == 0
    capsys.readouterr()
    assert main(["--archive", folder, "brief", "show", "摘编", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [e["text"] for e in shown["articles"][0]["excerpts"]] == [FIRST, SECOND]
    assert main(["--archive", folder, "brief", "add-excerpt", "摘编", str(ids[0])]) != 0
    assert "START END or as --quote" in capsys.readouterr().err
    assert main(["--archive", folder, "brief", "whole", "摘编", str(ids[0])]) == 0
    capsys.readouterr()
    main(["--archive", folder, "brief", "show", "摘编", "--json"])
    assert json.loads(capsys.readouterr().out)["articles"][0]["excerpts"] == []


def test_cli_help_describes_add_excerpt(capsys):
    with pytest.raises(SystemExit):
        main(["brief", "--help"])
    out = capsys.readouterr().out
    assert "add-excerpt" in out and "摘编" in out

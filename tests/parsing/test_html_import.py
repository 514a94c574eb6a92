"""Saved web pages (.html in GB2312/GBK, .mht archives) import like the bulletin's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.parsing.files import parse_file
from reader.parsing.html import decode_html, html_blocks
from reader.parsing.model import SourceError
from tests.parsing.corpus_expect import EXPECTED
from tests.parsing.test_corpus import corpus_file
from tests.support.make_samples import sample_issue, sample_issue_numbers
from tests.support.series_layouts import LAYOUTS, series_issue, series_text, without_pages
from tests.support.text_renditions import source_units
from tests.support.typeset import article_pages, differences
from tests.support.typeset_html import SIDEBAR, issue_lines, page_html, write_html, write_mht


@pytest.mark.corpus
@pytest.mark.parametrize("suffix", [".html", ".mht"])
@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_seed_saved_as_a_web_page_parses_as_its_text(
    corpus_dir: Path, tmp_path: Path, stem: str, suffix: str
) -> None:
    original = corpus_file(corpus_dir, stem)
    lines = [line for unit in source_units(original.read_text(encoding="utf-8")) for line in unit]
    path = tmp_path / f"issue{suffix}"
    (write_mht if suffix == ".mht" else write_html)(path, lines)
    fmt, issue = parse_file(path)
    assert fmt == suffix[1:]
    _, want = parse_file(original)
    assert issue == want


@pytest.mark.parametrize("number", sample_issue_numbers())
def test_invented_issue_in_a_gbk_page_with_site_chrome(tmp_path: Path, number: int) -> None:
    issue = sample_issue(number)
    titles = [a.title for a in issue.articles]
    path = write_html(tmp_path / "page.htm", issue_lines(issue), titles=titles, encoding="gbk")
    assert b"charset=gbk" in path.read_bytes()
    _, got = parse_file(path)
    assert differences(issue, got, article_pages(issue)) == []
    text = "\n".join(a.text for a in got.articles)
    for chrome in ("首页", "相关链接", "版权所有", "统计代码", "当前位置"):
        assert chrome not in text


def test_other_series_layout_in_a_web_archive(tmp_path: Path) -> None:
    layout = without_pages(LAYOUTS[0])
    lines = series_text(series_issue(), layout).splitlines()
    _, got = parse_file(write_mht(tmp_path / "kjdt.mhtml", lines))
    want = layout.expected()
    assert (got.total_no, got.date, got.marking, got.preface) == (
        want.total_no,
        want.date,
        want.marking,
        want.preface,
    )
    assert [(a.title, a.paragraphs, a.column, a.source) for a in got.articles] == [
        (a.title, a.paragraphs, a.column, a.source) for a in want.articles
    ]


def test_a_utf8_page_without_a_charset_and_br_lines(tmp_path: Path) -> None:
    issue = sample_issue(4)
    lines = issue_lines(issue)
    markup = page_html(lines, charset="utf-8").replace(
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', ""
    )
    # One <p> with <br> between the lines, as some editors save a page.
    start, end = markup.index("<p"), markup.rindex("</p>") + 4
    joined = "<p>" + "<br>".join(lines) + "</p>"
    path = tmp_path / "page.html"
    path.write_text(markup[:start] + joined + markup[end:], encoding="utf-8")
    _, got = parse_file(path)
    assert differences(issue, got, article_pages(issue)) == []


def test_a_contents_table_reads_as_contents_lines() -> None:
    markup = (
        "<html><body><table><tr><td>北河市出台支持科技型企业发展十条措施</td><td>2</td></tr>"
        "<tr><td>南川县建立科技成果转化收益分配新机制</td><td>3</td></tr></table>"
        "<p>北河市印发若干措施，从研发投入、人才引进、金融服务等方面提出十条具体举措。</p>"
        "</body></html>"
    )
    assert [b.text for b in html_blocks(markup)] == [
        "北河市出台支持科技型企业发展十条措施\u3000\u30002",
        "南川县建立科技成果转化收益分配新机制\u3000\u30003",
        "北河市印发若干措施，从研发投入、人才引进、金融服务等方面提出十条具体举措。",
    ]


def test_gb2312_label_on_gbk_characters_still_decodes() -> None:
    data = '<meta charset="gb2312"><p>镕基与喆</p>'.encode("gbk")  # 镕 and 喆 are not GB2312
    assert "镕基与喆" in decode_html(data)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.html", b"", "empty file"),
        ("chrome.html", page_html([]).encode("gb18030"), "the web page holds no text"),
        ("broken.mht", b"MIME-Version: 1.0\nContent-Type: text/plain\n\nhello", "holds no web"),
        ("pdf.htm", b"%PDF-1.4 binary", "not a web page"),
    ],
)
def test_bad_pages_are_refused_with_their_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError, match=reason):
        parse_file(path)


def test_links_sidebar_alone_is_no_bulletin() -> None:
    with pytest.raises(SourceError):
        html_blocks(f"<html><body>{SIDEBAR}</body></html>")

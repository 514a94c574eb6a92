"""Variations real issues arrive in: no contents, contents without pages, masthead spellings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.parsing.bulletin import parse_text
from reader.parsing.model import ParsedIssue
from tests.parsing.test_corpus import corpus_file

pytestmark = pytest.mark.corpus
WITH_CONTENTS = ["000", "001", "002", "004"]


def read(corpus_dir: Path, stem: str) -> str:
    return corpus_file(corpus_dir, stem).read_text(encoding="utf-8")


def bodies(issue: ParsedIssue) -> list[tuple[str, list[str]]]:
    return [(article.title, article.paragraphs) for article in issue.articles]


@pytest.mark.parametrize("stem", WITH_CONTENTS)
def test_missing_contents(corpus_dir: Path, stem: str) -> None:
    text = read(corpus_dir, stem)
    without = "\n".join(line for line in text.split("\n") if "★" not in line)
    original, stripped = parse_text(text), parse_text(without)
    assert bodies(stripped) == bodies(original)
    assert all(a.toc_title is None and a.toc_page is None for a in stripped.articles)
    assert (stripped.year, stripped.editor, stripped.phone) == (
        original.year,
        original.editor,
        original.phone,
    )


@pytest.mark.parametrize("stem", WITH_CONTENTS)
def test_contents_without_page_numbers(corpus_dir: Path, stem: str) -> None:
    text = read(corpus_dir, stem)
    lines = [
        re.sub(r"(?:\.+|…+|\s)*\d+$", "", line) if "★" in line else line
        for line in text.split("\n")
    ]
    original, unpaged = parse_text(text), parse_text("\n".join(lines))
    assert bodies(unpaged) == bodies(original)
    assert [a.toc_title for a in unpaged.articles] == [a.toc_title for a in original.articles]
    assert all(a.toc_page is None for a in unpaged.articles)


@pytest.mark.parametrize(
    "date_line",
    [
        "2023年第8期",
        "２０２３年第８期",
        "2023 年第 8 期（总第 123 期）",
        "2023年第8期 总第123期",
        "二〇二三年第八期",
    ],
)
def test_masthead_spellings(corpus_dir: Path, date_line: str) -> None:
    text = read(corpus_dir, "000")
    issue = parse_text(text.replace("2023 年第 8 期", date_line, 1))
    assert (issue.year, issue.issue_no) == (2023, 8)
    assert issue.series == "科技情报参考"
    assert bodies(issue) == bodies(parse_text(text))


def test_footer_with_half_width_colons_and_no_space(corpus_dir: Path) -> None:
    issue = parse_text(read(corpus_dir, "001"))
    assert (issue.editor, issue.phone) == ("李涛", "4366683")


def test_markup_in_text_is_kept_as_characters(corpus_dir: Path) -> None:
    text = read(corpus_dir, "000")
    text = text.replace(
        "湖北宜昌：积极推动数字经济发展", "湖北宜昌：<img src=x>积极推动数字经济发展"
    )
    text = text.replace("数字经济是继农业经济", "<script>alert(1)</script>数字经济是继农业经济")
    issue = parse_text(text)
    article = issue.articles[1]
    assert article.title == "湖北宜昌：<img src=x>积极推动数字经济发展"
    assert article.toc_title == article.title
    assert article.paragraphs[0].startswith("<script>alert(1)</script>数字经济")


def test_markup_only_in_the_title_still_finds_its_contents_entry(corpus_dir: Path) -> None:
    text = read(corpus_dir, "001")
    marked = text.replace(
        "\n四川巴中四措并举强化科技项目管理\n", "\n四川巴中四措并举<b>强化</b>科技项目管理\n"
    )
    issue = parse_text(marked)
    article = issue.articles[4]
    assert article.title == "四川巴中四措并举<b>强化</b>科技项目管理"
    assert article.toc_title == "四川巴中四措并举强化科技项目管理"
    assert len(issue.articles) == 6


def test_title_differing_from_contents_by_a_character_is_paired(corpus_dir: Path) -> None:
    issue = parse_text(read(corpus_dir, "004"))
    article = issue.articles[2]
    assert (article.toc_title, article.title, article.toc_page) == (
        "南京市积极打造金融服务生态链 探索赋能科创新路径",
        "南京市积极打造金融服务生态链 探索赋能科技创新路径",
        4,
    )


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_text_without_blank_lines(corpus_dir: Path, stem: str) -> None:
    text = read(corpus_dir, stem)
    dense = "\n".join(line for line in text.split("\n") if line.strip())
    assert parse_text(dense) == parse_text(text)


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_text_with_doubled_blank_lines(corpus_dir: Path, stem: str) -> None:
    text = read(corpus_dir, stem)
    assert parse_text(text.replace("\n\n", "\n\n\n")) == parse_text(text)


@pytest.mark.parametrize(
    ("stem", "entry", "cut"),
    [
        ("000", " - ★ 四川省资阳市注重制度约束 深化市级科技计划管理改革5", "计划管理"),
        ("001", " - ★ 宁波海曙区硬科技创新攻坚促区域共富.....7", "共富....."),
    ],
)
def test_contents_entry_wrapped_onto_a_second_line(
    corpus_dir: Path, stem: str, entry: str, cut: str
) -> None:
    text = read(corpus_dir, stem)
    assert entry in text
    middle = len(cut) // 2 if "." not in cut else len(cut)
    wrapped = text.replace(entry, entry.replace(cut, cut[:middle] + "\n" + cut[middle:]))
    assert parse_text(wrapped) == parse_text(text)


@pytest.mark.parametrize("width", [28, 31, 35])
@pytest.mark.parametrize("stem", ["000", "001", "002"])
def test_titles_in_hard_wrapped_text_without_any_blank_line(
    corpus_dir: Path, stem: str, width: int
) -> None:
    """No blank lines and no trailing spaces: the contents still find every title."""
    from tests.support.text_renditions import rewrap_blank_between

    text = read(corpus_dir, stem)
    dense = "\n".join(line for line in rewrap_blank_between(text, width).split("\n") if line)
    issue, original = parse_text(dense), parse_text(text)
    assert [(a.title, a.toc_page) for a in issue.articles] == [
        (a.title, a.toc_page) for a in original.articles
    ]
    assert "".join("".join(a.paragraphs) for a in issue.articles) == "".join(
        "".join(a.paragraphs) for a in original.articles
    )


@pytest.mark.parametrize("width", [28, 33])
def test_titles_without_a_blank_line_before_their_body(corpus_dir: Path, width: int) -> None:
    from tests.support.text_renditions import rewrap_blank_between

    text = read(corpus_dir, "000")
    issue = parse_text(text)
    rewrapped = rewrap_blank_between(text, width)
    for article in issue.articles:
        rewrapped = rewrapped.replace(f"\n\n{article.title}\n\n", f"\n\n{article.title}\n", 1)
    assert parse_text(rewrapped) == issue


def test_title_that_lost_its_trailing_space_in_pdf_layout(corpus_dir: Path) -> None:
    text = read(corpus_dir, "003")
    title = "贵州省建立推动科技成果转化政策协调机制 \n"
    assert title in text
    assert parse_text(text.replace(title, title.replace(" \n", "\n"))) == parse_text(text)

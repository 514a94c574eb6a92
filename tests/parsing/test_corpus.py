"""The five real bulletins parse into the articles an editor sees, losing no character."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.parsing.files import parse_file
from reader.parsing.model import ParsedIssue
from tests.parsing.corpus_expect import EXPECTED

pytestmark = pytest.mark.corpus
STEMS = sorted(EXPECTED)
_DATE = re.compile(r"^\d{4} 年第 \d+ 期$")
_FOOTER = re.compile(r"^(编辑[:：]|电话[:：]|.*编辑$)")


def corpus_file(corpus_dir: Path, stem: str) -> Path:
    matches = sorted(corpus_dir.glob(f"{stem}_*.txt"))
    if not matches:
        pytest.skip(f"corpus file {stem} is not here")
    return matches[0]


def parsed(corpus_dir: Path, stem: str) -> ParsedIssue:
    fmt, issue = parse_file(corpus_file(corpus_dir, stem))
    assert fmt == "txt"
    return issue


def squeeze(text: str) -> str:
    return "".join(text.split())


def contents_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if "★" in line]


def toc_title_of(line: str) -> str:
    """A contents line's title read with a rule of its own: drop marks, leaders, page."""
    title = re.sub(r"^[-\s★]+", "", line)
    title = re.sub(r"(?:\.+|…+|\s)*\d+$", "", title)
    return title.strip()


@pytest.mark.parametrize("stem", STEMS)
def test_article_count_and_title_starts(corpus_dir: Path, stem: str) -> None:
    issue = parsed(corpus_dir, stem)
    expected = EXPECTED[stem]
    assert len(issue.articles) == expected.count
    for article, start in zip(issue.articles, expected.title_starts, strict=True):
        assert article.title.startswith(start)
        assert article.title == article.title.strip()
        assert article.paragraphs, f"{article.title} has no body"
    assert issue.warnings == []


@pytest.mark.parametrize("stem", STEMS)
def test_metadata(corpus_dir: Path, stem: str) -> None:
    issue = parsed(corpus_dir, stem)
    expected = EXPECTED[stem]
    assert (issue.year, issue.issue_no) == (expected.year, expected.issue_no)
    if expected.year is None:
        assert (issue.series, issue.editor_org, issue.editor, issue.phone) == (None,) * 4
    else:
        assert issue.series == "科技情报参考"
        assert issue.editor_org == "呼和浩特市科学技术局综合保障中心"
        assert issue.editor == "李涛"
        assert issue.phone == "4366683"


@pytest.mark.parametrize("stem", ["000", "001", "002", "004"])
def test_titles_match_their_contents_lines(corpus_dir: Path, stem: str) -> None:
    path = corpus_file(corpus_dir, stem)
    issue = parsed(corpus_dir, stem)
    lines = contents_lines(path.read_text(encoding="utf-8"))
    assert len(lines) == len(issue.articles)
    pages = []
    for line, article in zip(lines, issue.articles, strict=True):
        assert article.toc_title == toc_title_of(line)
        assert line.endswith(str(article.toc_page))
        pages.append(article.toc_page)
        if stem == "004" and article.title.startswith("南京市积极"):
            assert article.toc_title.endswith("赋能科创新路径")
            assert article.title.endswith("赋能科技创新路径")
        else:
            assert article.title == article.toc_title
    assert pages == sorted(pages)
    assert all(page is not None for page in pages)


def test_issue_without_contents_has_no_toc_values(corpus_dir: Path) -> None:
    issue = parsed(corpus_dir, "003")
    assert all(a.toc_title is None and a.toc_page is None for a in issue.articles)
    assert issue.articles[0].title == "内蒙古自治区再投 4 亿元科技资金支持乳业国创中心创新能力建设"


@pytest.mark.parametrize("stem", STEMS)
def test_no_character_is_lost(corpus_dir: Path, stem: str) -> None:
    """All the file's characters = masthead and contents + the articles + the footer."""
    text = corpus_file(corpus_dir, stem).read_text(encoding="utf-8")
    issue = parsed(corpus_dir, stem)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if issue.year is None:
        head: list[str] = []
        tail: list[str] = []
    else:
        first_title = lines.index(issue.articles[0].title)
        head, tail = lines[:first_title], lines[-3:]
        for line in head:
            assert (
                line in ("科技情报参考", "-")
                or "★" in line
                or _DATE.match(line)
                or (line.endswith("编辑"))
            ), line
        assert all(_FOOTER.match(line) for line in tail)
    articles = "".join(squeeze(a.title) + squeeze("".join(a.paragraphs)) for a in issue.articles)
    assert squeeze(text) == squeeze("".join(head)) + articles + squeeze("".join(tail))


@pytest.mark.parametrize("stem", STEMS)
def test_bodies_hold_no_masthead_contents_or_footer(corpus_dir: Path, stem: str) -> None:
    for article in parsed(corpus_dir, stem).articles:
        for paragraph in article.paragraphs:
            assert "编辑：" not in paragraph and "编辑:" not in paragraph
            assert "电话" not in paragraph
            assert "★" not in paragraph
            assert paragraph.strip() != "科技情报参考"
            assert paragraph == paragraph.strip() and paragraph


def _finishes(paragraph: str) -> bool:
    return paragraph[-1] in "。！？；：”）)" or len(paragraph) < 40


@pytest.mark.parametrize("stem", STEMS)
def test_no_paragraph_stops_mid_sentence(corpus_dir: Path, stem: str) -> None:
    for article in parsed(corpus_dir, stem).articles:
        for paragraph in article.paragraphs:
            assert _finishes(paragraph), paragraph[-30:]


@pytest.mark.parametrize(
    ("stem", "joined"),
    [
        ("000", "乳业知识产权服务平台；以及正在组建"),
        ("000", "省级 A 类研发机构 2 家"),
        ("000", "共服务全区78 家企事业单位"),
        ("001", "帮助解决项目实施过程中的困难和问题。"),
        ("001", "宁夏（上海）科创中心即将投入运行。成功举办首届宁夏科技成果"),
        ("001", "研发费用增速 16.6%,增速从年初全省第 11 位"),
        ("002", "构建了“1+3”科技创新平台体系"),
        ("002", "推深做实皖江中心新一轮三方共建"),
        ("004", "与“金融顾问”的精准对接"),
        ("003", "开展 28 项开放性课题，探索"),
        ("003", "科技伦理委员会的成立，对完善"),
    ],
)
def test_page_break_splits_are_joined(corpus_dir: Path, stem: str, joined: str) -> None:
    paragraphs = [p for a in parsed(corpus_dir, stem).articles for p in a.paragraphs]
    assert sum(joined in p for p in paragraphs) == 1


def test_paragraph_ending_with_a_parenthesis_is_not_joined(corpus_dir: Path) -> None:
    first = parsed(corpus_dir, "001").articles[0]
    assert first.paragraphs[0].endswith("（以下简称《通知》）")
    assert first.paragraphs[1].startswith("《通知》从")


@pytest.mark.parametrize(
    ("stem", "title_start", "paragraph_starts"),
    [
        ("001", "宁夏科技体制", ["一、优化资源", "一是创新平台", "二、完善政策", "四、改革科技"]),
        ("001", "四川绵阳", ["(1) 打造", "(2) 激活", "(3) 优化"]),
        ("001", "内蒙古：", ["——创建", "——构筑", "——实施"]),
        ("001", "宁波海曙", ["促进科技经济融通 推动创新驱动高质量发展。一是"]),
        ("002", "南京市扎实", ["一是聚焦", "二是构建", "三、强化"]),
        ("003", "湖北潜江：", ["一、优化创新环境", "二、集聚资源要素", "三、集聚产业特色"]),
    ],
)
def test_subheadings_stay_in_the_body(
    corpus_dir: Path, stem: str, title_start: str, paragraph_starts: list[str]
) -> None:
    article = next(a for a in parsed(corpus_dir, stem).articles if a.title.startswith(title_start))
    for start in paragraph_starts:
        assert sum(p.startswith(start) for p in article.paragraphs) == 1, start


def test_same_article_in_two_issues_is_identical(corpus_dir: Path) -> None:
    def nanjing(stem: str) -> tuple[str, list[str]]:
        article = next(
            a for a in parsed(corpus_dir, stem).articles if a.title.startswith("南京市扎实")
        )
        return article.title, article.paragraphs

    assert nanjing("000") == nanjing("002")
    assert "\n".join(nanjing("000")[1]).encode() == "\n".join(nanjing("002")[1]).encode()


@pytest.mark.parametrize(
    ("stem", "printed"),
    [
        ("000", "已集聚 102 家成员单位"),
        ("004", "科技使者特派员 星罗棋布领头雁"),
        ("004", "部門"),
        ("000", "中小學生"),
        ("001", "supOS 工业操作系统"),
    ],
)
def test_text_is_kept_as_printed(corpus_dir: Path, stem: str, printed: str) -> None:
    paragraphs = [p for a in parsed(corpus_dir, stem).articles for p in a.paragraphs]
    assert any(printed in p for p in paragraphs)


def test_space_inside_a_title_is_kept(corpus_dir: Path) -> None:
    titles = [a.title for a in parsed(corpus_dir, "000").articles]
    assert "四川省资阳市注重制度约束 深化市级科技计划管理改革" in titles

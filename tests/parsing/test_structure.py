"""The structure parser on invented issues: text layouts and extractor blocks with cues."""

from __future__ import annotations

import pytest

from reader.parsing.bulletin import parse_blocks, parse_text
from reader.parsing.model import Block, SourceError
from reader.parsing.reflow import text_blocks
from tests.support.issues import invented_issue, office_text
from tests.support.layout_text import bulletin_text
from tests.support.stories import OFFICE_STORIES
from tests.support.text_renditions import rewrap_pdf_style


def test_text_blocks_keep_every_line_and_its_spaces() -> None:
    blocks = text_blocks(" 课题，探索 \n\n末行")
    assert [block.text for block in blocks] == [" 课题，探索 ", "", "末行"]
    assert all(block.page is None and block.bold is None for block in blocks)


def test_issue_in_the_office_layout() -> None:
    issue = parse_text(office_text())
    assert [a.title for a in issue.articles] == [title for title, _ in OFFICE_STORIES]
    assert [a.toc_page for a in issue.articles] == [2, 4, 6]
    assert (issue.series, issue.year, issue.issue_no) == ("示例情报参考", 2025, 3)
    assert (issue.editor_org, issue.editor, issue.phone) == (
        "北河市科学技术局信息中心",
        "王明",
        "5512345",
    )
    assert issue.warnings == []


def test_page_break_split_is_joined_within_an_article() -> None:
    first = parse_text(office_text()).articles[0]
    assert len(first.paragraphs) == 3
    assert first.paragraphs[1].endswith("为全市科技创新提供了有力支撑。")


def test_standalone_subheadings_stay_paragraphs() -> None:
    second = parse_text(office_text()).articles[1]
    assert second.paragraphs == OFFICE_STORIES[1][1]


def test_issue_without_contents_finds_the_same_articles() -> None:
    with_contents = parse_text(office_text())
    without = parse_text(office_text(contents=False))
    assert [(a.title, a.paragraphs) for a in without.articles] == [
        (a.title, a.paragraphs) for a in with_contents.articles
    ]
    assert all(a.toc_page is None for a in without.articles)


def pdf_text_without_masthead(width: int) -> str:
    """The articles alone in the 003 layout: hard-wrapped, a blank after every line, a
    trailing space closing each paragraph, a leading space after a page break."""
    articles = invented_issue(
        OFFICE_STORIES, None, None, series=None, editor_org=None, editor=None, phone=None
    )
    return rewrap_pdf_style(bulletin_text(articles), width, page_lines=11, first_indent=0)


@pytest.mark.parametrize("width", [20, 28, 33])
def test_hard_wrapped_pdf_text_without_masthead(width: int) -> None:
    issue = parse_text(pdf_text_without_masthead(width))
    reference = parse_text(office_text())
    assert [(a.title, a.paragraphs) for a in issue.articles] == [
        (a.title, a.paragraphs) for a in reference.articles
    ]
    assert (issue.series, issue.year, issue.editor) == (None, None, None)


def _docx(text: str, **cues: object) -> Block:
    defaults: dict[str, object] = {
        "page": 1,
        "size": 12.0,
        "bold": False,
        "centered": False,
        "indented": True,
        "ends_paragraph": True,
    }
    defaults.update(cues)
    return Block(text, **defaults)  # type: ignore[arg-type]


def test_docx_title_over_two_paragraphs_is_joined() -> None:
    title = {"size": 16.0, "bold": True, "centered": True, "indented": False}
    blocks = [
        _docx("北河市深化科技计划", **title),
        _docx("项目管理改革", **title),
        _docx("今年以来，北河市科技局出台 3 项制度。"),
        _docx("南川县推动科技成果转化", **title),
        _docx("全年促成成果转化 56 项。"),
    ]
    issue = parse_blocks(blocks)
    assert [a.title for a in issue.articles] == [
        "北河市深化科技计划项目管理改革",
        "南川县推动科技成果转化",
    ]
    assert issue.articles[0].paragraphs == ["今年以来，北河市科技局出台 3 项制度。"]


def test_docx_paragraph_end_is_respected() -> None:
    title = {"size": 16.0, "bold": True, "centered": True, "indented": False}
    blocks = [
        _docx("北河市深化科技计划项目管理改革", **title),
        _docx("一是优化申报流程，全面推行网上申报"),
        _docx("二是强化过程监管。"),
    ]
    issue = parse_blocks(blocks)
    assert issue.articles[0].paragraphs == [
        "一是优化申报流程，全面推行网上申报",
        "二是强化过程监管。",
    ]


def test_pdf_lines_join_until_an_indented_line() -> None:
    def line(text: str, indented: bool = False, **cues: object) -> Block:
        return Block(text, page=1, size=12.0, bold=False, centered=False, indented=indented)

    title = Block("北河市深化科技计划项目管理改革", page=1, size=16.0, bold=True, centered=True)
    blocks = [
        title,
        line("今年以来，北河市科技局围绕项目管理全流", indented=True),
        line("程，出台 3 项制度。"),
        line("一是优化申报流程。全面推行网上申报，申", indented=True),
        line("报材料压减 40%。"),
    ]
    issue = parse_blocks(blocks)
    assert issue.articles[0].paragraphs == [
        "今年以来，北河市科技局围绕项目管理全流程，出台 3 项制度。",
        "一是优化申报流程。全面推行网上申报，申报材料压减 40%。",
    ]


def test_letter_spaced_masthead_from_a_pdf() -> None:
    text = office_text().replace("示例情报参考", "示 例 情 报 参 考", 1)
    assert parse_text(text).series == "示例情报参考"


NOT_BULLETINS = {
    "novel": "\n\n".join(
        [
            "第一章 风起",
            "那年冬天，雪下得特别大。李明推开门，看见院子里站着一个陌生人。",
            "“你找谁？”他问。",
            "“我找你父亲。”那人说，声音低沉。",
            "第二章 远行",
            "第二天一早，他们就出发了。路上谁也没有说话。",
            "“还有多远？”李明忍不住问。",
            "“快了。”",
        ]
        * 3
    ),
    "shopping list": "购物清单\n\n苹果 3 个\n\n牛奶两盒\n\n鸡蛋一打\n\n面包\n\n洗衣液",
    "readme": "# reader\n\nAn offline archive reader.\n\n## Install\n\npip install reader\n",
    "one line": "今天天气很好。",
}


@pytest.mark.parametrize("name", sorted(NOT_BULLETINS))
def test_text_that_is_no_bulletin_is_refused(name: str) -> None:
    with pytest.raises(SourceError, match=r"^not a bulletin"):
        parse_text(NOT_BULLETINS[name])


@pytest.mark.parametrize(
    ("date_line", "year", "number"),
    [
        ("二〇二五年第十二期", 2025, 12),
        ("2025年第3期（总第45期）", 2025, 3),
        ("2025 年第 21 期", 2025, 21),
    ],
)
def test_masthead_issue_lines(date_line: str, year: int, number: int) -> None:
    issue = parse_text(office_text().replace("2025 年第 3 期", date_line, 1))
    assert (issue.year, issue.issue_no) == (year, number)
    assert len(issue.articles) == 3


def test_masthead_with_notice_and_publication_date() -> None:
    text = office_text().replace(
        "2025 年第 3 期", "内部资料 注意保存\n\n2025 年第 3 期\n\n2025年6月30日", 1
    )
    issue = parse_text(text)
    assert (issue.series, issue.year, issue.issue_no) == ("示例情报参考", 2025, 3)
    assert issue.editor_org == "北河市科学技术局信息中心"
    assert issue.warnings == []
    assert [a.toc_page for a in issue.articles] == [2, 4, 6]


def test_footer_on_one_line_in_brackets() -> None:
    text = office_text().replace("编辑：王 明\n\n电话：5512345", "（编辑：王 明  电话：5512345）")
    issue = parse_text(text)
    assert (issue.editor, issue.phone) == ("王明", "5512345")
    assert issue.articles[-1].paragraphs[-1].endswith("扩大政策覆盖面。")

"""Markdown export: rendered by a CommonMark parser, it shows exactly the brief's text."""

from __future__ import annotations

import pytest

from reader.export import export_brief
from reader.export.markdown import escape_markdown
from tests.export.conftest import BRIEF_TITLE
from tests.export.roundtrip import BRIEF_ORDER, expected_articles
from tests.export.samples import MARKUP_NOTE
from tests.export.test_html import Blocks, article_sections

markdown_it = pytest.importorskip("markdown_it")


def rendered_blocks(markdown: str) -> Blocks:
    html = (
        markdown_it.MarkdownIt("commonmark")
        .enable("table")
        .enable("strikethrough")
        .render(markdown)
    )
    parser = Blocks()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize(
    "text",
    [
        "# 不是标题",
        "1. 不是列表",
        "2) 也不是",
        "- 不是列表",
        "+ 不是列表",
        "> 不是引用",
        "---",
        "===",
        "*强调* **加粗** _下划_ `代码` ~~删除~~ | 竖线 |",
        "<b>标签</b> <!-- 注释 --> &amp; &#20013; &copy;",
        "[链接](http://example.invalid) ![图](x.png) <http://example.invalid>",
        "反斜杠 \\ 结尾\\",
        "\\*已转义\\*",
    ],
)
def test_escaped_text_renders_as_itself(text):
    blocks = rendered_blocks(escape_markdown(text)).blocks
    assert [(b[0], b[2]) for b in blocks] == [("p", text)]


def test_markdown_round_trip_keeps_title_order_sources_and_every_body_character(
    sample_brief, tmp_path
):
    archive, _ = sample_brief
    out = export_brief(archive.db, tmp_path / "brief.md", "md", brief="样例")
    markdown = out.read_text(encoding="utf-8")
    assert markdown.startswith("# ")
    parsed = rendered_blocks(markdown)
    assert [b[2] for b in parsed.blocks if b[0] == "h1"] == [BRIEF_TITLE]
    expected = expected_articles(BRIEF_ORDER)
    assert [b[2] for b in parsed.blocks if b[0] == "li"] == [a.title for a in expected]
    sections = article_sections(parsed.blocks)
    assert len(sections) == len(expected)
    for section, article in zip(sections, expected, strict=True):
        assert section[0] == ["h2", "", article.title]
        assert section[1][2] == article.source
        body = [b[2] for b in section[2:] if not b[2].startswith("编者注：")]
        assert body == article.paragraphs
    assert "编者注：" + MARKUP_NOTE in [b[2] for b in parsed.blocks]
    assert [b[2] for b in parsed.blocks if b[0] == "h3"][:1] == ["一、强化政策引领"]
    assert "**二、优化服务体系**。建设技术转移中心" in markdown

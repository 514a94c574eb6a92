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


INJECTION = "第一行\n# 注入标题\n---\n1. 列表项\n> 引用\n    缩进代码\n\n- 另一项\n```\n代码\n```"
INJECTED_LINES = ["第一行", "# 注入标题", "---", "1. 列表项", "> 引用", "缩进代码", "- 另一项"]


def block_tokens(markdown: str) -> list[str]:
    tokens = markdown_it.MarkdownIt("commonmark").parse(markdown)
    return [t.type for t in tokens if t.level == 0 and t.nesting >= 0]


@pytest.mark.parametrize("where", ["note", "highlight_note", "editor_note", "preface"])
def test_multi_line_text_with_block_markup_stays_plain_text_in_markdown(
    sample_brief, tmp_path, where
):
    from reader import briefs
    from reader.annotations.highlights import add_highlight
    from reader.annotations.notes import add_note

    archive, order = sample_brief
    clean = export_brief(
        archive.db, tmp_path / "clean.md", "md", brief="样例", include_notes=True
    ).read_text(encoding="utf-8")
    if where == "note":
        add_note(archive.db, order[0], INJECTION)
    elif where == "highlight_note":
        add_highlight(archive.db, order[0], 0, 4, note=INJECTION)
    elif where == "editor_note":
        briefs.set_item_note(archive.db, "样例", order[0], INJECTION)
    else:
        briefs.update_brief(archive.db, "样例", preface=INJECTION)
    markdown = export_brief(
        archive.db,
        tmp_path / "brief.md",
        "md",
        brief="样例",
        include_notes=True,
        include_highlights=True,
    ).read_text(encoding="utf-8")

    kinds = block_tokens(markdown)
    # As many headings and rules as the brief without the injection (plus the 划线摘录
    # list where the highlight was added); nothing of the injected text opened a block.
    assert kinds.count("heading_open") == block_tokens(clean).count("heading_open")
    assert kinds.count("hr") == block_tokens(clean).count("hr")
    assert "code_block" not in kinds and "fence" not in kinds
    html = markdown_it.MarkdownIt("commonmark").render(markdown)
    assert "<h1>注入标题" not in html and "<h1># 注入标题" not in html
    shown = rendered_blocks(markdown).blocks
    if where == "preface":  # each line of a preface is a paragraph of its own
        texts = [b[2] for b in shown if b[0] == "p"]
        assert all(line in texts for line in INJECTED_LINES)
        return
    holder = next(b[2] for b in shown if "注入标题" in b[2])
    # The injected lines are all in one block, in order, as written.
    at = 0
    for line in INJECTED_LINES:
        found = holder.find(line, at)
        assert found >= 0, (line, holder)
        at = found + len(line)

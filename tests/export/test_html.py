"""HTML export: read back with html.parser; one file, no scripts, nothing read as markup."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from reader.export import export_brief
from tests.export.conftest import BRIEF_TITLE
from tests.export.roundtrip import BRIEF_ORDER, expected_articles
from tests.export.samples import MARKUP_NOTE

BLOCKS = {"title", "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "style"}


class Blocks(HTMLParser):
    """Block elements in document order as (tag, class, text), plus every tag and attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []
        self.open: list[list[str]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in BLOCKS:
            block = [tag, dict(attrs).get("class") or "", ""]
            self.blocks.append(block)
            self.open.append(block)

    def handle_endtag(self, tag):
        if tag in BLOCKS and self.open and self.open[-1][0] == tag:
            self.open.pop()

    def handle_data(self, data):
        if self.open:
            self.open[-1][2] += data


def read_back(path: Path) -> Blocks:
    parser = Blocks()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def article_sections(blocks: list[list[str]]) -> list[list[list[str]]]:
    sections: list[list[list[str]]] = []
    for block in blocks:
        if block[0] == "h2" and block[2] not in ("编者按", "目　录"):
            sections.append([])
        if sections:
            sections[-1].append(block)
    return sections


def test_html_round_trip_keeps_title_order_sources_and_every_body_character(sample_brief, tmp_path):
    archive, _ = sample_brief
    out = export_brief(archive.db, tmp_path / "brief.html", "html", brief="样例")
    parsed = read_back(out)
    by_tag = lambda tag: [b[2] for b in parsed.blocks if b[0] == tag]  # noqa: E731
    assert by_tag("title") == [BRIEF_TITLE]
    assert by_tag("h1") == [BRIEF_TITLE]
    expected = expected_articles(BRIEF_ORDER)
    contents = [b[2] for b in parsed.blocks if b[0] == "li"]
    assert contents == [a.title for a in expected]
    sections = article_sections(parsed.blocks)
    assert len(sections) == len(expected)
    for section, article in zip(sections, expected, strict=True):
        assert section[0][2] == article.title
        assert section[1] == ["p", "source", article.source]
        body = [b[2] for b in section[2:] if b[1] not in ("editor-note",)]
        assert body == article.paragraphs
    note = next(b[2] for b in parsed.blocks if b[1] == "editor-note")
    assert note == "编者注：" + MARKUP_NOTE


def test_html_sub_headings_are_headings_and_yi_shi_is_body(sample_brief, tmp_path):
    archive, _ = sample_brief
    parsed = read_back(export_brief(archive.db, tmp_path / "b.html", "html", brief="样例"))
    tags = {b[2]: b[0] for b in parsed.blocks}
    assert tags["一、强化政策引领"] == "h3"
    assert tags["（一）搭建对接平台"] == "h4"
    assert (
        tags["一是完善制度体系。出台《示例市促进科技成果转化若干措施》，明确 18 条具体举措。"]
        == "p"
    )
    lead = [t for t in parsed.tags if t[0] == "span" and "lead" in (t[1].get("class") or "")]
    assert lead, "a heading that runs into its paragraph is set off"


def test_html_is_self_contained_and_markup_stays_text(sample_brief, tmp_path):
    archive, _ = sample_brief
    out = export_brief(archive.db, tmp_path / "b.html", "html", brief="样例")
    parsed = read_back(out)
    tag_names = {tag for tag, _ in parsed.tags}
    assert not tag_names & {"script", "img", "link", "iframe", "object", "b", "i", "u"}
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, tag
        assert not any(name.startswith("on") for name in attrs), tag
        if "href" in attrs:
            assert (attrs["href"] or "").startswith("#"), attrs
    style = "".join(b[2] for b in parsed.blocks if b[0] == "style")
    assert "@page" in style and "break-before: page" in style
    assert "url(" not in style and "@import" not in style
    text = out.read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in text

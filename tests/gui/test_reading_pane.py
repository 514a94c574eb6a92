"""The reading pane: plain text in, spans painted over it, clean text out."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive
from reader.search import ensure_index, search
from reader.store.issues import get_article, get_issue
from reader.store.records import ArticleRecord
from reader.ui.reading_pane import CURRENT, SEARCH, ReadingPane, heading_extent
from reader.ui.theme import LIGHT

TITLE = "<img src=x> 标题<b>粗</b><script>alert(1)</script>"
TEXT = (
    "第一段讲南京市的科技。\n一、罕见字𠀀之后的南京市\n(1) 说明：南京市在前，后文"
    + "很长" * 18
    + "。"
)


def _article(title: str = TITLE, text: str = TEXT) -> ArticleRecord:
    return ArticleRecord(1, 1, 1, title, None, 3, text, "hash")


@pytest.fixture
def pane(qtbot):  # type: ignore[no-untyped-def]
    widget = ReadingPane(LIGHT, "Noto Sans CJK SC", 14)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    return widget


def _all_spans(text: str, needle: str) -> list[tuple[int, int]]:
    spans, at = [], text.find(needle)
    while at >= 0:
        spans.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return spans


def test_markup_in_a_title_shows_as_characters(pane) -> None:  # type: ignore[no-untyped-def]
    pane.show_article(_article(), None)
    lines = pane.toPlainText().split("\n")
    assert lines[0] == TITLE
    html = pane.document().toHtml()
    assert "<img" not in html and "&lt;img src=x&gt;" in html
    assert "<script>" not in html


def test_body_paragraphs_are_blocks_in_article_order(pane) -> None:  # type: ignore[no-untyped-def]
    pane.show_article(_article(), None)
    lines = pane.toPlainText().split("\n")
    assert lines[2:] == TEXT.split("\n")
    assert "3" in lines[1]  # the source line names the contents page


def test_every_painted_search_span_covers_the_match(pane) -> None:  # type: ignore[no-untyped-def]
    body = _all_spans(TEXT, "南京市")
    title = _all_spans(TITLE, "标题")
    pane.show_article(_article(), None)
    pane.set_search_spans(body, title)
    painted = pane.painted(SEARCH)
    assert len(painted) == len(body) + len(title) == 4
    # Even after the character outside the BMP (two UTF-16 units in Qt).
    assert [pane.document_text(s, e) for s, e in painted] == ["标题"] + ["南京市"] * 3


def test_going_to_a_match_marks_it_current(pane) -> None:  # type: ignore[no-untyped-def]
    pane.show_article(_article(), None)
    pane.set_search_spans(_all_spans(TEXT, "南京市"))
    pane.go_to_match(2)
    assert pane.current_match() == 2
    (current,) = pane.painted(CURRENT)
    assert pane.document_text(*current) == "南京市"
    assert len(pane.painted(SEARCH)) == 2
    assert pane.toPlainText().split("\n")[2:] == TEXT.split("\n")  # the text is untouched


def test_selection_maps_back_to_article_offsets(pane) -> None:  # type: ignore[no-untyped-def]
    pane.show_article(_article(), None)
    start = TEXT.index("之后")
    pane.select_span(start, start + 5)
    assert pane.selected_span() == (start, start + 5)
    assert TEXT[slice(*pane.selected_span())] == "之后的南京"


def test_copy_gives_clean_plain_text(pane) -> None:  # type: ignore[no-untyped-def]
    pane.show_article(_article(), None)
    start = TEXT.index("讲南京")
    end = TEXT.index("罕见字") + 3
    pane.select_span(start, end)
    mime = pane.createMimeDataFromSelection()
    assert mime.text() == TEXT[start:end]
    assert not mime.hasHtml()


def test_sub_headings_are_styled_and_text_kept(pane) -> None:  # type: ignore[no-untyped-def]
    pane.show_article(_article(text="引言段落。\n一、完善设施\n正文段落。"), None)
    blocks = []
    block = pane.document().begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    heading, body = blocks[3], blocks[4]
    assert heading.text() == "一、完善设施"
    assert heading.begin().fragment().charFormat().font().bold()
    assert not body.begin().fragment().charFormat().font().bold()


def test_heading_extent_covers_short_headings_and_lead_ins() -> None:
    assert heading_extent("一、完善设施") == len("一、完善设施")
    long = "（2）专家现场查看。" + "后文" * 40
    assert heading_extent(long) == len("（2）专家现场查看。")
    assert heading_extent("一是战略目标的制定。") == 0


def test_font_size_change_keeps_spans(pane) -> None:  # type: ignore[no-untyped-def]
    pane.show_article(_article(), None)
    pane.set_search_spans(_all_spans(TEXT, "南京市"))
    pane.set_font_size(20)
    assert pane.font_size == 20
    assert [pane.document_text(s, e) for s, e in pane.painted(SEARCH)] == ["南京市"] * 3


def test_hit_spans_from_search_are_all_painted(qtbot, pane, filled_archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with Archive(filled_archive_dir) as archive:
        ensure_index(archive)
        result = search(archive, "智能饲喂")
        hit = result.hits[0]
        article = get_article(archive.db, hit.article_id)
        assert article is not None
        pane.show_article(article, get_issue(archive.db, article.issue_id))
    pane.set_search_spans(hit.matches, hit.title_matches)
    painted = pane.painted(SEARCH)
    assert len(painted) == len(hit.matches) + len(hit.title_matches) >= 3
    assert {pane.document_text(s, e) for s, e in painted} == {"智能饲喂"}

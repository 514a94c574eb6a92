"""The reading pane and the export set the same paragraphs as sub-headings."""

from __future__ import annotations

import pytest

from reader.export.model import classify_paragraph
from reader.store.records import ArticleRecord
from reader.ui.reading_pane import ReadingPane
from reader.ui.theme import LIGHT

PARAGRAPHS = [
    "引言段落。",
    "（一）搭建对接平台",
    "一是完善制度体系。出台若干措施。",
    "三、保障措施",
]


@pytest.fixture
def pane(qtbot):  # type: ignore[no-untyped-def]
    widget = ReadingPane(LIGHT, "Noto Sans CJK SC", 14)
    qtbot.addWidget(widget)
    return widget


def _bold_paragraphs(pane: ReadingPane) -> list[str]:
    bold = []
    block = pane.document().begin()
    while block.isValid():
        if block.text() in PARAGRAPHS and block.begin().fragment().charFormat().font().bold():
            bold.append(block.text())
        block = block.next()
    return bold


def test_pane_and_export_agree_on_which_paragraphs_are_headings(pane) -> None:  # type: ignore[no-untyped-def]
    pane.show_article(ArticleRecord(1, 1, 1, "标题", None, None, "\n".join(PARAGRAPHS), "h"), None)
    exported = [text for text in PARAGRAPHS if classify_paragraph(text).is_heading]
    assert _bold_paragraphs(pane) == exported == ["（一）搭建对接平台", "三、保障措施"]

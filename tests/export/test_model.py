"""The neutral document: sub-headings, source lines, order, notes and highlights."""

from __future__ import annotations

import pytest

from reader.export.model import (
    ExportError,
    Paragraph,
    build_document,
    classify_paragraph,
    source_line,
)
from reader.store.records import IssueRecord
from tests.export.samples import ARTICLES, MARKUP_TITLE, SOURCES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、强化政策引领", Paragraph("一、强化政策引领", 1)),
        ("十二、附则", Paragraph("十二、附则", 1)),
        ("（一）搭建对接平台", Paragraph("（一）搭建对接平台", 2)),
        ("(1) 完善机制", Paragraph("(1) 完善机制", 3)),
        (
            "（2）人才支撑持续加强，引进高层次人才 35 名。",
            Paragraph("（2）人才支撑持续加强，引进高层次人才 35 名。", 3),
        ),
        ("一是完善制度体系。出台若干措施。", Paragraph("一是完善制度体系。出台若干措施。")),
        ("二是加大资金投入", Paragraph("二是加大资金投入")),
        ("一般而言，本段是正文。", Paragraph("一般而言，本段是正文。")),
    ],
)
def test_sub_headings_are_recognised_and_yi_shi_stays_body(text, expected):
    assert classify_paragraph(text) == expected


def test_a_heading_that_runs_into_its_paragraph_is_a_lead():
    text = "二、优化服务体系。建设技术转移中心 3 个。"
    paragraph = classify_paragraph(text)
    assert (paragraph.level, paragraph.is_heading) == (1, False)
    assert paragraph.lead_text == "二、优化服务体系。"
    assert paragraph.lead_text + paragraph.rest_text == text


def test_a_long_numbered_line_without_a_sentence_end_is_body():
    text = "一、" + "很长的一段没有句号的文字" * 8
    assert classify_paragraph(text) == Paragraph(text)


def issue(series=None, year=None, issue_no=None) -> IssueRecord:
    return IssueRecord(1, series, year, issue_no, None, None, None, None, None, "2024-01-01")


@pytest.mark.parametrize(
    ("record", "line"),
    [
        (issue("科技情报参考", 2023, 8), "（来源：《科技情报参考》2023年第8期）"),
        (issue("科技情报参考", 2023), "（来源：《科技情报参考》2023年，期数不详）"),
        (issue("科技情报参考"), "（来源：《科技情报参考》，年份、期号不详）"),
        (issue(None, 2022, 8), "（来源：2022年第8期）"),
        (issue(), "（来源：刊名、期号不详）"),
        (None, "（来源：刊名、期号不详）"),
    ],
)
def test_source_line_says_what_is_known(record, line):
    assert source_line(record) == line
    assert "期号未标注" not in line


def test_source_line_of_an_unnumbered_issue_names_its_editor_or_its_file():
    edited = IssueRecord(1, None, None, None, "某市科技局", None, None, None, None, "2024")
    filed = IssueRecord(1, None, None, None, None, None, None, "/in/简报.txt", "txt", "2024")
    assert source_line(edited) == "（来源：某市科技局编印，刊名、期号不详）"
    assert source_line(filed) == "（来源：简报.txt，刊名、期号不详）"


def test_build_document_keeps_the_order_given_and_the_sources(sample_archive):
    archive, ids = sample_archive
    order = [ids[2], ids[0], ids[1]]
    document = build_document(archive.db, order, title="  汇编  ", compiler="中心")
    assert document.title == "汇编"
    assert [a.article_id for a in document.articles] == order
    assert [a.title for a in document.articles] == [
        ARTICLES[2].title,
        ARTICLES[0].title,
        MARKUP_TITLE,
    ]
    assert [a.source for a in document.articles] == [SOURCES[2], SOURCES[0], SOURCES[1]]
    assert [p.text for p in document.articles[1].paragraphs] == ARTICLES[0].paragraphs
    assert document.date  # today, when not given


def test_build_document_refuses_nothing_and_unknown_ids(sample_archive):
    archive, ids = sample_archive
    with pytest.raises(ExportError, match="no articles"):
        build_document(archive.db, [], title="t")
    with pytest.raises(ExportError, match="no article with id 4242"):
        build_document(archive.db, [ids[0], 4242], title="t")


def test_notes_and_highlights_come_only_when_asked(sample_archive):
    archive, ids = sample_archive
    db = archive.db
    db.execute(
        "INSERT INTO notes (article_id, text, created, updated) VALUES (?, ?, 'a', 'a')",
        [ids[0], "我的笔记 <i>"],
    )
    db.execute(
        'INSERT INTO highlights (article_id, start, "end", quote, color, note, created, updated) '
        "VALUES (?, 0, 4, '今年以来', 'yellow', '好开头', 'a', 'a')",
        [ids[0]],
    )
    plain = build_document(db, [ids[0]], title="t").articles[0]
    assert (plain.notes, plain.highlights) == ((), ())
    full = build_document(
        db, [ids[0]], title="t", include_notes=True, include_highlights=True
    ).articles[0]
    assert full.notes == ("我的笔记 <i>",)
    assert [(h.quote, h.note) for h in full.highlights] == [("今年以来", "好开头")]

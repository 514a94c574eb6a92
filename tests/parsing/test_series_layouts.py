"""Other series' layouts: invented issues written in each convention parse back exactly."""

from __future__ import annotations

import pytest

from reader.parsing.bulletin import parse_text
from reader.parsing.model import ParsedIssue
from tests.support.series_layouts import LAYOUTS, SeriesLayout, series_issue, series_text


def fields(issue: ParsedIssue) -> dict[str, object]:
    return {
        "series": issue.series,
        "year": issue.year,
        "issue_no": issue.issue_no,
        "total_no": issue.total_no,
        "date": issue.date,
        "marking": issue.marking,
        "editor_org": issue.editor_org,
        "preface": issue.preface,
    }


def articles(issue: ParsedIssue) -> list[tuple[object, ...]]:
    return [
        (a.title, a.paragraphs, a.column, a.source, a.toc_title, a.toc_page) for a in issue.articles
    ]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
def test_each_layout_parses_back_exactly(layout: SeriesLayout) -> None:
    parsed = parse_text(series_text(series_issue(), layout))
    want = layout.expected()
    assert fields(parsed) == fields(want)
    assert articles(parsed) == articles(want)


def test_running_headers_page_numbers_and_form_feeds_leave_no_trace() -> None:
    layout = LAYOUTS[0]
    text = series_text(series_issue(), layout)
    assert "\f" in text and "- 2 -" in text
    body = "\n".join("\n".join(a.paragraphs) for a in parse_text(text).articles)
    assert "科技动态" not in body and "- " not in body and "\f" not in body


def test_distribution_footer_is_not_part_of_the_last_article() -> None:
    parsed = parse_text(series_text(series_issue(), LAYOUTS[0]))
    last = parsed.articles[-1]
    assert last.paragraphs == series_issue().articles[-1].paragraphs
    assert not any("共印" in p or p.startswith(("报：", "送：", "发：")) for p in last.paragraphs)


def test_column_headings_are_never_articles() -> None:
    parsed = parse_text(series_text(series_issue(), LAYOUTS[0]))
    assert [a.title for a in parsed.articles] == [a.title for a in series_issue().articles]
    assert [a.column for a in parsed.articles] == ["政策动态", "政策动态", "区县动态", "区县动态"]


def test_an_issue_line_with_a_year_keeps_year_number_and_running_number() -> None:
    text = series_text(series_issue(), LAYOUTS[0]).replace(
        "第 12 期（总第 156 期）", "2025年第12期（总第一百五十六期）"
    )
    parsed = parse_text(text)
    assert (parsed.year, parsed.issue_no, parsed.total_no) == (2025, 12, 156)


def test_a_source_closing_the_last_paragraph_is_split_off() -> None:
    issue = series_issue()
    layout = SeriesLayout("inline-source", sources=False, pages=False)
    text = series_text(issue, layout).replace("近百元。", "近百元。（来源：北河日报）")
    parsed = parse_text(text)
    assert parsed.articles[-1].source == "北河日报"
    assert parsed.articles[-1].paragraphs == issue.articles[-1].paragraphs


def test_a_parenthesis_inside_a_sentence_is_not_a_source() -> None:
    layout = SeriesLayout("paren", sources=False, pages=False)
    text = series_text(series_issue(), layout).replace(
        "近百元。", "近百元（据种植户统计，来源：合作社台账）"
    )
    last = parse_text(text).articles[-1]
    assert last.source is None
    assert last.paragraphs[-1].endswith("近百元（据种植户统计，来源：合作社台账）")


def test_a_form_feed_on_its_own_line_still_turns_the_page() -> None:
    text = series_text(series_issue(), LAYOUTS[0]).replace("\f", "\f\n")
    assert articles(parse_text(text)) == articles(LAYOUTS[0].expected())

"""One sub-heading rule: which paragraphs are numbered headings, at what level, how far."""

from __future__ import annotations

import pytest

from reader.parsing.subheadings import (
    MAX_HEADING_LENGTH,
    SubHeading,
    find_subheading,
    heading_extent,
    looks_like_subheading,
)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("一、强化政策引领", 1),
        ("三、保障措施", 1),
        ("第二部分 重点任务", 1),
        ("（一）搭建对接平台", 2),
        ("(1) 完善机制", 3),
        ("（12）专家现场查看", 3),
    ],
)
def test_numbered_headings_are_headings_on_their_own(text: str, level: int) -> None:
    assert find_subheading(text) == SubHeading(level, len(text))
    assert heading_extent(text) == len(text)


@pytest.mark.parametrize(
    "text", ["一是完善制度体系。出台若干措施。", "二是加大资金投入", "①加强组织"]
)
def test_points_within_body_text_stay_plain_though_they_open_a_paragraph(text: str) -> None:
    assert find_subheading(text) is None
    assert heading_extent(text) == 0
    assert looks_like_subheading(text)  # the parser still starts a paragraph there


def test_a_run_in_heading_ends_at_its_first_full_stop() -> None:
    text = "（一）搭建对接平台。" + "建设技术转移中心三个，" * 10 + "成效明显。"
    assert find_subheading(text) == SubHeading(2, len("（一）搭建对接平台。"))


def test_a_long_numbered_paragraph_without_an_early_stop_is_body_text() -> None:
    no_stop = "一、" + "很长的一段没有句号的文字" * 8
    late_stop = "一、" + "很长" * MAX_HEADING_LENGTH + "。后文"
    assert find_subheading(no_stop) is None
    assert find_subheading(late_stop) is None

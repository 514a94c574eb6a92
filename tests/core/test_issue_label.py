"""One name for an issue, said the same way by the store's records, imports and exports."""

from __future__ import annotations

import pytest

from reader.export.model import source_line
from reader.issue_label import issue_label
from reader.messages import EN, ZH
from reader.store.records import IssueRecord


def _record(series: str | None, year: int | None, issue_no: int | None) -> IssueRecord:
    return IssueRecord(1, series, year, issue_no, None, None, None, None, None, "2024-01-01")


@pytest.mark.parametrize(
    ("known", "chinese", "english"),
    [
        (("科技情报参考", 2023, 8), "《科技情报参考》2023年第8期", "《科技情报参考》2023年第8期"),
        (
            ("科技情报参考", 2023, None),
            "《科技情报参考》2023年，期数不详",
            "《科技情报参考》2023年, number unknown",
        ),
        (
            ("科技情报参考", None, None),
            "《科技情报参考》，年份、期号不详",
            "《科技情报参考》, year and number unknown",
        ),
        ((None, 2022, 8), "2022年第8期", "2022年第8期"),
        ((None, None, None), "刊名、期号不详", "series and number unknown"),
    ],
)
def test_an_issue_is_named_by_what_is_known_in_either_language(
    known: tuple[str | None, int | None, int | None], chinese: str, english: str
) -> None:
    assert issue_label(*known).render(ZH) == chinese
    assert issue_label(*known).render(EN) == english
    assert _record(*known).label() == chinese
    assert _record(*known).label(EN) == english
    assert source_line(_record(*known)) == f"（来源：{chinese}）"

"""The sample bulletins shipped in resources/samples import cleanly, each in its format."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.parsing.files import parse_file
from tests.conftest import PROJECT_ROOT
from tests.support.make_samples import (
    OTHER_LAYOUT,
    OTHER_SAMPLE,
    SERIES,
    other_series_issue,
    sample_issue,
    write_samples,
)
from tests.support.typeset import article_pages, differences

SAMPLES = PROJECT_ROOT / "resources" / "samples"
FORMATS = {".txt": "txt", ".pdf": "pdf", ".docx": "docx"}


def sample_files() -> list[Path]:
    """The samples of the house series (the other series' sample is checked on its own)."""
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in FORMATS and p.name != OTHER_SAMPLE)


def test_there_is_a_sample_in_every_format_and_they_are_small() -> None:
    files = sample_files()
    assert {p.suffix for p in files} == set(FORMATS)
    assert sum(p.stat().st_size for p in SAMPLES.iterdir()) < 300 * 1024
    gb18030 = next(p for p in files if "gb18030" in p.name)
    raw = gb18030.read_bytes()
    assert b"\r\n" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_sample_imports_with_its_articles_titles_and_pages(path: Path) -> None:
    kind, issue = parse_file(path)
    assert kind == FORMATS[path.suffix]
    assert issue.series == SERIES and "示例" in issue.series
    assert issue.year == 2024 and issue.issue_no is not None
    expected = sample_issue(issue.issue_no)
    assert 4 <= len(issue.articles) <= 6
    assert differences(expected, issue, article_pages(expected)) == []


def test_samples_in_the_repository_are_what_the_generator_writes(tmp_path: Path) -> None:
    for written in write_samples(tmp_path):
        shipped = SAMPLES / written.name
        assert shipped.read_bytes() == written.read_bytes(), f"regenerate {shipped.name}"


def test_the_other_series_sample_keeps_its_layouts_fields() -> None:
    kind, issue = parse_file(SAMPLES / OTHER_SAMPLE)
    want = OTHER_LAYOUT.expected(other_series_issue())
    assert kind == "txt" and issue.series is not None and "示例" in issue.series
    assert (issue.series, issue.year, issue.issue_no, issue.total_no) == (
        want.series,
        want.year,
        want.issue_no,
        want.total_no,
    )
    assert (issue.date, issue.marking, issue.preface) == (want.date, want.marking, want.preface)
    assert [(a.title, a.paragraphs, a.column, a.source) for a in issue.articles] == [
        (a.title, a.paragraphs, a.column, a.source) for a in want.articles
    ]

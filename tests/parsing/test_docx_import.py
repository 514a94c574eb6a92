"""Bulletins written as Word documents import exactly, and non-bulletins are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.parsing.bulletin import parse_blocks, parse_text
from reader.parsing.docx import extract_docx_blocks
from reader.parsing.model import ParsedArticle, ParsedIssue, SourceError
from tests.conftest import corpus_files
from tests.support.make_samples import sample_issue, sample_issue_numbers
from tests.support.typeset import article_pages, differences, write_docx

VARIANTS = {
    "typed-contents": {},
    "toc-field": {"toc_field": True},
    "hard-line-breaks": {"hard_breaks": True},
}


def imported(issue: ParsedIssue, path: Path, **options: bool) -> ParsedIssue:
    write_docx(issue, path, **options)
    return parse_blocks(extract_docx_blocks(path))


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("number", sample_issue_numbers())
def test_invented_issue_round_trips(tmp_path: Path, number: int, variant: str) -> None:
    issue = sample_issue(number)
    got = imported(issue, tmp_path / "issue.docx", **VARIANTS[variant])
    assert differences(issue, got, article_pages(issue)) == []


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_issue_without_masthead_or_contents_round_trips(tmp_path: Path, variant: str) -> None:
    issue = ParsedIssue(
        articles=[ParsedArticle(a.title, a.paragraphs) for a in sample_issue(5).articles]
    )
    got = imported(issue, tmp_path / "bare.docx", **VARIANTS[variant])
    assert differences(issue, got) == []


def test_a_word_document_that_is_not_a_bulletin_is_refused(tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "letter.docx"
    document = Document()
    for line in (
        "会议通知",
        "各位同事：",
        "定于周五下午三点在三楼会议室开会，请准时参加",
        "办公室",
    ):
        document.add_paragraph(line)
    document.save(str(path))
    with pytest.raises(SourceError, match=r"^not a bulletin"):
        parse_blocks(extract_docx_blocks(path))


@pytest.mark.corpus
@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", [p.name for p in corpus_files()] or ["absent"])
def test_real_bulletin_written_as_docx_imports_exactly(
    corpus_dir: Path, tmp_path: Path, name: str, variant: str
) -> None:
    issue = parse_text((corpus_dir / name).read_text(encoding="utf-8"))
    got = imported(issue, tmp_path / "issue.docx", **VARIANTS[variant])
    assert differences(issue, got) == []

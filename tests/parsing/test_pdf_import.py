"""Bulletins typeset as PDF import exactly: titles, contents pages, metadata, text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.parsing.bulletin import parse_blocks, parse_text
from reader.parsing.model import ParsedArticle, ParsedIssue
from reader.parsing.pdf import extract_pdf_blocks
from tests.conftest import corpus_files
from tests.support.make_samples import sample_issue, sample_issue_numbers
from tests.support.typeset import article_pages, differences, write_pdf

VARIANTS = {
    "plain": {},
    "letter-spaced": {"letter_spacing": True},
    "no-running-header": {"running_header": False},
}


def imported(issue: ParsedIssue, path: Path, **options: bool) -> ParsedIssue:
    write_pdf(issue, path, **options)  # type: ignore[arg-type]
    return parse_blocks(extract_pdf_blocks(path))


def bare(issue: ParsedIssue) -> ParsedIssue:
    """The issue as a page without masthead, contents or footer."""
    return ParsedIssue(articles=[ParsedArticle(a.title, a.paragraphs) for a in issue.articles])


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("number", sample_issue_numbers())
def test_invented_issue_round_trips(tmp_path: Path, number: int, variant: str) -> None:
    issue = sample_issue(number)
    options = VARIANTS[variant]
    got = imported(issue, tmp_path / "issue.pdf", **options)
    pages = article_pages(issue, letter_spacing=bool(options.get("letter_spacing")))
    assert differences(issue, got, pages) == []


def test_contents_pages_are_the_pages_articles_start_on(tmp_path: Path) -> None:
    issue = sample_issue(3)
    path = tmp_path / "issue.pdf"
    got = imported(issue, path)
    blocks = extract_pdf_blocks(path)
    for article in got.articles:
        first_line = next(b for b in blocks if b.bold and article.title.startswith(b.text))
        assert first_line.page == article.toc_page


def test_issue_without_masthead_or_contents_round_trips(tmp_path: Path) -> None:
    issue = bare(sample_issue(3))
    assert differences(issue, imported(issue, tmp_path / "bare.pdf")) == []


@pytest.mark.corpus
@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", [p.name for p in corpus_files()] or ["absent"])
def test_real_bulletin_typeset_as_pdf_imports_exactly(
    corpus_dir: Path, tmp_path: Path, name: str, variant: str
) -> None:
    issue = parse_text((corpus_dir / name).read_text(encoding="utf-8"))
    got = imported(issue, tmp_path / "issue.pdf", **VARIANTS[variant])
    assert differences(issue, got) == []

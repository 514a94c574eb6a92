"""The real seeds and their renditions (text, PDF, DOCX) written by the test typesetters."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

from reader.parsing.files import parse_file
from reader.parsing.model import ParsedArticle, ParsedIssue
from tests.support.typeset import write_docx, write_pdf


def seed_texts(corpus_dir: Path, folder: Path) -> list[Path]:
    """Copies of the five real bulletins' text files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(p, folder / p.name)) for p in sorted(corpus_dir.glob("*.txt"))]


def seed_issue(corpus_dir: Path, prefix: str) -> ParsedIssue:
    (path,) = sorted(corpus_dir.glob(f"{prefix}_*.txt"))
    return parse_file(path)[1]


def render(issue: ParsedIssue, path: Path) -> Path:
    """``issue`` typeset as the file ``path`` names (.pdf or .docx)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".pdf":
        write_pdf(issue, path)
    else:
        write_docx(issue, path)
    return path


def renditions(corpus_dir: Path, folder: Path, suffix: str) -> list[Path]:
    """Each real bulletin typeset as ``suffix`` (".pdf" or ".docx") in ``folder``."""
    return [
        render(parse_file(p)[1], folder / (p.stem + suffix))
        for p in sorted(corpus_dir.glob("*.txt"))
    ]


def _noisy(text: str, every: int) -> str:
    # What extraction does to a text: spacing around numbers gone, half-width commas,
    # a character lost now and then at a line end.
    text = re.sub(r" ?(\d+(?:\.\d+)?) ?", r"\1", text)
    text = text.replace("，", ",", 3)
    return "".join(ch for index, ch in enumerate(text) if index % every != every - 1)


def with_extraction_noise(issue: ParsedIssue, every: int = 400) -> ParsedIssue:
    """``issue`` as a careless extraction reads it (a rendition, not a correction)."""
    articles = [
        dataclasses.replace(a, paragraphs=[_noisy(p, every) for p in a.paragraphs])
        for a in issue.articles
    ]
    return dataclasses.replace(issue, articles=articles)


def without_masthead(issue: ParsedIssue) -> ParsedIssue:
    """The issue as bare pages: no masthead, contents or footer."""
    return ParsedIssue(articles=[ParsedArticle(a.title, a.paragraphs) for a in issue.articles])


def corrected(issue: ParsedIssue, article: int, sentence: str) -> ParsedIssue:
    """A corrected printing: one sentence added to the first paragraph of one article."""
    articles = list(issue.articles)
    first, *rest = articles[article].paragraphs
    articles[article] = dataclasses.replace(articles[article], paragraphs=[first + sentence, *rest])
    return dataclasses.replace(issue, articles=articles)

"""The structure parser: paragraphs into masthead, contents, articles and footer."""

from __future__ import annotations

from collections.abc import Sequence

from reader.parsing.contents import parse_contents
from reader.parsing.masthead import parse_footer, parse_masthead
from reader.parsing.model import Block, ParsedArticle, ParsedIssue, SourceError
from reader.parsing.normalize import has_strong_stop
from reader.parsing.reflow import Para, reflow, text_blocks
from reader.parsing.titles import (
    TitleAt,
    rejoin_page_breaks,
    split_glued_titles,
    titles_from_contents,
    titles_from_cues,
)

__all__ = ["parse_blocks", "parse_text", "text_blocks"]

_QUOTE_OPENERS = "“「『\"'"


def parse_text(text: str) -> ParsedIssue:
    """Parse decoded bulletin text (one block per line); see ``parse_blocks``."""
    return parse_blocks(text_blocks(text))


def parse_blocks(blocks: Sequence[Block]) -> ParsedIssue:
    """Find the issue's masthead, contents, articles and footer in its blocks.

    Titles come from the contents when the issue has any (each entry paired with the
    paragraph over its article, allowing a small difference); otherwise from text and
    layout cues. Paragraphs cut by a page break are joined again within each article.

    Args:
        blocks: lines from ``text_blocks`` or blocks from the PDF/DOCX extractors.

    Returns:
        The parsed issue; ``warnings`` says what could not be placed exactly.

    Raises:
        SourceError: "not a bulletin: …" when no article structure is found.
    """
    paras = reflow(blocks)
    if not paras:
        raise SourceError("source.no_text")
    texts = [para.text for para in paras]
    head, start = parse_masthead(texts)
    entries, start = parse_contents(texts, start)
    end = parse_footer(texts, start, head)
    body = paras[start:end]

    warnings: list[str] = []
    if entries:
        body = split_glued_titles(body, entries)
        titles, warnings = titles_from_contents(body, entries)
        if len(titles) * 2 < len(entries):
            titles = titles_from_cues(body)
            warnings = ["the contents do not match the articles: titles found from the text"]
    else:
        titles = titles_from_cues(body)
    if not titles:
        raise SourceError("source.no_titles")
    if titles[0].index > 0:
        skipped = "".join(para.text for para in body[: titles[0].index])
        warnings.append(f"text before the first article left out: {skipped[:40]}")

    articles = _articles(body, titles)
    if not (entries or head.series or head.year):
        _check_article_text(body, articles)
    return ParsedIssue(
        articles=articles,
        series=head.series,
        year=head.year,
        issue_no=head.issue_no,
        editor_org=head.editor_org,
        editor=head.editor,
        phone=head.phone,
        warnings=warnings,
    )


def _articles(body: Sequence[Para], titles: Sequence[TitleAt]) -> list[ParsedArticle]:
    articles: list[ParsedArticle] = []
    for number, found in enumerate(titles):
        stop = titles[number + 1].index if number + 1 < len(titles) else len(body)
        articles.append(
            ParsedArticle(
                title=found.title,
                paragraphs=rejoin_page_breaks(body[found.index + found.span : stop]),
                toc_title=found.toc_title,
                toc_page=found.toc_page,
            )
        )
    return articles


def _check_article_text(body: Sequence[Para], articles: Sequence[ParsedArticle]) -> None:
    """Without masthead or contents, insist the articles read like reports, not lists or fiction."""
    if any(not any(has_strong_stop(p) for p in article.paragraphs) for article in articles):
        raise SourceError("source.no_structure")
    quoted = sum(1 for para in body if para.text[:1] in _QUOTE_OPENERS and "”" in para.text[:30])
    if len(body) >= 10 and quoted * 3 > len(body):
        raise SourceError("source.reads_like_fiction")

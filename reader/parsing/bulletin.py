"""The structure parser: paragraphs into masthead, contents, articles and footer."""

from __future__ import annotations

from collections.abc import Sequence

from reader.parsing.contents import TocEntry, parse_contents
from reader.parsing.furniture import drop_page_furniture
from reader.parsing.masthead import parse_footer, parse_masthead
from reader.parsing.model import Block, ParsedArticle, ParsedIssue, SourceError
from reader.parsing.normalize import has_strong_stop
from reader.parsing.reflow import Para, reflow, text_blocks
from reader.parsing.sections import (
    ColumnAt,
    column_at,
    is_preface,
    match_column_heading,
    preface_text,
    split_columns,
    take_source,
)
from reader.parsing.titles import (
    TitleAt,
    is_title_like,
    rejoin_page_breaks,
    split_glued_titles,
    titles_from_contents,
    titles_from_cues,
    titles_from_markers,
    titles_from_numbering,
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
    paras = reflow(drop_page_furniture(blocks))
    if not paras:
        raise SourceError("source.no_text")
    texts = [para.text for para in paras]
    head, start = parse_masthead(texts)
    preface, start = _preface_at(texts, start)
    entries, start = parse_contents(texts, start)
    end = parse_footer(texts, start, head)
    body, columns = split_columns(paras[start:end])
    if not preface:
        preface, skip = _preface_at([para.text for para in body], 0)
        body = body[skip:]
        columns = [ColumnAt(max(0, c.index - skip), c.name) for c in columns]

    warnings: list[str] = []
    if entries:
        body = split_glued_titles(body, entries)
        titles, warnings = titles_from_contents(body, entries)
        if len(titles) * 2 < len(entries):
            titles = _titles_without_contents(body)
            warnings = ["the contents do not match the articles: titles found from the text"]
    else:
        titles = _titles_without_contents(body)
    if not titles:
        raise SourceError("source.no_titles")
    if titles[0].index > 0:
        skipped = "".join(para.text for para in body[: titles[0].index])
        warnings.append(f"text before the first article left out: {skipped[:40]}")

    articles = _articles(body, titles, columns, entries)
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
        total_no=head.total_no,
        date=head.date,
        marking=head.marking,
        preface=preface_text(preface) if preface else None,
        warnings=warnings,
    )


def _titles_without_contents(body: Sequence[Para]) -> list[TitleAt]:
    return titles_from_markers(body) or titles_from_numbering(body) or titles_from_cues(body)


def _preface_at(texts: Sequence[str], start: int) -> tuple[list[str], int]:
    """The editor's note (编者按) opening at ``start``, and the index after it.

    It runs until a title-like line, a contents heading or a column heading.
    """
    if start >= len(texts) or not is_preface(texts[start]):
        return [], start
    end = start + 1
    while (
        end < len(texts)
        and not is_title_like(texts[end])
        and match_column_heading(texts[end]) is None
        and has_strong_stop(texts[end])
    ):
        end += 1
    return list(texts[start:end]), end


def _articles(
    body: Sequence[Para],
    titles: Sequence[TitleAt],
    columns: Sequence[ColumnAt],
    entries: Sequence[TocEntry],
) -> list[ParsedArticle]:
    entry_columns = {entry.title: entry.column for entry in entries}
    articles: list[ParsedArticle] = []
    for number, found in enumerate(titles):
        stop = titles[number + 1].index if number + 1 < len(titles) else len(body)
        paragraphs, source = take_source(rejoin_page_breaks(body[found.index + found.span : stop]))
        column = column_at(columns, found.index)
        if column is None and found.toc_title is not None:
            column = entry_columns.get(found.toc_title)
        articles.append(
            ParsedArticle(
                title=found.title,
                paragraphs=paragraphs,
                toc_title=found.toc_title,
                toc_page=found.toc_page,
                column=column,
                source=source,
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

"""The one factory of invented issues.

Tests build the issues they need here, as data (``ParsedIssue``: what the parser should
read back), then hand them to a typesetter (``layout_text`` for the text layout,
``typeset`` for PDF and TXT, ``typeset_docx``, ``typeset_ofd``, ``typeset_scan``, …) or
put them straight into an archive with ``tests.support.archives.add_issue``.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from reader.parsing.model import ParsedArticle, ParsedIssue
from tests.support.stories import (
    DAIRY,
    ISSUE_A,
    ISSUE_B,
    OFFICE_STORIES,
    ROBOTS,
    north_river_stories,
)

SERIES = "示例情报参考"
ORG = "北河市科学技术局信息中心"
EDITOR = "王 明"
PHONE = "5512345"
WINDOW_SERIES = "科技情报参考"
WINDOW_ORG = "示例市科学技术信息中心"

# An article as a test writes it: a ParsedArticle, or (title, paragraphs) where the
# paragraphs are a list or one string with "\n" between them.
ArticleLike = ParsedArticle | tuple[str, Sequence[str] | str]


def article(
    item: ArticleLike, *, toc_page: int | None = None, contents: bool = False
) -> ParsedArticle:
    """A fresh ParsedArticle (never shared with another issue), listed in the contents
    (with ``toc_page``) when ``contents`` is set."""
    if isinstance(item, ParsedArticle):
        made = ParsedArticle(
            item.title,
            list(item.paragraphs),
            toc_title=item.toc_title,
            toc_page=item.toc_page,
            column=item.column,
            source=item.source,
        )
    else:
        title, body = item
        made = ParsedArticle(title, body.split("\n") if isinstance(body, str) else list(body))
    if contents:
        made.toc_title = made.title
        made.toc_page = toc_page
    return made


def invented_issue(
    articles: Iterable[ArticleLike] | None = None,
    year: int | None = 2024,
    issue_no: int | None = 5,
    *,
    series: str | None = SERIES,
    editor_org: str | None = ORG,
    editor: str | None = EDITOR,
    phone: str | None = PHONE,
    pages: Sequence[int] | None = None,
    contents: bool = False,
) -> ParsedIssue:
    """An invented issue (by default 示例情报参考 2024 年第 5 期 with two articles).

    With ``contents`` it prints a contents list, with ``pages`` one that gives each
    article's page.
    """
    items = list(articles) if articles is not None else [DAIRY, ROBOTS]
    listed = contents or pages is not None
    made = [
        article(item, toc_page=pages[n] if pages else None, contents=listed)
        for n, item in enumerate(items)
    ]
    return ParsedIssue(
        articles=made,
        series=series,
        year=year,
        issue_no=issue_no,
        editor_org=editor_org,
        editor=editor,
        phone=phone,
    )


def north_river_issue(issue_no: int = 3, year: int = 2025) -> ParsedIssue:
    """示例情报参考 of ``year``/``issue_no``: three stories with contents, masthead and footer;
    no two numbers share their text."""
    stories = north_river_stories(issue_no)
    pages, page = [], 2
    for _title, paragraphs in stories:
        pages.append(page)
        page += 1 + len(paragraphs) // 3
    return invented_issue(stories, year, issue_no, pages=pages)


def office_issue(*, contents: bool = True) -> ParsedIssue:
    """示例情报参考 2025 年第 3 期 as the office prints it (a paragraph cut by a page break,
    sub-headings standing alone), with or without its contents."""
    pages = [2, 4, 6] if contents else None
    return invented_issue(OFFICE_STORIES, 2025, 3, pages=pages)


def office_text(*, contents: bool = True) -> str:
    """``office_issue`` as the office's text export lays it out (``.....`` leaders)."""
    from tests.support.layout_text import bulletin_text

    return bulletin_text(office_issue(contents=contents), office=True, leader=".....")


def bare_issue(
    articles: Iterable[ArticleLike],
    year: int | None = 2023,
    issue_no: int | None = 1,
    *,
    series: str | None = WINDOW_SERIES,
) -> ParsedIssue:
    """Articles alone in an issue (科技情报参考 2023 年第 1 期 by default): no contents,
    editor or phone."""
    return invented_issue(
        articles, year, issue_no, series=series, editor_org=None, editor=None, phone=None
    )


def window_issue(
    stories: Iterable[ArticleLike],
    year: int | None,
    issue_no: int | None,
    series: str | None = WINDOW_SERIES,
) -> ParsedIssue:
    """An issue for the window's tests, with no editor or phone."""
    return invented_issue(
        stories, year, issue_no, series=series, editor_org=None, editor=None, phone=None
    )


def window_bulletins() -> list[tuple[str, ParsedIssue]]:
    """The window's two issues as the files editors import: (file name, issue)."""
    fields = {"editor_org": WINDOW_ORG, "editor": "示 例", "phone": "1234567"}
    return [
        (
            "2023-08.txt",
            invented_issue(ISSUE_A, 2023, 8, series=WINDOW_SERIES, pages=[2, 3], **fields),
        ),
        (
            "2024-01.txt",
            invented_issue(ISSUE_B, 2024, 1, series=WINDOW_SERIES, pages=[2, 3], **fields),
        ),
    ]


def write_window_bulletins(folder: Path) -> list[Path]:
    """The window's two issues as UTF-8 text files in ``folder``; their paths."""
    from tests.support.layout_text import write_bulletin_text

    folder.mkdir(parents=True, exist_ok=True)
    return [write_bulletin_text(issue, folder / name) for name, issue in window_bulletins()]


# Issues by the thousand, for benchmarks: words drawn from jieba's own dictionary,
# weighted by its frequencies, so the text has the statistics of Chinese and says nothing.
ARTICLES_PER_ISSUE = 7
FIRST_YEAR = 2010
BENCH_SERIES = "科技情报参考"
BENCH_ORG = "北方市科技信息服务中心"


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[list[str], list[int]]:
    import jieba

    words: list[str] = []
    weights: list[int] = []
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].isalnum():
            words.append(parts[0])
            weights.append(int(parts[1]))
    return words, list(itertools.accumulate(weights))


class Writer:
    """Invented titles and paragraphs from a seeded random source."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.words, self.cumulative = _vocabulary()

    def _words(self, count: int) -> list[str]:
        return self.random.choices(self.words, cum_weights=self.cumulative, k=count)

    def title(self) -> str:
        return "".join(self._words(self.random.randint(4, 8)))

    def paragraph(self) -> str:
        parts: list[str] = []
        for _ in range(self.random.randint(5, 10)):
            parts.append("".join(self._words(self.random.randint(6, 14))))
        return "，".join(parts) + "。"

    def article(self) -> ParsedArticle:
        return ParsedArticle(
            self.title(), [self.paragraph() for _ in range(self.random.randint(5, 10))]
        )


def random_issues(article_count: int, seed: int = 1) -> list[ParsedIssue]:
    """Issues of seven articles each, twelve a year from 2010, ``article_count`` in all."""
    writer = Writer(seed)
    issues: list[ParsedIssue] = []
    for number in range((article_count + ARTICLES_PER_ISSUE - 1) // ARTICLES_PER_ISSUE):
        count = min(ARTICLES_PER_ISSUE, article_count - number * ARTICLES_PER_ISSUE)
        articles = [writer.article() for _ in range(count)]
        pages, page = [], 2
        for item in articles:
            pages.append(page)
            page += 1 + len(item.text) // 1500
        issues.append(
            invented_issue(
                articles,
                FIRST_YEAR + number // 12,
                number % 12 + 1,
                series=BENCH_SERIES,
                editor_org=BENCH_ORG,
                editor="张 明",
                phone="1234567",
                pages=pages,
            )
        )
    return issues

"""Synthetic bulletins in the real plain-text layout, with invented text.

Words are drawn from jieba's own dictionary, weighted by its frequencies, so the text has
the statistics of Chinese (common words everywhere, rare ones rare) and says nothing.
``python -m tests.bench.generate OUT_DIR --articles N`` writes the files by hand.
"""

from __future__ import annotations

import argparse
import itertools
import random
from functools import lru_cache
from pathlib import Path

import jieba

from reader.parsing.model import ParsedArticle, ParsedIssue

ARTICLES_PER_ISSUE = 7
FIRST_YEAR = 2010
SERIES = "科技情报参考"
EDITOR_ORG = "北方市科技信息服务中心"


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[list[str], list[int]]:
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


def make_issues(article_count: int, seed: int = 1) -> list[ParsedIssue]:
    """Issues of seven articles each, twelve a year from 2010, ``article_count`` in all."""
    writer = Writer(seed)
    issues: list[ParsedIssue] = []
    for number in range((article_count + ARTICLES_PER_ISSUE - 1) // ARTICLES_PER_ISSUE):
        count = min(ARTICLES_PER_ISSUE, article_count - number * ARTICLES_PER_ISSUE)
        issues.append(
            ParsedIssue(
                [writer.article() for _ in range(count)],
                series=SERIES,
                year=FIRST_YEAR + number // 12,
                issue_no=number % 12 + 1,
            )
        )
    return issues


def bulletin_text(issue: ParsedIssue) -> str:
    """The issue laid out like a bulletin's extracted text: masthead, contents, body, footer."""
    lines = ["", "", SERIES, "", f"{issue.year} 年第 {issue.issue_no} 期", ""]
    lines += [f"{EDITOR_ORG} 编辑", "", "-"]
    page = 2
    for article in issue.articles:
        lines.append(f" - ★ {article.title}{page}")
        page += 1 + len(article.text) // 1500
    lines.append("")
    for article in issue.articles:
        lines += [article.title, ""]
        for paragraph in article.paragraphs:
            lines += [paragraph, ""]
    lines += [f"{EDITOR_ORG}编辑", "", "编辑：张 明", "", "电话：1234567"]
    return "\n".join(lines)


def write_bulletins(issues: list[ParsedIssue], folder: Path) -> list[Path]:
    """One UTF-8 text file per issue in ``folder``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for position, issue in enumerate(issues):
        path = folder / f"{position:06d}_{issue.year}_{issue.issue_no:02d}.txt"
        path.write_text(bulletin_text(issue), encoding="utf-8")
        paths.append(path)
    return paths


def text_bytes(issues: list[ParsedIssue]) -> int:
    """UTF-8 size of the articles' titles and texts (what throughput is measured on)."""
    return sum(
        len(a.title.encode("utf-8")) + len(a.text.encode("utf-8"))
        for issue in issues
        for a in issue.articles
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_bulletins(make_issues(args.articles, args.seed), args.folder)
    print(f"wrote {len(paths)} bulletins to {args.folder}")


if __name__ == "__main__":
    main()

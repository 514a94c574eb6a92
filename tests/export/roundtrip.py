"""What a test expects to read back from any export of the sample brief."""

from __future__ import annotations

from dataclasses import dataclass

from tests.export.samples import ARTICLES, SOURCES


@dataclass
class ExpectedArticle:
    title: str
    source: str
    paragraphs: list[str]


def expected_articles(order_in_samples: list[int]) -> list[ExpectedArticle]:
    """The sample articles (by their index in ARTICLES) as an export must show them."""
    return [
        ExpectedArticle(ARTICLES[i].title, SOURCES[i], [p.strip() for p in ARTICLES[i].paragraphs])
        for i in order_in_samples
    ]


# The sample brief's order (see conftest.sample_brief), as indexes into ARTICLES.
BRIEF_ORDER = [1, 2, 0]

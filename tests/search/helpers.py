"""Building small archives of invented articles for the search tests."""

from __future__ import annotations

from reader.archive import Archive
from reader.parsing.model import ParsedArticle, ParsedIssue
from reader.search import sync_index
from reader.store.issues import insert_issue, issue_articles

Article = tuple[str, str]  # (title, text with "\n" between paragraphs)


def add_issue(
    archive: Archive,
    articles: list[Article],
    *,
    year: int | None = 2023,
    issue_no: int | None = 1,
    series: str | None = "科技情报参考",
    index: bool = True,
) -> list[int]:
    """Insert an issue as the importer would and return its article ids in order."""
    parsed = ParsedIssue(
        [ParsedArticle(title, text.split("\n")) for title, text in articles],
        series=series,
        year=year,
        issue_no=issue_no,
    )
    with archive.db.atomic():
        issue_id = insert_issue(archive.db, parsed, None)
    ids = [a.id for a in issue_articles(archive.db, issue_id)]
    if index:
        sync_index(archive, ids)
    return ids


FILLER = [
    (
        "内蒙古推进数字经济发展",
        "各地积极推进数字经济与实体经济融合发展。\n企业数字化转型成效明显。",
    ),
    ("宁夏农村科技服务", "农村技术人员深入基层，服务乡村振兴。\n示范基地建设稳步推进。"),
    ("四川深化项目管理改革", "市级科技计划项目管理制度不断完善。\n绩效评价更加规范。"),
    ("安徽助力企业成长", "聚焦企业需求，优化创新生态。\n金融支持力度持续加大。"),
]
"""Articles that share none of the strings the tests look for."""

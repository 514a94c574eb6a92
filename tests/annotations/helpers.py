"""Invented issues for annotation tests, stored the way the importer stores them."""

from __future__ import annotations

from sqlite_utils import Database

from reader.parsing.model import ParsedArticle, ParsedIssue
from reader.store.issues import insert_issue, issue_articles

DAIRY = ParsedArticle(
    "北河市乳业集群加快发展",
    [
        "北河市围绕乳业全产业链，新建标准化牧场六座，鲜奶日加工能力提升到三千吨。",
        "一是强化科技支撑。联合高校建设乳品研究院，攻关益生菌菌种选育。",
        "二是拓展销售渠道。乳业企业在线上平台的销售额同比增长四成。",
    ],
)
ROBOTS = ParsedArticle(
    "南岭区工业机器人应用示范",
    ["南岭区在装备制造企业推广工业机器人，带动一百二十家企业完成产线改造。"],
)
SEEDS = ParsedArticle(
    "西川县种业振兴行动见成效",
    [
        "西川县建成良种繁育基地两处，玉米新品种亩产提高一成。",
        "种业企业与科研院所签订合作协议九项。",
    ],
)


def invented_issue(
    articles: list[ParsedArticle] | None = None, year: int = 2024, issue_no: int = 5
) -> ParsedIssue:
    return ParsedIssue(
        articles=[
            ParsedArticle(a.title, list(a.paragraphs)) for a in (articles or [DAIRY, ROBOTS])
        ],
        series="示例情报参考",
        year=year,
        issue_no=issue_no,
        editor_org="北河市科学技术局信息中心",
        editor="王 明",
        phone="5512345",
    )


def add_issue(db: Database, parsed: ParsedIssue) -> list[int]:
    """Store an issue as the importer does (one transaction); its article ids in order."""
    with db.atomic():
        issue_id = insert_issue(db, parsed, None)
    return [article.id for article in issue_articles(db, issue_id)]

"""Invented articles for the export tests and benchmark, written into an archive by code.

They carry what an export must keep: sub-headings of every kind, 一是… that is body
text, characters Qt's PDF text layer likes to turn into Kangxi radicals (人 自 民 …),
Latin text with ligature pairs, and markup-looking text that must stay literal.
"""

from __future__ import annotations

from sqlite_utils import Database

from reader.parsing.model import ParsedArticle, ParsedIssue
from reader.store.issues import insert_issue

MARKUP_TITLE = "<script>alert(1)</script>关于*人工智能*赋能 #产业 的<b>调研</b>"
MARKUP_NOTE = "编者提示：<b>重点</b> *关注* #第二部分 [见附件](http://example.invalid)"
# Noto CJK's ccmp turns runs of dashes into single ligature glyphs (⸺ ⸻) that copy wrong.
DASHES = "——聚焦主体，——聚焦平台；创新链———产业链，上下游――协同。"
RADICAL_PRONE = "人民自治区自主创新，入选八大力量，山水田园，立言金石，高龙马鬼，长门雨食。"

ARTICLES: list[ParsedArticle] = [
    ParsedArticle(
        title="示例市推动科技成果转化取得新进展",
        paragraphs=[
            "今年以来，示例市坚持创新驱动发展战略，全市高新技术企业达到 1024 家，同比增长 12.5%。",
            "一、强化政策引领",
            "一是完善制度体系。出台《示例市促进科技成果转化若干措施》，明确 18 条具体举措。",
            "二是加大资金投入。设立 5000 万元专项资金，重点支持 efficient 与 fine-tuning 类项目。",
            "二、优化服务体系。建设技术转移中心 3 个，培育技术经纪人 120 名，服务企业超过 600 家。",
            "（一）搭建对接平台",
            "(1) 组织成果发布会。全年举办成果发布会 12 场，促成合作项目 86 项。",
            RADICAL_PRONE,
        ],
    ),
    ParsedArticle(
        title=MARKUP_TITLE,
        paragraphs=[
            "正文含有标记样式的文字：<b>加粗</b>、<img src=x onerror=alert(1)>、"
            "&amp; 与 &#20013;。",
            "# 这不是标题，*这不是强调*，_也不是_，`不是代码`，[不是链接](http://example.invalid)。",
            "1. 这不是列表项",
            "> 这不是引用",
            "- 这也不是列表 | 表格 | 竖线 ~删除线~ \\ 反斜杠 \\* 已转义的星号",
            "---",
        ],
    ),
    ParsedArticle(
        title="某县“三聚焦”助力企业高质量发展",
        paragraphs=[
            "某县聚焦企业创新主体地位，推动创新资源向企业集聚。",
            "三、强化“企业群”提升企业创新主体能级。设立县重大科技专项，引导企业开展关键核心技术攻关。",
            "（2）人才支撑持续加强，引进高层次人才 35 名。",
            DASHES,
        ],
    ),
]


def sample_issues() -> list[ParsedIssue]:
    """Three issues: fully numbered, numbered without an issue number, and unnumbered."""
    return [
        ParsedIssue(articles=[ARTICLES[0]], series="科技情报参考", year=2023, issue_no=8),
        ParsedIssue(articles=[ARTICLES[1]], series="科技情报参考", year=2024, issue_no=None),
        ParsedIssue(articles=[ARTICLES[2]]),
    ]


def add_sample_issues(db: Database) -> list[int]:
    """Write the sample issues into ``db``; returns the article ids in ARTICLES order."""
    ids: list[int] = []
    for issue in sample_issues():
        ids.extend(_article_ids(db, insert_issue(db, issue, None)))
    return ids


def _article_ids(db: Database, issue_id: int) -> list[int]:
    rows = db.execute("SELECT id FROM articles WHERE issue_id = ? ORDER BY ordinal", [issue_id])
    return [row[0] for row in rows]


_SENTENCE = (
    "示例地区围绕科技创新主题，推进产学研深度融合，"
    "人才、资金、平台等要素加快集聚，自主创新能力不断提升。"
)
_NUMERALS = "一二三四五六七八九十"


def _body(number: int, paragraphs: int) -> list[str]:
    body = []
    for p in range(paragraphs):
        if p % 4 == 1:
            body.append(f"{_NUMERALS[p % 10]}、第{p + 1}部分")
        else:
            body.append(f"（第{number}篇第{p + 1}段）" + _SENTENCE * 2)
    return body


def add_many_articles(db: Database, count: int, paragraphs: int = 12) -> list[int]:
    """``count`` articles of about 1,200 characters each, in issues of ten; returns their ids."""
    ids: list[int] = []
    for start in range(0, count, 10):
        articles = [
            ParsedArticle(title=f"第{n}篇 示例地区科技创新做法", paragraphs=_body(n, paragraphs))
            for n in range(start + 1, min(start + 10, count) + 1)
        ]
        issue = ParsedIssue(
            articles=articles,
            series="科技情报参考",
            year=2020 + start // 120,
            issue_no=start // 10 % 12 + 1,
        )
        issue_id = insert_issue(db, issue, None)
        ids.extend(_article_ids(db, issue_id))
    return ids


# What every export must show for the sample articles, written out by hand.
SOURCES = [
    "（来源：《科技情报参考》2023年第8期）",
    "（来源：《科技情报参考》2024年，期数不详）",
    "（来源：刊名、期号不详）",
]


def squeeze(text: str) -> str:
    """``text`` without any whitespace (line breaks and spacing differ between formats)."""
    return "".join(text.split())

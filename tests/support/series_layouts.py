"""Invented bulletins of other series (简报, 动态), written in the layouts such series use.

One issue is built as data (``series_issue``) and rendered as text in a chosen
``SeriesLayout``: spaced masthead, ``第 12 期（总第 156 期）`` or ``第2025-05期``, a date
line, ``主办`` organisation, marking and rules; contents headed ``目录``/``目  录``/``本期要目``
with right-aligned page numbers, or no contents (titles marked ``◆``/``★`` or numbered);
栏目 headings, source lines, 编者按, running headers with page numbers and form feeds, and
the distribution footer. Tests parse the text back and compare it with the data.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from pathlib import Path

from reader.parsing.model import ParsedArticle, ParsedIssue

SERIES = "科技动态"
ORG = "北河市科学技术协会"
FULL_WIDTH_GAP = "\u3000"


def series_issue(series: str = SERIES, org: str = ORG) -> ParsedIssue:
    """The invented issue: two columns, four articles, sources, an editor's note."""
    articles = [
        ParsedArticle(
            title="北河市出台支持科技型企业发展十条措施",
            paragraphs=[
                "近日，北河市印发《关于支持科技型企业高质量发展的若干措施》，从研发投入、"
                "人才引进、金融服务等方面提出十条具体举措。",
                "措施明确，对年度研发投入超过 500 万元的企业，按新增投入的 10% 给予补助，"
                "单户最高 200 万元；对新认定的高新技术企业给予一次性奖励。",
                "措施还提出，建立科技型企业服务专员制度，由市级部门干部一对一联系重点企业，"
                "协调解决用地、用工和融资等方面的困难。",
            ],
            column="政策动态",
            source="科技日报",
        ),
        ParsedArticle(
            title="南川县建立科技成果转化收益分配新机制",
            paragraphs=[
                "南川县出台科技成果转化收益分配办法，允许科研团队获得不低于七成的转化净收益，"
                "并明确收益分配的程序和时限。",
                "办法实施半年来，全县高校院所转化科技成果 42 项，合同金额 1.3 亿元，"
                "科研人员获得奖励 2100 余万元。",
            ],
            column="政策动态",
            source="摘编自《北河日报》",
        ),
        ParsedArticle(
            title="东岭区打造青年科技人才创新驿站",
            paragraphs=[
                "东岭区整合闲置楼宇资源，建成青年科技人才创新驿站 3 处，为来区创业的青年"
                "人才提供最长两年的免费办公场地。",
                "驿站引入技术转移、知识产权和投融资等专业服务机构 16 家，已服务青年创业团队"
                " 58 个，其中 9 个团队获得天使投资。",
                "下一步，东岭区将在驿站设立“创新沙龙”，定期组织技术交流和项目路演活动。",
            ],
            column="区县动态",
            source="东岭区科技局",
        ),
        ParsedArticle(
            title="西湾镇引入智能灌溉技术助力节水增效",
            paragraphs=[
                "西湾镇联合农业科研单位，在 3000 亩高标准农田推广智能灌溉技术，通过土壤"
                "墒情传感器和手机终端实现按需灌溉。",
                "据测算，示范田亩均节水约 35%，玉米亩产提高 8% 以上，种植户每亩节约成本近百元。",
            ],
            column="区县动态",
        ),
    ]
    return ParsedIssue(
        articles=articles,
        series=series,
        year=2025,
        issue_no=12,
        editor_org=org,
        total_no=156,
        date="2025-06-15",
        marking="内部资料 注意保存",
        preface="本期聚焦各地支持科技型企业和青年科技人才的新举措，供参阅。\n"
        "各地在推进过程中的新情况新问题，请及时报送编辑部。",
    )


@dataclass(frozen=True, slots=True)
class SeriesLayout:
    """How a series lays out its issues (each option one convention of real 简报)."""

    name: str
    spaced_masthead: bool = True
    issue_line: str = "total"  # "total": 第 12 期（总第 156 期）; "dashed": 第2025-12期
    org_and_date_on_one_line: bool = False
    contents: str | None = "目录"  # the contents heading, or None for no contents
    page_gap: str = "fullwidth"  # how page numbers are set off: "fullwidth" or "dots"
    title_mark: str = ""  # "◆", "★" or "numbered" (without contents)
    columns: bool = True
    sources: bool = True
    preface: bool = True
    pages: bool = True  # running headers, page numbers and form feeds
    distribution: bool = True

    def expected(self, issue: ParsedIssue | None = None) -> ParsedIssue:
        """What the parser should read from ``issue`` (the invented one) in this layout."""
        issue = copy.deepcopy(issue or series_issue())
        if self.issue_line == "dashed":
            issue.total_no = None
        if not self.preface:
            issue.preface = None
        pages = page_numbers(issue)
        for number, article in enumerate(issue.articles):
            if self.contents:
                article.toc_title, article.toc_page = article.title, pages[number]
            if not self.columns:
                article.column = None
            if not self.sources:
                article.source = None
        return issue


LAYOUTS = [
    SeriesLayout("contents-fullwidth"),
    SeriesLayout("contents-dots", issue_line="dashed", contents="目  录", page_gap="dots"),
    SeriesLayout(
        "yaomu-one-line-masthead",
        contents="本期要目",
        spaced_masthead=False,
        org_and_date_on_one_line=True,
        preface=False,
    ),
    SeriesLayout("diamond-titles", contents=None, title_mark="◆", columns=False),
    SeriesLayout("star-titles", contents=None, title_mark="★", pages=False),
    SeriesLayout(
        "numbered-titles",
        contents=None,
        title_mark="numbered",
        columns=False,
        distribution=False,
    ),
]
_NUMERALS = "一二三四五六七八九十"


def page_numbers(issue: ParsedIssue) -> list[int]:
    """The page each article starts on (two articles a page, from page 2)."""
    return [2 + number // 2 for number in range(len(issue.articles))]


def _masthead(issue: ParsedIssue, layout: SeriesLayout) -> list[str]:
    series = " ".join(issue.series or "") if layout.spaced_masthead else issue.series or ""
    if layout.issue_line == "dashed":
        number = f"第{issue.year}-{issue.issue_no:02d}期"
    else:
        number = f"第 {issue.issue_no} 期（总第 {issue.total_no} 期）"
    year, month, day = (issue.date or "").split("-")
    date = f"{year}年{int(month)}月{int(day)}日"
    org = f"{issue.editor_org} 主办"
    lines = [issue.marking or "", series, number]
    lines += [org + FULL_WIDTH_GAP * 4 + date] if layout.org_and_date_on_one_line else [org, date]
    return [*lines, "━" * 20]


def _contents(issue: ParsedIssue, layout: SeriesLayout) -> list[str]:
    if not layout.contents:
        return []
    lines = [layout.contents]
    column = None
    for article, page in zip(issue.articles, page_numbers(issue), strict=True):
        if layout.columns and article.column != column:
            column = article.column
            lines.append(f"【{column}】")
        gap = FULL_WIDTH_GAP * 4 if layout.page_gap == "fullwidth" else "……"
        lines.append(f"{article.title}{gap}{page}")
    return lines


def _title(article: ParsedArticle, number: int, layout: SeriesLayout) -> str:
    if layout.title_mark == "numbered":
        return f"{_NUMERALS[number]}、{article.title}"
    if layout.title_mark:
        return f"{layout.title_mark} {article.title}"
    return article.title


def _body(issue: ParsedIssue, layout: SeriesLayout) -> list[list[str]]:
    """The body as pages of lines: each page holds two articles."""
    pages: list[list[str]] = [[]]
    column = None
    for number, article in enumerate(issue.articles):
        if number and number % 2 == 0:
            pages.append([])
        lines = pages[-1]
        if layout.columns and article.column != column:
            column = article.column
            lines.append(f"【{column}】")
        lines.append(_title(article, number, layout))
        lines += article.paragraphs
        if layout.sources and article.source:
            label = "" if article.source.startswith("摘编自") else "来源："
            lines.append(f"（{label}{article.source}）")
    if layout.pages and len(pages[0]) > 3:
        # A page break inside the first article's second paragraph, after a comma.
        first = pages[0]
        index = 2 + (1 if layout.columns else 0)
        cut = first[index].index("，") + 1
        pages[0] = [*first[:index], first[index][:cut]]
        pages.insert(1, [first[index][cut:], *first[index + 1 :]])
    return pages


def _footer(issue: ParsedIssue, layout: SeriesLayout) -> list[str]:
    if not layout.distribution:
        return []
    return [
        "━" * 20,
        "报：市委办公室、市政府办公室、",
        "市人大常委会办公室",
        "送：各区县科协、市级各学会",
        "发：本会各部室",
        "（共印20份）",
    ]


def series_text(issue: ParsedIssue, layout: SeriesLayout) -> str:
    """The issue as a text file of this layout (one paragraph a line, pages by form feeds)."""
    first = _masthead(issue, layout) + _contents(issue, layout)
    if layout.preface and issue.preface:
        note = issue.preface.split("\n")
        first += ["编者按：" + note[0], *note[1:]]
    body = _body(issue, layout)
    page_texts: list[list[str]] = [first]
    if layout.pages:
        header = f"{issue.series}{FULL_WIDTH_GAP * 2}{issue.year}年第{issue.issue_no}期"
        for number, lines in enumerate(body, start=2):
            page_texts[-1].append(f"- {number - 1} -")
            page_texts.append([header, *lines])
        page_texts[-1] += [*_footer(issue, layout), f"- {len(body) + 1} -"]
        return "\f".join("\n".join(lines) + "\n" for lines in page_texts)
    lines = first + [line for page in body for line in page] + _footer(issue, layout)
    return "\n".join(lines) + "\n"


def write_series_txt(
    path: Path, layout: SeriesLayout, issue: ParsedIssue | None = None, encoding: str = "utf-8"
) -> Path:
    """Write ``issue`` (the invented one by default) as a text file in ``layout``."""
    text = series_text(issue or series_issue(), layout)
    path.write_bytes(text.encode(encoding))
    return path


def without_pages(layout: SeriesLayout) -> SeriesLayout:
    return replace(layout, pages=False)

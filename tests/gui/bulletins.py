"""Invented bulletins for the GUI tests, written as the plain-text issues editors import."""

from __future__ import annotations

from pathlib import Path

from reader.parsing.model import ParsedArticle, ParsedIssue

SERIES = "科技情报参考"

# Every sentence is invented for these tests.
ISSUE_A = [
    (
        "<img src=x> 草原牧场推广智能饲喂系统",
        [
            "今年以来，示例旗在草原牧场推广智能饲喂系统，牧场的饲草利用率明显提高。",
            "一、完善设施。示例旗为二十个牧场安装了智能饲喂设备，饲喂数据实时上传平台。",
            "二、培训人员。技术人员分批培训牧民，讲解智能饲喂设备的日常维护。",
            "智能饲喂让牧民节省了时间，也让牧场的管理更加精细。",
        ],
    ),
    (
        "示例市建设科技成果转化服务平台",
        [
            "示例市依托高校建设科技成果转化服务平台，帮助企业对接技术需求。",
            "平台上线半年，发布成果清单三百项，促成合作项目四十项。",
        ],
    ),
]

ISSUE_B = [
    (
        "示例区开展智能制造诊断服务",
        [
            "示例区组织高校和研究机构的专家走进工厂，为区内的中小企业开展智能制造诊断服务，"
            "帮助企业找准生产中的薄弱环节，全年计划服务企业一百家。",
            "(1) 专家现场查看生产线。",
            "(2) 企业按照专家的建议分步实施改造，生产效率和产品质量稳步提高，智能制造水平逐步提升，"
            "一批企业已经建成数字化车间。",
        ],
    ),
    (
        "新能源装备企业加快研发步伐",
        [
            "示例园区的新能源装备企业持续加大研发投入，与科研院所共建联合实验室，新产品不断推出，"
            "部分产品的关键指标达到国内先进水平。",
            "园区为企业提供检测平台和人才公寓，帮助企业引进研发人才，服务企业发展。",
        ],
    ),
]


def bulletin_text(year: int, issue_no: int, articles: list[tuple[str, list[str]]]) -> str:
    """An issue laid out as the bulletin prints it: masthead, contents, articles, footer."""
    lines = [SERIES, "", f"{year} 年第 {issue_no} 期", "", "示例市科学技术信息中心 编辑", ""]
    for page, (title, _body) in enumerate(articles, start=2):
        lines.append(f"★ {title}{page}")
    lines.append("")
    for title, paragraphs in articles:
        lines += ["", title, ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    lines += ["", "编辑：示 例    电话：1234567"]
    return "\n".join(lines)


def write_bulletins(folder: Path) -> list[Path]:
    """Two issues as UTF-8 text files in ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    first = folder / "2023-08.txt"
    first.write_text(bulletin_text(2023, 8, ISSUE_A), encoding="utf-8")
    second = folder / "2024-01.txt"
    second.write_text(bulletin_text(2024, 1, ISSUE_B), encoding="utf-8")
    return [first, second]


def parsed_issue(
    articles: list[tuple[str, list[str]]],
    year: int | None,
    issue_no: int | None,
    series: str | None = SERIES,
) -> ParsedIssue:
    """The same invented content as a parsed issue, to put straight into the store."""
    return ParsedIssue(
        articles=[ParsedArticle(title, list(paragraphs)) for title, paragraphs in articles],
        series=series,
        year=year,
        issue_no=issue_no,
    )

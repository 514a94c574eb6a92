"""Invented issues where one piece is printed three times: twice as is (同文), once edited."""

from __future__ import annotations

from pathlib import Path

from reader.archive import Archive
from reader.importer import import_paths
from reader.parsing.model import ParsedArticle, ParsedIssue
from tests.support.typeset import write_txt

PIECE_TITLE = "示例县建成数字农业示范基地"
PIECE = [
    "示例县依托农业科技园区建成数字农业示范基地，在一千亩试验田布设土壤墒情和气象监测设备，"
    "农户在手机上就能查看作物长势和病虫害预警信息。",
    "基地引入智能灌溉系统，根据土壤湿度自动调节用水量，试验田节水三成以上，化肥用量明显下降。",
    "县农业农村局组织技术人员驻点指导，今年已培训新型职业农民两百余人次，带动周边村庄推广应用。",
    "下一步，示例县将把示范基地的经验推广到全县主要粮食产区，建设覆盖县乡村三级的农业数据平台。",
]


def edited(paragraphs: list[str]) -> list[str]:
    """A reprint as a newsroom makes one: a lead-in added, a few words changed."""
    changed = [p.replace("明显下降", "有所减少") for p in paragraphs]
    return ["据示例日报报道，记者日前从示例县获悉以下情况。", *changed]


def _filler(title: str, topic: str) -> ParsedArticle:
    return ParsedArticle(
        title=title,
        paragraphs=[
            f"今年以来，示例市围绕{topic}出台多项措施，推动相关工作取得新进展。",
            f"有关部门表示，将持续加大对{topic}的支持力度，及时总结推广好的做法。",
        ],
    )


def _issue(year: int, issue_no: int, articles: list[ParsedArticle]) -> ParsedIssue:
    return ParsedIssue(
        articles=articles,
        series="科技情报参考",
        year=year,
        issue_no=issue_no,
        editor_org="示例市科学技术信息中心",
        editor="示 例",
        phone="1234567",
    )


def reprinted_archive(folder: Path, files: Path) -> Path:
    """An archive of three issues: the piece in 2023 No. 7 and No. 9 as is, edited in 2024
    No. 2, each with articles of its own beside it."""
    files.mkdir(parents=True, exist_ok=True)
    issues = [
        _issue(
            2023,
            7,
            [
                ParsedArticle(PIECE_TITLE, PIECE),
                _filler("示例市推进科技金融", "科技金融"),
                _filler("示例市建设孵化器", "孵化器建设"),
            ],
        ),
        _issue(
            2023,
            9,
            [
                _filler("示例市培育专精特新企业", "专精特新"),
                ParsedArticle(PIECE_TITLE, PIECE),
                _filler("示例市加强知识产权保护", "知识产权"),
            ],
        ),
        _issue(
            2024,
            2,
            [
                _filler("示例市发展低空经济", "低空经济"),
                ParsedArticle(PIECE_TITLE + "（转载）", edited(PIECE)),
                _filler("示例市引进高层次人才", "人才引进"),
            ],
        ),
    ]
    paths = []
    for issue in issues:
        path = files / f"{issue.year}-{issue.issue_no}.txt"
        write_txt(issue, path)
        paths.append(path)
    with Archive(folder) as archive:
        report = import_paths(archive, paths)
        assert report.ok, report.summary()
    return folder

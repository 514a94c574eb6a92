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


# Articles of their own beside the piece, each on another matter, so none reads as a reprint.
FILLERS = {
    "示例市推进科技金融": "科技支行为轻资产企业发放知识产权质押贷款，首批十二家企业获得授信。",
    "示例市建设孵化器": "老厂房改造的孵化器入驻团队四十个，配备共享实验室和路演大厅。",
    "示例市培育专精特新企业": "工信部门建立梯度培育库，对入库企业提供技改补贴和上市辅导。",
    "示例市加强知识产权保护": "市场监管局开通维权援助热线，专利侵权纠纷平均处理周期缩短一半。",
    "示例市发展低空经济": "无人机物流航线连通山区乡镇，药品和快递当天即可送达。",
    "示例市引进高层次人才": "人才公寓新增房源八百套，海外博士来示例市创业可领取安家补助。",
}


def _filler(title: str) -> ParsedArticle:
    return ParsedArticle(title=title, paragraphs=[FILLERS[title]])


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
                _filler("示例市推进科技金融"),
                _filler("示例市建设孵化器"),
            ],
        ),
        _issue(
            2023,
            9,
            [
                _filler("示例市培育专精特新企业"),
                ParsedArticle(PIECE_TITLE, PIECE),
                _filler("示例市加强知识产权保护"),
            ],
        ),
        _issue(
            2024,
            2,
            [
                _filler("示例市发展低空经济"),
                ParsedArticle(PIECE_TITLE + "（转载）", edited(PIECE)),
                _filler("示例市引进高层次人才"),
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

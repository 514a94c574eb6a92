"""Invented bulletins in the real layouts, for tests that must run without the corpus."""

from __future__ import annotations

from tests.support.text_renditions import wrap_line

STORIES: list[tuple[str, list[str]]] = [
    (
        "北河市深化科技计划项目管理改革",
        [
            "今年以来，北河市科技局围绕项目管理全流程，出台 3 项制度，压实各方责任。",
            "一是优化申报流程。全面推行网上申报，申报材料压减 40%，企业跑腿次数明显减少，"
            "服务满意度持续提升，项目管理效率大幅提高，为全市",
            "科技创新提供了有力支撑。",
            "二是强化过程监管。建立项目台账，按季度开展督导检查。",
        ],
    ),
    (
        "南川县“三个聚焦”推动科技成果转化",
        [
            "南川县聚焦企业需求、平台建设和人才引育，全年促成成果转化 56 项。",
            "一、聚焦企业需求",
            "组织专家走访企业 120 余家，梳理技术难题 86 项，已解决 31 项。",
            "二、聚焦平台建设",
            "新建县级研发中心 8 家，其中 2 家获批省级平台。",
        ],
    ),
    (
        "东岭区打造科技金融服务生态 助力企业融资",
        [
            "东岭区推出“科创贷”等 12 款金融产品，累计发放贷款 9.6 亿元，惠及企业 230 家。",
            "下一步，东岭区将继续完善风险补偿机制，扩大政策覆盖面。",
        ],
    ),
]


def sample_text(*, contents: bool = True, date_line: str = "2025 年第 3 期") -> str:
    """An issue laid out like the office's text export (one paragraph per line)."""
    lines = ["", "", "示例情报参考", "", date_line, "", "北河市科学技术局信息中心 编辑", "", "-"]
    if contents:
        for number, (title, _) in enumerate(STORIES):
            lead = "- ★ " if number == 0 else " - ★ "
            lines.append(f"{lead}{title}.....{2 + 2 * number}")
    for title, paragraphs in STORIES:
        lines += ["", title]
        for paragraph in paragraphs:
            lines += ["", paragraph]
    lines += ["", "北河市科学技术局信息中心编辑", "", "编辑：王 明", "", "电话：5512345"]
    return "\n".join(lines)


def sample_pdf_text(width: int = 30) -> str:
    """The articles alone in the 003 layout: hard-wrapped, a blank after every line, a
    trailing space closing each paragraph, a leading space after a page break."""
    out: list[str] = []
    count = 0
    for title, paragraphs in STORIES:
        for paragraph in [title, *paragraphs]:
            pieces = wrap_line(paragraph, width)
            for number, piece in enumerate(pieces):
                count += 1
                lead = " " if count % 11 == 0 else ""
                tail = " " if number == len(pieces) - 1 else ""
                out += [lead + piece + tail, ""]
    return "\n".join(out)

"""Invented bulletins written in the real text layout, for import tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Story:
    title: str
    paragraphs: list[str]


@dataclass
class Bulletin:
    series: str = "示例情报参考"
    year: int = 2025
    issue_no: int = 3
    editor_org: str = "北河市科学技术局信息中心"
    editor: str = "王 明"
    phone: str = "5512345"
    stories: list[Story] = field(default_factory=list)

    def text(self) -> str:
        """The issue as the office's PDF-to-text export lays it out (no final newline)."""
        lines = ["", "", self.series, "", f"{self.year} 年第 {self.issue_no} 期", ""]
        lines += [f"{self.editor_org} 编辑", "", "-"]
        page = 2
        for index, story in enumerate(self.stories):
            lead = "- ★ " if index == 0 else " - ★ "
            lines.append(f"{lead}{story.title}{page}")
            page += 1 + len(story.paragraphs) // 3
        for story in self.stories:
            lines += ["", story.title]
            for paragraph in story.paragraphs:
                lines += ["", paragraph]
        lines += [
            "",
            f"{self.editor_org}编辑",
            "",
            f"编辑：{self.editor}",
            "",
            f"电话：{self.phone}",
        ]
        return "\n".join(lines)

    def write(self, path: Path, encoding: str = "utf-8", newline: str = "\n") -> Path:
        path.write_bytes(self.text().replace("\n", newline).encode(encoding))
        return path


def sample_bulletin(issue_no: int = 3, year: int = 2025) -> Bulletin:
    return Bulletin(
        year=year,
        issue_no=issue_no,
        stories=[
            Story(
                "北河市推动科技成果转化取得新进展",
                [
                    f"今年以来，北河市围绕第{issue_no}期重点任务，推动高校院所科技成果在本地落地转化，"
                    "全年登记技术合同 320 项，成交额同比增长 18.5%。",
                    "一是搭建转化平台。建成成果转化中试基地 3 家，"
                    "为中小企业提供检测、试制和工艺验证服务。",
                    "二是完善激励机制。出台科研人员职务成果收益分配办法，允许团队获得不低于七成的转化收益。",
                ],
            ),
            Story(
                "南山县以“揭榜挂帅”破解乳业关键技术难题",
                [
                    "南山县聚焦乳业全产业链需求，发布技术榜单 12 项，吸引区内外 30 余家单位揭榜。",
                    "(1) 奶牛良种繁育。联合农业大学开展胚胎移植技术攻关，良种覆盖率提高到 85%。",
                    "(2) 乳品精深加工。支持龙头企业研发功能性乳制品，新增产品 16 个。",
                ],
            ),
            Story(
                "东岭区科技特派员服务乡村振兴",
                [
                    "东岭区选派科技特派员 146 名，深入 58 个行政村开展技术服务，"
                    "培训农民 4000 余人次。",
                    "下一步，东岭区将继续完善特派员考核办法，推动服务向产业链延伸。",
                ],
            ),
        ],
    )

"""What the five real bulletins hold, as an editor reads them (short fragments only)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Expected:
    count: int
    year: int | None
    issue_no: int | None
    title_starts: tuple[str, ...]


EXPECTED: dict[str, Expected] = {
    "000": Expected(
        7,
        2023,
        8,
        (
            "国家乳业",
            "湖北宜昌",
            "四川省资阳",
            "安徽省铜陵",
            "四川攀枝花",
            "南京市扎实",
            "宁夏农村",
        ),
    ),
    "001": Expected(
        6, 2024, 1, ("内蒙古：", "四川绵阳", "宁夏科技体制", "宁波海曙", "四川巴中", "浙江衢州")
    ),
    "002": Expected(
        6,
        2023,
        7,
        ("“蒙科聚”", "南京市扎实", "安徽省阜阳", "湖北宜昌高新区", "安徽省铜陵市以", "云南省"),
    ),
    "003": Expected(
        6,
        None,
        None,
        (
            "内蒙古自治区再投",
            "浙江：完善",
            "贵州省建立",
            "安徽省铜陵市“四端”",
            "湖北潜江：",
            "湖北十堰：",
        ),
    ),
    "004": Expected(
        8,
        2022,
        8,
        (
            "内蒙古自治区科技创新联合体",
            "破题",
            "南京市积极",
            "安徽省宿州",
            "浙江长兴",
            "宁夏科技特派员",
            "安徽省黄山",
            "安徽省安庆",
        ),
    ),
}

"""The invented sentences the tests' issues are made of: (title, paragraphs) pairs, or
ParsedArticles where tests read their fields.

Every sentence is invented for the tests. ``tests.support.issues`` builds issues from these;
nothing here knows how a bulletin is laid out.
"""

from __future__ import annotations

from reader.parsing.model import ParsedArticle

Story = tuple[str, list[str]]


def north_river_stories(issue_no: int) -> list[Story]:
    """Three stories of 北河市 and its counties; the first names the issue's number, so
    two issues of the series never share their text."""
    return [
        (
            "北河市推动科技成果转化取得新进展",
            [
                f"今年以来，北河市围绕第{issue_no}期重点任务，推动高校院所科技成果在本地落地转化，"
                "全年登记技术合同 320 项，成交额同比增长 18.5%。",
                "一是搭建转化平台。建成成果转化中试基地 3 家，"
                "为中小企业提供检测、试制和工艺验证服务。",
                "二是完善激励机制。出台科研人员职务成果收益分配办法，允许团队获得不低于七成的转化收益。",
            ],
        ),
        (
            "南山县以“揭榜挂帅”破解乳业关键技术难题",
            [
                "南山县聚焦乳业全产业链需求，发布技术榜单 12 项，吸引区内外 30 余家单位揭榜。",
                "(1) 奶牛良种繁育。联合农业大学开展胚胎移植技术攻关，良种覆盖率提高到 85%。",
                "(2) 乳品精深加工。支持龙头企业研发功能性乳制品，新增产品 16 个。",
            ],
        ),
        (
            "东岭区科技特派员服务乡村振兴",
            [
                "东岭区选派科技特派员 146 名，深入 58 个行政村开展技术服务，培训农民 4000 余人次。",
                "下一步，东岭区将继续完善特派员考核办法，推动服务向产业链延伸。",
            ],
        ),
    ]


# As printed: the first story's second paragraph runs over a page break, so the text
# extracted from the print cuts it in two (``…为全市`` / ``科技创新…``); sub-headings
# stand as paragraphs of their own.
OFFICE_STORIES: list[Story] = [
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

# The window's two issues; the first title carries markup that must show as text.
ISSUE_A: list[Story] = [
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

ISSUE_B: list[Story] = [
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

# Three articles the annotation tests mark up.
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

# Articles that share none of the strings the search tests look for.
FILLER: list[Story] = [
    (
        "内蒙古推进数字经济发展",
        ["各地积极推进数字经济与实体经济融合发展。", "企业数字化转型成效明显。"],
    ),
    ("宁夏农村科技服务", ["农村技术人员深入基层，服务乡村振兴。", "示范基地建设稳步推进。"]),
    ("四川深化项目管理改革", ["市级科技计划项目管理制度不断完善。", "绩效评价更加规范。"]),
    ("安徽助力企业成长", ["聚焦企业需求，优化创新生态。", "金融支持力度持续加大。"]),
]

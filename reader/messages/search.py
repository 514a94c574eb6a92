"""Queries, standing topics, saved searches and hit lists (reader.search, reader.topics, …)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Chinese, English)
    # Queries the search cannot read (reader.search.query raises QuerySyntaxError with these).
    "query.or_needs_sides": (
        "OR 两边都要有词，例如：乳业 OR 奶业",
        "OR needs a word on each side, as in: 乳业 OR 奶业",
    ),
    "query.filter_negated": (
        "{field}: 筛选条件不能用“-”排除",
        "{field}: cannot be excluded with '-'",
    ),
    "query.or_filter": (
        "OR 只能连接词语，不能连接 {field}: 这样的筛选条件",
        "OR joins words, not filters like {field}:",
    ),
    "query.or_excluded": (
        "OR 不能连接要排除的词（以“-”开头的词）",
        "OR cannot join an excluded word (one starting with -)",
    ),
    "query.only_excluded": (
        "请再输入一个词或筛选条件：“-”只用来排除",
        "add a word or a filter to search in: '-' only excludes",
    ),
    "query.empty": ("请输入要搜索的词", "type a word to search for"),
    "query.unclosed_quote": ("引号没有闭合：{text}", "a quote is not closed: {text}"),
    "query.field_empty": ("{field}: 冒号后面要有内容", "{field}: needs something after the colon"),
    "query.empty_quotes": (
        '空引号 "" 什么也找不到：请在引号中间写上词语',
        'empty quotes "" find nothing: put a word between them',
    ),
    "query.year_not_number": (
        "year: 后面应是数字，而不是“{text}”（例如 year:2023）",
        "year: must be a number, not '{text}' (e.g. year:2023)",
    ),
    "query.issue_not_number": (
        "issue: 后面应是数字，而不是“{text}”（例如 issue:2023-8）",
        "issue: must be a number, not '{text}' (e.g. issue:2023-8)",
    ),
    "query.issue_year_not_number": (
        "issue: 的年份应是数字，而不是“{text}”（例如 issue:2023-8）",
        "issue: year must be a number, not '{text}' (e.g. issue:2023-8)",
    ),
    "query.issue_number_not_number": (
        "issue: 的期号应是数字，而不是“{text}”（例如 issue:2023-8）",
        "issue: number must be a number, not '{text}' (e.g. issue:2023-8)",
    ),
    "query.not_a_year": (
        "year:{text} 不是年份（例如 year:2023）",
        "year:{text} is not a year (e.g. year:2023)",
    ),
    "query.years_backwards": (
        "year:{value} 起止年份颠倒了（例如 year:2022-2023）",
        "year:{value} runs backwards (e.g. year:2022-2023)",
    ),
    "query.issue_form": (
        "issue:{value} 应写成年份、短横线和期号：issue:2023-8",
        "issue:{value} should be the year, a dash and the number: issue:2023-8",
    ),
    # Standing topics, saved searches and hit lists (reader.topics, reader.searches, …).
    "topic.empty_name": ("专题需要一个名称", "a topic needs a name"),
    "topic.exists": ("已有名为“{name}”的专题", "there is already a topic named {name!r}"),
    "topic.not_found": ("没有名为“{name}”的专题", "no topic named {name!r}"),
    "topic.bad_query": (
        "无法理解检索式“{query}”：{detail}",
        "cannot read the query {query!r}: {detail}",
    ),
    "search.saved_empty_name": ("保存的检索需要一个名称", "a saved search needs a name"),
    "search.saved_not_found": ("没有名为“{name}”的保存检索", "no saved search named {name!r}"),
    "hitlist.unknown_format": (
        "无法导出为“{suffix}”：请用 .csv、.xlsx 或 .docx",
        "cannot export to {suffix!r}: use .csv, .xlsx or .docx",
    ),
    "hitlist.cannot_write": ("无法写入 {path}（{detail}）", "cannot write {path} ({detail})"),
    # The search index (reader.search.index raises IndexUnusable with this).
    "search.index_unusable": (
        "搜索索引暂时无法使用（{reason}）：下次打开资料库时自动重建，也可以用“重建搜索索引”立即重建",
        "the search index cannot be used ({reason}); it is rebuilt when the archive is "
        "next opened, or now with: reader reindex",
    ),
}

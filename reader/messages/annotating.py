"""Notes, bookmarks, highlights, tags and annotation files (reader.annotations)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Chinese, English)
    # Notes, bookmarks, highlights, tags (reader.annotations).
    "annotation.no_article": (
        "资料库中没有第 {article_id} 号文章",
        "there is no article {article_id} in this archive",
    ),
    "annotation.no_note": ("没有第 {note_id} 号笔记", "there is no note {note_id}"),
    "annotation.no_highlight": (
        "没有第 {highlight_id} 号标注",
        "there is no highlight {highlight_id}",
    ),
    "annotation.no_bookmark": (
        "第 {article_id} 号文章没有书签",
        "article {article_id} has no bookmark",
    ),
    "annotation.no_tag": (
        "第 {article_id} 号文章没有标签 {tag}",
        "article {article_id} has no tag {tag}",
    ),
    "annotation.not_text": ("{what}必须是文字", "{what} must be text"),
    "annotation.not_unicode": (
        "{what}含有不是有效 Unicode 文字的字节",
        "{what} holds bytes that are not valid Unicode text",
    ),
    "annotation.what.note": ("笔记", "the note"),
    "annotation.what.tag": ("标签", "the tag"),
    "annotation.what.quote": ("标注的引文", "a highlight's quote"),
    "annotation.what.highlight_note": ("标注的笔记", "the highlight's note"),
    "annotation.bad_colour": (
        "未知的标注颜色 {colour}：请用 {colours} 或 #rrggbb",
        "unknown highlight colour {colour}: use {colours} or #rrggbb",
    ),
    "annotation.range_outside": (
        "范围 {start}–{end} 超出第 {article_id} 号文章（正文共 {length} 字，"
        "须满足 0 ≤ 起点 < 终点 ≤ {length}）",
        "range {start}–{end} does not fit article {article_id}, whose text has "
        "{length} characters (need 0 ≤ start < end ≤ {length})",
    ),
    "annotation.position_outside": (
        "位置 {position} 超出第 {article_id} 号文章（正文共 {length} 字）",
        "position {position} is outside article {article_id}, whose text has {length} characters",
    ),
    "annotation.tag_empty": ("标签需要名称", "a tag needs a name"),
    "annotation.tag_spaces": (
        "标签是一个不含空格的词，{tag} 不行",
        "a tag is one word without spaces, not {tag}",
    ),
    "annotation.tag_too_long": ("标签最多 {limit} 个字", "a tag has at most {limit} characters"),
    # Annotation files (reader.annotations.transfer and .schema).
    "annotations.cannot_read": (
        "{file}：无法读取（{detail}）",
        "{file}: cannot read it ({detail})",
    ),
    "annotations.too_large": (
        "{file}：文件太大（{size_mb} MB，最多 {limit_mb} MB），请分成几个文件导出",
        "{file}: too large ({size_mb} MB; at most {limit_mb} MB): export it in parts",
    ),
    "annotations.not_json": (
        "{file}：不是 reader 注释的 JSON 文件",
        "{file}: not a JSON file of reader annotations",
    ),
    "annotations.too_deep": (
        "{file}：JSON 嵌套太深，不是 reader 注释文件",
        "{file}: JSON nested too deeply; not a file of reader annotations",
    ),
    "annotations.bad_file": ("{file}：{problem}", "{file}: {problem}"),
    "annotations.bad_entry": ("{where}：{problem}", "{where}: {problem}"),
    "annotations.wrong_format": (
        "不是 reader 注释文件（没有格式标记 {format}）",
        "not a reader annotations file (no format {format})",
    ),
    "annotations.newer_version": (
        "注释文件格式版本 {version} 比本版 reader 所能读取的更新",
        "annotations format version {version} is newer than this version of reader understands",
    ),
    "annotations.no_articles": ("文件中没有文章列表", "the file has no list of articles"),
    "annotations.not_object": ("{where} 应为对象", "{where} must be an object"),
    "annotations.not_list": ("{where} 应为列表", "{where} must be a list"),
    "annotations.not_text": ("{where} 应为文字", "{where} must be text"),
    "annotations.not_number": ("{where} 应为整数", "{where} must be a whole number"),
    "annotations.missing": ("缺少 {where}", "{where} is missing"),
    "annotations.out_of_range": (
        "{where} 超出范围（应在 0 到 {high} 之间）",
        "{where} is out of range (0 to {high})",
    ),
    "annotations.reversed_range": (
        "{where} 的起点在终点之后",
        "{where} starts after it ends",
    ),
    "annotations.field_not_unicode": (
        "{where} 含有不是有效 Unicode 文字的字符",
        "{where} holds characters that are not valid Unicode text",
    ),
    "annotation.nothing_imported": (
        "{path}：{reason}；没有导入任何批注",
        "{path}: {reason}; nothing was imported",
    ),
}

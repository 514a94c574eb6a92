"""Briefs and their exports (reader.briefs, reader.export)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Chinese, English)
    # Briefs (reader.briefs raises BriefError with these).
    "brief.no_such_name": ("没有名为“{name}”的简报", "no brief named {name!r}"),
    "brief.no_such_id": ("没有第 {brief_id} 号简报", "no brief {brief_id}"),
    "brief.needs_name": ("简报需要一个名称", "a brief needs a name"),
    "brief.name_taken": ("已有名为“{name}”的简报", "a brief named {name!r} already exists"),
    "brief.cannot_change": ("不能修改简报的 {fields}", "cannot change {fields} of a brief"),
    "brief.needs_title": ("简报需要一个标题", "a brief needs a title"),
    "brief.no_such_articles": ("没有编号为 {ids} 的文章", "no article with id {ids}"),
    "brief.not_in_brief": (
        "第 {article_id} 篇文章不在简报“{name}”中",
        "article {article_id} is not in brief {name!r}",
    ),
    # Excerpts (reader.excerpts).
    "brief.no_such_article": ("没有第 {article_id} 篇文章", "no article with id {article_id}"),
    "brief.passage_outside": (
        "第 {start}–{end} 字不在第 {article_id} 篇文章之内（全文 0–{length} 字）",
        "passage {start}–{end} is not within article {article_id} (0–{length})",
    ),
    "brief.empty_passage": ("所选段落没有文字", "the passage holds no text"),
    "brief.bad_order": (
        "新的顺序必须把简报中的每篇文章恰好列出一次",
        "the new order must list each article of the brief exactly once",
    ),
    # Exports of a brief (reader.export raises ExportError with these).
    "export.empty": (
        "没有可导出的内容：汇编中没有文章",
        "nothing to export: the brief has no articles",
    ),
    "export.no_such_articles": ("没有编号为 {ids} 的文章", "no article with id {ids}"),
    "export.brief_and_ids": (
        "请指定一个汇编或列出文章编号，不能两者都给",
        "name a brief or list article ids, not both",
    ),
    "export.unknown_format": (
        "未知格式 {fmt!r}（可选 {choices}）",
        "unknown format {fmt!r} (choose from {choices})",
    ),
    "export.is_folder": ("{path} 是文件夹，请给出文件名", "{path} is a folder; give a file name"),
    "export.no_folder": ("文件夹 {path} 不存在", "{path} does not exist"),
    "export.cannot_write_in": (
        "无法在 {path} 中写入文件（{reason}）",
        "cannot write in {path}: {reason}",
    ),
    "export.cannot_write": ("无法写入 {path}（{reason}）", "cannot write {path}: {reason}"),
    "export.cannot_read": (
        "无法导出 {target}：读取导出所需的文件 {path} 失败（{reason}）；请重新安装本程序",
        "cannot export {target}: reading {path}, which the export needs, failed ({reason});"
        " reinstall the reader",
    ),
    "export.no_font": (
        "找不到中文字体：请安装 fonts-noto-cjk（Debian/Ubuntu：sudo apt install fonts-noto-cjk；"
        "Fedora：google-noto-serif-cjk-fonts）或其他中文字体，然后重新导出",
        "no Chinese font found: install fonts-noto-cjk (Debian/Ubuntu: sudo apt install "
        "fonts-noto-cjk; Fedora: google-noto-serif-cjk-fonts) or another Chinese font, "
        "then export again",
    ),
    "export.bad_font": (
        "无法使用字体 {path}（{detail}）",
        "{path}: cannot use this font ({detail})",
    ),
    "export.repeated": (
        "同一篇文章在汇编中出现了不止一次（第 {places} 篇）：{title}",
        "the same article is in the brief more than once (articles {places}): {title}",
    ),
    "export.qt_font": ("Qt 无法加载字体 {path}", "{path}: Qt cannot load this font"),
}

"""Every message the core can show the editor, by code, in Chinese and in English.

The core never words a message for one face. It raises a :class:`ReaderError` (or returns a
:class:`Message`) carrying a code and its arguments, and each face renders it in its own
language with :meth:`Message.render`: the window in the editor's language (Chinese by
default), the command line in English, since its output lines are a documented format that
scripts read.

Adding a message: put its code in :data:`CATALOGUE` with both wordings; the arguments are
``str.format`` fields. A test checks that every code has both and that their fields agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ZH = "zh_CN"
EN = "en"

CATALOGUE: dict[str, tuple[str, str]] = {
    # code: (Chinese, English)
    # Files that cannot be imported (reader.parsing raises SourceError with these).
    "source.cannot_read": ("无法读取文件（{detail}）", "cannot read file: {detail}"),
    "source.empty": ("文件是空的", "empty file"),
    "source.binary": ("文件是二进制数据，不是文本", "binary data, not text"),
    "source.undecodable": (
        "无法识别文字编码（不是 UTF-8、UTF-16 或 GB18030）",
        "cannot decode text (not UTF-8, UTF-16 or GB18030)",
    ),
    "source.undecodable_as": ("无法按 {encoding} 编码读取文字", "cannot decode text as {encoding}"),
    "source.text_too_large": (
        "文件太大（超过 50 MB 的文本文件不予导入）",
        "file too large (text files over 50 MB are refused)",
    ),
    "source.text_is_pdf": ("这是 PDF 文件，不是文本", "a PDF file, not text"),
    "source.text_is_zip": (
        "这是 ZIP 压缩包（DOCX？），不是文本",
        "a ZIP archive (DOCX?), not text",
    ),
    "source.text_is_doc": (
        "这是 Word 97-2003（.doc）文件，不是文本",
        "a Word 97-2003 (.doc) file, not text",
    ),
    "source.text_is_png": ("这是 PNG 图片，不是文本", "a PNG image, not text"),
    "source.text_is_jpeg": ("这是 JPEG 图片，不是文本", "a JPEG image, not text"),
    "source.text_is_gif": ("这是 GIF 图片，不是文本", "a GIF image, not text"),
    "source.text_is_rtf": ("这是 RTF 文档，不是纯文本", "an RTF document, not plain text"),
    "source.unsupported_type": (
        "不支持的文件类型 {suffix}",
        "unsupported file type {suffix}",
    ),
    "source.not_pdf": ("不是 PDF 文件", "not a PDF file"),
    "source.not_docx": ("不是 DOCX 文件", "not a DOCX file"),
    "source.pdf_no_text_layer": (
        "PDF 没有文字层（扫描图像？）",
        "PDF has no text layer (scanned image?)",
    ),
    "source.pdf_no_unicode": (
        "PDF 的文字无法解码（字体缺少 Unicode 映射）",
        "PDF text cannot be decoded (fonts without a Unicode map)",
    ),
    "source.pdf_encrypted": ("PDF 已加密", "PDF is encrypted"),
    "source.pdf_damaged": ("PDF 已损坏（{detail}）", "PDF is damaged ({detail})"),
    "source.pdf_bomb": (
        "PDF 的内容解压后过大（单个数据流超过 {stream_mb} MB 或合计超过 {total_mb} MB），"
        "疑似压缩炸弹，未导入",
        "PDF streams inflate too far (a stream over {stream_mb} MB or all over "
        "{total_mb} MB): a decompression bomb?",
    ),
    "source.pdf_page_too_busy": (
        "PDF 的某一页绘制的对象超过 {limit} 个，不像简报，未导入",
        "a PDF page draws more than {limit} glyphs and shapes; not a bulletin page",
    ),
    "source.pdf_too_busy": (
        "PDF 绘制的对象合计超过 {limit} 个，未导入",
        "the PDF draws more than {limit} glyphs and shapes in all",
    ),
    "source.docx_not_word": ("不是 Word 文档", "not a Word document"),
    "source.docx_not_word_detail": ("不是 Word 文档（{detail}）", "not a Word document ({detail})"),
    "source.docx_corrupt": (
        "不是 Word 文档（已损坏或不是 DOCX）",
        "not a Word document (corrupt or not DOCX)",
    ),
    "source.docx_damaged": ("DOCX 已损坏（{detail}）", "DOCX is damaged ({detail})"),
    "source.docx_too_large": ("DOCX 文件太大", "file too large"),
    "source.docx_password": ("DOCX 设有密码保护", "DOCX is password-protected"),
    "source.docx_is_doc": (
        "不是 DOCX 文档（旧版 .doc 格式：请另存为 .docx）",
        "not a Word document (old .doc format: save it as .docx)",
    ),
    "source.docx_bomb": ("可疑的 DOCX（压缩炸弹？）", "suspicious DOCX (zip bomb?)"),
    "source.no_text": ("不是简报：没有文字", "not a bulletin: no text"),
    "source.no_titles": ("不是简报：找不到文章标题", "not a bulletin: no article titles found"),
    "source.no_structure": (
        "不是简报：找不到文章结构",
        "not a bulletin: no article structure found",
    ),
    "source.reads_like_fiction": (
        "不是简报：找不到文章结构（读起来像小说）",
        "not a bulletin: no article structure found (reads like fiction)",
    ),
    # Saved web pages and other formats (reader.parsing.html, .ofd, .legacy_word, .ocr).
    "source.html_too_large": (
        "网页文件太大（超过 50 MB 不予导入）",
        "web page too large (over 50 MB is refused)",
    ),
    "source.html_not_html": ("不是网页文件", "not a web page"),
    "source.html_damaged": ("网页无法解析（{detail}）", "web page cannot be parsed ({detail})"),
    "source.html_no_text": ("网页里没有正文文字", "the web page holds no text"),
    "source.mht_no_html": (
        "MHT 网页存档里没有网页内容（已损坏？）",
        "the MHT web archive holds no web page (damaged?)",
    ),
    "source.doc_not_word": ("不是 Word 97-2003 或 WPS 文档", "not a Word 97-2003 or WPS document"),
    "source.doc_needs_libreoffice": (
        "读取 .doc/.wps 文件需要 LibreOffice，本机没有找到。请安装 LibreOffice"
        "（https://zh-cn.libreoffice.org/ 下载；Debian/Ubuntu 可运行 "
        "sudo apt install libreoffice-writer-nogui），或在 WPS/Word 中另存为 .docx 后再导入",
        "reading .doc/.wps files needs LibreOffice, which was not found: install it "
        "(https://www.libreoffice.org/; on Debian/Ubuntu: sudo apt install "
        "libreoffice-writer-nogui), or save the file as .docx in WPS/Word and import that",
    ),
    "source.doc_cannot_start": (
        "无法启动 LibreOffice（{detail}）",
        "cannot start LibreOffice ({detail})",
    ),
    "source.doc_timeout": (
        "LibreOffice 转换超过 {seconds} 秒仍未完成，已停止（文件损坏或过大？）",
        "LibreOffice did not finish converting within {seconds} s and was stopped "
        "(damaged or very large file?)",
    ),
    "source.doc_unreadable": (
        "LibreOffice 无法读取该文档（已损坏或设有密码？）",
        "LibreOffice cannot read the document (damaged or password-protected?)",
    ),
    "source.ocr_missing": (
        "识别扫描件需要文字识别（OCR）组件，本程序未包含：请安装带 OCR 的版本"
        "（pip install rapidocr onnxruntime pypdfium2）",
        "reading scans needs the OCR part, which is not installed "
        "(pip install rapidocr onnxruntime pypdfium2)",
    ),
    "source.ocr_cancelled": ("已取消文字识别", "OCR cancelled"),
    "source.ocr_no_text": ("扫描件中没有识别出文字", "no text recognised in the scan"),
    "source.ocr_too_many_pages": (
        "扫描件页数过多（{pages} 页）",
        "the scan has too many pages ({pages})",
    ),
    "source.image_unreadable": ("图片无法读取（{detail}）", "cannot read the image ({detail})"),
    "source.image_too_large": (
        "图片过大（可疑的解压炸弹）",
        "image too large (suspected decompression bomb)",
    ),
    "source.ofd_not_ofd": ("不是 OFD 文件", "not an OFD file"),
    "source.ofd_damaged": ("OFD 已损坏（{detail}）", "OFD is damaged ({detail})"),
    "source.ofd_encrypted": ("OFD 已加密", "OFD is encrypted"),
    "source.ofd_bomb": (
        "可疑的 OFD（解压后过大，压缩炸弹？）",
        "suspicious OFD (too large when unpacked: zip bomb?)",
    ),
    "source.ofd_no_text": (
        "OFD 没有文字（扫描图像？）",
        "OFD has no text (scanned image?)",
    ),
    "source.ofd_too_many_pages": (
        "OFD 页数过多（{pages} 页）",
        "OFD has too many pages ({pages})",
    ),
    # What became of a file in an import (reader.importer).
    "import.unsupported_type": (
        "不支持的文件类型 {suffix}（可导入 {formats} 文件）",
        "unsupported file type {suffix} (import {formats} files)",
    ),
    "import.no_such_path": ("没有这个文件或文件夹", "no such file or folder"),
    "import.folder_named_like_file": (
        "这是文件夹，不是文件（其中的文件另行导入）",
        "a folder, not a file (the files inside it are imported on their own)",
    ),
    "import.fifo": (
        "这是命名管道（FIFO），不是文件，未读取",
        "a named pipe (FIFO), not a file; not read",
    ),
    "import.device": ("这是设备，不是文件，未读取", "a device, not a file; not read"),
    "import.special_file": (
        "这是特殊文件（套接字等），不是普通文件，未读取",
        "a special file (socket or the like), not a regular file; not read",
    ),
    "import.system_file": (
        "这是系统文件（{real}），不是简报，未读取",
        "a system file ({real}), not a bulletin; not read",
    ),
    "import.link_loops": ("符号链接循环指向自身", "a symbolic link that loops back on itself"),
    "import.link_dangles": (
        "符号链接指向的 {target} 不存在",
        "a symbolic link to {target}, which does not exist",
    ),
    "import.file_too_large": ("文件太大（{size_mb} MB）", "file too large ({size_mb} MB)"),
    "import.cannot_read": ("无法读取文件（{detail}）", "cannot read the file ({detail})"),
    "import.parser_bug": (
        "读取时程序出错（{kind}：{detail}），这是程序的缺陷",
        "could not read it ({kind}: {detail})",
    ),
    "import.cannot_save": (
        "无法存入资料库（{detail}）",
        "could not save it in the archive ({detail})",
    ),
    "import.same_file": ("与第 {issue_id} 号期刊是同一文件", "same file as issue {issue_id}"),
    "import.rendition": (
        "第 {issue_id} 号期刊的另一版本（原有文字保留）",
        "another rendition of issue {issue_id}",
    ),
    "import.updated": (
        "第 {issue_id} 号期刊 {label}：{articles} 篇中 {changed} 篇有改动（{titles}）",
        "issue {issue_id} {label}: {changed} of {articles} articles changed ({titles})",
    ),
    "import.imported": (
        "第 {issue_id} 号期刊 {label}，{articles} 篇文章",
        "issue {issue_id} {label}, {articles} articles",
    ),
    "import.clash": (
        "第 {issue_id} 号期刊 {label}，{articles} 篇文章；"
        "与第 {others} 号期刊刊名期号相同而文章不同，请核对期刊信息",
        "issue {issue_id} {label}, {articles} articles; clashes with issue {others}: same "
        "series, year and number, different articles",
    ),
    # The store's own refusals (reader.store).
    "store.no_issue": ("没有第 {issue_id} 号期刊", "no issue with id {issue_id}"),
    "store.not_a_source": (
        "来源 {source_id} 不是第 {issue_id} 号期刊的来源文件",
        "source {source_id} is not a source of issue {issue_id}",
    ),
    "store.source_text_not_kept": (
        "来源 {source_id} 的文字没有保存（导入时的版本较旧），请重新导入该文件",
        "the text of source {source_id} was not kept (imported by an older version); "
        "import the file again",
    ),
    "trash.not_in_trash": (
        "第 {issue_id} 号期刊不在回收站中",
        "issue {issue_id} is not in the trash",
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
    # Opening and writing the archive (reader.store.db).
    "archive.unreadable": (
        "{path}：不是可读的资料库（{detail}）",
        "{path}: not a readable archive database ({detail})",
    ),
    "archive.newer_schema": (
        "{path} 由更新版本的 reader 写入（结构步骤 {step}），请安装新版本后再打开",
        "{path} was written by a newer version of reader (schema step {step}); "
        "install the newer version to open it",
    ),
    "archive.busy": (
        "{path}：另一个程序正在写入资料库，等待 {seconds} 秒后仍未完成，请稍后再试",
        "{path}: another program kept the archive busy for {seconds} s; try again",
    ),
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
    # Backups and restores (reader.backup, reader.backup_schema).
    "backup.copy_failed_check": (
        "{path}：副本未通过检查（{detail}）",
        "{path}: the copy failed its check ({detail})",
    ),
    "backup.no_such_file": ("{path}：没有这个文件", "{path}: no such file"),
    "backup.not_sqlite": (
        "{path}：不是 reader 资料库（不是 SQLite 数据库文件）",
        "{path}: not a reader archive (not an SQLite database file)",
    ),
    "backup.cannot_open": ("{path}：无法打开（{detail}）", "{path}: cannot open it ({detail})"),
    "backup.unreadable": (
        "{path}：数据库已损坏或无法读取（{detail}）",
        "{path}: damaged or unreadable database ({detail})",
    ),
    "backup.damaged": (
        "{path}：数据库已损坏（{detail}）",
        "{path}: the database is damaged ({detail})",
    ),
    "backup.not_reader": (
        "{path}：是 SQLite 数据库，但不是 reader 资料库",
        "{path}: an SQLite database, but not a reader archive",
    ),
    "backup.newer_schema": (
        "{path} 由更新版本的 reader 写入（结构步骤 {step}），请安装新版本后再恢复",
        "{path} was written by a newer version of reader (schema step {step}); "
        "install the newer version to restore it",
    ),
    "backup.foreign_schema": (
        "{path}：不是本程序写出的资料库结构（{problem}），未恢复，现有资料库未改动",
        "{path}: not an archive as reader writes it ({problem}); nothing was restored",
    ),
    "backup.foreign_trigger": ("含有触发器 {name}", "it holds a trigger {name}"),
    "backup.foreign_view": ("含有视图 {name}", "it holds a view {name}"),
    "backup.unknown_table": ("含有未知的表 {name}", "it holds an unknown table {name}"),
    "backup.missing_table": ("缺少表 {name}", "the table {name} is missing"),
    "backup.wrong_columns": ("表 {name} 的列不对", "the table {name} has other columns"),
    "backup.schema_steps_out_of_order": (
        "结构步骤顺序不对：{steps}",
        "its schema steps are not reader's: {steps}",
    ),
    "backup.is_the_archive": (
        "{path}：这就是资料库本身，请另选文件",
        "{path}: that is the archive itself; choose another file",
    ),
    "backup.no_folder": (
        "{path}：文件夹 {folder} 不存在",
        "{path}: the folder {folder} does not exist",
    ),
    "backup.would_overwrite": (
        "{path}：该文件已存在且不是 reader 备份，请换个名称",
        "{path}: the file exists and is not a reader backup; choose another name",
    ),
    "backup.no_archive": ("{path}：没有可备份的资料库", "{path}: there is no archive to back up"),
    "backup.failed": ("{path}：备份失败（{detail}）", "{path}: the backup failed ({detail})"),
    "backup.cannot_write": ("{path}：无法写入（{detail}）", "{path}: cannot write it ({detail})"),
    "backup.cannot_migrate": (
        "{path}：无法升级到当前结构（{problem}）",
        "{path}: cannot be brought up to date ({problem})",
    ),
    "backup.archive_in_use": (
        "{folder}：资料库正在另一个 reader 窗口或命令中使用，请关闭后重试",
        "{folder}: the archive is open in another reader window or command; close it and try again",
    ),
    "backup.restore_itself": ("{path}：这就是资料库本身", "{path}: that is the archive itself"),
    "backup.restore_failed": (
        "{path}：恢复失败（{detail}），资料库未改动",
        "{path}: the restore failed ({detail}); the archive is unchanged",
    ),
    "backup.restore_failed_os": (
        "{folder}：恢复失败（{detail}）",
        "{folder}: the restore failed ({detail})",
    ),
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
    "error.unexpected": (
        "程序出错（{kind}）：{detail}。这是程序的缺陷，不是您的操作问题",
        "internal error ({kind}): {detail}; this is a bug, not something you did",
    ),
}


def _fields(template: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True, slots=True)
class Message:
    """A message to the editor: a code from :data:`CATALOGUE` and its arguments."""

    code: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str = EN) -> str:
        """The message in ``language`` (``"zh_CN"`` or ``"en"``); an unknown code shows as is."""
        wordings = CATALOGUE.get(self.code)
        if wordings is None:
            return self.code
        template = wordings[0] if language.startswith("zh") else wordings[1]
        args = {
            name: value.render(language) if isinstance(value, Message) else value
            for name, value in self.args.items()
        }
        try:
            return template.format(**args)
        except (KeyError, IndexError, ValueError):
            return template

    def __str__(self) -> str:
        return self.render(EN)


def message(code: str, **args: Any) -> Message:
    """Shorthand for ``Message(code, args)``."""
    return Message(code, args)


class ReaderError(Exception):
    """Something the editor can cause and put right (a bad file, a wrong id, a locked archive).

    Anything else that escapes the core is a bug: faces report it as such, with its
    traceback in the log, never as the editor's mistake. ``str(error)`` is the English
    wording; faces call ``error.message.render(language)``.
    """

    def __init__(self, code: str, **args: Any) -> None:
        self.message = Message(code, args)
        super().__init__(self.message.render(EN))

    @property
    def code(self) -> str:
        return self.message.code


def render_error(error: BaseException, language: str = EN) -> str:
    """Words for any error: a :class:`ReaderError`'s own, or a bug's plain description."""
    if isinstance(error, ReaderError):
        return error.message.render(language)
    detail = str(error) or type(error).__name__
    return message("error.unexpected", kind=type(error).__name__, detail=detail).render(language)


def catalogue_problems() -> list[str]:
    """Codes whose two wordings are missing or name different fields (for the tests)."""
    problems = []
    for code, wordings in CATALOGUE.items():
        if len(wordings) != 2 or not all(wordings):
            problems.append(f"{code}: needs a Chinese and an English wording")
        elif _fields(wordings[0]) != _fields(wordings[1]):
            problems.append(f"{code}: the two wordings name different fields")
    return problems

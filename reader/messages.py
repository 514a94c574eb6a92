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
    "import.same_text": ("与第 {issue_id} 号期刊文字相同", "same text as issue {issue_id}"),
    "import.updated": (
        "第 {issue_id} 号期刊 {label}：{articles} 篇中 {changed} 篇有改动",
        "issue {issue_id} {label}: {changed} of {articles} articles changed",
    ),
    "import.imported": (
        "第 {issue_id} 号期刊 {label}，{articles} 篇文章",
        "issue {issue_id} {label}, {articles} articles",
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
        try:
            return template.format(**self.args)
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

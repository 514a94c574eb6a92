"""Files the readers cannot take (reader.parsing raises SourceError with these)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
        "不支持的文件类型 {suffix}（可导入 {formats} 文件）",
        "unsupported file type {suffix} (import {formats} files)",
    ),
    "source.no_suffix": ("（无后缀）", "(none)"),
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
}

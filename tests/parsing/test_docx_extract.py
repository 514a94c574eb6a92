"""Word documents read paragraph by paragraph, with their cues, and hostile ones refused."""

from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

import pytest

from reader.parsing.docx import extract_docx_blocks
from reader.parsing.model import SourceError
from tests.support.make_samples import sample_issue
from tests.support.typeset import article_pages, write_docx


def test_paragraphs_come_with_their_cues(tmp_path: Path) -> None:
    issue = sample_issue(4)
    path = tmp_path / "issue.docx"
    write_docx(issue, path)
    blocks = [b for b in extract_docx_blocks(path) if b.text]
    assert blocks[0].text == issue.series
    assert blocks[0].bold and blocks[0].centered and blocks[0].size == 30
    pages = article_pages(issue)
    entries = [b.text for b in blocks if b.text.startswith("★")]
    assert entries == [f"★ {a.title}\t{p}" for a, p in zip(issue.articles, pages, strict=True)]
    titles = [b for b in blocks if b.bold and b.size == 16]
    assert [b.text for b in titles] == [a.title for a in issue.articles]
    assert all(b.centered for b in titles)
    assert titles[0].starts_page and titles[0].page == 2
    body = [b.text for b in blocks if b.indented]
    assert body == [p for a in issue.articles for p in a.paragraphs]
    assert all(b.ends_paragraph for b in blocks)
    assert [b.text for b in blocks[-3:]] == [
        f"{issue.editor_org}编辑",
        "编辑：王 明",
        "电话：5550123",
    ]


def test_a_toc_field_reads_as_title_tab_page(tmp_path: Path) -> None:
    issue = sample_issue(4)
    path = tmp_path / "toc.docx"
    write_docx(issue, path, toc_field=True)
    blocks = extract_docx_blocks(path)
    entries = [b.text for b in blocks if "\t" in b.text]
    pages = article_pages(issue)
    assert entries == [f"{a.title}\t{p}" for a, p in zip(issue.articles, pages, strict=True)]
    assert not any("PAGEREF" in b.text or "TOC" in b.text for b in blocks)


def test_soft_line_breaks_split_a_paragraph_into_wrapped_lines(tmp_path: Path) -> None:
    issue = sample_issue(4)
    path = tmp_path / "wrapped.docx"
    write_docx(issue, path, hard_breaks=True)
    blocks = [b for b in extract_docx_blocks(path) if b.page == 2 and b.size == 12]
    paragraphs: list[str] = []
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        if block.indented:
            paragraphs.append("")
        assert paragraphs, "a paragraph's first line is indented with full-width spaces"
        paragraphs[-1] += block.text
        assert block.ends_paragraph is (following is None or bool(following.indented))
    assert paragraphs == [p for a in issue.articles for p in a.paragraphs]
    assert len(blocks) > len(paragraphs)


def _document(body: str) -> bytes:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    for element in parse_xml(f"<w:body {nsdecls('w')}>{body}</w:body>"):
        document.element.body.insert(len(document.element.body) - 1, element)
    from io import BytesIO

    out = BytesIO()
    document.save(out)
    return out.getvalue()


def test_tables_page_breaks_deletions_and_field_codes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.docx"
    path.write_bytes(
        _document(
            "<w:p><w:r><w:t>表前一段。</w:t></w:r></w:p>"
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格甲</w:t></w:r></w:p></w:tc>"
            "<w:tc><w:p><w:r><w:t>单元格乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            "<w:p><w:r><w:t>删改</w:t></w:r><w:del w:id='1' w:author='a'><w:r>"
            "<w:delText>已删除</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType='begin'/>"
            "</w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r>"
            "<w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>之后</w:t></w:r><w:r>"
            "<w:fldChar w:fldCharType='end'/></w:r><w:r><w:br w:type='page'/>"
            "<w:t>新页开头</w:t></w:r></w:p>"
            "<w:p><w:pPr><w:ind w:firstLineChars='200'/></w:pPr>"
            "<w:r><w:t>缩进段落</w:t></w:r></w:p>"
        )
    )
    blocks = [b for b in extract_docx_blocks(path) if b.text]
    assert [b.text for b in blocks] == [
        "表前一段。",
        "单元格甲\u3000\u3000单元格乙",  # a table row is one line, its cells set apart
        "删改之后",
        "新页开头",
        "缩进段落",
    ]
    assert [b.page for b in blocks] == [1, 1, 1, 2, 2]
    assert [b.starts_page for b in blocks] == [False, False, False, True, False]
    assert blocks[2].ends_paragraph is False and blocks[3].ends_paragraph is True
    assert blocks[4].indented and not blocks[3].indented


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _declare_size(path: Path, size: int) -> None:
    """Make the central directory claim a member unpacks to ``size`` bytes."""
    data = bytearray(path.read_bytes())
    at = data.index(b"PK\x01\x02")
    data[at + 24 : at + 28] = struct.pack("<I", size)
    path.write_bytes(bytes(data))


def _make_bad(kind: str, path: Path) -> None:
    if kind == "text":
        path.write_text("科技情报参考 2023 年第 8 期", encoding="utf-8")
    elif kind == "truncated":
        path.write_bytes(_document("<w:p><w:r><w:t>正文</w:t></w:r></w:p>")[:1500])
    elif kind == "no-document":
        _zip(path, {"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<styles/>"})
    elif kind == "ratio-bomb":
        _zip(path, {"word/document.xml": b"<w:document/>", "word/media/a.bin": bytes(8 << 20)})
    elif kind == "declared-bomb":
        _zip(path, {"word/document.xml": b"<w:document/>"})
        _declare_size(path, 300 << 20)
    elif kind == "too-large":
        with path.open("wb") as handle:  # sparse: no 100 MB written for real
            handle.truncate(101 * 1024 * 1024)
    elif kind == "encrypted":
        directory = "EncryptedPackage".encode("utf-16-le")
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + directory + bytes(64))
    elif kind == "legacy-doc":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    elif kind == "broken-xml":
        good = tmp = path.with_suffix(".good")
        tmp.write_bytes(_document("<w:p><w:r><w:t>正文</w:t></w:r></w:p>"))
        with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
            for item in source.infolist():
                data = source.read(item)
                if item.filename == "word/document.xml":
                    data = data[: len(data) // 2]
                target.writestr(item, data)


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("text", "not a Word document (corrupt or not DOCX)"),
        ("truncated", "not a Word document (corrupt or not DOCX)"),
        ("no-document", "not a Word document"),
        ("ratio-bomb", "suspicious DOCX (zip bomb?)"),
        ("declared-bomb", "suspicious DOCX (zip bomb?)"),
        ("too-large", "file too large"),
        ("encrypted", "DOCX is password-protected"),
        ("legacy-doc", "not a Word document (old .doc format: save it as .docx)"),
        ("broken-xml", "DOCX is damaged ("),
    ],
)
def test_bad_word_files_give_one_clear_reason(tmp_path: Path, kind: str, reason: str) -> None:
    path = tmp_path / "bad.docx"
    _make_bad(kind, path)
    with pytest.raises(SourceError) as caught:
        extract_docx_blocks(path)
    message = str(caught.value)
    assert message == reason or (reason.endswith("(") and message.startswith(reason))
    assert "\n" not in message and not re.search(r"Traceback|File \"", message)


def test_automatic_numbering_labels_are_read(tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f"<w:abstractNum {nsdecls('w')} w:abstractNumId='90'>"
            "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='chineseCounting'/>"
            "<w:lvlText w:val='%1、'/></w:lvl>"
            "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:numFmt w:val='decimal'/>"
            "<w:lvlText w:val='（%2）'/></w:lvl></w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(f"<w:num {nsdecls('w')} w:numId='90'><w:abstractNumId w:val='90'/></w:num>")
    )

    def numbered(text: str, level: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f"<w:numPr {nsdecls('w')}><w:ilvl w:val='{level}'/><w:numId w:val='90'/></w:numPr>"
            )
        )

    numbered("聚焦企业需求", 0)
    numbered("走访企业", 1)
    numbered("梳理难题", 1)
    numbered("聚焦平台建设", 0)
    numbered("新建中心", 1)
    document.add_paragraph("自动编号的列表", style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    assert [b.text for b in extract_docx_blocks(path)] == [
        "一、聚焦企业需求",
        "（1）走访企业",
        "（2）梳理难题",
        "二、聚焦平台建设",
        "（1）新建中心",
        "1. 自动编号的列表",
    ]

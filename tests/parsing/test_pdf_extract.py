"""PDF text layers read back line by line, as typeset, without page furniture."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.parsing.model import Block, ParsedIssue, SourceError
from reader.parsing.pdf import extract_pdf_blocks
from tests.support.make_samples import sample_issue
from tests.support.typeset import article_pages, write_pdf

_FURNITURE = re.compile(r"^-\s*\d+\s*-$|^\d+$|^第\s*\d+\s*页$")


def body_text(blocks: list[Block]) -> str:
    """Every line after the contents, joined as the wraps cut it."""
    return "".join(block.text for block in blocks if block.page and block.page > 1)


def typeset(
    tmp_path: Path, issue: ParsedIssue, name: str = "issue.pdf", **options: object
) -> list[Block]:
    path = tmp_path / name
    write_pdf(issue, path, **options)  # type: ignore[arg-type]
    return extract_pdf_blocks(path)


def test_lines_come_back_in_order_with_every_character(tmp_path: Path) -> None:
    issue = sample_issue(5)
    blocks = typeset(tmp_path, issue)
    expected = "".join(a.title + "".join(a.paragraphs) for a in issue.articles)
    footer = "示例市科学技术信息中心编辑编辑：王 明电话：5550123"
    assert body_text(blocks) == expected + footer


def test_titles_are_bold_centered_and_larger_and_paragraphs_indented(tmp_path: Path) -> None:
    issue = sample_issue(5)
    blocks = [b for b in typeset(tmp_path, issue) if b.page and b.page > 1]
    titles = [b for b in blocks if b.bold]
    assert "".join(b.text for b in titles) == "".join(a.title for a in issue.articles)
    assert all(b.centered and b.size == 16 for b in titles)
    # The long first title is set over two centered lines.
    assert titles[0].text + titles[1].text == issue.articles[0].title
    body = [b for b in blocks if not b.bold and b.size == 12]
    starts = [b.text for b in body if b.indented]
    paragraphs = [p for a in issue.articles for p in a.paragraphs]
    assert len(starts) == len(paragraphs)
    assert all(p.startswith(s) for p, s in zip(paragraphs, starts, strict=True))
    assert not any(b.centered for b in body)


def test_a_paragraph_cut_by_a_page_break_continues_unindented(tmp_path: Path) -> None:
    blocks = typeset(tmp_path, sample_issue(5))
    firsts = [b for b in blocks if b.starts_page]
    assert [b.page for b in firsts] == [1, 2, 3]
    cut = firsts[-1]
    assert not cut.indented and not cut.bold
    before = blocks[blocks.index(cut) - 1]
    assert before.ends_paragraph is False  # a full line: the paragraph goes on
    paragraphs = [p for a in sample_issue(5).articles for p in a.paragraphs]
    assert any(before.text + cut.text in p for p in paragraphs)


def test_running_headers_and_page_numbers_are_removed(tmp_path: Path) -> None:
    issue = sample_issue(5)
    with_header = typeset(tmp_path, issue, "a.pdf", running_header=True)
    without = typeset(tmp_path, issue, "b.pdf", running_header=False)
    assert [b.text for b in with_header] == [b.text for b in without]
    assert not [b.text for b in with_header if _FURNITURE.match(b.text)]
    assert [b.text for b in with_header].count("2024 年第 5 期") == 1  # the masthead only


def test_letter_spacing_leaves_no_spaces_between_chinese_characters(tmp_path: Path) -> None:
    issue = sample_issue(5)
    plain = typeset(tmp_path, issue, "plain.pdf")
    spaced = typeset(tmp_path, issue, "spaced.pdf", letter_spacing=True)
    assert len(spaced) > len(plain)  # wider text, more lines
    # Not a space more or less than typeset (the first test pins the plain rendition).
    assert body_text(spaced) == body_text(plain)
    texts = [b.text for b in spaced]
    # Real spaces stay: around numbers, inside a title, in a padded name.
    assert "2024 年第 5 期" in texts
    assert "编辑：王 明" in texts
    assert "投入研发经费 3.5 亿元" in body_text(spaced)


def test_contents_lines_keep_leaders_and_page_numbers(tmp_path: Path) -> None:
    issue = sample_issue(5)
    blocks = typeset(tmp_path, issue)
    entries = [b.text for b in blocks if b.text.startswith("★")]
    pages = article_pages(issue)
    assert len(entries) == len(issue.articles)
    for entry, article, page in zip(entries, issue.articles, pages, strict=True):
        assert re.fullmatch(rf"★ {re.escape(article.title)}\.{{3,}}{page}", entry)


def _raw_pdf(content: bytes, to_unicode: bytes) -> bytes:
    """A one-page PDF in Helvetica whose ToUnicode map says what each byte means."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(to_unicode), to_unicode),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_kangxi_radicals_in_the_text_layer_read_as_ideographs(tmp_path: Path) -> None:
    # 人 民 自 由 mapped to ⼈ (Kangxi) ⺠ (radicals supplement) ⾃ (Kangxi) and 由 itself.
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
        b"1 begincodespacerange <00> <FF> endcodespacerange "
        b"4 beginbfchar <41> <2F08> <42> <2EA0> <43> <2F83> <44> <7531> endbfchar "
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    path = tmp_path / "radicals.pdf"
    path.write_bytes(_raw_pdf(b"BT /F1 14 Tf 72 700 Td (ABCD) Tj ET", cmap))
    assert [b.text for b in extract_pdf_blocks(path)] == ["人民自由"]


def test_a_space_glyph_mapped_to_a_tab_reads_as_a_space(tmp_path: Path) -> None:
    # Qt's PDF writer maps its space glyph to U+0009 in the ToUnicode map.
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
        b"1 begincodespacerange <00> <FF> endcodespacerange "
        b"5 beginbfchar <41> <79D1> <42> <6280> <43> <0035> <44> <0047> <20> <0009> endbfchar "
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    path = tmp_path / "tabs.pdf"
    path.write_bytes(_raw_pdf(b"BT /F1 14 Tf 72 700 Td (AB CD AB) Tj ET", cmap))
    assert [b.text for b in extract_pdf_blocks(path)] == ["科技 5G 科技"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (
            lambda p: p.write_text("科技情报参考\n2023 年第 8 期\n", encoding="utf-8"),
            "not a PDF file",
        ),
        (lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj garbage\n"), "PDF is damaged"),
    ],
    ids=["text-renamed", "garbage"],
)
def test_files_that_are_not_pdfs_give_one_reason(tmp_path: Path, make: object, reason: str) -> None:
    path = tmp_path / "bad.pdf"
    make(path)  # type: ignore[operator]
    with pytest.raises(SourceError, match=f"^{re.escape(reason)}"):
        extract_pdf_blocks(path)


def test_a_truncated_pdf_is_damaged(tmp_path: Path) -> None:
    whole = tmp_path / "whole.pdf"
    write_pdf(sample_issue(5), whole)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes()[:2000])
    with pytest.raises(SourceError, match=r"^PDF is damaged \(.+\)$"):
        extract_pdf_blocks(cut)


def test_an_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    write_pdf(sample_issue(5), path, password="secret")
    with pytest.raises(SourceError, match=r"^PDF is encrypted$"):
        extract_pdf_blocks(path)


def test_a_pdf_without_text_is_a_scan(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "scan.pdf"
    canvas = Canvas(str(path))
    canvas.rect(72, 72, 400, 600, fill=1)
    canvas.showPage()
    canvas.save()
    with pytest.raises(SourceError, match=r"^PDF has no text layer \(scanned image\?\)$"):
        extract_pdf_blocks(path)


def test_glyphs_without_unicode_values_make_the_pdf_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "nocmap.pdf"
    raw = _raw_pdf(b"BT /F1 14 Tf 72 700 Td <0011002200330044> Tj ET", b"")
    # A composite font without a ToUnicode map: the glyph ids mean nothing as text.
    raw = raw.replace(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Subset /Encoding /Identity-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Subset "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/DW 1000 >>] >>",
    )
    path.write_bytes(raw)
    with pytest.raises(SourceError, match=r"^PDF text cannot be decoded"):
        extract_pdf_blocks(path)


def test_a_rotated_watermark_is_not_read_as_text(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from tests.support.typeset import FONT, text_width

    text_width("", 12)  # registers the CID font
    path = tmp_path / "watermark.pdf"
    canvas = Canvas(str(path))
    canvas.setFont(FONT, 12)
    canvas.drawString(72, 700, "正文第一行，内容照常读取。")
    canvas.saveState()
    canvas.translate(200, 300)
    canvas.rotate(45)
    canvas.setFont(FONT, 60)
    canvas.drawString(0, 0, "内部资料")
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    assert [b.text for b in extract_pdf_blocks(path)] == ["正文第一行，内容照常读取。"]


def test_text_drawn_off_the_page_is_not_read(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from tests.support.typeset import FONT, text_width

    text_width("", 12)  # registers the CID font
    path = tmp_path / "offpage.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.setFont(FONT, 12)
    # Qt repeats a line that straddles a page break above the next page's top edge.
    canvas.drawString(72, 850, "上一页末行的重复")
    canvas.drawString(72, 700, "本页正文。")
    canvas.showPage()
    canvas.save()
    assert [b.text for b in extract_pdf_blocks(path)] == ["本页正文。"]

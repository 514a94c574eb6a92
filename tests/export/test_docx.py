"""DOCX export: read back with python-docx; house style, East Asian fonts, fields, LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reader.export import export_brief
from tests.export.conftest import BRIEF_TITLE
from tests.export.roundtrip import BRIEF_ORDER, expected_articles
from tests.export.samples import MARKUP_NOTE, squeeze


@pytest.fixture
def brief_docx(sample_brief, tmp_path) -> Path:
    archive, _ = sample_brief
    return export_brief(archive.db, tmp_path / "brief.docx", "docx", brief="样例")


def article_sections(document) -> list[list]:
    sections: list[list] = []
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Heading 1":
            sections.append([])
        if sections:
            sections[-1].append(paragraph)
    return sections


def test_docx_round_trip_keeps_title_order_sources_and_every_body_character(brief_docx):
    document = docx.Document(str(brief_docx))
    assert document.paragraphs[0].text.replace("\n", "") == BRIEF_TITLE
    assert document.core_properties.title == BRIEF_TITLE
    expected = expected_articles(BRIEF_ORDER)
    sections = article_sections(document)
    assert len(sections) == len(expected)
    for section, article in zip(sections, expected, strict=True):
        assert section[0].text.replace("\n", "") == article.title
        assert section[1].text == article.source
        body = [p.text for p in section[2:] if not p.text.startswith("编者注：")]
        assert body == article.paragraphs
    notes = [p.text for p in document.paragraphs if p.text.startswith("编者注：")]
    assert notes == ["编者注：" + MARKUP_NOTE]


def test_docx_sub_headings_use_heading_styles_and_yi_shi_stays_body(brief_docx):
    document = docx.Document(str(brief_docx))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["一、强化政策引领"] == "Heading 2"
    assert styles["（一）搭建对接平台"] == "Heading 3"
    assert styles[next(t for t in styles if t.startswith("一是完善制度体系"))] == "Normal"
    lead = next(p for p in document.paragraphs if p.text.startswith("二、优化服务体系"))
    assert lead.runs[0].text == "二、优化服务体系。"
    fonts = lead.runs[0]._element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "黑体"


def test_docx_sets_the_east_asian_font_on_every_run_and_style(brief_docx):
    document = docx.Document(str(brief_docx))
    parts = [document.element.body, *(s.footer._element for s in document.sections)]
    runs = [r for part in parts for r in part.iter(qn("w:r"))]
    assert len(runs) > 50
    for run in runs:
        fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts is not None and fonts.get(qn("w:eastAsia")), run.xml
    body = next(p for p in document.paragraphs if p.text.startswith("今年以来"))
    assert body.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    for style in document.styles.element.findall(qn("w:style")):
        fonts = style.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")), style.get(qn("w:styleId"))
        assert fonts.get(qn("w:eastAsiaTheme")) is None
    title_fonts = document.styles["Heading 1"].element.rPr.rFonts
    assert title_fonts.get(qn("w:eastAsia")) == "方正小标宋简体"


def test_docx_page_is_a4_with_official_margins_and_body_in_sanhao(brief_docx):
    document = docx.Document(str(brief_docx))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 16
    assert normal.paragraph_format.first_line_indent.pt == 32
    ind = normal.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"


def test_docx_has_a_prefilled_toc_field_and_page_numbers(brief_docx):
    document = docx.Document(str(brief_docx))
    instructions = [t.text for t in document.element.body.iter(qn("w:instrText"))]
    assert any(re.fullmatch(r' TOC \\o "1-1" .*', i) for i in instructions)
    entries = [p for p in document.paragraphs if p.style.name == "toc 1"]
    expected = expected_articles(BRIEF_ORDER)
    assert [p.text.split("\t")[0] for p in entries] == [a.title for a in expected]
    pages = [int(p.text.split("\t")[1]) for p in entries]
    assert pages == sorted(pages) and pages[0] >= 3  # cover, preface and contents come first
    footer = document.sections[0].footer._element
    assert [t.text for t in footer.iter(qn("w:instrText"))] == [" PAGE "]
    assert document.sections[0].different_first_page_header_footer  # no number on the cover
    fields = sum(1 for _ in document.element.body.iter(qn("w:fldChar")))
    assert fields == 3 + 3 * len(entries)  # TOC begin/separate/end + one PAGEREF per entry


def test_docx_converts_cleanly_with_libreoffice(brief_docx, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(brief_docx),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = tmp_path / "brief.pdf"
    assert pdf.is_file(), result.stderr
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    expected = expected_articles(BRIEF_ORDER)
    # Each article starts on the page the contents says.
    contents = squeeze(next(p for p in pages if "目" in p and expected[0].title[:6] in p))
    for article in expected:
        entry = re.search(re.escape(squeeze(article.title)) + r"[.…]*(\d+)", contents)
        assert entry is not None, article.title
        page = pages[int(entry.group(1)) - 1]
        assert squeeze(article.title) in squeeze(page), (article.title, entry.group(1))
        assert squeeze(article.source) in squeeze(page)

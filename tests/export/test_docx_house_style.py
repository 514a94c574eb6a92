"""DOCX house style after GB/T 9704: the grid, page numbers, fonts, titles, properties.

The LibreOffice checks lay the file out for real (skipped when it is not installed).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reader.export import export_brief
from tests.export.samples import add_many_articles

TEXT_WIDTH_PT = (210 - 28 - 26) * 72 / 25.4
TEXT_HEIGHT_PT = (297 - 37 - 35) * 72 / 25.4


@pytest.fixture
def long_docx(archive, tmp_path) -> Path:
    with archive.db.atomic():
        ids = add_many_articles(archive.db, 4, paragraphs=20)
    return export_brief(
        archive.db,
        tmp_path / "long.docx",
        "docx",
        article_ids=ids,
        title="关于深化科技计划管理改革推动科技成果转化的若干情况汇编",
        compiler="示例市科技情报中心",
        date="2024年6月3日",
    )


def test_docx_declares_the_22_by_28_grid_at_3hao(long_docx):
    document = docx.Document(str(long_docx))
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    line_pitch = int(grid.get(qn("w:linePitch"))) / 20
    assert int(TEXT_HEIGHT_PT // line_pitch) == 22
    char_pitch = 16 + int(grid.get(qn("w:charSpace"))) / 4096
    assert int(TEXT_WIDTH_PT // char_pitch) == 28
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 16


def test_docx_page_numbers_are_outside_in_4hao_songti_digits_included(long_docx):
    document = docx.Document(str(long_docx))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        assert paragraph.paragraph_format.alignment.name == side.upper()
        ind = paragraph._p.pPr.find(qn("w:ind"))
        assert ind.get(qn(f"w:{side}Chars")) == "100"  # one character in
        assert [t.text for t in footer._element.iter(qn("w:instrText"))] == [" PAGE "]
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        for run in paragraph.runs:
            fonts = run._r.rPr.rFonts
            assert fonts.get(qn("w:eastAsia")) == "宋体"
            assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "宋体"
    assert document.styles["Footer"].font.size.pt == 14


def test_docx_font_table_names_what_word_and_wps_substitute(long_docx):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    document = docx.Document(str(long_docx))
    table = document.part.part_related_by(RT.FONT_TABLE).blob.decode("utf-8")
    for name, alternative in (
        ("仿宋_GB2312", "仿宋"),
        ("楷体_GB2312", "楷体"),
        ("方正小标宋简体", "华文中宋"),
        ("黑体", "SimHei"),
    ):
        entry = re.search(rf'<w:font w:name="{name}">(.*?)</w:font>', table)
        assert entry is not None, name
        assert f'<w:altName w:val="{alternative}"/>' in entry.group(1)
        assert '<w:charset w:val="86"/>' in entry.group(1)  # GB2312
    heading = re.search(r'<w:font w:name="黑体">(.*?)</w:font>', table).group(1)
    assert '<w:family w:val="swiss"/>' in heading  # a sans face, unlike the body's serif


def test_docx_titles_break_into_balanced_lines_at_word_boundaries(long_docx):
    document = docx.Document(str(long_docx))
    cover = document.paragraphs[0].text.split("\n")
    assert "".join(cover) == "关于深化科技计划管理改革推动科技成果转化的若干情况汇编"
    assert len(cover) == 2 and abs(len(cover[0]) - len(cover[1])) <= 3
    assert cover[0].endswith(("改革", "推动", "转化的", "管理改革"))


def test_docx_core_properties_come_from_the_brief(long_docx):
    document = docx.Document(str(long_docx))
    props = document.core_properties
    assert props.title == "关于深化科技计划管理改革推动科技成果转化的若干情况汇编"
    assert props.author == props.last_modified_by == "示例市科技情报中心"
    assert props.created.date() == date(2024, 6, 3)
    assert props.modified.year >= 2025
    assert "python-docx" not in (props.comments + props.author + props.title)
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    app = document.part.package.part_related_by(RT.EXTENDED_PROPERTIES).blob.decode("utf-8")
    assert "<Application>reader</Application>" in app and "<Pages>" not in app


def _libreoffice_pdf(docx_path: Path, tmp_path: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / f"{docx_path.stem}.pdf"
    assert pdf.is_file()
    return pdf


def test_docx_lays_out_22_lines_of_28_characters_in_libreoffice(long_docx, tmp_path):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextLine

    pdf = _libreoffice_pdf(long_docx, tmp_path)
    line_counts, widths, footers = [], [], []
    for number, page in enumerate(extract_pages(str(pdf)), start=1):
        # Lines of 3号 characters by their baseline (pdfminer may split or merge boxes).
        rows: dict[int, list[LTChar]] = {}
        footer = None
        for box in page:
            for line in box if hasattr(box, "__iter__") else ():
                if not isinstance(line, LTTextLine):
                    continue
                if re.fullmatch(r"—\s*\d+\s*—", line.get_text().strip()):
                    footer = line
                    continue
                for char in line:
                    if isinstance(char, LTChar) and round(char.size) == 16:
                        rows.setdefault(round(char.y0), []).append(char)
        if footer is not None:
            footers.append((number, footer.x0, page.width))
        if number > 3 and rows:  # past the cover and the contents
            line_counts.append(len(rows))
            widths.extend(len([c for c in row if c.get_text().strip()]) for row in rows.values())
    assert max(line_counts) == 22
    # Full lines hold 28 characters (29 with a closing mark hung at the end).
    assert max(set(widths), key=widths.count) in (28, 29)
    assert not [w for w in widths if w > 29]
    assert footers
    for number, x0, width in footers:
        assert (x0 > width / 2) == (number % 2 == 1), (number, x0)

"""One house style for every format: the DOCX, the PDF and the HTML agree on page and type."""

from __future__ import annotations

import re

import docx
import pytest

from reader.export import export_brief
from reader.export.house_style import house_style


@pytest.fixture
def exports(sample_archive, tmp_path):
    archive, ids = sample_archive
    return {
        fmt: export_brief(archive.db, tmp_path / f"brief.{fmt}", fmt, article_ids=ids)
        for fmt in ("docx", "html", "pdf")
    }


def test_docx_and_html_print_on_the_same_page_with_the_same_margins(exports):
    section = docx.Document(str(exports["docx"])).sections[0]
    docx_mm = [
        round(length.mm)
        for length in (
            section.page_width,
            section.page_height,
            section.top_margin,
            section.right_margin,
            section.bottom_margin,
            section.left_margin,
        )
    ]
    css = exports["html"].read_text(encoding="utf-8")
    page = re.search(
        r"@page \{ size: (\S+)mm (\S+)mm; margin: (\S+)mm (\S+)mm (\S+)mm (\S+)mm", css
    )
    assert page is not None
    assert [round(float(value)) for value in page.groups()] == docx_mm == [210, 297, 37, 26, 35, 28]


def test_docx_and_html_set_the_body_in_the_same_size(exports):
    body_pt = docx.Document(str(exports["docx"])).styles["Normal"].font.size.pt
    css = exports["html"].read_text(encoding="utf-8")
    assert f"--body-size: {body_pt:g}pt" in css
    assert "font-size: var(--body-size)" in css


def test_the_pdf_text_block_starts_at_the_house_left_and_top_margins(exports):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    house = house_style()
    pages = list(extract_pages(str(exports["pdf"])))
    lefts, tops = [], []
    for page in pages[2:]:  # article pages: the cover and the contents are centred
        for box in page:
            if isinstance(box, LTTextContainer):
                for line in box:
                    chars = [c for c in getattr(line, "_objs", []) if isinstance(c, LTChar)]
                    if chars:
                        lefts.append(min(c.x0 for c in chars))
                        tops.append(page.height - max(c.y1 for c in chars))
    to_mm = 25.4 / 72
    assert min(lefts) * to_mm == pytest.approx(house.page["left"], abs=1.5)
    # The first line's glyphs stand within its line pitch below the top margin.
    top = min(tops) * to_mm
    assert house.page["top"] <= top < house.page["top"] + house.title_pitch * 25.4 / 72
    assert pages[0].width * to_mm == pytest.approx(house.page["width"], abs=0.5)


def test_the_pdf_sets_the_house_grid_of_28_characters_a_line(sample_archive, tmp_path):
    import unicodedata

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    from tests.export.samples import add_many_articles

    archive, _ = sample_archive
    with archive.db.atomic():
        ids = add_many_articles(archive.db, 2, paragraphs=8)
    pdf = export_brief(archive.db, tmp_path / "grid.pdf", "pdf", article_ids=ids)
    widths = []
    for page in list(extract_pages(str(pdf)))[2:]:
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                chars = [c for c in getattr(line, "_objs", []) if isinstance(c, LTChar)]
                text = "".join(c.get_text() for c in chars).strip()
                body = chars and abs(chars[0].size - house_style().sizes["body"]) < 0.5
                if body and text and all(unicodedata.east_asian_width(ch) in "WF" for ch in text):
                    widths.append(len(text))
    assert max(widths) == house_style().grid["chars"] == 28

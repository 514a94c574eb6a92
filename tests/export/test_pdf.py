"""PDF export: text extracted back (poppler) matches the brief; CJK font embedded; A4."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.export import ExportError, export_brief
from reader.export.fonts import FONT_DIRS_ENV
from tests.export.conftest import BRIEF_TITLE
from tests.export.roundtrip import BRIEF_ORDER, expected_articles
from tests.export.samples import DASHES, MARKUP_NOTE, RADICAL_PRONE, squeeze

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed",
)
FOOTER = re.compile(r"—\d+—")
RADICALS = re.compile(r"[\u2e80-\u2fdf]")


def poppler(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def brief_pdf(sample_brief, tmp_path) -> Path:
    archive, _ = sample_brief
    return export_brief(archive.db, tmp_path / "brief.pdf", "pdf", brief="样例")


def test_pdf_text_extracts_back_to_the_title_order_sources_and_every_body_character(brief_pdf):
    text = FOOTER.sub("", squeeze(poppler("pdftotext", str(brief_pdf), "-")))
    assert text.startswith(squeeze(BRIEF_TITLE))
    expected = expected_articles(BRIEF_ORDER)
    last_entry = squeeze(expected[-1].title)
    at = text.index(last_entry) + len(last_entry)  # past the contents
    for article in expected:
        for piece in [article.title, article.source, *article.paragraphs]:
            found = text.find(squeeze(piece), at)
            assert found >= 0, piece
            at = found + len(squeeze(piece))
    assert squeeze("编者注：" + MARKUP_NOTE) in text


def test_pdf_text_has_no_kangxi_radicals(brief_pdf):
    text = poppler("pdftotext", str(brief_pdf), "-")
    assert RADICALS.findall(text) == []
    assert squeeze(RADICAL_PRONE) in squeeze(text)


def test_pdf_dashes_copy_back_as_the_dashes_written(brief_pdf):
    text = squeeze(poppler("pdftotext", str(brief_pdf), "-"))
    assert squeeze(DASHES) in text
    assert "⸺" not in text and "⸻" not in text


def test_pdf_embeds_a_cjk_font_and_is_a4(brief_pdf):
    fonts = poppler("pdffonts", str(brief_pdf)).splitlines()[2:]
    cjk = [line for line in fonts if "CJK" in line]
    assert cjk, fonts
    for line in cjk:
        columns = line.split()
        embedded, unicode_map = columns[-5], columns[-3]
        assert (embedded, unicode_map) == ("yes", "yes"), line
    info = poppler("pdfinfo", str(brief_pdf))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width), round(height)) == (595, 842)


def test_pdf_contents_page_numbers_lead_to_the_articles(brief_pdf):
    pages = poppler("pdftotext", "-layout", str(brief_pdf), "-").split("\f")
    expected = expected_articles(BRIEF_ORDER)
    contents = squeeze(next(p for p in pages if squeeze("目录") in squeeze(p)))
    for number, article in enumerate(expected, start=1):
        after = re.escape(f"{number + 1}.") if number < len(expected) else "—"
        entry = re.search(
            re.escape(f"{number}.{squeeze(article.title)}") + rf"\.*(\d+){after}", contents
        )
        assert entry is not None, article.title
        page = squeeze(pages[int(entry.group(1)) - 1])
        assert page.startswith(squeeze(article.title)), (article.title, entry.group(1))
        assert f"—{entry.group(1)}—" in page  # its footer carries the same number


def test_pdf_pages_do_not_repeat_lines(brief_pdf):
    pages = [
        [line for line in page.splitlines() if line.strip() and not FOOTER.fullmatch(squeeze(line))]
        for page in poppler("pdftotext", str(brief_pdf), "-").split("\f")
    ]
    for before, after in itertools.pairwise(pages):
        if before and after:
            assert before[-1] != after[0]


def test_pdf_without_a_chinese_font_says_what_to_install(sample_brief, tmp_path, monkeypatch):
    archive, _ = sample_brief
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setenv(FONT_DIRS_ENV, str(empty))
    with pytest.raises(ExportError, match="no Chinese font found: install fonts-noto-cjk"):
        export_brief(archive.db, tmp_path / "x.pdf", "pdf", brief="样例")
    assert not (tmp_path / "x.pdf").exists()


def test_pdf_sets_roles_in_their_faces_and_names_title_and_author(sample_brief, tmp_path):
    from reader.export.fonts import find_chinese_fonts

    archive, _ = sample_brief
    out = export_brief(
        archive.db, tmp_path / "b.pdf", "pdf", brief="样例", compiler="示例市科技情报中心"
    )
    info = poppler("pdfinfo", str(out))
    assert re.search(r"^Author:\s+示例市科技情报中心$", info, re.MULTILINE)
    assert re.search(r"^Title:\s+专题", info, re.MULTILINE)
    faces = {line.split()[0] for line in poppler("pdffonts", str(out)).splitlines()[2:]}
    chosen = find_chinese_fonts()
    # Body, title and heading differ (serif, bold serif, sans); a 楷体 when one is installed;
    # the fallback face is embedded only when the body's lacks a character of the brief.
    expected = len({(c.path, c.face) for role, c in chosen.items() if role != "fallback"})
    assert expected >= 3
    assert expected <= len(faces) <= expected + ("fallback" in chosen), faces
    if chosen["kai"] != chosen["body"]:
        assert any("Kai" in face for face in faces), faces


def test_pdf_page_numbers_stand_outside(brief_pdf):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    for number, page in enumerate(extract_pages(str(brief_pdf)), start=1):
        numbers = [
            box
            for box in page
            if isinstance(box, LTTextContainer) and FOOTER.fullmatch(squeeze(box.get_text()))
        ]
        if number == 1:
            assert numbers == []
            continue
        assert len(numbers) == 1, number
        assert (numbers[0].x0 > page.width / 2) == (number % 2 == 1), number


def test_pdf_has_an_outline_contents_links_and_language_zh_cn(brief_pdf):
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    expected = expected_articles(BRIEF_ORDER)
    with brief_pdf.open("rb") as handle:
        document = PDFDocument(PDFParser(handle))
        assert resolve1(document.catalog["Lang"]).decode("utf-16") == "zh-CN"
        outline = [(title, dest) for _, title, dest, *_ in document.get_outlines()]
        pages = list(PDFPage.create_pages(document))
        ids = [page.pageid for page in pages]
        links = [
            resolve1(annot)
            for page in pages
            for annot in resolve1(page.annots or [])
            if resolve1(annot).get("Subtype").name == "Link"
        ]
    assert [title for title, _ in outline] == [a.title for a in expected]
    text_pages = poppler("pdftotext", str(brief_pdf), "-").split("\f")
    for (title, dest), link in zip(outline, links, strict=True):
        page = ids.index(dest[0].objid)
        assert squeeze(text_pages[page]).startswith(squeeze(title))
        assert link["Dest"][0].objid == dest[0].objid  # the contents entry leads there too
    assert len(links) == len(expected)

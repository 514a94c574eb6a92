"""A brief as DOCX in the house style of Chinese official documents (GB/T 9704 as a guide).

A4 with the standard margins, 小标宋 titles, 黑体/楷体 sub-headings, 仿宋 三号 body with a
two-character first-line indent on a fixed 22-line grid, "— N —" page numbers, and a
contents (TOC field) that Word and WPS can update, pre-filled so that it reads right first.
Every run and every style names its East Asian font (``w:eastAsia``): python-docx's
``font.name`` sets only the Latin slots, and Word then sets Chinese in a Japanese face.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from reader.export.docx_properties import set_properties
from reader.export.house_style import HouseStyle, house_style
from reader.export.model import (
    CONTENTS_TITLE,
    EDITOR_NOTE_LABEL,
    HIGHLIGHTS_LABEL,
    NOTES_LABEL,
    PREFACE_TITLE,
    Document,
    ExportArticle,
    Progress,
    quoted,
)
from reader.export.pagination import estimate_article_pages
from reader.export.titles import balanced_title_lines

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# What follows w:snapToGrid in a w:pPr (the schema fixes the order of its children).
_AFTER_SNAP_TO_GRID = (
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
# What follows w:spacing in a w:rPr.
_AFTER_SPACING = (
    "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
    "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
    "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip
# Sub-heading level -> (style, font role, bold) after GB/T 9704: 一、黑体 （一）楷体 (1)仿宋加粗.
_SUBHEADINGS = {
    1: ("Heading 2", "heading", False),
    2: ("Heading 3", "kai", False),
    3: ("Heading 4", "body", True),
}


def _set_fonts(rpr: Any, font: dict[str, str]) -> None:
    """Name the font in every slot of ``rpr``'s w:rFonts (theme fonts would override it)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), font["latin"])
    fonts.set(qn("w:hAnsi"), font["latin"])
    fonts.set(qn("w:cs"), font["latin"])
    fonts.set(qn("w:eastAsia"), font["east_asia"])
    fonts.set(qn("w:hint"), "eastAsia")


class _DocxWriter:
    def __init__(self, house: HouseStyle) -> None:
        self.house = house
        self.doc = docx.Document()
        self._bookmark = 0
        self._style_ids: dict[str, str] = {}
        self._setup_page()
        self._setup_styles()
        self._setup_font_table()

    # Set-up -------------------------------------------------------------------------

    def _setup_page(self) -> None:
        p = self.house.page
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(p["width"]), Mm(p["height"])
        section.top_margin, section.bottom_margin = Mm(p["top"]), Mm(p["bottom"])
        section.left_margin, section.right_margin = Mm(p["left"]), Mm(p["right"])
        section.footer_distance = Mm(p["footer"])
        section.different_first_page_header_footer = True  # no page number on the cover
        self._setup_grid(section)

    def _setup_grid(self, section: Any) -> None:
        """GB/T 9704's 22 lines of 28 characters at 3号: a line and character grid.

        The character pitch is the body size plus ``w:charSpace`` (in 1/4096 pt), so 28
        characters fill the 156 mm line exactly: Word and WPS use it for what the editor
        types. The brief's own paragraphs opt out of it (``w:snapToGrid`` off) and get the
        same 22 × 28 from their exact line pitch and a character spacing (:meth:`_fit_chars`):
        LibreOffice sets a character-grid line in cells as tall as a line, 14 characters.
        """
        sectpr = section._sectPr
        grid = sectpr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            sectpr.append(grid)
        width = self.house.geometry.width
        pitch = width / self.house.grid["chars"]
        grid.set(qn("w:type"), "linesAndChars")
        grid.set(qn("w:linePitch"), str(round(self.house.line_pitch * 20)))
        grid.set(qn("w:charSpace"), str(round((pitch - self.house.sizes["body"]) * 4096)))

    def _style(self, name: str, role: str, size: float, **options: Any) -> Any:
        styles = self.doc.styles
        style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if name != "Normal":
            style.base_style = styles["Normal"]
        font = style.font
        font.size = Pt(size)
        font.bold = options.get("bold", False)
        font.italic = False
        font.color.rgb = None
        _set_fonts(style.element.get_or_add_rPr(), self.house.fonts[role])
        fmt = style.paragraph_format
        fmt.alignment = options.get("align", WD_ALIGN_PARAGRAPH.JUSTIFY)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(options.get("pitch", self.house.line_pitch))
        fmt.space_before = Pt(options.get("before", 0))
        fmt.space_after = Pt(options.get("after", 0))
        fmt.page_break_before = options.get("page_break", False)
        fmt.keep_with_next = options.get("keep_next", False)
        if not options.get("grid", False):
            snap = OxmlElement("w:snapToGrid")
            snap.set(qn("w:val"), "0")
            style.element.get_or_add_pPr().insert_element_before(snap, *_AFTER_SNAP_TO_GRID)
        indent = options.get("indent", 2)
        fmt.first_line_indent = Pt(indent * size)
        ind = style.element.get_or_add_pPr().find(qn("w:ind"))
        if ind is not None:
            # In characters too, so the indent follows the font size as Word users expect.
            ind.set(qn("w:firstLineChars"), str(indent * 100))
        self._style_ids[name] = style.style_id
        return style

    def _fit_chars(self, style: Any) -> None:
        """Tighten the spacing of the body's characters so that 28 fit in a line, and not
        29, in every program (midway: programs round lengths and justify differently)."""
        width, chars = self.house.geometry.width, self.house.grid["chars"]
        pitch = (width / chars + width / (chars + 1)) / 2
        spacing = OxmlElement("w:spacing")
        twentieths = math.floor((pitch - self.house.sizes["body"]) * 20)
        spacing.set(qn("w:val"), str(twentieths))
        style.element.get_or_add_rPr().insert_element_before(spacing, *_AFTER_SPACING)

    def _setup_styles(self) -> None:
        h, sizes = self.house, self.house.sizes
        body, title = sizes["body"], sizes["title"]
        center = WD_ALIGN_PARAGRAPH.CENTER
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_fonts(rpr_default, h.fonts["body"])
        lang = rpr_default.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr_default.append(lang)
        lang.set(qn("w:eastAsia"), "zh-CN")
        # The character grid's pitch counts from the default size: make it the body's 3号.
        for tag in ("w:sz", "w:szCs"):
            size = rpr_default.find(qn(tag))
            if size is not None:
                size.set(qn("w:val"), str(round(body * 2)))
        self._fit_chars(self._style("Normal", "body", body))
        self._style(
            "Brief Cover Title",
            "title",
            sizes["cover_title"],
            align=center,
            indent=0,
            pitch=round(sizes["cover_title"] * 1.5),
            before=150,
            after=24,
        )
        self._style("Brief Subtitle", "kai", body, align=center, indent=0, after=180)
        self._style("Brief Cover Line", "body", body, align=center, indent=0)
        self._style(
            "Brief Section Title",
            "title",
            title,
            align=center,
            indent=0,
            pitch=h.title_pitch,
            after=h.line_pitch,
            page_break=True,
            keep_next=True,
        )
        self._style(
            "Heading 1",
            "title",
            title,
            align=center,
            indent=0,
            pitch=h.title_pitch,
            page_break=True,
            keep_next=True,
        )
        self._style(
            "Brief Source", "kai", body, align=center, indent=0, after=h.line_pitch, keep_next=True
        )
        for level, (name, role, bold) in _SUBHEADINGS.items():
            self._style(name, role, body, bold=bold, keep_next=level == 1)
        self._style("Brief Note", "kai", body)
        self._style("Brief Label", "heading", body, indent=0, before=h.line_pitch / 2)
        toc = self._style("toc 1", "body", body, indent=0)
        width = Mm(h.page["width"] - h.page["left"] - h.page["right"])
        toc.paragraph_format.tab_stops.add_tab_stop(
            width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        self._style(
            "Footer",
            "page_number",
            sizes["page_number"],
            align=center,
            indent=0,
            pitch=20,
        )
        # Every other style still names theme fonts: point them at the body face too.
        for style in self.doc.styles.element.findall(qn("w:style")):
            rpr = style.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                style.append(rpr)
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None or fonts.get(qn("w:eastAsia")) is None:
                _set_fonts(rpr, h.fonts["body"])

    def _setup_font_table(self) -> None:
        # Alternative names, GB2312 charset and family let Word and WPS pick a close face
        # when the house font is not installed.
        part = next(
            p for p in self.doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
        )
        root = etree.fromstring(part.blob)
        for font in self.house.fonts.values():
            entry = etree.SubElement(root, qn("w:font"), {qn("w:name"): font["east_asia"]})
            etree.SubElement(entry, qn("w:altName"), {qn("w:val"): font["alt"]})
            etree.SubElement(entry, qn("w:charset"), {qn("w:val"): "86"})
            etree.SubElement(entry, qn("w:family"), {qn("w:val"): font["family"]})
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    # Runs and fields ----------------------------------------------------------------

    def _run(self, paragraph: DocxParagraph, text: str, role: str, bold: bool = False) -> Any:
        run = paragraph.add_run(text)
        rpr = run._element.get_or_add_rPr()
        _set_fonts(rpr, self.house.fonts[role])
        if bold:
            run.bold = True
        return run

    def _field_char(self, paragraph: DocxParagraph, kind: str, role: str) -> None:
        run = self._run(paragraph, "", role)
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._element.append(char)

    def _instruction(self, paragraph: DocxParagraph, instruction: str, role: str) -> None:
        run = self._run(paragraph, "", role)
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {instruction} "
        run._element.append(instr)

    def _field(self, paragraph: DocxParagraph, instruction: str, shown: str, role: str) -> None:
        self._field_char(paragraph, "begin", role)
        self._instruction(paragraph, instruction, role)
        self._field_char(paragraph, "separate", role)
        self._run(paragraph, shown, role)
        self._field_char(paragraph, "end", role)

    def _bookmark_around(self, paragraph: DocxParagraph, name: str) -> None:
        self._bookmark += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._bookmark))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._bookmark))
        ppr = paragraph._p.pPr
        paragraph._p.insert(1 if ppr is not None else 0, start)
        paragraph._p.append(end)

    def _add_paragraph(self, style: str) -> DocxParagraph:
        # python-docx looks a style name up among all styles on every paragraph (most of
        # an export's time): set the known style id directly instead.
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = self._style_ids[style]
        return paragraph

    def _paragraph(self, text: str, style: str, role: str, bold: bool = False) -> DocxParagraph:
        paragraph = self._add_paragraph(style)
        if text:
            self._run(paragraph, text, role, bold)
        return paragraph

    # Parts of the brief -------------------------------------------------------------

    def _title(self, text: str, style: str, size: float) -> DocxParagraph:
        """A title set in balanced lines broken at word boundaries (w:br between them)."""
        paragraph = self._add_paragraph(style)
        per_line = math.floor(self.house.geometry.width / size)
        for number, line in enumerate(balanced_title_lines(text, per_line)):
            run = self._run(paragraph, line, "title")
            if number:
                run._r.insert(run._r.index(run._r.find(qn("w:t"))), OxmlElement("w:br"))
        return paragraph

    def cover(self, document: Document) -> None:
        self._title(document.title, "Brief Cover Title", self.house.sizes["cover_title"])
        if document.subtitle:
            self._paragraph(document.subtitle, "Brief Subtitle", "kai")
        elif document.compiler or document.date:
            self._paragraph("", "Brief Subtitle", "kai")
        for line in (document.compiler, document.date):
            if line:
                self._paragraph(line, "Brief Cover Line", "body")

    def preface(self, document: Document) -> None:
        if not document.preface:
            return
        self._paragraph(PREFACE_TITLE, "Brief Section Title", "title")
        for text in document.preface:
            self._paragraph(text, "Brief Note", "kai")

    def contents(self, document: Document, pages: list[int]) -> None:
        self._paragraph(CONTENTS_TITLE, "Brief Section Title", "title")
        last = len(document.articles) - 1
        for index, (article, page) in enumerate(zip(document.articles, pages, strict=True)):
            entry = self._add_paragraph("toc 1")
            if index == 0:
                self._field_char(entry, "begin", "body")
                self._instruction(entry, f'TOC \\o "{self.house.toc_levels}" \\h \\z \\u', "body")
                self._field_char(entry, "separate", "body")
            self._run(entry, article.title, "body")
            self._run(entry, "\t", "body")
            self._field(entry, f"PAGEREF {_bookmark_name(index)} \\h", str(page), "body")
            if index == last:
                self._field_char(entry, "end", "body")

    def article(self, index: int, article: ExportArticle) -> None:
        heading = self._title(article.title, "Heading 1", self.house.sizes["title"])
        self._bookmark_around(heading, _bookmark_name(index))
        self._paragraph(article.source, "Brief Source", "kai")
        if article.editor_note:
            note = self._paragraph("", "Brief Note", "kai")
            self._run(note, EDITOR_NOTE_LABEL, "heading")
            self._run(note, article.editor_note, "kai")
        for paragraph in article.paragraphs:
            if paragraph.is_heading:
                style, role, bold = _SUBHEADINGS[paragraph.level]
                self._paragraph(paragraph.text, style, role, bold)
            elif paragraph.lead:
                _, role, bold = _SUBHEADINGS[paragraph.level]
                body = self._paragraph("", "Normal", "body")
                self._run(body, paragraph.lead_text, role, bold)
                self._run(body, paragraph.rest_text, "body")
            else:
                self._paragraph(paragraph.text, "Normal", "body")
        if article.notes:
            self._paragraph(NOTES_LABEL, "Brief Label", "heading")
            for text in article.notes:
                self._paragraph(text, "Brief Note", "kai")
        if article.highlights:
            self._paragraph(HIGHLIGHTS_LABEL, "Brief Label", "heading")
            for mark in article.highlights:
                line = self._paragraph(quoted(mark.quote), "Brief Note", "kai")
                if mark.note:
                    self._run(line, f"（{mark.note}）", "kai")

    def page_numbers(self) -> None:
        """``— N —`` in 4号 宋体 (digits too), odd pages right and even pages left, one
        character in from the edge of the text block; none on the cover."""
        section = self.doc.sections[0]
        self.doc.settings.odd_and_even_pages_header_footer = True
        size = self.house.sizes["page_number"]
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            paragraph._p.style = self._style_ids["Footer"]
            fmt = paragraph.paragraph_format
            fmt.alignment = align
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                fmt.right_indent = Pt(size)
            else:
                fmt.left_indent = Pt(size)
            ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
            side = "rightChars" if align == WD_ALIGN_PARAGRAPH.RIGHT else "leftChars"
            ind.set(qn(f"w:{side}"), "100")
            self._run(paragraph, "— ", "page_number")
            self._field(paragraph, "PAGE", "1", "page_number")
            self._run(paragraph, " —", "page_number")


def _bookmark_name(index: int) -> str:
    return f"_Toc{index + 1:06d}"


def write_docx(document: Document, path: Path, progress: Progress | None = None) -> None:
    """Write the brief to ``path`` as a DOCX in the house style."""
    house = house_style()
    writer = _DocxWriter(house)
    writer.cover(document)
    writer.preface(document)
    writer.contents(document, estimate_article_pages(document, house.geometry))
    total = len(document.articles)
    for index, article in enumerate(document.articles):
        writer.article(index, article)
        if progress is not None:
            progress(index + 1, total)
    writer.page_numbers()
    set_properties(writer.doc, document)
    writer.doc.save(str(path))

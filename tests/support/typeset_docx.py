"""The bulletin as a Word document, the way editors and PDF-to-Word converters make it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reader.parsing.model import ParsedIssue
from tests.support.layout_text import footer_lines, has_contents, has_masthead, issue_line
from tests.support.typeset import BODY, COLUMN, TITLE, article_pages, title_lines, wrap


def write_docx(
    issue: ParsedIssue, path: Path, *, toc_field: bool = False, hard_breaks: bool = False
) -> None:
    """Write ``issue`` as a Word document styled like the bulletin.

    Args:
        issue: What to write.
        path: The .docx to create.
        toc_field: Make the contents a real TOC field (entries ``title<TAB>page`` built
            from PAGEREF fields, as Word generates them) instead of typed lines with a
            dotted tab leader.
        hard_breaks: Break every line with a soft line break and indent with full-width
            spaces, the way PDF-to-Word conversions deliver text.
    """
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY)
    _east_asian(normal.element.get_or_add_rPr(), "宋体")

    def paragraph(
        text: str,
        *,
        size: float = BODY,
        bold: bool = False,
        center: bool = False,
        font: str = "宋体",
        style: str | None = None,
    ) -> Paragraph:
        para = document.add_paragraph(style=style)
        if center:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pieces = wrap(text, size, COLUMN) if hard_breaks and not center else [text]
        if hard_breaks and center:
            pieces = title_lines(text, size)
        for number, piece in enumerate(pieces):
            run = para.add_run(piece)
            run.bold = bold or None
            run.font.size = Pt(size)
            _east_asian(run._r.get_or_add_rPr(), font)
            if number < len(pieces) - 1:
                run.add_break()
        return para

    if has_masthead(issue):
        paragraph(issue.series or "", size=30, bold=True, center=True, font="方正小标宋简体")
        if issue.year:
            paragraph(issue_line(issue), size=15, center=True)
        if issue.editor_org:
            paragraph(f"{issue.editor_org} 编辑", center=True)
    pages = article_pages(issue) if has_contents(issue) else []
    if has_contents(issue):
        entries = [
            (article.toc_title or article.title, article.toc_page or page)
            for article, page in zip(issue.articles, pages, strict=True)
        ]
        if toc_field:
            _toc_field(document, entries)
        else:
            for entry, page in entries:
                para = document.add_paragraph()
                para.paragraph_format.tab_stops.add_tab_stop(
                    Pt(COLUMN), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
                )
                para.add_run(f"★ {entry}")
                para.add_run(f"\t{page}")
    if document.paragraphs and (has_masthead(issue) or has_contents(issue)):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for number, article in enumerate(issue.articles, start=1):
        title = paragraph(article.title, size=TITLE, bold=True, center=True, font="黑体")
        if toc_field:
            _bookmark(title, f"_Toc{number}", number)
        for text in article.paragraphs:
            if hard_breaks:
                paragraph("\u3000\u3000" + text)
            else:
                para = paragraph(text)
                para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                para.paragraph_format.first_line_indent = Pt(2 * BODY)
    for line in footer_lines(issue):
        paragraph(line, size=10.5)
    stamp = datetime(2024, 1, 1, tzinfo=UTC)
    document.core_properties.created = document.core_properties.modified = stamp
    document.core_properties.title = issue.series or ""
    document.save(str(path))
    _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    """Give every member one fixed time, so the same issue always makes the same bytes."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        members = [(item, source.read(item)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item, data in members:
            fixed = zipfile.ZipInfo(item.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)


def _east_asian(rpr: object, font: str) -> None:
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})  # type: ignore[attr-defined]
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:ascii"), "Times New Roman")
    fonts.set(qn("w:hAnsi"), "Times New Roman")


def _field_runs(parent: object, instruction: str, result: str) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    runs = [
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {instruction} '
        "</w:instrText></w:r>",
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {nsdecls('w')}><w:t>{result}</w:t></w:r>" if result else "",
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ]
    for run in runs:
        if run:
            parent.append(parse_xml(run))  # type: ignore[attr-defined]


def _toc_field(document: object, entries: list[tuple[str, int]]) -> None:
    """A contents list as Word's References › Table of Contents makes it."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    for number, (title, page) in enumerate(entries, start=1):
        para = document.add_paragraph()  # type: ignore[attr-defined]
        element = para._p
        if number == 1:
            element.append(
                parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>')
            )
            element.append(
                parse_xml(
                    f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve">'
                    ' TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
                )
            )
            element.append(
                parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>')
            )
        link = parse_xml(
            f'<w:hyperlink {nsdecls("w")} w:anchor="_Toc{number}" w:history="1">'
            f'<w:r><w:t xml:space="preserve">{escape(title)}</w:t></w:r>'
            "<w:r><w:tab/></w:r></w:hyperlink>"
        )
        _field_runs(link, f"PAGEREF _Toc{number} \\h", str(page))
        element.append(link)
        if number == len(entries):
            element.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))


def _bookmark(paragraph: object, name: str, number: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    element = paragraph._p  # type: ignore[attr-defined]
    element.insert(
        1, parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{number}" w:name="{name}"/>')
    )
    element.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{number}"/>'))

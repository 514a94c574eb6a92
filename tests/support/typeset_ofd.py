"""Write a bulletin as an OFD (GB/T 33190), typeset like ``typeset.write_pdf``.

The pages, lines and glyph advances are the PDF typesetter's, placed in millimetres from
the top left as OFD wants them: one ``TextObject`` per line with a ``TextCode`` whose
``DeltaX`` gives each glyph's advance (``g N value`` runs where they repeat). Later pages
carry a running header and a page number in their content, and a page template with text
(as producers put furniture there) that readers must not take for content.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from reader.parsing.model import ParsedIssue
from tests.support import typeset as ts
from tests.support.layout_text import has_masthead, issue_line

NS = "http://www.ofdspec.org/2016"
PT_TO_MM = 25.4 / 72
PAGE_W, PAGE_H = 210.0, 297.0


def _deltas(text: str, size: float, spacing: float) -> str:
    values = [ts.text_width(char, size) + spacing for char in text[:-1]]
    out: list[str] = []
    index = 0
    while index < len(values):
        run = index
        while run < len(values) and abs(values[run] - values[index]) < 1e-9:
            run += 1
        value = f"{values[index] * PT_TO_MM:.4f}"
        out.append(f"g {run - index} {value}" if run - index > 1 else value)
        index = run
    return " ".join(out)


def _text_object(
    object_id: int, text: str, x_pt: float, baseline_pt: float, size: float, *, bold: bool = False
) -> str:
    spacing = 0.0
    return _object(object_id, text, x_pt, baseline_pt, size, spacing, bold)


def _object(
    object_id: int,
    text: str,
    x_pt: float,
    baseline_pt: float,
    size: float,
    spacing: float,
    bold: bool,
) -> str:
    size_mm = size * PT_TO_MM
    x = x_pt * PT_TO_MM
    top = (ts.PAGE_HEIGHT - baseline_pt) * PT_TO_MM - size_mm
    width = (ts.text_width(text, size, spacing) + size) * PT_TO_MM
    font = 2 if bold else 1
    return (
        f'<ofd:TextObject ID="{object_id}" Boundary="{x:.3f} {top:.3f} {width:.3f} '
        f'{size_mm * 1.4:.3f}" Font="{font}" Size="{size_mm:.4f}">'
        f'<ofd:TextCode X="0" Y="{size_mm:.4f}" DeltaX="{_deltas(text, size, spacing)}">'
        f"{escape(text)}</ofd:TextCode></ofd:TextObject>"
    )


def _page(objects: list[str]) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">'
        f'<ofd:Template TemplateID="90"/><ofd:Content><ofd:Layer ID="3">'
        + "".join(objects)
        + "</ofd:Layer></ofd:Content></ofd:Page>"
    )


def ofd_pages(issue: ParsedIssue, *, running_header: bool = True) -> list[str]:
    """The Content.xml of each page of ``issue``."""
    pages = ts._layout(issue, 0.0, ts._layout(issue, 0.0, None).starts).pages.pages
    out = []
    object_id = 100
    for number, lines in enumerate(pages, start=1):
        objects = []
        if number > 1 and running_header and has_masthead(issue):
            header = f"{issue.series or ''}  {issue_line(issue)}".strip()
            width = ts.text_width(header, 9)
            objects.append(
                _text_object(object_id, header, (ts.PAGE_WIDTH - width) / 2, ts.PAGE_HEIGHT - 46, 9)
            )
            object_id += 1
        if number > 1:
            label = f"- {number} -"
            width = ts.text_width(label, 10.5)
            objects.append(_text_object(object_id, label, (ts.PAGE_WIDTH - width) / 2, 40, 10.5))
            object_id += 1
        for line in lines:
            objects.append(
                _object(
                    object_id, line.text, line.x, line.baseline, line.size, line.spacing, line.bold
                )
            )
            object_id += 1
        out.append(_page(objects))
    return out


def write_ofd(issue: ParsedIssue, path: Path, *, running_header: bool = True) -> Path:
    """Write ``issue`` as an OFD package."""
    pages = ofd_pages(issue, running_header=running_header)
    return write_ofd_package(path, pages)


def write_ofd_package(
    path: Path, pages: list[str], *, extra: dict[str, bytes] | None = None
) -> Path:
    """Write an OFD package around the given pages' Content.xml texts."""
    entries = "".join(
        f'<ofd:Page ID="{10 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages))
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}">'
        "<ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea>"
        f"<ofd:PhysicalBox>0 0 {PAGE_W} {PAGE_H}</ofd:PhysicalBox></ofd:PageArea>"
        "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
        '<ofd:TemplatePage ID="90" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
        f"<ofd:Pages>{entries}</ofd:Pages></ofd:Document>"
    )
    res = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
        '<ofd:Fonts><ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/>'
        '<ofd:Font ID="2" FontName="方正小标宋简体" FamilyName="方正小标宋简体"/>'
        "</ofd:Fonts></ofd:Res>"
    )
    template = _page([_text_object(91, "模板页眉文字不属于正文", 80, 800, 9)]).replace(
        '<ofd:Template TemplateID="90"/>', ""
    )
    ofd = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" '
        'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID>'
        f"<ofd:Title>{escape('简报')}</ofd:Title></ofd:DocInfo>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", ofd)
        archive.writestr("Doc_0/Document.xml", document)
        archive.writestr("Doc_0/PublicRes.xml", res)
        archive.writestr("Doc_0/Tpls/Tpl_0/Content.xml", template)
        for number, page in enumerate(pages):
            archive.writestr(f"Doc_0/Pages/Page_{number}/Content.xml", page)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def lines_page(lines: list[str], *, size: float = 12.0) -> str:
    """A page with plain left-aligned lines (for files that are not typeset bulletins)."""
    objects = [
        _text_object(200 + n, line, ts.LEFT, ts.TOP - 20 * n, size) for n, line in enumerate(lines)
    ]
    return _page(objects)

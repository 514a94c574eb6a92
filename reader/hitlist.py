"""Hit lists: every hit of a query written to .csv, .xlsx or .docx for colleagues.

A row per hit (not only the first page): title, series, year, issue, region, snippet. CSV
is UTF-8 with a byte-order mark, which WPS and Excel need to read Chinese correctly.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from reader.archive import Archive
from reader.messages import ReaderError
from reader.regions import province_short, regions_of
from reader.search import Hit, search

HEADERS = ("标题", "刊物", "年份", "期号", "地区", "摘要")
FORMATS = (".csv", ".xlsx", ".docx")


def all_hits(archive: Archive, query: str) -> list[Hit]:
    """Every hit of ``query``, in the order the search ranks them."""
    total = search(archive, query, limit=0).total
    return search(archive, query, limit=max(total, 1)).hits if total else []


def hit_rows(archive: Archive, hits: Sequence[Hit]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for hit in hits:
        regions = regions_of(archive.db, hit.article_id)
        names = [r.city or province_short(r.province) for r in regions if r.city] or [
            province_short(r.province) for r in regions
        ]
        rows.append(
            (
                hit.title,
                hit.series or "",
                str(hit.year) if hit.year is not None else "",
                str(hit.issue_no) if hit.issue_no is not None else "",
                "、".join(dict.fromkeys(names)),
                hit.snippet,
            )
        )
    return rows


def export_hits(archive: Archive, hits: Sequence[Hit], path: Path, query: str = "") -> int:
    """Write ``hits`` to ``path`` (.csv, .xlsx or .docx, by its suffix); returns the rows.

    Raises:
        ReaderError: an unknown suffix, or the file cannot be written.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ReaderError("hitlist.unknown_format", suffix=path.suffix or "(none)")
    rows = hit_rows(archive, hits)
    try:
        if suffix == ".csv":
            _write_csv(rows, path)
        elif suffix == ".xlsx":
            _write_xlsx(rows, path)
        else:
            _write_docx(rows, path, query)
    except OSError as error:
        raise ReaderError("hitlist.cannot_write", path=str(path), detail=error.strerror) from None
    return len(rows)


def _write_csv(rows: list[tuple[str, ...]], path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(rows)


def _write_xlsx(rows: list[tuple[str, ...]], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "检索结果"
    sheet.append(list(HEADERS))
    for row in rows:
        # A snippet starting with "=" must stay text, never become a formula.
        sheet.append([("'" + value) if value.startswith("=") else value for value in row])
    for column, width in zip("ABCDEF", (40, 16, 8, 8, 16, 80), strict=True):
        sheet.column_dimensions[column].width = width
    book.save(path)


def _write_docx(rows: list[tuple[str, ...]], path: Path, query: str) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")  # Word's East Asian font slot
    document.add_heading(f"检索结果：{query}" if query else "检索结果", level=1)
    table = document.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.text = header
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    document.save(str(path))

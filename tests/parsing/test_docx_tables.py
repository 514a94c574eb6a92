"""DOCX tables and pictures: a contents table reads as contents, a table in an article as
rows of cells in its text, and a picture is noted where it stands."""

from __future__ import annotations

from pathlib import Path

from reader.parsing.docx import PICTURE_NOTE
from reader.parsing.files import parse_file
from tests.support.make_samples import sample_issue

ROWS = [("盟市", "项目数", "金额（万元）"), ("呼和浩特市", "12", "860"), ("包头市", "9", "540")]


def write_table_docx(path: Path, picture: Path) -> Path:
    from docx import Document
    from docx.shared import Pt

    issue = sample_issue(4)
    document = Document()
    for line in (
        issue.series,
        f"{issue.year} 年第 {issue.issue_no} 期",
        f"{issue.editor_org} 编辑",
    ):
        document.add_paragraph(line)
    contents = document.add_table(rows=0, cols=2)
    for number, article in enumerate(issue.articles):
        cells = contents.add_row().cells
        cells[0].text, cells[1].text = article.title, str(2 + number)
    for number, article in enumerate(issue.articles):
        heading = document.add_paragraph()
        run = heading.add_run(article.title)
        run.bold, run.font.size = True, Pt(16)
        for paragraph in article.paragraphs:
            document.add_paragraph(paragraph)
        if number == 1:
            table = document.add_table(rows=0, cols=3)
            for row in ROWS:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
            document.add_paragraph().add_run().add_picture(str(picture))
    document.add_paragraph(f"编辑：{issue.editor}")
    document.add_paragraph(f"电话：{issue.phone}")
    document.save(str(path))
    return path


def test_contents_table_rows_and_a_picture(tmp_path: Path) -> None:
    from PIL import Image

    picture = tmp_path / "chart.png"
    Image.new("RGB", (120, 80), "steelblue").save(picture)
    _, got = parse_file(write_table_docx(tmp_path / "issue.docx", picture))
    issue = sample_issue(4)
    assert [a.title for a in got.articles] == [a.title for a in issue.articles]
    assert [a.toc_page for a in got.articles] == [2, 3, 4, 5, 6]
    second = got.articles[1]
    rows = ["\u3000\u3000".join(row) for row in ROWS]
    assert second.paragraphs == [*issue.articles[1].paragraphs, *rows, PICTURE_NOTE]
    for other in (0, 2, 3, 4):
        assert got.articles[other].paragraphs == issue.articles[other].paragraphs

"""``reader search QUERY --export FILE``: every hit, in a file WPS and Excel open."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.intel.conftest import run_json
from tests.support.cli import run_cli


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".docx"])
def test_hit_list_has_every_hit(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    total = run_json(seeded, capsys, "search", "科技")["total"]
    assert total > 20  # more than one page
    path = tmp_path / f"hits{suffix}"
    code, out, _ = run_cli(seeded, capsys, "search", "科技", "--export", str(path))
    assert code == 0 and f"{total} hits written" in out
    if suffix == ".csv":
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path).active
        assert sheet is not None
        rows = [[c or "" for c in row] for row in sheet.iter_rows(values_only=True)]
    else:
        from docx import Document

        (table,) = Document(str(path)).tables
        rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["标题", "刊物", "年份", "期号", "地区", "摘要"]
    assert len(rows) - 1 == total
    nanjing = [row for row in rows if row[0].startswith("南京市扎实推进")]
    assert nanjing and all(row[4] == "南京市" and "科技" in row[5] for row in nanjing)
    assert {row[1] for row in rows[1:]} == {"科技情报参考", ""}


def test_hit_list_refuses_an_unknown_format(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(seeded, capsys, "search", "科技", "--export", str(tmp_path / "hits.pdf"))
    assert code == 2 and "use .csv, .xlsx or .docx" in err
    assert not (tmp_path / "hits.pdf").exists()

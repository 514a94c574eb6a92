"""Another series' issue through import, the store and ``reader list/show --json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.importer import IMPORTED, UPDATED, import_paths
from reader.store.issues import issue_articles, list_issues
from tests.support.cli import run_cli
from tests.support.series_layouts import LAYOUTS, series_issue, series_text, write_series_txt


def test_list_json_carries_running_number_date_marking_column_and_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = LAYOUTS[0]
    path = write_series_txt(tmp_path / "kjdt-12.txt", layout)
    archive = tmp_path / "archive"
    assert run_cli(archive, capsys, "import", str(path)).code == 0
    [issue] = json.loads(run_cli(archive, capsys, "list", "--json").out)
    want = layout.expected()
    assert {k: issue[k] for k in ("series", "year", "issue_no", "total_no", "date")} == {
        "series": "科技动态",
        "year": 2025,
        "issue_no": 12,
        "total_no": 156,
        "date": "2025-06-15",
    }
    assert issue["marking"] == "内部资料 注意保存" and issue["preface"] == want.preface
    assert [(a["title"], a["column"], a["source"]) for a in issue["articles"]] == [
        (a.title, a.column, a.source) for a in want.articles
    ]
    assert issue["articles"][-1]["source"] is None  # not printed: null, not ""
    shown = json.loads(
        run_cli(archive, capsys, "show", str(issue["articles"][0]["id"]), "--json").out
    )
    assert shown["column"] == "政策动态" and shown["issue"]["total_no"] == 156
    text = run_cli(archive, capsys, "show", str(issue["articles"][0]["id"])).out
    assert "【政策动态】" in text and "（来源：科技日报）" in text


def test_a_corrected_printing_updates_the_new_fields_too(tmp_path: Path) -> None:
    layout = LAYOUTS[0]
    first = write_series_txt(tmp_path / "first.txt", layout)
    corrected = series_issue()
    corrected.articles[0].source = "北河日报"
    corrected.articles[0].paragraphs[0] += "措施自发布之日起施行。"
    second = tmp_path / "second.txt"
    second.write_text(series_text(corrected, layout), encoding="utf-8")
    with Archive(tmp_path / "archive") as archive:
        assert import_paths(archive, [first]).outcomes[0].status == IMPORTED
        assert import_paths(archive, [second]).outcomes[0].status == UPDATED
        [issue] = list_issues(archive.db)
        articles = issue_articles(archive.db, issue.id)
        assert articles[0].source == "北河日报"
        assert [a.column for a in articles] == [a.column for a in series_issue().articles]
        assert issue.total_no == 156

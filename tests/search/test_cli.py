"""``reader search`` and ``reader reindex`` as a script or an editor uses them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.search import index as search_index
from tests.support.archives import add_issue
from tests.support.cli import run_cli
from tests.support.issues import bare_issue
from tests.support.stories import FILLER


@pytest.fixture
def folder(archive_dir: Path) -> Path:
    with Archive(archive_dir) as archive:
        add_issue(
            archive,
            bare_issue(
                [("乳业创新", "国家乳业技术创新中心成立。"), *FILLER], year=2023, issue_no=8
            ),
            index=True,
        )
    return archive_dir


def test_search_json_shape(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(folder, capsys, "search", "创新中心", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "创新中心"
    assert data["total"] == 1
    (hit,) = data["hits"]
    assert {
        "article_id",
        "title",
        "series",
        "year",
        "issue_no",
        "score",
        "snippet",
        "matches",
    } <= set(hit)
    assert hit["title"] == "乳业创新"
    assert (hit["series"], hit["year"], hit["issue_no"]) == ("科技情报参考", 2023, 8)
    assert hit["matches"] == [[6, 10]]
    assert hit["source"] == "article"


def test_search_readable_lines(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(folder, capsys, "search", "乳业")
    assert code == 0
    assert out.splitlines()[0] == "1 hits for 乳业"
    assert "【乳业】创新" in out
    assert "2023年第8期" in out


def test_bad_query_exits_2_without_traceback(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(folder, capsys, "search", '"乳业')
    assert code == 2
    assert out == ""
    assert "quote is not closed" in err
    assert "Traceback" not in err


def test_batch_prints_one_json_line_per_query(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text("乳业\n\n企业 -金融\nyear:abc\n", encoding="utf-8")
    code, out, err = run_cli(folder, capsys, "search", "--batch", str(queries), "--limit", "1")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["乳业", "企业 -金融", "year:abc"]
    assert lines[0]["total"] == 1
    assert lines[1]["total"] == 1
    assert "error" in lines[2]
    assert code == 2 and "queries.txt:4" in err


def test_reindex_rebuilds(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Archive(folder) as archive:
        shutil.rmtree(search_index.index_dir(archive))
    code, out, _ = run_cli(folder, capsys, "reindex")
    assert code == 0
    assert "indexed 5 articles" in out
    code, out, _ = run_cli(folder, capsys, "search", "乳业", "--json")
    assert json.loads(out)["total"] == 1

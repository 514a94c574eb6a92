"""Saved searches, the history of every query run, and searching within results."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.intel.conftest import run_json
from tests.support.cli import run_cli


def test_saved_searches_history_and_refine(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wide = run_json(seeded, capsys, "search", "科技")["total"]
    narrow = run_json(seeded, capsys, "search", "创新", "--within", "科技 OR 技术")
    assert narrow["query"] == "科技 OR 技术 创新"
    assert 0 < narrow["total"] < wide
    both = run_json(seeded, capsys, "search", "region:江苏", "--save", "江苏", "--within", "科技")
    assert both["total"] == 3
    assert run_json(seeded, capsys, "saved", "list") == [
        {"name": "江苏", "query": "科技 region:江苏"}
    ]
    assert run_json(seeded, capsys, "saved", "history")[:3] == [
        "科技 region:江苏",
        "科技 OR 技术 创新",
        "科技",
    ]
    run_json(seeded, capsys, "search", "科技")  # run again: first in the history, once
    history = run_json(seeded, capsys, "saved", "history")
    assert history[0] == "科技" and history.count("科技") == 1
    assert run_cli(seeded, capsys, "saved", "delete", "江苏")[0] == 0
    code, _, err = run_cli(seeded, capsys, "saved", "delete", "江苏")
    assert code == 2 and "no saved search named '江苏'" in err

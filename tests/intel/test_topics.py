"""Standing topics (专题监测) on the seed issues, in the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.intel.conftest import FIRST_STEP, SECOND_STEP, import_step, run_json
from tests.support.cli import run_cli


def _topic(data: Any, name: str) -> dict[str, Any]:
    (topic,) = [t for t in data["topics"] if t["name"] == name]
    return topic


def test_topic_across_two_imports(
    archive_dir: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_step(archive_dir, corpus_dir, FIRST_STEP)
    assert run_cli(archive_dir, capsys, "topic", "add", "乳业", "乳业")[0] == 0
    first = _topic(run_json(archive_dir, capsys, "topic", "check"), "乳业")
    search = run_json(archive_dir, capsys, "search", "乳业", "--limit", "100")
    assert first["query"] == "乳业"
    # A new topic starts with everything unseen: every current hit is new.
    assert first["total"] == len([h for h in search["hits"] if h["source"] == "article"])
    assert len(first["new"]) == first["total"] > 0
    assert set(first["new"][0]) == {"article_id", "title", "series", "year", "issue_no"}

    assert run_cli(archive_dir, capsys, "topic", "seen", "乳业")[0] == 0
    assert _topic(run_json(archive_dir, capsys, "topic", "check", "乳业"), "乳业")["new"] == []

    import_step(archive_dir, corpus_dir, SECOND_STEP)
    second = _topic(run_json(archive_dir, capsys, "topic", "check", "乳业"), "乳业")
    new_ids = {hit["article_id"] for hit in second["new"]}
    old_ids = {hit["article_id"] for hit in first["new"]}
    assert new_ids and not new_ids & old_ids
    assert second["total"] == first["total"] + len(new_ids)
    assert {(hit["year"], hit["issue_no"]) for hit in second["new"]} <= {(2023, 8), (2024, 1)}
    assert any("乳业" in hit["title"] for hit in second["new"])


def test_topic_with_filters_and_brief(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run_cli(seeded, capsys, "topic", "add", "宁夏科技", "科技 region:宁夏 year:2023-2024")[0]
        == 0
    )
    status = _topic(run_json(seeded, capsys, "topic", "check"), "宁夏科技")
    assert status["total"] >= 2
    assert all(hit["year"] in (2023, 2024) for hit in status["new"])
    code, out, _ = run_cli(seeded, capsys, "topic", "brief", "宁夏科技", "宁夏简报")
    assert code == 0 and f"{status['total']} articles added" in out
    brief = run_json(seeded, capsys, "brief", "show", "宁夏简报")
    assert len(brief["articles"]) == status["total"]


def test_topic_list_rename_remove_and_errors(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(seeded, capsys, "topic", "add", "乳业", "乳业 OR 奶业")[0] == 0
    code, _, err = run_cli(seeded, capsys, "topic", "add", "乳业", "奶业")
    assert code == 2 and "already a topic named '乳业'" in err
    code, _, err = run_cli(seeded, capsys, "topic", "add", "坏", '"乳业')
    assert code == 2 and "cannot read the query" in err
    assert run_cli(seeded, capsys, "topic", "rename", "乳业", "乳品")[0] == 0
    assert run_json(seeded, capsys, "topic", "list") == [{"name": "乳品", "query": "乳业 OR 奶业"}]
    code, _, err = run_cli(seeded, capsys, "topic", "check", "乳业")
    assert code == 2 and "no topic named '乳业'" in err
    assert run_cli(seeded, capsys, "topic", "remove", "乳品")[0] == 0
    assert run_json(seeded, capsys, "topic", "list") == []


def test_opening_an_article_marks_it_seen(seeded: Path) -> None:
    from reader.archive import Archive
    from reader.topics import add_topic, check_topics, mark_article_seen

    with Archive(seeded) as archive:
        add_topic(archive.db, "南京", "南京")
        add_topic(archive.db, "乳业", "乳业")
        before = {s.topic.name: [h.article_id for h in s.new] for s in check_topics(archive)}
        opened = before["南京"][0]
        assert mark_article_seen(archive, opened) == ["南京"]
        after = {s.topic.name: [h.article_id for h in s.new] for s in check_topics(archive)}
    assert after["南京"] == [i for i in before["南京"] if i != opened]
    assert after["乳业"] == before["乳业"]

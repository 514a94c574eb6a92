"""What hangs on a trashed article stays out of every listing, and emptying the trash
leaves nothing that a later article could inherit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.archive import Archive
from reader.importer import import_paths
from tests.support.issues import north_river_issue
from tests.support.layout_text import write_office_text

DAIRY = "南山县以“揭榜挂帅”破解乳业关键技术难题"


def _bulletin(folder: Path, issue_no: int) -> Path:
    return write_office_text(north_river_issue(issue_no=issue_no), folder / f"{issue_no}.txt")


def _import(archive_dir: Path, path: Path) -> list[int]:
    """Import one file; the ids of its issue's articles."""
    with Archive(archive_dir) as archive:
        (outcome,) = import_paths(archive, [path]).outcomes
        rows = archive.db.execute(
            "SELECT id FROM articles WHERE issue_id = ? ORDER BY ordinal", [outcome.issue_id]
        )
        return [row[0] for row in rows]


def _json(cli: Callable[..., Any], *argv: str) -> Any:
    code, out, err = cli(*argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_listings_without_an_article_leave_out_the_trash_until_it_is_restored(
    archive_dir: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    kept = _import(archive_dir, _bulletin(tmp_path, 1))
    trashed = _import(archive_dir, _bulletin(tmp_path, 2))
    for article_id, word in ((kept[0], "留下"), (trashed[0], "删掉")):
        assert cli("note", "add", str(article_id), f"{word}的笔记")[0] == 0
        assert cli("highlight", "add", str(article_id), "0", "4")[0] == 0
        assert cli("bookmark", "add", str(article_id))[0] == 0
        assert cli("tag", "add", str(article_id), word)[0] == 0
    issue_id = _json(cli, "list")[1]["id"]

    assert cli("issue", "delete", str(issue_id))[0] == 0

    assert [n["text"] for n in _json(cli, "note", "list")] == ["留下的笔记"]
    assert [h["article_id"] for h in _json(cli, "highlight", "list")] == [kept[0]]
    assert [b["article_id"] for b in _json(cli, "bookmark", "list")] == [kept[0]]
    assert [t["name"] for t in _json(cli, "tag", "list")] == ["留下"]

    assert cli("trash", "restore", str(issue_id))[0] == 0

    assert sorted(n["text"] for n in _json(cli, "note", "list")) == ["删掉的笔记", "留下的笔记"]
    assert len(_json(cli, "highlight", "list")) == 2
    assert len(_json(cli, "bookmark", "list")) == 2
    assert sorted(t["name"] for t in _json(cli, "tag", "list")) == ["删掉", "留下"]


def test_imported_notes_go_to_the_live_copy_of_an_article_not_the_trashed_one(
    archive_dir: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    # The dairy article is printed alike in issues 1 and 2 (the same content hash).
    one = _import(archive_dir, _bulletin(tmp_path, 1))
    two = _import(archive_dir, _bulletin(tmp_path, 2))
    assert cli("note", "add", str(one[1]), "乳业的笔记")[0] == 0
    exported = tmp_path / "notes.json"
    assert cli("annotations", "export", str(exported))[0] == 0
    assert cli("note", "delete", str(_json(cli, "note", "list")[0]["id"]))[0] == 0
    assert cli("issue", "delete", str(_json(cli, "list")[0]["id"]))[0] == 0  # issue 1

    assert cli("annotations", "import", str(exported))[0] == 0

    assert [(n["article_id"], n["text"]) for n in _json(cli, "note", "list")] == [
        (two[1], "乳业的笔记")
    ]


def test_an_article_imported_after_emptying_the_trash_is_a_new_topic_hit(
    archive_dir: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    first = _import(archive_dir, _bulletin(tmp_path, 1))
    assert cli("topic", "add", "乳业", "乳业")[0] == 0
    assert cli("topic", "seen", "乳业")[0] == 0
    issue_id = _json(cli, "list")[0]["id"]
    assert cli("issue", "delete", str(issue_id))[0] == 0
    assert cli("trash", "empty")[0] == 0
    with Archive(archive_dir) as archive:  # nothing derived from the old texts is left
        for table in ("topic_seen", "article_derived", "article_regions", "article_keywords"):
            orphans = archive.db.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0]
            assert orphans == 0, table

    later = _import(archive_dir, _bulletin(tmp_path, 2))

    assert later == first  # the ids of the deleted articles are given out again
    (topic,) = _json(cli, "topic", "check")["topics"]
    assert [(hit["article_id"], hit["title"]) for hit in topic["new"]] == [(later[1], DAIRY)]

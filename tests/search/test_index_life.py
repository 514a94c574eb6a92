"""The index follows the store: updated by imports, rebuilt when missing, damaged or outdated."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.messages import ZH
from reader.search import (
    analysis,
    ensure_index,
    grams,
    ranking,
    rebuild_index,
    search,
    sync_index,
    words,
)
from reader.search import index as search_index
from reader.search.index import IndexUnusable
from reader.store.issues import replace_issue_content
from tests.support.archives import add_issue
from tests.support.issues import bare_issue
from tests.support.stories import FILLER


def hits(archive: Archive, query: str) -> list[int]:
    return [h.article_id for h in search(archive, query, limit=100).hits]


@pytest.fixture
def indexed(store: Archive) -> list[int]:
    return add_issue(store, bare_issue([("乳业创新", "奶牛养殖技术创新。"), *FILLER]), index=True)


def _index_files(archive: Archive, part: str = "") -> list[Path]:
    folder = search_index.index_dir(archive)
    return [
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.name != "stamp.json"
        and p.relative_to(folder).as_posix().startswith(part)
    ]


def test_missing_index_is_rebuilt_with_progress(store: Archive, indexed: list[int]) -> None:
    shutil.rmtree(store.search_dir)
    calls: list[tuple[int, int]] = []
    assert ensure_index(store, lambda done, total: calls.append((done, total))) is True
    assert calls[-1] == (5, 5)
    assert ensure_index(store) is False
    assert hits(store, "奶牛") == [indexed[0]]


def test_garbage_index_files_are_rebuilt(store: Archive, indexed: list[int]) -> None:
    for path in _index_files(store):
        path.write_bytes(b"this is not an index" * 500)
    assert ensure_index(store) is True
    assert hits(store, "奶牛") == [indexed[0]]


@pytest.mark.parametrize("part", ["", words.FOLDER_NAME, grams.FILE_NAME])
def test_garbage_found_while_searching_is_reported_then_rebuilt_by_maintenance(
    store: Archive, indexed: list[int], part: str
) -> None:
    for path in _index_files(store, part):
        path.write_bytes(b"\x00garbage" * 4096)
    with pytest.raises(IndexUnusable) as raised:
        search(store, "奶牛")  # a search only reads: it says so, and rebuilds nothing
    assert "搜索索引" in raised.value.message.render(ZH)
    assert all(path.read_bytes().startswith(b"\x00garbage") for path in _index_files(store, part))
    assert ensure_index(store) is True  # the writer's maintenance repairs it
    assert hits(store, "奶牛") == [indexed[0]]


def test_search_leaves_an_outdated_index_to_maintenance(store: Archive, indexed: list[int]) -> None:
    stamp_file = search_index.stamp_path(store)
    stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
    stamp["schema"] = stamp["schema"] - 1
    stamp_file.write_text(json.dumps(stamp), encoding="utf-8")
    with pytest.raises(IndexUnusable):
        search(store, "奶牛")
    assert json.loads(stamp_file.read_text(encoding="utf-8")) == stamp  # not rebuilt
    assert ensure_index(store) is True
    assert hits(store, "奶牛") == [indexed[0]]


def test_a_bug_while_ranking_is_not_taken_for_a_damaged_index(
    store: Archive, indexed: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> dict[int, float]:
        raise ZeroDivisionError("a mistake in the ranking")

    monkeypatch.setattr(ranking, "word_scores", broken)
    with pytest.raises(ZeroDivisionError):
        search(store, "奶牛")
    monkeypatch.undo()
    assert search_index.unusable_reason(store) is None
    assert ensure_index(store) is False  # nothing to rebuild
    assert hits(store, "奶牛") == [indexed[0]]


def test_garbage_stamp_triggers_rebuild(store: Archive, indexed: list[int]) -> None:
    search_index.stamp_path(store).write_text("{not json", encoding="utf-8")
    assert ensure_index(store) is True
    assert hits(store, "奶牛") == [indexed[0]]


def test_outdated_stamp_triggers_rebuild(store: Archive, indexed: list[int]) -> None:
    stamp_file = search_index.stamp_path(store)
    stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
    stamp["analyzer"] = stamp["analyzer"] - 1
    stamp_file.write_text(json.dumps(stamp), encoding="utf-8")
    assert ensure_index(store) is True
    assert json.loads(stamp_file.read_text(encoding="utf-8")) == search_index.expected_stamp()


def test_edited_dictionary_triggers_rebuild(
    store: Archive, indexed: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dictionary = tmp_path / "user_dict.txt"
    dictionary.write_text("奶牛养殖 nz\n", encoding="utf-8")
    monkeypatch.setattr(analysis, "dictionary_path", lambda: dictionary)
    assert ensure_index(store) is True
    assert "奶牛养殖" in analysis.word_list(analysis.shared_tokenizer(), "奶牛养殖技术")
    assert ensure_index(store) is False
    dictionary.write_text("奶牛养殖 nz\n养殖技术 nz\n", encoding="utf-8")
    assert ensure_index(store) is True


def test_store_ahead_of_index_is_caught_on_open(store: Archive, indexed: list[int]) -> None:
    (late,) = add_issue(store, bare_issue([("后来的文章", "镉含量检测")]))  # import crashed
    assert ensure_index(store) is True
    assert hits(store, "镉") == [late]


def test_sync_follows_changed_and_removed_articles(store: Archive, indexed: list[int]) -> None:
    issue_id = store.db.execute(
        "SELECT issue_id FROM articles WHERE id = ?", [indexed[0]]
    ).fetchone()[0]
    newer = bare_issue([("乳业创新", ["奶山羊养殖技术。"]), *FILLER])
    with store.db.atomic():
        changed = replace_issue_content(store.db, issue_id, newer, None)  # type: ignore[arg-type]
    sync_index(store, changed)
    assert hits(store, "奶牛") == []
    assert hits(store, "奶山羊") == [indexed[0]]
    with store.db.atomic():
        store.db.execute("DELETE FROM articles WHERE id = ?", [indexed[1]])
    sync_index(store, [], [indexed[1]])
    assert hits(store, "数字经济") == []
    assert ensure_index(store) is False  # counts agree: nothing was left behind


def test_search_works_while_an_import_holds_the_write_lock(
    store: Archive, indexed: list[int]
) -> None:
    writer = words.open_index(store.search_dir).writer()
    conn = grams.connect(store.search_dir)
    try:
        conn.execute("BEGIN IMMEDIATE")
        grams.delete(conn, indexed[0])  # uncommitted: readers keep their view
        words.delete(writer, [indexed[0]])
        assert hits(store, "奶牛") == [indexed[0]]
    finally:
        writer.cancel()
        grams.roll_back(conn)
        conn.close()


def test_interrupted_rebuild_keeps_the_old_index(
    store: Archive, indexed: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(search_index, "_add_all", explode)
    with pytest.raises(RuntimeError):
        rebuild_index(store)
    monkeypatch.undo()
    assert search_index.unusable_reason(store) is None
    assert sorted(
        p.name for p in store.folder.iterdir() if p.is_dir() and p.name.startswith("search")
    ) == ["search"]  # the half-written index was thrown away
    assert ensure_index(store) is False
    assert hits(store, "奶牛") == [indexed[0]]


def test_index_lost_mid_swap_is_rebuilt_on_open(store: Archive, indexed: list[int]) -> None:
    search_index.index_dir(store).rename(store.folder / "search.old")  # crash between renames
    assert ensure_index(store) is True
    assert hits(store, "奶牛") == [indexed[0]]


def test_worker_pool_builds_the_same_index(store: Archive) -> None:
    articles = [(f"文章{i}", f"第{i}号：科技创新{i % 7}，乳业{i % 3}。") for i in range(450)]
    add_issue(store, bare_issue(articles))
    rebuild_index(store, processes=2)
    pooled = search(store, "科技创新3 乳业1", limit=100)
    rebuild_index(store, processes=0)
    single = search(store, "科技创新3 乳业1", limit=100)
    assert pooled.total == single.total == sum(1 for i in range(450) if i % 7 == 3 and i % 3 == 1)
    assert [h.article_id for h in pooled.hits] == [h.article_id for h in single.hits]


def test_exclusion_holds_across_several_imports(store: Archive) -> None:
    first = add_issue(
        store, bare_issue([("乳业甲", "企业与国家合作。"), *FILLER], issue_no=1), index=True
    )
    second = add_issue(
        store,
        bare_issue([("乳业乙", "企业与国家，中国。"), ("乳业丙", "企业、国家。")], issue_no=2),
        index=True,
    )
    third = add_issue(
        store, bare_issue([("乳业丁", "中国企业走向国家舞台。")], issue_no=3), index=True
    )
    assert len(list(words.folder(store.search_dir).glob("*.pst"))) > 1  # several segments
    found = sorted(hits(store, "企业 国家 -中国"))
    assert found == sorted([first[0], second[1]])
    assert third[0] not in found


def test_worker_processes_update_an_index_in_place(store: Archive, indexed: list[int]) -> None:
    articles = [(f"增补{i}", f"第{i}号：奶业振兴{i % 5}。") for i in range(60)]
    added = add_issue(store, bare_issue(articles, issue_no=2))
    sync_index(store, [*added, indexed[0]], processes=2)  # one changed, sixty new
    assert sorted(hits(store, "奶业振兴3")) == [a for i, a in enumerate(added) if i % 5 == 3]
    assert hits(store, "奶牛") == [indexed[0]]  # re-indexed once, not twice
    assert len(hits(store, "奶业振兴")) == 60
    assert ensure_index(store) is False  # both parts hold every article once


def test_failed_worker_leaves_the_index_as_it_was(
    store: Archive, indexed: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.search import segments

    (late,) = add_issue(store, bare_issue([("后来的文章", "镉含量检测")], issue_no=2))
    real_workers = segments.SegmentWorkers
    monkeypatch.setattr(
        search_index,
        "SegmentWorkers",
        lambda folder, processes: real_workers(folder / "nowhere", processes),
    )
    with pytest.raises(segments.WorkerFailed, match="indexing worker failed"):
        sync_index(store, [late], processes=2)
    monkeypatch.undo()
    assert search_index.unusable_reason(store) is None
    assert hits(store, "奶牛") == [indexed[0]]
    assert hits(store, "镉") == []  # not half-added: the store is ahead, caught on open
    assert ensure_index(store) is True
    assert hits(store, "镉") == [late]


def test_topic_matching_on_the_writer_repairs_a_damaged_index(
    store: Archive, indexed: list[int]
) -> None:
    from reader.search.engine import matching_article_ids

    for path in _index_files(store, grams.FILE_NAME):
        path.write_bytes(b"\x00garbage" * 4096)
    assert matching_article_ids(store, "奶牛") == [indexed[0]]
    assert search_index.unusable_reason(store) is None

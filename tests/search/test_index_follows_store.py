"""The index follows the store by content: whatever changed behind its back is re-indexed on
open, exactly that and nothing more."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.backup import backup_archive, restore_archive
from reader.parsing.model import ParsedArticle, ParsedIssue
from reader.search import ensure_index, search, sync_index, words
from reader.search import index as search_index
from reader.store.issues import replace_issue_content
from tests.support.archives import add_issue
from tests.support.issues import bare_issue
from tests.support.stories import FILLER

Progress = list[tuple[int, int]]


def hits(archive: Archive, query: str) -> list[int]:
    return [h.article_id for h in search(archive, query, limit=100).hits]


def reopen(archive: Archive) -> Archive:
    archive.close()
    return Archive(archive.folder)


def word_copies(archive: Archive, article_id: int) -> int:
    """How many live documents of the word index hold this article."""
    with words.open_index(archive.search_dir).searcher() as searcher:
        return sum(
            1
            for leaf, _offset in searcher.reader().leaf_readers()
            for docnum, held in enumerate(words.segment_article_ids(leaf))
            if held == article_id and not leaf.is_deleted(docnum)
        )


def correct_printing(archive: Archive, article_id: int, title: str, text: str) -> None:
    """Give one article of its issue a new title and text, keeping the article count; the
    index is not told (as when an import dies before its index update)."""
    issue_id = archive.db.execute(
        "SELECT issue_id FROM articles WHERE id = ?", [article_id]
    ).fetchone()[0]
    rows = archive.db.execute(
        "SELECT id, title, text FROM articles WHERE issue_id = ? ORDER BY ordinal", [issue_id]
    ).fetchall()
    articles = [
        ParsedArticle(title if row[0] == article_id else row[1], text.split("\n"))
        if row[0] == article_id
        else ParsedArticle(row[1], row[2].split("\n"))
        for row in rows
    ]
    with archive.db.atomic():
        replace_issue_content(archive.db, issue_id, ParsedIssue(articles), None)  # type: ignore[arg-type]


@pytest.fixture
def archive_with_index(store: Archive) -> tuple[Archive, list[int]]:
    many = [(f"第{i}篇", f"编号{i}的普通内容。") for i in range(30)]
    ids = add_issue(
        store, bare_issue([("乳业创新", "奶牛养殖技术创新。"), *FILLER, *many]), index=True
    )
    assert ensure_index(store) is False
    return store, ids


def test_corrected_printing_with_equal_counts_is_reindexed_on_open(
    archive_with_index: tuple[Archive, list[int]],
) -> None:
    archive, ids = archive_with_index
    before = archive.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    correct_printing(archive, ids[0], "乳业创新", "奶山羊养殖技术创新。")
    assert archive.db.execute("SELECT count(*) FROM articles").fetchone()[0] == before
    archive = reopen(archive)
    try:
        calls: Progress = []
        assert ensure_index(archive, lambda done, total: calls.append((done, total))) is True
        assert calls[-1] == (1, 1)  # one article re-indexed, not the 35
        assert hits(archive, "奶山羊") == [ids[0]]
        assert hits(archive, "奶牛") == []
        assert ensure_index(archive) is False
    finally:
        archive.close()


def test_retitled_article_is_found_by_its_new_title(
    archive_with_index: tuple[Archive, list[int]],
) -> None:
    archive, ids = archive_with_index
    correct_printing(archive, ids[0], "奶业振兴", "奶牛养殖技术创新。")  # same text
    archive = reopen(archive)
    try:
        assert ensure_index(archive) is True
        assert hits(archive, "title:奶业振兴") == [ids[0]]
        assert hits(archive, "乳业创新") == []
    finally:
        archive.close()


def test_crash_between_store_write_and_index_update_is_repaired_on_open(
    archive_with_index: tuple[Archive, list[int]],
) -> None:
    archive, ids = archive_with_index
    (late,) = add_issue(archive, bare_issue([("后来的文章", "镉含量检测")], issue_no=2))
    correct_printing(archive, ids[1], FILLER[0][0], "各地推进氢能产业发展。")
    with archive.db.atomic():
        archive.db.execute("DELETE FROM articles WHERE id = ?", [ids[2]])
    archive = reopen(archive)
    try:
        calls: Progress = []
        assert ensure_index(archive, lambda done, total: calls.append((done, total))) is True
        assert calls[-1] == (2, 2)  # the new one and the changed one
        assert hits(archive, "镉") == [late]
        assert hits(archive, "氢能") == [ids[1]]
        assert hits(archive, "数字化转型") == []  # its old text
        assert hits(archive, "乡村振兴") == []  # the deleted article
        assert search(archive, "内容").total == 30
    finally:
        archive.close()


def test_crash_between_the_two_parts_commits_counts_each_article_once(
    archive_with_index: tuple[Archive, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    archive, _ids = archive_with_index
    (late,) = add_issue(archive, bare_issue([("镉污染", "镉含量检测")], issue_no=2))

    def power_cut(conn: object) -> None:
        raise KeyboardInterrupt  # after the word index committed, before the gram table

    monkeypatch.setattr(search_index, "_commit_grams", power_cut)
    with pytest.raises(KeyboardInterrupt):
        sync_index(archive, [late])
    monkeypatch.undo()
    assert words.open_index(archive.search_dir).doc_count() == 36  # the word index is ahead
    assert hits(archive, "镉") == []
    assert word_copies(archive, late) == 1
    archive = reopen(archive)
    try:
        assert ensure_index(archive) is True
        assert words.open_index(archive.search_dir).doc_count() == 36  # not 37
        assert word_copies(archive, late) == 1  # its words count once in its score
        assert hits(archive, "镉") == [late]
    finally:
        archive.close()


def test_restored_older_backup_is_followed(
    archive_with_index: tuple[Archive, list[int]], tmp_path: Path
) -> None:
    archive, ids = archive_with_index
    backup = tmp_path / "before.sqlite3"
    backup_archive(archive, backup)
    correct_printing(archive, ids[0], "乳业创新", "奶山羊养殖技术创新。")
    sync_index(archive, [ids[0]])
    added = add_issue(archive, bare_issue([("后来的文章", "镉含量检测")], issue_no=2), index=True)
    assert hits(archive, "镉") == added
    archive.close()

    result = restore_archive(archive.folder, backup)
    assert result.index_rebuilt, result.index_problem
    with Archive(archive.folder) as restored:
        assert ensure_index(restored) is False  # the restore brought the index in line
        assert hits(restored, "奶牛") == [ids[0]]
        assert hits(restored, "奶山羊") == []
        assert hits(restored, "镉") == []
        # An article added now may take the id the lost one had in the index.
        (again,) = add_issue(
            restored, bare_issue([("新文章", "锂电池回收")], issue_no=3), index=True
        )
        assert hits(restored, "锂电池") == [again]
        assert hits(restored, "镉") == []


def test_backup_copied_over_a_closed_archive_is_followed_on_open(
    archive_with_index: tuple[Archive, list[int]], tmp_path: Path
) -> None:
    archive, ids = archive_with_index
    backup = tmp_path / "before.sqlite3"
    backup_archive(archive, backup)
    add_issue(archive, bare_issue([("后来的文章", "镉含量检测")], issue_no=2), index=True)
    correct_printing(archive, ids[0], "乳业创新", "奶山羊养殖技术创新。")
    sync_index(archive, [ids[0]])
    archive.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{archive.database_path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, archive.database_path)  # an editor's own restore, by hand
    with Archive(archive.folder) as restored:
        calls: Progress = []
        assert ensure_index(restored, lambda done, total: calls.append((done, total))) is True
        assert calls[-1] == (1, 1)  # the changed article again; the new one only removed
        assert hits(restored, "奶牛") == [ids[0]]
        assert hits(restored, "奶山羊") == []
        assert hits(restored, "镉") == []


def test_sync_of_unchanged_articles_writes_nothing(
    archive_with_index: tuple[Archive, list[int]],
) -> None:
    archive, ids = archive_with_index
    calls: Progress = []
    sync_index(archive, ids, progress=lambda done, total: calls.append((done, total)))
    assert calls == []
    assert hits(archive, "奶牛") == [ids[0]]

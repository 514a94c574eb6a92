"""Deleting an issue moves it to the trash; restoring brings back everything on it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader import briefs, editing
from reader.annotations import (
    add_bookmark,
    add_highlight,
    add_note,
    add_tag,
    article_tags,
    list_highlights,
    list_notes,
)
from reader.archive import Archive
from reader.importer import IMPORTED, import_paths
from reader.search import ensure_index, grams, search
from reader.store import issues as store
from reader.store import tree as tree_queries
from tests.trust.seeds import seed_texts

pytestmark = pytest.mark.corpus


def sample_files() -> list[Path]:
    """The sample bulletins the first start offers (each one issue marked 示例)."""
    from reader.importer import SUPPORTED_SUFFIXES
    from reader.paths import resource_path

    folder = resource_path("samples")
    return [p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES]


def _nanjing(archive: Archive) -> list[int]:
    hits = search(archive, "南京市扎实推进原始创新", limit=10).hits
    return sorted(h.article_id for h in hits)


def _annotated(archive: Archive, corpus_dir: Path, tmp_path: Path) -> tuple[int, int]:
    """The seeds imported, one article of 2023-8 annotated and in a brief: (issue, article)."""
    import_paths(archive, seed_texts(corpus_dir, tmp_path / "txt"))
    issue = next(i for i in store.list_issues(archive.db) if (i.year, i.issue_no) == (2023, 8))
    article = next(
        a for a in store.issue_articles(archive.db, issue.id) if a.title.startswith("南京市")
    )
    db = archive.db
    add_note(db, article.id, "要跟进")
    add_highlight(db, article.id, 0, 4, note="重点")
    add_tag(db, article.id, "原始创新")
    add_bookmark(db, article.id)
    briefs.create_brief(db, "创新", title="创新专题")
    briefs.add_articles(db, "创新", [article.id])
    return issue.id, article.id


def test_a_deleted_issue_leaves_tree_search_and_briefs_and_comes_back_whole(
    archive: Archive, corpus_dir: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    issue_id, article_id = _annotated(archive, corpus_dir, tmp_path)
    assert article_id in _nanjing(archive)
    issues_before = len(store.list_issues(archive.db))

    code, out, err = cli("issue", "delete", str(issue_id))
    assert code == 0, err

    assert store.get_issue(archive.db, issue_id) is None
    assert len(store.list_issues(archive.db)) == issues_before - 1
    assert article_id not in _nanjing(archive)
    assert len(_nanjing(archive)) == 1  # the same article printed in 2023-7 is still found
    assert briefs.get_brief(archive.db, "创新").article_ids == []
    assert all(year != 2023 or n != 8 for _, year, n in _tree_issues(archive))
    assert tree_queries.bookmarked_articles(archive.db) == []
    code, out, _ = cli("trash", "list", "--json")
    (entry,) = json.loads(out)
    assert entry["issue_id"] == issue_id
    assert entry["label"] == "《科技情报参考》2023年第8期"
    assert set(entry) == {"issue_id", "label", "deleted_at"}

    code, out, err = cli("trash", "restore", str(issue_id))
    assert code == 0, err

    assert article_id in _nanjing(archive)
    assert briefs.get_brief(archive.db, "创新").article_ids == [article_id]
    assert [n.text for n in list_notes(archive.db, article_id)] == ["要跟进"]
    assert [h.note for h in list_highlights(archive.db, article_id)] == ["重点"]
    assert article_tags(archive.db, article_id) == ["原始创新"]
    assert [a for a, _ in tree_queries.bookmarked_articles(archive.db)] == [article_id]
    assert json.loads(cli("trash", "list", "--json")[1]) == []


def _tree_issues(archive: Archive) -> list[tuple[int, int | None, int | None]]:
    found = []
    for series, _, _ in tree_queries.series_counts(archive.db):
        for year, _, _ in tree_queries.year_counts(archive.db, series):
            for issue_id, number, *_ in tree_queries.issues_in_year(archive.db, series, year):
                found.append((issue_id, year, number))
    return found


def test_emptying_the_trash_deletes_for_good_and_the_file_imports_again(
    archive: Archive, corpus_dir: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    issue_id, _article_id = _annotated(archive, corpus_dir, tmp_path)
    source = store.get_issue(archive.db, issue_id).source_path  # type: ignore[union-attr]
    editing.delete_issues(archive, [issue_id])

    code, out, err = cli("trash", "empty")
    assert (code, out.strip()) == (0, "1 issues deleted for good"), err

    assert store.get_issue(archive.db, issue_id, deleted=True) is None
    assert list_notes(archive.db) == []
    assert archive.db.execute("PRAGMA foreign_key_check").fetchall() == []
    code, _, err = cli("trash", "restore", str(issue_id))
    assert code == 2 and "not in the trash" in err
    again = import_paths(archive, [Path(source or "")])
    assert [o.status for o in again.outcomes] == [IMPORTED]


def test_a_trashed_issue_is_not_found_as_a_rendition_or_by_its_same_text(
    archive: Archive, corpus_dir: Path, tmp_path: Path
) -> None:
    issue_id, article_id = _annotated(archive, corpus_dir, tmp_path)
    other = next(i for i in store.articles_with_same_text(archive.db, article_id))
    editing.delete_issues(archive, [issue_id])

    assert store.articles_with_same_text(archive.db, other) == []
    assert store.get_article(archive.db, article_id) is None
    assert article_id not in [a.id for a in store.iter_all_articles(archive.db)]


def test_the_samples_go_in_one_action(archive: Archive, cli: Callable[..., Any]) -> None:
    from reader.importer import import_samples_if_empty
    from reader.paths import resource_path

    samples = sample_files()
    report = import_samples_if_empty(archive)
    samples = len(list(resource_path("samples").glob("sample-*")))  # one issue each
    assert report is not None and report.count(IMPORTED) == samples
    title = next(iter(store.iter_all_articles(archive.db))).title
    assert search(archive, title, limit=5).total > 0

    code, _out, err = cli("issue", "delete", "--samples")

    assert code == 0, err
    assert store.list_issues(archive.db) == []
    assert len(json.loads(cli("trash", "list", "--json")[1])) == samples
    assert search(archive, title, limit=5).total == 0
    # An archive whose samples are in the trash is not empty: the first start stays quiet.
    assert import_samples_if_empty(archive) is None


def test_deleting_an_unknown_issue_says_so_and_moves_nothing(
    archive: Archive, corpus_dir: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    import_paths(archive, seed_texts(corpus_dir, tmp_path / "txt"))
    first = store.list_issues(archive.db)[0].id

    code, _, err = cli("issue", "delete", str(first), "999")

    assert code == 2 and "no issue with id 999" in err
    assert len(store.list_issues(archive.db)) == 5


def test_a_trashed_issue_stays_out_of_search_when_the_archive_is_opened_again(
    archive: Archive, corpus_dir: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    # Opening the archive compares the index with the store's searchable articles: a
    # trashed issue's articles must not count as missing from the index.
    issue_id, article_id = _annotated(archive, corpus_dir, tmp_path)
    assert cli("issue", "delete", str(issue_id))[0] == 0
    with Archive(archive.folder) as reopened:
        ensure_index(reopened)
        assert article_id not in _indexed(reopened)
        assert article_id not in _nanjing(reopened)
    assert cli("trash", "restore", str(issue_id))[0] == 0
    with Archive(archive.folder) as reopened:
        ensure_index(reopened)
        assert article_id in _indexed(reopened)
        assert article_id in _nanjing(reopened)


def _indexed(archive: Archive) -> set[int]:
    conn = grams.connect(archive.search_dir)
    try:
        return set(grams.hashes(conn))
    finally:
        conn.close()

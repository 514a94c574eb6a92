"""Archives saved by earlier schema versions open, migrate, and keep every row."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.annotations import add_note, articles_with_tag, list_highlights, list_notes
from reader.archive import Archive
from reader.paths import DATABASE_NAME
from reader.store.db import ArchiveError, open_database, schema_version
from reader.store.issues import get_article, list_issues
from reader.store.migrations import MIGRATIONS
from tests.store.make_old_databases import DATA_DIR, VERSIONS

ALL_STEPS = [m.name for m in MIGRATIONS._migrations]


def _old_archive(name: str, tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copyfile(DATA_DIR / name, folder / DATABASE_NAME)
    return folder


@pytest.mark.parametrize("name", sorted(VERSIONS))
def test_saved_files_are_of_the_old_version(name: str) -> None:
    conn = sqlite3.connect(f"{(DATA_DIR / name).as_uri()}?mode=ro", uri=True)
    try:
        steps = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
    finally:
        conn.close()
    assert steps == ALL_STEPS[: ALL_STEPS.index(VERSIONS[name])]


@pytest.mark.parametrize("name", sorted(VERSIONS))
def test_old_archive_migrates_and_keeps_its_issues(name: str, tmp_path: Path) -> None:
    folder = _old_archive(name, tmp_path)
    with Archive(folder) as archive:
        assert schema_version(archive.db) == ALL_STEPS
        assert archive.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (issue,) = list_issues(archive.db)
        assert (issue.year, issue.issue_no, issue.editor) == (2024, 2, "王 明")
        article = get_article(archive.db, 1)
        assert article is not None
        assert article.title.startswith("北河市乳业")
        # Details added later (0006) read as unprinted, not as anything invented.
        assert (issue.total_no, issue.date, issue.marking, issue.preface) == (None,) * 4
        assert (article.column, article.source) == (None, None)
        # The migrated archive takes new annotations on its old articles.
        note = add_note(archive.db, article.id, "迁移后新加")
    with Archive(folder) as reopened:
        assert note in list_notes(reopened.db, 1)


def test_annotations_of_schema_0002_survive_migration(tmp_path: Path) -> None:
    folder = _old_archive("schema-0002.sqlite3", tmp_path)
    with Archive(folder) as archive:
        assert [n.text for n in list_notes(archive.db)] == ["<b>旧版本的笔记</b>\n- 要点"]
        (highlight,) = list_highlights(archive.db, 1)
        text = get_article(archive.db, 1).text  # type: ignore[union-attr]
        assert text[highlight.start : highlight.end] == highlight.quote == "乳品研究院"
        assert articles_with_tag(archive.db, "乳业") == [1]
        bookmark = archive.db.execute("SELECT article_id, position FROM bookmarks").fetchall()
        assert bookmark == [(2, 5)]


def test_archive_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    folder = _old_archive("schema-0002.sqlite3", tmp_path)
    path = folder / DATABASE_NAME
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('reader', '9999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="newer version of reader"):
        open_database(path)
    conn = sqlite3.connect(path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert "briefs" not in tables  # no later step was applied to it


def test_schema_0003_archive_gains_trash_title_keys_and_keeps_its_brief(tmp_path: Path) -> None:
    from reader.briefs import get_brief
    from reader.parsing.model import ParsedArticle, ParsedIssue
    from reader.store.sources import find_counterpart

    folder = _old_archive("schema-0003.sqlite3", tmp_path)
    with Archive(folder) as archive:
        db = archive.db
        assert get_brief(db, "乳业").items[0].note == "首篇"
        assert db.execute("SELECT title_key FROM articles WHERE id = 1").fetchone() == (
            "北河市乳业集群加快发展",
        )
        # The old issue is found by its titles, as a rendition with no masthead would be.
        rendition = ParsedIssue(
            [
                ParsedArticle(
                    "北河市乳业集群加快发展",
                    ["北河市新建标准化牧场六座。", "乳品研究院攻关益生菌菌种选育。"],
                ),
                ParsedArticle(
                    "南岭区工业机器人应用示范", ["南岭区推广工业机器人，带动企业完成产线改造。"]
                ),
            ]
        )
        found = find_counterpart(db, rendition, "pdf")
        assert found is not None and found.issue_id == 1
        assert found.comparison.verdict == "rendition"

"""Topic hits remembered in an open archive (the window's) stay the search's own matches
through imports, edits of an issue's details, tags and the trash."""

from __future__ import annotations

from pathlib import Path

from reader.archive import Archive
from reader.editing import delete_issues, restore_issue
from reader.importer import import_paths
from reader.search.engine import matching_article_ids
from reader.topic_hits import topic_hits_each
from tests.intel.conftest import FIRST_STEP, SECOND_STEP

QUERIES = [
    "乳业",
    "乳业 OR 奶业",
    "科技 -乳业",
    "year:2023 -科技",
    "title:科技",
    "科技 year:2023",
    "科技 region:江苏",
    "创新 tag:要闻",
    "镉",
]


def assert_as_searched(archive: Archive) -> None:
    remembered = topic_hits_each(archive, QUERIES)
    assert remembered == [set(matching_article_ids(archive, query)) for query in QUERIES]


def test_remembered_hits_follow_every_change(archive_dir: Path, corpus_dir: Path) -> None:
    from reader.annotations.tags import add_tag
    from reader.store.issues import update_issue_fields

    with Archive(archive_dir) as archive:
        assert import_paths(archive, [corpus_dir / name for name in FIRST_STEP]).ok
        assert_as_searched(archive)
        first = topic_hits_each(archive, ["乳业"])[0]
        assert import_paths(archive, [corpus_dir / name for name in SECOND_STEP]).ok
        assert_as_searched(archive)
        assert topic_hits_each(archive, ["乳业"])[0] > first  # the second import's hits came in

        issue_id, article_id = archive.db.execute(
            "SELECT issue_id, id FROM articles WHERE text LIKE '%科技%' ORDER BY id"
        ).fetchone()
        update_issue_fields(archive.db, issue_id, {"year": 2023})
        add_tag(archive.db, article_id, "要闻")
        assert_as_searched(archive)
        assert article_id in topic_hits_each(archive, ["科技 year:2023"])[0]

        delete_issues(archive, [issue_id])
        assert_as_searched(archive)
        assert article_id not in topic_hits_each(archive, ["科技"])[0]
        restore_issue(archive, issue_id)
        assert_as_searched(archive)
        assert article_id in topic_hits_each(archive, ["科技"])[0]


def test_seen_marks_count_at_once_whichever_connection_made_them(seeded: Path) -> None:
    from reader.topics import add_topic, check_topics, mark_seen, remove_topic

    with Archive(seeded) as window, Archive(seeded) as command_line:
        add_topic(window.db, "乳业", "乳业")
        (status,) = check_topics(window)
        assert len(status.new) == status.total > 0
        mark_seen(command_line, "乳业")
        assert check_topics(window)[0].new == []
        # A topic removed and added again (its id may be reused) starts all unseen.
        remove_topic(window.db, "乳业")
        add_topic(window.db, "乳业", "乳业")
        (again,) = check_topics(window)
        assert len(again.new) == again.total == status.total
        mark_seen(window, "乳业")
        assert check_topics(window)[0].new == check_topics(command_line)[0].new == []

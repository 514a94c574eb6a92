from __future__ import annotations

import pytest

from reader.annotations import (
    AnnotationError,
    add_bookmark,
    delete_bookmark,
    get_bookmark,
    list_bookmarks,
)
from reader.archive import Archive
from tests.support.archives import add_issue
from tests.support.issues import invented_issue
from tests.support.stories import SEEDS


def test_bookmarks_listed_newest_first(filled: tuple[Archive, list[int]]) -> None:
    archive, (first, second) = filled
    (third,) = add_issue(archive, invented_issue([SEEDS], issue_no=6))
    for article in (second, first, third):
        add_bookmark(archive.db, article)
    assert [b.article_id for b in list_bookmarks(archive.db)] == [third, first, second]


def test_one_bookmark_per_article_and_position_can_move(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    first = add_bookmark(archive.db, article, position=10)
    again = add_bookmark(archive.db, article, position=20)
    same = add_bookmark(archive.db, article)
    assert (again.id, again.created, again.position) == (first.id, first.created, 20)
    assert same.position == 20
    assert len(list_bookmarks(archive.db)) == 1


def test_position_must_lie_in_the_text(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    with pytest.raises(AnnotationError, match="position 100000 is outside article"):
        add_bookmark(archive.db, article, position=100_000)
    assert get_bookmark(archive.db, article) is None


def test_delete_and_bad_ids(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, other) = filled
    add_bookmark(archive.db, article)
    delete_bookmark(archive.db, article)
    assert list_bookmarks(archive.db) == []
    with pytest.raises(AnnotationError, match=f"article {other} has no bookmark"):
        delete_bookmark(archive.db, other)
    with pytest.raises(AnnotationError, match="no article 4242"):
        add_bookmark(archive.db, 4242)

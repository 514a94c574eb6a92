from __future__ import annotations

import pytest

from reader.annotations import (
    AnnotationError,
    add_tag,
    article_tags,
    articles_with_tag,
    list_tags,
    remove_tag,
)
from reader.archive import Archive


def test_tags_counts_and_articles(filled: tuple[Archive, list[int]]) -> None:
    archive, (first, second) = filled
    add_tag(archive.db, first, "乳业")
    add_tag(archive.db, first, "政策")
    assert add_tag(archive.db, second, " 乳业 ").count == 2
    add_tag(archive.db, second, "乳业")  # twice: no change
    assert [(t.name, t.count) for t in list_tags(archive.db)] == [("乳业", 2), ("政策", 1)]
    assert articles_with_tag(archive.db, "乳业") == [first, second]
    assert article_tags(archive.db, first) == sorted(["乳业", "政策"])
    assert articles_with_tag(archive.db, "没有") == []


def test_removing_the_last_use_drops_the_tag(filled: tuple[Archive, list[int]]) -> None:
    archive, (first, second) = filled
    add_tag(archive.db, first, "政策")
    add_tag(archive.db, second, "政策")
    remove_tag(archive.db, first, "政策")
    assert [(t.name, t.count) for t in list_tags(archive.db)] == [("政策", 1)]
    remove_tag(archive.db, second, "政策")
    assert list_tags(archive.db) == []
    with pytest.raises(AnnotationError, match="has no tag"):
        remove_tag(archive.db, second, "政策")


@pytest.mark.parametrize("name", ["", "   ", "两 个", "x" * 65])
def test_bad_tag_names_refused(filled: tuple[Archive, list[int]], name: str) -> None:
    archive, (first, _) = filled
    with pytest.raises(AnnotationError):
        add_tag(archive.db, first, name)
    assert list_tags(archive.db) == []


def test_tag_on_missing_article(filled: tuple[Archive, list[int]]) -> None:
    archive, _ = filled
    with pytest.raises(AnnotationError, match="no article 777"):
        add_tag(archive.db, 777, "乳业")
    assert list_tags(archive.db) == []

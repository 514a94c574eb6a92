"""Operations on standing topics (专题): adding, removing, marking hits seen."""

from __future__ import annotations

from reader import topics
from reader.archive import Archive
from reader.operations.changes import Changes, OpResult

TOPICS = Changes(topics=True)


def add_topic(archive: Archive, name: str, query: str) -> OpResult[topics.Topic]:
    return OpResult(topics.add_topic(archive.db, name, query), TOPICS)


def remove_topic(archive: Archive, name: str) -> OpResult[None]:
    topics.remove_topic(archive.db, name)
    return OpResult(None, TOPICS)


def mark_topic_seen(archive: Archive, name: str) -> OpResult[int]:
    return OpResult(topics.mark_seen(archive, name), TOPICS)


def mark_article_seen(archive: Archive, article_id: int) -> OpResult[list[str]]:
    """The opened article is no longer new in any topic; the topics it was new in."""
    return OpResult(topics.mark_article_seen(archive, article_id), TOPICS)

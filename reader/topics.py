"""Standing topics (专题监测): named queries followed across every new issue.

A topic is a name and a query (anything the search understands, filters included). It
remembers which of its hits the editor has seen; :func:`check_topics` gives, per topic, the
current hits not yet seen, so after an import each topic shows what arrived. A new topic
starts with everything unseen.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from reader.archive import Archive
from reader.clock import now_iso
from reader.messages import ReaderError
from reader.search.query import QuerySyntaxError, parse_query
from reader.store.chunked import rows_for
from reader.topic_hits import forget_seen, note_seen, seen_articles, topic_hits_each


@dataclass(frozen=True, slots=True)
class Topic:
    id: int
    name: str
    query: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "query": self.query}


@dataclass(frozen=True, slots=True)
class TopicHit:
    article_id: int
    title: str
    series: str | None
    year: int | None
    issue_no: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "series": self.series,
            "year": self.year,
            "issue_no": self.issue_no,
        }


@dataclass(slots=True)
class TopicStatus:
    """A topic's current hits: how many in all, and those not yet seen (newest first)."""

    topic: Topic
    total: int
    new: list[TopicHit] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.topic.name,
            "query": self.topic.query,
            "total": self.total,
            "new": [hit.to_json() for hit in self.new],
        }


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ReaderError("topic.empty_name")
    return name


def _check_query(query: str) -> str:
    try:
        parse_query(query)
    except QuerySyntaxError as error:
        raise ReaderError("topic.bad_query", query=query, detail=str(error)) from None
    return query.strip()


def list_topics(db: Database) -> list[Topic]:
    rows = db.execute("SELECT id, name, query FROM topics ORDER BY name")
    return [Topic(*row) for row in rows]


def get_topic(db: Database, name: str) -> Topic:
    row = db.execute("SELECT id, name, query FROM topics WHERE name = ?", [name]).fetchone()
    if row is None:
        raise ReaderError("topic.not_found", name=name)
    return Topic(*row)


def add_topic(db: Database, name: str, query: str) -> Topic:
    """A new topic; every current hit counts as new until seen.

    Raises:
        ReaderError: the name is empty or taken, or the query cannot be read.
    """
    name, query = _clean_name(name), _check_query(query)
    try:
        with db.atomic():
            db.execute(
                "INSERT INTO topics (name, query, created) VALUES (?, ?, ?)",
                [name, query, now_iso()],
            )
    except sqlite3.IntegrityError:
        raise ReaderError("topic.exists", name=name) from None
    return get_topic(db, name)


def remove_topic(db: Database, name: str) -> None:
    topic = get_topic(db, name)
    with db.atomic():
        db.execute("DELETE FROM topic_seen WHERE topic_id = ?", [topic.id])
        db.execute("DELETE FROM topics WHERE id = ?", [topic.id])
    forget_seen(db, topic.id)


def rename_topic(db: Database, name: str, new_name: str) -> Topic:
    topic = get_topic(db, name)
    new_name = _clean_name(new_name)
    try:
        with db.atomic():
            db.execute("UPDATE topics SET name = ? WHERE id = ?", [new_name, topic.id])
    except sqlite3.IntegrityError:
        raise ReaderError("topic.exists", name=new_name) from None
    return get_topic(db, new_name)


def topic_hit_ids(archive: Archive, topic: Topic) -> list[int]:
    """Every article the topic's query finds now."""
    try:
        return sorted(topic_hits_each(archive, [topic.query])[0])
    except QuerySyntaxError as error:  # a query the search no longer reads the same way
        raise ReaderError("topic.bad_query", query=topic.query, detail=str(error)) from None


def _hit_details(db: Database, article_ids: list[int]) -> list[TopicHit]:
    select = (
        "SELECT a.id, a.title, i.series, i.year, i.issue_no FROM articles a "
        "JOIN issues i ON i.id = a.issue_id WHERE a.id IN"
    )
    hits = [TopicHit(*row) for row in rows_for(db.execute, select, article_ids)]
    hits.sort(key=lambda h: (h.year or 0, h.issue_no or 0, -h.article_id), reverse=True)
    return hits


def _all_hit_ids(archive: Archive, topics: list[Topic]) -> list[set[int]]:
    try:
        return topic_hits_each(archive, [topic.query for topic in topics])
    except QuerySyntaxError:  # find which one, and say so
        for topic in topics:
            topic_hit_ids(archive, topic)
        raise


def check_topics(archive: Archive, name: str | None = None) -> list[TopicStatus]:
    """Each topic (or the one named) with its total and its hits not yet seen."""
    topics = [get_topic(archive.db, name)] if name is not None else list_topics(archive.db)
    seen = seen_articles(archive.db)
    statuses = []
    for topic, ids in zip(topics, _all_hit_ids(archive, topics), strict=True):
        unseen = ids - seen.get(topic.id, set())
        statuses.append(TopicStatus(topic, len(ids), _hit_details(archive.db, sorted(unseen))))
    return statuses


def new_hit_counts(archive: Archive) -> dict[str, int]:
    """Topic name → how many of its hits are not yet seen (the window's badges)."""
    topics = list_topics(archive.db)
    seen = seen_articles(archive.db)
    return {
        topic.name: len(ids - seen.get(topic.id, set()))
        for topic, ids in zip(topics, _all_hit_ids(archive, topics), strict=True)
    }


def mark_seen(archive: Archive, name: str, article_ids: list[int] | None = None) -> int:
    """Mark the topic's current hits (or only ``article_ids`` among them) seen; returns how
    many were newly marked."""
    topic = get_topic(archive.db, name)
    hits = set(topic_hit_ids(archive, topic))
    wanted = hits if article_ids is None else hits & set(article_ids)
    fresh = wanted - seen_articles(archive.db).get(topic.id, set())
    with archive.db.atomic():
        archive.db.conn.executemany(
            "INSERT OR IGNORE INTO topic_seen (topic_id, article_id) VALUES (?, ?)",
            [(topic.id, article_id) for article_id in sorted(fresh)],
        )
    note_seen(archive.db, topic.id, fresh)
    return len(fresh)


def mark_article_seen(archive: Archive, article_id: int) -> list[str]:
    """An article opened in the window: seen in every topic it is a hit of. Returns the
    names of the topics where it was new."""
    topics = list_topics(archive.db)
    seen = seen_articles(archive.db)
    marked = [
        topic
        for topic, ids in zip(topics, _all_hit_ids(archive, topics), strict=True)
        if article_id in ids and article_id not in seen.get(topic.id, set())
    ]
    with archive.db.atomic():
        archive.db.conn.executemany(
            "INSERT OR IGNORE INTO topic_seen (topic_id, article_id) VALUES (?, ?)",
            [(topic.id, article_id) for topic in marked],
        )
    for topic in marked:
        note_seen(archive.db, topic.id, {article_id})
    return [topic.name for topic in marked]


def add_hits_to_brief(archive: Archive, name: str, brief: str, *, only_new: bool = False) -> int:
    """Put the topic's hits (newest first; only the unseen ones if asked) into a brief,
    creating it with the topic's name as title when it does not exist. Returns how many
    articles the brief gained."""
    from reader import briefs

    status = check_topics(archive, name)[0]
    if only_new:
        hits = status.new
    else:
        hits = _hit_details(archive.db, topic_hit_ids(archive, status.topic))
    db = archive.db
    if not any(b.name == brief for b in briefs.list_briefs(db)):
        briefs.create_brief(db, brief, title=status.topic.name)
    before = len(briefs.get_brief(db, brief).items)
    briefs.add_articles(db, brief, [hit.article_id for hit in hits])
    return len(briefs.get_brief(db, brief).items) - before

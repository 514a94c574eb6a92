"""The store's reads behind the library tree: counts per series, year and issue.

Plain SQL returning plain tuples, one level at a time, so the tree can load lazily.
``title_filter`` keeps only articles whose title contains it (and the nodes above them).
"""

from __future__ import annotations

from sqlite_utils import Database

from reader.store.issues import LIVE

# A series or year the issue does not state is grouped under this key.
UNKNOWN = None


def _filter_sql(title_filter: str) -> tuple[str, list[object]]:
    if not title_filter:
        return "", []
    return " AND instr(articles.title, ?) > 0", [title_filter]


def series_counts(db: Database, title_filter: str = "") -> list[tuple[str | None, int, int]]:
    """``(series, issue count, article count)`` for every series, unknown series last."""
    where, params = _filter_sql(title_filter)
    sql = (
        "SELECT issues.series, count(DISTINCT issues.id), count(articles.id) FROM issues "
        "JOIN articles ON articles.issue_id = issues.id WHERE " + LIVE + where + " "
        "GROUP BY issues.series ORDER BY issues.series IS NULL, issues.series"
    )
    return [(row[0], int(row[1]), int(row[2])) for row in db.execute(sql, params).fetchall()]


def year_counts(
    db: Database, series: str | None, title_filter: str = ""
) -> list[tuple[int | None, int, int]]:
    """``(year, issue count, article count)`` within a series, newest first, unknown last."""
    where, params = _filter_sql(title_filter)
    sql = (
        "SELECT issues.year, count(DISTINCT issues.id), count(articles.id) FROM issues "
        "JOIN articles ON articles.issue_id = issues.id WHERE issues.series IS ? AND "
        + LIVE
        + where
        + " "
        "GROUP BY issues.year ORDER BY issues.year IS NULL, issues.year DESC"
    )
    rows = db.execute(sql, [series, *params]).fetchall()
    return [(row[0], int(row[1]), int(row[2])) for row in rows]


def issues_in_year(
    db: Database, series: str | None, year: int | None, title_filter: str = ""
) -> list[tuple[int, int | None, int | None, int]]:
    """``(issue id, issue number, running number, article count)`` in printed order."""
    where, params = _filter_sql(title_filter)
    sql = (
        "SELECT issues.id, issues.issue_no, issues.total_no, count(articles.id) FROM issues "
        "JOIN articles ON articles.issue_id = issues.id "
        "WHERE issues.series IS ? AND issues.year IS ? AND " + LIVE + where + " "
        "GROUP BY issues.id ORDER BY issues.issue_no IS NULL, issues.issue_no, issues.id"
    )
    rows = db.execute(sql, [series, year, *params]).fetchall()
    return [(int(row[0]), row[1], row[2], int(row[3])) for row in rows]


def articles_in_issue(db: Database, issue_id: int, title_filter: str = "") -> list[tuple[int, str]]:
    """``(article id, title)`` of an issue in printed order."""
    where, params = _filter_sql(title_filter)
    sql = (
        "SELECT articles.id, articles.title FROM articles WHERE articles.issue_id = ?"
        + where
        + " ORDER BY articles.ordinal"
    )
    return [(int(row[0]), row[1]) for row in db.execute(sql, [issue_id, *params]).fetchall()]


def articles_with_columns(
    db: Database, issue_id: int, title_filter: str = ""
) -> list[tuple[int, str, str | None]]:
    """``(article id, title, column)`` of an issue in printed order (column None if unprinted)."""
    where, params = _filter_sql(title_filter)
    sql = (
        "SELECT articles.id, articles.title, articles.column_name FROM articles "
        "WHERE articles.issue_id = ?" + where + " ORDER BY articles.ordinal"
    )
    rows = db.execute(sql, [issue_id, *params]).fetchall()
    return [(int(row[0]), row[1], row[2]) for row in rows]


def tag_counts(db: Database) -> list[tuple[int, str, int]]:
    """``(tag id, name, article count)`` of every tag in use, by name."""
    sql = (
        "SELECT tags.id, tags.name, count(article_tags.article_id) FROM tags "
        "JOIN article_tags ON article_tags.tag_id = tags.id "
        "GROUP BY tags.id ORDER BY tags.name"
    )
    return [(int(row[0]), row[1], int(row[2])) for row in db.execute(sql).fetchall()]


def tagged_articles(db: Database, tag_id: int) -> list[tuple[int, str]]:
    sql = (
        "SELECT articles.id, articles.title FROM article_tags "
        "JOIN articles ON articles.id = article_tags.article_id "
        "JOIN issues ON issues.id = articles.issue_id "
        "WHERE article_tags.tag_id = ? AND " + LIVE + " ORDER BY articles.id"
    )
    return [(int(row[0]), row[1]) for row in db.execute(sql, [tag_id]).fetchall()]


def bookmarked_articles(db: Database) -> list[tuple[int, str]]:
    """``(article id, title)`` of every bookmarked article, most recent first."""
    sql = (
        "SELECT articles.id, articles.title FROM bookmarks "
        "JOIN articles ON articles.id = bookmarks.article_id "
        "JOIN issues ON issues.id = articles.issue_id WHERE " + LIVE + " "
        "ORDER BY bookmarks.created DESC, bookmarks.id DESC"
    )
    return [(int(row[0]), row[1]) for row in db.execute(sql).fetchall()]


def article_location(db: Database, article_id: int) -> tuple[str | None, int | None, int] | None:
    """``(series, year, issue id)`` of an article, to find it in the tree."""
    row = db.execute(
        "SELECT issues.series, issues.year, issues.id FROM articles "
        "JOIN issues ON issues.id = articles.issue_id WHERE articles.id = ?",
        [article_id],
    ).fetchone()
    return (row[0], row[1], int(row[2])) if row else None


def clashing_issue_ids(db: Database) -> set[int]:
    """Live issues flagged as claiming the identity of another with other articles."""
    sql = (
        "SELECT DISTINCT issue_id FROM issue_clashes JOIN issues ON issues.id = other_id "
        "WHERE " + LIVE
    )
    return {int(row[0]) for row in db.execute(sql).fetchall()}

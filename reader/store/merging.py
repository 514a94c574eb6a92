"""Folding one issue into another in the store: one issue, nothing the editor wrote lost."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from reader.messages import ReaderError
from reader.parsing.model import ParsedArticle
from reader.store.clashes import clear_clashes
from reader.store.issues import get_issue, issue_articles
from reader.store.renditions import compare_issue
from reader.store.trash import forget_articles


@dataclass(frozen=True, slots=True)
class Merged:
    """What a merge changed: the articles that left the merged issue (moved over or folded
    into a twin) and the twins that received their annotations."""

    touched: list[int]
    twins: list[int]


def merge_issue_into(db: Database, issue_id: int, into_id: int) -> Merged:
    """Fold ``issue_id`` into ``into_id`` in one transaction.

    Articles of ``issue_id`` with a counterpart in ``into_id`` (the same title, or alike
    text at the same place) hand their notes, highlights, bookmarks, tags and brief entries
    to it; the others move over, at the end. ``issue_id``'s files become sources of
    ``into_id`` and the emptied issue is deleted.

    Raises:
        ReaderError: ``store.no_issue`` when either is not a live issue.
    """
    for wanted in (issue_id, into_id):
        if get_issue(db, wanted) is None:
            raise ReaderError("store.no_issue", issue_id=wanted)
    moving = issue_articles(db, issue_id)
    staying = issue_articles(db, into_id)
    as_parsed = [ParsedArticle(a.title, a.paragraphs) for a in moving]
    pairs = {p.new_index: p.old for p in compare_issue(as_parsed, staying).pairs}
    touched: list[int] = []
    twins: list[int] = []
    with db.atomic():
        next_ordinal = len(staying) + 1
        for index, article in enumerate(moving):
            twin = pairs.get(index)
            if twin is None:
                db.execute(
                    "UPDATE articles SET issue_id = ?, ordinal = ? WHERE id = ?",
                    [into_id, next_ordinal, article.id],
                )
                next_ordinal += 1
            else:
                _hand_over(db, article.id, twin.id)
                db.execute("DELETE FROM article_versions WHERE article_id = ?", [article.id])
                db.execute("DELETE FROM articles WHERE id = ?", [article.id])
                forget_articles(db, [article.id])
                twins.append(twin.id)
            touched.append(article.id)
        db.execute("UPDATE source_files SET issue_id = ? WHERE issue_id = ?", [into_id, issue_id])
        clear_clashes(db, issue_id)
        clear_clashes(db, into_id)
        db.execute("DELETE FROM issues WHERE id = ?", [issue_id])
    return Merged(touched, twins)


def _hand_over(db: Database, from_id: int, to_id: int) -> None:
    """Move the editor's work on one article onto its twin (duplicates dropped)."""
    db.execute("UPDATE notes SET article_id = ? WHERE article_id = ?", [to_id, from_id])
    db.execute("UPDATE highlights SET article_id = ? WHERE article_id = ?", [to_id, from_id])
    for table in ("bookmarks", "article_tags"):
        db.execute(
            f"UPDATE OR IGNORE {table} SET article_id = ? WHERE article_id = ?", [to_id, from_id]
        )
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", [from_id])
    db.execute(
        "UPDATE brief_items SET article_id = ? WHERE article_id = ? AND brief_id NOT IN "
        "(SELECT brief_id FROM brief_items WHERE article_id = ?)",
        [to_id, from_id, to_id],
    )
    db.execute("DELETE FROM brief_items WHERE article_id = ?", [from_id])

"""Matching the editor's notes and highlight notes (few: a scan of the store is enough)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.archive import Archive
from reader.search.folding import fold
from reader.search.query import Query
from reader.search.results import Hit
from reader.search.spans import make_snippet, term_spans

if TYPE_CHECKING:
    from reader.search.engine import FilterSql


def note_matches(query: Query, folded_note: str) -> bool:
    """Whether a note's folded text satisfies the query (``title:`` terms never do)."""
    if not query.required:
        return False
    for group in query.required:
        if not any(t.field != "title" and t.folded in folded_note for t in group):
            return False
    return not any(t.field != "title" and t.folded in folded_note for t in query.excluded)


def note_hits(archive: Archive, query: Query, filters: FilterSql) -> list[Hit]:
    """Every note and highlight note matching ``query`` on an article the filters keep,
    newest issue first."""
    if not query.required:
        return []
    db = archive.db
    found: list[tuple[str, int, int, str]] = []
    for note_id, article_id, text in db.execute("SELECT id, article_id, text FROM notes"):
        if text and note_matches(query, fold(text)):
            found.append(("note", note_id, article_id, text))
    for highlight_id, article_id, text in db.execute(
        "SELECT id, article_id, note FROM highlights WHERE note IS NOT NULL AND note != ''"
    ):
        if note_matches(query, fold(text)):
            found.append(("highlight", highlight_id, article_id, text))
    if not found:
        return []
    articles = _articles(archive, {item[2] for item in found}, filters)
    terms = [t for t in query.positive_terms() if t.field != "title"]
    hits = []
    for kind, item_id, article_id, text in found:
        info = articles.get(article_id)
        if info is None:
            continue
        matches = term_spans(fold(text), terms)
        snippet = make_snippet(text, matches)
        hits.append(
            Hit(
                article_id=article_id,
                title=info["title"],
                series=info["series"],
                year=info["year"],
                issue_no=info["issue_no"],
                score=float(len(matches)),
                snippet=snippet.text,
                matches=matches,
                source="note",
                note_id=item_id if kind == "note" else None,
                highlight_id=item_id if kind == "highlight" else None,
                issue_id=info["issue_id"],
                snippet_matches=snippet.matches,
                snippet_html=snippet.html,
            )
        )
    hits.sort(key=lambda h: (-(h.year or 0), -(h.issue_no or 0), -h.article_id, h.note_id or 0))
    return hits


def _articles(archive: Archive, ids: set[int], filters: FilterSql) -> dict[int, dict[str, Any]]:
    marks = ",".join("?" * len(ids))
    where = filters.render(article_id="a.id")
    sql = (
        "SELECT a.id, a.title, a.issue_id, i.series, i.year, i.issue_no FROM articles AS a "
        f"JOIN issues AS i ON i.id = a.issue_id WHERE a.id IN ({marks}) AND {where} "
        "AND i.deleted_at IS NULL"
    )
    return {row["id"]: row for row in archive.db.query(sql, [*sorted(ids), *filters.params])}

"""Which search hits are one piece printed more than once, and which went out in a brief.

A hit's *family* is every live article linked to it as the same text (``same_text_as``:
equal content hashes) or as an edited reprint (``similar_to``), followed link by link.
Its *first printing* is the family's earliest article by issue (year, number, date), so
every member of a family names the same one: results fold a family under it. 同文 twins
fold always (one text, one row); edited reprints fold when the editor asks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from reader.briefs import exported_article_ids
from reader.store.chunked import rows_for
from reader.store.issues import LIVE

# A family is followed this far at most: reprints of reprints are few, and a long chain of
# links is no longer one piece.
MAX_FAMILY = 200


@dataclass(frozen=True, slots=True)
class Printing:
    """One article as printed: where (series, year, number) and how to order printings."""

    article_id: int
    series: str | None
    year: int | None
    issue_no: int | None
    date: str | None

    def order(self) -> tuple[bool, int, bool, int, str, int]:
        """Earliest first; what the issue does not print comes last."""
        return (
            self.year is None,
            self.year or 0,
            self.issue_no is None,
            self.issue_no or 0,
            self.date or "",
            self.article_id,
        )


@dataclass(frozen=True, slots=True)
class Family:
    """What the results need to know about one hit's article."""

    article_id: int
    printing: Printing
    text_key: str  # equal for articles with the very same text
    same_text: tuple[Printing, ...]  # the other live articles with that text, earliest first
    first_printing: int  # the family's earliest article (the article itself, perhaps)
    exported: bool  # 已编入: it went out in an exported brief


_PRINTING_SQL = (
    "SELECT articles.id, articles.content_hash, issues.series, issues.year, issues.issue_no,"
    " issues.date FROM articles JOIN issues ON issues.id = articles.issue_id WHERE " + LIVE
)


def _rows(db: Database, column: str, values: Sequence[object]) -> list[tuple[Any, ...]]:
    return list(rows_for(db.execute, f"{_PRINTING_SQL} AND {column} IN", values))


def _similar_links(db: Database, article_ids: Sequence[int]) -> list[tuple[int, int]]:
    select = "SELECT article_id, other_id FROM article_similar WHERE article_id IN"
    return list(rows_for(db.execute, select, article_ids))


def families(db: Database, article_ids: Iterable[int]) -> dict[int, Family]:
    """The family of each live article among ``article_ids`` (others are left out)."""
    wanted = list(dict.fromkeys(article_ids))
    if not wanted:
        return {}
    printings: dict[int, Printing] = {}
    hashes: dict[int, str] = {}

    def take(rows: list[tuple[Any, ...]]) -> None:
        for article_id, text_hash, series, year, issue_no, date in rows:
            printings[article_id] = Printing(article_id, series, year, issue_no, date)
            hashes[article_id] = text_hash

    take(_rows(db, "articles.id", wanted))
    take(_rows(db, "articles.content_hash", sorted(set(hashes.values()))))
    neighbours: dict[int, set[int]] = {}
    by_hash: dict[str, list[int]] = {}
    for article_id, text_hash in hashes.items():
        by_hash.setdefault(text_hash, []).append(article_id)
    for same in by_hash.values():
        for article_id in same:
            neighbours.setdefault(article_id, set()).update(t for t in same if t != article_id)
    frontier = list(printings)
    seen = set(frontier)
    while frontier and len(seen) < MAX_FAMILY * len(wanted):
        links = _similar_links(db, frontier)
        new = sorted({other for _a, other in links} - seen)
        take(_rows(db, "articles.id", new))
        for article_id, other in links:
            if other in printings:
                neighbours.setdefault(article_id, set()).add(other)
                neighbours.setdefault(other, set()).add(article_id)
        seen.update(new)
        frontier = [a for a in new if a in printings]
    exported = exported_article_ids(db, wanted)
    found: dict[int, Family] = {}
    for article_id in wanted:
        if article_id not in printings:
            continue
        family = _family_of(article_id, neighbours)
        first = min((printings[a] for a in family if a in printings), key=Printing.order)
        twins = sorted(
            (printings[a] for a in by_hash[hashes[article_id]] if a != article_id),
            key=Printing.order,
        )
        found[article_id] = Family(
            article_id,
            printings[article_id],
            hashes[article_id],
            tuple(twins),
            first.article_id,
            article_id in exported,
        )
    return found


def _family_of(article_id: int, neighbours: dict[int, set[int]]) -> set[int]:
    family = {article_id}
    frontier = [article_id]
    while frontier and len(family) < MAX_FAMILY:
        step = [n for a in frontier for n in neighbours.get(a, ()) if n not in family]
        family.update(step)
        frontier = step
    return family

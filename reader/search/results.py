"""What a search returns: plain records the CLI prints and the GUI shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]
"""``(start, end)``: a stretch of an article's text, as Python slices count it."""


@dataclass(slots=True)
class Hit:
    """One article (or one note on an article) that matches.

    For ``source == "article"``, ``matches`` are ``(start, end)`` offsets into the
    article's ``text`` (paragraphs joined by ``"\\n"``) and ``title_matches`` into its
    title. For ``source == "note"`` (``note_id`` for a note, ``highlight_id`` for a
    highlight's note), ``matches`` point into that note's text. ``snippet`` is plain text
    with ``snippet_matches`` inside it; ``snippet_html`` is the same text HTML-escaped with
    the matches in ``<mark>`` tags.
    """

    article_id: int
    title: str
    series: str | None
    year: int | None
    issue_no: int | None
    score: float
    snippet: str
    matches: list[Span]
    title_matches: list[Span] = field(default_factory=list)
    source: str = "article"
    note_id: int | None = None
    highlight_id: int | None = None
    issue_id: int | None = None
    snippet_matches: list[Span] = field(default_factory=list)
    snippet_html: str = ""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (spans as two-element lists)."""
        data = asdict(self)
        for key in ("matches", "title_matches", "snippet_matches"):
            data[key] = [list(span) for span in data[key]]
        return data


@dataclass(slots=True)
class SearchResult:
    """One page of hits and how many there are in all (note hits first, then articles)."""

    query: str
    total: int
    hits: list[Hit]

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "hits": [hit.to_json() for hit in self.hits],
        }

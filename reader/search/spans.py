"""Where a query's terms occur in a text, and the snippet shown for a hit."""

from __future__ import annotations

import html
from dataclasses import dataclass

from reader.search.folding import fold
from reader.search.query import QuerySyntaxError, Term, parse_query
from reader.search.results import Span

SNIPPET_BEFORE = 30
SNIPPET_LENGTH = 120
ELLIPSIS = "…"


def term_spans(folded_text: str, terms: list[Term]) -> list[Span]:
    """Occurrences of each term in an already folded text, sorted; a term's own
    occurrences do not overlap (the next one is looked for after the end of the last)."""
    spans: set[Span] = set()
    for term in terms:
        needle = term.folded
        if not needle:
            continue
        start = folded_text.find(needle)
        while start >= 0:
            spans.add((start, start + len(needle)))
            start = folded_text.find(needle, start + len(needle))
    return sorted(spans)


def find_spans(text: str, query: str) -> list[Span]:
    """Where ``query`` occurs in ``text``, as ``(start, end)`` offsets, with search's folding.

    ``query`` uses the search syntax (terms separated by spaces, quotes for phrases;
    exclusions and filters mark nothing). Text that is not a valid query (an unclosed
    quote, say) is looked for as written.
    """
    try:
        terms = [t for t in parse_query(query).positive_terms() if t.field != "note"]
    except QuerySyntaxError:
        terms = [Term(query, fold(query))] if query.strip() else []
    return term_spans(fold(text), terms)


def query_terms(query: str) -> list[str]:
    """The distinct strings ``query`` marks in a text, folded, in the order typed: one
    colour each in the window (a query that cannot be read marks itself, as written)."""
    try:
        terms = [t.folded for t in parse_query(query).positive_terms() if t.field != "note"]
    except QuerySyntaxError:
        terms = [fold(query)] if query.strip() else []
    return [t for t in dict.fromkeys(terms) if t]


def span_terms(text: str, spans: list[Span], terms: list[str]) -> list[int]:
    """For each span of ``text``, the index in ``terms`` of the term it is an occurrence of.

    A span cut short (a snippet's end) is matched by its start; the longest term that fits
    wins, so 科技 and 科技厅 keep their own colours. A span no term explains gets 0.
    """
    folded = fold(text)
    by_length = sorted(range(len(terms)), key=lambda i: -len(terms[i]))
    found = []
    for start, end in spans:
        piece = folded[start:end]
        index = next((i for i in by_length if piece == terms[i]), None)
        if index is None:
            index = next((i for i in by_length if terms[i].startswith(piece) and piece), 0)
        found.append(index)
    return found


@dataclass(frozen=True, slots=True)
class Snippet:
    """A window of plain text with the matches inside it; ``html`` escapes the text."""

    text: str
    matches: list[Span]
    html: str


def make_snippet(text: str, spans: list[Span]) -> Snippet:
    """A one-line excerpt around the first match (the start of the text when none)."""
    anchor = spans[0][0] if spans else 0
    start = max(0, anchor - SNIPPET_BEFORE)
    end = min(len(text), start + SNIPPET_LENGTH)
    if spans and spans[0][1] > end:  # a long match: show it whole
        end = spans[0][1]
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    body = text[start:end].replace("\n", " ").replace("\r", " ")
    shift = len(lead) - start
    inside = [
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    ]
    snippet_text = lead + body + tail
    return Snippet(snippet_text, inside, marked_html(snippet_text, inside))


def marked_html(text: str, spans: list[Span]) -> str:
    """``text`` HTML-escaped, with each span wrapped in ``<mark>`` (overlaps merged)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts: list[str] = []
    position = 0
    for start, end in merged:
        parts.append(html.escape(text[position:start]))
        parts.append("<mark>" + html.escape(text[start:end]) + "</mark>")
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)

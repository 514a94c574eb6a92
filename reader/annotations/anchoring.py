"""Finding a highlight's quoted text again in an article whose text has changed.

Pure functions over strings, so the importer, the JSON import and the tests share them.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.annotations.records import AnchorStatus


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote sits in a text now; for "lost", the old range, left as it was."""

    status: AnchorStatus
    start: int
    end: int
    quote: str


def _occurrences(text: str, quote: str) -> list[int]:
    found = []
    position = text.find(quote)
    while position != -1:
        found.append(position)
        position = text.find(quote, position + 1)
    return found


def _nearest(positions: list[int], old_start: int) -> int:
    # Ties go to the earlier occurrence, so the choice does not depend on list order.
    return min(positions, key=lambda p: (abs(p - old_start), p))


def _without_whitespace(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace removed, and each kept character's index in ``text``."""
    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def locate_quote(text: str, quote: str, old_start: int, old_end: int) -> Anchor:
    """Place ``quote`` in ``text``, as near as possible to where it was.

    Args:
        text: The article's text now.
        quote: The text the highlight covered.
        old_start: Where the quote started before the text changed.
        old_end: Where it ended (exclusive).

    Returns:
        "anchored" when ``text[old_start:old_end]`` is still the quote; "moved" when the
        quote was found elsewhere (the nearest occurrence), or found only once line breaks
        and spaces are ignored (the new range then covers the new spelling, which becomes
        the quote); "lost" when it is not there at all (the old range and quote are kept).
    """
    if quote and text[old_start:old_end] == quote and old_start >= 0:
        return Anchor("anchored", old_start, old_end, quote)
    if quote:
        positions = _occurrences(text, quote)
        if positions:
            start = _nearest(positions, old_start)
            return Anchor("moved", start, start + len(quote), quote)
    squeezed_quote, _ = _without_whitespace(quote)
    if squeezed_quote:
        squeezed_text, index = _without_whitespace(text)
        positions = _occurrences(squeezed_text, squeezed_quote)
        if positions:
            starts = [index[p] for p in positions]
            start = _nearest(starts, old_start)
            first = starts.index(start)
            end = index[positions[first] + len(squeezed_quote) - 1] + 1
            return Anchor("moved", start, end, text[start:end])
    return Anchor("lost", old_start, old_end, quote)

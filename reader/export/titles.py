"""Titles broken into balanced lines at word boundaries, as a typesetter would set them.

A long title set by width alone breaks wherever the line is full (``…科技计 / 划管理改革``).
Official documents break it by sense into lines of about equal length: here at jieba word
boundaries, never before closing punctuation or after opening punctuation, with the lines
as even as the words allow.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable

from reader.export.pagination import text_width

# No line may start with these, nor end with the opening marks.
_CLOSING = set("，。、；：！？”’）》〉」』】〕…—,.;:!?)]}%")
_OPENING = set("“‘（《〈「『【〔([{")

_PAIR_OPENING = set("“‘《（「『【〔")
_PAIR_CLOSING = set("”’》）」』】〕")

Words = Callable[[str], Iterable[str]]


def _jieba_words(text: str) -> Iterable[str]:
    from reader.search.analysis import shared_tokenizer

    return shared_tokenizer().cut(text, HMM=False)


def _breaks(title: str, words: Words) -> tuple[list[int], list[int]]:
    """Offsets where a line may break between words, away from punctuation: those outside
    quotes and brackets, and those inside them (a second choice)."""
    positions, at = [], 0
    for word in words(title):
        at += len(word)
        positions.append(at)
    inside = _inside_pairs(title)
    outside_pairs: list[int] = []
    inside_pairs: list[int] = []
    for position in positions[:-1]:
        if title[position] in _CLOSING or title[position - 1] in _OPENING:
            continue
        (inside_pairs if inside[position] else outside_pairs).append(position)
    return outside_pairs, inside_pairs


def _inside_pairs(title: str) -> list[bool]:
    """For each offset, whether it falls inside “…”, 《…》 or （…） (a break there splits
    a quoted phrase or a name)."""
    depth, inside = 0, []
    for char in title:
        inside.append(depth > 0)
        if char in _PAIR_OPENING:
            depth += 1
        elif char in _PAIR_CLOSING and depth:
            depth -= 1
    inside.append(False)
    return inside


def balanced_title_lines(title: str, per_line: int, words: Words | None = None) -> list[str]:
    """``title`` as lines of at most ``per_line`` characters' width, as even as possible.

    Args:
        per_line: how many full-width characters a line holds at the title's size.
        words: a word segmenter (jieba with the domain dictionary when not given).
    """
    title = title.strip()
    if per_line < 2 or text_width(title) <= per_line:
        return [title]
    cuts, second_choice = _breaks(title, words or _jieba_words)
    # Every character boundary is a fallback, at a cost, for words longer than a line.
    candidates = sorted(set(range(1, len(title))))
    preferred = {position: 0.0 for position in cuts}
    preferred.update({position: float(per_line) for position in second_choice})
    points = [0, *candidates, len(title)]
    count = math.ceil(text_width(title) / per_line)
    for lines in range(count, count + 3):
        best = _best_split(title, points, preferred, lines, per_line)
        if best is not None:
            return [title[a:b] for a, b in itertools.pairwise(best)]
    return [title]


def _best_split(
    title: str, points: list[int], preferred: dict[int, float], lines: int, per_line: int
) -> list[int] | None:
    """The break points giving ``lines`` lines that fit, with the most even widths."""
    target = text_width(title) / lines
    index = {p: i for i, p in enumerate(points)}
    # cost[k][i]: least cost of setting title[:points[i]] in k lines.
    infinity = float("inf")
    cost = [[infinity] * len(points) for _ in range(lines + 1)]
    back: list[list[int]] = [[-1] * len(points) for _ in range(lines + 1)]
    cost[0][0] = 0.0
    for k in range(1, lines + 1):
        for i, end in enumerate(points[1:], start=1):
            if k < lines and end == len(title):
                continue
            if k == lines and end != len(title):
                continue
            penalty = 0.0 if end == len(title) else preferred.get(end, float(per_line**2))
            if title[end - 1] == " ":  # a space in a title is where its author breaks it
                penalty -= per_line
            for j in range(i):
                if cost[k - 1][j] == infinity:
                    continue
                width = text_width(title[points[j] : end])
                if width > per_line:
                    continue
                total = cost[k - 1][j] + (width - target) ** 2 + penalty
                if total < cost[k][i]:
                    cost[k][i], back[k][i] = total, j
    last = index[len(title)]
    if cost[lines][last] == infinity:
        return None
    chosen, i = [len(title)], last
    for k in range(lines, 0, -1):
        i = back[k][i]
        chosen.append(points[i])
    return chosen[::-1]

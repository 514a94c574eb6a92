"""Sub-headings inside an article: the one rule the parser, the reading pane and exports share.

Two questions, two rules, one place:

- :func:`looks_like_subheading` — does a line open an enumerated point (``一、`` ``(1)``
  ``一是`` ``①`` ``——`` …)? The parser starts a new paragraph there.
- :func:`find_subheading` — is a paragraph a numbered sub-heading to set in the heading face,
  and at which level? Only GB/T 9704's numbering counts (``一、`` level 1, ``（一）`` level 2,
  ``(1)``/``（1）`` level 3, with ``第一部分``/``第一章``/``第一节`` as level 1); ``一是…``
  and the like are points within body text and stay plain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENUMERATED_POINT = re.compile(
    r"""^\s*(?:
        [一二三四五六七八九十百]+\s*[、.．]            # 一、  三．
      | [（(]\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[）)]  # （一） (1)
      | \d{1,2}\s*[、．]                               # 1、  2．
      | \d{1,2}\.(?!\d)                                # 1.  (not 1.5)
      | [①-⑳]                                         # ①
      | [一二三四五六七八九十]+是                      # 一是
      | 第[一二三四五六七八九十]+[，,、是]              # 第一，
      | ——|--                                           # —— dash items
    )""",
    re.VERBOSE,
)

_HEADING_MARKERS = (
    (1, re.compile(r"\s*(?:[一二三四五六七八九十百]+、|第[一二三四五六七八九十百]+[章节部分])")),
    (2, re.compile(r"\s*[（(]\s*[一二三四五六七八九十百]+\s*[)）]")),
    (3, re.compile(r"\s*[（(]\s*\d{1,3}\s*[)）]")),
)
_SENTENCE_END = re.compile(r"[。！？!?]")
# A heading runs at most this many characters: past it without a sentence end, the
# paragraph is body text that happens to open with a number.
MAX_HEADING_LENGTH = 60


@dataclass(frozen=True, slots=True)
class SubHeading:
    """A numbered sub-heading at the start of a paragraph.

    ``length`` is how many leading characters of the paragraph are the heading: the whole
    paragraph for a heading on its own line, or the run-in heading up to its first full stop
    (``二、优化服务体系。`` in ``二、优化服务体系。建设…``).
    """

    level: int
    length: int


def looks_like_subheading(paragraph: str) -> bool:
    """True for an enumerated point inside an article: ``一、`` ``(1)`` ``一是`` ``——`` …"""
    return bool(_ENUMERATED_POINT.match(paragraph))


def find_subheading(paragraph: str) -> SubHeading | None:
    """The numbered sub-heading ``paragraph`` is or opens with, else ``None``."""
    for level, marker in _HEADING_MARKERS:
        if not marker.match(paragraph):
            continue
        end = _SENTENCE_END.search(paragraph)
        if end is not None and end.end() < len(paragraph):
            return SubHeading(level, end.end()) if end.end() <= MAX_HEADING_LENGTH else None
        return SubHeading(level, len(paragraph)) if len(paragraph) <= MAX_HEADING_LENGTH else None
    return None


def heading_extent(paragraph: str) -> int:
    """How many leading characters of ``paragraph`` are a sub-heading (0 when none)."""
    found = find_subheading(paragraph)
    return found.length if found else 0

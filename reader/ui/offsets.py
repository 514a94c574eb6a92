"""Python string offsets ↔ Qt document positions.

Python counts code points; Qt counts UTF-16 units, so a character outside the Basic
Multilingual Plane (rare CJK ideographs in Extension B and beyond) takes two positions in a
QTextDocument. The reading pane maps every span through one of these.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Maps offsets into ``text`` to positions in a document where ``text`` starts at ``base``."""

    def __init__(self, text: str, base: int) -> None:
        self.base = base
        self.length = len(text)
        # Code-point offsets of the characters that take two UTF-16 units.
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    @property
    def qt_length(self) -> int:
        return self.length + len(self._wide)

    def to_qt(self, offset: int) -> int:
        offset = min(max(offset, 0), self.length)
        return self.base + offset + bisect_left(self._wide, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset of a document position (clamped into the text)."""
        units = min(max(position - self.base, 0), self.qt_length)
        # Each wide character before the offset adds one extra unit.
        low, high = 0, self.length
        while low < high:
            mid = (low + high) // 2
            if mid + bisect_right(self._wide, mid - 1) < units:
                low = mid + 1
            else:
                high = mid
        return low

"""The editor's annotations as plain, frozen records handed to the CLI and the GUI."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

AnchorStatus = Literal["anchored", "moved", "lost"]


@dataclass(frozen=True, slots=True)
class Note:
    """A note on an article: plain text or Markdown, kept exactly as typed."""

    id: int
    article_id: int
    text: str
    created: str
    updated: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Bookmark:
    """An article marked to come back to, optionally at a character position in it."""

    id: int
    article_id: int
    position: int | None
    created: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Highlight:
    """A coloured range ``[start, end)`` of an article's text, with the text it covered.

    Offsets count characters (Python ``str`` indices, i.e. Unicode code points) in the
    article's text as the store keeps it. ``status`` says whether the range still covers
    ``quote`` ("anchored"), was found again elsewhere after the text changed ("moved"),
    or could not be found ("lost": the range is stale, the quote is kept).
    """

    id: int
    article_id: int
    start: int
    end: int
    quote: str
    color: str
    note: str | None
    status: AnchorStatus
    created: str
    updated: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Tag:
    """A tag and how many articles carry it."""

    id: int
    name: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ReanchorResult:
    """What became of one highlight when its article's text changed."""

    highlight_id: int
    status: AnchorStatus
    start: int
    end: int
    old_start: int
    old_end: int

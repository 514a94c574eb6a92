"""The change set an operation returns: which kinds of things in the archive it changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Generic, TypeVar

T = TypeVar("T")

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Changes:
    """Which kinds of records an operation changed (each view refreshes from these)."""

    issues: bool = False  # issue details, the issues there are (tree, filters, labels)
    articles: bool = False  # article texts and titles, the articles there are
    annotations: bool = False  # notes, highlights, tags, bookmarks
    briefs: bool = False  # briefs and their entries
    index: bool = False  # the search index
    topics: bool = False  # standing topics and what of them was seen

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = Changes()
EVERYTHING = Changes(True, True, True, True, True, True)
# Issues coming or going take their articles, annotations, brief entries and index with them.
WHOLE_ISSUES = Changes(issues=True, articles=True, annotations=True, briefs=True, index=True)


@dataclass(frozen=True, slots=True)
class OpResult(Generic[T]):
    """An operation's value and what it changed."""

    value: T
    changes: Changes = NOTHING

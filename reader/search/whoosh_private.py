"""Every use of whoosh-reloaded's private members, in one place, checked before use.

Two things the public API cannot do fast enough are done with Whoosh's internals:

- **segments written by worker processes** and added to the index by the process holding
  its write lock (the way Whoosh's own ``MpWriter`` does it): ``SegmentWriter(_lk=False)``,
  ``_added``, ``_close_segment``, ``_finalize_segment``, ``_merge_segments``,
  ``_commit_toc`` and ``_finish``;
- **posting blocks read whole** when ranking: the W3 leaf matcher's ``_read_ids``,
  ``_read_weights``, ``_ids``, ``_weights`` and ``_next_block``, a fraction of a
  microsecond a posting against several through ``id()``/``weight()``/``next()``.

whoosh-reloaded is pinned (``pyproject.toml``) at :data:`TESTED_VERSION`. :func:`problem`
says why these members cannot be trusted (another version, a member gone); then
:func:`available` is False, a warning says so once, on stderr, when the index is first
used, and the index works through the plain API only: words are written in this process
(no worker segments) and postings read one at a time. ``tests/search`` fails on such a
version, so an upgrade is seen at once.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import metadata
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.index import Index
from whoosh.writing import SegmentWriter

log = logging.getLogger(__name__)

TESTED_VERSION = "2.7.5"
PLAIN_ENV = "READER_WHOOSH_PLAIN"  # set to 1 to use the plain API only (tests, diagnosis)
_WRITER_MEMBERS = (
    "_added",
    "_close_segment",
    "_finalize_segment",
    "_merge_segments",
    "_commit_toc",
    "_finish",
)
_MATCHER_MEMBERS = ("_read_ids", "_read_weights", "_next_block", "is_active")


@lru_cache(maxsize=1)
def problem() -> str | None:
    """Why Whoosh's private members cannot be used, or None when they can."""
    if os.environ.get(PLAIN_ENV) == "1":
        return f"{PLAIN_ENV}=1"
    try:
        installed = metadata.version("whoosh-reloaded")
    except metadata.PackageNotFoundError:
        installed = "unknown"
    if installed != TESTED_VERSION:
        return f"whoosh-reloaded {installed} is installed; {TESTED_VERSION} is the one tested"
    writer_init = SegmentWriter.__init__.__code__.co_varnames
    missing = [m for m in _WRITER_MEMBERS[1:] if not hasattr(SegmentWriter, m)]
    missing += [m for m in _MATCHER_MEMBERS if not hasattr(W3LeafMatcher, m)]
    if "_lk" not in writer_init:
        missing.append("SegmentWriter(_lk=)")
    if missing:
        return f"whoosh-reloaded lacks {', '.join(missing)}"
    return None


def available() -> bool:
    """True when the private members may be used (warns once, loudly, when not)."""
    reason = problem()
    if reason is not None:
        _warn_once(reason)
    return reason is None


@lru_cache(maxsize=1)
def _warn_once(reason: str) -> None:
    log.warning("search index: using Whoosh's plain API only, slower (%s)", reason)


def segment_writer(ix: Index, **options: Any) -> SegmentWriter:
    """A writer of one new segment that does not take the index's write lock."""
    return SegmentWriter(ix, _lk=False, **options)


def finish_segment(writer: SegmentWriter) -> Any:
    """Write out a worker's segment and return it (None when it holds no documents).

    Not ``commit()``: that would write the table of contents and remove the temporary
    folder the other workers still use.
    """
    if not writer._added:
        writer._close_segment()
        return None
    return writer._finalize_segment()


def commit_with_segments(writer: SegmentWriter, segments: list[Any]) -> None:
    """Commit ``writer`` with the segments its workers wrote added to the index."""
    final = writer._merge_segments(None, None, None)  # Whoosh's usual merge of small ones
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final + [s for s in segments if s is not None])
    writer._finish()


def posting_blocks(matcher: Any) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    """A leaf matcher's (docnums, weights), a block at a time when the codec allows."""
    if available() and isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            yield matcher._ids, matcher._weights
            matcher._next_block()
        return
    docnums, weights = [], []
    while matcher.is_active():
        docnums.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    yield docnums, weights

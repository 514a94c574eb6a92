"""A statement over a list of ids of any length, asked for a chunk of ids at a time.

SQLite limits the ``?`` parameters of one statement (32,766 in the versions Python ships,
999 in older ones), and an archive's queries ask for tens of thousands of articles at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

CHUNK = 500  # ids asked for at once

Execute = Callable[[str, list[Any]], Iterable[Any]]


def rows_for(
    execute: Execute, select: str, values: Iterable[Any], after: str = ""
) -> Iterator[Any]:
    """The rows of ``{select} (?, …) {after}`` for all of ``values``, a chunk at a time.

    ``select`` ends in ``IN``; ``execute`` is a connection's or a database's ``execute``
    (or ``query``, for rows as dicts). Rows come chunk by chunk, in the order of each
    chunk's statement.
    """
    wanted = list(values)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        yield from execute(f"{select} ({marks}) {after}".rstrip(), chunk)

"""What the faces do to the archive, one call each, every call saying what it changed.

Each operation takes the archive (opened on the calling thread) and its arguments, does its
work through the core, and returns an :class:`OpResult`: the value the caller wants (a
record, a report) and the :class:`Changes` it made, so views refresh from what changed
instead of each caller guessing. Qt-free: the window runs these on its one writer thread.
"""

from reader.operations.changes import EVERYTHING, NOTHING, Changes, OpResult, Progress

__all__ = ["EVERYTHING", "NOTHING", "Changes", "OpResult", "Progress"]

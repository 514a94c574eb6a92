"""Readying a freshly opened archive for the editor's first search."""

from __future__ import annotations

import gc

from reader.archive import Archive
from reader.search import search


def warm_up_search(archive: Archive) -> None:
    """Load the dictionary and open the index now, so the first keystroke in the search box
    does not pay for it (half a second at 10,000 articles)."""
    search(archive, "的", limit=1)
    # jieba's dictionary is a dict of hundreds of thousands of words: left in the collected
    # generations, every full garbage collection walks it and pauses whichever thread
    # triggered it, the window's too, by tens of milliseconds.
    gc.freeze()

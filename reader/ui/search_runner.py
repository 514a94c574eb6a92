"""Searching off the GUI thread: the newest query runs on a reader thread of its own.

Searches are reads, so they run beside the write ``Worker`` rather than queued behind it.
The thread opens its OWN ``Archive`` on the archive folder (a sqlite-utils ``Database``
belongs to the thread that opened it). There is one slot for the next request: a newer
request replaces a waiting one, so typing fast runs at most one search at a time plus the
latest pending one. Each request carries the generation its asker gave it; the asker drops
outcomes of generations it no longer wants.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from reader.archive import Archive
from reader.hit_families import Family, families
from reader.messages import render_error
from reader.search import QuerySyntaxError, search
from reader.ui.i18n import ui_language

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SearchRequest:
    """One page of one query: ``offset`` 0 is a new search, more is the next page."""

    generation: int
    query: str
    limit: int
    offset: int = 0


@dataclass(frozen=True)
class SearchOutcome:
    """What a request found (``result``), or why it could not (``failure``).

    The failure is the exception itself, rendered on the GUI thread in the window's language.
    """

    request: SearchRequest
    result: Any = None  # reader.search.SearchResult
    failure: BaseException | None = None
    syntax_error: bool = False
    families: dict[int, Family] = field(default_factory=dict)  # of the hits' articles

    @property
    def error(self) -> str | None:
        """Why the search failed, in the window's language (None when it did not)."""
        if self.failure is None:
            return None
        return render_error(self.failure, ui_language())


class _Thread(QThread):
    delivered = Signal(object)  # SearchOutcome

    def __init__(self, folder: Path, parent: QObject) -> None:
        super().__init__(parent)
        self._folder = folder
        self._wake = threading.Condition()
        self._pending: SearchRequest | None = None
        self._stopping = False

    def post(self, request: SearchRequest) -> None:
        with self._wake:
            self._pending = request  # a newer request replaces one still waiting
            self._wake.notify()

    def finish(self) -> None:
        """Drop what waits, let the running search end, close the archive; then return."""
        with self._wake:
            self._stopping = True
            self._pending = None
            self._wake.notify()
        self.wait()

    def run(self) -> None:
        archive: Archive | None = None
        try:
            while True:
                with self._wake:
                    while self._pending is None and not self._stopping:
                        self._wake.wait()
                    request, self._pending = self._pending, None
                if request is None:  # stopping
                    return
                if archive is None:
                    try:
                        archive = Archive(self._folder)
                    except Exception as error:  # shown in the status, never a crash
                        self.delivered.emit(SearchOutcome(request, failure=error))
                        continue
                self.delivered.emit(_run(archive, request))
        finally:
            if archive is not None:
                archive.close()


def _run(archive: Archive, request: SearchRequest) -> SearchOutcome:
    try:
        result = search(archive, request.query, limit=request.limit, offset=request.offset)
    except QuerySyntaxError as error:
        return SearchOutcome(request, failure=error, syntax_error=True)
    except Exception as error:  # a damaged archive or index: said in the status bar
        log.debug("search failed: %s", error, exc_info=True)
        return SearchOutcome(request, failure=error)
    ids = [hit.article_id for hit in result.hits if hit.source == "article"]
    return SearchOutcome(request, result=result, families=families(archive.db, ids))


class SearchRunner(QObject):
    """Runs searches on a background thread; ``delivered`` comes on the GUI thread.

    ``suspend`` closes the thread's connection (and holds new requests) until ``resume``:
    restoring a backup replaces the archive file under every open connection.
    """

    delivered = Signal(object)  # SearchOutcome

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = Path(folder)
        self._thread: _Thread | None = None
        self._held: SearchRequest | None = None
        self._suspended = False
        self._closed = False

    def request(self, request: SearchRequest) -> None:
        """Run ``request`` after the search now running, instead of any still waiting."""
        if self._closed:
            return
        if self._suspended:
            self._held = request
            return
        if self._thread is None:
            self._thread = _Thread(self._folder, self)
            self._thread.delivered.connect(self._deliver)
            self._thread.start()
        self._thread.post(request)

    def _deliver(self, outcome: SearchOutcome) -> None:
        if not self._closed:
            self.delivered.emit(outcome)

    def _end_thread(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.finish()
            # Outcomes it sent are queued before this deletion and still arrive: their
            # generation decides whether they are shown.
            thread.deleteLater()

    def suspend(self) -> None:
        """Close the thread's archive connection (waiting for a running search to end)."""
        self._suspended = True
        self._end_thread()

    def resume(self) -> None:
        """Open again (lazily) and run the request made while suspended, if any."""
        self._suspended = False
        held, self._held = self._held, None
        if held is not None:
            self.request(held)

    def close(self) -> None:
        """End the thread and close its archive connection for good (window shutdown)."""
        self._closed = True
        self._held = None
        self._end_thread()

    def is_open(self) -> bool:
        """True while the thread (and so maybe its archive connection) is alive."""
        return self._thread is not None

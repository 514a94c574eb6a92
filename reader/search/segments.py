"""Indexing on both cores: worker processes that cut words and write Whoosh segments.

Writing a text's words into Whoosh is pure Python, a few microseconds a posting, so a large
import or a rebuild hands it (and the cutting) to spawned worker processes. Each worker
folds its batches, cuts them, writes their words into a Whoosh segment of its own and sends
back the gram rows; the main process writes those to the gram table and, at the end, adds
the workers' segments to the word index under its own write lock.

Workers are spawned and die with the process that started them (see
:mod:`reader.worker_processes`).
"""

from __future__ import annotations

import queue
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from reader.search import analysis, whoosh_private, words
from reader.search.grams import GramRow
from reader.search.pipeline import Record, analyze_batch, batches
from reader.search.words import WordRow
from reader.worker_processes import die_with_parent, spawn_context

POLL_SECONDS = 0.5


class WorkerFailed(RuntimeError):
    """A worker process raised or died; the message carries its traceback."""


class SegmentWorkers:
    """``processes`` spawned workers writing into the word index in ``search_folder``."""

    def __init__(self, search_folder: Path, processes: int) -> None:
        context = spawn_context()
        self._jobs: Any = context.Queue()
        self._results: Any = context.Queue()
        self._workers = [
            context.Process(
                target=_work, args=(str(search_folder), self._jobs, self._results), daemon=True
            )
            for _ in range(max(1, processes))
        ]
        for worker in self._workers:
            worker.start()

    def gram_rows(self, records: Iterable[Record]) -> Iterator[list[GramRow]]:
        """Send ``records`` to the workers; yield the gram rows of each batch they finish."""
        in_flight = 0
        for batch in batches(records):
            self._jobs.put(batch)
            in_flight += 1
            if in_flight > 2 * len(self._workers):
                yield self._receive("rows")
                in_flight -= 1
        for _ in range(in_flight):
            yield self._receive("rows")

    def finish(self) -> list[Any]:
        """Stop the workers and return their finished segments."""
        for _ in self._workers:
            self._jobs.put(None)
        segments = [s for _ in self._workers for s in self._receive("segments")]
        for worker in self._workers:
            worker.join()
        return segments

    def cancel(self) -> None:
        for worker in self._workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()

    def _receive(self, wanted: str) -> Any:
        while True:
            try:
                kind, payload = self._results.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if wanted == "rows" and not all(w.is_alive() for w in self._workers):
                    raise WorkerFailed("an indexing worker process stopped") from None
                if not any(w.is_alive() for w in self._workers):
                    raise WorkerFailed("the indexing worker processes stopped") from None
                continue
            if kind == "error":
                raise WorkerFailed(f"an indexing worker failed:\n{payload}")
            return payload


class SegmentRoll:
    """Word rows written into new segments of the word index in ``search_folder``, a new
    segment once one holds ``words.SEGMENT_ARTICLES`` articles (which bounds the postings
    held in memory); in a worker, or in the process that holds the index's write lock."""

    def __init__(self, search_folder: Path) -> None:
        self._folder = search_folder
        self._writer: Any = None
        self._articles = 0
        self._finished: list[Any] = []

    def add(self, rows: Iterable[WordRow]) -> None:
        if self._writer is None:
            self._writer = words.open_segment_writer(self._folder)
        rows = list(rows)
        words.add(self._writer, rows)
        self._articles += len(rows)
        if self._articles >= words.SEGMENT_ARTICLES:
            self._finish_current()

    def finish(self) -> list[Any]:
        """The finished segments (for ``whoosh_private.commit_with_segments``)."""
        if self._writer is not None:
            self._finish_current()
        return self._finished

    def _finish_current(self) -> None:
        self._finished.append(whoosh_private.finish_segment(self._writer))
        self._writer, self._articles = None, 0


def _work(search_folder: str, jobs: Any, results: Any) -> None:
    die_with_parent()
    try:
        tokenizer = analysis.shared_tokenizer()
        segments = SegmentRoll(Path(search_folder))
        while (batch := jobs.get()) is not None:
            rows = analyze_batch(batch, tokenizer)
            segments.add(row.words for row in rows)
            results.put(("rows", [row.grams for row in rows]))
        results.put(("segments", segments.finish()))
    except BaseException:
        results.put(("error", traceback.format_exc()))

"""Worker processes for work that is pure Python and CPU-bound, so that it runs on both cores.

Workers are spawned, not forked: the window's process has threads, and forking those is
unsafe. A worker dies with the process that started it, however that ends (kill -9
included): a thread of the worker waits on multiprocessing's parent sentinel (a pipe whose
other end only the parent holds, a process handle on Windows) and exits the worker when it
closes. Otherwise a worker blocked on its job queue would live on, holding its memory.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import SpawnContext
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


WORKERS = 2  # this machine class has two cores; more workers would only queue


def worker_count(items: int, requested: int | None, threshold: int) -> int:
    """Worker processes for ``items`` items: ``requested`` when given, else two on a
    multi-core machine from ``threshold`` items up (below it, starting them costs more)."""
    if requested is not None:
        return max(0, requested)
    if items < threshold or (os.cpu_count() or 1) < 2:
        return 0
    return WORKERS


def spawn_context() -> SpawnContext:
    return multiprocessing.get_context("spawn")


def die_with_parent() -> None:
    """Exit this worker process as soon as its parent process is gone (call in the worker)."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)  # no clean-up to run: the parent that wanted the results is gone

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def map_in_processes(
    function: Callable[[Job], Result], jobs: Iterable[Job], processes: int
) -> Iterator[Result]:
    """``function(job)`` for each job, in the jobs' order, computed by ``processes`` spawned
    workers. Jobs are taken from ``jobs`` only a few ahead of the results, so a long
    iterable is never held in memory whole. ``function`` must be importable by name."""
    ahead = 2 * processes
    with ProcessPoolExecutor(
        max_workers=processes, mp_context=spawn_context(), initializer=die_with_parent
    ) as pool:
        pending: deque[Future[Result]] = deque()
        try:
            for job in jobs:
                pending.append(pool.submit(function, job))
                if len(pending) > ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

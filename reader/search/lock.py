"""One writer of the search index at a time, across threads and processes.

A rebuild swaps whole folders and an update writes both parts of the index; two at once,
in two processes (an import beside ``reader reindex``, two searches that both find the
index missing), would write into each other's folders. Each archive's index has one lock:
a re-entrant thread lock in this process and, held by the outermost holder, an OS lock on
``search.lock`` beside the index (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows), released by the OS if the process dies.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import IO

LOCK_NAME = "search.lock"
_WINDOWS_RETRY_SECONDS = 0.1


class IndexLock:
    """The lock of the index whose lock file is ``path``; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._handle: IO[bytes] | None = None

    def __enter__(self) -> IndexLock:
        self._thread_lock.acquire()
        try:
            if self._depth == 0:
                self._handle = _lock_file(self._path)
        except BaseException:
            self._thread_lock.release()
            raise
        self._depth += 1
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        try:
            if self._depth == 0 and self._handle is not None:
                handle, self._handle = self._handle, None
                _unlock_file(handle)
        finally:
            self._thread_lock.release()


_locks: dict[str, IndexLock] = {}
_locks_guard = threading.Lock()


def lock_at(folder: Path) -> IndexLock:
    """This process's lock for the index of the archive in ``folder``."""
    path = folder.resolve() / LOCK_NAME
    with _locks_guard:
        lock = _locks.get(str(path))
        if lock is None:
            lock = _locks[str(path)] = IndexLock(path)
        return lock


def _lock_file(path: Path) -> IO[bytes]:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+b")  # noqa: SIM115 (held open until released)
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
                    break
                except OSError:
                    time.sleep(_WINDOWS_RETRY_SECONDS)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    except BaseException:
        handle.close()
        raise
    return handle


def _unlock_file(handle: IO[bytes]) -> None:
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()

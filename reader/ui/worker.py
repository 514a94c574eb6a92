"""One background thread for the archive's writes (imports, annotations, index, backups).

The worker thread opens its OWN ``Archive`` on the archive folder (a sqlite-utils
``Database`` belongs to the thread that opened it). Jobs are plain callables
``job(archive, progress) -> result``; their results, or the exception they raised, come
back to the GUI thread through queued signals. The window submits operations through
:class:`reader.ui.runner.OpRunner`, which says what changed.
"""

from __future__ import annotations

import itertools
import queue
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from reader.archive import Archive

Progress = Callable[[int, int], None]
Job = Callable[[Archive, Progress], Any]


@dataclass
class _Task:
    task_id: int
    job: Job
    on_done: Callable[[Any], None] | None
    on_failed: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int], None] | None


class _Thread(QThread):
    finished_task = Signal(int, object)
    failed_task = Signal(int, object)  # the exception, reported on the GUI thread
    progressed = Signal(int, int, int)

    def __init__(self, folder: Path, tasks: queue.Queue[_Task | None]) -> None:
        super().__init__()
        self._folder = folder
        self._tasks = tasks

    def run(self) -> None:
        archive: Archive | None = None
        while True:
            task = self._tasks.get()
            if task is None:
                break
            try:
                if archive is None:
                    archive = Archive(self._folder)
                task_id = task.task_id

                def progress(done: int, total: int, task_id: int = task_id) -> None:
                    self.progressed.emit(task_id, int(done), int(total))

                result = task.job(archive, progress)
            except Exception as error:  # reported on the GUI thread, never a crash of it
                self.failed_task.emit(task.task_id, error)
            else:
                self.finished_task.emit(task.task_id, result)
        if archive is not None:
            archive.close()


class Worker(QObject):
    """Runs write jobs one at a time on a background thread, reporting on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[_Task | None] = queue.Queue()
        self._tasks: dict[int, _Task] = {}
        self._ids = itertools.count(1)
        self._stopped = False
        self._thread = _Thread(Path(folder), self._queue)
        self._thread.finished_task.connect(self._on_finished)
        self._thread.failed_task.connect(self._on_failed)
        self._thread.progressed.connect(self._on_progress)
        self._thread.start()

    def submit(
        self,
        job: Job,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Queue ``job``; ``on_*`` run on the GUI thread. Returns the task's id.

        ``on_failed`` receives the exception the job raised.
        """
        if self._stopped:
            raise RuntimeError("the worker has stopped")
        task = _Task(next(self._ids), job, on_done, on_failed, on_progress)
        self._tasks[task.task_id] = task
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        self._queue.put(task)
        return task.task_id

    def is_busy(self) -> bool:
        return bool(self._tasks)

    def _on_progress(self, task_id: int, done: int, total: int) -> None:
        task = self._tasks.get(task_id)
        if task is not None and task.on_progress is not None:
            task.on_progress(done, total)

    def _on_finished(self, task_id: int, result: object) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None or self._stopped:
            return
        try:
            if task.on_done is not None:
                task.on_done(result)
        finally:
            self._after(task)

    def _on_failed(self, task_id: int, error: BaseException) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None or self._stopped:
            return
        try:
            if task.on_failed is not None:
                task.on_failed(error)
        finally:
            self._after(task)

    def _after(self, _task: _Task) -> None:
        if not self._tasks:
            self.busy_changed.emit(False)

    def stop(self) -> None:
        """Finish the queued jobs, then end the thread (call once, on close).

        The jobs' writes are all done when this returns; their GUI callbacks are dropped,
        since the window they would update is closing.
        """
        if self._thread.isRunning():
            self._queue.put(None)
            self._thread.wait()
        self._stopped = True
        self._tasks.clear()

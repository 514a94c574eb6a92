"""Two real processes writing one archive at once: the scripts and a driver for tests and bench.

``python -m tests.hostile.writers notes ARCHIVE ARTICLE_ID COUNT`` adds COUNT notes one
command at a time (each opens and closes the archive, as a loop of ``reader note add``
does); the importing side is the real ``reader import`` command.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.issues import north_river_issue
from tests.support.layout_text import write_office_text

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class WriterRun:
    returncode: int
    stdout: str
    stderr: str


def write_bulletins(folder: Path, count: int, first_issue: int = 1) -> list[Path]:
    """``count`` different bulletins (distinct issue numbers) as text files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_office_text(
            north_river_issue(issue_no=n, year=2020 + n % 5), folder / f"issue-{n:03}.txt"
        )
        for n in range(first_issue, first_issue + count)
    ]


def reader_command(archive: Path, *argv: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--archive", str(archive), *argv]


def start(argv: list[str]) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT))
    return subprocess.Popen(
        argv, cwd=PROJECT_ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def run_together(*commands: list[str], timeout: float = 600) -> tuple[list[WriterRun], float]:
    """Start every command at once; their results and the wall time until the last ended."""
    started = time.monotonic()
    processes = [start(argv) for argv in commands]
    runs = []
    for process in processes:
        out, err = process.communicate(timeout=timeout)
        runs.append(WriterRun(process.returncode, out, err))
    return runs, time.monotonic() - started


def add_notes(archive: Path, article_id: int, count: int) -> int:
    """Add ``count`` notes, each by its own command run; the number that failed."""
    from reader.cli import main

    failed = 0
    for n in range(count):
        if main(["--archive", str(archive), "note", "add", str(article_id), f"并发笔记 {n}"]):
            failed += 1
    return failed


PEAK_MARK = "peak-memory-kb"


def measured_reader_command(archive: Path, *argv: str) -> list[str]:
    """``reader …`` that reports its own peak memory on stderr when it ends.

    The peak is read from ``/proc/self/status`` (VmHWM) where there is one: ``ru_maxrss``
    of a child also counts the parent's memory it was forked from before ``exec``.
    """
    return [sys.executable, "-m", "tests.hostile.writers", "measured", str(archive), *argv]


def peak_memory_mb(stderr: str) -> float:
    """The peak a :func:`measured_reader_command` reported, in MB."""
    for line in reversed(stderr.splitlines()):
        if line.startswith(PEAK_MARK):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no peak memory reported in {stderr!r}")


def _own_peak_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _measured(archive: str, argv: list[str]) -> int:
    from reader.cli import main

    code = main(["--archive", archive, *argv])
    print(f"{PEAK_MARK} {_own_peak_kb()}", file=sys.stderr)
    return code


if __name__ == "__main__":
    if sys.argv[1] == "notes":
        sys.exit(add_notes(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])))
    if sys.argv[1] == "measured":
        sys.exit(_measured(sys.argv[2], sys.argv[3:]))
    raise SystemExit(f"unknown mode {sys.argv[1]}")

"""Start-up of the packaged app (dist/reader/), when `make package` has built it.

Wall time from launching the frozen executable until it has shown its window and quit
(READER_EXIT_AFTER_SHOW=1), on an archive of the sample bulletins. Target: under 2 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dist" / "reader" / ("reader.exe" if sys.platform == "win32" else "reader")
TARGET_S = 2.0
RUNS = 5


def _launch(archive: Path, **env: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [str(APP), "--archive", str(archive)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        check=True,
        timeout=120,
    )
    return time.perf_counter() - started


def run(args: argparse.Namespace) -> list[str]:
    if not APP.is_file():
        return ["  dist/reader/ is not built: run `make package` first (skipped)"]
    files = [p for p in APP.parent.rglob("*") if p.is_file() and not p.is_symlink()]
    size_mb = sum(p.stat().st_size for p in files) / 2**20
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "archive"
        # The first start imports the samples and builds the index: timed on its own.
        first = _launch(archive, READER_EXIT_AFTER_SHOW="1")
        times = [_launch(archive, READER_EXIT_AFTER_SHOW="1") for _ in range(RUNS)]
    median = statistics.median(times)
    verdict = "ok" if max(times) < TARGET_S else "OVER TARGET"
    return [
        f"  packaged app: {size_mb:.0f} MB on disk",
        f"  first start (imports samples, builds index, shows window): {first:.2f} s",
        f"  start to window shown and closed: median {median:.2f} s, max {max(times):.2f} s "
        f"over {RUNS} runs (target < {TARGET_S:.0f} s): {verdict}",
    ]

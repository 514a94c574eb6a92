"""A backup or restore that stops at a chosen step and waits to be killed (kill -9).

``python -m tests.hostile.killed_child backup|restore-copy|restore-staged ARCHIVE FILE``
prints ``ready`` once its temporary file is on disk, then sleeps until killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import reader.backup as backup


def _wait_here(*_: Any) -> None:
    print("ready", flush=True)
    while True:
        time.sleep(60)


def main(mode: str, archive: Path, file: Path) -> None:
    if mode in ("backup", "restore-copy"):
        backup._fsync_file = _wait_here  # type: ignore[assignment]  # after the .part is written
    elif mode == "restore-staged":
        backup._set_aside = _wait_here  # type: ignore[assignment]  # the staged copy is complete
    if mode == "backup":
        backup.backup_database(archive / "archive.sqlite3", file)
    else:
        backup.restore_archive(archive, file)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))

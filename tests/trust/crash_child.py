"""A child process for the kill -9 tests of renditions and the trash.

Run as ``python -m tests.trust.crash_child ARCHIVE FILES MODE``. Every line it prints was
printed (and flushed) only after the change it names had been committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader import editing
from reader.archive import Archive
from reader.importer import import_paths
from reader.store.issues import get_issue


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def renditions(archive: Archive, files: Path) -> None:
    """Import the PDF and DOCX of the seed over and over (new bytes each time)."""
    originals = [(p, p.read_bytes()) for p in sorted(files.glob("rendition.*"))]
    step = 0
    while True:
        step += 1
        for path, data in originals:
            # Bytes after the end of the file change its hash, not what it reads as.
            copy = files / f"{step}-{path.name}"
            copy.write_bytes(data + f"\n%{step}\n".encode())
            (outcome,) = import_paths(archive, [copy]).outcomes
            say(f"{outcome.status} {outcome.issue_id} {copy.name}")


def trash(archive: Archive, files: Path) -> None:
    """Delete and restore the issue over and over."""
    del files
    if get_issue(archive.db, 1) is None:  # the last child was killed with it in the trash
        editing.restore_issue(archive, 1)
        say("restored 1")
    while True:
        editing.delete_issues(archive, [1])
        say("deleted 1")
        editing.restore_issue(archive, 1)
        say("restored 1")


MODES = {"renditions": renditions, "trash": trash}


def main() -> None:
    folder, files, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    with Archive(folder) as archive:
        say("ready")
        MODES[mode](archive, files)


if __name__ == "__main__":
    main()

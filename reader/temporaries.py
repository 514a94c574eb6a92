"""Temporary files that a killed command would leave behind, removed on the next run.

A backup is written as ``DEST.part`` and renamed; a restore stages the new database
beside the archive. A command killed half-way (``kill -9``, a power cut) leaves those files,
hundreds of megabytes each. Each is therefore *claimed* while it exists: a small lock file
in the archive's ``.temporaries/`` folder names it and stays locked (``flock``) while the
command runs. Whatever command runs next finds the claims nobody holds any more and removes
their files; a claim still held is a command still running, and is left alone.

Where ``fcntl`` is missing (Windows) claims are not kept and nothing is cleaned.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

FOLDER_NAME = ".temporaries"
_CLAIM_SUFFIX = ".claim"
_SIDE_FILES = ("", "-journal", "-wal", "-shm")


def remove_database_files(path: Path) -> None:
    """Remove ``path`` and the journal files SQLite may have left beside it."""
    for suffix in _SIDE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def claimed(archive_dir: Path, *paths: Path) -> Iterator[None]:
    """Within the block, ``paths`` are claimed: a later run removes them if this one dies."""
    if fcntl is None:
        yield
        return
    folder = archive_dir / FOLDER_NAME
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{os.getpid()}-{secrets.token_hex(4)}"
    pending = folder / f"{name}.new"
    claim = folder / f"{name}{_CLAIM_SUFFIX}"
    descriptor = os.open(pending, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        os.write(descriptor, b"\n".join(os.fsencode(path) for path in paths))
        os.replace(pending, claim)  # locked before it is visible under its claim name
        try:
            yield
        finally:
            claim.unlink(missing_ok=True)
    finally:
        os.close(descriptor)
        pending.unlink(missing_ok=True)


def clean_stale(archive_dir: Path) -> list[Path]:
    """Remove the files of claims whose command is gone; the files removed."""
    folder = archive_dir / FOLDER_NAME
    if fcntl is None or not folder.is_dir():
        return []
    removed: list[Path] = []
    for claim in sorted(folder.glob(f"*{_CLAIM_SUFFIX}")):
        try:
            descriptor = os.open(claim, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # its command is still running
            with os.fdopen(os.dup(descriptor), "rb") as stream:
                named = [Path(os.fsdecode(line)) for line in stream.read().split(b"\n") if line]
            for path in named:
                if any(Path(f"{path}{suffix}").exists() for suffix in _SIDE_FILES):
                    remove_database_files(path)
                    removed.append(path)
            claim.unlink(missing_ok=True)
        finally:
            os.close(descriptor)
    for leftover in folder.glob("*.new"):  # a claim killed before it was made
        if _unlocked(leftover):
            leftover.unlink(missing_ok=True)
    return removed


def _unlocked(path: Path) -> bool:
    assert fcntl is not None
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)

"""Finding the files an import takes: walking folders, refusing what is not a plain file.

Whatever the editor points at is answered: a named pipe, a device, a folder named like a
file, a dangling or looping symbolic link or a system file (``/proc``…) gets a reason under
the name the editor gave, and none of them is ever opened, so nothing blocks on a pipe.
File names are kept as the system gives them (undecodable bytes included) so that the file
can be opened; :func:`display_path` is the name to show or store.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.messages import Message, message

# Pseudo-file systems: their "files" are the system's memory and devices, never bulletins.
_SYSTEM_ROOTS = (Path("/proc"), Path("/sys"), Path("/dev"))


@dataclass(frozen=True, slots=True)
class Source:
    """A file to import: ``path`` as given (to show), ``real`` the file it names (to read)."""

    path: Path
    real: Path


@dataclass(frozen=True, slots=True)
class Refusal:
    """A path that cannot be imported, under the name the editor gave, and why."""

    path: Path
    reason: Message


def display_path(path: Path | str) -> str:
    """``path`` as text that can be shown and stored: undecodable bytes escaped (``\\xff``)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def walk_sources(
    paths: Iterable[Path], suffixes: Collection[str]
) -> tuple[list[Source], list[Refusal]]:
    """The files to import from files and folders (recursively), and the paths refused.

    A file named explicitly is tried whatever its suffix (the reader says why it cannot be
    read); inside folders only files with one of ``suffixes`` are taken, and hidden or
    Office lock files (``~$…``) are passed over. A file reached twice is taken once.
    """
    sources: list[Source] = []
    refused: list[Refusal] = []
    seen: set[Path] = set()

    def consider(path: Path, in_folder: bool) -> None:
        reason = _not_a_plain_file(path, in_folder)
        if reason is not None:
            if path not in seen:
                seen.add(path)
                refused.append(Refusal(path, reason))
            return
        real = path.resolve()
        if real not in seen:
            seen.add(real)
            sources.append(Source(path, real))

    for given in paths:
        path = Path(os.path.abspath(Path(given).expanduser()))
        if path.is_dir():
            for child, is_folder in _walk(path):
                if is_folder:
                    if child.suffix.lower() in suffixes and child not in seen:
                        seen.add(child)
                        refused.append(Refusal(child, message("import.folder_named_like_file")))
                elif child.suffix.lower() in suffixes:
                    consider(child, in_folder=True)
        else:
            consider(path, in_folder=False)
    return sources, refused


def _walk(folder: Path) -> Iterator[tuple[Path, bool]]:
    """Every entry below ``folder`` (sorted, hidden ones and lock files passed over), with
    whether it is a folder. Links to folders are not followed: a link may loop."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: os.fsencode(entry.name))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith(".") or name.startswith("~$"):
            continue
        child = folder / name
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_folder = False
        yield child, is_folder
        if is_folder:
            yield from _walk(child)


def _not_a_plain_file(path: Path, in_folder: bool) -> Message | None:
    """Why ``path`` is not a regular file that can be read, or None when it is one."""
    try:
        link = path.lstat()
    except FileNotFoundError:
        return message("import.no_such_path")
    except OSError as error:
        return message("import.cannot_read", detail=error.strerror or str(error))
    try:
        target = path.stat()
    except OSError as error:
        if not stat.S_ISLNK(link.st_mode):
            return message("import.cannot_read", detail=error.strerror or str(error))
        if error.errno == errno.ELOOP:
            return message("import.link_loops")
        if error.errno == errno.ENOENT:
            return message("import.link_dangles", target=display_path(os.readlink(path)))
        return message("import.cannot_read", detail=error.strerror or str(error))
    mode = target.st_mode
    if stat.S_ISDIR(mode):
        return message("import.folder_named_like_file") if in_folder else None
    if stat.S_ISFIFO(mode):
        return message("import.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return message("import.device")
    if not stat.S_ISREG(mode):
        return message("import.special_file")
    real = path.resolve()
    if any(real.is_relative_to(root) for root in _SYSTEM_ROOTS):
        return message("import.system_file", real=display_path(real))
    return None

"""What every command shares: opening the archive, printing JSON, failing cleanly."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader.archive import Archive
from reader.paths import resolve_archive_dir

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failure to report in one line (no traceback) with an exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def open_archive(args: argparse.Namespace) -> Archive:
    """The archive named by ``--archive``, ``$READER_ARCHIVE`` or the default folder."""
    return Archive(resolve_archive_dir(getattr(args, "archive", None)))


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def parse_id(text: str, what: str = "id") -> int:
    """An id given on the command line, or a clear error."""
    try:
        value = int(text)
    except ValueError:
        raise CommandError(f"{what} must be a number, not {text!r}", EXIT_USAGE) from None
    if value <= 0:
        raise CommandError(f"{what} must be a positive number, not {value}", EXIT_USAGE)
    return value

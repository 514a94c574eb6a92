"""``reader`` with no command: open the window on the archive."""

from __future__ import annotations

import argparse
import sys

from reader.paths import resolve_archive_dir


def open_window(args: argparse.Namespace) -> int:
    """Open the reader's window on ``--archive`` (or the default archive); its exit code."""
    from reader.ui.app import run_app  # Qt is loaded only when the window is wanted

    return run_app(resolve_archive_dir(getattr(args, "archive", None)), sys.argv[:1])

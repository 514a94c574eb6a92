"""The command line run in this process, as a script sees it: exit code, stdout, stderr.

jieba and the core load once per test session this way; tests start ``reader`` as a
process of its own only where the process is the point (killed, run side by side,
stopped by a signal).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from reader.cli import main


class CliResult(NamedTuple):
    code: int
    out: str
    err: str


def run_cli(folder: Path | None, capsys: pytest.CaptureFixture[str], *argv: object) -> CliResult:
    """``reader --archive FOLDER ARGV…`` (no ``--archive`` when ``folder`` is None)."""
    args = [str(arg) for arg in argv]
    if folder is not None:
        args = ["--archive", str(folder), *args]
    try:
        code = main(args)
    except SystemExit as stop:  # argparse's --version, --help and usage errors
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    out, err = capsys.readouterr()
    return CliResult(code, out, err)

"""A text progress bar for long commands, shown only on a terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from reader.cli.terminal import one_line, raw_stream


class TerminalProgress:
    """``done / total`` bar on stderr, redrawn in place; silent when stderr is not a TTY."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = raw_stream(stream or sys.stderr)
        self.width = width
        self.enabled = self.stream.isatty()
        self._drawn = False

    def __call__(self, done: int, total: int, item: Path | str | None = None) -> None:
        if not self.enabled or total <= 0:
            return
        filled = round(self.width * done / total)
        bar = "#" * filled + "-" * (self.width - filled)
        name = one_line(Path(item).name) if item else ""
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total} {name[:40]:<40}")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * (self.width + 60 + len(self.label)) + "\r")
            self.stream.flush()
            self._drawn = False

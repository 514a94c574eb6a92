"""What the commands print is escaped, so stored text can never drive the terminal.

A bulletin body or a file name may hold ESC sequences (``ESC ]0;title BEL`` retitles the
terminal window, ``ESC [31m`` recolours it), other control characters, or a right-to-left
override that reorders what follows on the line. The archive keeps such text as imported;
the command line shows it escaped. :func:`escaped_output` wraps the standard streams for
a whole command (every ``print`` goes through it); :func:`one_line` also escapes line
breaks, for outputs that are one line per file, issue or hit.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

# C0 controls and DEL, C1 controls, bidirectional formatting characters, line and
# paragraph separators, and lone surrogates (undecodable bytes of a file name).
_UNSAFE = (
    "\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff"
)
_UNSAFE_IN_LINE = re.compile(f"[\t\n{_UNSAFE}]")
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if code < 0x20:
        return f"\\x{code:02x}"
    # Never in JSON (json.dump escapes C0 itself); from here on a valid JSON escape, so
    # --json output stays JSON.
    return f"\\u{code:04x}"


def escape_text(text: str) -> str:
    """``text`` with every control character escaped except line breaks and tabs."""
    return _UNSAFE_IN_TEXT.sub(_escape, text)


def one_line(text: object) -> str:
    """``text`` escaped to one line (line breaks and tabs shown as ``\\n``, ``\\t``)."""
    return _UNSAFE_IN_LINE.sub(_escape, str(text))


class EscapingStream:
    """A text stream that escapes what is written to it (see :func:`escape_text`)."""

    def __init__(self, stream: TextIO) -> None:
        self.unescaped = stream

    def write(self, text: str) -> int:
        self.unescaped.write(escape_text(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unescaped, name)


@contextlib.contextmanager
def escaped_output() -> Iterator[None]:
    """Within the block, ``sys.stdout`` and ``sys.stderr`` escape control characters."""
    saved = sys.stdout, sys.stderr
    sys.stdout = EscapingStream(saved[0])
    sys.stderr = EscapingStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def raw_stream(stream: TextIO) -> TextIO:
    """The stream under an :class:`EscapingStream` (for a progress bar's own ``\\r``)."""
    return getattr(stream, "unescaped", stream)

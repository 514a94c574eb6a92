"""How the command line reports a failure: the one place that words it and picks the exit code.

Commands let errors rise. A :class:`~reader.messages.ReaderError` is something the user can
put right: one line in English (the command line's documented language) and exit 1 or 2. Any
other exception is a bug in the reader: it is said to be one, with its traceback, and exits 70.
"""

from __future__ import annotations

import logging
import sys
import traceback

from reader.annotations.common import AnnotationError
from reader.backup import BackupError
from reader.backup_schema import SchemaMismatch
from reader.briefs import BriefError
from reader.cli.common import EXIT_FAILED, EXIT_USAGE, CommandError
from reader.export.model import ExportError
from reader.messages import EN, ReaderError, message, render_error
from reader.parsing.model import SourceError
from reader.search.query import QuerySyntaxError

log = logging.getLogger("reader")

EXIT_INTERNAL = 70  # a bug, not the user's input (sysexits EX_SOFTWARE)
EXIT_INTERRUPTED = 130

# An operation that was tried and refused (a file that cannot be read or written, a brief,
# note or export that cannot be made) exits 1. Every other ReaderError says the command
# asked for what is not there or cannot be read (an id, a name, a query, an archive): 2.
_REFUSED_OPERATIONS: tuple[type[ReaderError], ...] = (
    AnnotationError,
    BackupError,
    BriefError,
    ExportError,
    SchemaMismatch,
    SourceError,
)


def exit_code(error: ReaderError) -> int:
    """The exit code for a failure the user can put right."""
    return EXIT_FAILED if isinstance(error, _REFUSED_OPERATIONS) else EXIT_USAGE


def describe(error: ReaderError) -> str:
    """The one line the command line prints for ``error``."""
    if isinstance(error, QuerySyntaxError):
        return message("cli.bad_query", detail=error.message).render(EN)
    return error.message.render(EN)


def report_failure(error: BaseException) -> int:
    """Print ``error`` for the user on standard error; the exit code to leave with."""
    if isinstance(error, CommandError):
        _say(str(error))
        return error.exit_code
    if isinstance(error, ReaderError):
        _say(describe(error))
        return exit_code(error)
    if isinstance(error, KeyboardInterrupt):
        _say("interrupted")
        return EXIT_INTERRUPTED
    log.error("unexpected error", exc_info=error)
    _say(render_error(error, EN))
    traceback.print_exception(error, file=sys.stderr)
    return EXIT_INTERNAL


def _say(text: str) -> None:
    print(f"reader: {text}", file=sys.stderr)

"""The command line: a thin face on the core. ``reader`` alone opens the window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from reader import __version__
from reader.cli import (
    annotating,
    backing_up,
    briefing,
    browsing,
    curating,
    importing,
    searching,
    topics,
)
from reader.cli.errors import report_failure
from reader.cli.terminal import escaped_output

# Each module adds its subcommands with ``register(subparsers)``; a subcommand's parser
# sets ``handler=function(args) -> exit code``. The order is the order of ``--help``.
COMMAND_MODULES = (
    importing,
    browsing,
    curating,
    annotating,
    backing_up,
    searching,
    briefing,
    topics,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Offline archive reader for Chinese bulletins. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "--archive",
        metavar="DIR",
        help="archive folder (default: $READER_ARCHIVE, else index/ in a source checkout, "
        "else the user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    _accept_archive_option_after_commands(subparsers)
    return parser


def _accept_archive_option_after_commands(subparsers: argparse._SubParsersAction) -> None:
    """Let ``--archive DIR`` stand after the command too (``reader note list --archive D``)."""
    for command_parser in set(subparsers.choices.values()):
        option_strings = {o for action in command_parser._actions for o in action.option_strings}
        if "--archive" not in option_strings:
            command_parser.add_argument(
                "--archive", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS
            )
        for action in command_parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_archive_option_after_commands(action)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    with escaped_output():
        return _run(args, handler)


def _run(args: argparse.Namespace, handler: Any) -> int:
    try:
        if handler is None:
            from reader.cli.window import open_window

            return open_window(args)
        return int(handler(args))
    except BrokenPipeError:
        return _reader_went_away()
    except (Exception, KeyboardInterrupt) as error:
        return report_failure(error)


def _reader_went_away() -> int:
    """Output piped into a program that stopped reading (``reader search … | head``): stop
    quietly, as command-line tools do, with what was read already printed."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # the flush at exit would fail again
    return 141  # 128 + SIGPIPE, what a shell reports for a tool ended by a closed pipe

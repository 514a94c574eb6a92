"""``reader import PATH...``: bring bulletin files into the archive."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import EXIT_FAILED, EXIT_OK, open_archive
from reader.cli.progress import TerminalProgress
from reader.cli.terminal import one_line
from reader.importer import FileOutcome, import_paths


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import bulletin files or folders (PDF, DOCX, TXT, HTML, MHT)",
        description="Import bulletin files (PDF, DOCX, TXT in UTF-8/GB18030/UTF-16, saved web "
        "pages .html/.htm/.mht) or whole "
        "folders. A line per file, then a summary; exits non-zero if any file was skipped.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace) -> int:
    progress = TerminalProgress("importing")

    def report_line(outcome: FileOutcome) -> None:
        progress.finish()
        print(one_line(outcome.describe()), flush=True)

    with open_archive(args) as archive:
        report = import_paths(archive, args.paths, progress=progress, on_outcome=report_line)
    progress.finish()
    print(report.summary())
    if report.derived_failure is not None:
        print(f"warning: {report.derived_failure.render()}", file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_FAILED

"""``reader backup FILE`` and ``reader restore FILE``: the whole archive in one file and back."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.backup import BackupSummary, backup_archive, restore_archive
from reader.cli.common import EXIT_OK, open_archive
from reader.paths import resolve_archive_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup", help="write the whole archive to one file (safe while it is in use)"
    )
    backup.add_argument("file", metavar="FILE")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="replace the archive with a backup (the current one is kept beside it)",
    )
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(handler=run_restore)


def _describe(summary: BackupSummary) -> str:
    counts = summary.counts
    return (
        f"{counts.get('issues', 0)} issues, {counts.get('articles', 0)} articles, "
        f"{counts.get('notes', 0)} notes, {counts.get('bookmarks', 0)} bookmarks, "
        f"{counts.get('highlights', 0)} highlights, {counts.get('article_tags', 0)} tag uses"
    )


def run_backup(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        summary = backup_archive(archive, Path(args.file))
    print(f"backed up to {summary.path}: {_describe(summary)}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    # The archive is not opened here: the restore replaces its database file.
    folder = resolve_archive_dir(getattr(args, "archive", None))
    result = restore_archive(folder, Path(args.file))
    print(f"restored {folder} from {args.file}: {_describe(result.summary)}")
    if result.previous is not None:
        print(f"the database it replaced is kept as {result.previous}")
    if result.index_rebuilt:
        print("search index rebuilt")
    elif result.index_problem:
        print(f"the search index could not be rebuilt now ({result.index_problem})")
    return EXIT_OK

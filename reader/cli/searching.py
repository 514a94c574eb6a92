"""``reader search`` and ``reader reindex``: the search index from the command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from reader.cli.common import EXIT_OK, EXIT_USAGE, CommandError, open_archive, print_json
from reader.cli.progress import TerminalProgress
from reader.cli.terminal import one_line
from reader.search import QuerySyntaxError, SearchResult, ensure_index, rebuild_index, search

MARK_OPEN, MARK_CLOSE = "【", "】"


def register(subparsers: argparse._SubParsersAction) -> None:
    finder = subparsers.add_parser(
        "search",
        help="find articles and notes containing words (exact, traditional = simplified)",
        description=(
            'Words separated by spaces must all appear; "…" keeps a phrase; -word excludes; '
            "OR between words; filters title: note: year:2023 year:2022-2023 issue:2023-8 "
            "series: tag:"
        ),
    )
    finder.add_argument("query", nargs="?", metavar="QUERY")
    finder.add_argument("--batch", metavar="FILE", help="one query per line; prints JSON lines")
    finder.add_argument("--json", action="store_true", help="print the result as JSON")
    finder.add_argument("--limit", type=int, default=20, metavar="N", help="hits to show (20)")
    finder.add_argument("--offset", type=int, default=0, metavar="N", help="hits to skip (0)")
    finder.add_argument(
        "--export", metavar="FILE", help="write every hit to FILE (.csv, .xlsx or .docx)"
    )
    finder.set_defaults(handler=run_search)

    finder.add_argument("--within", metavar="QUERY", help="search within QUERY's results")
    finder.add_argument("--save", metavar="NAME", help="also save the query under NAME")

    saved = subparsers.add_parser("saved", help="saved searches and the query history")
    saved_commands = saved.add_subparsers(dest="saved_command", metavar="ACTION", required=True)
    saved_list = saved_commands.add_parser("list", help="the saved searches")
    saved_list.add_argument("--json", action="store_true")
    saved_list.set_defaults(handler=run_saved_list)
    saved_delete = saved_commands.add_parser("delete", help="forget a saved search")
    saved_delete.add_argument("name", metavar="NAME")
    saved_delete.set_defaults(handler=run_saved_delete)
    history = saved_commands.add_parser("history", help="the queries run, most recent first")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=run_history)

    reindex = subparsers.add_parser("reindex", help="rebuild the search index from the archive")
    reindex.set_defaults(handler=run_reindex)


def run_search(args: argparse.Namespace) -> int:
    if (args.query is None) == (args.batch is None):
        raise CommandError("give a QUERY or --batch FILE (one of them)", EXIT_USAGE)
    if args.limit < 0 or args.offset < 0:
        raise CommandError("--limit and --offset cannot be negative", EXIT_USAGE)
    with open_archive(args) as archive:
        _ensure_with_progress(archive)
        if args.batch is not None:
            return _run_batch(archive, Path(args.batch), args.limit, args.offset)
        from reader import searches

        query = args.query if args.within is None else searches.refine(args.within, args.query)
        args.query = query
        if args.save is not None:
            searches.save_search(archive.db, args.save, query)
        searches.record_query(archive.db, query)
        if args.export is not None:
            return _export(archive, args.query, Path(args.export))
        result = search(archive, args.query, limit=args.limit, offset=args.offset)
        if args.json:
            print_json(result.to_json())
        else:
            _print_readable(result)
    return EXIT_OK


def run_reindex(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        progress = TerminalProgress("indexing")
        started = time.monotonic()
        counted: list[int] = [0]

        def report(done: int, total: int) -> None:
            counted[0] = total
            progress(done, total)

        try:
            rebuild_index(archive, report)
        finally:
            progress.finish()
        print(f"indexed {counted[0]} articles in {time.monotonic() - started:.1f} s")
    return EXIT_OK


def run_saved_list(args: argparse.Namespace) -> int:
    from reader.searches import saved_searches

    with open_archive(args) as archive:
        saved = saved_searches(archive.db)
    if args.json:
        print_json([{"name": s.name, "query": s.query} for s in saved])
    for search_ in [] if args.json else saved:
        print(f"{search_.name}\t{search_.query}")
    return EXIT_OK


def run_saved_delete(args: argparse.Namespace) -> int:
    from reader.searches import delete_saved

    with open_archive(args) as archive:
        delete_saved(archive.db, args.name)
    print(f"deleted saved search {args.name}")
    return EXIT_OK


def run_history(args: argparse.Namespace) -> int:
    from reader.searches import recent_queries

    with open_archive(args) as archive:
        queries = recent_queries(archive.db)
    if args.json:
        print_json(queries)
    else:
        print("\n".join(queries))
    return EXIT_OK


def _export(archive: Any, query: str, path: Path) -> int:
    from reader.hitlist import all_hits, export_hits

    rows = export_hits(archive, all_hits(archive, query), path, query)
    print(f"{rows} hits written to {path}")
    return EXIT_OK


def _ensure_with_progress(archive: Any) -> None:
    progress = TerminalProgress("indexing")
    try:
        ensure_index(archive, progress)
    finally:
        progress.finish()


def _run_batch(archive: Any, path: Path, limit: int, offset: int) -> int:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{path}: cannot read the query file ({error})", EXIT_USAGE) from None
    status = EXIT_OK
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = search(archive, line, limit=limit, offset=offset).to_json()
        except QuerySyntaxError as error:
            print(f"reader: {path}:{number}: cannot read the query: {error}", file=sys.stderr)
            data = {"query": line, "error": str(error)}
            status = EXIT_USAGE
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    return status


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    parts, position = [], 0
    for start, end in spans:
        if start < position:
            continue
        parts += [text[position:start], MARK_OPEN, text[start:end], MARK_CLOSE]
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _print_readable(result: SearchResult) -> None:
    print(f"{result.total} hits for {one_line(result.query)}")
    for hit in result.hits:
        issue = "".join(
            [
                f"《{hit.series}》" if hit.series else "",
                f"{hit.year}年" if hit.year is not None else "",
                f"第{hit.issue_no}期" if hit.issue_no is not None else "",
            ]
        )
        origin = " [note]" if hit.source == "note" else ""
        title = one_line(_marked(hit.title, hit.title_matches))
        print(f"#{hit.article_id} {title}  {one_line(issue)}{origin}")
        print(f"    {one_line(_marked(hit.snippet, hit.snippet_matches))}")

"""``reader brief …`` (saved briefs) and ``reader export`` (a brief or articles to a file)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader import briefs
from reader.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    open_archive,
    parse_id,
    print_json,
)
from reader.cli.excerpting import register_actions as register_excerpt_actions
from reader.cli.progress import TerminalProgress
from reader.cli.terminal import one_line
from reader.export import FORMATS, export_brief, format_for_path
from reader.store.issues import get_articles


def register(subparsers: argparse._SubParsersAction) -> None:
    brief = subparsers.add_parser("brief", help="compile briefs (专题汇编) from chosen articles")
    actions = brief.add_subparsers(dest="brief_command", metavar="ACTION", required=True)

    create = actions.add_parser("create", help="create an empty brief")
    create.add_argument("name", metavar="NAME")
    _cover_options(create)
    create.set_defaults(handler=run_create)

    setter = actions.add_parser(
        "set", help="change a brief's title, subtitle, compiler, date, preface"
    )
    setter.add_argument("name", metavar="NAME")
    _cover_options(setter)
    setter.set_defaults(handler=run_set)

    add = actions.add_parser("add", help="add articles (at the end, or --at a position)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("article_ids", metavar="ARTICLE_ID", nargs="+")
    add.add_argument("--at", metavar="POSITION", help="insert from this position (1 = first)")
    add.set_defaults(handler=run_add)

    remove = actions.add_parser("remove", help="take articles out of a brief")
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("article_ids", metavar="ARTICLE_ID", nargs="+")
    remove.set_defaults(handler=run_remove)

    move = actions.add_parser("move", help="move an article to a position (1 = first)")
    move.add_argument("name", metavar="NAME")
    move.add_argument("article_id", metavar="ARTICLE_ID")
    move.add_argument("position", metavar="POSITION")
    move.set_defaults(handler=run_move)

    note = actions.add_parser("note", help='set the editor\'s note on an article ("" clears it)')
    note.add_argument("name", metavar="NAME")
    note.add_argument("article_id", metavar="ARTICLE_ID")
    note.add_argument("text", metavar="TEXT")
    note.set_defaults(handler=run_note)

    rename = actions.add_parser("rename", help="rename a brief")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW_NAME")
    rename.set_defaults(handler=run_rename)

    duplicate = actions.add_parser("duplicate", help="copy a brief under a new name")
    duplicate.add_argument("name", metavar="NAME")
    duplicate.add_argument("new_name", metavar="NEW_NAME")
    duplicate.set_defaults(handler=run_duplicate)

    delete = actions.add_parser("delete", help="delete a brief (its articles stay)")
    delete.add_argument("name", metavar="NAME")
    delete.set_defaults(handler=run_delete)

    listing = actions.add_parser("list", help="list the briefs")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=run_list)

    register_excerpt_actions(actions)

    show = actions.add_parser("show", help="print a brief and its articles in order")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=run_show)

    export = subparsers.add_parser(
        "export",
        help="write a brief, or articles in the order given, to DOCX, PDF, HTML or Markdown",
    )
    export.add_argument("article_ids", metavar="ARTICLE_ID", nargs="*")
    export.add_argument("--brief", metavar="NAME", help="export this saved brief")
    export.add_argument("--title", help="title on the cover (default: the brief's title)")
    export.add_argument("--subtitle")
    export.add_argument("--compiler", help="who compiled it (编印单位)")
    export.add_argument("--date", help="date on the cover (default: today)")
    export.add_argument(
        "--format",
        choices=sorted(FORMATS),
        help="docx, pdf, html or md (default: from -o's suffix)",
    )
    export.add_argument("-o", "--output", metavar="FILE", required=True)
    export.add_argument(
        "--include-notes", action="store_true", help="add your notes on each article"
    )
    export.add_argument(
        "--include-highlights", action="store_true", help="add your highlighted passages"
    )
    export.set_defaults(handler=run_export)


def _cover_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title")
    parser.add_argument("--subtitle")
    parser.add_argument("--compiler", help="who compiled it (编印单位)")
    parser.add_argument("--date")
    preface = parser.add_mutually_exclusive_group()
    preface.add_argument("--preface", metavar="TEXT", help="editor's preface (编者按)")
    preface.add_argument(
        "--preface-file", metavar="FILE", help="read the preface from a UTF-8 file"
    )


def _cover_changes(args: argparse.Namespace) -> dict[str, str | None]:
    changes: dict[str, str | None] = {
        field: getattr(args, field)
        for field in ("title", "subtitle", "compiler", "date", "preface")
        if getattr(args, field) is not None
    }
    if args.preface_file:
        path = Path(args.preface_file)
        try:
            changes["preface"] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: cannot read the preface ({error})", EXIT_USAGE) from None
    return changes


def _ids(values: list[str]) -> list[int]:
    return [parse_id(value, "article id") for value in values]


def _brief_json(record: briefs.BriefRecord, titles: dict[int, str] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": record.id,
        "name": record.name,
        "title": record.title,
        "subtitle": record.subtitle,
        "compiler": record.compiler,
        "date": record.date,
        "preface": record.preface,
        "created": record.created,
        "updated": record.updated,
    }
    if titles is None:
        data["article_count"] = len(record.items)
    else:
        data["articles"] = [
            {
                "position": item.position,
                "article_id": item.article_id,
                "title": titles.get(item.article_id),
                "note": item.note,
                "excerpts": [
                    {"start": e.start, "end": e.end, "text": e.text} for e in item.excerpts
                ],
            }
            for item in record.items
        ]
    return data


def _report(record: briefs.BriefRecord, what: str) -> int:
    print(f"{what} brief {record.name!r} ({len(record.items)} articles)")
    return EXIT_OK


def _run(args: argparse.Namespace, action: Any) -> Any:
    """Run ``action(db)`` on the archive."""
    with open_archive(args) as archive:
        return action(archive.db)


def run_create(args: argparse.Namespace) -> int:
    changes = _cover_changes(args)
    record = _run(args, lambda db: briefs.create_brief(db, args.name, **changes))
    return _report(record, "created")


def run_set(args: argparse.Namespace) -> int:
    changes = _cover_changes(args)
    if not changes:
        raise CommandError(
            "nothing to change: give --title, --subtitle, --compiler, --date or --preface",
            EXIT_USAGE,
        )
    return _report(_run(args, lambda db: briefs.update_brief(db, args.name, **changes)), "updated")


def run_add(args: argparse.Namespace) -> int:
    ids = _ids(args.article_ids)
    at = parse_id(args.at, "position") if args.at is not None else None
    return _report(_run(args, lambda db: briefs.add_articles(db, args.name, ids, at)), "updated")


def run_remove(args: argparse.Namespace) -> int:
    ids = _ids(args.article_ids)

    def remove_all(db: Any) -> briefs.BriefRecord:
        record = briefs.get_brief(db, args.name)
        for article_id in ids:
            record = briefs.remove_article(db, args.name, article_id)
        return record

    return _report(_run(args, remove_all), "updated")


def run_move(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "article id")
    position = parse_id(args.position, "position")
    record = _run(args, lambda db: briefs.move_article(db, args.name, article_id, position))
    return _report(record, "updated")


def run_note(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "article id")
    record = _run(args, lambda db: briefs.set_item_note(db, args.name, article_id, args.text))
    return _report(record, "updated")


def run_rename(args: argparse.Namespace) -> int:
    return _report(_run(args, lambda db: briefs.rename(db, args.name, args.new_name)), "renamed")


def run_duplicate(args: argparse.Namespace) -> int:
    record = _run(args, lambda db: briefs.duplicate(db, args.name, args.new_name))
    return _report(record, "created")


def run_delete(args: argparse.Namespace) -> int:
    _run(args, lambda db: briefs.delete(db, args.name))
    print(f"deleted brief {args.name!r}")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    records = _run(args, briefs.list_briefs)
    if args.json:
        print_json([_brief_json(record) for record in records])
        return EXIT_OK
    if not records:
        print("no briefs yet: reader brief create NAME")
    for record in records:
        print(f"{one_line(record.name)}\t{len(record.items)} articles\t{one_line(record.title)}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    def load(db: Any) -> tuple[briefs.BriefRecord, dict[int, str]]:
        record = briefs.get_brief(db, args.name)
        return record, {a.id: a.title for a in get_articles(db, record.article_ids)}

    record, titles = _run(args, load)
    if args.json:
        print_json(_brief_json(record, titles))
        return EXIT_OK
    print(record.title)
    for line in (record.subtitle, record.compiler, record.date):
        if line:
            print(line)
    for item in record.items:
        print(
            f"{item.position:>4}  {item.article_id:>6}  {titles.get(item.article_id, '(missing)')}"
        )
        if item.note:
            print(f"              编者注：{item.note}")
        for excerpt in item.excerpts:
            print(f"              摘编 {excerpt.start}–{excerpt.end}：{one_line(excerpt.text)}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    output = Path(args.output)
    fmt = args.format or format_for_path(output)
    if fmt is None:
        raise CommandError(
            f"{output}: say --format docx|pdf|html|md (the file name does not tell)", EXIT_USAGE
        )
    if args.brief is None and not args.article_ids:
        raise CommandError("give --brief NAME or the ids of the articles to export", EXIT_USAGE)
    if args.brief is None and not args.title:
        raise CommandError("give the brief a --title", EXIT_USAGE)
    ids = _ids(args.article_ids)
    progress = TerminalProgress("exporting")
    try:
        written = _run(
            args,
            lambda db: export_brief(
                db,
                output,
                fmt,
                brief=args.brief,
                article_ids=ids,
                title=args.title,
                subtitle=args.subtitle,
                compiler=args.compiler,
                date=args.date,
                include_notes=args.include_notes,
                include_highlights=args.include_highlights,
                progress=progress,
                warn=lambda warning: print(f"warning: {warning}", file=sys.stderr),
            ),
        )
    finally:
        progress.finish()
    print(f"wrote {written}")
    return EXIT_OK

"""``reader note|bookmark|highlight|tag|annotations``: the editor's annotations from a shell."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from reader import annotations as annotate
from reader.annotations import AnnotationError
from reader.annotations.transfer import (
    import_annotations,
    read_annotations_file,
    write_annotations_file,
)
from reader.cli.common import EXIT_OK, EXIT_USAGE, CommandError, open_archive, parse_id, print_json
from reader.cli.terminal import one_line

Handler = Callable[[argparse.Namespace], int]


def _offset(text: str) -> int:
    """A character offset given on the command line (argparse reports a bad one)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"an offset must be a number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"an offset cannot be negative ({value})")
    return value


def _text_argument(text: str, what: str) -> str:
    """The TEXT argument, or all of standard input when it is ``-``."""
    if text != "-":
        return text
    try:
        return sys.stdin.buffer.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError(f"{what} on standard input is not UTF-8 text", EXIT_USAGE) from None


def _command(
    group: argparse._SubParsersAction, name: str, help_text: str, handler: Handler
) -> argparse.ArgumentParser:
    parser = group.add_parser(name, help=help_text)
    parser.set_defaults(handler=handler)
    return parser


def register(subparsers: argparse._SubParsersAction) -> None:
    note = subparsers.add_parser("note", help="notes on articles")
    actions = note.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    add = _command(actions, "add", "add a note (TEXT - reads standard input)", run_note_add)
    add.add_argument("article_id", metavar="ARTICLE_ID")
    add.add_argument("text", metavar="TEXT")
    add.add_argument("--json", action="store_true")
    listing = _command(actions, "list", "list notes, on one article or all", run_note_list)
    listing.add_argument("article_id", metavar="ARTICLE_ID", nargs="?")
    listing.add_argument("--json", action="store_true")
    edit = _command(actions, "edit", "replace a note's text (TEXT - reads stdin)", run_note_edit)
    edit.add_argument("note_id", metavar="ID")
    edit.add_argument("text", metavar="TEXT")
    edit.add_argument("--json", action="store_true")
    delete = _command(actions, "delete", "delete a note", run_note_delete)
    delete.add_argument("note_id", metavar="ID")

    bookmark = subparsers.add_parser("bookmark", help="bookmarks on articles")
    actions = bookmark.add_subparsers(dest="bookmark_command", metavar="ACTION", required=True)
    add = _command(actions, "add", "bookmark an article", run_bookmark_add)
    add.add_argument("article_id", metavar="ARTICLE_ID")
    add.add_argument("--position", metavar="N", type=_offset)
    delete = _command(actions, "delete", "remove an article's bookmark", run_bookmark_delete)
    delete.add_argument("article_id", metavar="ARTICLE_ID")
    listing = _command(actions, "list", "list bookmarks, newest first", run_bookmark_list)
    listing.add_argument("--json", action="store_true")

    highlight = subparsers.add_parser("highlight", help="highlights in articles")
    actions = highlight.add_subparsers(dest="highlight_command", metavar="ACTION", required=True)
    add = _command(
        actions, "add", "highlight characters START to END of an article", run_highlight_add
    )
    add.add_argument("article_id", metavar="ARTICLE_ID")
    add.add_argument("start", metavar="START", type=_offset)
    add.add_argument("end", metavar="END", type=_offset)
    add.add_argument("--color", default=annotate.DEFAULT_COLOR, metavar="C")
    add.add_argument("--note", metavar="TEXT")
    add.add_argument("--json", action="store_true")
    listing = _command(actions, "list", "list highlights, in one article or all", run_hl_list)
    listing.add_argument("article_id", metavar="ARTICLE_ID", nargs="?")
    listing.add_argument("--json", action="store_true")
    delete = _command(actions, "delete", "delete a highlight", run_highlight_delete)
    delete.add_argument("highlight_id", metavar="ID")

    tag = subparsers.add_parser("tag", help="tags on articles")
    actions = tag.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    for name, handler, help_text in (
        ("add", run_tag_add, "tag an article"),
        ("remove", run_tag_remove, "take a tag off an article"),
    ):
        parser = _command(actions, name, help_text, handler)
        parser.add_argument("article_id", metavar="ARTICLE_ID")
        parser.add_argument("tag", metavar="TAG")
    listing = _command(actions, "list", "list tags with counts, or one article's", run_tag_list)
    listing.add_argument("article_id", metavar="ARTICLE_ID", nargs="?")
    listing.add_argument("--json", action="store_true")

    transfer = subparsers.add_parser(
        "annotations", help="move annotations to another archive as a JSON file"
    )
    actions = transfer.add_subparsers(dest="annotations_command", metavar="ACTION", required=True)
    export = _command(actions, "export", "write every annotation to FILE", run_export)
    export.add_argument("file", metavar="FILE")
    importing = _command(actions, "import", "add the annotations in FILE", run_import)
    importing.add_argument("file", metavar="FILE")


def _first_line(text: str, width: int = 60) -> str:
    line = text.split("\n", 1)[0]
    more = len(line) > width or "\n" in text
    return line[:width] + ("…" if more else "")


def run_note_add(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "ARTICLE_ID")
    text = _text_argument(args.text, "the note")
    if not text.strip():
        raise CommandError("the note is empty", EXIT_USAGE)
    with open_archive(args) as archive:
        note = annotate.add_note(archive.db, article_id, text)
    if args.json:
        print_json(note.to_dict())
    else:
        print(f"note {note.id} added to article {note.article_id}")
    return EXIT_OK


def run_note_list(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "ARTICLE_ID") if args.article_id else None
    with open_archive(args) as archive:
        found = annotate.list_notes(archive.db, article_id)
    if args.json:
        print_json([note.to_dict() for note in found])
        return EXIT_OK
    for note in found:
        print(f"{note.id}\tarticle {note.article_id}\t{note.updated}")
        for line in note.text.split("\n"):
            print(f"    {line}")
    return EXIT_OK


def run_note_edit(args: argparse.Namespace) -> int:
    note_id = parse_id(args.note_id, "note ID")
    text = _text_argument(args.text, "the note")
    with open_archive(args) as archive:
        note = annotate.update_note(archive.db, note_id, text)
    if args.json:
        print_json(note.to_dict())
    else:
        print(f"note {note.id} updated")
    return EXIT_OK


def run_note_delete(args: argparse.Namespace) -> int:
    note_id = parse_id(args.note_id, "note ID")
    with open_archive(args) as archive:
        note = annotate.delete_note(archive.db, note_id)
    print(f"note {note.id} deleted (article {note.article_id}: {_first_line(note.text)})")
    return EXIT_OK


def run_bookmark_add(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "ARTICLE_ID")
    with open_archive(args) as archive:
        bookmark = annotate.add_bookmark(archive.db, article_id, args.position)
    where = f" at {bookmark.position}" if bookmark.position is not None else ""
    print(f"article {bookmark.article_id} bookmarked{where}")
    return EXIT_OK


def run_bookmark_delete(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "ARTICLE_ID")
    with open_archive(args) as archive:
        annotate.delete_bookmark(archive.db, article_id)
    print(f"bookmark on article {article_id} removed")
    return EXIT_OK


def run_bookmark_list(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        found = annotate.list_bookmarks(archive.db)
    if args.json:
        print_json([bookmark.to_dict() for bookmark in found])
        return EXIT_OK
    for bookmark in found:
        where = f"\tat {bookmark.position}" if bookmark.position is not None else ""
        print(f"{bookmark.id}\tarticle {bookmark.article_id}\t{bookmark.created}{where}")
    return EXIT_OK


def run_highlight_add(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "ARTICLE_ID")
    with open_archive(args) as archive:
        highlight = annotate.add_highlight(
            archive.db, article_id, args.start, args.end, args.color, args.note
        )
    if args.json:
        print_json(highlight.to_dict())
    else:
        print(f"highlight {highlight.id} added: {_first_line(highlight.quote)}")
    return EXIT_OK


def run_hl_list(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "ARTICLE_ID") if args.article_id else None
    with open_archive(args) as archive:
        found = annotate.list_highlights(archive.db, article_id)
    if args.json:
        print_json([highlight.to_dict() for highlight in found])
        return EXIT_OK
    for h in found:
        flag = "" if h.status == "anchored" else f"\t[{h.status}]"
        print(f"{h.id}\tarticle {h.article_id}\t{h.start}-{h.end}\t{h.color}{flag}")
        print(f"    {_first_line(h.quote)}")
        if h.note:
            print(f"    note: {_first_line(h.note)}")
    return EXIT_OK


def run_highlight_delete(args: argparse.Namespace) -> int:
    highlight_id = parse_id(args.highlight_id, "highlight ID")
    with open_archive(args) as archive:
        annotate.delete_highlight(archive.db, highlight_id)
    print(f"highlight {highlight_id} deleted")
    return EXIT_OK


def run_tag_add(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "ARTICLE_ID")
    with open_archive(args) as archive:
        tag = annotate.add_tag(archive.db, article_id, args.tag)
    print(f"article {article_id} tagged {tag.name} (articles with this tag: {tag.count})")
    return EXIT_OK


def run_tag_remove(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "ARTICLE_ID")
    with open_archive(args) as archive:
        annotate.remove_tag(archive.db, article_id, args.tag)
    print(f"tag {args.tag.strip()} removed from article {article_id}")
    return EXIT_OK


def run_tag_list(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        if args.article_id:
            names = annotate.article_tags(archive.db, parse_id(args.article_id, "ARTICLE_ID"))
            if args.json:
                print_json(names)
            else:
                print("\n".join(names) if names else "(no tags)")
            return EXIT_OK
        tags = annotate.list_tags(archive.db)
    if args.json:
        print_json([{"name": tag.name, "count": tag.count} for tag in tags])
    else:
        for tag in tags:
            print(f"{tag.name}\t{tag.count}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.parent.is_dir():
        raise CommandError(f"{path}: the folder {path.parent} does not exist")
    with open_archive(args) as archive:
        try:
            count = write_annotations_file(archive.db, path)
        except OSError as error:
            raise CommandError(f"{path}: cannot write it ({error.strerror})") from None
    print(f"annotations on {count} articles written to {path}")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = read_annotations_file(path)
    with open_archive(args) as archive:
        try:
            report = import_annotations(archive.db, data)
        except AnnotationError as error:
            raise AnnotationError(
                "annotation.nothing_imported", path=str(path), reason=error.message
            ) from None
    print(
        f"{report.matched} articles matched, {report.unmatched} unmatched; added "
        f"{report.notes_added} notes, {report.bookmarks_added} bookmarks, "
        f"{report.highlights_added} highlights, {report.tags_added} tags "
        f"({report.already_present} already there)"
    )
    if report.highlights_lost:
        print(f"{report.highlights_lost} highlights did not find their text and are marked lost")
    for title in report.unmatched_titles:
        print(f"  not in this archive: {one_line(title)}", file=sys.stderr)
    return EXIT_OK

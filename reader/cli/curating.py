"""Deleting, restoring and choosing texts: ``issue delete|use-source|merge``, ``trash``,
``history``."""

from __future__ import annotations

import argparse

from reader import editing
from reader.cli.common import EXIT_OK, EXIT_USAGE, CommandError, open_archive, parse_id, print_json
from reader.cli.terminal import one_line
from reader.store import issues as store
from reader.store import trash
from reader.store.history import article_history


def register(subparsers: argparse._SubParsersAction) -> None:
    issue_commands = _issue_actions(subparsers)
    delete = issue_commands.add_parser(
        "delete",
        help="move issues to the trash (with their articles and annotations)",
        description="Move issues to the trash: gone from the tree, search and briefs until "
        "`reader trash restore ID` brings them back with everything on them.",
    )
    delete.add_argument("issue_ids", nargs="*", metavar="ID")
    delete.add_argument(
        "--samples", action="store_true", help="the sample issues (示例), all at once"
    )
    delete.set_defaults(handler=run_issue_delete)

    use = issue_commands.add_parser(
        "use-source",
        help="take the text of another rendition of an issue (see `list --json` sources)",
        description="Replace an issue's text with that of one of its other sources (a "
        "better rendition: text over DOCX over PDF over OCR). The replaced texts are kept "
        "as earlier versions (`reader history`).",
    )
    use.add_argument("issue_id", metavar="ID")
    use.add_argument("source_id", metavar="SOURCE_ID")
    use.set_defaults(handler=run_use_source)

    merge = issue_commands.add_parser(
        "merge",
        help="fold one issue into another that claims the same identity",
        description="Fold issue ID into INTO_ID: articles both have become one (notes, "
        "highlights, tags and brief entries kept), the rest move over; ID is removed.",
    )
    merge.add_argument("issue_id", metavar="ID")
    merge.add_argument("into_id", metavar="INTO_ID")
    merge.set_defaults(handler=run_merge)

    trash_parser = subparsers.add_parser("trash", help="list, restore or empty deleted issues")
    trash_commands = trash_parser.add_subparsers(
        dest="trash_command", metavar="ACTION", required=True
    )
    listing = trash_commands.add_parser("list", help="the issues in the trash")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_trash_list)
    restore = trash_commands.add_parser("restore", help="bring an issue back with everything")
    restore.add_argument("issue_id", metavar="ID")
    restore.set_defaults(handler=run_trash_restore)
    empty = trash_commands.add_parser("empty", help="delete the issues in the trash for good")
    empty.set_defaults(handler=run_trash_empty)

    history = subparsers.add_parser(
        "history", help="the earlier texts of an article (replaced by corrected printings)"
    )
    history.add_argument("article_id", metavar="ARTICLE_ID")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=run_history)


def _issue_actions(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:
    issue = subparsers.choices["issue"]
    for action in issue._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("the issue command has no actions")  # a bug in the command modules


def run_issue_delete(args: argparse.Namespace) -> int:
    ids = [parse_id(text, "issue ID") for text in args.issue_ids]
    if not ids and not args.samples:
        raise CommandError("give issue IDs to delete, or --samples", EXIT_USAGE)
    with open_archive(args) as archive:
        if ids:
            editing.delete_issues(archive, ids)
        if args.samples:
            ids += editing.delete_samples(archive)
    for issue_id in ids:
        print(f"issue {issue_id}: moved to the trash (reader trash restore {issue_id})")
    if not ids:
        print("no sample issues to delete")
    return EXIT_OK


def run_use_source(args: argparse.Namespace) -> int:
    issue_id = parse_id(args.issue_id, "issue ID")
    source_id = parse_id(args.source_id, "SOURCE_ID")
    with open_archive(args) as archive:
        changed = editing.use_source(archive, issue_id, source_id)
    print(f"issue {issue_id}: text of source {source_id}, {len(changed)} articles changed")
    return EXIT_OK


def run_merge(args: argparse.Namespace) -> int:
    issue_id = parse_id(args.issue_id, "issue ID")
    into_id = parse_id(args.into_id, "INTO_ID")
    if issue_id == into_id:
        raise CommandError("an issue cannot be merged into itself", EXIT_USAGE)
    with open_archive(args) as archive:
        editing.merge_issues(archive, issue_id, into_id)
    print(f"issue {issue_id}: merged into issue {into_id}")
    return EXIT_OK


def run_trash_list(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        listed = trash.list_trash(archive.db)
    if args.json:
        print_json([{k: item[k] for k in ("issue_id", "label", "deleted_at")} for item in listed])
        return EXIT_OK
    if not listed:
        print("The trash is empty.")
    for item in listed:
        print(
            f"issue {item['issue_id']:>4}  {one_line(item['label'])}  deleted {item['deleted_at']}"
        )
    return EXIT_OK


def run_trash_restore(args: argparse.Namespace) -> int:
    issue_id = parse_id(args.issue_id, "issue ID")
    with open_archive(args) as archive:
        articles = editing.restore_issue(archive, issue_id)
    print(f"issue {issue_id}: restored with its {len(articles)} articles")
    return EXIT_OK


def run_trash_empty(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        count = editing.empty_trash(archive)
    print(f"{count} issues deleted for good")
    return EXIT_OK


def run_history(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "ARTICLE_ID")
    with open_archive(args) as archive:
        article = store.get_article(archive.db, article_id)
        if article is None:
            raise CommandError(f"no article with id {article_id}", EXIT_USAGE)
        versions = article_history(archive.db, article_id)
    if args.json:
        print_json(versions)
        return EXIT_OK
    if not versions:
        print(f"article {article_id} has only its present text")
    for version in versions:
        print(f"version {version['version']}  replaced {version['replaced_at']}")
        print(f"  from {one_line(version['source_path'] or '(unknown file)')}")
        print(f"  {one_line(version['title'])}")
    return EXIT_OK

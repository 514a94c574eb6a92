"""``reader topic …``: standing topics (专题监测) from the command line."""

from __future__ import annotations

import argparse

from reader.cli.common import EXIT_OK, open_archive, print_json
from reader.topics import (
    add_hits_to_brief,
    add_topic,
    check_topics,
    list_topics,
    mark_seen,
    remove_topic,
    rename_topic,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    topic = subparsers.add_parser("topic", help="standing topics: queries followed across issues")
    commands = topic.add_subparsers(dest="topic_command", metavar="ACTION", required=True)

    add = commands.add_parser("add", help="follow a query under a name")
    add.add_argument("name", metavar="NAME")
    add.add_argument("query", metavar="QUERY")
    add.set_defaults(handler=run_add)

    listing = commands.add_parser("list", help="the topics and their queries")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)

    remove = commands.add_parser("remove", help="stop following a topic")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=run_remove)

    rename = commands.add_parser("rename", help="give a topic a new name")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW_NAME")
    rename.set_defaults(handler=run_rename)

    check = commands.add_parser("check", help="each topic's hits not yet seen")
    check.add_argument("name", nargs="?", metavar="NAME")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=run_check)

    seen = commands.add_parser("seen", help="mark all of a topic's current hits seen")
    seen.add_argument("name", metavar="NAME")
    seen.set_defaults(handler=run_seen)

    brief = commands.add_parser("brief", help="put a topic's hits into a brief")
    brief.add_argument("name", metavar="NAME")
    brief.add_argument("brief", metavar="BRIEF", help="the brief (created when missing)")
    brief.add_argument("--new", action="store_true", help="only the hits not yet seen")
    brief.set_defaults(handler=run_brief)


def run_add(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        topic = add_topic(archive.db, args.name, args.query)
        print(f"topic {topic.name}: {topic.query}")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        topics = list_topics(archive.db)
        if args.json:
            print_json([topic.to_json() for topic in topics])
            return EXIT_OK
        if not topics:
            print("No topics: add one with `reader topic add NAME QUERY`.")
        for topic in topics:
            print(f"{topic.name}\t{topic.query}")
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        remove_topic(archive.db, args.name)
        print(f"removed topic {args.name}")
    return EXIT_OK


def run_rename(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        topic = rename_topic(archive.db, args.name, args.new_name)
        print(f"topic {args.name} is now {topic.name}")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        statuses = check_topics(archive, args.name)
        if args.json:
            print_json({"topics": [status.to_json() for status in statuses]})
            return EXIT_OK
        for status in statuses:
            print(f"{status.topic.name}: {len(status.new)} new of {status.total}")
            for hit in status.new:
                issue = f"{hit.year or '?'}-{hit.issue_no or '?'}"
                print(f"  {hit.article_id:>6}  {issue:>8}  {hit.title}")
    return EXIT_OK


def run_seen(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        marked = mark_seen(archive, args.name)
        print(f"{args.name}: {marked} hits marked seen")
    return EXIT_OK


def run_brief(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        added = add_hits_to_brief(archive, args.name, args.brief, only_new=args.new)
        print(f"brief {args.brief}: {added} articles added from topic {args.name}")
    return EXIT_OK

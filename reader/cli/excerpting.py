"""``reader brief add-excerpt`` and ``reader brief whole``: excerpt entries (摘编) of a brief."""

from __future__ import annotations

import argparse
from typing import Any

from reader import briefs, excerpts
from reader.cli.common import EXIT_OK, EXIT_USAGE, CommandError, open_archive, parse_id
from reader.store.issues import get_article


def register_actions(actions: argparse._SubParsersAction) -> None:
    """Add the excerpt actions to ``reader brief``."""
    add = actions.add_parser(
        "add-excerpt",
        help="add a passage of an article as an excerpt (摘编): it goes out instead of "
        "the whole article, with a 摘编自 source line",
        description="Add a passage of an article to a brief as an excerpt (摘编). Name the "
        "passage by its text (--quote) or by its character offsets START END in the "
        "article's text (as `reader show ID --json` gives it, END not included). The "
        "article joins the brief when it is not in it; once an entry has excerpts only "
        "they are exported. `reader brief whole` makes it a whole article again.",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("article_id", metavar="ARTICLE_ID")
    add.add_argument("offsets", metavar="START END", nargs="*", help="character offsets")
    add.add_argument("--quote", metavar="TEXT", help="the passage's text, as in the article")
    add.set_defaults(handler=run_add_excerpt)

    whole = actions.add_parser(
        "whole", help="make an excerpt entry a whole article again (its passages are dropped)"
    )
    whole.add_argument("name", metavar="NAME")
    whole.add_argument("article_id", metavar="ARTICLE_ID")
    whole.set_defaults(handler=run_whole)


def _range(db: Any, args: argparse.Namespace, article_id: int) -> tuple[int, int]:
    if args.quote is not None and not args.offsets:
        article = get_article(db, article_id)
        text = article.text if article is not None else ""
        start = (text or "").find(args.quote) if args.quote else -1
        if start < 0:
            raise CommandError(f"article {article_id} has no passage {args.quote!r}")
        return start, start + len(args.quote)
    if args.quote is None and len(args.offsets) == 2:
        try:
            start, end = (int(value) for value in args.offsets)
        except ValueError:
            raise CommandError("START and END must be numbers", EXIT_USAGE) from None
        return start, end
    raise CommandError("give the passage as START END or as --quote TEXT", EXIT_USAGE)


def _run(args: argparse.Namespace, action: Any) -> int:
    """Run ``action(db)`` on the archive and report the brief, as the other brief actions."""
    with open_archive(args) as archive:
        try:
            record = action(archive.db)
        except briefs.BriefError as error:
            raise CommandError(str(error)) from None
    print(f"updated brief {record.name!r} ({len(record.items)} articles)")
    return EXIT_OK


def run_add_excerpt(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "article id")

    def add(db: Any) -> briefs.BriefRecord:
        start, end = _range(db, args, article_id)
        return excerpts.add_excerpt(db, args.name, article_id, start, end)

    return _run(args, add)


def run_whole(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "article id")
    return _run(args, lambda db: excerpts.clear_excerpts(db, args.name, article_id))

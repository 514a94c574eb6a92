"""``reader list``, ``reader show`` and ``reader issue set``: the archive for scripts and eyes."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlite_utils import Database

from reader import briefs
from reader.cli.common import EXIT_OK, EXIT_USAGE, CommandError, open_archive, parse_id, print_json
from reader.cli.terminal import one_line
from reader.messages import EN
from reader.store import issues as store
from reader.store.clashes import clashes_of, issues_claiming
from reader.store.records import ArticleRecord, IssueRecord
from reader.store.sources import list_sources


def register(subparsers: argparse._SubParsersAction) -> None:
    listing = subparsers.add_parser("list", help="list the issues and their articles")
    listing.add_argument("--json", action="store_true", help="print a JSON array of issues")
    listing.set_defaults(handler=run_list)

    show = subparsers.add_parser("show", help="print one article")
    show.add_argument("article_id", metavar="ARTICLE_ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)

    issue = subparsers.add_parser("issue", help="look at or correct an issue's details")
    issue_commands = issue.add_subparsers(dest="issue_command", metavar="ACTION", required=True)
    setter = issue_commands.add_parser(
        "set",
        help="correct an issue's series, year, number, editor… (an empty value clears it)",
    )
    setter.add_argument("issue_id", metavar="ID")
    setter.add_argument("--series")
    setter.add_argument("--year")
    setter.add_argument("--issue-no", dest="issue_no")
    setter.add_argument("--editor-org", dest="editor_org")
    setter.add_argument("--editor")
    setter.add_argument("--phone")
    setter.add_argument("--json", action="store_true")
    setter.set_defaults(handler=run_issue_set)


def article_json(article: ArticleRecord, same_text_as: list[int] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": article.id,
        "ordinal": article.ordinal,
        "title": article.title,
        "toc_title": article.toc_title,
        "toc_page": article.toc_page,
        "column": article.column,
        "source": article.source,
        "text": article.text,
    }
    if same_text_as is not None:
        data["same_text_as"] = same_text_as
    return data


def issue_json(db: Database, issue: IssueRecord) -> dict[str, Any]:
    articles = store.issue_articles(db, issue.id)
    return {
        "id": issue.id,
        "series": issue.series,
        "year": issue.year,
        "issue_no": issue.issue_no,
        "editor_org": issue.editor_org,
        "editor": issue.editor,
        "phone": issue.phone,
        "total_no": issue.total_no,
        "date": issue.date,
        "marking": issue.marking,
        "preface": issue.preface,
        "ocr_confidence": issue.page_confidence() or None,
        "source_path": issue.source_path,
        "source_format": issue.source_format,
        "sources": list_sources(db, issue.id),
        "clash_with": clashes_of(db, issue.id),
        "articles": [article_json(a, store.articles_with_same_text(db, a.id)) for a in articles],
    }


def run_list(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        db = archive.db
        issues = store.list_issues(db)
        if args.json:
            print_json([issue_json(db, issue) for issue in issues])
            return EXIT_OK
        if not issues:
            print("The archive is empty: add issues with `reader import PATH`.")
        for issue in issues:
            editor = " ".join(x for x in (issue.editor_org, issue.editor, issue.phone) if x)
            print(one_line(f"issue {issue.id:>4}  {issue.label(EN)}  {editor}".rstrip()))
            for article in store.issue_articles(db, issue.id):
                page = f"p.{article.toc_page}" if article.toc_page is not None else ""
                print(f"  {article.id:>6}  {page:>5}  {one_line(article.title)}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    article_id = parse_id(args.article_id, "ARTICLE_ID")
    with open_archive(args) as archive:
        db = archive.db
        article = store.get_article(db, article_id)
        if article is None:
            raise CommandError(f"no article with id {article_id}", EXIT_USAGE)
        issue = store.get_issue(db, article.issue_id)
        assert issue is not None
        same = store.articles_with_same_text(db, article.id)
        derived = derived_json(db, article.id)
        if args.json:
            data = article_json(article, same)
            data["in_briefs"] = [
                {"brief": record.brief, "exported_at": record.exported_at}
                for record in briefs.exports_of_article(db, article.id)
            ]
            data["issue"] = {k: v for k, v in issue_json(db, issue).items() if k != "articles"}
            data.update(derived)
            print_json(data)
            return EXIT_OK
        if article.column:
            print(one_line(f"【{article.column}】"))
        print(one_line(article.title))
        page = f"，第{article.toc_page}页" if article.toc_page is not None else ""
        print(one_line(f"（{issue.label()}{page}）"))
        if article.source:
            print(one_line(f"（来源：{article.source}）"))
        if same:
            print(f"（同文亦见文章 {', '.join(str(i) for i in same)}）")
        for similar in derived["similar_to"]:
            print(f"（另见文章 {similar['article_id']}，相似 {similar['similarity']:.2f}）")
        if derived["regions"]:
            print(
                "（地区："
                + "、".join(r["city"] or r["province"] for r in derived["regions"])
                + "）"
            )
        for record in briefs.exports_of_article(db, article.id):
            print(f"（已编入《{record.brief}》，{record.exported_at[:10]}）")
        print()
        for paragraph in article.paragraphs:
            print(f"　　{one_line(paragraph)}")
    return EXIT_OK


def derived_json(db: Database, article_id: int) -> dict[str, Any]:
    """What the import derived from an article: its edited reprints, regions and keywords."""
    from reader.keywords import keywords_of
    from reader.regions import regions_of
    from reader.reprints import similar_to

    return {
        "similar_to": [s.to_json() for s in similar_to(db, article_id)],
        "regions": [r.to_json() for r in regions_of(db, article_id)],
        "keywords": keywords_of(db, article_id),
    }


_INTEGER_FIELDS = ("year", "issue_no")


def run_issue_set(args: argparse.Namespace) -> int:
    issue_id = parse_id(args.issue_id, "issue ID")
    changes: dict[str, Any] = {}
    for name in store.EDITABLE_ISSUE_FIELDS:
        value = getattr(args, name)
        if value is None:
            continue
        value = value.strip()
        if value == "":
            changes[name] = None
        elif name in _INTEGER_FIELDS:
            if not value.isdigit():
                option = "--" + name.replace("_", "-")
                raise CommandError(f"{option} must be a whole number, not {value!r}", EXIT_USAGE)
            changes[name] = int(value)
        else:
            changes[name] = value
    if not changes:
        raise CommandError("nothing to change: give --year, --issue-no, --series, …", EXIT_USAGE)
    with open_archive(args) as archive:
        issue = store.update_issue_fields(archive.db, issue_id, changes)
        if args.json:
            print_json({k: v for k, v in issue_json(archive.db, issue).items() if k != "articles"})
        else:
            print(one_line(f"issue {issue.id}: {issue.label(EN)}"))
        rivals = issues_claiming(
            archive.db, issue.series, issue.year, issue.issue_no, except_id=issue.id
        )
        for rival in rivals:
            print(
                f"reader: issue {rival} claims the same series, year and number; "
                f"merge them with `reader issue merge {issue.id} {rival}` or keep them apart",
                file=sys.stderr,
            )
    return EXIT_OK

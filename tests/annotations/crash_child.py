"""A child process for the kill -9 tests: writes in a loop, printing what each commit confirmed.

Run as ``python -m tests.annotations.crash_child ARCHIVE MODE``. Every line it prints was
printed (and flushed) only after the write it names had returned, i.e. was confirmed.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from reader.annotations import (
    add_bookmark,
    add_highlight,
    add_note,
    add_tag,
    delete_bookmark,
    reanchor_article_highlights,
    update_note,
)
from reader.archive import Archive
from reader.parsing.model import ParsedArticle
from reader.store.issues import insert_issue, issue_articles, replace_issue_content
from tests.support.issues import invented_issue
from tests.support.stories import DAIRY, ROBOTS


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def annotate(archive: Archive) -> None:
    db = archive.db
    step = 0
    while True:
        step += 1
        note = add_note(db, 1, f"笔记 <b>{step}</b>\n" + "长" * (step % 50))
        say(f"note {note.id} {step}")
        update_note(db, note.id, f"edit {step}")
        say(f"edit {note.id} {step}")
        highlight = add_highlight(db, 1 + step % 2, step % 10, step % 10 + 3, note=str(step))
        say(f"highlight {highlight.id}")
        add_tag(db, 1 + step % 2, f"标签{step}")
        say(f"tag {1 + step % 2} 标签{step}")
        if step % 2:
            add_bookmark(db, 2, position=step % 20)
            say("bookmark 2 on")
        else:
            delete_bookmark(db, 2)
            say("bookmark 2 off")


def import_issues(archive: Archive) -> None:
    db = archive.db
    step = 0
    while True:
        step += 1
        parsed = invented_issue(year=3000 + step % 97, issue_no=1000 + step)
        with db.atomic():
            issue_id = insert_issue(db, parsed, None)
        say(f"issue {issue_id} {len(issue_articles(db, issue_id))}")
        # A newer printing of issue 1 changes article 1's text, as a re-import does.
        lead = [f"（第{step}次修订）"] if step % 2 else []
        reprint = invented_issue([ParsedArticle(DAIRY.title, lead + DAIRY.paragraphs), ROBOTS])
        with db.atomic():
            changed = replace_issue_content(db, 1, reprint, None)  # type: ignore[arg-type]
            for article_id in changed:
                reanchor_article_highlights(db, article_id)
        say(f"reprint {step}")
        note = add_note(db, 1, f"import step {step}")
        say(f"note {note.id} {step}")


def reindex(archive: Archive) -> None:
    rebuild = importlib.import_module("reader.search").rebuild_index
    step = 0
    while True:
        step += 1
        note = add_note(archive.db, 1 + step % 2, f"reindex step {step}")
        say(f"note {note.id} {step}")
        rebuild(archive)
        say(f"rebuilt {step}")


MODES = {"annotate": annotate, "import": import_issues, "reindex": reindex}


def main() -> None:
    folder, mode = Path(sys.argv[1]), sys.argv[2]
    with Archive(folder) as archive:
        say("ready")
        MODES[mode](archive)


if __name__ == "__main__":
    main()

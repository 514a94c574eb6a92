"""Fixtures for the export tests: an archive holding the invented sample articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.archive import Archive
from tests.export.samples import add_sample_issues


@pytest.fixture
def sample_archive(archive_dir: Path) -> Iterator[tuple[Archive, list[int]]]:
    """An archive with the three sample articles; yields it and their ids."""
    with Archive(archive_dir) as archive:
        with archive.db.atomic():
            ids = add_sample_issues(archive.db)
        yield archive, ids


BRIEF_TITLE = "专题<b>汇编</b> *第1辑* #1 & <script>x()</script>"
PREFACE = "编者按第一段：<i>斜体</i> 不应生效。\n\n编者按第二段 # 不是标题。"


@pytest.fixture
def sample_brief(sample_archive: tuple[Archive, list[int]]) -> tuple[Archive, list[int]]:
    """A saved brief "样例" of the three sample articles in the order 2, 3, 1, with a
    preface and an editor's note on the first; yields the archive and that order."""
    from reader import briefs
    from tests.export.samples import MARKUP_NOTE

    archive, ids = sample_archive
    order = [ids[1], ids[2], ids[0]]
    briefs.create_brief(
        archive.db,
        "样例",
        BRIEF_TITLE,
        subtitle="副标题 <u>",
        compiler="编印：某中心",
        date="2024年6月",
        preface=PREFACE,
    )
    briefs.add_articles(archive.db, "样例", order)
    briefs.set_item_note(archive.db, "样例", ids[1], MARKUP_NOTE)
    return archive, order

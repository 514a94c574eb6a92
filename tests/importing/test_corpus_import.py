"""The five real bulletins imported into one archive, through the same path the CLI uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive
from reader.importer import ALREADY, IMPORTED, import_paths
from reader.store import issues as store

pytestmark = pytest.mark.corpus

# What the corpus README says of each file: (year, issue number, article count).
EXPECTED = {
    "000": (2023, 8, 7),
    "001": (2024, 1, 6),
    "002": (2023, 7, 6),
    "003": (None, None, 6),
    "004": (2022, 8, 8),
}


def test_the_real_bulletins_import_as_five_issues(archive: Archive, corpus_dir: Path) -> None:
    report = import_paths(archive, [corpus_dir])

    assert [o.status for o in report.outcomes] == [IMPORTED] * 5, report.summary()
    issues = {Path(i.source_path or "").name[:3]: i for i in store.list_issues(archive.db)}
    for prefix, (year, number, count) in EXPECTED.items():
        issue = issues[prefix]
        assert (issue.year, issue.issue_no) == (year, number)
        assert len(store.issue_articles(archive.db, issue.id)) == count
        if year is None:
            assert issue.series is None and issue.editor is None and issue.phone is None
        else:
            assert issue.series == "科技情报参考"
            assert issue.editor_org == "呼和浩特市科学技术局综合保障中心"
            assert issue.editor == "李涛"
            assert issue.phone == "4366683"


def test_the_article_printed_in_two_issues_is_known_as_the_same_text(
    archive: Archive, corpus_dir: Path
) -> None:
    import_paths(archive, [corpus_dir])
    db = archive.db
    nanjing = [
        a for a in store.iter_all_articles(db) if a.title.startswith("南京市扎实推进原始创新")
    ]

    assert len(nanjing) == 2
    assert nanjing[0].issue_id != nanjing[1].issue_id
    assert nanjing[0].text == nanjing[1].text
    assert store.articles_with_same_text(db, nanjing[0].id) == [nanjing[1].id]


def test_importing_the_corpus_again_changes_nothing(archive: Archive, corpus_dir: Path) -> None:
    import_paths(archive, [corpus_dir])
    count = store.count_articles(archive.db)

    again = import_paths(archive, [corpus_dir])

    assert [o.status for o in again.outcomes] == [ALREADY] * 5
    assert store.count_articles(archive.db) == count

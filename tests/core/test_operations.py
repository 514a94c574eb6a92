"""Operations say what they changed, and an import can be cancelled between files."""

from __future__ import annotations

from pathlib import Path

from reader import importer
from reader.archive import Archive
from reader.operations import NOTHING, Changes, annotating, briefing, curating, maintenance
from reader.store.issues import issue_articles, list_issues
from tests.support.make_samples import write_samples


def test_each_kind_of_operation_names_what_it_changed(archive: Archive, tmp_path: Path) -> None:
    files = write_samples(tmp_path / "in")
    first = maintenance.import_files(archive, files[:1], lambda _d, _t: None)
    assert first.changes.issues and first.changes.articles and first.changes.index
    again = maintenance.import_files(archive, files[:1], lambda _d, _t: None)
    assert again.value.count(importer.ALREADY) == 1 and again.changes == NOTHING
    (issue,) = list_issues(archive.db)
    article_id = issue_articles(archive.db, issue.id)[0].id

    bookmark = annotating.add_bookmark(archive, article_id)
    assert bookmark.changes == Changes(annotations=True) and bookmark.value.article_id == article_id
    brief = briefing.add_articles(archive, None, [article_id], "新简报")
    assert brief.changes == Changes(briefs=True) and brief.value.article_ids == [article_id]
    exported = annotating.export_annotations_file(archive, tmp_path / "notes.json")
    assert exported.changes == NOTHING and exported.value == 1
    trashed = curating.delete_issues(archive, [issue.id])
    assert trashed.changes.issues and trashed.changes.briefs and trashed.changes.index
    assert list_issues(archive.db) == []


def test_a_cancelled_import_keeps_what_is_done_and_starts_nothing_more(
    archive: Archive, tmp_path: Path
) -> None:
    files = write_samples(tmp_path / "in")
    assert len(files) >= 3
    started: list[Path] = []

    def on_file(_done: int, _total: int, path: Path) -> None:
        started.append(path)

    result = maintenance.import_files(
        archive,
        files,
        lambda _d, _t: None,
        on_file=on_file,
        cancelled=lambda: len(started) >= 2,  # the editor cancels while the second is read
    )
    report = result.value
    assert report.count(importer.IMPORTED) == 2
    assert report.not_started == files[2:]
    assert len(list_issues(archive.db)) == 2

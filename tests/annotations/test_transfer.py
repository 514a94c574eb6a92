from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.annotations import (
    AnnotationError,
    add_bookmark,
    add_highlight,
    add_note,
    add_tag,
    list_bookmarks,
    list_highlights,
    list_notes,
    list_tags,
)
from reader.annotations.transfer import (
    import_annotations,
    read_annotations_file,
    write_annotations_file,
)
from reader.archive import Archive
from reader.parsing.model import ParsedArticle
from reader.store.issues import get_article
from tests.support.archives import add_issue
from tests.support.issues import invented_issue
from tests.support.stories import DAIRY, ROBOTS, SEEDS


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Archive]:
    """An archive with two issues; ROBOTS is printed in both."""
    with Archive(tmp_path / "source") as archive:
        add_issue(archive, invented_issue([DAIRY, ROBOTS], issue_no=5))
        add_issue(archive, invented_issue([SEEDS, ROBOTS], issue_no=6))
        yield archive


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Archive]:
    """A second, empty archive (another machine's)."""
    with Archive(tmp_path / "target") as archive:
        yield archive


def _annotate(archive: Archive) -> None:
    db = archive.db
    dairy, robots5, seeds, robots6 = 1, 2, 3, 4
    add_note(db, dairy, "<script>留意</script>\n# 乳业笔记")
    add_note(db, robots6, "第六期的机器人")
    add_bookmark(db, seeds, position=3)
    text = get_article(db, dairy).text  # type: ignore[union-attr]
    start = text.index("乳品研究院")
    add_highlight(db, dairy, start, start + 5, color="blue", note="重点")
    add_tag(db, dairy, "乳业")
    add_tag(db, robots5, "制造")


def _snapshot(archive: Archive) -> dict[str, object]:
    """Annotations described by article titles and issue numbers, not ids."""
    db = archive.db

    def where(article_id: int) -> tuple[str, int]:
        row = db.execute(
            "SELECT articles.title, issues.issue_no FROM articles "
            "JOIN issues ON issues.id = articles.issue_id WHERE articles.id = ?",
            [article_id],
        ).fetchone()
        return row[0], row[1]

    return {
        "notes": sorted((where(n.article_id), n.text) for n in list_notes(db)),
        "bookmarks": sorted((where(b.article_id), b.position) for b in list_bookmarks(db)),
        "highlights": sorted(
            (where(h.article_id), h.quote, h.start, h.color, h.note, h.status)
            for h in list_highlights(db)
        ),
        "tags": sorted(
            (where(a), t.name)
            for t in list_tags(db)
            for (a,) in db.execute(
                "SELECT article_id FROM article_tags WHERE tag_id = ?", [t.id]
            ).fetchall()
        ),
    }


def test_moved_by_content_into_an_archive_with_other_ids(
    source: Archive, target: Archive, tmp_path: Path
) -> None:
    _annotate(source)
    path = tmp_path / "notes.json"
    assert write_annotations_file(source.db, path) == 4
    # The same issues imported in the other order, after an unrelated one: ids all differ.
    add_issue(target, invented_issue([ParsedArticle("无关文章", ["无关内容。"])], issue_no=1))
    add_issue(target, invented_issue([SEEDS, ROBOTS], issue_no=6))
    add_issue(target, invented_issue([DAIRY, ROBOTS], issue_no=5))

    report = import_annotations(target.db, read_annotations_file(path))
    assert (report.matched, report.unmatched) == (4, 0)
    assert (report.notes_added, report.bookmarks_added) == (2, 1)
    assert (report.highlights_added, report.tags_added) == (1, 2)
    assert _snapshot(target) == _snapshot(source)

    again = import_annotations(target.db, read_annotations_file(path))
    assert (again.added, again.already_present, again.matched) == (0, 6, 4)
    assert _snapshot(target) == _snapshot(source)


def test_unmatched_articles_are_reported(source: Archive, target: Archive, tmp_path: Path) -> None:
    _annotate(source)
    path = tmp_path / "notes.json"
    write_annotations_file(source.db, path)
    add_issue(target, invented_issue([DAIRY], issue_no=5))
    report = import_annotations(target.db, read_annotations_file(path))
    assert (report.matched, report.unmatched) == (1, 3)
    assert sorted(report.unmatched_titles) == sorted([ROBOTS.title, SEEDS.title, ROBOTS.title])
    assert [n.text for n in list_notes(target.db)] == ["<script>留意</script>\n# 乳业笔记"]


def test_changed_text_matched_by_title_and_issue(
    source: Archive, target: Archive, tmp_path: Path
) -> None:
    _annotate(source)
    path = tmp_path / "notes.json"
    write_annotations_file(source.db, path)
    revised = ParsedArticle(DAIRY.title, ["【修订】", *DAIRY.paragraphs])
    (dairy, _) = add_issue(target, invented_issue([revised, ROBOTS], issue_no=5))
    import_annotations(target.db, read_annotations_file(path))
    (highlight,) = list_highlights(target.db)
    text = get_article(target.db, dairy).text  # type: ignore[union-attr]
    assert highlight.article_id == dairy
    assert (highlight.status, text[highlight.start : highlight.end]) == ("moved", "乳品研究院")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not json", "not a JSON file"),
        (b"[1, 2]", "not a reader annotations file"),
        (b'{"format": "reader-annotations", "version": 99, "articles": []}', "newer"),
        (b'{"format": "reader-annotations", "version": 1, "articles": {}}', "no list"),
    ],
)
def test_bad_files_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(AnnotationError, match=message):
        read_annotations_file(path)


def test_malformed_entry_imports_nothing(source: Archive) -> None:
    data = {
        "format": "reader-annotations",
        "version": 1,
        "articles": [
            {
                "article": {"content_hash": get_article(source.db, 1).content_hash},  # type: ignore[union-attr]
                "notes": [{"text": "第一条会回滚"}],
            },
            {"article": "oops"},
        ],
    }
    with pytest.raises(AnnotationError, match=r"articles\[1\].article must be an object"):
        import_annotations(source.db, json.loads(json.dumps(data)))
    assert list_notes(source.db) == []

"""Which hits are one piece printed again (同文, edited reprints), and which went out (已编入)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive
from reader.briefs import record_export
from reader.hit_families import families
from reader.store.trash import trash_issues
from tests.support.reprinted import PIECE_TITLE, reprinted_archive


@pytest.fixture
def archive(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = reprinted_archive(tmp_path / "archive", tmp_path / "files")
    with Archive(folder) as opened:
        yield opened


def _printings(archive: Archive) -> dict[tuple[int, int], int]:
    """The piece's article id in each (year, issue number)."""
    rows = archive.db.execute(
        "SELECT a.id, i.year, i.issue_no FROM articles a JOIN issues i ON i.id = a.issue_id"
        " WHERE a.title LIKE ?",
        [PIECE_TITLE + "%"],
    ).fetchall()
    return {(year, issue_no): article_id for article_id, year, issue_no in rows}


def test_twins_and_edited_reprints_name_one_first_printing(archive: Archive) -> None:
    piece = _printings(archive)
    first, twin, reprint = piece[(2023, 7)], piece[(2023, 9)], piece[(2024, 2)]
    found = families(archive.db, [reprint, twin, first])
    assert {f.first_printing for f in found.values()} == {first}
    assert [p.article_id for p in found[twin].same_text] == [first]
    assert [(p.year, p.issue_no) for p in found[first].same_text] == [(2023, 9)]
    assert found[reprint].same_text == ()  # edited: not the very same text
    assert found[first].text_key == found[twin].text_key != found[reprint].text_key
    other = archive.db.execute("SELECT id FROM articles WHERE title = '示例市推进科技金融'")
    (other_id,) = other.fetchone()
    assert families(archive.db, [other_id])[other_id].first_printing == other_id


def test_an_article_in_an_exported_brief_is_marked(archive: Archive) -> None:
    piece = _printings(archive)
    record_export(archive.db, [piece[(2023, 9)]], title="专题", fmt="md", path="/x.md")
    found = families(archive.db, piece.values())
    assert [k for k, a in piece.items() if found[a].exported] == [(2023, 9)]


def test_a_printing_in_the_trash_is_no_longer_named(archive: Archive) -> None:
    piece = _printings(archive)
    issue = archive.db.execute(
        "SELECT issue_id FROM articles WHERE id = ?", [piece[(2023, 7)]]
    ).fetchone()[0]
    trash_issues(archive.db, [issue])
    found = families(archive.db, [piece[(2023, 9)], piece[(2024, 2)], piece[(2023, 7)]])
    assert piece[(2023, 7)] not in found
    assert found[piece[(2023, 9)]].same_text == ()
    assert found[piece[(2024, 2)]].first_printing == piece[(2023, 9)]

from __future__ import annotations

import pytest

from reader.annotations import AnnotationError, add_note, delete_note, list_notes, update_note
from reader.archive import Archive


def test_several_notes_per_article_kept_in_order(filled: tuple[Archive, list[int]]) -> None:
    archive, (first, second) = filled
    a = add_note(archive.db, first, "第一条")
    b = add_note(archive.db, first, "第二条")
    c = add_note(archive.db, second, "另一篇")
    assert [n.text for n in list_notes(archive.db, first)] == ["第一条", "第二条"]
    assert [n.id for n in list_notes(archive.db)] == [a.id, b.id, c.id]
    assert a.created == a.updated


def test_markup_and_any_characters_are_stored_as_typed(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    text = '<script>alert("x")</script> <b>粗</b> &amp; 𠀀\u0000\r\n# 标题\n' + "长" * 100_000
    note = add_note(archive.db, article, text)
    # A second connection reads what was committed, not a cached copy.
    with Archive(archive.folder) as other:
        assert list_notes(other.db, article)[0].text == text
    assert note.text == text


def test_edit_changes_text_and_updated_time_only(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    note = add_note(archive.db, article, "草稿")
    edited = update_note(archive.db, note.id, "定稿 **Markdown**")
    assert edited.text == "定稿 **Markdown**"
    assert edited.created == note.created
    assert edited.updated >= note.updated
    assert list_notes(archive.db, article) == [edited]


def test_delete_removes_only_that_note(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    keep = add_note(archive.db, article, "留下")
    gone = add_note(archive.db, article, "删掉")
    assert delete_note(archive.db, gone.id).text == "删掉"
    assert list_notes(archive.db, article) == [keep]


@pytest.mark.parametrize(
    "call",
    [
        lambda db: add_note(db, 999, "x"),
        lambda db: update_note(db, 999, "x"),
        lambda db: delete_note(db, 999),
        lambda db: list_notes(db, 999),
    ],
)
def test_bad_ids_give_a_clear_error(filled: tuple[Archive, list[int]], call) -> None:  # type: ignore[no-untyped-def]
    archive, _ = filled
    with pytest.raises(AnnotationError, match="999"):
        call(archive.db)


def test_text_that_is_not_unicode_is_refused(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    with pytest.raises(AnnotationError, match="not valid Unicode"):
        add_note(archive.db, article, "bad \udcff byte")
    assert list_notes(archive.db, article) == []

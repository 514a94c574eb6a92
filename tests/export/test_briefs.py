"""Briefs in the store: create, fill, reorder, annotate, rename, copy, delete."""

from __future__ import annotations

import pytest

from reader import briefs
from reader.archive import Archive
from reader.briefs import BriefError
from reader.store.issues import get_article
from tests.export.samples import add_many_articles


@pytest.fixture
def db_and_ids(archive: Archive) -> tuple[object, list[int]]:
    with archive.db.atomic():
        ids = add_many_articles(archive.db, 5, paragraphs=2)
    return archive.db, ids


def positions(record: briefs.BriefRecord) -> list[int]:
    return [item.position for item in record.items]


def test_create_keeps_the_cover_fields_and_defaults_the_title_to_the_name(db_and_ids):
    db, _ = db_and_ids
    plain = briefs.create_brief(db, "乳业")
    assert (plain.name, plain.title, plain.items) == ("乳业", "乳业", ())
    full = briefs.create_brief(
        db,
        "创新",
        "科技创新专题汇编",
        subtitle="第一辑",
        compiler="综合保障中心",
        date="2024年6月",
        preface="编者按的内容。",
    )
    again = briefs.get_brief(db, "创新")
    assert again == full
    assert (again.title, again.subtitle, again.compiler, again.date, again.preface) == (
        "科技创新专题汇编",
        "第一辑",
        "综合保障中心",
        "2024年6月",
        "编者按的内容。",
    )
    assert briefs.get_brief(db, full.id) == full
    assert {b.name for b in briefs.list_briefs(db)} == {"乳业", "创新"}


def test_names_are_unique_and_not_empty(db_and_ids):
    db, _ = db_and_ids
    briefs.create_brief(db, "乳业")
    with pytest.raises(BriefError, match="already exists"):
        briefs.create_brief(db, "乳业")
    with pytest.raises(BriefError, match="needs a name"):
        briefs.create_brief(db, "  ")
    with pytest.raises(BriefError, match="no brief named"):
        briefs.get_brief(db, "没有")


def test_articles_are_added_in_order_once_and_unknown_ids_refused(db_and_ids):
    db, ids = db_and_ids
    briefs.create_brief(db, "b")
    record = briefs.add_articles(db, "b", [ids[2], ids[0]])
    record = briefs.add_articles(db, "b", [ids[0], ids[1]])  # ids[0] is there already
    assert record.article_ids == [ids[2], ids[0], ids[1]]
    assert positions(record) == [1, 2, 3]
    record = briefs.add_articles(db, "b", [ids[3]], position=1)
    assert record.article_ids == [ids[3], ids[2], ids[0], ids[1]]
    with pytest.raises(BriefError, match="no article with id 999"):
        briefs.add_articles(db, "b", [ids[4], 999])
    assert briefs.get_brief(db, "b").article_ids == record.article_ids


def test_move_article_forward_backward_and_past_the_ends(db_and_ids):
    db, ids = db_and_ids
    briefs.create_brief(db, "b")
    briefs.add_articles(db, "b", ids)
    a, b, c, d, e = ids
    assert briefs.move_article(db, "b", a, 3).article_ids == [b, c, a, d, e]
    assert briefs.move_article(db, "b", e, 1).article_ids == [e, b, c, a, d]
    assert briefs.move_article(db, "b", e, 99).article_ids == [b, c, a, d, e]
    record = briefs.move_article(db, "b", d, 0)
    assert record.article_ids == [d, b, c, a, e]
    assert positions(record) == [1, 2, 3, 4, 5]
    with pytest.raises(BriefError, match="not in brief"):
        briefs.move_article(db, "b", 999, 1)


def test_remove_closes_the_gap_and_keeps_the_article(db_and_ids):
    db, ids = db_and_ids
    briefs.create_brief(db, "b")
    briefs.add_articles(db, "b", ids[:3])
    record = briefs.remove_article(db, "b", ids[1])
    assert record.article_ids == [ids[0], ids[2]]
    assert positions(record) == [1, 2]
    assert get_article(db, ids[1]) is not None
    with pytest.raises(BriefError):
        briefs.remove_article(db, "b", ids[1])


def test_reorder_takes_a_whole_new_order_only(db_and_ids):
    db, ids = db_and_ids
    briefs.create_brief(db, "b")
    briefs.add_articles(db, "b", ids[:3])
    new_order = [ids[2], ids[0], ids[1]]
    assert briefs.reorder_articles(db, "b", new_order).article_ids == new_order
    with pytest.raises(BriefError, match="exactly once"):
        briefs.reorder_articles(db, "b", [ids[0], ids[1]])


def test_item_notes_are_set_and_cleared(db_and_ids):
    db, ids = db_and_ids
    briefs.create_brief(db, "b")
    briefs.add_articles(db, "b", ids[:2])
    record = briefs.set_item_note(db, "b", ids[1], "  请重点阅读第二部分 <b>  ")
    assert [item.note for item in record.items] == [None, "请重点阅读第二部分 <b>"]
    record = briefs.set_item_note(db, "b", ids[1], "")
    assert [item.note for item in record.items] == [None, None]
    with pytest.raises(BriefError):
        briefs.set_item_note(db, "b", ids[4], "不在汇编里")


def test_update_rename_duplicate_and_delete(db_and_ids):
    db, ids = db_and_ids
    briefs.create_brief(db, "b", "旧标题", subtitle="副标题")
    briefs.add_articles(db, "b", ids[:3])
    briefs.set_item_note(db, "b", ids[0], "注")
    updated = briefs.update_brief(db, "b", title="新标题", subtitle=None)
    assert (updated.title, updated.subtitle) == ("新标题", None)
    with pytest.raises(BriefError, match="needs a title"):
        briefs.update_brief(db, "b", title="")

    briefs.create_brief(db, "other")
    with pytest.raises(BriefError, match="already exists"):
        briefs.rename(db, "b", "other")
    renamed = briefs.rename(db, "b", "汇编一")
    assert renamed.name == "汇编一" and renamed.id == updated.id

    copy = briefs.duplicate(db, "汇编一", "汇编二")
    assert copy.id != renamed.id
    assert copy.article_ids == renamed.article_ids
    assert [i.note for i in copy.items] == [i.note for i in renamed.items]
    assert copy.title == "新标题"
    # The copy is independent of the original.
    briefs.move_article(db, "汇编二", ids[0], 3)
    assert briefs.get_brief(db, "汇编一").article_ids == ids[:3]

    briefs.delete(db, "汇编一")
    assert {b.name for b in briefs.list_briefs(db)} == {"汇编二", "other"}
    assert get_article(db, ids[0]) is not None
    assert (
        db.execute("SELECT count(*) FROM brief_items WHERE brief_id = ?", [renamed.id]).fetchone()[
            0
        ]
        == 0
    )

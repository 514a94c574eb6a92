from __future__ import annotations

import pytest

from reader.annotations import (
    AnnotationError,
    add_highlight,
    delete_highlight,
    get_highlight,
    list_highlights,
    reanchor_article_highlights,
    update_highlight,
)
from reader.archive import Archive
from reader.parsing.model import ParsedArticle
from reader.store.issues import get_article, replace_issue_content
from tests.support.issues import invented_issue
from tests.support.stories import DAIRY, ROBOTS


def _set_text(archive: Archive, article_id: int, text: str) -> None:
    with archive.db.atomic():
        archive.db.execute("UPDATE articles SET text = ? WHERE id = ?", [text, article_id])


def _span(archive: Archive, article_id: int, words: str) -> tuple[int, int]:
    article = get_article(archive.db, article_id)
    assert article is not None
    start = article.text.index(words)
    return start, start + len(words)


def test_highlight_keeps_offsets_quote_colour_and_note(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    start, end = _span(archive, article, "乳品研究院")
    made = add_highlight(archive.db, article, start, end, color="Green", note="<b>重点</b>")
    assert (made.quote, made.color, made.note, made.status) == (
        "乳品研究院",
        "green",
        "<b>重点</b>",
        "anchored",
    )
    assert list_highlights(archive.db, article) == [made]
    changed = update_highlight(archive.db, made.id, color="#FFAA00", note="改")
    assert (changed.color, changed.note, changed.quote) == ("#ffaa00", "改", "乳品研究院")
    assert update_highlight(archive.db, made.id, clear_note=True).note is None
    delete_highlight(archive.db, made.id)
    assert list_highlights(archive.db) == []


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (5, 5, "does not fit"),
        (9, 3, "does not fit"),
        (0, 10_000, "does not fit"),
        (-1, 2, "does not fit"),
    ],
)
def test_bad_ranges_refused(
    filled: tuple[Archive, list[int]], start: int, end: int, message: str
) -> None:
    archive, (article, _) = filled
    with pytest.raises(AnnotationError, match=message):
        add_highlight(archive.db, article, start, end)
    assert list_highlights(archive.db) == []


def test_bad_colour_and_ids_refused(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    with pytest.raises(AnnotationError, match="unknown highlight colour"):
        add_highlight(archive.db, article, 0, 2, color="red;drop")
    with pytest.raises(AnnotationError, match="no article 31337"):
        add_highlight(archive.db, 31337, 0, 2)
    with pytest.raises(AnnotationError, match="no highlight 5"):
        get_highlight(archive.db, 5)


def test_text_changed_before_the_quote_moves_it(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    start, end = _span(archive, article, "益生菌菌种选育")
    made = add_highlight(archive.db, article, start, end)
    old = get_article(archive.db, article)
    assert old is not None
    _set_text(archive, article, "【更正】新增一句导语。" + old.text)
    (result,) = reanchor_article_highlights(archive.db, article)
    now = get_highlight(archive.db, made.id)
    new_text = "【更正】新增一句导语。" + old.text
    assert (result.status, now.status) == ("moved", "moved")
    assert new_text[now.start : now.end] == "益生菌菌种选育"
    assert now.start == start + len("【更正】新增一句导语。")
    assert (result.old_start, result.start) == (start, now.start)


def test_unchanged_range_stays_anchored(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    made = add_highlight(archive.db, article, 0, 5)
    old = get_article(archive.db, article)
    assert old is not None
    _set_text(archive, article, old.text + "\n补充一段。")
    assert [r.status for r in reanchor_article_highlights(archive.db, article)] == ["anchored"]
    assert get_highlight(archive.db, made.id) == made


def test_removed_quote_is_lost_but_kept(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    start, end = _span(archive, article, "益生菌菌种选育")
    made = add_highlight(archive.db, article, start, end, note="我的批注")
    _set_text(archive, article, "全文改写，原句已删除。")
    (result,) = reanchor_article_highlights(archive.db, article)
    kept = get_highlight(archive.db, made.id)
    assert result.status == kept.status == "lost"
    assert (kept.quote, kept.note, kept.start, kept.end) == (
        "益生菌菌种选育",
        "我的批注",
        start,
        end,
    )
    # The quote comes back in a later printing: the highlight is found again.
    _set_text(archive, article, "开头。益生菌菌种选育。")
    (again,) = reanchor_article_highlights(archive.db, article)
    assert again.status == "moved"
    found = get_highlight(archive.db, made.id)
    assert (found.start, found.end, found.status) == (3, 10, "moved")


def test_nearest_occurrence_wins(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    sentence = "乳业企业扩大生产，带动农户增收。"  # 乳业 every 16 characters
    _set_text(archive, article, sentence * 5)
    made = add_highlight(archive.db, article, 32, 34)  # the third 乳业
    _set_text(archive, article, "前言：" + sentence * 5)
    reanchor_article_highlights(archive.db, article)
    assert get_highlight(archive.db, made.id).start == 35


def test_quote_broken_by_a_new_line_break_is_found(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    start, end = _span(archive, article, "乳品研究院")
    made = add_highlight(archive.db, article, start, end)
    old = get_article(archive.db, article)
    assert old is not None
    _set_text(archive, article, old.text.replace("乳品研究院", "乳品\n研究院"))
    (result,) = reanchor_article_highlights(archive.db, article)
    now = get_highlight(archive.db, made.id)
    assert result.status == "moved"
    assert now.quote == "乳品\n研究院"
    assert (now.start, now.end) == (start, end + 1)


def test_reimport_through_the_store_keeps_and_reanchors(filled: tuple[Archive, list[int]]) -> None:
    archive, (article, _) = filled
    start, end = _span(archive, article, "鲜奶日加工能力")
    made = add_highlight(archive.db, article, start, end)
    reprint = invented_issue(
        [ParsedArticle(DAIRY.title, ["（修订版）", *DAIRY.paragraphs]), ROBOTS]
    )
    with archive.db.atomic():
        changed = replace_issue_content(archive.db, 1, reprint, None)  # type: ignore[arg-type]
        results = [r for a in changed for r in reanchor_article_highlights(archive.db, a)]
    assert changed == [article]
    assert [r.status for r in results] == ["moved"]
    now = get_highlight(archive.db, made.id)
    text = get_article(archive.db, article).text  # type: ignore[union-attr]
    assert text[now.start : now.end] == "鲜奶日加工能力"

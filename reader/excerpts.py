"""Excerpts (摘编): a brief entry that goes out as chosen passages of its article.

The editor selects a passage in the reading pane (or names its offsets on the command
line); :func:`add_excerpt` puts the article in the brief if it is not there yet and adds
the passage to its entry. An entry with excerpts is exported as those passages alone, in
reading order, under the article's title with a 摘编自 source line; :func:`clear_excerpts`
makes it a whole article again. Offsets count characters of the article's text as stored.
"""

from __future__ import annotations

from sqlite_utils import Database

from reader.briefs import BriefError, BriefRecord, BriefRef, add_articles, get_brief
from reader.store.issues import get_article, now_iso


def add_excerpt(
    db: Database, brief: BriefRef, article_id: int, start: int, end: int
) -> BriefRecord:
    """Add the passage ``[start, end)`` of an article to a brief as an excerpt.

    The article joins the brief (at the end) when it is not in it; a whole-article entry
    becomes an excerpt entry. The same passage twice is kept once.

    Raises:
        BriefError: no such brief or article, or a range that holds no text.
    """
    article = get_article(db, article_id)
    if article is None:
        raise BriefError("brief.no_such_article", article_id=article_id)
    text = article.text or ""
    if not 0 <= start < end <= len(text):
        raise BriefError(
            "brief.passage_outside", start=start, end=end, article_id=article_id, length=len(text)
        )
    # Whitespace at either end of a selection is not part of the passage.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise BriefError("brief.empty_passage")
    with db.atomic():
        record = get_brief(db, brief)
        if article_id not in record.article_ids:
            record = add_articles(db, record.id, [article_id])
        item_id = db.execute(
            "SELECT id FROM brief_items WHERE brief_id = ? AND article_id = ?",
            [record.id, article_id],
        ).fetchone()[0]
        known = db.execute(
            'SELECT 1 FROM brief_excerpts WHERE item_id = ? AND start = ? AND "end" = ?',
            [item_id, start, end],
        ).fetchone()
        if known is None:
            stamp = now_iso()
            db.execute(
                'INSERT INTO brief_excerpts (item_id, start, "end", text, created) '
                "VALUES (?, ?, ?, ?, ?)",
                [item_id, start, end, text[start:end], stamp],
            )
            db.execute("UPDATE briefs SET updated = ? WHERE id = ?", [stamp, record.id])
    return get_brief(db, record.id)


def clear_excerpts(db: Database, brief: BriefRef, article_id: int) -> BriefRecord:
    """Make an excerpt entry a whole article again (its passages are forgotten).

    Raises:
        BriefError: no such brief, or the article is not in it.
    """
    record = get_brief(db, brief)
    if article_id not in record.article_ids:
        raise BriefError("brief.not_in_brief", article_id=article_id, name=record.name)
    with db.atomic():
        db.execute(
            "DELETE FROM brief_excerpts WHERE item_id IN "
            "(SELECT id FROM brief_items WHERE brief_id = ? AND article_id = ?)",
            [record.id, article_id],
        )
        db.execute("UPDATE briefs SET updated = ? WHERE id = ?", [now_iso(), record.id])
    return get_brief(db, record.id)

"""Briefs (专题汇编) in the store: a titled, ordered selection of articles from any issues.

A brief is named (the name is unique and is how the CLI refers to it) and carries a title,
an optional subtitle, compiler, date and editor's preface (编者按), and its articles in
order, each with an optional editor's note and, for an excerpt entry (摘编), the passages
of it that go out instead of the whole (:mod:`reader.excerpts`). Positions are 1-based
and kept contiguous.
Every function that takes ``brief`` accepts the brief's id or its name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from reader.clock import now_iso
from reader.messages import ReaderError
from reader.store.chunked import rows_for

BriefRef = int | str
EDITABLE_FIELDS = ("title", "subtitle", "compiler", "date", "preface")


class BriefError(ReaderError):
    """A brief operation that cannot be done; its code (``brief.*``) says why."""


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A passage ``[start, end)`` of an article's text chosen for a brief (摘编)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class BriefItem:
    """One article of a brief at its 1-based position, with the editor's note on it, and
    the passages it is excerpted to (none: the whole article goes out)."""

    article_id: int
    position: int
    note: str | None
    excerpts: tuple[Excerpt, ...] = ()

    @property
    def is_excerpt(self) -> bool:
        return bool(self.excerpts)


@dataclass(frozen=True, slots=True)
class BriefRecord:
    """A brief and its articles in order."""

    id: int
    name: str
    title: str
    subtitle: str | None
    compiler: str | None
    date: str | None
    preface: str | None
    created: str
    updated: str
    items: tuple[BriefItem, ...]

    @property
    def article_ids(self) -> list[int]:
        return [item.article_id for item in self.items]


def _row(db: Database, brief: BriefRef) -> dict[str, Any]:
    if isinstance(brief, int):
        rows = list(db.query("SELECT * FROM briefs WHERE id = ?", [brief]))
    else:
        rows = list(db.query("SELECT * FROM briefs WHERE name = ?", [brief]))
    if not rows:
        if isinstance(brief, str):
            raise BriefError("brief.no_such_name", name=brief)
        raise BriefError("brief.no_such_id", brief_id=brief)
    return rows[0]


def _items(db: Database, brief_id: int) -> tuple[BriefItem, ...]:
    rows = list(
        db.query(
            # Entries of articles in the trash wait there, hidden, until it is restored.
            "SELECT id, article_id, position, note FROM brief_items WHERE brief_id = ? "
            "AND article_id IN (SELECT articles.id FROM articles JOIN issues "
            "ON issues.id = articles.issue_id WHERE issues.deleted_at IS NULL) "
            "ORDER BY position, id",
            [brief_id],
        )
    )
    excerpts: dict[int, list[Excerpt]] = {}
    for item_id, start, end, text in db.execute(
        'SELECT item_id, start, "end", text FROM brief_excerpts WHERE item_id IN '
        "(SELECT id FROM brief_items WHERE brief_id = ?) ORDER BY item_id, start, id",
        [brief_id],
    ).fetchall():
        excerpts.setdefault(item_id, []).append(Excerpt(start, end, text))
    return tuple(
        BriefItem(
            row["article_id"], row["position"], row["note"], tuple(excerpts.get(row["id"], ()))
        )
        for row in rows
    )


def _record(db: Database, row: dict[str, Any]) -> BriefRecord:
    return BriefRecord(**row, items=_items(db, row["id"]))


def _check_name(db: Database, name: str, *, except_id: int | None = None) -> str:
    name = name.strip()
    if not name:
        raise BriefError("brief.needs_name")
    clash = db.execute("SELECT id FROM briefs WHERE name = ?", [name]).fetchone()
    if clash is not None and clash[0] != except_id:
        raise BriefError("brief.name_taken", name=name)
    return name


def _touch(db: Database, brief_id: int) -> None:
    db.execute("UPDATE briefs SET updated = ? WHERE id = ?", [now_iso(), brief_id])


def _write_order(db: Database, brief_id: int, article_ids: list[int]) -> None:
    # Positions are rewritten as 1..n so that the stored order is always contiguous.
    for position, article_id in enumerate(article_ids, start=1):
        db.execute(
            "UPDATE brief_items SET position = ? WHERE brief_id = ? AND article_id = ?",
            [position, brief_id, article_id],
        )


def _optional(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def get_brief(db: Database, brief: BriefRef) -> BriefRecord:
    """The brief with this id or name, with its articles in order.

    Raises:
        BriefError: no such brief.
    """
    return _record(db, _row(db, brief))


def list_briefs(db: Database) -> list[BriefRecord]:
    """Every brief, most recently changed first."""
    rows = list(db.query("SELECT * FROM briefs ORDER BY updated DESC, id DESC"))
    return [_record(db, row) for row in rows]


def create_brief(
    db: Database,
    name: str,
    title: str | None = None,
    *,
    subtitle: str | None = None,
    compiler: str | None = None,
    date: str | None = None,
    preface: str | None = None,
) -> BriefRecord:
    """Create an empty brief; its title defaults to its name.

    Raises:
        BriefError: the name is empty or already taken.
    """
    with db.atomic():
        name = _check_name(db, name)
        stamp = now_iso()
        cursor = db.execute(
            "INSERT INTO briefs (name, title, subtitle, compiler, date, preface, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                name,
                _optional(title) or name,
                _optional(subtitle),
                _optional(compiler),
                _optional(date),
                _optional(preface),
                stamp,
                stamp,
            ],
        )
    return get_brief(db, int(cursor.lastrowid or 0))


def update_brief(db: Database, brief: BriefRef, **changes: str | None) -> BriefRecord:
    """Change a brief's title, subtitle, compiler, date or preface (None or "" clears one).

    Raises:
        BriefError: no such brief, an unknown field, or an empty title.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise BriefError("brief.cannot_change", fields=", ".join(sorted(unknown)))
    row = _row(db, brief)
    values = {field: _optional(value) for field, value in changes.items()}
    if "title" in values and values["title"] is None:
        raise BriefError("brief.needs_title")
    if values:
        assignments = ", ".join(f"{field} = ?" for field in values)
        with db.atomic():
            db.execute(
                f"UPDATE briefs SET {assignments}, updated = ? WHERE id = ?",
                [*values.values(), now_iso(), row["id"]],
            )
    return get_brief(db, row["id"])


def add_articles(
    db: Database, brief: BriefRef, article_ids: Iterable[int], position: int | None = None
) -> BriefRecord:
    """Add articles to a brief, at the end or from ``position`` (1-based) on.

    Articles already in the brief are left where they are.

    Raises:
        BriefError: no such brief, or an id that is not an article in the store.
    """
    row = _row(db, brief)
    wanted = list(dict.fromkeys(article_ids))
    if wanted:
        known = {r[0] for r in rows_for(db.execute, "SELECT id FROM articles WHERE id IN", wanted)}
        missing = [str(i) for i in wanted if i not in known]
        if missing:
            raise BriefError("brief.no_such_articles", ids=", ".join(missing))
    with db.atomic():
        order = [item.article_id for item in _items(db, row["id"])]
        new = [i for i in wanted if i not in order]
        for article_id in new:
            db.execute(
                "INSERT INTO brief_items (brief_id, article_id, position) VALUES (?, ?, ?)",
                [row["id"], article_id, len(order) + 1],
            )
        at = len(order) if position is None else min(max(position, 1) - 1, len(order))
        _write_order(db, row["id"], order[:at] + new + order[at:])
        _touch(db, row["id"])
    return get_brief(db, row["id"])


def remove_article(db: Database, brief: BriefRef, article_id: int) -> BriefRecord:
    """Take an article out of a brief (the article itself stays in the archive).

    Raises:
        BriefError: no such brief, or the article is not in it.
    """
    row = _row(db, brief)
    with db.atomic():
        order = [item.article_id for item in _items(db, row["id"])]
        if article_id not in order:
            raise BriefError("brief.not_in_brief", article_id=article_id, name=row["name"])
        db.execute(
            "DELETE FROM brief_excerpts WHERE item_id IN "
            "(SELECT id FROM brief_items WHERE brief_id = ? AND article_id = ?)",
            [row["id"], article_id],
        )
        db.execute(
            "DELETE FROM brief_items WHERE brief_id = ? AND article_id = ?", [row["id"], article_id]
        )
        order.remove(article_id)
        _write_order(db, row["id"], order)
        _touch(db, row["id"])
    return get_brief(db, row["id"])


def move_article(db: Database, brief: BriefRef, article_id: int, new_position: int) -> BriefRecord:
    """Move an article to ``new_position`` (1-based); the others close up around it.

    A position past the end moves it last, one below 1 moves it first (so a drop
    anywhere in a list view lands somewhere sensible).

    Raises:
        BriefError: no such brief, or the article is not in it.
    """
    row = _row(db, brief)
    with db.atomic():
        order = [item.article_id for item in _items(db, row["id"])]
        if article_id not in order:
            raise BriefError("brief.not_in_brief", article_id=article_id, name=row["name"])
        order.remove(article_id)
        at = min(max(new_position, 1) - 1, len(order))
        order.insert(at, article_id)
        _write_order(db, row["id"], order)
        _touch(db, row["id"])
    return get_brief(db, row["id"])


def reorder_articles(db: Database, brief: BriefRef, article_ids: Iterable[int]) -> BriefRecord:
    """Put a brief's articles in the given order (it must name each of them once).

    Raises:
        BriefError: no such brief, or the ids are not exactly the brief's articles.
    """
    row = _row(db, brief)
    order = list(article_ids)
    with db.atomic():
        current = [item.article_id for item in _items(db, row["id"])]
        if sorted(order) != sorted(current):
            raise BriefError("brief.bad_order")
        _write_order(db, row["id"], order)
        _touch(db, row["id"])
    return get_brief(db, row["id"])


def set_item_note(db: Database, brief: BriefRef, article_id: int, note: str | None) -> BriefRecord:
    """Set (or with None or "" clear) the editor's note on an article of a brief.

    Raises:
        BriefError: no such brief, or the article is not in it.
    """
    row = _row(db, brief)
    with db.atomic():
        cursor = db.execute(
            "UPDATE brief_items SET note = ? WHERE brief_id = ? AND article_id = ?",
            [_optional(note), row["id"], article_id],
        )
        if cursor.rowcount == 0:
            raise BriefError("brief.not_in_brief", article_id=article_id, name=row["name"])
        _touch(db, row["id"])
    return get_brief(db, row["id"])


def rename(db: Database, brief: BriefRef, new_name: str) -> BriefRecord:
    """Give a brief a new name (its title is unchanged).

    Raises:
        BriefError: no such brief, or the new name is empty or taken.
    """
    row = _row(db, brief)
    with db.atomic():
        name = _check_name(db, new_name, except_id=row["id"])
        db.execute(
            "UPDATE briefs SET name = ?, updated = ? WHERE id = ?", [name, now_iso(), row["id"]]
        )
    return get_brief(db, row["id"])


def duplicate(db: Database, brief: BriefRef, new_name: str) -> BriefRecord:
    """Copy a brief, its articles, order and notes, under a new name.

    Raises:
        BriefError: no such brief, or the new name is empty or taken.
    """
    row = _row(db, brief)
    with db.atomic():
        name = _check_name(db, new_name)
        stamp = now_iso()
        cursor = db.execute(
            "INSERT INTO briefs (name, title, subtitle, compiler, date, preface, created, updated) "
            "SELECT ?, title, subtitle, compiler, date, preface, ?, ? FROM briefs WHERE id = ?",
            [name, stamp, stamp, row["id"]],
        )
        copy_id = int(cursor.lastrowid or 0)
        db.execute(
            "INSERT INTO brief_items (brief_id, article_id, position, note) "
            "SELECT ?, article_id, position, note FROM brief_items WHERE brief_id = ? "
            "ORDER BY position",
            [copy_id, row["id"]],
        )
        db.execute(
            'INSERT INTO brief_excerpts (item_id, start, "end", text, created) '
            'SELECT copy.id, e.start, e."end", e.text, e.created FROM brief_excerpts e '
            "JOIN brief_items original ON original.id = e.item_id AND original.brief_id = ? "
            "JOIN brief_items copy ON copy.brief_id = ? AND copy.article_id = original.article_id "
            "ORDER BY e.id",
            [row["id"], copy_id],
        )
    return get_brief(db, copy_id)


def delete(db: Database, brief: BriefRef) -> None:
    """Delete a brief (its articles stay in the archive).

    Raises:
        BriefError: no such brief.
    """
    row = _row(db, brief)
    with db.atomic():
        db.execute(
            "DELETE FROM brief_excerpts WHERE item_id IN "
            "(SELECT id FROM brief_items WHERE brief_id = ?)",
            [row["id"]],
        )
        db.execute("DELETE FROM brief_items WHERE brief_id = ?", [row["id"]])
        db.execute("DELETE FROM briefs WHERE id = ?", [row["id"]])


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """A brief (or list of articles) that went out: which, as what, when (已编入)."""

    brief: str
    exported_at: str


def record_export(
    db: Database,
    article_ids: Iterable[int],
    *,
    title: str,
    fmt: str,
    path: str,
    brief: BriefRef | None = None,
) -> int:
    """Record that ``article_ids`` went out in an export; returns the record's id."""
    row = _row(db, brief) if brief is not None else None
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO brief_exports (brief_id, brief_name, title, format, path, exported_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [row["id"] if row else None, row["name"] if row else None, title, fmt, path, now_iso()],
        )
        export_id = int(cursor.lastrowid or 0)
        db.conn.executemany(
            "INSERT OR IGNORE INTO brief_export_articles (export_id, article_id) VALUES (?, ?)",
            [(export_id, article_id) for article_id in dict.fromkeys(article_ids)],
        )
    return export_id


def exports_of_article(db: Database, article_id: int) -> list[ExportRecord]:
    """The exports an article went out in, oldest first, each named by its brief's name
    (or its title, for an export of articles not saved as a brief)."""
    rows = db.execute(
        "SELECT coalesce(e.brief_name, e.title), e.exported_at FROM brief_exports e"
        " JOIN brief_export_articles a ON a.export_id = e.id WHERE a.article_id = ?"
        " ORDER BY e.exported_at, e.id",
        [article_id],
    ).fetchall()
    return [ExportRecord(name, at) for name, at in rows]


def exported_article_ids(db: Database, article_ids: Iterable[int]) -> set[int]:
    """Which of ``article_ids`` have gone out in an export (已编入)."""
    select = "SELECT DISTINCT article_id FROM brief_export_articles WHERE article_id IN"
    return {row[0] for row in rows_for(db.execute, select, article_ids)}

"""Named facts about the archive itself (``archive_flags``): were the samples offered…"""

from __future__ import annotations

from sqlite_utils import Database


def archive_flag(db: Database, name: str) -> str | None:
    """The value of the flag ``name``, or ``None`` when it was never set."""
    row = db.execute("SELECT value FROM archive_flags WHERE name = ?", [name]).fetchone()
    return None if row is None else str(row[0])


def set_archive_flag(db: Database, name: str, value: str) -> None:
    """Set the flag ``name`` to ``value`` (in its own transaction)."""
    with db.atomic():
        db.execute(
            "INSERT OR REPLACE INTO archive_flags (name, value) VALUES (?, ?)", [name, value]
        )

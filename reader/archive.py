"""An archive folder: the SQLite store (source of truth) and what is derived from it."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

from reader.paths import BACKUPS_DIR, DATABASE_NAME, SEARCH_INDEX_DIR
from reader.store.db import open_database


class Archive:
    """The archive in ``folder``, opened for the thread that creates it.

    A sqlite-utils ``Database`` belongs to the thread that opened it: a worker thread
    opens its own ``Archive`` on the same folder.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.db: Database = open_database(self.database_path)

    @property
    def database_path(self) -> Path:
        return self.folder / DATABASE_NAME

    @property
    def search_dir(self) -> Path:
        return self.folder / SEARCH_INDEX_DIR

    @property
    def backups_dir(self) -> Path:
        return self.folder / BACKUPS_DIR

    def close(self) -> None:
        self.db.close()

    def reopen(self) -> None:
        """Open the database file again on this object (after a restore replaced it), so
        everything holding this archive reads the new file."""
        self.db.close()
        self.db = open_database(self.database_path)

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

"""The SQLite store: the archive's source of truth. No Qt here."""

from reader.store.db import ArchiveError, open_database
from reader.store.records import ArticleRecord, IssueRecord

__all__ = ["ArchiveError", "ArticleRecord", "IssueRecord", "open_database"]

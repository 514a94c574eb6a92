"""Operations on searches: saved searches, the history of queries run, hit lists written out.

None of them changes what a view shows of the archive (the search box reads its dropdown
when it opens), so they report no changes.
"""

from __future__ import annotations

from pathlib import Path

from reader import searches
from reader.archive import Archive
from reader.hitlist import all_hits, export_hits
from reader.operations.changes import OpResult


def save_search(archive: Archive, name: str, query: str) -> OpResult[searches.SavedSearch]:
    return OpResult(searches.save_search(archive.db, name, query))


def delete_saved(archive: Archive, name: str) -> OpResult[None]:
    searches.delete_saved(archive.db, name)
    return OpResult(None)


def record_query(archive: Archive, query: str) -> OpResult[None]:
    """The query joins the history of queries run."""
    searches.record_query(archive.db, query)
    return OpResult(None)


def export_hit_list(archive: Archive, query: str, path: Path) -> OpResult[int]:
    """Every hit of ``query`` written to ``path`` (.csv, .xlsx or .docx); how many rows."""
    return OpResult(export_hits(archive, all_hits(archive, query), path, query))

"""The editor's own work on articles: notes, bookmarks, highlights and tags.

Every write is its own committed transaction. Annotations live only in SQLite: re-import,
reindex and search-index rebuilds never touch them. No Qt here.
"""

from reader.annotations.bookmarks import (
    add_bookmark,
    delete_bookmark,
    get_bookmark,
    list_bookmarks,
)
from reader.annotations.common import AnnotationError
from reader.annotations.highlights import (
    DEFAULT_COLOR,
    HIGHLIGHT_COLORS,
    add_highlight,
    delete_highlight,
    get_highlight,
    list_highlights,
    reanchor_article_highlights,
    update_highlight,
)
from reader.annotations.notes import add_note, delete_note, get_note, list_notes, update_note
from reader.annotations.records import Bookmark, Highlight, Note, ReanchorResult, Tag
from reader.annotations.tags import (
    add_tag,
    article_tags,
    articles_with_tag,
    list_tags,
    normalize_tag,
    remove_tag,
)

__all__ = [
    "DEFAULT_COLOR",
    "HIGHLIGHT_COLORS",
    "AnnotationError",
    "Bookmark",
    "Highlight",
    "Note",
    "ReanchorResult",
    "Tag",
    "add_bookmark",
    "add_highlight",
    "add_note",
    "add_tag",
    "article_tags",
    "articles_with_tag",
    "delete_bookmark",
    "delete_highlight",
    "delete_note",
    "get_bookmark",
    "get_highlight",
    "get_note",
    "list_bookmarks",
    "list_highlights",
    "list_notes",
    "list_tags",
    "normalize_tag",
    "reanchor_article_highlights",
    "remove_tag",
    "update_highlight",
    "update_note",
]

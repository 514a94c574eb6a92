"""Exact Chinese search over the archive: what the editor typed, found fast.

The index (``<archive>/search``: Whoosh with jieba words, FTS5 grams) is derived from the
store and disposable; the engine sits behind these few functions so it could be swapped. See
:mod:`reader.search.index` for its life, :mod:`reader.search.query` for the query syntax and
:mod:`reader.search.engine` for how recall stays exact while ranking uses jieba words.
"""

from reader.search.engine import search
from reader.search.index import ensure_index, rebuild_index, sync_index
from reader.search.query import QuerySyntaxError, parse_query
from reader.search.results import Hit, SearchResult
from reader.search.spans import find_spans, query_terms, span_terms

__all__ = [
    "Hit",
    "QuerySyntaxError",
    "SearchResult",
    "ensure_index",
    "find_spans",
    "parse_query",
    "query_terms",
    "rebuild_index",
    "search",
    "span_terms",
    "sync_index",
]

"""The real bulletins, imported by the importer: search agrees with a plain scan."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive
from reader.importer import import_paths
from reader.search import search
from reader.search.folding import fold

pytestmark = pytest.mark.corpus

STRINGS = ["京市", "务院", "乳业", "创新中心", "科技", "镉", "内蒙古", "2023", "国创中心"]


def test_search_totals_equal_a_scan_of_the_texts(corpus_dir: Path, store: Archive) -> None:
    import_paths(store, sorted(corpus_dir.glob("*.txt")))
    articles = [
        (row[0], fold(row[1]), fold(row[2]))
        for row in store.db.execute("SELECT id, title, text FROM articles")
    ]
    assert articles
    for string in STRINGS:
        wanted = {i for i, title, text in articles if fold(string) in title or fold(string) in text}
        result = search(store, string, limit=1000)
        assert result.total == len(wanted), string
        assert {h.article_id for h in result.hits} == wanted, string
    nanjing = search(store, "京市").hits
    assert nanjing and all("南京市" in h.title or h.matches for h in nanjing)

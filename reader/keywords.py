"""Keywords per article: jieba's TF-IDF over the title and body, with the domain dictionary.

The domain dictionary (resources/dictionary/user_dict.txt) keeps terms such as 科技成果转化
whole, so they can be keywords. Keywords are stored folded for the ``keyword:`` filter.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from reader.search.analysis import shared_tokenizer
from reader.search.folding import fold

TOP_K = 8


@lru_cache(maxsize=1)
def _extractor() -> Any:
    # WORKAROUND: jieba.analyse reads its IDF table with open(...).read() and never closes
    # the file; the ResourceWarning is jieba's, not ours.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        import jieba.analyse

        extractor = jieba.analyse.TFIDF()
    extractor.tokenizer = shared_tokenizer()
    return extractor


def extract_keywords(title: str, text: str, top_k: int = TOP_K) -> list[tuple[str, float]]:
    """The article's keywords with their weights, best first (the title counts twice)."""
    words = _extractor().extract_tags(f"{title}\n{title}\n{text}", topK=top_k, withWeight=True)
    return [
        (word, round(float(weight), 4))
        for word, weight in words
        if len(word) > 1 and not word.isdigit()
    ]


def store_keywords(db: Database, article_id: int, keywords: list[tuple[str, float]]) -> None:
    db.execute("DELETE FROM article_keywords WHERE article_id = ?", [article_id])
    db.conn.executemany(
        "INSERT OR IGNORE INTO article_keywords (article_id, keyword, weight) VALUES (?, ?, ?)",
        [(article_id, fold(word), weight) for word, weight in keywords],
    )


def keywords_of(db: Database, article_id: int) -> list[str]:
    rows = db.execute(
        "SELECT keyword FROM article_keywords WHERE article_id = ? ORDER BY weight DESC",
        [article_id],
    )
    return [row[0] for row in rows]

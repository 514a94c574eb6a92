"""Keywords per article: TF-IDF over the title and body, with jieba's IDF table.

The words are jieba's (:class:`~reader.search.analysis.Segmenter`, with its HMM guesses
for words the dictionary lacks), weighed as jieba's own extractor (``jieba.analyse``)
weighs them: a word's count over the article's words, times its IDF from the table jieba
ships (the median IDF for a word the table lacks). jieba's extractor itself is not used:
importing it builds jieba's Python dictionary and part-of-speech tables, a second or more
and 12 MB of package data the app would have to ship, for a loop this module holds. Nor is
jieba imported: the table is read as a file of its package.

The domain dictionary (resources/dictionary/user_dict.txt) keeps terms such as 科技成果转化
whole, so they can be keywords. Keywords are stored folded for the ``keyword:`` filter.
"""

from __future__ import annotations

import heapq
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from sqlite_utils import Database

from reader.paths import package_data_path
from reader.search.analysis import shared_tokenizer
from reader.search.folding import fold

TOP_K = 8
# jieba's extractor leaves out these English words, and words of one character.
_STOP_WORDS = frozenset(
    (  # noqa: SIM905 (jieba's list, as it reads)
        "the of is and to in that we for an are by be as on with can if from which you it "
        "this then at have all not one has or"
    ).split()
)


class IdfTable(NamedTuple):
    idf: dict[str, float]
    median: float


@lru_cache(maxsize=1)
def idf_table() -> IdfTable:
    """jieba's IDF table (``jieba/analyse/idf.txt``: ``word idf`` a line)."""
    text = package_data_path("jieba", "analyse", "idf.txt").read_text(encoding="utf-8")
    idf: dict[str, float] = {}
    for line in text.splitlines():
        word, _, value = line.strip().partition(" ")
        if value:
            idf[word] = float(value)
    return IdfTable(idf, sorted(idf.values())[len(idf) // 2])


def extract_keywords(title: str, text: str, top_k: int = TOP_K) -> list[tuple[str, float]]:
    """The article's keywords with their weights, best first (the title counts twice)."""
    counts = Counter(
        word
        for word in shared_tokenizer().cut(f"{title}\n{title}\n{text}")
        if len(word.strip()) > 1 and word.lower() not in _STOP_WORDS
    )
    idf, median = idf_table()
    total = sum(counts.values())
    # Equal weights keep the words' first-seen order, as jieba's stable sort does.
    best = heapq.nlargest(
        top_k,
        (
            (word, count * idf.get(word, median) / total)
            for word, count in counts.items()
            if not word.isdigit()
        ),
        key=lambda pair: pair[1],
    )
    return [(word, round(weight, 4)) for word, weight in best]


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

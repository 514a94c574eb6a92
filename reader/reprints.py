"""Edited reprints: articles whose text is mostly that of an earlier one.

Exact reprints are found by content hash (``same_text_as``). For edited ones (a lead-in
added, words changed, a paragraph dropped) each article's folded text is cut into character
shingles and summarised by a 128-value MinHash signature made by one permutation hashing:
each shingle's CRC-32, mixed by a multiply-shift hash, picks one of 128 bins and competes for
its minimum, and empty bins borrow from the next filled one. That is one hash per shingle in
plain Python, where 128 permutations would need numpy, which the packaged app leaves out.
The Jaccard similarity of two articles' shingle sets is estimated from their signatures.
Candidates come from locality-sensitive hashing: the signature is cut into bands, each band
hashed and stored in the ``article_bands`` table, and only articles sharing a band with the
new one are compared.
So linking an imported article reads a few rows, however large the archive.

The threshold keeps apart articles that only share a topic: two different reports on 乳业
share words, but not most of their 5-character shingles.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from reader.search.folding import fold
from reader.store.chunked import rows_for

SHINGLE = 5  # characters; short enough to survive edits, long enough to be specific
PERMUTATIONS = 128
BANDS, ROWS = 32, 4  # LSH: pairs near Jaccard 0.5 share a band with 87 % probability
THRESHOLD = 0.5  # estimated Jaccard at or above which two articles are linked
MIN_SHINGLES = 20  # a text too short to tell a reprint from a coincidence
_BIN_BITS = 7  # 2**7 = PERMUTATIONS bins
_VALUE_MASK = (1 << (64 - _BIN_BITS)) - 1
_MASK64 = (1 << 64) - 1
_MULTIPLIER = 0x9E3779B97F4A7C15  # odd: the multiply-shift hash is a permutation mod 2**64
_OFFSET = 0x632BE59BD9B4E019
_EMPTY = 1 << 64

_NOT_TEXT = re.compile(r"[\s\W_]+")


@dataclass(frozen=True, slots=True)
class Similar:
    article_id: int
    similarity: float

    def to_json(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "similarity": self.similarity}


def shingles(text: str) -> set[bytes]:
    """The article's character shingles, after folding and without spaces or punctuation."""
    compact = _NOT_TEXT.sub("", fold(text))
    return {compact[i : i + SHINGLE].encode("utf-8") for i in range(len(compact) - SHINGLE + 1)}


def signature(text: str) -> array | None:
    """The MinHash signature of a text (128 unsigned 64-bit values), or None when it is too
    short to compare."""
    parts = shingles(text)
    if len(parts) < MIN_SHINGLES:
        return None
    bins = [_EMPTY] * PERMUTATIONS
    for part in parts:
        mixed = (zlib.crc32(part) * _MULTIPLIER + _OFFSET) & _MASK64
        slot, value = mixed >> (64 - _BIN_BITS), mixed & _VALUE_MASK
        if value < bins[slot]:
            bins[slot] = value
    return array("Q", _densified(bins))


def _densified(bins: list[int]) -> list[int]:
    """Fill each empty bin from the next filled one (rotation), shifted by the distance, so
    two texts agree on a borrowed bin only when they agree on the bin it came from."""
    filled = list(bins)
    for slot, value in enumerate(bins):
        if value != _EMPTY:
            continue
        source, distance = (slot + 1) % PERMUTATIONS, 1
        while bins[source] == _EMPTY:
            source, distance = (source + 1) % PERMUTATIONS, distance + 1
        filled[slot] = (bins[source] + distance * _MULTIPLIER) & _MASK64
    return filled


def band_hashes(values: array) -> list[int]:
    """One 63-bit hash per LSH band of a signature."""
    hashes = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        hashes.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big") >> 1)
    return hashes


def estimate(a: array, b: array) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def _stored(blob: bytes) -> array:
    values = array("Q")
    values.frombytes(blob)
    return values


def link_article(db: Database, article_id: int, text: str) -> list[Similar]:
    """Store the article's signature and bands and link it with the earlier articles it
    mostly shares text with (both directions). Returns the links made."""
    return link_signature(db, article_id, signature(text))


def link_signature(db: Database, article_id: int, values: array | None) -> list[Similar]:
    """:func:`link_article` for a signature already computed (``None``: too short)."""
    db.execute("DELETE FROM article_bands WHERE article_id = ?", [article_id])
    db.execute(
        "DELETE FROM article_similar WHERE article_id = ? OR other_id = ?", [article_id, article_id]
    )
    db.execute(
        "UPDATE article_derived SET signature = ? WHERE article_id = ?",
        [values.tobytes() if values is not None else None, article_id],
    )
    if values is None:
        return []
    bands = band_hashes(values)
    # One statement for every band, and one for the candidates' signatures: a statement
    # costs more to run than the few index rows it reads.
    shared = " UNION ".join(
        ["SELECT article_id FROM article_bands WHERE band = ? AND hash = ?"] * BANDS
    )
    candidates = {
        row[0]
        for row in db.execute(
            shared, [p for band, value in enumerate(bands) for p in (band, value)]
        )
    }
    db.conn.executemany(
        "INSERT INTO article_bands (band, hash, article_id) VALUES (?, ?, ?)",
        [(band, value, article_id) for band, value in enumerate(bands)],
    )
    candidates.discard(article_id)
    links = []
    rows = rows_for(
        db.execute,
        "SELECT article_id, signature FROM article_derived WHERE article_id IN",
        sorted(candidates),
        after="AND signature IS NOT NULL ORDER BY article_id",
    )
    for other, stored in rows:
        similarity = round(estimate(values, _stored(stored)), 2)
        if similarity >= THRESHOLD:
            links.append(Similar(other, similarity))
    db.conn.executemany(
        "INSERT OR REPLACE INTO article_similar (article_id, other_id, similarity) "
        "VALUES (?, ?, ?)",
        [
            (a, b, s.similarity)
            for s in links
            for a, b in ((article_id, s.article_id), (s.article_id, article_id))
        ],
    )
    return links


def similar_to(db: Database, article_id: int, *, include_identical: bool = False) -> list[Similar]:
    """The articles linked to ``article_id`` as edited reprints, most similar first.

    Articles with the very same text (``same_text_as``) are left out unless asked for.
    """
    rows = db.execute(
        "SELECT s.other_id, s.similarity, a.content_hash = b.content_hash "
        "FROM article_similar s JOIN articles a ON a.id = s.article_id "
        "JOIN articles b ON b.id = s.other_id "
        "JOIN issues i ON i.id = b.issue_id AND i.deleted_at IS NULL "  # not in the trash
        "WHERE s.article_id = ? ORDER BY s.similarity DESC, s.other_id",
        [article_id],
    ).fetchall()
    return [Similar(row[0], row[1]) for row in rows if include_identical or not row[2]]

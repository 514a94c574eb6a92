"""The word index: a Whoosh index (whoosh-reloaded) of each article's jieba words.

``words/`` under the search folder holds one Whoosh document per article: ``id`` (the
article id, a column only, not indexed) and ``title_words`` / ``body_words``, analysed by
:class:`~reader.search.analysis.JiebaTokenizer` with the editable domain dictionary. Only
word frequencies are kept, as the postings' weights (no positions, no values, no stored
fields): the words rank the exact matches the gram table finds (see
:mod:`reader.search.ranking`), they never decide what matches.

Writes take one Whoosh writer at a time (:mod:`reader.search.lock` across processes);
readers keep their view while an import writes.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from whoosh import columns, fields, formats, index
from whoosh.analysis import Tokenizer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.index import Index
from whoosh.reading import IndexReader
from whoosh.writing import IndexWriter, SegmentWriter

from reader.search import whoosh_private
from reader.search.analysis import JiebaTokenizer

FOLDER_NAME = "words"
TITLE, BODY = "title_words", "body_words"
WRITE_TIMEOUT = 60.0  # seconds to wait for another process's writer
WRITER_MB = 256  # postings Whoosh's own pool holds in memory before it spills a run to disk
# A writer gathers its postings by term in memory (whoosh_private.TermPool, 12 bytes a
# posting, about 450 postings an article) while it adds at most this many articles; a
# worker starts a new segment there, and a larger in-process write keeps Whoosh's pool.
SEGMENT_ARTICLES = 20_000
# Postings a block holds (Whoosh's default is 128). Ranking reads blocks whole, and each costs
# a header, a zlib call and a pickle. At 100,000 articles 1,024 made the word index 217 → 197
# MB and "社会 经济 发展" 80 → 65 ms (the same archive rebuilt each way, measured in turn).
BLOCK_POSTINGS = 1024


class WordRow(NamedTuple):
    """What the word index keeps of one article: its jieba words, folded."""

    article_id: int
    title_words: list[str]
    body_words: list[str]


class CountFormat(formats.Frequency):
    """Whoosh's frequency postings without the frequency stored a second time.

    ``Frequency`` keeps each posting's count both as its weight and as a 4-byte value; the
    ranking reads only the weight, so the value is left out (a fifth of the postings file).
    """

    posting_size = 0

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[Any]:
        for word, freq, weight, _value in super().word_values(value, analyzer, **kwargs):
            yield word, freq, weight, b""


class WordField(fields.TEXT):
    """A jieba word field that counts an already cut list of words itself.

    Whoosh would run each listed word through the analyser as a token object; counting
    them with a Counter is several times faster and gives the same postings.
    """

    def __init__(self, analyzer: Tokenizer) -> None:
        super().__init__(analyzer=analyzer, phrase=False)
        self.format = CountFormat()

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if not isinstance(value, list):
            yield from super().index(value, **kwargs)
            return
        for word, count in Counter(value).items():
            yield word.encode("utf-8"), count, float(count), b""


class WordCodec(W3Codec):
    """Whoosh's codec without per-block length statistics.

    Those serve only Whoosh's block-skipping scorer, which the ranking does not use, and
    gathering them looks up a document's length for every posting written (a fifth of
    the writer's time).
    """

    length_stats = False

    def __init__(self) -> None:
        # zlib's fastest level: a sixth smaller than uncompressed blocks and no slower to
        # write (less to write); higher levels took half as long again for nothing more.
        super().__init__(blocklimit=BLOCK_POSTINGS, compression=1, **whoosh_private.codec_options())

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        if byteids or not whoosh_private.available():
            return super().postings_writer(dbfile, byteids)
        return whoosh_private.CountPostings(
            dbfile,
            blocklimit=self._blocklimit,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


def make_schema() -> fields.Schema:
    words = JiebaTokenizer()
    return fields.Schema(
        # A column only: articles are found by document number (see delete), so indexing
        # the id as terms (four a document for a 64-bit number) bought nothing.
        id=fields.COLUMN(columns.NumericColumn("q")),
        title_words=WordField(words),
        body_words=WordField(words),
    )


def folder(search_folder: Path) -> Path:
    return search_folder / FOLDER_NAME


def create(search_folder: Path) -> Index:
    target = folder(search_folder)
    target.mkdir(parents=True, exist_ok=True)
    return index.create_in(str(target), make_schema())


def open_index(search_folder: Path) -> Index:
    """The Whoosh index (raises when it is missing or unreadable)."""
    return index.open_dir(str(folder(search_folder)))


def exists(search_folder: Path) -> bool:
    return any(folder(search_folder).glob("_MAIN_*.toc"))  # Whoosh's table of contents


def open_writer(target: Index, *, articles: int) -> IndexWriter:
    """A writer for ``target`` that will add about ``articles`` articles in this process
    (waits up to WRITE_TIMEOUT for another process's writer)."""
    writer = target.writer(
        timeout=WRITE_TIMEOUT,
        limitmb=WRITER_MB,
        # Separate files, not one compound file: opening a compound segment copies each
        # part into memory, tens of milliseconds per search.
        compound=False,
        codec=WordCodec(),
    )
    if articles <= SEGMENT_ARTICLES:
        whoosh_private.use_term_pool(writer)
    return writer


def open_segment_writer(search_folder: Path) -> SegmentWriter:
    """A writer of one new segment, for a worker process, without the index's write lock.

    The process that starts the workers holds the lock (as Whoosh's own multiprocessing
    writer does); it adds the finished segments with
    :func:`~reader.search.whoosh_private.commit_with_segments`.
    """
    return whoosh_private.segment_writer(
        open_index(search_folder), limitmb=WRITER_MB, codec=WordCodec(), compound=False
    )


def add(writer: IndexWriter, rows: Iterable[WordRow]) -> None:
    for row in rows:
        counts = {TITLE: Counter(row.title_words), BODY: Counter(row.body_words)}
        if not whoosh_private.add_counted(writer, counts, id=row.article_id):
            writer.add_document(
                id=row.article_id, title_words=row.title_words, body_words=row.body_words
            )


def delete(writer: IndexWriter, article_ids: Collection[int]) -> None:
    """Delete the documents of these articles wherever the word index holds them.

    By document number, from the id column: a Whoosh delete by term searches every segment,
    costly for each of the thousands of articles of a large import. Every copy goes, so an
    article left behind by an update that failed between the two parts' commits is not
    counted twice once it is added again.
    """
    wanted = set(article_ids)
    if not wanted:
        return
    reader = writer.reader()
    try:
        doomed = [
            offset + docnum
            for leaf, offset in reader.leaf_readers()
            for docnum, article_id in enumerate(segment_article_ids(leaf))
            if article_id in wanted
        ]
    finally:
        reader.close()
    for docnum in doomed:
        writer.delete_document(docnum)


class _SegmentIds:
    """A segment's docnum → article id list, and the reverse map once it is asked for."""

    def __init__(self, article_ids: list[int]) -> None:
        self.article_ids = article_ids

    @cached_property
    def docnums(self) -> dict[int, int]:
        return {article_id: docnum for docnum, article_id in enumerate(self.article_ids)}


_ids_cache: dict[tuple[str, str], _SegmentIds] = {}
_ids_lock = threading.Lock()


def _segment_ids(leaf: IndexReader) -> _SegmentIds:
    """The ids of one segment (segments never change, so these are cached)."""
    key = (str(getattr(leaf.storage(), "folder", "")), leaf.segment().segment_id())
    with _ids_lock:
        cached = _ids_cache.get(key)
    if cached is None:
        column = leaf.column_reader("id")
        cached = _SegmentIds([int(column[docnum]) for docnum in range(leaf.doc_count_all())])
        with _ids_lock:
            if len(_ids_cache) > 256:
                _ids_cache.clear()
            _ids_cache[key] = cached
    return cached


def segment_article_ids(leaf: IndexReader) -> list[int]:
    """docnum → article id of one segment."""
    return _segment_ids(leaf).article_ids


def segment_docnums(leaf: IndexReader) -> dict[int, int]:
    """article id → docnum in one segment."""
    return _segment_ids(leaf).docnums

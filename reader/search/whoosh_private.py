"""Every use of whoosh-reloaded's private members, in one place, checked before use.

Two things the public API cannot do fast enough are done with Whoosh's internals:

- **segments written by worker processes** and added to the index by the process holding
  its write lock (the way Whoosh's own ``MpWriter`` does it): ``SegmentWriter(_lk=False)``,
  ``_added``, ``_close_segment``, ``_finalize_segment``, ``_merge_segments``,
  ``_commit_toc`` and ``_finish``;
- **postings gathered by term** in a writer: :class:`TermPool` takes the place of the
  writer's ``pool`` (a ``PostingPool``, which keeps a tuple per posting, sorts them all and
  spills sorted runs to disk past its memory limit, then merges them back);
- **short posting lists inlined** in the term file (``W3Codec(inlinelimit=…)``): Whoosh
  calls ``W3TermInfo.set_inline``, which it names ``set_inlined``, so any limit above 1
  fails; :func:`codec_options` mends the name before asking for inlining;
- **a term table's words read from a memory map** (:func:`words_with_prefix`): the layout
  of Whoosh's ``OrderedHashReader`` (``indexbase``, ``indexlen``, ``endofdata``) read with
  ``struct.unpack_from``, where its own reads cost a seek and a read for each number, about
  1,200 a query;
- **posting blocks read whole** when ranking: the W3 leaf matcher's ``_read_data``,
  ``_data`` and ``_next_block``, and an inlined list's ``ListMatcher._ids`` and
  ``_weights``, a fraction of a microsecond a posting against several through
  ``id()``/``weight()``/``next()``.

whoosh-reloaded is pinned (``pyproject.toml``) at :data:`TESTED_VERSION`. :func:`problem`
says why these members cannot be trusted (another version, a member gone); then
:func:`available` is False, a warning says so once, on stderr, when the index is first
used, and the index works through the plain API only: words are written in this process
(no worker segments) and postings read one at a time. ``tests/search`` fails on such a
version, so an upgrade is seen at once.
"""

from __future__ import annotations

import bisect
import logging
import mmap
import os
import struct
import threading
import types
import weakref
from array import array
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import metadata
from itertools import accumulate
from typing import Any, NamedTuple

from whoosh.codec.whoosh3 import (
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3PostingsWriter,
    W3TermInfo,
    W3TermsReader,
)
from whoosh.filedb.filetables import HashReader, OrderedHashReader
from whoosh.index import Index
from whoosh.matching import ListMatcher
from whoosh.writing import IndexWriter, PostingPool, SegmentWriter

log = logging.getLogger(__name__)

TESTED_VERSION = "2.7.5"
PLAIN_ENV = "READER_WHOOSH_PLAIN"  # set to 1 to use the plain API only (tests, diagnosis)
_WRITER_MEMBERS = (
    "_added",
    "_close_segment",
    "_finalize_segment",
    "_merge_segments",
    "_commit_toc",
    "_finish",
    "_flush_segment",
)
_MATCHER_MEMBERS = ("_read_data", "_next_block", "is_active")
_POOL_MEMBERS = ("add", "iter_postings", "cleanup")
_TERMINFO_MEMBERS = ("set_inlined", "is_inlined", "inlined_postings")
# Attributes the term-at-a-time writing sets or reads, by the methods that assign them.
_ASSIGNED = (
    (W3FieldWriter.start_field, ("_postwriter",)),
    (W3PostingsWriter.__init__, ("_blocklimit",)),
    (W3PostingsWriter._new_block, ("_ids", "_weights", "_maxweight")),
    (SegmentWriter.__init__, ("docnum", "perdocwriter", "fieldwriter", "pool")),
    (W3LeafMatcher._read_data, ("_data",)),
    (ListMatcher.__init__, ("_ids", "_weights")),
    (W3TermsReader.__init__, ("_codec", "_postfile", "_tindex", "_fieldmap")),
    (HashReader.__init__, ("startoffset", "endofdata")),
    (OrderedHashReader._read_extras, ("indexbase", "indexlen")),
    (W3Codec.__init__, ("_blocklimit", "_compression", "_inlinelimit")),
)
# Words in at most this many articles keep their postings in the term file: two thirds of
# the words, which then need no block of their own (a sixth less index, a tenth less time).
INLINE_POSTINGS = 16


@lru_cache(maxsize=1)
def problem() -> str | None:
    """Why Whoosh's private members cannot be used, or None when they can."""
    if os.environ.get(PLAIN_ENV) == "1":
        return f"{PLAIN_ENV}=1"
    try:
        installed = metadata.version("whoosh-reloaded")
    except metadata.PackageNotFoundError:
        installed = "unknown"
    if installed != TESTED_VERSION:
        return f"whoosh-reloaded {installed} is installed; {TESTED_VERSION} is the one tested"
    writer_init = SegmentWriter.__init__.__code__.co_varnames
    missing = [m for m in _WRITER_MEMBERS[1:] if not hasattr(SegmentWriter, m)]
    missing += [m for m in _MATCHER_MEMBERS if not hasattr(W3LeafMatcher, m)]
    missing += [f"PostingPool.{m}" for m in _POOL_MEMBERS if not hasattr(PostingPool, m)]
    missing += [f"W3TermInfo.{m}" for m in _TERMINFO_MEMBERS if not hasattr(W3TermInfo, m)]
    missing += [
        f"{method.__qualname__} setting {name}"
        for method, names in _ASSIGNED
        for name in names
        if name not in method.__code__.co_names
    ]
    if not hasattr(W3TermsReader, "_keycoder"):
        missing.append("W3TermsReader._keycoder")
    missing += [
        f"W3PostingsWriter.{m}"
        for m in ("_write_block", "_mini_weights")
        if not hasattr(W3PostingsWriter, m)
    ]
    if "_lk" not in writer_init:
        missing.append("SegmentWriter(_lk=)")
    if missing:
        return f"whoosh-reloaded lacks {', '.join(missing)}"
    return None


def available() -> bool:
    """True when the private members may be used (warns once, loudly, when not)."""
    reason = problem()
    if reason is not None:
        _warn_once(reason)
    return reason is None


@lru_cache(maxsize=1)
def _warn_once(reason: str) -> None:
    log.warning("search index: using Whoosh's plain API only, slower (%s)", reason)


def codec_options() -> dict[str, Any]:
    """Options for the word index's W3 codec beyond Whoosh's defaults."""
    if not available():
        return {}
    if not hasattr(W3TermInfo, "set_inline"):
        W3TermInfo.set_inline = W3TermInfo.set_inlined  # the name its writer calls
    return {"inlinelimit": INLINE_POSTINGS + 1}  # Whoosh inlines below the limit


class TermPool:
    """A writer's postings, gathered by term: a docnum array and a weight array each.

    Eight bytes a posting where Whoosh's ``PostingPool`` keeps a tuple of five objects
    (about 200), and only the terms are sorted when the segment is written, not every
    posting. Nothing goes to disk: a writer bounds its segment by :attr:`postings` instead
    (see :mod:`reader.search.segments`). Whoosh adds a writer's documents, and the
    documents of segments it merges in, with rising docnums, so each term's postings are
    in docnum order as they arrive. The segment is written a term at a time, each term's
    postings a block at a time (:func:`_flush_by_term`), not a posting at a time.
    """

    def __init__(self) -> None:
        self._terms: dict[tuple[str, bytes], tuple[array, array, list[bytes] | None]] = {}
        self.postings = 0
        self._whole = True  # every weight a whole number: written as ints (see CountPostings)

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        entry = self._terms.get((fieldname, tbytes))
        if entry is None:
            entry = self._terms[(fieldname, tbytes)] = (array("I"), array("f"), None)
        docnums, weights, values = entry
        if vbytes and values is None:  # a format with posting values: keep them too
            values = [b""] * len(docnums)
            self._terms[(fieldname, tbytes)] = entry = (docnums, weights, values)
        docnums.append(docnum)
        weights.append(weight)
        if values is not None:
            values.append(vbytes or b"")
        self.postings += 1
        if weight != int(weight):
            self._whole = False

    def add_counts(self, fieldname: str, docnum: int, counts: Mapping[str, int]) -> None:
        """One document's postings in a field: each word with its count as the weight."""
        terms = self._terms
        for word, count in counts.items():
            key = (fieldname, word.encode("utf-8"))
            entry = terms.get(key)
            if entry is None:
                entry = terms[key] = (array("I"), array("f"), None)
            entry[0].append(docnum)
            entry[1].append(count)
        self.postings += len(counts)

    def has_values(self) -> bool:
        return any(values is not None for _d, _w, values in self._terms.values())

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        for key in sorted(self._terms):
            fieldname, tbytes = key
            docnums, weights, values = self._terms[key]
            if values is None:
                for docnum, weight in zip(docnums, weights, strict=True):
                    yield fieldname, tbytes, docnum, weight, b""
            else:
                for docnum, weight, vbytes in zip(docnums, weights, values, strict=True):
                    yield fieldname, tbytes, docnum, weight, vbytes

    def write_by_term(self, schema: Any, fieldwriter: W3FieldWriter) -> None:
        """Write every term's postings into a W3 field writer, a block at a time."""
        field = None
        for key in sorted(self._terms):
            fieldname, tbytes = key
            if fieldname != field:
                if field is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, schema[fieldname])
                field = fieldname
            docnums, weights, _values = self._terms[key]
            fieldwriter.start_term(tbytes)
            postings = fieldwriter._postwriter
            limit = postings._blocklimit
            for start in range(0, len(docnums), limit):
                if start:  # the block before is full: out it goes
                    postings._write_block()
                postings._ids = docnums[start : start + limit]
                block = weights[start : start + limit]
                postings._weights = array("I", map(int, block)) if self._whole else block
                postings._maxweight = max(postings._weights)
            fieldwriter.finish_term()  # writes the last block, or inlines a short list
        if field is not None:
            fieldwriter.finish_field()

    def cleanup(self) -> None:
        self._terms.clear()


class CountPostings(W3PostingsWriter):
    """W3 postings whose weights, when whole numbers (word counts), are pickled as ints:
    two bytes a count where a float takes nine. Whoosh reads them back as they are."""

    def _mini_weights(self) -> Any:
        weights = self._weights
        if weights and all(w == weights[0] for w in weights):
            # Whoosh's reader takes a single stored weight only as a float (None for 1.0).
            return None if weights[0] == 1 else float(weights[0])
        return tuple(weights)


def use_term_pool(writer: SegmentWriter) -> TermPool | None:
    """Put a :class:`TermPool` in the writer's place for postings (None: not possible)."""
    if not available() or not isinstance(getattr(writer, "pool", None), PostingPool):
        return None
    writer.pool.cleanup()
    writer.pool = pool = TermPool()
    writer._flush_segment = types.MethodType(_flush_by_term, writer)
    return pool


def _flush_by_term(writer: SegmentWriter) -> None:
    """``SegmentWriter._flush_segment`` for a writer whose postings are in a TermPool."""
    pool, fieldwriter = writer.pool, writer.fieldwriter
    if writer.codec.length_stats or pool.has_values() or type(fieldwriter) is not W3FieldWriter:
        SegmentWriter._flush_segment(writer)  # Whoosh's own, a posting at a time
        return
    writer.perdocwriter.close()
    pool.write_by_term(writer.schema, fieldwriter)
    fieldwriter.close()


def add_counted(
    writer: IndexWriter, counts: Mapping[str, Mapping[str, int]], **columns: Any
) -> bool:
    """Add a document given as word counts by field, and column values, straight into the
    writer's TermPool (what ``add_document`` does with a field yielding these postings,
    without a tuple and three calls a posting). False when the writer has no TermPool."""
    pool = getattr(writer, "pool", None)
    if not isinstance(pool, TermPool):
        return False
    schema, perdoc, docnum = writer.schema, writer.perdocwriter, writer.docnum
    perdoc.start_doc(docnum)
    for fieldname in sorted(counts):
        words = counts[fieldname]
        pool.add_counts(fieldname, docnum, words)
        perdoc.add_field(fieldname, schema[fieldname], None, sum(words.values()))
    for fieldname, value in columns.items():
        field = schema[fieldname]
        perdoc.add_column_value(fieldname, field.column_type, field.to_column_value(value))
    perdoc.finish_doc()
    writer._added = True
    writer.docnum += 1
    return True


def pooled_postings(writer: SegmentWriter) -> int:
    """How many postings the writer holds in memory (0 when Whoosh's own pool holds them)."""
    pool = getattr(writer, "pool", None)
    return pool.postings if isinstance(pool, TermPool) else 0


def segment_writer(ix: Index, **options: Any) -> SegmentWriter:
    """A writer of one new segment that does not take the index's write lock."""
    writer = SegmentWriter(ix, _lk=False, **options)
    use_term_pool(writer)
    return writer


def finish_segment(writer: SegmentWriter) -> Any:
    """Write out a worker's segment and return it (None when it holds no documents).

    Not ``commit()``: that would write the table of contents and remove the temporary
    folder the other workers still use.
    """
    if not writer._added:
        writer._close_segment()
        return None
    return writer._finalize_segment()


def commit_with_segments(writer: SegmentWriter, segments: list[Any]) -> None:
    """Commit ``writer`` with the segments its workers wrote added to the index."""
    final = writer._merge_segments(None, None, None)  # Whoosh's usual merge of small ones
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final + [s for s in segments if s is not None])
    writer._finish()


def matcher_for(leaf: Any, fieldname: str, word: str, terminfo: Any) -> Any:
    """A segment's matcher for a word whose term info was read already (from
    ``iter_prefix``), without looking the word up again; deletions are not filtered."""
    terms = getattr(leaf, "_terms", None)
    if not available() or not isinstance(terms, W3TermsReader):
        matcher = leaf.postings(fieldname, word)
        return getattr(matcher, "child", matcher)
    if isinstance(terminfo, TermBytes):
        terminfo = terminfo.decoded()
    tbytes = word.encode("utf-8")
    format_ = leaf.schema[fieldname].format
    return terms._codec.postings_reader(
        terms._postfile, terminfo, format_, term=(fieldname, tbytes)
    )


def posting_blocks(matcher: Any) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    """A leaf matcher's (docnums, weights), a block at a time when the codec allows.

    A W3 block's docnums are decoded with ``itertools.accumulate`` (Whoosh's own decoder is a
    Python generator, most of a search's time on a common word); an inlined list is the
    terminfo's own pair of tuples.
    """
    if available() and isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            gaps, weights = matcher._data[0], matcher._data[1]
            if weights is None or isinstance(weights, float):  # all the same: stored once
                weights = (1.0 if weights is None else weights,) * len(gaps)
            yield list(accumulate(gaps)), weights
            matcher._next_block()
        return
    if available() and type(matcher) is ListMatcher and matcher._weights is not None:
        yield matcher._ids, matcher._weights
        return
    docnums, weights = [], []
    while matcher.is_active():
        docnums.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    yield docnums, weights


_maps: weakref.WeakKeyDictionary[OrderedHashReader, mmap.mmap] = weakref.WeakKeyDictionary()
_maps_lock = threading.Lock()


def _mapped(table: OrderedHashReader, fileno: Any) -> mmap.mmap:
    """A read-only map of a term table's file, unmapped once the table is let go."""
    with _maps_lock:
        data = _maps.get(table)
        if data is None:
            data = _maps[table] = mmap.mmap(fileno(), 0, access=mmap.ACCESS_READ)
    return data


# How an OrderedHashReader's index array stores positions (Whoosh reads them big-endian).
_POSITION_FORMATS = {code: struct.Struct("!" + code) for code in "BHiIq"}
_LENGTHS = struct.Struct("!ii")  # an entry's key length and value length, before them
_DOC_FREQUENCY = struct.Struct("!I")


class TermBytes(NamedTuple):
    """A W3 term info as its term table stores it, decoded only when its postings are read
    (a word's inlined postings are a pickle: most of the time of reading a term table)."""

    stored: bytes

    def doc_frequency(self) -> int:
        return _DOC_FREQUENCY.unpack_from(self.stored, 5)[0]  # after a flag byte, a float

    def decoded(self) -> W3TermInfo:
        return W3TermInfo.from_bytes(self.stored)


def words_with_prefix(
    leaf: Any, fieldname: str, prefix: bytes, limit: int
) -> list[tuple[bytes, TermBytes]] | None:
    """Up to ``limit`` (word, term info) of a segment's field whose words start with
    ``prefix``, in the term table's order, as ``leaf.iter_prefix`` gives them.

    Read from a memory map of the term file, kept while the segment's reader is (Whoosh
    keeps the file itself open as long). None when the table is not one this knows.
    """
    terms = getattr(leaf, "_terms", None)
    if not available() or not isinstance(terms, W3TermsReader):
        return None
    table = terms._tindex
    if type(table) is not OrderedHashReader or table.startoffset:
        return None
    position = _POSITION_FORMATS.get(str(table.extras.get("indextype")))
    fileno = getattr(table.dbfile, "fileno", None)
    if position is None or fileno is None or fieldname not in terms._fieldmap:
        return None
    key = terms._keycoder(fieldname, prefix)
    data = _mapped(table, fileno)
    base, step = table.indexbase, position.size

    def key_at(index: int) -> bytes:
        at = position.unpack_from(data, base + index * step)[0]
        length = _LENGTHS.unpack_from(data, at)[0]
        return data[at + _LENGTHS.size : at + _LENGTHS.size + length]

    first = bisect.bisect_left(range(table.indexlen), key, key=key_at)
    if first == table.indexlen:
        return []
    at = position.unpack_from(data, base + first * step)[0]
    found: list[tuple[bytes, TermBytes]] = []
    skip = len(key) - len(prefix)  # the field's number before each word
    while at < table.endofdata and len(found) < limit:
        key_length, value_length = _LENGTHS.unpack_from(data, at)
        start = at + _LENGTHS.size
        word_key = data[start : start + key_length]
        if not word_key.startswith(key):
            break
        value = data[start + key_length : start + key_length + value_length]
        found.append((word_key[skip:], TermBytes(value)))
        at = start + key_length + value_length
    return found

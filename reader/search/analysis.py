"""Turning folded text into index tokens: exact character grams and jieba words.

The index (see :mod:`reader.search.index`) holds two kinds of tokens:

- **grams** find the candidates, in an SQLite FTS5 table (``detail=none``: which articles
  hold a token, no positions) fed by its ``ascii`` tokenizer as space-separated strings (it
  splits only at ASCII non-alphanumerics and keeps every other character, so we decide
  where tokens end). An article's tokens are the distinct character bigrams of its title
  and body (``t[i] t[i+1]``, the last character with an end mark), and its title's bigrams
  once more behind :data:`TITLE_MARK` for ``title:`` terms. A term of two characters occurs
  exactly when its bigram does, one character exactly when some token starts with it (an
  FTS5 prefix query); a longer term needs all its bigrams, which narrows the articles to
  those that may hold it, and the folded text decides (:mod:`reader.search.matching`).
  ASCII punctuation, spaces and newlines are moved to private-use code points first, so the
  tokenizer never splits inside a token and "102 家" is not "102家".
- **words** rank, in a Whoosh index: jieba's precise segmentation (without its HMM guesses)
  with the editable domain dictionary (resources/dictionary/user_dict.txt), cut by
  :class:`Segmenter` and scored by BM25 (see :mod:`reader.search.ranking`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import rjieba
from whoosh.analysis import Token, Tokenizer

from reader.paths import resource_path
from reader.search.folding import fold

# Raise when tokens change for the same folded text and dictionary.
ANALYZER_VERSION = 4

_ASCII_SHIFT = 0xF0000  # plane-15 private use: never typed by an editor
END_MARK = chr(_ASCII_SHIFT + 0x80)
TITLE_MARK = chr(_ASCII_SHIFT + 0x81)  # before a title's bigrams, for title: terms
_SHIFT_ASCII = {code: _ASCII_SHIFT + code for code in range(0x80) if not chr(code).isalnum()}


def dictionary_path() -> Path:
    """The editable domain dictionary (jieba's format: ``word [frequency] [tag]`` a line)."""
    return resource_path("dictionary", "user_dict.txt")


def dictionary_hash(path: Path | None = None) -> str:
    """SHA-256 of the domain dictionary's bytes ("none" when the file is missing); read
    again only when the file's time or size changes (each search asks)."""
    path = path or dictionary_path()
    try:
        stat = path.stat()
    except OSError:
        return "none"
    return _hash_of(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _hash_of(path: str, _mtime_ns: int, _size: int) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "none"


def read_dictionary(path: Path) -> list[tuple[str, int | None, str | None]]:
    """The entries of a domain dictionary file, folded; blank and ``#`` lines skipped."""
    entries: list[tuple[str, int | None, str | None]] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return entries
    for line in lines:
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        word = fold(parts[0])
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else None
        entries.append((word, freq, tag))
    return entries


class Segmenter:
    """jieba's segmentation with the domain dictionary added: jieba-rs (through rjieba),
    jieba's algorithm and dictionary in Rust, some fifteen times faster than jieba's Python.

    ``cut(text, HMM=...)`` is jieba's ``Tokenizer.cut``, returning a list, so jieba's own
    TF-IDF keyword extractor can use it (see :mod:`reader.keywords`).
    """

    def __init__(self, entries: list[tuple[str, int | None, str | None]]) -> None:
        self._jieba = rjieba.Jieba()
        for word, freq, tag in entries:
            self._jieba.add_word(word, freq, tag)

    def cut(self, text: str, HMM: bool = True) -> list[str]:  # HMM: jieba's name for it
        return self._jieba.cut(text, HMM)


def make_tokenizer(path: Path | None = None) -> Segmenter:
    """A segmenter with the domain dictionary added (its own, no process-wide state)."""
    return Segmenter(read_dictionary(path or dictionary_path()))


@lru_cache(maxsize=2)
def _tokenizer_for(path: str, version: tuple[int, int] | None) -> Segmenter:
    return make_tokenizer(Path(path))


def shared_tokenizer() -> Segmenter:
    """This process's segmenter for the current dictionary (reloaded when the file changes:
    asked for each article and query, so the file is looked at, not read and hashed)."""
    path = dictionary_path()
    try:
        stat = path.stat()
        version: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = None
    return _tokenizer_for(str(path), version)


@lru_cache(maxsize=1)
def segmenter_version() -> str:
    """Which jieba-rs cuts the words (a new one may cut differently: the index is rebuilt)."""
    try:
        return metadata.version("rjieba")
    except metadata.PackageNotFoundError:
        return "?"


def encode(folded: str) -> str:
    """Folded text with ASCII non-alphanumerics moved out of the FTS5 tokenizer's way."""
    return folded.translate(_SHIFT_ASCII)


def _bigrams(folded: str) -> list[str]:
    """The bigram at each position of a folded text (the last one with the end mark)."""
    if not folded:
        return []
    marked = encode(folded) + END_MARK
    return [marked[i : i + 2] for i in range(len(folded))]


def gram_tokens(folded_title: str, folded_body: str) -> str:
    """The FTS5 token string of an article: its distinct bigrams, then its title's marked.

    The same texts always give the same string, which is what deleting the article's row
    from the contentless table needs.
    """
    title = _bigrams(folded_title)
    unique = dict.fromkeys(title)
    unique.update(dict.fromkeys(_bigrams(folded_body)))
    marked = dict.fromkeys(TITLE_MARK + gram for gram in title)
    return " ".join([*unique, *marked])


def gram_expression(folded_term: str, *, title_only: bool = False) -> tuple[str, bool]:
    """An FTS5 expression for the articles that may contain ``folded_term`` (in the title
    only, or anywhere), and whether it is exact: true exactly for the articles that do."""
    encoded = encode(folded_term)
    mark = TITLE_MARK if title_only else ""
    if len(encoded) == 1:
        return f'"{mark}{encoded}" *', True
    grams = dict.fromkeys(mark + encoded[i : i + 2] for i in range(len(encoded) - 1))
    return "(" + " AND ".join(f'"{gram}"' for gram in grams) + ")", len(encoded) == 2


class JiebaTokenizer(Tokenizer):
    """Whoosh's view of jieba: the words of a folded text (see :func:`word_list`).

    A list of words given to the field instead of a string is taken as already cut, which
    is how a rebuild hands over the words its worker processes cut.
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        words = word_list(shared_tokenizer(), fold(value)) if tokenize else [value]
        for i, word in enumerate(words):
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + i
            yield token


def word_list(tokenizer: Segmenter, folded: str) -> list[str]:
    """jieba's words of a folded text, punctuation and spaces left out."""
    return [word for word in tokenizer.cut(folded, HMM=False) if word.isalnum()]


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """What the index keeps of one article."""

    article_id: int
    title: str  # folded
    body: str  # folded
    title_words: list[str]
    body_words: list[str]


def analyze(tokenizer: Segmenter, article_id: int, title: str, text: str) -> AnalyzedArticle:
    """Fold an article and cut it into words."""
    folded_title = fold(title)
    folded_body = fold(text)
    return AnalyzedArticle(
        article_id,
        folded_title,
        folded_body,
        word_list(tokenizer, folded_title),
        word_list(tokenizer, folded_body),
    )

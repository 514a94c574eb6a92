"""Turning folded text into index tokens: exact character grams and jieba words.

The Whoosh index (see :mod:`reader.search.index`) has three kinds of fields:

- **grams** give exact recall. :class:`GramTokenizer` puts at position ``i`` of a folded
  text the token ``t[i] t[i+1]`` (the last position ``t[-1]`` + an end mark), so a string
  of n ≥ 2 characters occurs in the text exactly when its n-1 bigrams occur at consecutive
  positions (a Whoosh phrase, see :func:`gram_terms`). Every character is a token,
  spaces and punctuation included, so "102 家" is not "102家".
- **chars** find one character: :class:`CharSetTokenizer` yields each distinct character
  once (no positions: a single character needs no adjacency).
- **words** rank: jieba's precise segmentation with the editable domain dictionary
  (resources/dictionary/user_dict.txt), cut in worker processes and handed to Whoosh as
  space-separated words, scored by BM25F.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jieba
from whoosh.analysis import Token, Tokenizer

from reader.paths import cache_dir, resource_path
from reader.search.folding import fold

# Raise when tokens change for the same folded text and dictionary.
ANALYZER_VERSION = 2

END_MARK = chr(0xF0080)  # plane-15 private use: never typed by an editor

logging.getLogger("jieba").setLevel(logging.WARNING)


def dictionary_path() -> Path:
    """The editable domain dictionary (jieba's format: ``word [frequency] [tag]`` a line)."""
    return resource_path("dictionary", "user_dict.txt")


def dictionary_hash(path: Path | None = None) -> str:
    """SHA-256 of the domain dictionary's bytes ("none" when the file is missing)."""
    path = path or dictionary_path()
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
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


def make_tokenizer(path: Path | None = None) -> jieba.Tokenizer:
    """A jieba tokenizer with the domain dictionary added (its own, not jieba's global)."""
    tokenizer = jieba.Tokenizer()
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(folder)
    except OSError:  # no cache folder: jieba falls back to the system temp folder
        pass
    tokenizer.initialize()
    for word, freq, tag in read_dictionary(path or dictionary_path()):
        tokenizer.add_word(word, freq, tag)
    return tokenizer


@lru_cache(maxsize=2)
def _tokenizer_for(path: str, digest: str) -> jieba.Tokenizer:
    return make_tokenizer(Path(path))


def shared_tokenizer() -> jieba.Tokenizer:
    """This process's tokenizer for the current dictionary (reloaded when it changes)."""
    path = dictionary_path()
    return _tokenizer_for(str(path), dictionary_hash(path))


def gram_terms(folded_term: str) -> list[str]:
    """The gram tokens a text must hold at consecutive positions to contain ``folded_term``
    (two characters or more)."""
    return [folded_term[i : i + 2] for i in range(len(folded_term) - 1)]


class GramTokenizer(Tokenizer):
    """Overlapping character bigrams of an (already folded) text, with positions."""

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
        marked = value + END_MARK
        for i in range(len(value)):
            token.text = marked[i : i + 2]
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + i
            if chars:
                token.startchar = start_char + i
                token.endchar = start_char + i + 1
            yield token


class CharSetTokenizer(Tokenizer):
    """Each distinct character of a text once (for one-character queries)."""

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
        for i, char in enumerate(dict.fromkeys(value)):
            token.text = char
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + i
            yield token


def word_list(tokenizer: jieba.Tokenizer, folded: str) -> list[str]:
    """jieba's words of a folded text, punctuation and spaces left out."""
    return [word for word in tokenizer.cut(folded, HMM=False) if word.isalnum()]


def word_tokens(tokenizer: jieba.Tokenizer, folded: str) -> str:
    return " ".join(word_list(tokenizer, folded))


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """What the index keeps of one article."""

    article_id: int
    title: str  # folded
    body: str  # folded
    title_words: str
    body_words: str


def analyze(tokenizer: jieba.Tokenizer, article_id: int, title: str, text: str) -> AnalyzedArticle:
    """Fold an article and cut it into words."""
    folded_title = fold(title)
    folded_body = fold(text)
    return AnalyzedArticle(
        article_id,
        folded_title,
        folded_body,
        word_tokens(tokenizer, folded_title),
        word_tokens(tokenizer, folded_body),
    )

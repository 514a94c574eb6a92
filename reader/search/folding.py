"""Character folding shared by the index, the query and the span finder.

Every fold maps one character to exactly one character, so an offset into folded text is
the same offset into the original: spans found in folded text paint the original.

What folds together:
- traditional and simplified Chinese characters (OpenCC's character table, only the
  characters it maps to a single simplified form: 學→学, but 乾 stays 乾),
- full-width ASCII (Ａ１！) and the ideographic space with their half-width forms,
- upper and lower case (A→a, Ａ→a, Ä→ä), where the lower-case form is one character.
"""

from __future__ import annotations

import hashlib
import importlib.resources
from functools import lru_cache

# Raise when the fold table changes in a way its content hash would not show.
FOLD_VERSION = 1

_FULLWIDTH_FIRST = 0xFF01
_FULLWIDTH_LAST = 0xFF5E
_FULLWIDTH_OFFSET = 0xFF01 - 0x21
_IDEOGRAPHIC_SPACE = 0x3000


def _traditional_to_simplified() -> dict[int, int]:
    """OpenCC's 1:1 traditional→simplified characters (ambiguous entries left out)."""
    table_file = importlib.resources.files("opencc_purepy") / "dicts" / "TSCharacters.txt"
    mapping: dict[int, int] = {}
    for line in table_file.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        candidates = targets.split()
        single = len(source) == 1 and len(candidates) == 1 and len(candidates[0]) == 1
        if single and candidates[0] != source:
            mapping[ord(source)] = ord(candidates[0])
    return mapping


def _single_char_map() -> dict[int, int]:
    mapping: dict[int, int] = {}
    for code in range(_FULLWIDTH_FIRST, _FULLWIDTH_LAST + 1):
        mapping[code] = code - _FULLWIDTH_OFFSET
    mapping[_IDEOGRAPHIC_SPACE] = ord(" ")
    for code in range(0x10000):
        lower = chr(code).lower()
        if len(lower) == 1 and lower != chr(code):
            mapping[code] = ord(lower)
    mapping.update(_traditional_to_simplified())
    return mapping


def _resolve_chains(mapping: dict[int, int]) -> dict[int, int]:
    """Follow a→b→c to a→c so that folding twice equals folding once."""
    resolved: dict[int, int] = {}
    for source in mapping:
        target = mapping[source]
        seen = {source}
        while target in mapping and target not in seen:
            seen.add(target)
            target = mapping[target]
        if target != source:
            resolved[source] = target
    return resolved


@lru_cache(maxsize=1)
def fold_table() -> dict[int, int]:
    """The code point → code point table used by :func:`fold` (built once)."""
    return _resolve_chains(_single_char_map())


@lru_cache(maxsize=1)
def _translation_list() -> list[str]:
    # str.translate looks a list up by index about 2.5x faster than a dict by key; code
    # points past the end raise IndexError, which translate takes as "leave unchanged".
    table = fold_table()
    characters = [chr(code) for code in range(max(table) + 1)]
    for source, target in table.items():
        characters[source] = chr(target)
    return characters


def fold(text: str) -> str:
    """Fold ``text`` for matching; the result has the same length as ``text``."""
    return text.translate(_translation_list())


@lru_cache(maxsize=1)
def fold_signature() -> str:
    """A short hash of the fold table, for the index's version stamp (each search asks)."""
    digest = hashlib.sha256(str(FOLD_VERSION).encode())
    for source, target in sorted(fold_table().items()):
        digest.update(f"{source}:{target},".encode())
    return digest.hexdigest()[:16]

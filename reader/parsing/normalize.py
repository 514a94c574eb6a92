"""Small text rules the bulletin parser is built from: punctuation, joins, contents lines.

Every function here is pure and keeps every non-space character of its input: the parser
may drop or add spaces at line joins, never a Chinese character.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from difflib import SequenceMatcher
from itertools import groupby
from typing import NamedTuple

from reader.parsing.charclass import char_class, count_matches

# Sentence (and clause-closing) punctuation after which a paragraph may end.
SENTENCE_END = "。！？!?…；;：:."
# Closing quotes and brackets that may follow the sentence-ending mark.
CLOSERS = "”’」』\"'》〉】"
# A paragraph that ends with a closing parenthesis is taken as finished: bulletins end
# lead paragraphs with "（以下简称《通知》）" and page breaks rarely fall right after one.
CLOSING_PARENS = "）)"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
CLAUSE_PUNCT = "，,、；;：:"
STRONG_STOPS = "。！？!?"

_LEADER = re.compile(r"(?:\s*(?:[.．·•…⋯_\-—]\s*){2,}\s*|\s+)$")
_TRAILING_PAGE = re.compile(r"(\d{1,3})$")


_CJK_RANGES = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x3134F),
    (0xF900, 0xFAFF),
    (0x3007, 0x3007),  # 〇
)
_CJK = re.compile(char_class(_CJK_RANGES))
_WIDE_WIDTHS = ("W", "F")


def is_cjk(char: str) -> bool:
    """True for a Chinese character (CJK ideographs, extensions, compatibility ideographs)."""
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def is_wide(char: str) -> bool:
    """True for a character set full-width: CJK ideographs and CJK punctuation."""
    return is_cjk(char) or unicodedata.east_asian_width(char) in _WIDE_WIDTHS


class _WidePatterns(NamedTuple):
    """Regexes over the characters ``is_wide`` accepts, for whole lines at once."""

    narrow: re.Pattern[str]  # one character that is not wide
    pair: re.Pattern[str]  # a wide character with another one after it
    spaced: re.Pattern[str]  # one space between two wide characters


@functools.cache
def _wide_patterns() -> _WidePatterns:
    # The east-asian-width property has no regex class: read it off every code point, once
    # (about 0.1 s), on the first call rather than at import.
    ranges = list(_CJK_RANGES)
    start = 0
    widths = map(unicodedata.east_asian_width, map(chr, range(0x110000)))
    for width, run in groupby(widths):
        length = len(list(run))
        if width in _WIDE_WIDTHS:
            ranges.append((start, start + length - 1))
        start += length
    wide = char_class(ranges)
    return _WidePatterns(
        narrow=re.compile(char_class(ranges, negate=True)),
        pair=re.compile(f"{wide}(?={wide})"),
        spaced=re.compile(f"(?<={wide}) (?={wide})"),
    )


def cjk_count(text: str) -> int:
    """How many Chinese characters ``text`` holds."""
    return count_matches(_CJK, text)


def non_space(text: str) -> str:
    """``text`` without any whitespace: what the "no character lost" checks compare."""
    return "".join(text.split())


def remove_cjk_letter_spacing(line: str) -> str:
    """Remove the spaces a PDF puts between the characters of a letter-spaced line.

    A line counts as letter-spaced when most neighbouring wide characters (Chinese
    characters and full-width punctuation) are separated by one space. Only single spaces
    between two wide characters are removed; spaces at the ends of the line (layout cues),
    around digits and Latin words, and in ordinary lines stay as printed.

    Args:
        line: one line of text.

    Returns:
        The line with letter-spacing removed, or the line unchanged.
    """
    core = line.strip(" ")
    if " " not in core:  # nothing to remove (most lines)
        return line
    patterns = _wide_patterns()
    spaced = count_matches(patterns.spaced, core)
    if spaced < 3:
        return line
    # Pairs overlap ("中文字" is two): the pattern looks ahead at the second character.
    joined = count_matches(patterns.pair, core)
    if spaced <= 2 * joined:
        return line
    lead = line[: len(line) - len(line.lstrip(" "))]
    tail = line[len(line.rstrip(" ")) :]
    return lead + patterns.spaced.sub("", core) + tail


def is_paragraph_end(text: str) -> bool:
    """True when ``text`` ends where a paragraph may end (a sentence or a clause list).

    "。", "！", "？", "…", "；", "：" (and their half-width forms, and "."), possibly followed
    by closing quotes, end a paragraph; so does a closing parenthesis. A comma, "、" or a
    bare character means the paragraph goes on (a page break cut it).
    """
    stripped = text.rstrip()
    if not stripped:
        return True
    if stripped[-1] in CLOSING_PARENS:
        return True
    body = stripped.rstrip(CLOSERS)
    if not body:
        return False
    return body[-1] in SENTENCE_END and not _is_decimal_point(body)


def _is_decimal_point(text: str) -> bool:
    return text.endswith(".") and len(text) > 1 and text[-2].isdigit()


def _word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def join_wrapped(first: str, second: str) -> str:
    """Join a line with the line that continues it (a wrap or a page break).

    The spaces around the join are dropped; one space goes back only between two Latin
    letters or digits, where a word boundary was lost with the line end.

    Args:
        first: the text before the break.
        second: the text after it.

    Returns:
        The joined text.
    """
    head = first.rstrip()
    tail = second.lstrip()
    if not head:
        return tail
    if not tail:
        return head
    if _word_char(head[-1]) and _word_char(tail[0]):
        return f"{head} {tail}"
    return head + tail


def strip_toc_leader_and_page(line: str) -> tuple[str, int | None]:
    """Split a contents entry into its title and page number.

    The page number may be glued to the title (``…进展2``), follow a space (``发展 6``), or
    follow leaders of any kind (``...``, ``.....``, ``……``). Entry markers (``- ★``) at the
    start are removed too.

    Returns:
        ``(title, page)``, page ``None`` when the entry has none.
    """
    text = strip_entry_marker(line).rstrip()
    page: int | None = None
    match = _TRAILING_PAGE.search(text.translate(FULLWIDTH_DIGITS))
    if match and match.start() > 0:
        page = int(match.group(1))
        text = text[: match.start()]
    leader = _LEADER.search(text)
    if leader and leader.start() > 0:
        text = text[: leader.start()]
    # What is left of a leader a scan lost (one dot after the title's last character).
    while len(text) > 1 and text[-1] in ".．·•…⋯" and is_cjk(text[-2]):
        text = text[:-1]
    return text.strip(), page


_ENTRY_MARKER = re.compile(r"^[\s\-–—·•★☆●○◆◇■□▲△►▶*]*")


def strip_entry_marker(line: str) -> str:
    """``line`` without the list markers (``-``, ``★``, ``●``…) at its start."""
    match = _ENTRY_MARKER.match(line)
    return line[match.end() :] if match else line


def starts_with_entry_marker(line: str) -> bool:
    """True for a contents or list entry line: ``★ …``, ``- ★ …``, ``- …``, ``-``."""
    stripped = line.strip()
    if not stripped:
        return False
    if stripped[0] in "★☆●○◆◇■□▲△►▶":
        return True
    return stripped == "-" or (stripped.startswith("- ") and not stripped.startswith("--"))


def fuzzy_title_match(first: str, second: str) -> float:
    """How alike two titles are, from 0.0 to 1.0, ignoring spaces and width differences.

    Used to pair a contents entry with the title over its article when the two differ by a
    character or two (``…赋能科创新路径`` and ``…赋能科技创新路径``).
    """
    left = unicodedata.normalize("NFKC", non_space(first))
    right = unicodedata.normalize("NFKC", non_space(second))
    if left == right:
        return 1.0
    if not left or not right:
        return 0.0
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def drop_name_padding(name: str) -> str:
    """``李 涛`` → ``李涛``: remove the spaces that pad a short Chinese name to width.

    Only spaces between single Chinese characters go; ``张三 李四`` (two names) stays.
    """
    parts = name.split()
    if len(parts) > 1 and all(len(part) == 1 and is_cjk(part) for part in parts):
        return "".join(parts)
    return " ".join(parts)


def has_strong_stop(text: str) -> bool:
    """True when ``text`` holds a full stop, "！" or "？" anywhere: a sentence, not a heading."""
    return any(char in STRONG_STOPS for char in text)


def display_width(text: str) -> int:
    """Width in half-width cells: Chinese characters count two, others one."""
    # Every character counts one, the wide ones once more; the narrow ones are the fewer
    # in Chinese text, so they are the ones counted.
    wide = len(text) - count_matches(_wide_patterns().narrow, text)
    return len(text) + wide

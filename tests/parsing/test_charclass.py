"""The regex counts of the text rules agree with plain per-character definitions (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from reader.parsing import decode
from reader.parsing.charclass import char_class
from reader.parsing.normalize import (
    _wide_patterns,
    cjk_count,
    display_width,
    is_cjk,
    is_wide,
    remove_cjk_letter_spacing,
)

# Characters of every kind the rules tell apart; hypothesis draws from a flat sample far
# more evenly than from a union of character strategies.
CHARS = (
    "中文字测试的是在了〇豈"  # Chinese
    "  \t\n\r\f\v\x00\x1b\x7f\ufeffAbc019,.-·×÷°±é"  # ASCII, controls, Latin-1
    "，。、；：“”（）《》—…★①℃　ＡＢ１２ｱ"  # CJK and full-width punctuation
    "𠀀𪜶𰀀\U0001f600\U000e0001\ud800"  # astral, tag, surrogate
)
TEXT = st.one_of(st.text(st.sampled_from(CHARS), max_size=80), st.text(max_size=80))
# Lines with a space after some characters: letter-spaced, ordinary or in between.
SPACED_LINE = st.lists(st.tuples(st.sampled_from(CHARS), st.booleans()), max_size=40).map(
    lambda pairs: "".join(char + " " * spaced for char, spaced in pairs)
)


def letter_spacing_reference(line: str) -> str:
    """``remove_cjk_letter_spacing`` as a loop over the characters (the former code)."""
    core = line.strip(" ")
    if not core:
        return line
    spaced = joined = 0
    for index, char in enumerate(core[:-1]):
        following = core[index + 1]
        if is_wide(char) and is_wide(following):
            joined += 1
        elif char == " " and index > 0 and is_wide(core[index - 1]) and is_wide(following):
            spaced += 1
    if spaced < 3 or spaced <= 2 * joined:
        return line
    lead = line[: len(line) - len(line.lstrip(" "))]
    tail = line[len(line.rstrip(" ")) :]
    kept = [
        char
        for index, char in enumerate(core)
        if not (
            char == " "
            and 0 < index < len(core) - 1
            and is_wide(core[index - 1])
            and is_wide(core[index + 1])
        )
    ]
    return lead + "".join(kept) + tail


def plausible_reference(text: str) -> float:
    sample = text[: decode._SAMPLE]
    if not sample:
        return 1.0
    good = sum(
        1
        for char in sample
        if char in "\t\n\r\f\ufeff"
        or any(low <= ord(char) <= high for low, high in decode._TEXT_RANGES)
        or 0x20000 <= ord(char) <= 0x3134F
    )
    return good / len(sample)


def chinese_share_reference(text: str) -> float:
    wide = [char for char in text[: decode._SAMPLE] if not char.isascii()]
    if not wide:
        return 1.0
    chinese = sum(
        1
        for char in wide
        if any(low <= ord(char) <= high for low, high in decode._CHINESE_RANGES) or char in "·×÷°±"
    )
    return chinese / len(wide)


@given(TEXT)
@example("")
@example("科 技 情 报 参 考")
@example(" 科 技 情报 参考 ")
@example("中 文 字 〇 ， 。 Ａ")
def test_counts_agree_with_the_per_character_definitions(text: str) -> None:
    assert display_width(text) == sum(2 if is_wide(char) else 1 for char in text)
    assert cjk_count(text) == sum(1 for char in text if is_cjk(char))
    assert remove_cjk_letter_spacing(text) == letter_spacing_reference(text)
    assert decode._plausible(text) == plausible_reference(text)
    assert decode._chinese_share(text) == chinese_share_reference(text)
    controls = sum(1 for char in text if char in decode._CONTROL)
    assert len(decode._CONTROL_CHAR.findall(text)) == controls


@given(st.one_of(SPACED_LINE, TEXT.map(lambda text: " ".join(text.replace(" ", "")))))
@example("中 文 字 测 试试试")  # four spaced, two joined (the pairs overlap): left alone
@example("中 文  字 测 试")  # the double space stays
def test_letter_spaced_lines_agree_with_the_per_character_definition(line: str) -> None:
    assert remove_cjk_letter_spacing(line) == letter_spacing_reference(line)


def test_wide_class_holds_exactly_the_wide_characters() -> None:
    narrow = _wide_patterns().narrow
    mismatches = [
        code for code in range(0x110000) if (narrow.match(chr(code)) is None) != is_wide(chr(code))
    ]
    assert mismatches == []


@given(st.lists(st.tuples(st.integers(0, 0x10FFFF), st.integers(0, 300)), max_size=8), TEXT)
def test_char_class_holds_exactly_its_ranges(spans: list[tuple[int, int]], text: str) -> None:
    ranges = [(low, min(low + size, 0x10FFFF)) for low, size in spans]
    pattern = re.compile(char_class(ranges, "]-^\\"))
    for char in text + "]-^\\":
        inside = char in "]-^\\" or any(low <= ord(char) <= high for low, high in ranges)
        assert (pattern.match(char) is not None) == inside

"""Bytes of a text bulletin to a string: UTF-8, UTF-16 or GB18030, any line ends."""

from __future__ import annotations

import codecs
import re

from reader.parsing.charclass import char_class, count_matches
from reader.parsing.model import SourceError

_SAMPLE = 8192
# Control characters that never occur in text (tab, LF, FF, CR and ESC-free text only).
_CONTROL_BYTES = frozenset(set(range(32)) - set(b"\t\n\r\f") | {0x7F})
_CONTROL = {chr(code) for code in range(32)} - {"\t", "\n", "\r", "\f", "\v"}
_CONTROL_CHAR = re.compile(char_class((), "".join(sorted(_CONTROL))))


def decode_text(data: bytes) -> str:
    """Decode the bytes of a text file and make its line ends ``\\n``.

    Recognises UTF-8 with or without BOM, UTF-16 LE/BE with a BOM or without one (told by
    where the NUL bytes of ASCII characters fall), and GB18030 (which covers GBK and
    GB2312). CRLF and lone CR become LF.

    Args:
        data: the whole file.

    Returns:
        The text, without a BOM.

    Raises:
        SourceError: "empty file", "binary data, not text" or "cannot decode text …".
    """
    if not data.strip(b" \t\r\n\x00"):
        raise SourceError("source.empty")
    text = _decode(data)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise SourceError("source.empty")
    controls = count_matches(_CONTROL_CHAR, text[:_SAMPLE])
    if controls > max(2, len(text[:_SAMPLE]) // 100):
        raise SourceError("source.binary")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    if b"\x00" in data[:_SAMPLE]:
        return _utf16_without_bom(data)
    decoded = False
    candidates: list[tuple[float, int, str]] = []
    for preference, encoding in enumerate(("utf-8", "gb18030")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        decoded = True
        if _plausible(text) >= 0.9:
            candidates.append((_chinese_share(text), -preference, text))
    if candidates:
        # Short GB18030 text can be valid UTF-8 too (一 reads as Cyrillic һ): the reading
        # with more Chinese wins, UTF-8 on a tie.
        return max(candidates)[2]
    if decoded:
        raise SourceError("source.binary")
    sample = data[:_SAMPLE]
    # Deleting the control bytes counts them.
    controls = len(sample) - len(sample.translate(None, bytes(_CONTROL_BYTES)))
    if controls * 100 > len(sample):
        raise SourceError("source.binary")
    raise SourceError("source.undecodable")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SourceError("source.undecodable_as", encoding=encoding.upper()) from error


def _utf16_without_bom(data: bytes) -> str:
    """Text with NUL bytes: UTF-16 without a BOM when a byte order reads as text.

    ASCII characters (digits, spaces, line ends) carry a NUL byte: on odd offsets in
    little-endian, on even ones in big-endian. Some Chinese characters have one too (一 is
    U+4E00), so the parity only ranks the two orders; the text must then read as text.
    Anything else with NULs is binary.
    """
    if len(data) % 2 == 0:
        sample = data[:_SAMPLE]
        odd = sample[1::2].count(0)
        even = sample[0::2].count(0)
        orders = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
        readings: list[tuple[float, int, str]] = []
        for rank, encoding in enumerate(orders):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            score = _plausible(text)
            if score >= 0.9:
                readings.append((score, -rank, text))
        if readings:
            # Ideal text scores 1.0 in both orders more often than not: parity decides then.
            best = max(readings, key=lambda reading: (round(reading[0], 2), reading[1]))
            return best[2]
    raise SourceError("source.binary")


_TEXT_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x24F),  # Latin-1 and Latin Extended (·, é)
    (0x370, 0x4FF),  # Greek, Cyrillic
    (0x2000, 0x27BF),  # punctuation “”…—, symbols ★ ①, arrows
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x30FF),  # CJK punctuation, kana
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),  # full-width forms
)

# Any character outside the text ranges, CJK extensions B–H (U+20000–U+3134F) and the
# whitespace and BOM that text holds.
_IMPLAUSIBLE = re.compile(
    char_class([*_TEXT_RANGES, (0x20000, 0x3134F)], "\t\n\r\f\ufeff", negate=True)
)

_CHINESE_RANGES = (
    (0x2010, 0x203B),  # dashes, quotes, …, ※
    (0x2100, 0x26FF),  # ℃ №, arrows, ①, shapes, ★
    (0x3000, 0x303F),
    (0x3400, 0x9FFF),
    (0xFF00, 0xFFEF),
)
# A non-ASCII character that is not Chinese (nor CJK punctuation or a symbol of the kind).
_NON_CHINESE_WIDE = re.compile(char_class([(0x00, 0x7F), *_CHINESE_RANGES], "·×÷°±", negate=True))


def _chinese_share(text: str) -> float:
    """Share of the non-ASCII characters that are Chinese, CJK punctuation or symbols."""
    sample = text[:_SAMPLE]
    # Dropping the non-ASCII characters in the encoder counts the ASCII ones in C.
    wide = len(sample) - len(sample.encode("ascii", "ignore"))
    if not wide:
        return 1.0
    chinese = wide - count_matches(_NON_CHINESE_WIDE, sample)
    return chinese / wide


def _plausible(text: str) -> float:
    """Share of the first characters that occur in ordinary Chinese or Western text."""
    sample = text[:_SAMPLE]
    if not sample:
        return 1.0
    good = len(sample) - count_matches(_IMPLAUSIBLE, sample)
    return good / len(sample)

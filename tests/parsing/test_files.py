"""Reading files: dispatch by suffix, encodings, and one clear reason for each bad file."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.parsing.decode import decode_text
from reader.parsing.files import parse_file
from reader.parsing.model import SourceError
from tests.support import text_renditions as r
from tests.support.issues import office_text


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_text_file_parses_as_txt(tmp_path: Path) -> None:
    fmt, issue = parse_file(write(tmp_path / "issue.TXT", office_text().encode()))
    assert fmt == "txt"
    assert len(issue.articles) == 3


def test_text_suffix_is_accepted(tmp_path: Path) -> None:
    fmt, _ = parse_file(write(tmp_path / "issue.text", office_text().encode("gb18030")))
    assert fmt == "txt"


@pytest.mark.parametrize(
    "encode",
    [r.gb18030_crlf, r.utf8_bom, r.utf16, lambda t: r.utf16(t, big_endian=True, bom=False)],
)
def test_every_encoding_gives_the_same_issue(
    tmp_path: Path, encode: Callable[[str], bytes]
) -> None:
    reference = parse_file(write(tmp_path / "a.txt", office_text().encode()))
    assert parse_file(write(tmp_path / "b.txt", encode(office_text()))) == reference


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"\r\n \n\t\n", "empty file"),
        ("bom-only.txt", b"\xef\xbb\xbf", "empty file"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file, not text"),
        ("word.txt", b"PK\x03\x04" + b"\x00" * 40, "ZIP archive"),
        ("noise.txt", random.Random(7).randbytes(4000), "binary data, not text"),
        ("nul-free-noise.txt", bytes(b or 1 for b in random.Random(8).randbytes(4000)), "binary"),
        ("fake.pdf", "不是 PDF 的文本".encode(), "not a PDF file"),
        ("fake.docx", "不是 Word 的文本".encode(), "not a DOCX file"),
        ("sheet.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "unsupported file type .xls"),
        ("fake.doc", "不是 Word 的文本".encode(), "not a Word 97-2003 or WPS document"),
        ("fake.wps", b"", "empty file"),
        ("fake.ofd", "不是 OFD 的文本".encode(), "not an OFD file"),
        ("fake.mht", b"", "empty file"),
        ("novel.txt", ("从前有座山，山里有座庙。" * 40).encode(), "not a bulletin"),
    ],
)
def test_bad_files_are_refused_with_one_clear_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    with pytest.raises(SourceError) as caught:
        parse_file(write(tmp_path / name, data))
    message = str(caught.value)
    assert reason in message
    assert "\n" not in message and len(message) < 120


def test_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read file"):
        parse_file(tmp_path / "gone.txt")


def test_text_over_50_mb_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.write("科技".encode())
        stream.truncate(50 * 1024 * 1024 + 1)
    with pytest.raises(SourceError, match="file too large"):
        parse_file(big)
    os.remove(big)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"a\r\nb\rc\n", "a\nb\nc\n"),
        ("第一行\r\n第二行".encode("gbk"), "第一行\n第二行"),
        ("科技 102 家".encode("utf-16-le"), "科技 102 家"),
        ("\ufeff一是".encode("utf-16-be"), "一是"),
    ],
)
def test_decode_text(data: bytes, text: str) -> None:
    assert decode_text(data) == text


def test_utf16_without_ascii_nul_clues_in_chinese_is_still_read() -> None:
    # 一 (U+4E00) has a NUL byte of its own; the ASCII digits and line ends decide.
    text = "一是一流\n一二三 2023\n" * 30
    assert decode_text(text.encode("utf-16-le")) == text
    assert decode_text(text.encode("utf-16-be")) == text


def test_text_in_an_unknown_encoding_is_refused() -> None:
    # Big5 bytes that are neither UTF-8 nor GB18030 nor binary.
    data = "\u79d1\u6280\u60c5\u5831\u53c3\u8003\n".encode("big5") + b"\x80\xff" * 3
    with pytest.raises(SourceError, match=r"^cannot decode text"):
        decode_text(data)

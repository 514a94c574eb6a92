"""Every rendition of a real bulletin (encoding, line ends, re-wrapping, layout) parses the same."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.parsing.bulletin import parse_blocks
from reader.parsing.files import parse_file
from tests.parsing.corpus_expect import EXPECTED
from tests.parsing.test_corpus import corpus_file
from tests.support import text_renditions as r

pytestmark = pytest.mark.corpus
STEMS = sorted(EXPECTED)

BYTE_RENDITIONS: dict[str, Callable[[str], bytes]] = {
    "gb18030-crlf": r.gb18030_crlf,
    "utf16-le-bom": r.utf16,
    "utf16-be-bom": lambda text: r.utf16(text, big_endian=True),
    "utf16-le-no-bom": lambda text: r.utf16(text, bom=False),
    "utf16-be-no-bom": lambda text: r.utf16(text, big_endian=True, bom=False),
    "utf8-bom": r.utf8_bom,
    "cr-only": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "final-newline": lambda text: (text + "\n").encode("utf-8"),
}
TEXT_RENDITIONS: dict[str, Callable[[str], str]] = {
    **{f"wrapped-{w}": (lambda text, w=w: r.rewrap_blank_between(text, w)) for w in (28, 31, 35)},
    **{f"pdf-style-{w}": (lambda text, w=w: r.rewrap_pdf_style(text, w)) for w in (28, 30, 33, 35)},
    "pdf-style-gb18030-crlf": lambda text: r.rewrap_pdf_style(text, 30, page_lines=17),
}


@pytest.mark.parametrize("name", sorted(BYTE_RENDITIONS))
@pytest.mark.parametrize("stem", STEMS)
def test_encodings_and_line_ends(corpus_dir: Path, tmp_path: Path, stem: str, name: str) -> None:
    original = corpus_file(corpus_dir, stem)
    copy = tmp_path / "issue.txt"
    copy.write_bytes(BYTE_RENDITIONS[name](original.read_text(encoding="utf-8")))
    assert parse_file(copy) == parse_file(original)


@pytest.mark.parametrize("name", sorted(TEXT_RENDITIONS))
@pytest.mark.parametrize("stem", STEMS)
def test_rewrapped_text(corpus_dir: Path, tmp_path: Path, stem: str, name: str) -> None:
    original = corpus_file(corpus_dir, stem)
    rewrapped = TEXT_RENDITIONS[name](original.read_text(encoding="utf-8"))
    copy = tmp_path / "issue.txt"
    if "gb18030" in name:
        copy.write_bytes(r.gb18030_crlf(rewrapped))
    else:
        copy.write_text(rewrapped, encoding="utf-8")
    assert parse_file(copy) == parse_file(original)


def test_rewrapped_text_really_is_wrapped(corpus_dir: Path) -> None:
    text = corpus_file(corpus_dir, "000").read_text(encoding="utf-8")
    for rendition in (r.rewrap_blank_between(text, 28), r.rewrap_pdf_style(text, 28)):
        lines = [line.strip() for line in rendition.split("\n") if line.strip()]
        assert sum(r.cells(line) <= 56 for line in lines) > 0.9 * len(lines)
        assert max(r.cells(line) for line in lines) <= 80
        assert "".join(rendition.split()) == "".join(text.split())
    assert any(line.startswith(" ") for line in r.rewrap_pdf_style(text, 28).split("\n"))


@pytest.mark.parametrize("toc_tabs", [False, True])
@pytest.mark.parametrize("stem", STEMS)
def test_docx_like_blocks(corpus_dir: Path, stem: str, toc_tabs: bool) -> None:
    _, issue = parse_file(corpus_file(corpus_dir, stem))
    blocks = r.docx_like_blocks(issue, toc_tabs=toc_tabs)
    long_titles = [a.title for a in issue.articles if len(a.title) > 20]
    assert long_titles
    assert not {block.text for block in blocks} & set(long_titles)  # set over two paragraphs
    assert parse_blocks(blocks) == issue


@pytest.mark.parametrize("width", [26, 30, 34])
@pytest.mark.parametrize("stem", STEMS)
def test_pdf_like_blocks(corpus_dir: Path, stem: str, width: int) -> None:
    _, issue = parse_file(corpus_file(corpus_dir, stem))
    blocks = r.pdf_like_blocks(issue, width=width)
    assert len(blocks) > 3 * len(issue.articles)
    assert parse_blocks(blocks) == issue

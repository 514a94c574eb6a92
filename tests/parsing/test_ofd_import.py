"""Bulletins typeset as OFD import exactly; damaged, encrypted, empty and bomb OFDs are refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reader.parsing.bulletin import parse_blocks, parse_text
from reader.parsing.files import parse_file
from reader.parsing.model import ParsedArticle, ParsedIssue, SourceError
from reader.parsing.ofd import extract_ofd_blocks
from tests.conftest import corpus_files
from tests.support.make_samples import sample_issue, sample_issue_numbers
from tests.support.typeset import article_pages, differences
from tests.support.typeset_ofd import lines_page, write_ofd, write_ofd_package


def imported(issue: ParsedIssue, path: Path, **options: bool) -> ParsedIssue:
    write_ofd(issue, path, **options)
    fmt, got = parse_file(path)
    assert fmt == "ofd"
    return got


@pytest.mark.parametrize("header", [True, False], ids=["running-header", "no-header"])
@pytest.mark.parametrize("number", sample_issue_numbers())
def test_invented_issue_round_trips(tmp_path: Path, number: int, header: bool) -> None:
    issue = sample_issue(number)
    got = imported(issue, tmp_path / "issue.ofd", running_header=header)
    assert differences(issue, got, article_pages(issue)) == []


def test_layout_cues_come_through(tmp_path: Path) -> None:
    issue = sample_issue(3)
    path = write_ofd(issue, tmp_path / "issue.ofd")
    blocks = extract_ofd_blocks(path)
    title = next(b for b in blocks if b.text == issue.articles[0].title)
    assert title.bold and title.centered and title.page == 2
    body = next(b for b in blocks if b.text.startswith(issue.articles[0].paragraphs[0][:8]))
    assert body.indented and not body.bold and body.size is not None and title.size is not None
    assert title.size > body.size
    assert not any("模板页眉" in b.text or b.text.startswith("- ") for b in blocks)


def test_issue_without_masthead_or_contents_round_trips(tmp_path: Path) -> None:
    issue = ParsedIssue(
        articles=[ParsedArticle(a.title, a.paragraphs) for a in sample_issue(5).articles]
    )
    assert differences(issue, imported(issue, tmp_path / "bare.ofd")) == []


@pytest.mark.corpus
@pytest.mark.parametrize("name", [p.name for p in corpus_files()] or ["absent"])
def test_real_bulletin_typeset_as_ofd_imports_exactly(
    corpus_dir: Path, tmp_path: Path, name: str
) -> None:
    issue = parse_text((corpus_dir / name).read_text(encoding="utf-8"))
    assert differences(issue, imported(issue, tmp_path / "issue.ofd")) == []


def _bad(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    if name == "not-zip.ofd":
        path.write_bytes(b"<ofd:OFD/> not a zip")
    elif name == "empty.ofd":
        path.write_bytes(b"")
    elif name == "no-text.ofd":
        write_ofd_package(path, [lines_page([])])
    elif name == "encrypted.ofd":
        write_ofd_package(path, [lines_page(["正文"])], extra={"Encryptions.xml": b"<x/>"})
    elif name == "broken-xml.ofd":
        write_ofd_package(path, ["<ofd:Page xmlns:ofd='http://www.ofdspec.org/2016'><unclosed"])
    elif name == "bomb.ofd":
        # A page that unpacks to 40 MB of white space from a few kilobytes.
        padded = lines_page(["正文"]).replace("<ofd:Content>", "<ofd:Content>" + " " * (40 << 20))
        write_ofd_package(path, [padded])
    elif name == "missing-page.ofd":
        write_ofd_package(path, [lines_page(["正文"])])
        rewritten = tmp_path / "copy.ofd"
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(rewritten, "w") as target:
            for info in source.infolist():
                if "Page_0" not in info.filename:
                    target.writestr(info, source.read(info))
        rewritten.replace(path)
    return path


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("not-zip.ofd", "not an OFD file"),
        ("empty.ofd", "not an OFD file"),
        ("no-text.ofd", "OFD has no text"),
        ("encrypted.ofd", "OFD is encrypted"),
        ("broken-xml.ofd", "OFD is damaged"),
        ("bomb.ofd", "suspicious OFD"),
        ("missing-page.ofd", "OFD is damaged"),
    ],
)
def test_bad_ofd_is_refused_with_its_reason(tmp_path: Path, name: str, reason: str) -> None:
    with pytest.raises(SourceError, match=reason):
        parse_file(_bad(tmp_path, name))


def test_an_ofd_that_is_not_a_bulletin_is_refused(tmp_path: Path) -> None:
    path = write_ofd_package(
        tmp_path / "letter.ofd", [lines_page(["会议通知", "各位同事：", "办公室"])]
    )
    with pytest.raises(SourceError, match="not a bulletin"):
        parse_blocks(extract_ofd_blocks(path))

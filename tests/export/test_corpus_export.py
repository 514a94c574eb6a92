"""Every export of the 33 real articles (../shared/corpus) reads back to the same text."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from reader.archive import Archive
from reader.export import export_brief
from reader.importer import import_paths
from reader.store import issues as store
from tests.export.samples import squeeze

pytestmark = pytest.mark.corpus
DASHES = ("——", "———", "――")
FOOTER = re.compile(r"—\d+—")


@pytest.fixture(scope="module")
def corpus_archive(tmp_path_factory, request) -> Iterator[tuple[Archive, list[int]]]:
    from tests.conftest import CORPUS_DIR

    if not CORPUS_DIR.is_dir():
        pytest.skip("../shared/corpus is not here")
    with Archive(tmp_path_factory.mktemp("corpus-archive")) as archive:
        import_paths(archive, [CORPUS_DIR])
        ids = [
            article.id
            for issue in store.list_issues(archive.db)
            for article in store.issue_articles(archive.db, issue.id)
        ]
        yield archive, ids


def _texts(archive: Archive, ids: list[int]) -> list[tuple[str, str]]:
    return [(a.title, a.text) for a in store.get_articles(archive.db, ids)]


def test_the_corpus_has_33_articles_some_with_dashes(corpus_archive) -> None:
    archive, ids = corpus_archive
    assert len(ids) == 33
    bodies = [text for _, text in _texts(archive, ids)]
    assert any("——" in body for body in bodies)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_every_corpus_article_copies_back_exactly_from_the_pdf(corpus_archive, tmp_path) -> None:
    archive, ids = corpus_archive
    out = export_brief(archive.db, tmp_path / "all.pdf", "pdf", article_ids=ids, title="全部")
    text = FOOTER.sub(
        "",
        squeeze(
            subprocess.run(
                ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
            ).stdout
        ),
    )
    missing = []
    at = 0
    for title, body in _texts(archive, ids):
        for paragraph in [title, *body.split("\n")]:
            found = text.find(squeeze(paragraph), at)
            if found < 0:
                missing.append(paragraph[:40])
            else:
                at = found + len(squeeze(paragraph))
    assert missing == []
    for dash in DASHES:
        assert text.count(dash) >= sum(squeeze(b).count(dash) for _, b in _texts(archive, ids))
    assert "⸺" not in text and "⸻" not in text


def test_the_article_printed_in_two_issues_is_warned_about(corpus_archive, tmp_path) -> None:
    archive, ids = corpus_archive
    warnings = []
    export_brief(
        archive.db, tmp_path / "all.md", "md", article_ids=ids, title="全部", warn=warnings.append
    )
    assert len(warnings) == 1
    assert "南京市" in str(warnings[0])


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_the_pdf_contents_has_leaders_hanging_indents_and_no_stranded_characters(
    corpus_archive, tmp_path
) -> None:
    archive, ids = corpus_archive
    out = export_brief(archive.db, tmp_path / "all.pdf", "pdf", article_ids=ids, title="全部")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    contents = [p for p in pages[1:4] if "目" in p or re.search(r"\.{3,}\s*\d+\s*$", p, re.M)]
    lines = [line for page in contents for line in page.splitlines() if line.strip()]
    entries = [line for line in lines if re.match(r"\s*\d+\.\s", line)]
    assert len(entries) == 33
    ends = [line for line in lines if re.search(r"\.{3,}\s*\d+\s*$", line)]
    assert len(ends) == 33  # every entry ends in leaders and its page number
    starts = {len(line) - len(line.lstrip()) for line in entries}
    continued = [line for line in lines if line not in entries and not FOOTER.search(line)]
    continued = [line for line in continued if "目" not in line]
    # Later lines of an entry start under its title, not under its number.
    assert continued and all(len(line) - len(line.lstrip()) > max(starts) for line in continued), (
        continued
    )
    for line in continued:
        text = re.sub(r"\.{3,}\s*\d+\s*$", "", line).strip()
        assert len(text) >= 4, line  # no title wraps a character or two onto a line


def test_the_pdf_leaves_no_line_alone_on_a_page(corpus_archive, tmp_path, monkeypatch) -> None:
    from reader.export import pdf_breaks

    archive, ids = corpus_archive
    control = pdf_breaks.control_widows_and_orphans
    seen = {}

    def checked(doc, page_height, keep_with_next):
        seen["before"] = len(pdf_breaks.lonely_lines(doc, page_height, keep_with_next()))
        seen["moves"] = control(doc, page_height, keep_with_next)
        seen["after"] = pdf_breaks.lonely_lines(doc, page_height, keep_with_next())
        return seen["moves"]

    monkeypatch.setattr(pdf_breaks, "control_widows_and_orphans", checked)
    out = export_brief(archive.db, tmp_path / "all.pdf", "pdf", article_ids=ids, title="全部")
    assert seen["before"] > 0  # the real bulletins do leave lines alone without it
    assert seen["after"] == []
    text = FOOTER.sub("", squeeze(extract_pdf_text(out)))
    for _, body in _texts(archive, ids):
        for paragraph in body.split("\n"):
            assert squeeze(paragraph) in text  # moving and splitting kept every character


def extract_pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout

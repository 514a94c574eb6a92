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

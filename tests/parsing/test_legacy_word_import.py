"""Word 97-2003 .doc and WPS .wps files import through LibreOffice, exactly as their DOCX.

The files are written by LibreOffice from the project's DOCX typesetter. A missing
LibreOffice, a damaged file and a converter that hangs each end in a clear reason.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from reader.messages import ZH
from reader.parsing import legacy_word
from reader.parsing.bulletin import parse_text
from reader.parsing.files import parse_file
from reader.parsing.model import SourceError
from tests.conftest import corpus_files
from tests.support.make_samples import sample_issue
from tests.support.typeset import article_pages, differences
from tests.support.typeset_doc import write_doc

needs_soffice = pytest.mark.skipif(
    legacy_word.find_soffice() is None, reason="LibreOffice (soffice) is not installed"
)


@pytest.fixture(scope="module")
def sample_doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_doc(sample_issue(4), tmp_path_factory.mktemp("doc") / "issue.doc")


@needs_soffice
@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_invented_issue_as_doc_and_wps_imports_exactly(
    sample_doc: Path, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"第4期{suffix}"  # a Chinese file name, as editors keep them
    shutil.copyfile(sample_doc, path)
    assert path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    fmt, got = parse_file(path)
    issue = sample_issue(4)
    assert fmt == suffix[1:]
    assert differences(issue, got, article_pages(issue)) == []


@needs_soffice
@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.parametrize("name", [p.name for p in corpus_files()] or ["absent"])
def test_real_bulletin_as_doc_imports_exactly(corpus_dir: Path, tmp_path: Path, name: str) -> None:
    issue = parse_text((corpus_dir / name).read_text(encoding="utf-8"))
    _, got = parse_file(write_doc(issue, tmp_path / "issue.doc"))
    assert differences(issue, got) == []


def test_without_libreoffice_the_reason_says_how_to_get_it(
    sample_doc_bytes: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(legacy_word.SOFFICE_ENV, str(tmp_path / "no-such-soffice"))
    path = tmp_path / "issue.doc"
    path.write_bytes(sample_doc_bytes)
    with pytest.raises(SourceError) as caught:
        parse_file(path)
    chinese = caught.value.message.render(ZH)
    assert "LibreOffice" in chinese and "安装" in chinese and "apt install" in chinese


@pytest.fixture
def sample_doc_bytes() -> bytes:
    """Bytes that start like a Word 97 file (enough to get past the signature check)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for LibreOffice")
def test_a_converter_that_hangs_is_stopped_after_the_time_limit(
    sample_doc_bytes: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nsleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setenv(legacy_word.SOFFICE_ENV, str(fake))
    path = tmp_path / "issue.wps"
    path.write_bytes(sample_doc_bytes)
    started = time.monotonic()
    with pytest.raises(SourceError, match="did not finish converting within 1 s"):
        legacy_word.extract_legacy_word_blocks(path, timeout=1.0)
    assert time.monotonic() - started < 10
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@needs_soffice
@pytest.mark.slow
def test_a_damaged_doc_is_skipped_with_a_reason(sample_doc_bytes: bytes, tmp_path: Path) -> None:
    path = tmp_path / "broken.doc"
    path.write_bytes(sample_doc_bytes + os.urandom(4096))
    with pytest.raises(SourceError):
        parse_file(path)


@pytest.mark.parametrize(
    ("data", "reason"), [(b"", "empty file"), (b"plain words", "not a Word 97-2003")]
)
def test_files_that_are_no_word_documents(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "x.doc"
    path.write_bytes(data)
    with pytest.raises(SourceError, match=reason):
        parse_file(path)

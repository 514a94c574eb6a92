"""The frozen app imports the formats that need more than Python: a .doc (through the
machine's LibreOffice), an OFD, and a scanned issue when built with the OCR part
(``READER_WITH_OCR=1``; without it the scan is skipped, saying the part is missing)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.parsing.legacy_word import find_soffice
from tests.packaging.test_frozen_app import run
from tests.support.make_samples import sample_issue
from tests.support.typeset_doc import write_doc
from tests.support.typeset_ofd import write_ofd
from tests.support.typeset_scan import write_scan_pdf

pytestmark = pytest.mark.slow


def test_the_frozen_app_imports_a_doc_an_ofd_and_a_scan(frozen_app: Path, tmp_path: Path) -> None:
    incoming = tmp_path / "in"
    incoming.mkdir()
    write_ofd(sample_issue(4), incoming / "issue-4.ofd")
    write_scan_pdf(sample_issue(5), incoming / "scan-5.pdf")
    with_ocr = os.environ.get("READER_WITH_OCR") == "1"
    expected = {4: "ofd", 5: "pdf"} if with_ocr else {4: "ofd"}
    if find_soffice() is not None:
        write_doc(sample_issue(6), incoming / "issue-6.doc")
        expected[6] = "doc"
    archive = tmp_path / "archive"
    # The bundled app finds LibreOffice on PATH or in its usual place, like an editor's.
    imported = run(frozen_app, tmp_path, "--archive", str(archive), "import", str(incoming))
    if with_ocr:
        assert imported.returncode == 0, imported.stdout + imported.stderr
    else:
        [skipped] = [line for line in imported.stdout.splitlines() if line.startswith("skipped")]
        assert "scan-5.pdf" in skipped and "needs the OCR part" in skipped
    listed = json.loads(
        run(frozen_app, tmp_path, "--archive", str(archive), "list", "--json").stdout
    )
    got = {issue["issue_no"]: issue for issue in listed}
    assert {number: got[number]["source_format"] for number in expected} == expected
    for number in expected:
        want = [a.title for a in sample_issue(number).articles]
        assert [a["title"] for a in got[number]["articles"]] == want
    if with_ocr:
        assert got[5]["ocr_confidence"] and min(got[5]["ocr_confidence"]) > 0.9

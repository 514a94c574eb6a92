"""Write a bulletin as a Word 97-2003 .doc (or WPS .wps): a DOCX converted by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from reader.parsing.legacy_word import find_soffice
from reader.parsing.model import ParsedIssue
from tests.support.typeset import write_docx


def write_doc(issue: ParsedIssue, path: Path) -> Path:
    """Typeset ``issue`` as DOCX, then have LibreOffice save it in the Word 97 format."""
    soffice = find_soffice()
    assert soffice is not None, "LibreOffice is needed to write .doc files"
    with tempfile.TemporaryDirectory(prefix="write-doc-") as work:
        folder = Path(work)
        docx = folder / "issue.docx"
        write_docx(issue, docx)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "doc:MS Word 97",
                "--outdir",
                str(folder),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.copyfile(folder / "issue.doc", path)
    return path

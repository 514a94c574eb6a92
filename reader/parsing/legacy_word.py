"""Legacy Word (.doc) and Kingsoft WPS (.wps) files, through LibreOffice headless.

Both are the Word 97-2003 binary format (a .wps from WPS Office is that format under
another name). LibreOffice reads it faithfully, Chinese included, and writes a DOCX that
the DOCX reader then reads with its layout cues. LibreOffice runs as a separate program:
with a private profile folder (so it never meets an editor's open LibreOffice), in its own
process group, and is stopped after a time limit. When it is not installed the file is
skipped with a reason that says how to get it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from reader.parsing.model import Block, SourceError

CONVERT_SECONDS = 120.0
MAX_LEGACY_BYTES = 100 * 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF_MAGIC = b"{\\rtf"
_ZIP_MAGIC = b"PK\x03\x04"
SOFFICE_ENV = "READER_SOFFICE"  # the LibreOffice program to use, when not on PATH
_KNOWN_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
)


def find_soffice() -> str | None:
    """The LibreOffice program: ``$READER_SOFFICE``, ``soffice`` on PATH, or a usual place."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in _KNOWN_PLACES if Path(place).is_file()), None)


def extract_legacy_word_blocks(path: Path, timeout: float | None = None) -> list[Block]:
    """Read a .doc or .wps file as the DOCX reader reads a .docx.

    Args:
        path: the file.
        timeout: seconds LibreOffice may take (``CONVERT_SECONDS`` by default).

    Returns:
        One block per paragraph with Word's layout cues.

    Raises:
        SourceError: not a Word file, LibreOffice missing, conversion failed (damaged or
            password-protected file) or took too long.
    """
    from reader.parsing.docx import extract_docx_blocks

    head = _head(path)
    if head.startswith(_ZIP_MAGIC):
        return extract_docx_blocks(path)  # a .docx under an old name
    if not head.startswith((_OLE_MAGIC, _RTF_MAGIC)):
        raise SourceError("source.doc_not_word")
    soffice = find_soffice()
    if soffice is None:
        raise SourceError("source.doc_needs_libreoffice")
    with tempfile.TemporaryDirectory(prefix="reader-doc-") as work:
        folder = Path(work)
        # A plain ASCII name and the .doc suffix: LibreOffice picks its Word filter by it
        # (.wps alone would be taken for Microsoft Works).
        source = folder / ("source.rtf" if head.startswith(_RTF_MAGIC) else "source.doc")
        shutil.copyfile(path, source)
        converted = _convert(soffice, source, folder, timeout or CONVERT_SECONDS)
        return extract_docx_blocks(converted)


def _head(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_LEGACY_BYTES:
            raise SourceError("source.docx_too_large")
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as error:
        raise SourceError("source.cannot_read", detail=error.strerror or str(error)) from error
    if not head:
        raise SourceError("source.empty")
    return head


def _convert(soffice: str, source: Path, folder: Path, timeout: float) -> Path:
    profile = (folder / "profile").as_uri()
    out = folder / "out"
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out),
        str(source),
    ]
    options: dict[str, object] = {}
    if sys.platform == "win32":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        options["start_new_session"] = True
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            **options,  # type: ignore[call-overload]
        )
    except OSError as error:
        raise SourceError("source.doc_cannot_start", detail=str(error)[:80]) from None
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise SourceError("source.doc_timeout", seconds=int(timeout)) from None
    converted = out / (source.stem + ".docx")
    if not converted.is_file() or converted.stat().st_size == 0:
        raise SourceError("source.doc_unreadable")
    return converted


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the converter and whatever it started (its own process group)."""
    try:
        if sys.platform == "win32":
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()

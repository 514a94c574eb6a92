"""Load and hostile input: annotation import rate, PDF bomb peak memory, two writers at once.

Figures (sizes do not apply here):
- annotation import of 100,000 page-long notes (about 190 MB of JSON) by the command: time,
  notes/s and the command's peak memory;
- PDF decompression bombs (a 2 GB page, deflated twice, a form, a million glyphs): time to
  refusal and the importing process's peak memory (``ru_maxrss`` from ``wait4``);
- an import of 100 files beside a loop of 100 ``note add`` in a second process: wall time,
  and that neither saw ``database is locked``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from reader.archive import Archive
from tests.hostile.big_annotations import write_many_notes
from tests.hostile.pdf_bomb import write_pdf_bomb
from tests.hostile.writers import (
    measured_reader_command,
    peak_memory_mb,
    reader_command,
    run_together,
    start,
    write_bulletins,
)
from tests.support.archives import add_issue
from tests.support.issues import invented_issue

NOTES = 100_000
WRITER_FILES = 100
WRITER_NOTES = 100
BOMBS = (("page", 2048), ("double", 2048), ("form", 2048), ("busy", 40))


def _annotation_import(folder: Path) -> str:
    """``reader annotations import`` of the file, in its own process: time, peak memory."""
    archive_dir = folder / "notes-archive"
    with Archive(archive_dir) as archive:
        ids = add_issue(archive, invented_issue())
        path = folder / "notes.json"
        size = write_many_notes(archive.db, path, ids, NOTES)
    started = time.monotonic()
    process = start(measured_reader_command(archive_dir, "annotations", "import", str(path)))
    out, err = process.communicate(timeout=1800)
    took = time.monotonic() - started
    assert process.returncode == 0 and f"added {NOTES} notes" in out + err, out + err
    return (
        f"annotation import: {NOTES} notes, {size / 2**20:.0f} MB JSON in {took:.1f} s "
        f"({NOTES / took:,.0f} notes/s; target < 30 s), peak memory "
        f"{peak_memory_mb(err):.0f} MB (the command, start-up included)"
    )


def _bomb(folder: Path, where: str, inflated_mb: int) -> str:
    bomb = write_pdf_bomb(folder / f"bomb-{where}.pdf", inflated_mb, where)
    started = time.monotonic()
    process = start(measured_reader_command(folder / "bomb-archive", "import", str(bomb)))
    out, err = process.communicate(timeout=600)
    took = time.monotonic() - started
    refused = "skipped:" in out and process.returncode == 1
    return (
        f"PDF bomb ({where}, {bomb.stat().st_size / 1024:,.0f} KB file): "
        f"{'refused' if refused else 'NOT REFUSED'} in {took:.1f} s, "
        f"peak memory {peak_memory_mb(err):.0f} MB (target < 500 MB)"
    )


def _two_writers(folder: Path) -> str:
    archive_dir = folder / "writers-archive"
    with Archive(archive_dir) as archive:
        article_id = add_issue(archive, invented_issue())[0]
    write_bulletins(folder / "in", WRITER_FILES)
    runs, took = run_together(
        reader_command(archive_dir, "import", str(folder / "in")),
        [
            sys.executable,
            "-m",
            "tests.hostile.writers",
            "notes",
            str(archive_dir),
            str(article_id),
            str(WRITER_NOTES),
        ],
    )
    locked = any("database is locked" in run.stdout + run.stderr for run in runs)
    failed = [run.returncode for run in runs if run.returncode]
    return (
        f"two writers: import of {WRITER_FILES} files beside {WRITER_NOTES} note adds in "
        f"{took:.1f} s; {'LOCKED' if locked else 'no lock errors'}, "
        f"{'exit codes ' + str(failed) if failed else 'both succeeded'}"
    )


def run(args: argparse.Namespace) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as name:
        folder = Path(name)
        lines = [_annotation_import(folder)]
        lines += [_bomb(folder, where, size) for where, size in BOMBS]
        lines.append(_two_writers(folder))
    return lines

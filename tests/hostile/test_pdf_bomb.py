"""A PDF decompression bomb is refused within seconds and in bounded memory (issue 18.2)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.hostile.pdf_bomb import write_pdf_bomb
from tests.hostile.writers import measured_reader_command, peak_memory_mb, start

MAX_RSS_MB = 500


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX memory figures")
@pytest.mark.parametrize(
    ("where", "inflated_mb"), [("page", 1024), ("double", 1024), ("form", 1024), ("busy", 20)]
)
def test_a_pdf_bomb_is_refused_quickly_under_500_mb(
    archive_dir: Path, tmp_path: Path, where: str, inflated_mb: int
) -> None:
    bomb = write_pdf_bomb(tmp_path / f"bomb-{where}.pdf", inflated_mb, where)
    assert bomb.stat().st_size < 2 * 2**20

    started = time.monotonic()
    process = start(measured_reader_command(archive_dir, "import", str(bomb)))
    out, err = process.communicate(timeout=300)
    took = time.monotonic() - started

    peak_mb = peak_memory_mb(err)
    output = out + err
    assert process.returncode == 1, output
    assert f"skipped: {bomb}: " in output
    assert ("decompression bomb" in output) or ("glyphs and shapes" in output)
    assert peak_mb < MAX_RSS_MB, peak_mb
    assert took < 30, took

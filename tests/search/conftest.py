from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.archive import Archive


@pytest.fixture
def store(archive_dir: Path) -> Iterator[Archive]:
    """An empty, typed archive for one test."""
    opened = Archive(archive_dir)
    yield opened
    opened.close()

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.archive import Archive
from tests.annotations.helpers import add_issue, invented_issue


@pytest.fixture
def filled(archive_dir: Path) -> Iterator[tuple[Archive, list[int]]]:
    """An archive holding one invented issue of two articles, and their ids."""
    archive = Archive(archive_dir)
    ids = add_issue(archive.db, invented_issue())
    yield archive, ids
    archive.close()

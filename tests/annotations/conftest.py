from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.archive import Archive
from tests.support.archives import add_issue
from tests.support.issues import invented_issue


@pytest.fixture
def filled(archive_dir: Path) -> Iterator[tuple[Archive, list[int]]]:
    """An archive holding one invented issue of two articles, and their ids."""
    archive = Archive(archive_dir)
    ids = add_issue(archive, invented_issue())
    yield archive, ids
    archive.close()

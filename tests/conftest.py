"""Shared fixtures: every data, cache and index folder points into tmp_path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests check behaviour, not speed (make bench measures that): a per-example
# deadline fails them whenever the machine is busy.
settings.register_profile("reader", deadline=None)
settings.load_profile("reader")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The real bulletins sit beside the checkout; $READER_TEST_CORPUS names them from elsewhere
# (a second working tree of the project, a CI runner).
CORPUS_DIR = Path(os.environ.get("READER_TEST_CORPUS") or PROJECT_ROOT.parent / "shared" / "corpus")


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the whole session: jieba's dictionary cache is built once, not
    once per test, and every process a test starts loads it instead of rebuilding it."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, session_cache: Path
) -> None:
    """No test reads or writes the user's real archive, caches or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(session_cache))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("READER_ARCHIVE", str(home / "archive"))


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    """An empty archive folder for one test."""
    folder = tmp_path / "archive"
    folder.mkdir()
    return folder


@pytest.fixture
def archive(archive_dir: Path) -> Iterator[object]:
    from reader.archive import Archive

    opened = Archive(archive_dir)
    yield opened
    opened.close()


def corpus_files() -> list[Path]:
    """The real bulletins, when ../shared/corpus is there."""
    return sorted(CORPUS_DIR.glob("*.txt")) if CORPUS_DIR.is_dir() else []


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS_DIR.is_dir():
        pytest.skip("../shared/corpus is not here")
    return CORPUS_DIR

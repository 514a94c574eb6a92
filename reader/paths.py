"""Where things live: the archive folder and the project's resources."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "reader"
ARCHIVE_ENV = "READER_ARCHIVE"

DATABASE_NAME = "archive.sqlite3"
SEARCH_INDEX_DIR = "search"
BACKUPS_DIR = "backups"


def source_checkout_root() -> Path | None:
    """The project folder when running from a source checkout, else None."""
    root = Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file() and (root / "index").is_dir():
        return root
    return None


def resources_root() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, inside a frozen app."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A path inside ``resources/``, e.g. ``resource_path("samples")``."""
    return resources_root().joinpath(*parts)


def package_data_path(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package (in
    a frozen app, where the bundle keeps the file and may leave the package's code out)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root, package, *parts)
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the {package} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def default_archive_dir() -> Path:
    """``$READER_ARCHIVE``, else ``index/`` in a source checkout, else the user data folder."""
    from_env = os.environ.get(ARCHIVE_ENV)
    if from_env:
        return Path(from_env).expanduser()
    checkout = source_checkout_root()
    if checkout is not None and not getattr(sys, "frozen", False):
        return checkout / "index"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_archive_dir(explicit: str | os.PathLike[str] | None) -> Path:
    """The archive folder: ``--archive DIR`` when given, else :func:`default_archive_dir`."""
    if explicit:
        return Path(explicit).expanduser()
    return default_archive_dir()


def cache_dir() -> Path:
    """A folder for disposable caches."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """The log where the faces write what went wrong, tracebacks of bugs included."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "reader.log"

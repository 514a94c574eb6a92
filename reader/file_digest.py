"""The SHA-256 of a file on disk, read in chunks: how imports and backups know a file again."""

from __future__ import annotations

import hashlib
from pathlib import Path

_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of the file at ``path`` (raises ``OSError`` when it cannot be read)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()

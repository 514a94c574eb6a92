"""The error classes of the archive, backups and annotations speak both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.annotations import AnnotationError, add_note
from reader.annotations.transfer import read_annotations_file
from reader.archive import Archive
from reader.backup import BackupError, inspect_backup
from reader.messages import CATALOGUE, ReaderError
from reader.store.db import ArchiveError, open_database


def _raised(action) -> ReaderError:  # type: ignore[no-untyped-def]
    with pytest.raises(ReaderError) as caught:
        action()
    return caught.value


def test_each_error_has_a_catalogue_code_and_a_chinese_wording(tmp_path: Path) -> None:
    not_sqlite = tmp_path / "x.sqlite3"
    not_sqlite.write_bytes(b"plain text, not a database")
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"format": "reader-annotations", "version": 1, "articles": [{}]}')
    with Archive(tmp_path / "archive") as archive:
        errors = [
            _raised(lambda: open_database(not_sqlite)),
            _raised(lambda: inspect_backup(not_sqlite)),
            _raised(lambda: add_note(archive.db, 99, "笔记")),
            _raised(lambda: read_annotations_file(bad_json)),
        ]
    kinds = [ArchiveError, BackupError, AnnotationError, AnnotationError]
    for error, kind in zip(errors, kinds, strict=True):
        assert isinstance(error, kind)
        assert error.code in CATALOGUE
        chinese = error.message.render("zh_CN")
        assert chinese != str(error)
        assert "{" not in chinese and "{" not in str(error)
    # English stays as documented; a nested message is rendered in the same language.
    assert str(errors[2]) == "there is no article 99 in this archive"
    assert str(errors[3]) == f"{bad_json}: articles[0].article is missing"
    assert errors[3].message.render("zh_CN") == f"{bad_json}：缺少 articles[0].article"

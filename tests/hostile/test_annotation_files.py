"""Hostile annotation files: refused by their bad field, or imported fast (issues 18.7, 12)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from reader.annotations import list_notes
from reader.annotations.transfer import MAX_FILE_BYTES
from reader.archive import Archive
from reader.cli import main
from reader.store.issues import get_article
from tests.hostile.big_annotations import write_many_notes
from tests.support.archives import add_issue
from tests.support.issues import invented_issue


@pytest.fixture
def folder(archive_dir: Path) -> Path:
    with Archive(archive_dir) as archive:
        add_issue(archive, invented_issue())
    return archive_dir


def _content_hash(folder: Path) -> str:
    with Archive(folder) as archive:
        return get_article(archive.db, 1).content_hash  # type: ignore[union-attr]


def _file(tmp_path: Path, entry: dict[str, Any] | None = None, **top: Any) -> Path:
    data = {"format": "reader-annotations", "version": 1, "articles": [entry] if entry else []}
    data.update(top)
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # ASCII: \ud800 stays an escape
    return path


def _import(folder: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--archive", str(folder), "annotations", "import", str(path)])
    out, err = capsys.readouterr()
    return code, out + err


GOOD_NOTE = {"text": "这条笔记随坏字段一起被拒"}

# (what the entry holds besides a matching article key and one good note, the message)
BAD_ENTRIES = [
    ({"bookmark": "x"}, "articles[0].bookmark must be an object"),
    ({"article": {"content_hash": ["a", "b"]}}, "articles[0].article.content_hash must be text"),
    (
        {"highlights": [{"start": 2**70, "end": 2**70 + 1, "quote": "乳业"}]},
        "articles[0].highlights[0].start is out of range",
    ),
    ({"highlights": [{"start": 3, "end": 1, "quote": "乳业"}]}, "articles[0].highlights[0] starts"),
    ({"highlights": [{"start": 0, "end": 2}]}, "articles[0].highlights[0].quote is missing"),
    (
        {"highlights": [{"start": True, "end": 2, "quote": "x"}]},
        "highlights[0].start must be a whole",
    ),
    ({"notes": "x"}, "articles[0].notes must be a list"),
    ({"notes": [GOOD_NOTE, {"text": 5}]}, "articles[0].notes[1].text must be text"),
    ({"notes": [GOOD_NOTE, "笔记"]}, "articles[0].notes[1] must be an object"),
    ({"notes": [GOOD_NOTE, {"text": "\ud800"}]}, "articles[0].notes[1].text holds characters"),
    ({"tags": [1]}, "articles[0].tags[0] must be text"),
    ({"tags": ["两 个词"]}, "articles[0]: a tag is one word without spaces"),
    ({"article": {"year": "2024"}}, "articles[0].article.year must be a whole number"),
    ({"article": None}, "articles[0].article must be an object"),
]


@pytest.mark.parametrize(("extra", "expected"), BAD_ENTRIES, ids=[e for _, e in BAD_ENTRIES])
def test_a_malformed_entry_is_refused_by_its_path_and_nothing_is_imported(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: dict[str, Any],
    expected: str,
) -> None:
    entry: dict[str, Any] = {
        "article": {"content_hash": _content_hash(folder)},
        "notes": [GOOD_NOTE],
    }
    for name, value in extra.items():
        if name == "article" and isinstance(value, dict):
            entry["article"] = {**entry["article"], **value}
        else:
            entry[name] = value

    code, output = _import(folder, _file(tmp_path, entry), capsys)

    assert code == 1, output
    assert expected in output
    assert "unexpected error" not in output
    with Archive(folder) as archive:
        assert list_notes(archive.db) == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b'{"format": "reader-annotations", "version": 1, "articles": '
            + b"[" * 100_000
            + b"]" * 100_000
            + b"}",
            "nested too deeply",
        ),
        (b'{"format": "reader-annotations", "version": true, "articles": []}', "version must be"),
        (b'{"format": "reader-annotations", "version": 1, "articles": [7]}', "articles[0] must be"),
        (b"\xef\xbb\xbf[]", "not a reader annotations file"),
        (b"", "not a JSON file"),
    ],
    ids=["deep", "version", "entry", "bom-list", "empty"],
)
def test_a_malformed_file_is_refused_with_its_name(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)

    code, output = _import(folder, path, capsys)

    assert code == 1, output
    assert f"{path}: " in output
    assert expected in output


def test_a_file_over_the_limit_is_refused_by_its_size_before_reading(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:  # sparse: no disk is used
        stream.truncate(MAX_FILE_BYTES + 1)

    started = time.monotonic()
    code, output = _import(folder, path, capsys)

    assert code == 1
    assert "too large (256 MB; at most 256 MB)" in output
    assert time.monotonic() - started < 5


def test_a_hundred_thousand_notes_import_whole_and_only_once(
    folder: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    # How long it takes is measured by make bench (bench_hostile), not here.
    path = tmp_path / "many.json"
    with Archive(folder) as archive:
        size = write_many_notes(archive.db, path, [1, 2], 100_000)
    assert size > 180 * 2**20

    code, output = _import(folder, path, capsys)

    assert code == 0, output
    assert "added 100000 notes" in output
    code, output = _import(folder, path, capsys)  # again: nothing twice
    assert "added 0 notes" in output
    assert "(100000 already there)" in output
    with Archive(folder) as archive:
        assert len(list_notes(archive.db)) == 100_000

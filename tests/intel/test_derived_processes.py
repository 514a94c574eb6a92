"""Derived data computed in worker processes is the data computed in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive
from reader.derived import derive_articles
from tests.intel.conftest import article_by_title, write_reprint_issue
from tests.support.cli import run_cli

DERIVED_TABLES = ("article_derived", "article_regions", "article_keywords", "article_similar")


def derived_rows(archive: Archive) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: sorted(archive.db.execute(f"SELECT * FROM {table}").fetchall())
        for table in DERIVED_TABLES
    }


def derive_anew(archive: Archive, processes: int) -> dict[str, list[tuple[object, ...]]]:
    with archive.db.atomic():
        for table in (*DERIVED_TABLES, "article_bands"):
            archive.db.execute(f"DELETE FROM {table}")
    ids = [row[0] for row in archive.db.execute("SELECT id FROM articles ORDER BY id")]
    assert derive_articles(archive, ids, processes=processes) == len(ids)
    return derived_rows(archive)


def test_worker_processes_derive_what_the_import_derived(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, title, text = article_by_title(seeded, "南京市扎实推进原始创新")
    reprint = write_reprint_issue(tmp_path / "reprint.txt", title, text)
    assert run_cli(seeded, capsys, "import", str(reprint))[0] == 0
    with Archive(seeded) as archive:
        imported = derived_rows(archive)
        assert imported["article_similar"], "the reprint is linked at import"
        assert imported["article_keywords"] and imported["article_regions"]
        assert derive_anew(archive, processes=2) == imported
        assert derive_anew(archive, processes=0) == imported


def _unreadable_gazetteer(article: object) -> object:
    raise RuntimeError("the gazetteer cannot be read")


def test_a_failure_to_derive_is_reported_and_made_good_by_the_next_import(
    archive_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader import derived
    from reader.derived import articles_to_derive
    from reader.importer import import_paths
    from tests.support.make_samples import write_samples

    files = write_samples(tmp_path / "in")
    with Archive(archive_dir) as archive:
        with monkeypatch.context() as patch:
            patch.setattr(derived, "derivation_of", _unreadable_gazetteer)
            report = import_paths(archive, files)
        assert report.ok and report.derived_failure is not None  # the files are in
        said = report.derived_failure.render("zh_CN")
        assert "地区、关键词和转载关联未能生成" in said and "gazetteer cannot be read" in said
        left = articles_to_derive(archive, [])
        assert (
            left and len(left) == archive.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        )

        again = import_paths(archive, files)  # nothing new to import: the old ones are done
        assert again.derived_failure is None
        assert articles_to_derive(archive, []) == []

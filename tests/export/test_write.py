"""write_document / export_brief: progress, formats, and files that appear whole or not at all."""

from __future__ import annotations

import pytest

from reader.export import FORMATS, ExportError, export_brief, format_for_path


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_progress_counts_every_article_up_to_the_total(sample_archive, tmp_path, fmt):
    archive, ids = sample_archive
    calls: list[tuple[int, int]] = []
    export_brief(
        archive.db,
        tmp_path / f"b.{fmt}",
        fmt,
        article_ids=ids,
        title="T",
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(n, len(ids)) for n in range(1, len(ids) + 1)]


def test_unknown_format_and_bad_targets_are_refused(sample_archive, tmp_path):
    archive, ids = sample_archive
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(ExportError, match="unknown format 'rtf'"):
        export_brief(archive.db, tmp_path / "b.rtf", "rtf", article_ids=ids, title="T")
    with pytest.raises(ExportError, match="is a folder"):
        export_brief(archive.db, tmp_path, "md", article_ids=ids, title="T")
    with pytest.raises(ExportError, match="does not exist"):
        export_brief(archive.db, tmp_path / "no" / "b.md", "md", article_ids=ids, title="T")
    with pytest.raises(ExportError, match="not both"):
        export_brief(archive.db, tmp_path / "b.md", "md", brief="x", article_ids=ids)
    assert list(tmp_path.iterdir()) == []


def test_an_export_replaces_an_older_file_and_leaves_no_partial_files(sample_archive, tmp_path):
    archive, ids = sample_archive
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "b.html"
    target.write_text("old", encoding="utf-8")
    export_brief(archive.db, target, "html", article_ids=ids[:1], title="新的")
    assert "新的" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["b.html"]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.DOCX", "docx"),
        ("a.pdf", "pdf"),
        ("a.htm", "html"),
        ("a.markdown", "md"),
        ("a.txt", None),
    ],
)
def test_format_follows_the_suffix(name, fmt):
    assert format_for_path(name) == fmt


def test_a_file_the_export_cannot_read_is_named_as_a_read_failure(
    sample_archive, tmp_path, monkeypatch
):
    import reader.export as export

    archive, ids = sample_archive
    missing = tmp_path / "bundle" / "templates" / "default-footer.xml"

    def writer_reading_a_missing_template(document, path, progress):
        missing.read_bytes()

    monkeypatch.setattr(export, "_writer", lambda fmt: writer_reading_a_missing_template)
    target = tmp_path / "brief.docx"
    with pytest.raises(ExportError) as raised:
        export_brief(archive.db, target, "docx", article_ids=ids, title="T")

    assert raised.value.code == "export.cannot_read"
    assert str(missing) in str(raised.value) and "reading" in str(raised.value)
    assert not str(raised.value).startswith("cannot write")
    assert "读取" in raised.value.message.render("zh_CN")
    assert not target.exists()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_exported_files_get_the_users_umask(sample_archive, tmp_path, umask, mode, fmt):
    import os
    import stat

    archive, ids = sample_archive
    old = os.umask(umask)
    try:
        out = export_brief(archive.db, tmp_path / f"brief.{fmt}", fmt, article_ids=ids, title="T")
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_the_same_article_twice_is_warned_about(sample_archive, tmp_path):
    archive, ids = sample_archive
    warnings = []
    export_brief(
        archive.db,
        tmp_path / "brief.md",
        "md",
        article_ids=[ids[0], ids[1], ids[0]],
        title="T",
        warn=warnings.append,
    )
    assert [w.code for w in warnings] == ["export.repeated"]
    assert "1、3" in warnings[0].render("zh_CN")
    clean = []
    export_brief(archive.db, tmp_path / "b.md", "md", article_ids=ids, title="T", warn=clean.append)
    assert clean == []

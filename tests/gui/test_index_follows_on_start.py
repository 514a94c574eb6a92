"""The window's start-up brings the search index in line with the store, off its thread."""

from __future__ import annotations

from pathlib import Path

from reader.archive import Archive
from reader.search import ensure_index
from tests.gui.conftest import search_for, show_active, wait_idle


def test_text_changed_behind_the_index_is_found_after_start(
    qtbot, make_window, filled_archive_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    with Archive(filled_archive_dir) as archive:
        ensure_index(archive)
        article_id, text = archive.db.execute(
            "SELECT id, text FROM articles ORDER BY id LIMIT 1"
        ).fetchone()
        with archive.db.atomic():  # a corrected printing whose index update never ran
            archive.db.execute(
                "UPDATE articles SET text = ?, content_hash = 'corrected' WHERE id = ?",
                [text + "\n新增一段：钠离子电池示范。", article_id],
            )
    window = make_window(filled_archive_dir)
    show_active(qtbot, window)
    window.start()
    wait_idle(qtbot, window)
    search_for(qtbot, window, "钠离子电池")
    assert [h.article_id for h in window.search.model.hits()] == [article_id]

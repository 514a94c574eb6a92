"""Backup while in use, restore into a folder, and rotating backups on start."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest

from reader.annotations import add_bookmark, add_highlight, add_note, add_tag
from reader.archive import Archive
from reader.backup import (
    BackupError,
    backup_archive,
    backup_on_start,
    inspect_backup,
    list_backups,
    restore_archive,
)
from reader.cli import main
from reader.paths import DATABASE_NAME
from tests.support.archives import add_issue
from tests.support.issues import invented_issue
from tests.support.stories import SEEDS

TABLES = ("issues", "articles", "notes", "bookmarks", "highlights", "tags", "article_tags")


def _fill(archive: Archive) -> None:
    db = archive.db
    add_issue(archive, invented_issue())
    add_issue(archive, invented_issue([SEEDS], issue_no=9))
    add_note(db, 1, "<script>不执行</script>\n**笔记**")
    add_note(db, 3, "种业")
    add_bookmark(db, 2, position=4)
    add_highlight(db, 1, 3, 8, color="pink", note="高亮备注")
    add_tag(db, 1, "乳业")
    add_tag(db, 3, "乳业")


def _dump(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(folder / DATABASE_NAME)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}
    finally:
        conn.close()


@pytest.fixture
def filled_dir(archive_dir: Path) -> Path:
    with Archive(archive_dir) as archive:
        _fill(archive)
    return archive_dir


def test_restore_into_a_fresh_folder_gives_the_same_archive(
    filled_dir: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "copy.sqlite3"
    with Archive(filled_dir) as archive:  # the archive is open while it is backed up
        summary = backup_archive(archive, backup)
    assert summary.counts["notes"] == 2
    assert not Path(f"{backup}-wal").exists()  # one self-contained file

    fresh = tmp_path / "fresh"
    result = restore_archive(fresh, backup)
    assert result.previous is None
    assert _dump(fresh) == _dump(filled_dir)
    assert result.index_problem is None
    if result.index_rebuilt:
        assert (fresh / "search").is_dir()
    with Archive(fresh) as restored:
        assert restored.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_backup_while_another_connection_writes(filled_dir: Path, tmp_path: Path) -> None:
    stop = threading.Event()
    written = []

    def writer() -> None:
        # Each transaction adds one note and one highlight: a consistent copy has as many of each.
        with Archive(filled_dir) as own:
            while not stop.is_set():
                with own.db.atomic():
                    own.db.execute(
                        "INSERT INTO notes (article_id, text, created, updated) "
                        "VALUES (2, 'w', 'now', 'now')"
                    )
                    own.db.execute(
                        'INSERT INTO highlights (article_id, start, "end", quote, color, status, '
                        "created, updated) VALUES (2, 0, 1, 'x', 'yellow', 'anchored', 'n', 'n')"
                    )
                written.append(1)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        with Archive(filled_dir) as archive:
            while len(written) < 20:
                stop.wait(0.01)
            summaries = [backup_archive(archive, tmp_path / f"b{i}.sqlite3") for i in range(5)]
    finally:
        stop.set()
        thread.join()
    for summary in summaries:
        # _fill made 2 notes and 1 highlight before the writer started.
        assert summary.counts["notes"] - 2 == summary.counts["highlights"] - 1 >= 20
    assert summaries[-1].counts["notes"] <= len(written) + 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"issue 1 notes\n", "not a reader archive (not an SQLite database file)"),
        (b"", "not a reader archive"),
        ("sqlite-other", "not a reader archive"),
        ("truncated", "damaged"),
        ("newer", "newer version of reader"),
    ],
)
def test_restore_refuses_a_bad_file_and_keeps_the_archive(
    filled_dir: Path, tmp_path: Path, content: bytes | str, message: str
) -> None:
    bad = tmp_path / "bad.sqlite3"
    if content == "sqlite-other":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.commit()
        conn.close()
    elif content in ("truncated", "newer"):
        with Archive(filled_dir) as archive:
            backup_archive(archive, bad)
        if content == "truncated":
            data = bad.read_bytes()
            bad.write_bytes(data[: len(data) // 2])
        else:
            conn = sqlite3.connect(bad)
            conn.execute(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES ('reader', '9999_future', 'x')"
            )
            conn.commit()
            conn.close()
    else:
        assert isinstance(content, bytes)
        bad.write_bytes(content)
    before = _dump(filled_dir)
    with pytest.raises(BackupError, match=re.escape(message)):
        restore_archive(filled_dir, bad)
    assert _dump(filled_dir) == before
    assert sorted(p.name for p in filled_dir.iterdir() if "restor" in p.name) == []


def test_restore_keeps_the_replaced_database(filled_dir: Path, tmp_path: Path) -> None:
    backup = tmp_path / "before-more-notes.sqlite3"
    with Archive(filled_dir) as archive:
        backup_archive(archive, backup)
        add_note(archive.db, 2, "备份之后写的")
    after_backup = _dump(filled_dir)
    result = restore_archive(filled_dir, backup)
    assert result.previous is not None and result.previous.parent == filled_dir
    with Archive(filled_dir) as archive:
        texts = [row[0] for row in archive.db.execute("SELECT text FROM notes")]
    assert "备份之后写的" not in texts
    kept = sqlite3.connect(result.previous)
    try:
        assert (
            kept.execute("SELECT * FROM notes ORDER BY rowid").fetchall() == after_backup["notes"]
        )
    finally:
        kept.close()


def test_restore_refused_while_the_archive_is_open(filled_dir: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.sqlite3"
    with Archive(filled_dir) as archive:
        backup_archive(archive, backup)
        add_note(archive.db, 2, "窗口还开着")
        with pytest.raises(BackupError, match="open in another reader window"):
            restore_archive(filled_dir, backup)
        assert archive.db.execute("SELECT count(*) FROM notes").fetchone() == (3,)


def test_backup_does_not_overwrite_an_unrelated_file(filled_dir: Path, tmp_path: Path) -> None:
    precious = tmp_path / "thesis.docx"
    precious.write_bytes(b"not a database")
    with Archive(filled_dir) as archive:
        with pytest.raises(BackupError, match="not a reader backup"):
            backup_archive(archive, precious)
        with pytest.raises(BackupError, match="archive itself"):
            backup_archive(archive, archive.database_path)
        first = backup_archive(archive, tmp_path / "ok.sqlite3")
        add_note(archive.db, 1, "第二次")
        second = backup_archive(archive, tmp_path / "ok.sqlite3")  # an old backup is replaced
    assert precious.read_bytes() == b"not a database"
    assert second.counts["notes"] == first.counts["notes"] + 1


def test_backups_on_start_rotate_and_skip_unchanged(archive: Archive) -> None:
    assert backup_on_start(archive) is None  # nothing worth keeping yet
    _fill(archive)
    first = backup_on_start(archive, keep=3)
    assert first is not None and inspect_backup(first).counts["notes"] == 2
    assert backup_on_start(archive, keep=3) is None  # nothing changed since
    archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert backup_on_start(archive, keep=3) is None  # a checkpoint changes nothing either
    unrelated = archive.backups_dir / "my-own-copy.sqlite3"
    unrelated.write_bytes(b"keep me")
    made = [first]
    for number in range(4):
        add_note(archive.db, 1, f"改动 {number}")
        made.append(backup_on_start(archive, keep=3))
    assert list_backups(archive) == made[-3:]
    assert inspect_backup(made[-1]).counts["notes"] == 6
    assert unrelated.read_bytes() == b"keep me"


def test_backup_and_restore_commands(filled_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    backup = tmp_path / "cli.sqlite3"
    assert main(["--archive", str(filled_dir), "backup", str(backup)]) == 0
    assert "2 notes" in capsys.readouterr().out
    fresh = tmp_path / "fresh"
    assert main(["--archive", str(fresh), "restore", str(backup)]) == 0
    assert "restored" in capsys.readouterr().out
    assert _dump(fresh) == _dump(filled_dir)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello", encoding="utf-8")
    assert main(["--archive", str(fresh), "restore", str(text_file)]) != 0
    err = capsys.readouterr().err
    assert "notes.txt: not a reader archive" in err and "Traceback" not in err

"""Write the saved database files of earlier schema versions in tests/store/data/.

Run once when a schema version ships (``python -m tests.store.make_old_databases``) and
commit the files: the migration tests open them as a user's old archive would be.
The rows are invented and written with plain SQL of that schema version, so later
changes to the store's code cannot change what an old file holds.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from sqlite_utils import Database

from reader.store.migrations import MIGRATIONS

DATA_DIR = Path(__file__).resolve().parent / "data"
STAMP = "2024-03-01T08:00:00+00:00"

# file name -> the first migration it does NOT have
VERSIONS = {
    "schema-0001.sqlite3": "0002_annotations",
    "schema-0002.sqlite3": "0003_briefs",
    "schema-0003.sqlite3": "0004_trash_clashes_title_keys",
}

ISSUE = ("示例情报参考", 2024, 2, "北河市科学技术局信息中心", "王 明", "5512345")
ARTICLES = [
    (
        "北河市乳业集群加快发展",
        "北河市新建标准化牧场六座。\n乳品研究院攻关益生菌菌种选育。",
        "h-dairy",
    ),
    ("南岭区工业机器人应用示范", "南岭区推广工业机器人，带动企业完成产线改造。", "h-robots"),
]


def _fill_0001(db: Database) -> None:
    db.execute(
        "INSERT INTO source_files (id, path, sha256, format, size, imported_at, outcome, issue_id) "
        "VALUES (1, 'old/2024-2.txt', 'abc', 'txt', 321, ?, 'imported', 1)",
        [STAMP],
    )
    db.execute(
        "INSERT INTO issues (id, series, year, issue_no, editor_org, editor, phone, "
        "source_file_id, fingerprint, imported_at, updated_at) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, 1, 'fp-2024-2', ?, ?)",
        [*ISSUE, STAMP, STAMP],
    )
    for ordinal, (title, text, digest) in enumerate(ARTICLES, start=1):
        db.execute(
            "INSERT INTO articles (id, issue_id, ordinal, title, text, content_hash, updated_at) "
            "VALUES (?, 1, ?, ?, ?, ?, ?)",
            [ordinal, ordinal, title, text, digest, STAMP],
        )


def _fill_0002(db: Database) -> None:
    db.execute(
        "INSERT INTO notes (article_id, text, created, updated) VALUES (1, ?, ?, ?)",
        ["<b>旧版本的笔记</b>\n- 要点", STAMP, STAMP],
    )
    db.execute("INSERT INTO bookmarks (article_id, position, created) VALUES (2, 5, ?)", [STAMP])
    db.execute(
        'INSERT INTO highlights (article_id, start, "end", quote, color, note, status, created, '
        "updated) VALUES (1, 14, 19, '乳品研究院', 'green', '重点', 'anchored', ?, ?)",
        [STAMP, STAMP],
    )
    db.execute("INSERT INTO tags (id, name) VALUES (1, '乳业')")
    db.execute("INSERT INTO article_tags (article_id, tag_id, created) VALUES (1, 1, ?)", [STAMP])


def _fill_0003(db: Database) -> None:
    db.execute(
        "INSERT INTO briefs (id, name, title, created, updated) "
        "VALUES (1, '乳业', '乳业专题', ?, ?)",
        [STAMP, STAMP],
    )
    db.execute(
        "INSERT INTO brief_items (brief_id, article_id, position, note) VALUES (1, 1, 1, '首篇')"
    )


def write(name: str, stop_before: str) -> Path:
    path = DATA_DIR / name
    path.unlink(missing_ok=True)
    db = Database(sqlite3.connect(str(path)))
    db.execute("PRAGMA page_size = 1024")  # small files to keep in git
    MIGRATIONS.apply(db, stop_before=stop_before)
    with db.atomic():
        _fill_0001(db)
        if stop_before != "0002_annotations":
            _fill_0002(db)
        if stop_before not in ("0002_annotations", "0003_briefs"):
            _fill_0003(db)
    db.execute("VACUUM")
    db.close()
    return path


def main() -> int:
    DATA_DIR.mkdir(exist_ok=True)
    for name, stop_before in VERSIONS.items():
        print(write(name, stop_before))
    return 0


if __name__ == "__main__":
    sys.exit(main())

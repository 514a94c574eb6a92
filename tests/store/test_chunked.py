"""Statements over more ids than SQLite lets one statement ask for."""

from __future__ import annotations

import sqlite3

from reader.store.chunked import rows_for


def test_rows_for_more_ids_than_one_statement_may_hold() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, kept INTEGER NOT NULL)")
    count = 40_000  # past the 32,766 parameters SQLite allows a statement
    conn.executemany(
        "INSERT INTO articles VALUES (?, ?)", [(i, i % 3 != 0) for i in range(1, count + 1)]
    )
    wanted = list(range(1, count + 1))

    rows = rows_for(
        conn.execute, "SELECT id FROM articles WHERE id IN", wanted, after="AND kept ORDER BY id"
    )

    assert [row[0] for row in rows] == [i for i in wanted if i % 3 != 0]


def test_rows_for_no_ids_asks_nothing() -> None:
    asked: list[str] = []

    def execute(sql: str, params: list[object]) -> list[tuple[int]]:
        asked.append(sql)
        return []

    assert list(rows_for(execute, "SELECT id FROM articles WHERE id IN", [])) == []
    assert asked == []

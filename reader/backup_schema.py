"""A file offered for restore must hold exactly the schema this version would have made.

A backup is untrusted input: anyone can hand the editor an SQLite file. A trigger in it
would run on the first write after the restore (deleting issues, say), a view could stand
in for a table, and a table of the wrong shape would fail later, half-way through some
command. So before a file is restored its schema is compared with the one the reader's own
migrations build, step for step up to the file's last step: every table with the same
columns, no table, trigger or view the migrations do not make.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlite_utils import Database

from reader.messages import ReaderError
from reader.store.migrations import MIGRATIONS

MIGRATIONS_TABLE = "_sqlite_migrations"

SchemaObjects = dict[tuple[str, str], str | None]


class SchemaMismatch(ReaderError):
    """The file's schema is not the reader's (the message says what differs)."""


def _objects(conn: sqlite3.Connection) -> SchemaObjects:
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(str(kind), str(name)): sql for kind, name, sql in rows}


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    quoted = '"' + table.replace('"', '""') + '"'
    return [tuple(row[1:]) for row in conn.execute(f"PRAGMA table_info({quoted})")]


def _expected(steps: tuple[str, ...]) -> sqlite3.Connection:
    """An in-memory database with the reader's schema after exactly ``steps``."""
    db = Database(memory=True)
    order = [migration.name for migration in MIGRATIONS.pending(db)]
    if list(steps) != order[: len(steps)]:
        raise SchemaMismatch("backup.schema_steps_out_of_order", steps=", ".join(steps))
    stop = order[len(steps)] if len(steps) < len(order) else None
    MIGRATIONS.apply(db, stop_before=stop)
    return db.conn


def check_schema(conn: sqlite3.Connection, steps: tuple[str, ...]) -> None:
    """Refuse a database whose schema is not the one ``steps`` of the migrations build.

    Raises:
        SchemaMismatch: a trigger or view the migrations do not make, a table missing,
            unknown or with other columns, or schema steps not in the reader's order.
    """
    expected_conn = _expected(steps)
    try:
        expected = _objects(expected_conn)
        actual = _objects(conn)
        for (kind, name), sql in sorted(actual.items()):
            if kind in ("trigger", "view") and expected.get((kind, name)) != sql:
                raise SchemaMismatch(f"backup.foreign_{kind}", name=name)
            if kind == "table" and (kind, name) not in expected:
                raise SchemaMismatch("backup.unknown_table", name=name)
        for kind, name in sorted(expected):
            if kind != "table":
                continue
            if (kind, name) not in actual:
                raise SchemaMismatch("backup.missing_table", name=name)
            # The migrations table is sqlite-utils' own, shaped by whichever version made it.
            if name != MIGRATIONS_TABLE and _columns(conn, name) != _columns(expected_conn, name):
                raise SchemaMismatch("backup.wrong_columns", name=name)
    finally:
        expected_conn.close()

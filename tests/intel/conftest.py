"""Seed issues imported in steps, and an edited reprint written by the project's typesetter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.parsing.model import ParsedArticle, ParsedIssue
from tests.support.cli import run_cli
from tests.support.typeset import write_txt

FIRST_STEP = ("004_0e2e6c6ba6881e44.txt", "002_e3f1de17cb39adc7.txt", "003_a0750ec2936b2a6d.txt")
SECOND_STEP = ("000_7c58e5c3cfbf848b.txt", "001_b923cf2081691f35.txt")  # 2023-8, 2024-1


def run_json(folder: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code, out, err = run_cli(folder, capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def import_step(folder: Path, corpus_dir: Path, names: tuple[str, ...]) -> None:
    with Archive(folder) as archive:
        from reader.importer import import_paths

        report = import_paths(archive, [corpus_dir / name for name in names])
        assert report.ok, report.summary()


def article_by_title(folder: Path, title_part: str) -> tuple[int, str, str]:
    with Archive(folder) as archive:
        row = archive.db.execute(
            "SELECT id, title, text FROM articles WHERE title LIKE ? ORDER BY id",
            [f"%{title_part}%"],
        ).fetchone()
    assert row is not None, title_part
    return row[0], row[1], row[2]


def edited_copy(paragraphs: list[str]) -> list[str]:
    """A reprint as a newsroom makes one: a lead-in added, words changed, a paragraph dropped."""
    edited = [p.replace("持续", "不断").replace("推进", "推动") for p in paragraphs]
    del edited[len(edited) // 2]
    return ["据《新华日报》报道，记者近日从有关部门获悉以下情况。", *edited]


def write_reprint_issue(path: Path, title: str, text: str) -> Path:
    issue = ParsedIssue(
        articles=[
            ParsedArticle(title=f"{title}（转载）", paragraphs=edited_copy(text.split("\n"))),
            ParsedArticle(
                title="某地推动乳业振兴",
                paragraphs=["乳业是草原上的优势产业，今年以来各地多措并举推动奶业振兴。"] * 3,
            ),
        ],
        series="科技情报参考",
        year=2025,
        issue_no=3,
        editor_org="某市科学技术局",
        editor="王 明",
        phone="5550123",
    )
    write_txt(issue, path)
    return path


@pytest.fixture
def seeded(archive_dir: Path, corpus_dir: Path) -> Path:
    """An archive with all five seed issues."""
    import_step(archive_dir, corpus_dir, (*FIRST_STEP, *SECOND_STEP))
    return archive_dir

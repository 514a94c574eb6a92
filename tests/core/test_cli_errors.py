"""The command line words every failure in one place: the user's mistakes and the reader's bugs."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import briefs
from reader.cli import main


def _run(archive_dir: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["--archive", str(archive_dir), *argv])
    return code, capsys.readouterr().err


def test_a_brief_that_is_not_there_is_one_line_and_exit_1(
    archive_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(archive_dir, capsys, "brief", "delete", "没有的简报")
    assert code == 1
    assert err == "reader: no brief named '没有的简报'\n"


def test_an_issue_that_is_not_there_is_a_usage_error(
    archive_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(archive_dir, capsys, "issue", "set", "999", "--year", "2023")
    assert code == 2
    assert err == "reader: no issue with id 999\n"


def test_a_bug_is_reported_as_one_with_its_traceback_and_exit_70(
    archive_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(briefs, "delete", broken)
    code, err = _run(archive_dir, capsys, "brief", "delete", "简报")
    assert code == 70
    assert err.startswith("reader: internal error (ZeroDivisionError): division by zero;")
    assert "this is a bug, not something you did" in err
    assert "Traceback (most recent call last)" in err and "in broken" in err

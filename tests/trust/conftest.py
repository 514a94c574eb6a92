"""Fixtures for the archive-trust tests: a CLI runner on one archive folder."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import run_cli


@pytest.fixture
def cli(archive_dir: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Any]:
    """``cli("list", "--json")`` runs the command on the test's archive: (code, out, err)."""

    def run(*args: str) -> tuple[int, str, str]:
        return run_cli(archive_dir, capsys, *args)

    return run


@pytest.fixture
def listing(cli: Callable[..., Any]) -> Callable[[], list[dict[str, Any]]]:
    """``reader list --json`` of the test's archive, parsed."""

    def read() -> list[dict[str, Any]]:
        code, out, err = cli("list", "--json")
        assert code == 0, err
        return json.loads(out)

    return read

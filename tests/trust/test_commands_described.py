"""The commands of the trusted archive are in ``reader --help`` and in the README."""

from __future__ import annotations

import pytest

from reader.cli import main
from tests.conftest import PROJECT_ROOT

# (the parent command, the command, as the README writes it)
COMMANDS = [
    (None, "trash", "reader trash list"),
    (None, "history", "reader history ARTICLE_ID"),
    ("issue", "delete", "reader issue delete"),
    ("issue", "use-source", "reader issue use-source ID SOURCE_ID"),
    ("issue", "merge", "reader issue merge ID INTO_ID"),
    ("trash", "list", "reader trash list --json"),
    ("trash", "restore", "reader trash restore ID"),
    ("trash", "empty", "reader trash empty"),
]


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(("parent", "command", "written"), COMMANDS)
def test_each_command_is_in_the_help_and_the_readme(
    capsys: pytest.CaptureFixture[str], parent: str | None, command: str, written: str
) -> None:
    listed = _help(capsys, *([parent] if parent else []))
    assert f"    {command} " in listed or f"    {command}\n" in listed, listed
    assert _help(capsys, *([parent] if parent else []), command).startswith("usage: reader")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert written in readme

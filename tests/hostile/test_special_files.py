"""Files that are not plain files, and names that are not UTF-8 (issue 18.3 and 18.9)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.cli import main
from reader.importer import IMPORTED, SKIPPED, import_paths
from reader.store import issues as store
from tests.support.issues import north_river_issue
from tests.support.layout_text import write_office_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")

SPECIAL = {
    "fifo.txt": "a named pipe (FIFO), not a file",
    "folder.txt": "a folder, not a file",
    "zero.txt": "a device, not a file",
    "dangling.txt": "a symbolic link to",
    "loop.txt": "a symbolic link that loops back on itself",
    "mem.txt": "a system file",
}


def make_special(folder: Path, name: str) -> Path:
    path = folder / name
    if name == "fifo.txt":
        os.mkfifo(path)
    elif name == "folder.txt":
        path.mkdir()
    elif name == "zero.txt":
        path.symlink_to("/dev/zero")
    elif name == "dangling.txt":
        path.symlink_to(folder / "nowhere.txt")
    elif name == "loop.txt":
        path.symlink_to(path)
    elif name == "mem.txt":
        path.symlink_to("/proc/self/mem")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    write_office_text(north_river_issue(issue_no=1), folder / "good.txt")
    for name in SPECIAL:
        make_special(folder, name)
    return folder


def test_each_special_file_in_a_folder_gets_its_reason_and_the_good_file_imports(
    archive: Archive, folder: Path
) -> None:
    report = import_paths(archive, [folder])

    skipped = {o.path.name: o.message() for o in report.outcomes if o.status == SKIPPED}
    assert set(skipped) == set(SPECIAL)
    for name, reason in SPECIAL.items():
        assert reason in skipped[name], name
    assert [o.path.name for o in report.outcomes if o.status == IMPORTED] == ["good.txt"]


@pytest.mark.parametrize("name", sorted(set(SPECIAL) - {"folder.txt"}))
def test_a_special_file_named_explicitly_is_skipped_under_the_name_given(
    archive: Archive, tmp_path: Path, name: str
) -> None:
    path = make_special(tmp_path, name)

    report = import_paths(archive, [path])

    [outcome] = report.outcomes
    assert outcome.status == SKIPPED
    assert outcome.path == path  # not the link's target (/proc/…/mem, /dev/zero)
    assert SPECIAL[name] in outcome.message()


def test_a_fifo_is_never_opened(archive: Archive, tmp_path: Path) -> None:
    # Opening a FIFO for reading blocks until a writer comes: finishing at all is the test.
    fifo = make_special(tmp_path, "fifo.txt")
    report = import_paths(archive, [fifo, tmp_path])
    assert report.count(SKIPPED) == 1  # the same pipe reached twice is one line
    assert "named pipe" in report.outcomes[0].message()


def test_a_name_that_is_not_utf8_is_shown_escaped_and_the_batch_imports(
    archive_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_office_text(north_river_issue(issue_no=1), folder / "good.txt")
    bad_name = os.fsdecode(b"\xb5\xda\xc8\xfd\xc6\xda.txt")  # 第三期 in GBK bytes
    write_office_text(north_river_issue(issue_no=2), folder / bad_name)

    code = main(["--archive", str(archive_dir), "import", str(folder)])

    out = capsys.readouterr().out
    assert code == 0
    assert "imported: " + str(folder) + "/\\xb5\\xda\\xc8\\xfd\\xc6\\xda.txt" in out
    assert "2 imported, 0 updated, 0 already there, 0 skipped" in out
    with Archive(archive_dir) as archive:
        paths = sorted(issue.source_path for issue in store.list_issues(archive.db))
    assert paths[0].endswith("\\xb5\\xda\\xc8\\xfd\\xc6\\xda.txt")
    assert main(["--archive", str(archive_dir), "list", "--json"]) == 0
    assert "\\\\xb5" in capsys.readouterr().out

"""Two processes on one index, and worker processes that die with their parent (real
processes, as an editor's import beside a script's ``reader reindex`` would be)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.search import search
from tests.support.archives import add_issue
from tests.support.issues import bare_issue
from tests.support.stories import FILLER

pytestmark = pytest.mark.slow
ARTICLES = 400


@pytest.fixture
def folder(archive_dir: Path) -> Path:
    with Archive(archive_dir) as archive:
        add_issue(archive, bare_issue([("乳业创新", "奶牛养殖技术创新。"), *FILLER]), index=True)
        many = [(f"第{i}篇", f"编号{i}：科技创新与乳业发展{i % 7}。") for i in range(ARTICLES)]
        add_issue(archive, bare_issue(many, issue_no=2), index=True)
    return archive_dir


def reader(folder: Path, *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "--archive", str(folder), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name != "search")


def test_two_reindexes_at_once_both_succeed(folder: Path) -> None:
    for _round in range(2):
        first, second = reader(folder, "reindex"), reader(folder, "reindex")
        for code, out, err in (finish(first), finish(second)):
            assert code == 0, err
            assert f"indexed {ARTICLES + 5} articles" in out
    assert leftovers(folder) == []
    with Archive(folder) as archive:
        assert search(archive, "乳业发展3").total == len([i for i in range(ARTICLES) if i % 7 == 3])
        assert search(archive, "奶牛").total == 1


def test_two_searches_finding_the_index_missing_both_succeed(folder: Path) -> None:
    expected = len([i for i in range(ARTICLES) if i % 7 == 5])
    for _round in range(2):
        shutil.rmtree(folder / "search")
        first = reader(folder, "search", "乳业发展5", "--json")
        second = reader(folder, "search", "乳业发展5", "--json")
        for code, out, err in (finish(first), finish(second)):
            assert code == 0, err
            assert json.loads(out)["total"] == expected
    assert leftovers(folder) == []


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"  # a zombie has exited


_HOLD_AT_FIRST_BATCH = """
import sys, time
from pathlib import Path
from reader.archive import Archive
from reader.search import rebuild_index

def hold(done, total):
    print("workers busy", flush=True)
    time.sleep(600)

if __name__ == "__main__":
    with Archive(Path(sys.argv[1])) as archive:
        rebuild_index(archive, hold, processes=2)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads Linux's /proc")
def test_workers_die_with_a_parent_killed_with_sigkill(folder: Path, tmp_path: Path) -> None:
    script = tmp_path / "hold.py"
    script.write_text(_HOLD_AT_FIRST_BATCH, encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, str(script), str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert parent.stdout is not None
        assert parent.stdout.readline().strip() == "workers busy"
        children = _children(parent.pid)
        assert len(children) >= 2  # two workers (and multiprocessing's resource tracker)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 20
        while any(_alive(child) for child in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [child for child in children if _alive(child)] == []
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if parent.stdout is not None:
            parent.stdout.close()

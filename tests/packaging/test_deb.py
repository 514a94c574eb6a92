"""The .deb for Debian-based desktops: built from the frozen app, checked with dpkg-deb."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

pytest.importorskip("PyInstaller")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed"),
]


def test_the_deb_installs_the_app_a_command_and_a_menu_entry(frozen_app: Path, tmp_path):
    built = subprocess.run(
        ["bash", str(PROJECT_ROOT / "packaging" / "build_deb.sh")],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PY": sys.executable},
        timeout=1200,
        check=True,
    )
    deb = PROJECT_ROOT / built.stdout.split(":")[0].strip()
    assert deb.suffix == ".deb" and deb.is_file()
    info = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Package", "Version", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Package: reader" in info and "libxcb-cursor0" in info
    contents = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "./opt/reader/reader" in contents
    assert "./usr/bin/reader -> /opt/reader/reader" in contents
    assert "./usr/share/applications/reader.desktop" in contents
    assert "root/root" in contents  # owned by root once installed, whoever built it

    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    version = subprocess.run(
        [str(root / "opt" / "reader" / "reader"), "--version"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        timeout=120,
    )
    assert version.returncode == 0 and version.stdout.startswith("reader ")
    desktop = (root / "usr/share/applications/reader.desktop").read_text(encoding="utf-8")
    assert "Exec=reader" in desktop and "Name[zh_CN]=期刊档案阅读器" in desktop

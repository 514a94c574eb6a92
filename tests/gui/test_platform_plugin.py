"""The set-up installs every library Qt's xcb platform plugin needs (a real window on Linux)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo

SETUP_SCRIPT = Path(__file__).parents[2] / "packaging" / "system-deps.sh"


def _xcb_plugin() -> Path:
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / "libqxcb.so"


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="Linux only"
)
def test_every_library_of_the_xcb_plugin_is_named_by_the_setup_and_found() -> None:
    plugin = _xcb_plugin()
    qpa = plugin.parents[2] / "lib" / "libQt6XcbQpa.so.6"
    out = subprocess.run(["ldd", str(plugin), str(qpa)], capture_output=True, text=True).stdout
    needed = set(re.findall(r"(lib(?:xcb|X11-xcb|xkbcommon)[\w-]*\.so\.\d+)", out))
    script = SETUP_SCRIPT.read_text(encoding="utf-8")
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"} <= needed
    unnamed = sorted(n for n in needed - {"libxcb.so.1", "libxcb-cursor.so.0"} if n not in script)
    assert unnamed == []
    missing = sorted(set(re.findall(r"(\S+) => not found", out)))
    assert missing == [], "run packaging/system-deps.sh as root"

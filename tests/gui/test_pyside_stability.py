"""PySide6-Essentials 6.12.0 on Python 3.11 loses a reference to ``None`` on every Qt call
that returns nothing and aborts after a few thousand calls. This fails on such a build."""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 20_000

_SCRIPT = f"""
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for i in range({CALLS}):
    label.setText(str(i))
after = sys.getrefcount(None)
print(before, after, label.text())
"""


def test_twenty_thousand_void_calls_neither_crash_nor_leak_none() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, f"Qt process died ({done.returncode}): {done.stderr[-500:]}"
    before, after, text = done.stdout.split()
    assert text == str(CALLS - 1)
    # A broken build drops one reference per call; a sound one stays within a few.
    assert abs(int(after) - int(before)) < 100

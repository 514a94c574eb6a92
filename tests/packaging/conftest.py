"""The frozen app, built once per test session (a few minutes) with packaging/build.sh."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

APP = PROJECT_ROOT / "dist" / "reader" / ("reader.exe" if sys.platform == "win32" else "reader")


@pytest.fixture(scope="session")
def frozen_app() -> Path:
    subprocess.run(
        ["bash", str(PROJECT_ROOT / "packaging" / "build.sh")],
        cwd=PROJECT_ROOT,
        check=True,
        env={**os.environ, "PY": sys.executable},
        timeout=1800,
    )
    assert APP.is_file()
    return APP

#!/usr/bin/env bash
# Builds the one-folder app dist/reader/ with PyInstaller and prints its size.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
"$PY" -m pip show pyinstaller >/dev/null 2>&1 || "$PY" -m pip install --quiet "pyinstaller>=6.10"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/reader.spec
echo "dist/reader: $(( $(du -sb dist/reader | cut -f1) / 1000000 )) MB"

"""``make bench``: run every ``tests/bench/bench_*.py`` and print what each measured.

Each module has ``run(args) -> list[str]``; ``args`` carries ``sizes`` (article counts) and
``keep`` (leave the generated archives on disk). Sizes come from ``--sizes`` or
``$BENCH_SIZES`` (comma-separated), default 1000,10000; add 100000 when there is time
(about half an hour on two cores).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
import traceback
from pathlib import Path

DEFAULT_SIZES = "1000,10000"


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise SystemExit(
            f"bench: sizes must be numbers separated by commas, not {text!r}"
        ) from None
    if not sizes or min(sizes) <= 0:
        raise SystemExit("bench: give at least one positive size")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sizes", default=os.environ.get("BENCH_SIZES", DEFAULT_SIZES), help="e.g. 1000,10000"
    )
    parser.add_argument("--only", help="run only bench_<ONLY>.py")
    parser.add_argument("--keep", action="store_true", help="keep the generated archives")
    args = parser.parse_args(argv)
    args.sizes = _sizes(args.sizes)
    folder = Path(__file__).parent
    names = sorted(p.stem for p in folder.glob("bench_*.py"))
    if args.only:
        names = [n for n in names if n == f"bench_{args.only}"]
    failed: list[str] = []
    for name in names:
        started = time.monotonic()
        print(f"== {name} (sizes {', '.join(map(str, args.sizes))})", flush=True)
        try:
            module = importlib.import_module(f"tests.bench.{name}")
            lines = module.run(args)
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
            print(f"== {name} FAILED", flush=True)
            continue
        for line in lines:
            print(line, flush=True)
        print(f"== {name} took {time.monotonic() - started:.0f} s", flush=True)
    if failed:
        print(f"bench: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Synthetic bulletins for the benchmarks, in the real plain-text layout.

The issues come from the test factory (``tests.support.issues.random_issues``: words drawn
from jieba's dictionary by frequency); here they are written out as the office's text
export. ``python -m tests.bench.generate OUT_DIR --articles N`` writes the files by hand.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.parsing.model import ParsedIssue
from tests.support.issues import random_issues
from tests.support.layout_text import write_office_text


def write_bulletins(issues: list[ParsedIssue], folder: Path) -> list[Path]:
    """One UTF-8 text file per issue in ``folder``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_office_text(issue, folder / f"{position:06d}_{issue.year}_{issue.issue_no:02d}.txt")
        for position, issue in enumerate(issues)
    ]


def text_bytes(issues: list[ParsedIssue]) -> int:
    """UTF-8 size of the articles' titles and texts (what throughput is measured on)."""
    return sum(
        len(a.title.encode("utf-8")) + len(a.text.encode("utf-8"))
        for issue in issues
        for a in issue.articles
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_bulletins(random_issues(args.articles, args.seed), args.folder)
    print(f"wrote {len(paths)} bulletins to {args.folder}")


if __name__ == "__main__":
    main()

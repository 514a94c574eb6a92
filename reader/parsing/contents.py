"""The contents (目录) at the head of an issue: entries with titles and page numbers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.parsing.normalize import (
    CLAUSE_PUNCT,
    fuzzy_title_match,
    has_strong_stop,
    join_wrapped,
    starts_with_entry_marker,
    strip_entry_marker,
    strip_toc_leader_and_page,
)
from reader.parsing.sections import match_column_heading
from reader.parsing.titles import is_title_like

_HEADING = re.compile(
    r"^[【\[]?\s*(?:目\s*录|本\s*期\s*目\s*录|本\s*期\s*要\s*目|要\s*目)\s*[】\]]?$"
)
_LEADER_PAGE = re.compile(r"(?:[.．·•…⋯_]{2,}|\s)\s*[0-9０-９]{1,3}$")


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One contents entry: the title as the contents print it and its page."""

    title: str
    page: int | None
    printed: str
    column: str | None = None

    def readings(self) -> list[tuple[str, int | None]]:
        """Every way to split a glued page number off (``…G203`` may be ``G20`` + 3)."""
        if self.page is None:
            return [(self.title, None)]
        digits = str(self.page)
        options: list[tuple[str, int | None]] = [(self.title, self.page)]
        for cut in range(1, len(digits)):
            options.append((self.title + digits[:cut], int(digits[cut:])))
        options.append((self.title + digits, None))
        return options


def _entry(text: str, column: str | None = None) -> TocEntry | None:
    title, page = strip_toc_leader_and_page(text)
    return TocEntry(title, page, text, column) if title else None


def parse_contents(texts: Sequence[str], start: int) -> tuple[list[TocEntry], int]:
    """Read the contents that may follow the masthead.

    Entries are lines marked ``★``/``- ★``, lines ending in leaders and a page number,
    or (after a ``目录`` heading, or when each reappears later as a title) plain titles.

    Args:
        texts: the issue's paragraphs.
        start: the first paragraph after the masthead.

    Returns:
        The entries and the index of the first paragraph after the contents.
    """
    index = start
    headed = index < len(texts) and bool(_HEADING.match(texts[index].strip()))
    if headed:
        index += 1
    entries: list[TocEntry] = []
    column: str | None = None
    column_line: int | None = None
    while index < len(texts):
        text = texts[index].strip()
        if (name := match_column_heading(text)) is not None:
            column, column_line = name, index
            index += 1
            continue
        if starts_with_entry_marker(text):
            entry = _entry(text, column)
            if entry is not None:
                entries.append(entry)
            elif strip_entry_marker(text):
                break
        elif _LEADER_PAGE.search(text) and is_title_like(text, max_width=120):
            entry = _entry(text, column)
            if entry is None:
                break
            entries.append(entry)
        elif entries and entries[-1].page is None and _continues_entry(text):
            # An entry wrapped onto a second line: "…深化市级科技计划" + "管理改革5".
            merged = _entry(join_wrapped(entries[-1].printed, text), entries[-1].column)
            if merged is None:
                break
            entries[-1] = merged
        else:
            break
        column_line = None
        index += 1
    if column_line is not None:
        index = column_line  # the heading opens the body's first column, not the contents'
    if not headed and len(entries) == 1 and entries[0].page is None:
        # One marked line alone is the first title of an issue without contents (◆ …).
        entries, index = [], start
    if not entries:
        plain = _plain_contents(texts, index, headed)
        entries = [TocEntry(text.strip(), None, text) for text in plain]
        index += len(plain)
    return entries, index


def _continues_entry(text: str) -> bool:
    """True for the short rest of a wrapped entry: a few characters and the page."""
    if text.isdigit() and len(text) <= 3:
        return True
    title, page = strip_toc_leader_and_page(text)
    return (
        page is not None
        and len(title) <= 20
        and not has_strong_stop(title)
        and not any(char in CLAUSE_PUNCT for char in title)
    )


def _plain_contents(texts: Sequence[str], start: int, headed: bool) -> list[str]:
    """A run of bare titles that each come back, in order, over an article."""
    run: list[str] = []
    index = start
    while index < len(texts) and is_title_like(texts[index]):
        run.append(texts[index])
        index += 1
    if len(run) < 2 and not headed:
        return []
    later = index
    for title in run:
        while later < len(texts) and fuzzy_title_match(title, texts[later]) < 0.85:
            later += 1
        if later >= len(texts):
            return []
        later += 1
    return run

"""Widow and orphan control for the PDF, which Qt's text layout does not have.

After Qt has laid the brief out in pages, a paragraph may leave its first line alone at
the foot of a page (an orphan) or its last line alone at the head of the next (a widow),
and a sub-heading may stand at the foot of a page with its text overleaf. Each is moved:
a short paragraph or a heading goes whole to the next page; a long paragraph with a widow
is split two lines before its end, the rest starting the next page. Then the layout is
looked at again, until nothing is left alone (each move only pushes text later).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# A paragraph of up to this many lines moves whole rather than being split.
_MOVE_WHOLE_LINES = 4
_MAX_ROUNDS = 400
_MOVED = 1  # a block's user state once moved here (article titles break pages of their own)


def _line_pages(doc: Any, block: Any, page_height: float) -> list[int]:
    top = doc.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    return [
        int((top + layout.lineAt(i).y() + layout.lineAt(i).height() / 2) // page_height)
        for i in range(layout.lineCount())
    ]


def lonely_lines(
    doc: Any, page_height: float, keep_with_next: set[int], start: Any = None, first: bool = False
) -> list[tuple[Any, str]]:
    """Blocks that leave a line alone on a page: (block, "orphan" | "widow" | "heading"),
    from ``start`` (the first block) on; only the first of them when ``first``."""
    found: list[tuple[Any, str]] = []
    block = start if start is not None else doc.begin()
    while block.isValid() and not (first and found):
        pages = _line_pages(doc, block, page_height)
        following = block.next()
        if len(pages) >= 2 and pages[0] != pages[-1]:
            if pages.count(pages[0]) == 1:
                found.append((block, "orphan"))
            elif pages.count(pages[-1]) == 1:
                found.append((block, "widow"))
        elif (
            pages
            and block.position() in keep_with_next
            and following.isValid()
            and following.layout().lineCount()
            and _line_pages(doc, following, page_height)[0] > pages[-1]
        ):
            found.append((block, "heading"))
        block = following
    return found


def control_widows_and_orphans(
    doc: Any, page_height: float, keep_with_next: Callable[[], set[int]]
) -> int:
    """Move text so that no line stands alone on a page; returns how many moves it took."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    moves, start = 0, None
    for _ in range(_MAX_ROUNDS):
        # A move only pushes later text: look again from the block just moved.
        found = lonely_lines(doc, page_height, keep_with_next(), start, first=True)
        if not found:
            break
        block, kind = found[0]
        start = block.previous() if block.previous().isValid() else block
        fmt = block.blockFormat()
        lines = block.layout().lineCount()
        if kind == "widow" and lines > _MOVE_WHOLE_LINES:
            # Split two lines before the end; the second part carries on the paragraph.
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + block.layout().lineAt(lines - 2).textStart())
            rest = block.blockFormat()
            rest.setTextIndent(0)
            rest.setTopMargin(0)
            rest.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            first = block.blockFormat()
            first.setBottomMargin(0)
            cursor.setBlockFormat(first)
            cursor.insertBlock(rest)
        else:
            always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
            if fmt.pageBreakPolicy() == always:  # moved already: nothing more to do here
                start = block.next()
                continue
            fmt.setPageBreakPolicy(always)
            QTextCursor(block).setBlockFormat(fmt)
            block.setUserState(_MOVED)
            following = block.next()
            if kind == "heading" and following.userState() == _MOVED:
                # The text was moved for an orphan before: it now follows its heading.
                carried = following.blockFormat()
                carried.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
                QTextCursor(following).setBlockFormat(carried)
                following.setUserState(-1)
        moves += 1
    return moves

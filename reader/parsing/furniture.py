"""Page furniture in text sources: running headers, page numbers and form feeds.

PDF and OFD readers drop furniture by its place on the page; text exported page by page
keeps it as lines (``科技情报参考 2023年第9期`` over every page, ``- 3 -`` under it, a form
feed between pages). Those lines are dropped here, before paragraphs are joined, so that a
paragraph cut by a page break can be mended again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from reader.parsing.masthead import match_issue_line
from reader.parsing.model import Block
from reader.parsing.normalize import cjk_count, non_space

_FORM_FEED = "\f"
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—－]\s*\d{1,4}\s*[-–—－]"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_HEADER = re.compile(r"^(.{2,30}?)[\s|｜·]*((?:[0-9０-９]{4}\s*年\s*)?第.{1,12}期.*)$")
# The masthead's own lines are never furniture unless a page break precedes them.
_MASTHEAD_LINES = 3


def drop_page_furniture(blocks: Sequence[Block]) -> list[Block]:
    """Remove running headers, page numbers and form feeds from text blocks.

    Args:
        blocks: blocks as a reader gives them.

    Returns:
        The blocks without furniture lines; a block after a form feed has ``starts_page``.
    """
    cleaned = _split_form_feeds(blocks)
    keys = Counter(_header_key(block.text) for block in cleaned)
    kept: list[Block] = []
    filled = 0
    for index, block in enumerate(cleaned):
        text = block.text.strip()
        if not text:
            kept.append(block)
            continue
        filled += 1
        near_break = _near_page_break(cleaned, index)
        key = _header_key(text)
        if (
            _PAGE_NUMBER.match(text)
            or (near_break and _BARE_NUMBER.match(text))
            or (key and filled > _MASTHEAD_LINES and (near_break or keys[key] >= 2))
        ):
            continue
        kept.append(block)
    return kept


def _split_form_feeds(blocks: Sequence[Block]) -> list[Block]:
    if not any(_FORM_FEED in block.text for block in blocks):
        return list(blocks)
    out: list[Block] = []
    turned = False  # a form feed was seen and the next line with text starts a page
    for block in blocks:
        pieces = block.text.split(_FORM_FEED)
        for number, piece in enumerate(pieces):
            turned = turned or number > 0
            # The empty line a form feed leaves ("…\n\f…") is no blank line of the text.
            if not piece.strip() and len(pieces) > 1:
                continue
            out.append(replace(block, text=piece, starts_page=block.starts_page or turned))
            turned = turned and not piece.strip()
    return out


def _near_page_break(blocks: Sequence[Block], index: int) -> bool:
    """True for one of the two filled lines after a page start, or the two before it."""
    filled = 0
    for position in range(index, -1, -1):
        filled += bool(blocks[position].text.strip())
        if filled > 2:
            break
        if blocks[position].starts_page and position > 0:
            return True
    filled = 1
    for position in range(index + 1, len(blocks)):
        if blocks[position].starts_page:
            return True
        filled += bool(blocks[position].text.strip())
        if filled > 2:
            break
    return False


def _header_key(text: str) -> str | None:
    """The identity of a running header (series and issue line), digits folded; else None."""
    match = _HEADER.match(text.strip())
    if not match or cjk_count(match.group(1)) < 2 or match_issue_line(match.group(2)) is None:
        return None
    return re.sub(r"\d+", "#", non_space(text))

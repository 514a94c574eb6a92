"""From lines and layout blocks to paragraphs.

The shapes of source told apart:

* one paragraph per line, with or without blank lines between (the real bulletins 000,
  001, 002, 004), or hard-wrapped lines with blank lines only between paragraphs;
* hard-wrapped PDF text with a blank line after every line (or none at all), where a
  trailing space marks a paragraph's last line and a leading space a line after a page
  break (003); without those marks, short lines end paragraphs;
* blocks with layout cues from the PDF and DOCX extractors (bold, centered, size, indent,
  explicit paragraph ends).

Page breaks that cut a paragraph in two are not mended here (the structure parser does it
within an article, where it knows titles); wrapped lines are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from reader.parsing.masthead import is_footer_line, is_masthead_line, match_org_line
from reader.parsing.model import Block
from reader.parsing.normalize import (
    CLAUSE_PUNCT,
    STRONG_STOPS,
    cjk_count,
    display_width,
    is_paragraph_end,
    join_wrapped,
    remove_cjk_letter_spacing,
    starts_with_entry_marker,
)
from reader.parsing.subheadings import looks_like_subheading

_TRAILING_SPACES = (" ", "\u3000", "\t")


@dataclass(slots=True)
class Para:
    """A paragraph as the source laid it out, before titles and page breaks are settled.

    Attributes:
        text: the paragraph, wrapped lines joined, without surrounding spaces.
        lines: how many source lines or blocks it was joined from.
        styled: the source set it apart like a title (bold, centered or larger type).
        final: the source says this is a real paragraph end (DOCX): never rejoined.
    """

    text: str
    lines: int = 1
    styled: bool = False
    final: bool = False


def text_blocks(text: str) -> list[Block]:
    """One block per line of ``text`` (blank lines included), spaces kept as cues.

    Args:
        text: decoded text with ``\\n`` line ends.

    Returns:
        The lines as blocks without layout cues.
    """
    return [Block(text=line) for line in text.split("\n")]


def reflow(blocks: Sequence[Block]) -> list[Para]:
    """Join the lines or blocks of a source into paragraphs.

    Args:
        blocks: what ``text_blocks`` or an extractor gave.

    Returns:
        The paragraphs in order, empty ones left out.
    """
    cleaned = [replace(block, text=remove_cjk_letter_spacing(block.text)) for block in blocks]
    if _has_layout_cues(cleaned):
        return _reflow_layout(cleaned)
    lines = [block.text for block in cleaned]
    width = _hard_wrap_width(lines)
    if width is not None:
        return _reflow_hard_wrapped(lines, width)
    return _reflow_line_paragraphs(lines)


def _has_layout_cues(blocks: Sequence[Block]) -> bool:
    return any(
        block.page is not None
        or block.size is not None
        or block.bold is not None
        or block.centered is not None
        or block.indented is not None
        or block.ends_paragraph is not None
        for block in blocks
    )


def _percentile_width(lines: Sequence[str], share: float) -> int:
    widths = sorted(display_width(line.strip()) for line in lines if line.strip())
    if not widths:
        return 0
    return widths[min(len(widths) - 1, int(share * (len(widths) - 1)))]


def _hard_wrap_width(lines: Sequence[str]) -> int | None:
    """The line width when lines, not blank lines, carry the layout, else ``None``.

    That is 003-style text (a blank line after every line) and text without blank lines,
    when it is hard-wrapped: 003's paragraph-ending lines carry a trailing space, and
    hard-wrapped lines mostly fill the width and stop mid-sentence.
    """
    filled = [index for index, line in enumerate(lines) if line.strip()]
    if len(filled) < 4 or _blank_lines_separate_paragraphs(lines):
        return None
    width = _percentile_width([lines[index] for index in filled], 0.9)
    marked = sum(1 for index in filled if lines[index].endswith(_TRAILING_SPACES))
    if marked >= 2 and width <= 160:
        return width
    full = sum(
        1
        for index in filled
        if display_width(lines[index].strip()) >= width - 4 and not is_paragraph_end(lines[index])
    )
    return width if width <= 90 and full * 2 >= len(filled) else None


def _blank_lines_separate_paragraphs(lines: Sequence[str]) -> bool:
    """True when blank lines come between some lines only (not after each, nor never)."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    followed = sum(1 for index in filled if index + 1 < len(lines) and not lines[index + 1].strip())
    return 0.05 * len(filled) <= followed < 0.7 * len(filled)


def _reflow_line_paragraphs(lines: Sequence[str]) -> list[Para]:
    """Paragraphs from whole lines.

    When blank lines separate paragraphs, the lines between two blanks are one paragraph
    (wrapped lines). Otherwise each line is a paragraph. Contents entries, masthead and
    footer lines always stand alone.
    """
    wrapped = _blank_lines_separate_paragraphs(lines)
    inner = [line for line, after in pairwise(lines) if after.strip()]
    width = _percentile_width(inner, 0.9)
    paras: list[Para] = []
    current: Para | None = None
    previous = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        if (
            current is None
            or not wrapped
            or _stands_alone(stripped, current.text)
            or _short_last_line(previous, width)
        ):
            current = Para(stripped)
            paras.append(current)
        else:
            current.text = join_wrapped(current.text, stripped)
            current.lines += 1
        previous = stripped
    return paras


def _short_last_line(line: str, width: int) -> bool:
    """True for a line well short of a hard-wrapped text's width that is a heading or ends
    a sentence: a title or paragraph ends there even without a blank line after it."""
    used = display_width(line)
    heading = line[-1] not in CLAUSE_PUNCT and not any(
        char in "，,；;" + STRONG_STOPS for char in line
    )
    # Digits and Latin make a full line a little narrow: sentence ends need a shorter line.
    return used < (0.8 if heading else 0.6) * width and (heading or is_paragraph_end(line))


def _stands_alone(line: str, before: str) -> bool:
    """True for a line that never continues the line before it."""
    return (
        starts_with_entry_marker(line)
        or is_masthead_line(line)
        or is_masthead_line(before)
        or is_footer_line(line)
        or (match_org_line(line) is not None and is_paragraph_end(before))
    )


def _reflow_hard_wrapped(lines: Sequence[str], width: int) -> list[Para]:
    """003-style text: blank lines carry nothing; a trailing space ends a paragraph."""
    filled = [line for line in lines if line.strip()]
    marked = sum(1 for line in filled if line.endswith(_TRAILING_SPACES))
    use_marks = marked >= max(2, len(filled) // 50)
    paras: list[Para] = []
    current: Para | None = None
    for line in filled:
        stripped = line.strip()
        if (
            current is None
            or starts_with_entry_marker(stripped)
            or (not use_marks and _starts_unmarked_paragraph(stripped, current.text))
        ):
            current = Para(stripped)
            paras.append(current)
        else:
            current.text = join_wrapped(current.text, stripped)
            current.lines += 1
        if _ends_hard_wrapped_paragraph(line, width, use_marks) or (
            current.lines == 1 and _lone_title_line(stripped, width)
        ):
            current = None
    return paras


def _lone_title_line(line: str, width: int) -> bool:
    """A short first line without any punctuation: a title, even if its mark was lost.

    A paragraph's first line loses only its indent, so it stays near the full width.
    """
    return (
        display_width(line) < 0.7 * width
        and cjk_count(line) >= 6
        and not any(char in CLAUSE_PUNCT or char in STRONG_STOPS for char in line)
    )


def _starts_unmarked_paragraph(line: str, before: str) -> bool:
    """Without trailing-space marks: masthead, footer and contents lines stand alone, and
    an enumerated point after a finished sentence starts a paragraph."""
    if _stands_alone(line, before):
        return True
    if starts_with_entry_marker(before) and before[-1:].isdigit():
        return True
    return looks_like_subheading(line) and is_paragraph_end(before)


def _ends_hard_wrapped_paragraph(line: str, width: int, use_marks: bool) -> bool:
    if use_marks:
        # A lost mark must not glue the next title on: a clearly short line that ends a
        # sentence ends its paragraph too (003's unmarked lines all fill 85% of the width).
        stripped = line.strip()
        return line.endswith(_TRAILING_SPACES) or (
            is_paragraph_end(stripped) and display_width(stripped) < 0.6 * width
        )
    # Without the trailing-space cue: a short line ends its paragraph (a last line, or a
    # title); a full line goes on.
    stripped = line.strip()
    return display_width(stripped) < width - 4 and (
        is_paragraph_end(stripped) or display_width(stripped) < 0.75 * width
    )


def _body_size(blocks: Sequence[Block]) -> float | None:
    sizes: Counter[float] = Counter()
    for block in blocks:
        if block.size is not None and block.text.strip():
            sizes[block.size] += len(block.text.strip())
    return sizes.most_common(1)[0][0] if sizes else None


def _mostly_bold(blocks: Sequence[Block]) -> bool:
    bold = sum(len(block.text) for block in blocks if block.bold)
    return bold > 0.5 * sum(len(block.text) for block in blocks)


def _reflow_layout(blocks: Sequence[Block]) -> list[Para]:
    """PDF lines and DOCX paragraphs: the cues decide where paragraphs end."""
    body_size = _body_size(blocks)
    mostly_bold = _mostly_bold(blocks)

    def styled(block: Block) -> bool:
        larger = block.size is not None and body_size is not None and block.size > body_size * 1.1
        return bool(block.centered) or larger or (bool(block.bold) and not mostly_bold)

    kept = list(blocks)
    plain = [block for block in kept if not styled(block)]
    width = _percentile_width([block.text for block in plain], 0.9)
    # With indent cues a paragraph starts where a line is indented; a line merely short
    # (digits and Latin are narrow, breaks avoid spaces) then does not end a paragraph.
    short = 0.5 * width if any(block.indented for block in plain) else width - 4
    paras: list[Para] = []
    current: Para | None = None
    previous: Block | None = None
    for block in kept:
        stripped = block.text.strip()
        if not stripped:
            current, previous = None, None
            continue
        if (
            current is None
            or previous is None
            or _breaks_before(previous, block, current, styled, short)
        ):
            current = Para(stripped, styled=styled(block))
            paras.append(current)
        else:
            current.text = join_wrapped(current.text, stripped)
            current.lines += 1
        current.final = block.ends_paragraph is True
        previous = block
    return paras


def _breaks_before(
    previous: Block,
    block: Block,
    current: Para,
    styled: Callable[[Block], bool],
    short: float,
) -> bool:
    """True when ``block`` starts a new paragraph after ``previous``."""
    text = block.text.strip()
    if _stands_alone(text, previous.text.strip()):
        return True
    was_styled, is_styled = styled(previous), styled(block)
    if was_styled != is_styled or (was_styled and previous.size != block.size):
        return True
    if was_styled and is_styled:
        # A title set over two lines (or two DOCX paragraphs) stays one title.
        return is_paragraph_end(current.text) or display_width(current.text + text) > 120
    if previous.ends_paragraph is not None:
        return previous.ends_paragraph
    if block.indented:
        return True
    # A short line that finishes a sentence is a paragraph's last line.
    if not is_paragraph_end(previous.text):
        return False
    return display_width(previous.text.strip()) < short

"""Finding article titles: from the contents when there are any, else from text and layout."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from reader.parsing.masthead import is_footer_line, is_masthead_line
from reader.parsing.normalize import (
    CLAUSE_PUNCT,
    cjk_count,
    display_width,
    fuzzy_title_match,
    has_strong_stop,
    is_paragraph_end,
    join_wrapped,
    non_space,
    strip_entry_marker,
)
from reader.parsing.subheadings import looks_like_subheading

if TYPE_CHECKING:
    from reader.parsing.contents import TocEntry
    from reader.parsing.reflow import Para

_TITLE_MARKERS = "◆◇★☆■□●▲►▶"
_NUMERALS = "一二三四五六七八九十"
_NUMBERED = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、．.]\s*")
_CHAPTER = re.compile(r"^第\s*[一二三四五六七八九十百千零〇\d]+\s*[章回节卷部篇]")
FUZZY_THRESHOLD = 0.8


@dataclass(frozen=True, slots=True)
class TitleAt:
    """An article title found in the body: where it is and what the contents said."""

    index: int
    span: int
    title: str
    toc_title: str | None = None
    toc_page: int | None = None


def is_title_like(text: str, max_width: int = 100) -> bool:
    """True for a line that could head an article: short, no sentence, not a point."""
    stripped = text.strip()
    return (
        bool(stripped)
        and display_width(stripped) <= max_width
        and cjk_count(stripped) >= 4
        and not has_strong_stop(stripped)
        and stripped[-1] not in CLAUSE_PUNCT
        and not looks_like_subheading(stripped)
        and not _CHAPTER.match(stripped)
        and not is_masthead_line(stripped)
        and not is_footer_line(stripped)
    )


def is_heading(text: str) -> bool:
    """True for a paragraph that is a heading line (never continued by a page-break join)."""
    stripped = text.strip()
    return (
        bool(stripped)
        and display_width(stripped) <= 100
        and not has_strong_stop(stripped)
        and stripped[-1] not in CLAUSE_PUNCT
    )


def titles_from_contents(
    body: Sequence[Para], entries: Sequence[TocEntry]
) -> tuple[list[TitleAt], list[str]]:
    """Pair each contents entry, in order, with the paragraph that carries its title.

    Exact pairs (spaces aside) are settled first; an entry left over is then paired with
    the most alike title-like paragraph between its neighbours' titles.

    Returns:
        The titles found and a warning for each entry that has no article.
    """
    exact: list[TitleAt | None] = []
    position = 0
    for entry in entries:
        match = _find_exact(body, position, entry)
        exact.append(match)
        if match is not None:
            position = match.index + match.span
    found: list[TitleAt] = []
    warnings: list[str] = []
    for number, entry in enumerate(entries):
        match = exact[number]
        if match is None:
            start = found[-1].index + found[-1].span if found else 0
            later = [m.index for m in exact[number + 1 :] if m is not None]
            match = _find_alike(body, start, later[0] if later else len(body), entry)
        if match is None:
            warnings.append(f"contents entry without an article: {entry.title}")
        else:
            found.append(match)
    return found, warnings


def split_glued_titles(body: Sequence[Para], entries: Sequence[TocEntry]) -> list[Para]:
    """Split off a contents title that wrapped lines glued to a paragraph.

    Hard-wrapped text without blank lines can run a title into the paragraph before it
    (after a full last line) or after it (when the title nearly fills its line). A title
    with no paragraph of its own is looked for at the start of a paragraph or right after
    a finished sentence, and split out there.
    """
    out = list(body)
    present = {non_space(para.text) for para in out}
    for entry in entries:
        titles = [title for title, _ in entry.readings() if len(title) >= 4]
        if any(non_space(title) in present for title in titles):
            continue
        for index, para in enumerate(out):
            found = _glued(para.text, titles)
            if found is None:
                continue
            before, title, after = found
            parts = [(before, para.lines), (title, 1), (after, para.lines)]
            out[index : index + 1] = [replace(para, text=t, lines=n) for t, n in parts if t]
            break
    return out


def _glued(text: str, titles: Sequence[str]) -> tuple[str, str, str] | None:
    for title in titles:
        start = text.find(title)
        while start >= 0:
            before, after = text[:start].rstrip(), text[start + len(title) :].lstrip()
            if (before or after) and (not before or is_paragraph_end(before)):
                return before, title, after
            start = text.find(title, start + 1)
    return None


def _candidates(body: Sequence[Para], index: int) -> list[tuple[int, str]]:
    text = body[index].text
    options = [(1, text)]
    if index + 1 < len(body) and is_title_like(body[index + 1].text):
        options.append((2, join_wrapped(text, body[index + 1].text)))
    return options


def _find_exact(body: Sequence[Para], start: int, entry: TocEntry) -> TitleAt | None:
    readings = entry.readings()
    for index in range(start, len(body)):
        for span, text in _candidates(body, index):
            for title, page in readings:
                if non_space(text) == non_space(title):
                    return TitleAt(index, span, _spaced_like(text, title), title, page)
    return None


def _spaced_like(text: str, title: str) -> str:
    """The title over the article, with the word spaces the contents print if it lost them.

    A scan's line breaks and narrow gaps can drop the space in ``…服务体系 推动…``; the
    contents line, set on one line, keeps it.
    """
    return title if " " not in text and " " in title.strip() else text


def _find_alike(body: Sequence[Para], start: int, stop: int, entry: TocEntry) -> TitleAt | None:
    best: tuple[float, TitleAt] | None = None
    for index in range(start, stop):
        for span, text in _candidates(body, index):
            if index + span > stop or not is_title_like(text, max_width=160):
                continue
            for title, page in entry.readings():
                score = fuzzy_title_match(text, title)
                if score >= FUZZY_THRESHOLD and (best is None or score > best[0]):
                    best = (score, TitleAt(index, span, text, title, page))
    return best[1] if best else None


def titles_from_cues(body: Sequence[Para]) -> list[TitleAt]:
    """Titles in an issue without contents, from text and layout cues alone.

    A title is a short paragraph without a full stop that is not an enumerated point, at
    the start or after a finished paragraph, and followed by a body. When the source marks
    titles (bold, centered, larger type), only marked paragraphs qualify.
    """
    any_styled = any(para.styled for para in body)
    found: list[TitleAt] = []
    for index, para in enumerate(body):
        # Headlines run longer than the bare points ("聚焦平台搭建") some bodies set apart.
        if not is_title_like(para.text) or para.lines > 3 or cjk_count(para.text) < 8:
            continue
        if any_styled and not para.styled:
            continue
        if index + 1 >= len(body) or is_title_like(body[index + 1].text):
            continue
        before = body[index - 1] if index else None
        if before is not None and not (
            before.final or is_paragraph_end(before.text) or is_heading(before.text)
        ):
            continue
        if found and found[-1].index == index - 1:
            continue
        found.append(TitleAt(index, 1, para.text))
    return found


def titles_from_markers(body: Sequence[Para]) -> list[TitleAt]:
    """Titles set off by a mark (``◆ …``, ``★ …``) in an issue without contents.

    A marked title is title-like once the mark is gone and is followed by a body that is
    not marked itself (a run of marked short lines is a list, not titles).
    """
    found: list[TitleAt] = []
    for index, para in enumerate(body):
        text = para.text.strip()
        if not text or text[0] not in _TITLE_MARKERS:
            continue
        title = strip_entry_marker(text).strip()
        following = body[index + 1].text.strip() if index + 1 < len(body) else ""
        if (
            is_title_like(title)
            and following
            and following[0] not in _TITLE_MARKERS
            and not is_title_like(following)
        ):
            found.append(TitleAt(index, 1, title))
    return found


def titles_from_numbering(body: Sequence[Para]) -> list[TitleAt]:
    """Numbered top-level titles (``一、…`` ``二、…``) in an issue without contents.

    Only when the body opens with ``一、`` and a title-like line: the numbers then count
    the articles, and each next title is the next number (points inside an article that
    restart at 一 are passed over). With styled titles only styled lines count.
    """
    if not body or _number_of(body[0].text) != 1:
        return []
    any_styled = any(para.styled for para in body)
    found: list[TitleAt] = []
    wanted = 1
    for index, para in enumerate(body):
        if _number_of(para.text) != wanted or (any_styled and not para.styled):
            continue
        title = _NUMBERED.sub("", para.text, count=1).strip()
        following = body[index + 1].text if index + 1 < len(body) else ""
        if is_title_like(title) and following and not is_title_like(following):
            found.append(TitleAt(index, 1, title))
            wanted += 1
    return found if len(found) >= 2 else []


def _number_of(text: str) -> int | None:
    match = _NUMBERED.match(text)
    if not match:
        return None
    digits = match.group(1)
    if digits == "十":
        return 10
    if len(digits) == 1:
        return _NUMERALS.index(digits) + 1
    if digits.startswith("十"):
        return 10 + _NUMERALS.index(digits[1]) + 1
    return None


def rejoin_page_breaks(paras: Sequence[Para]) -> list[str]:
    """Mend paragraphs that a page break cut in two, within one article's body.

    A paragraph is continued by the next one when it does not end a sentence, is not a
    heading line, is not marked final by the source, and the next one is not an
    enumerated point.
    """
    out: list[str] = []
    open_end = False
    for para in paras:
        if out and open_end and not looks_like_subheading(para.text):
            out[-1] = join_wrapped(out[-1], para.text)
        else:
            out.append(para.text)
        open_end = not (para.final or is_paragraph_end(out[-1]) or is_heading(out[-1]))
    return out

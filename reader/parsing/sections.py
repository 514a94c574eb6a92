"""What stands around articles without being one: 栏目 headings, source lines, 编者按.

Many 简报 group their articles under column headings (``【政策动态】``), close an article
with its source (``（来源：科技日报）``) and open the issue with an editor's note
(``编者按：…``). Each is kept as a field of its article or issue, never as an article or as
body text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.parsing.normalize import cjk_count

if TYPE_CHECKING:
    from reader.parsing.reflow import Para

# 【政策动态】 or 〖区县动态〗 (［…］ is left alone: the DOCX reader notes pictures as ［图片］).
_COLUMN = re.compile(r"^\s*[【〖]\s*([^【】〖〗]{2,16}?)\s*[】〗]\s*$")
_SOURCE_LABEL = r"(?:来源|资料来源|信息来源|稿件来源|文章来源|素材来源)\s*[：:]\s*"
_SOURCE_VERB = r"(?:摘编自|摘编于|编译自|摘自|转自|转载自|整理自|综合自|据)"
_SOURCE_IN_PARENS = re.compile(
    r"[（(]\s*((?:" + _SOURCE_LABEL + r"|" + _SOURCE_VERB + r")[^（()）]{1,80}?)\s*[）)]\s*$"
)
_SOURCE_BARE = re.compile(r"^\s*" + _SOURCE_LABEL + r"(.{1,60}?)\s*$")
_LABEL_AT_START = re.compile(r"^" + _SOURCE_LABEL)
_PREFACE = re.compile(r"^\s*[【\[]?\s*编\s*者\s*按\s*[】\]]?\s*[：:]?\s*")


def match_column_heading(text: str) -> str | None:
    """The column name in ``【政策动态】`` (a whole line), else ``None``."""
    match = _COLUMN.match(text)
    if not match or cjk_count(match.group(1)) < 2 or "编者按" in match.group(1):
        return None
    return match.group(1).strip()


@dataclass(frozen=True, slots=True)
class ColumnAt:
    """A column heading: the position in the body (after headings are removed) it opens."""

    index: int
    name: str


def split_columns(body: Sequence[Para]) -> tuple[list[Para], list[ColumnAt]]:
    """Take the column headings out of the body, remembering where each one stood."""
    kept: list[Para] = []
    columns: list[ColumnAt] = []
    for item in body:
        name = match_column_heading(item.text)
        if name is None:
            kept.append(item)
        else:
            columns.append(ColumnAt(len(kept), name))
    return kept, columns


def column_at(columns: Sequence[ColumnAt], index: int) -> str | None:
    """The column an article whose title stands at ``index`` belongs to."""
    name = None
    for column in columns:
        if column.index <= index:
            name = column.name
    return name


def take_source(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """Split an article's closing source line off its paragraphs.

    The source may be its own paragraph (``（来源：科技日报）``, ``来源：新华网``) or close the
    last paragraph (``……。（摘编自《经济日报》）``).

    Returns:
        The paragraphs without it, and the source without its ``来源：`` label (a verb
        such as ``摘编自`` is kept: it says how the text was taken).
    """
    if not paragraphs:
        return paragraphs, None
    last = paragraphs[-1]
    bare = _SOURCE_BARE.match(last)
    if bare:
        return paragraphs[:-1], bare.group(1).strip()
    match = _SOURCE_IN_PARENS.search(last)
    if match is None:
        return paragraphs, None
    rest = last[: match.start()].rstrip()
    if rest and rest[-1] not in "。！？!?”’」』…）)":
        return paragraphs, None  # a parenthesis inside a sentence, not a source line
    source = _LABEL_AT_START.sub("", match.group(1)).strip()
    return ([*paragraphs[:-1], rest] if rest else paragraphs[:-1]), source


def is_preface(text: str) -> bool:
    """True for the paragraph that opens an editor's note (``编者按：…``)."""
    return bool(_PREFACE.match(text)) and text.strip().startswith(("编", "【", "["))


def preface_text(paragraphs: Sequence[str]) -> str:
    """The editor's note without its ``编者按：`` label, paragraphs joined by newlines."""
    out = list(paragraphs)
    if out:
        out[0] = _PREFACE.sub("", out[0], count=1)
    return "\n".join(paragraph for paragraph in out if paragraph)

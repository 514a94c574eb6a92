"""The masthead over an issue (series, year and number, editor) and the footer under it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reader.parsing.normalize import CLAUSE_PUNCT, cjk_count, drop_name_padding, has_strong_stop

_YEAR = r"([0-9〇零一二三四五六七八九]{4})"
_DATE = re.compile(
    _YEAR + r"\s*年\s*第\s*([0-9一二三四五六七八九十]{1,4})\s*期"
    r"(?:\s*[（(]?\s*总\s*第\s*[0-9一二三四五六七八九十百千]{1,6}\s*期\s*[）)]?)?$"
)
_PUBLISHED = re.compile(_YEAR + r"\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$")
_NOTICE = re.compile(r"^(?:内部资料|注意保存|内部刊物|仅供参考|内部交流|[\s，,、·])+$")
_ORG = re.compile(r"^(.{2,40}?)\s*(编辑|编印|主办)$")
_ORG_LABELLED = re.compile(r"^(?:主办|主办单位|编印|编印单位|承办)\s*[：:]\s*(.{2,40})$")
_RULE = re.compile(r"^[-—–_=─━·•*\s]+$")
_OPEN = r"^[（(]?\s*"
_EDITOR = re.compile(_OPEN + r"(?:责任)?编\s*辑\s*[：:]\s*(.*?)\s*(?=电\s*话|[）)]?$)")
_PHONE = re.compile(r"电\s*话\s*[：:]\s*([0-9０-９][0-9０-９\-－—()（） ]*[0-9０-９])")
_FOOTER_START = re.compile(
    _OPEN + r"(?:责任编辑|编\s*辑|电\s*话|联系电话|联系人|地\s*址|邮\s*编|邮\s*箱|传\s*真"
    r"|E-?mail|网\s*址|审\s*核|签\s*发|校\s*对|主\s*编)\s*[：:]",
    re.IGNORECASE,
)
_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_SERIES_QUOTES = "《》〈〉"


@dataclass(slots=True)
class Masthead:
    """What the masthead and footer say about the issue; ``None`` where they are silent."""

    series: str | None = None
    year: int | None = None
    issue_no: int | None = None
    editor_org: str | None = None
    editor: str | None = None
    phone: str | None = None


def _chinese_number(text: str) -> int:
    """12, "十二" or "二〇二三" as a number (digits as written, or tens with 十)."""
    text = unicodedata.normalize("NFKC", text)
    if "十" not in text:
        return int(text.translate(_CHINESE_DIGITS))
    tens, _, units = text.partition("十")
    return int(tens.translate(_CHINESE_DIGITS) or 1) * 10 + int(
        units.translate(_CHINESE_DIGITS) or 0
    )


def match_date_line(text: str) -> tuple[int, int] | None:
    """``(year, issue_no)`` for ``2023 年第 8 期`` and its variants, else ``None``.

    Full-width digits, missing spaces, Chinese numerals (``二〇二三年第八期``) and a
    following ``总第 123 期`` are accepted.
    """
    match = _DATE.match(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    return _chinese_number(match.group(1)), _chinese_number(match.group(2))


def match_published_line(text: str) -> int | None:
    """The year of a publication date line (``2023年8月28日``), else ``None``."""
    match = _PUBLISHED.match(unicodedata.normalize("NFKC", text).strip())
    return _chinese_number(match.group(1)) if match else None


def match_org_line(text: str) -> str | None:
    """The organisation in ``呼和浩特市科学技术局综合保障中心 编辑``, else ``None``."""
    stripped = text.strip()
    if has_strong_stop(stripped) or any(char in CLAUSE_PUNCT for char in stripped):
        return None
    match = _ORG.match(stripped) or _ORG_LABELLED.match(stripped)
    if not match or cjk_count(match.group(1)) < 4:
        return None
    return match.group(1).strip()


def is_rule_line(text: str) -> bool:
    """True for a separator line made of dashes or similar marks only."""
    return bool(_RULE.match(text)) and bool(text.strip())


def is_masthead_line(text: str) -> bool:
    """True for a date line, a rule line or an organisation line: never part of a title."""
    return (
        match_date_line(text) is not None
        or match_published_line(text) is not None
        or bool(_NOTICE.match(text.strip()))
        or is_rule_line(text)
        or (match_org_line(text) is not None and " " in text.strip())
    )


def _looks_like_series(text: str) -> bool:
    stripped = text.strip().strip(_SERIES_QUOTES)
    return (
        1 < len(stripped) <= 20
        and not has_strong_stop(stripped)
        and not any(char in CLAUSE_PUNCT for char in stripped)
    )


def parse_masthead(texts: Sequence[str]) -> tuple[Masthead, int]:
    """Read the masthead at the start of an issue.

    Args:
        texts: the issue's paragraphs in order.

    Returns:
        The masthead fields found and the index of the first paragraph after it (0 when
        the issue has no masthead).
    """
    head = Masthead()
    index = 0
    limit = min(len(texts), 8)
    while index < limit:
        text = texts[index].strip()
        date = match_date_line(text)
        if date is not None and head.issue_no is None:
            head.year, head.issue_no = date
        elif (published := match_published_line(text)) is not None:
            head.year = head.year or published
        elif is_rule_line(text) or (_NOTICE.match(text) and index + 1 < limit):
            pass
        elif (org := match_org_line(text)) is not None and (
            head.year is not None or head.series is not None or " " in text
        ):
            head.editor_org = head.editor_org or org
        elif (
            head.series is None
            and head.year is None
            and _looks_like_series(text)
            and any(
                match_date_line(later) or match_published_line(later)
                for later in texts[index + 1 : index + 4]
            )
        ):
            head.series = text.strip(_SERIES_QUOTES)
        else:
            break
        index += 1
    if head.series is None and head.year is None and head.editor_org is None:
        # Rules alone (a stray "-") are no masthead: keep the text for the articles.
        return Masthead(), 0
    return head, index


def is_footer_line(text: str) -> bool:
    """True for ``编辑：…``, ``电话：…`` and similar colophon lines."""
    stripped = text.strip()
    return len(stripped) <= 80 and bool(_FOOTER_START.match(stripped))


def parse_footer(texts: Sequence[str], start: int, head: Masthead) -> int:
    """Read the footer at the end of an issue into ``head``.

    Args:
        texts: the issue's paragraphs in order.
        start: the first paragraph that may belong to the footer's search (after contents).
        head: the masthead so far; editor, phone and a missing organisation are filled in.

    Returns:
        The index where the footer starts (``len(texts)`` when there is none).
    """
    end = len(texts)
    found_line = False
    while end > start:
        text = texts[end - 1].strip()
        if is_footer_line(text):
            found_line = True
            editor = _EDITOR.match(text)
            if editor and editor.group(1) and head.editor is None:
                head.editor = drop_name_padding(editor.group(1))
            phone = _PHONE.search(text)
            if phone and head.phone is None:
                head.phone = phone.group(1).strip()
        elif is_rule_line(text) and found_line:
            pass
        elif (org := match_org_line(text)) is not None and (found_line or org == head.editor_org):
            head.editor_org = head.editor_org or org
            found_line = True
        else:
            break
        end -= 1
    return end

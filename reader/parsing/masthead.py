"""The masthead over an issue (series, year and number, editor) and the footer under it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reader.parsing.normalize import CLAUSE_PUNCT, cjk_count, drop_name_padding, has_strong_stop

_YEAR = r"([0-9〇零一二三四五六七八九]{4})"
_NUMBER = r"([0-9一二三四五六七八九十百]{1,4})"
_TOTAL = r"(?:\s*[（(]?\s*总\s*第?\s*([0-9一二三四五六七八九十百千]{1,6})\s*期\s*[）)]?)?"
_DATE = re.compile(_YEAR + r"\s*年\s*第\s*" + _NUMBER + r"\s*期" + _TOTAL + "$")
# 第 12 期（总第 156 期）: the year comes from the date line.
_NUMBER_ONLY = re.compile(r"第\s*" + _NUMBER + r"\s*期" + _TOTAL + "$")
# 第2023-05期
_DASHED = re.compile(r"第\s*" + _YEAR + r"\s*[-－—–]\s*(\d{1,3})\s*期" + _TOTAL + "$")
_PUBLISHED = re.compile(
    _YEAR + r"\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?(?:\s*(?:出版|印发|编印))?$"
)
_NOTICE = re.compile(
    r"^(?:内部资料|注意保存|内部刊物|内部参考|内部参阅|仅供参考|内部交流|请勿外传|严禁外传"
    r"|妥善保管|秘密|机密|[\s，,、·★（）()])+$"
)
# Parts of one masthead line set apart by wide gaps: "北河市科协 主办　　2023年6月15日".
_WIDE_GAP = re.compile(r"\s{2,}|\u3000+|\t")
_ORG = re.compile(r"^(.{2,40}?)\s*(编辑|编印|主办)$|^(.{2,40}?)\s+编$")
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
# The 公文 distribution footer: 报：… 送：… 发：…, （共印20份）, "某某办公室 2023年6月15日印发".
_DISTRIBUTION = re.compile(
    r"^(?:(?:报|送|发|抄送|抄报|分送|报送|主送|发送)\s*[：:]"
    r"|[（(]?\s*共印\s*[0-9一二三四五六七八九十百]+\s*份\s*[）)]?$"
    r"|.{0,40}?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$)"
)
_PRINTED_ON = re.compile(r"^(.{0,40}?)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发$")
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
    total_no: int | None = None
    date: str | None = None
    marking: str | None = None


@dataclass(frozen=True, slots=True)
class IssueNumber:
    """What an issue line (``2023年第8期（总第123期）``, ``第2023-05期``) says."""

    year: int | None
    issue_no: int
    total_no: int | None


def _chinese_number(text: str) -> int:
    """12, "十二", "一百五十六" or "二〇二三" as a number (digits as written, or with 十/百/千)."""
    text = unicodedata.normalize("NFKC", text)
    if not any(unit in text for unit in _UNITS):
        return int(text.translate(_CHINESE_DIGITS))
    total, digit = 0, 0
    for char in text:
        if char in _UNITS:
            total += (digit or 1) * _UNITS[char]
            digit = 0
        else:
            digit = int(char.translate(_CHINESE_DIGITS))
    return total + digit


_UNITS = {"十": 10, "百": 100, "千": 1000}


def match_issue_line(text: str) -> IssueNumber | None:
    """The year, number and running number an issue line prints, else ``None``.

    ``2023 年第 8 期``, ``二〇二三年第八期``, ``第 12 期（总第 156 期）`` (no year) and
    ``第2023-05期`` are read; full-width digits and missing spaces are accepted.
    """
    line = unicodedata.normalize("NFKC", text).strip()
    match = _DATE.match(line) or _DASHED.match(line)
    if match:
        year, number, total = match.groups()
        return IssueNumber(_chinese_number(year), _chinese_number(number), _total(total))
    match = _NUMBER_ONLY.match(line)
    if match:
        number, total = match.groups()
        return IssueNumber(None, _chinese_number(number), _total(total))
    return None


def _total(text: str | None) -> int | None:
    return _chinese_number(text) if text else None


def match_date_line(text: str) -> tuple[int, int] | None:
    """``(year, issue_no)`` for ``2023 年第 8 期`` and its variants, else ``None``.

    Full-width digits, missing spaces, Chinese numerals (``二〇二三年第八期``) and a
    following ``总第 123 期`` are accepted.
    """
    found = match_issue_line(text)
    if found is None or found.year is None:
        return None
    return found.year, found.issue_no


def match_published_line(text: str) -> int | None:
    """The year of a publication date line (``2023年8月28日``), else ``None``."""
    date = match_date(text)
    return int(date[:4]) if date else None


def match_date(text: str) -> str | None:
    """A publication date line (``2023年6月15日``, ``2023年6月``) as ISO text, else ``None``."""
    match = _PUBLISHED.match(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    year, month, day = match.groups()
    iso = f"{_chinese_number(year):04d}-{int(month):02d}"
    return f"{iso}-{int(day):02d}" if day else iso


def match_marking(text: str) -> str | None:
    """A handling marking (``内部资料 注意保存``) with its spacing evened, else ``None``."""
    stripped = text.strip()
    if not stripped or not _NOTICE.match(stripped) or cjk_count(stripped) < 2:
        return None
    return " ".join(stripped.split())


def match_org_line(text: str) -> str | None:
    """The organisation in ``呼和浩特市科学技术局综合保障中心 编辑``, else ``None``."""
    stripped = text.strip()
    if has_strong_stop(stripped) or any(char in CLAUSE_PUNCT for char in stripped):
        return None
    match = _ORG.match(stripped) or _ORG_LABELLED.match(stripped)
    if not match:
        return None
    org = next(group for group in match.groups() if group is not None)
    return org.strip() if cjk_count(org) >= 4 else None


def is_rule_line(text: str) -> bool:
    """True for a separator line made of dashes or similar marks only."""
    return bool(_RULE.match(text)) and bool(text.strip())


def is_masthead_line(text: str) -> bool:
    """True for a date line, a rule line or an organisation line: never part of a title."""
    return (
        match_issue_line(text) is not None
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

    Series (also letter-spaced, ``科 技 动 态``), issue line, running number, date line,
    organisation, marking and rule lines are read in any order; one line may hold several
    of them set apart by wide gaps.

    Args:
        texts: the issue's paragraphs in order.

    Returns:
        The masthead fields found and the index of the first paragraph after it (0 when
        the issue has no masthead).
    """
    head = Masthead()
    index = 0
    limit = min(len(texts), 10)
    while index < limit:
        text = texts[index].strip()
        later = texts[index + 1 : index + 4]
        if not _take_line(head, text, later, last=index + 1 >= limit):
            parts = [part for part in _WIDE_GAP.split(text) if part]
            if len(parts) < 2 or not all(
                _take_line(head, part, later, last=False, whole=False) for part in parts
            ):
                break
        index += 1
    if head.series is None and head.year is None and head.editor_org is None:
        # Rules alone (a stray "-") are no masthead: keep the text for the articles.
        return Masthead(), 0
    return head, index


def _take_line(
    head: Masthead, text: str, later: Sequence[str], *, last: bool, whole: bool = True
) -> bool:
    """Read one masthead line (or one part of a line) into ``head``; False if it is none."""
    number = match_issue_line(text)
    if number is not None and head.issue_no is None:
        head.year = number.year if number.year is not None else head.year
        head.issue_no, head.total_no = number.issue_no, number.total_no
        return True
    if (date := match_date(text)) is not None:
        head.date = head.date or date
        head.year = head.year or int(date[:4])
        return True
    if is_rule_line(text):
        return True
    if (marking := match_marking(text)) is not None and not last:
        head.marking = head.marking or marking
        return True
    if (org := match_org_line(text)) is not None and (
        head.year is not None or head.series is not None or " " in text or not whole
    ):
        head.editor_org = head.editor_org or org
        return True
    series = drop_name_padding(text).strip(_SERIES_QUOTES)
    if (
        whole
        and head.series is None
        and head.year is None
        and head.issue_no is None
        and _looks_like_series(series)
        and any(match_issue_line(line) or match_date(line) for line in later)
    ):
        head.series = series
        return True
    return False


def is_footer_line(text: str) -> bool:
    """True for ``编辑：…``, ``电话：…`` and similar colophon lines, and distribution lines."""
    stripped = text.strip()
    return (len(stripped) <= 80 and bool(_FOOTER_START.match(stripped))) or is_distribution_line(
        stripped
    )


def is_distribution_line(text: str) -> bool:
    """True for a line of the distribution footer: ``报：…``, ``（共印20份）``, ``…印发``."""
    stripped = text.strip()
    return len(stripped) <= 300 and bool(_DISTRIBUTION.match(stripped))


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
        if is_distribution_line(text) or _continues_distribution(texts, end - 1, start):
            found_line = True
            printed = _PRINTED_ON.match(text)
            if printed:
                head.date = head.date or match_date(printed.group(2))
                org = printed.group(1).strip()
                if cjk_count(org) >= 4:
                    head.editor_org = head.editor_org or org
        elif is_footer_line(text):
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


def _continues_distribution(texts: Sequence[str], index: int, start: int) -> bool:
    """True for the wrapped rest of a distribution line (``报：…、`` over two lines)."""
    if index - 1 < start or has_strong_stop(texts[index]):
        return False
    before = texts[index - 1].strip()
    return (
        is_distribution_line(before) and before[-1:] in "、，," and len(texts[index].strip()) <= 120
    )

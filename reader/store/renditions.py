"""Recognising one issue in another file: texts compared by content, not by bytes.

A PDF, DOCX, OCR text or re-encoded text of an issue reads a little differently from the
text the archive holds: spaces around numbers, full- or half-width punctuation, Kangxi
radicals for 人 or 自, a character lost at a page break. :func:`fold` removes what
extraction may change (spacing, width, punctuation, case), and :func:`compare_issue`
pairs the articles of two readings and says whether they are the same issue (another
rendition), a corrected printing of it (most articles the same, some changed) or another
issue.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.parsing.model import ParsedArticle, ParsedIssue
from reader.store.records import ArticleRecord

RENDITION = "rendition"
CORRECTED = "corrected"
DIFFERENT = "different"

# Text files (and web pages) are what the bulletin's office writes; Word files keep
# paragraphs; PDF and OFD extraction re-joins lines; OCR guesses characters. Higher is better.
KIND_RANK = {
    **dict.fromkeys(("txt", "html", "mht"), 4),
    **dict.fromkeys(("docx", "doc", "wps", "dot", "wpt"), 3),
    **dict.fromkeys(("pdf", "ofd"), 2),
    "ocr": 1,
}

# Extraction noise is a scattering of tiny differences; a correction changes a run of text.
_NOISE_RUN = 3
_NOISE_SHARE = 0.02
# Two texts this alike are one article, changed; below it, another article.
_SAME_ARTICLE_RATIO = 0.6


def fold(text: str) -> str:
    """``text`` without what extraction may change: spacing, width, punctuation, case."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in normal if unicodedata.category(ch)[0] not in "PZC")


def kind_rank(fmt: str | None) -> int:
    """How good a source's text usually is (text > DOCX > PDF > OCR; unknown lowest)."""
    return KIND_RANK.get((fmt or "").lower(), 0)


def source_kind(fmt: str | None, ocr: object = None) -> str | None:
    """The kind of text a source gives: ``"ocr"`` for a scan read by OCR (its format says
    only ``pdf`` or ``image``; ``ocr`` is its page confidences, empty for other files)."""
    return "ocr" if ocr else fmt


def tolerant_between(fmt: str | None, other: str | None) -> bool:
    """Whether texts from these two kinds of file may differ by extraction noise."""
    kinds = {(fmt or "").lower(), (other or "").lower()}
    return len(kinds) > 1 or "ocr" in kinds


@dataclass(frozen=True, slots=True)
class ArticlePair:
    """A new article and the stored article it is, with how they differ."""

    new_index: int
    old: ArticleRecord
    same: bool  # only extraction noise between them


@dataclass(slots=True)
class Comparison:
    """How a parsed issue relates to one stored issue."""

    verdict: str
    pairs: list[ArticlePair] = field(default_factory=list)
    new_count: int = 0
    old_count: int = 0

    @property
    def changed(self) -> list[ArticlePair]:
        return [pair for pair in self.pairs if not pair.same]


def _noise_only(a: str, b: str) -> bool:
    if a == b:
        return True
    longest = max(len(a), len(b))
    if abs(len(a) - len(b)) > _NOISE_RUN + _NOISE_SHARE * longest:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    total = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        run = max(i2 - i1, j2 - j1)
        if run > _NOISE_RUN:
            return False
        total += run
    return total <= max(2, _NOISE_SHARE * longest)


def _alike(a: str, b: str) -> bool:
    if not a or not b:
        return a == b
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= _SAME_ARTICLE_RATIO and matcher.ratio() >= _SAME_ARTICLE_RATIO


def compare_issue(
    new: Sequence[ParsedArticle], old: Sequence[ArticleRecord], *, tolerant: bool = True
) -> Comparison:
    """Pair ``new``'s articles with ``old``'s and judge the two issues.

    An article pairs with the stored one of the same folded title, else with the one at
    its position when their texts are alike. All pairs the same and none left over: a
    rendition. Most articles paired: a corrected printing. Otherwise another issue.
    Folded texts are the same when equal or, if ``tolerant`` (the two were extracted
    from different kinds of file, or by OCR), when only a scattering of characters
    differs; a same-kind file that differs by one digit is a correction.
    """
    old_keys = [(fold(a.title), fold(a.text)) for a in old]
    by_title: dict[str, int] = {}
    for index, (title_key, _) in enumerate(old_keys):
        by_title.setdefault(title_key, index)
    claimed: set[int] = set()
    pairs: list[ArticlePair] = []
    for position, article in enumerate(new):
        title_key, text_key = fold(article.title), fold(article.text)
        match = by_title.get(title_key)
        if match is None or match in claimed:
            match = None
            if (
                position < len(old)
                and position not in claimed
                and _alike(old_keys[position][1], text_key)
            ):
                match = position
        if match is None:
            continue
        claimed.add(match)
        old_text = old_keys[match][1]
        same_text = _noise_only(old_text, text_key) if tolerant else old_text == text_key
        same = old_keys[match][0] == title_key and same_text
        pairs.append(ArticlePair(position, old[match], same))
    comparison = Comparison(DIFFERENT, pairs, len(new), len(old))
    if pairs and len(pairs) == len(new) == len(old) and all(p.same for p in pairs):
        comparison.verdict = RENDITION
    elif len(pairs) * 2 > max(len(new), len(old)):
        comparison.verdict = CORRECTED
    return comparison


# What a rendition keeps of what it read: everything the store takes from a parsed issue,
# so taking its text later (``use_source``) loses no running number, date, column or source.
_KEPT_ISSUE_FIELDS = (
    "series",
    "year",
    "issue_no",
    "editor_org",
    "editor",
    "phone",
    "total_no",
    "date",
    "marking",
    "preface",
    "page_confidence",
)
_KEPT_ARTICLE_FIELDS = ("title", "paragraphs", "toc_title", "toc_page", "column", "source")


def parsed_to_json(parsed: ParsedIssue) -> str:
    """A parsed issue as JSON, to keep what a rendition read as."""
    data: dict[str, Any] = {name: getattr(parsed, name) for name in _KEPT_ISSUE_FIELDS}
    data["articles"] = [
        {name: getattr(a, name) for name in _KEPT_ARTICLE_FIELDS} for a in parsed.articles
    ]
    return json.dumps(data, ensure_ascii=False)


def parsed_from_json(text: str) -> ParsedIssue:
    """The parsed issue :func:`parsed_to_json` kept (rows kept by older versions hold
    fewer fields; the others are then unknown)."""
    data = json.loads(text)
    articles = [
        ParsedArticle(**{name: a[name] for name in _KEPT_ARTICLE_FIELDS if name in a})
        for a in data.pop("articles")
    ]
    return ParsedIssue(
        articles=articles, **{name: data[name] for name in _KEPT_ISSUE_FIELDS if name in data}
    )

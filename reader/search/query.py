"""The query language an editor types, parsed into plain data.

- ``科技 创新``: both must appear (AND); ``"new energy"`` keeps a phrase with its space.
- ``乳业 OR 奶业``: either (OR binds tighter than the implicit AND: ``a b OR c`` is
  a AND (b OR c)).
- ``-试点``: must not appear (``-"a b"`` for a phrase). Quote a word that starts with a
  dash to look for it: ``"-5℃"``.
- ``title:乳业`` (title only), ``note:待核实`` (the editor's notes and highlight notes only).
- Filters: ``year:2023``, ``year:2022-2023``, ``issue:2023-8`` (or ``issue:8``),
  ``series:科技情报``, ``tag:乳业``, ``region:江苏`` (the province or any of its cities),
  ``keyword:乳业`` (an article's keywords). Several values of one filter widen the search (any of
  them); different filters narrow it.
- Anything else with a colon (``http://x``, ``比例:3``) is plain text.

Matching is exact substring after folding (see :mod:`reader.search.folding`); a query
never spans the newline between two paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.messages import ReaderError
from reader.search.folding import fold

TEXT_FIELDS = ("title", "note")
FILTER_FIELDS = ("year", "issue", "series", "tag", "region", "keyword")
MIN_YEAR, MAX_YEAR = 1900, 2200


class QuerySyntaxError(ReaderError, ValueError):
    """A query that cannot be read; its message (a ``query.*`` code) says what to change."""


@dataclass(frozen=True, slots=True)
class Term:
    """One string to find. ``field`` is None (title or body or note), "title" or "note"."""

    text: str  # as typed
    folded: str
    field: str | None = None


@dataclass(slots=True)
class Filters:
    years: list[tuple[int, int]] = field(default_factory=list)
    issues: list[tuple[int | None, int]] = field(default_factory=list)
    series: list[str] = field(default_factory=list)  # folded substrings
    tags: list[str] = field(default_factory=list)  # folded names
    regions: list[str] = field(default_factory=list)  # as typed: 江苏, 江苏省, 南京
    keywords: list[str] = field(default_factory=list)  # folded

    def __bool__(self) -> bool:
        return bool(
            self.years or self.issues or self.series or self.tags or self.regions or self.keywords
        )


@dataclass(slots=True)
class Query:
    """``required``: groups that must each match (a group matches if any of its terms does)."""

    text: str
    required: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    filters: Filters = field(default_factory=Filters)

    def positive_terms(self) -> list[Term]:
        """Every term that can produce a match to show (excluded ones cannot)."""
        return [term for group in self.required for term in group]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "term" | "or"
    value: str = ""
    negated: bool = False
    field: str | None = None
    quoted: bool = False


def parse_query(text: str) -> Query:
    """Parse an editor's query.

    Raises:
        QuerySyntaxError: an unclosed quote, an OR with nothing on one side, an empty
            ``title:``, a year or issue that is not a number, or nothing to look for.
    """
    query = Query(text)
    pending_or = False
    for token in _tokenize(text):
        if token.kind == "or":
            if not query.required or pending_or:
                raise QuerySyntaxError("query.or_needs_sides")
            pending_or = True
            continue
        if token.field in FILTER_FIELDS:
            if token.negated:
                raise QuerySyntaxError("query.filter_negated", field=token.field)
            if pending_or:
                raise QuerySyntaxError("query.or_filter", field=token.field)
            _add_filter(query.filters, token.field, token.value)
            continue
        term = Term(token.value, fold(token.value), token.field)
        if token.negated:
            if pending_or:
                raise QuerySyntaxError("query.or_excluded")
            query.excluded.append(term)
        elif pending_or:
            query.required[-1].append(term)
            pending_or = False
        else:
            query.required.append([term])
    if pending_or:
        raise QuerySyntaxError("query.or_needs_sides")
    if not query.required and not query.filters:
        if query.excluded:
            raise QuerySyntaxError("query.only_excluded")
        raise QuerySyntaxError("query.empty")
    return query


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        if text[i] == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
        start = i
        field_name: str | None = None
        colon = _field_prefix(text, i)
        if colon is not None:
            field_name = text[i:colon].lower()
            i = colon + 1
        if i < n and text[i] == '"':
            close = text.find('"', i + 1)
            if close < 0:
                raise QuerySyntaxError("query.unclosed_quote", text=text[start - negated :])
            value = text[i + 1 : close]
            i = close + 1
            quoted = True
        else:
            end = i
            while end < n and not text[end].isspace():
                end += 1
            value = text[i:end]
            i = end
            quoted = False
        if not value.strip():
            if field_name:
                raise QuerySyntaxError("query.field_empty", field=field_name)
            if quoted:
                raise QuerySyntaxError("query.empty_quotes")
            continue
        if value == "OR" and not quoted and not negated and field_name is None:
            tokens.append(_Token("or"))
            continue
        tokens.append(_Token("term", value, negated, field_name, quoted))
    return tokens


def _field_prefix(text: str, start: int) -> int | None:
    """The index of the colon when ``text[start:]`` begins with a known ``field:``."""
    for name in (*TEXT_FIELDS, *FILTER_FIELDS):
        end = start + len(name)
        if text[start:end].lower() == name and text[end : end + 1] == ":":
            return end
    return None


def _add_filter(filters: Filters, name: str | None, value: str) -> None:
    value = value.strip()
    if name == "year":
        filters.years.append(_year_range(value))
    elif name == "issue":
        filters.issues.append(_issue(value))
    elif name == "series":
        filters.series.append(fold(value))
    elif name == "tag":
        filters.tags.append(fold(value))
    elif name == "region":
        filters.regions.append(value)
    elif name == "keyword":
        filters.keywords.append(fold(value))


def _number(text: str, code: str) -> int:
    folded = fold(text)
    if not folded.isascii() or not folded.isdigit():
        raise QuerySyntaxError(code, text=text)
    return int(folded)


def _year(text: str) -> int:
    year = _number(text, "query.year_not_number")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise QuerySyntaxError("query.not_a_year", text=text)
    return year


def _year_range(value: str) -> tuple[int, int]:
    low, dash, high = fold(value).partition("-")
    if not dash:
        year = _year(low)
        return year, year
    first, last = _year(low), _year(high)
    if first > last:
        raise QuerySyntaxError("query.years_backwards", value=value)
    return first, last


def _issue(value: str) -> tuple[int | None, int]:
    year_text, dash, number_text = fold(value).partition("-")
    if not dash:
        return None, _number(year_text, "query.issue_not_number")
    year = _number(year_text, "query.issue_year_not_number")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise QuerySyntaxError("query.issue_form", value=value)
    return year, _number(number_text, "query.issue_number_not_number")

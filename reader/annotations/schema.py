"""The shape of an annotations file, checked whole before anything is imported.

A file from another machine (or from anyone) is untrusted: every field is checked for its
type and range here, so that the import itself meets only well-formed data and a bad file
is refused with the path of the first bad field (``articles[3].highlights[0].start``)
instead of failing half-way with a programming error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reader.annotations.common import AnnotationError

FORMAT_NAME = "reader-annotations"
FORMAT_VERSION = 1

# Offsets, positions, years and numbers beyond this are not real (and SQLite stores
# integers in 64 bits).
MAX_NUMBER = 2**31 - 1

Check = Callable[[Any, str], None]


def _text(value: Any, where: str) -> None:
    if not isinstance(value, str):
        raise AnnotationError("annotations.not_text", where=where)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \ud800 escape
        raise AnnotationError("annotations.field_not_unicode", where=where) from None


def _number(value: Any, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AnnotationError("annotations.not_number", where=where)
    if not 0 <= value <= MAX_NUMBER:
        raise AnnotationError("annotations.out_of_range", where=where, high=MAX_NUMBER)


def _optional(check: Check) -> Check:
    def optional(value: Any, where: str) -> None:
        if value is not None:
            check(value, where)

    return optional


def _object(value: Any, where: str, fields: dict[str, Check], required: tuple[str, ...]) -> None:
    if not isinstance(value, dict):
        raise AnnotationError("annotations.not_object", where=where)
    for name in required:
        if name not in value:
            raise AnnotationError("annotations.missing", where=f"{where}.{name}")
    for name, check in fields.items():
        if name in value:
            check(value[name], f"{where}.{name}")


def _list_of(check: Check) -> Check:
    def items(value: Any, where: str) -> None:
        if not isinstance(value, list):
            raise AnnotationError("annotations.not_list", where=where)
        for index, item in enumerate(value):
            check(item, f"{where}[{index}]")

    return items


_optional_text = _optional(_text)
_optional_number = _optional(_number)


def _article_key(value: Any, where: str) -> None:
    fields = {
        "content_hash": _optional_text,
        "title": _optional_text,
        "series": _optional_text,
        "year": _optional_number,
        "issue_no": _optional_number,
    }
    _object(value, where, fields, ())


def _note(value: Any, where: str) -> None:
    fields = {"text": _text, "created": _optional_text, "updated": _optional_text}
    _object(value, where, fields, ("text",))


def _bookmark(value: Any, where: str) -> None:
    if value is not None:
        _object(value, where, {"position": _optional_number, "created": _optional_text}, ())


def _highlight(value: Any, where: str) -> None:
    fields = {
        "start": _number,
        "end": _number,
        "quote": _text,
        "color": _optional_text,
        "note": _optional_text,
        "status": _optional_text,
        "created": _optional_text,
        "updated": _optional_text,
    }
    _object(value, where, fields, ("start", "end", "quote"))
    if value["start"] > value["end"]:
        raise AnnotationError("annotations.reversed_range", where=where)


def _entry(value: Any, where: str) -> None:
    fields: dict[str, Check] = {
        "article": _article_key,
        "notes": _list_of(_note),
        "bookmark": _bookmark,
        "highlights": _list_of(_highlight),
        "tags": _list_of(_text),
    }
    _object(value, where, fields, ("article",))


def check_annotations(data: Any) -> None:
    """Check ``data`` (a parsed annotations file) against the format, field by field.

    Raises:
        AnnotationError: the first field of the wrong type or range, by its path.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise AnnotationError("annotations.wrong_format", format=repr(FORMAT_NAME))
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise AnnotationError("annotations.not_number", where="version")
    if version > FORMAT_VERSION:
        raise AnnotationError("annotations.newer_version", version=repr(version))
    if not isinstance(data.get("articles"), list):
        raise AnnotationError("annotations.no_articles")
    _list_of(_entry)(data["articles"], "articles")

"""Every message the core can show the editor, by code, in Chinese and in English.

The core never words a message for one face. It raises a :class:`ReaderError` (or returns a
:class:`Message`) carrying a code and its arguments, and each face renders it in its own
language with :meth:`Message.render`: the window in the editor's language (Chinese by
default), the command line in English, since its output lines are a documented format that
scripts read.

Adding a message: put its code with both wordings in the ``MESSAGES`` of the module of this
package for its area (``sources``, ``importing``, ``archive``, ``briefs``, ``annotating``,
``backups``, ``search``, ``faces``); :data:`CATALOGUE` gathers them, and refuses a code two
areas define. The arguments are ``str.format`` fields. A test checks that every code has
both wordings and that their fields agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reader.messages import (
    annotating,
    archive,
    backups,
    briefs,
    faces,
    importing,
    search,
    sources,
)

ZH = "zh_CN"
EN = "en"

_AREAS = (sources, importing, archive, briefs, annotating, backups, search, faces)


def _catalogue() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in _AREAS:
        twice = merged.keys() & area.MESSAGES.keys()
        if twice:
            raise ValueError(f"{area.__name__} repeats the codes {sorted(twice)}")
        merged.update(area.MESSAGES)
    return merged


CATALOGUE: dict[str, tuple[str, str]] = _catalogue()
"""code → (Chinese, English), gathered from the area modules of this package."""


def _fields(template: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True, slots=True)
class Message:
    """A message to the editor: a code from :data:`CATALOGUE` and its arguments."""

    code: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str = EN) -> str:
        """The message in ``language`` (``"zh_CN"`` or ``"en"``); an unknown code shows as is."""
        wordings = CATALOGUE.get(self.code)
        if wordings is None:
            return self.code
        template = wordings[0] if language.startswith("zh") else wordings[1]
        args = {
            name: value.render(language) if isinstance(value, Message) else value
            for name, value in self.args.items()
        }
        try:
            return template.format(**args)
        except (KeyError, IndexError, ValueError):
            return template

    def __str__(self) -> str:
        return self.render(EN)


def message(code: str, **args: Any) -> Message:
    """Shorthand for ``Message(code, args)``."""
    return Message(code, args)


class ReaderError(Exception):
    """Something the editor can cause and put right (a bad file, a wrong id, a locked archive).

    Anything else that escapes the core is a bug: faces report it as such, with its
    traceback in the log, never as the editor's mistake. ``str(error)`` is the English
    wording; faces call ``error.message.render(language)``.
    """

    def __init__(self, code: str, **args: Any) -> None:
        self.message = Message(code, args)
        super().__init__(self.message.render(EN))

    @property
    def code(self) -> str:
        return self.message.code


def render_error(error: BaseException, language: str = EN) -> str:
    """Words for any error: a :class:`ReaderError`'s own, or a bug's plain description."""
    if isinstance(error, ReaderError):
        return error.message.render(language)
    detail = str(error) or type(error).__name__
    return message("error.unexpected", kind=type(error).__name__, detail=detail).render(language)


def catalogue_problems() -> list[str]:
    """Codes whose two wordings are missing or name different fields (for the tests)."""
    problems = []
    for code, wordings in CATALOGUE.items():
        if len(wordings) != 2 or not all(wordings):
            problems.append(f"{code}: needs a Chinese and an English wording")
        elif _fields(wordings[0]) != _fields(wordings[1]):
            problems.append(f"{code}: the two wordings name different fields")
    return problems

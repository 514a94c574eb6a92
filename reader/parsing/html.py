"""Saved web pages (.html/.htm, often GBK/GB2312) and web archives (.mht/.mhtml).

A bulletin saved from a government site sits inside the site's header, navigation,
sidebars and footer. Those are dropped: first the elements that are never content
(scripts, ``nav``, ``header``, ``footer``, ``aside``, forms), then the page is narrowed to
the element that holds nearly all of its text outside links. What remains gives one line
per paragraph (``p``, headings, list items, ``br`` breaks, table rows with their cells set
apart), the same shape as a text export, for the bulletin parser.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import Message
from pathlib import Path
from typing import Any

from reader.parsing.decode import decode_text
from reader.parsing.formats import MHT_SUFFIXES
from reader.parsing.model import Block, SourceError
from reader.parsing.normalize import cjk_count

MAX_HTML_BYTES = 50 * 1024 * 1024

_NEVER_CONTENT = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "input",
    "head",
    "title",
)
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "section",
        "article",
        "center",
        "tr",
        "caption",
        "address",
        "figcaption",
        "table",
        "ul",
        "ol",
        "dl",
        "main",
        "body",
        "hr",
    ]
)
_CELLS = frozenset({"td", "th"})
_CELL_GAP = "\u3000\u3000"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# Class or id names sites give their breadcrumb trail ("当前位置：首页 > …") and menus.
_CHROME_NAME = re.compile(r"crumb|(?:^|[\s_-])(?:position|location|navbar|menu|topbar)(?:$|[\s_-])")
_SPACES = re.compile(r"[\s\u00a0]+")
# Of a region's text outside links, the share its main child must hold to be narrowed to.
_MAIN_SHARE = 0.8


def extract_html_blocks(path: Path) -> list[Block]:
    """Read a saved web page or web archive as one block per line of its main content.

    Args:
        path: an ``.html``/``.htm`` page or an ``.mht``/``.mhtml`` archive.

    Returns:
        Text blocks without layout cues (the text parser's shape).

    Raises:
        SourceError: the file is empty, too large, not a web page, or holds no text.
    """
    data = _read(path)
    if path.suffix.lower() in MHT_SUFFIXES:
        data, charset = _mht_html(data)
    else:
        charset = None
    return html_blocks(decode_html(data, charset))


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_HTML_BYTES:
            raise SourceError("source.html_too_large")
        data = path.read_bytes()
    except OSError as error:
        raise SourceError("source.cannot_read", detail=error.strerror or str(error)) from error
    if not data.strip():
        raise SourceError("source.empty")
    if data.startswith((b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise SourceError("source.html_not_html")
    return data


def _mht_html(data: bytes) -> tuple[bytes, str | None]:
    """The first HTML part of a MIME web archive, decoded from its transfer encoding."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = _payload(part)
            if payload:
                return payload, part.get_content_charset()
    raise SourceError("source.mht_no_html")


def _payload(part: Message) -> bytes | None:
    try:
        payload: Any = part.get_payload(decode=True)
    except Exception:  # a broken base64 or quoted-printable body
        return None
    return payload if isinstance(payload, bytes) else None


def decode_html(data: bytes, charset: str | None = None) -> str:
    """A page's bytes as text: its BOM, then the declared charset, then the text decoder.

    GB2312 and GBK pages are read as GB18030 (their superset): pages labelled GB2312 often
    hold GBK characters.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data)
    if charset is None:
        found = _META_CHARSET.search(data[:8192])
        charset = found.group(1).decode("ascii") if found else None
    if charset:
        name = charset.strip().lower()
        if name in {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}:
            name = "gb18030"
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def html_blocks(markup: str) -> list[Block]:
    """The lines of a page's main content (see the module's docstring)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        document = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as error:
        raise SourceError("source.html_damaged", detail=str(error)[:80]) from None
    for element in list(document.iter(*_NEVER_CONTENT)):
        _drop(element)
    for element in list(document.iter()):
        if isinstance(element.tag, str) and _CHROME_NAME.search(
            f"{element.get('class', '')} {element.get('id', '')}"
        ):
            _drop(element)
    for comment in list(document.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop(comment)
    body = document.find("body")
    root = _main_region(body if body is not None else document)
    lines: list[str] = []
    current = [""]
    _collect(root, lines, current)
    _flush(lines, current)
    blocks = [Block(text=line) for line in map(_even_spaces, lines) if line]
    if not blocks:
        raise SourceError("source.html_no_text")
    return blocks


def _even_spaces(line: str) -> str:
    """Source line breaks and single spaces become one space; a wide gap (full-width or
    several no-break spaces, as pages set masthead parts and page numbers apart) stays wide."""

    def even(match: re.Match[str]) -> str:
        run = match.group(0)
        return _CELL_GAP if "\u3000" in run or run.count("\u00a0") >= 2 else " "

    return _SPACES.sub(even, line).strip()


def _drop(element: Any) -> None:
    """Remove an element but keep the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _own_text(element: Any) -> int:
    """Chinese characters of an element outside links (menus and link lists are links)."""
    if not isinstance(element.tag, str):
        return 0
    count = 0 if element.tag == "a" else cjk_count(element.text or "")
    for child in element:
        if element.tag != "a":
            count += _own_text(child)
        count += cjk_count(child.tail or "")
    return count


def _main_region(element: Any) -> Any:
    """The innermost element that still holds nearly all of the page's text."""
    current = element
    while True:
        total = _own_text(current)
        if total == 0:
            return current
        best = max(
            (child for child in current if isinstance(child.tag, str)),
            key=_own_text,
            default=None,
        )
        if best is None or _own_text(best) < _MAIN_SHARE * total:
            return current
        current = best


def _collect(element: Any, lines: list[str], current: list[str]) -> None:
    """Walk the element, appending a line at each block boundary and ``br``."""
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in _BLOCKS
    if block or tag == "br":
        _flush(lines, current)
    if tag in _CELLS and current[0].strip():
        current[0] += _CELL_GAP
    if tag != "br":
        current[0] += element.text or ""
        for child in element:
            _collect(child, lines, current)
    if block:
        _flush(lines, current)
    current[0] += element.tail or ""


def _flush(lines: list[str], current: list[str]) -> None:
    if current[0].strip():
        lines.append(current[0].strip())
    current[0] = ""

"""A brief as Markdown (CommonMark): readable as plain text, with every special escaped."""

from __future__ import annotations

import re
from pathlib import Path

from reader.export.model import (
    CONTENTS_TITLE,
    EDITOR_NOTE_LABEL,
    HIGHLIGHTS_LABEL,
    NOTES_LABEL,
    PREFACE_TITLE,
    Document,
    ExportArticle,
    Paragraph,
    Progress,
    quoted,
)

# Characters that are markup wherever they stand (emphasis, code, links, raw HTML,
# GFM tables and strikethrough) and a backslash that would escape the next one.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>|~])")
# An entity reference (&amp; &#20013;) would be decoded: escape its ampersand.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What opens a block at the start of a line: headings, quotes, lists, breaks, code fences.
# A note or preface may hold several lines: each of them starts a line of the Markdown.
_LINE_START = re.compile(r"^([#>+=-])", re.MULTILINE)
_ORDERED_ITEM = re.compile(r"^(\d{1,9})([.)])", re.MULTILINE)
# A line's leading blanks would make it indented code after a blank line, or a list item's
# continuation; a blank line would end the paragraph (and the list item holding it).
_LINE_BREAKS = re.compile(r"[ \t\u3000]*(?:\r\n|\r|\n)[\s]*")
_HEADING_MARKS = {1: "###", 2: "####", 3: "#####"}
_TRAILING_PUNCTUATION = re.compile(r"[。！？!?]$")


def escape_markdown(text: str, *, one_line: bool = False) -> str:
    """``text`` as Markdown that renders to exactly these characters.

    Every line is escaped where a block could open (``# 标题``, ``---``, ``1. 项``), and the
    lines of a multi-line text are joined by hard line breaks, so it stays one paragraph
    (or list item). ``one_line`` joins them with a space instead, for headings.
    """
    text = _LINE_BREAKS.sub(" " if one_line else "\n", text.strip())
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _LINE_START.sub(r"\\\1", text)
    text = _ORDERED_ITEM.sub(r"\1\\\2", text)
    # A backslash at the end of a line is CommonMark's hard line break.
    return text.replace("\n", "\\\n")


def _strong(text: str) -> str:
    # CommonMark will not close ** between a punctuation mark and a letter (…。**高), so
    # the sentence's closing mark stays outside the bold run: **一、聚焦创新**。深入…
    return f"**{escape_markdown(text)}**"


def _paragraph(paragraph: Paragraph) -> str:
    if paragraph.is_heading:
        return f"{_HEADING_MARKS[paragraph.level]} {escape_markdown(paragraph.text, one_line=True)}"
    if paragraph.lead:
        lead = paragraph.lead_text
        closing = _TRAILING_PUNCTUATION.search(lead)
        head, mark = (lead[: closing.start()], closing.group()) if closing else (lead, "")
        # ** after a space does not close either.
        mark = head[len(head.rstrip()) :] + mark
        head = head.rstrip()
        return _strong(head) + escape_markdown(mark + paragraph.rest_text)
    return escape_markdown(paragraph.text)


def _article(article: ExportArticle) -> list[str]:
    blocks = [
        f"## {escape_markdown(article.title, one_line=True)}",
        escape_markdown(article.source),
    ]
    if article.editor_note:
        blocks.append(f"> {EDITOR_NOTE_LABEL}{escape_markdown(article.editor_note)}")
    blocks.extend(_paragraph(p) for p in article.paragraphs)
    if article.notes:
        blocks.append(f"**{NOTES_LABEL}**")
        blocks.append("\n".join(f"- {escape_markdown(note)}" for note in article.notes))
    if article.highlights:
        blocks.append(f"**{HIGHLIGHTS_LABEL}**")
        items = []
        for mark in article.highlights:
            note = f"（{escape_markdown(mark.note)}）" if mark.note else ""
            items.append(f"- {escape_markdown(quoted(mark.quote))}{note}")
        blocks.append("\n".join(items))
    return blocks


def render_markdown(document: Document, progress: Progress | None = None) -> str:
    """The whole brief as Markdown: cover lines, preface, numbered contents, articles."""
    blocks = [f"# {escape_markdown(document.title, one_line=True)}"]
    blocks.extend(
        escape_markdown(line)
        for line in (document.subtitle, document.compiler, document.date)
        if line
    )
    if document.preface:
        blocks.append(f"## {PREFACE_TITLE}")
        blocks.extend(escape_markdown(p) for p in document.preface)
    blocks.append(f"## {CONTENTS_TITLE}")
    blocks.append(
        "\n".join(
            f"{number}. {escape_markdown(article.title, one_line=True)}"
            for number, article in enumerate(document.articles, start=1)
        )
    )
    total = len(document.articles)
    for number, article in enumerate(document.articles, start=1):
        blocks.append("---")
        blocks.extend(_article(article))
        if progress is not None:
            progress(number, total)
    return "\n\n".join(blocks) + "\n"


def write_markdown(document: Document, path: Path, progress: Progress | None = None) -> None:
    """Write the brief to ``path`` as UTF-8 Markdown."""
    path.write_text(render_markdown(document, progress), encoding="utf-8")

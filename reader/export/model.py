"""The neutral document every exporter writes: a brief's cover, preface and articles.

Built once from the store (:func:`build_document`) and handed to the DOCX, PDF, HTML and
Markdown writers, so that they agree on what a brief contains and differ only in looks.
All text here is plain data: writers must never read markup into it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import PurePath

from sqlite_utils import Database

from reader.annotations.highlights import list_highlights
from reader.annotations.notes import list_notes
from reader.briefs import Excerpt
from reader.issue_label import issue_label
from reader.messages import ZH, Message, ReaderError, message
from reader.parsing.subheadings import find_subheading
from reader.store.issues import get_articles, get_issue
from reader.store.records import IssueRecord

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called as articles are gathered or written."""

CONTENTS_TITLE = "目　录"
PREFACE_TITLE = "编者按"
EDITOR_NOTE_LABEL = "编者注："
NOTES_LABEL = "批注"
HIGHLIGHTS_LABEL = "划线摘录"

# XML 1.0 (DOCX) and HTML forbid these; they carry nothing in a bulletin.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class ExportError(ReaderError):
    """An export that cannot be done; its code (``export.*``) says why."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of an article.

    ``level`` is 0 for body text or the level (1–3) of the sub-heading it opens with.
    ``lead`` is 0 when a sub-heading paragraph is a heading on its own; for a body
    paragraph that opens with a run-in heading (``一、聚焦创新主体培育。深入推进…``) it
    is the length of that heading, which writers set in the heading face.
    """

    text: str
    level: int = 0
    lead: int = 0

    @property
    def is_heading(self) -> bool:
        return self.level > 0 and self.lead == 0

    @property
    def lead_text(self) -> str:
        return self.text[: self.lead]

    @property
    def rest_text(self) -> str:
        return self.text[self.lead :]


@dataclass(frozen=True, slots=True)
class Highlight:
    quote: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ExportArticle:
    """An article as the brief prints it."""

    article_id: int
    title: str
    source: str
    paragraphs: tuple[Paragraph, ...]
    editor_note: str | None = None
    notes: tuple[str, ...] = ()
    highlights: tuple[Highlight, ...] = ()
    excerpted: bool = False  # the paragraphs are chosen passages (摘编), not the whole


@dataclass(frozen=True, slots=True)
class Document:
    """A brief ready to write: cover, optional preface, contents and articles in order."""

    title: str
    subtitle: str | None = None
    compiler: str | None = None
    date: str | None = None
    preface: tuple[str, ...] = ()
    articles: tuple[ExportArticle, ...] = field(default_factory=tuple)


def clean_text(text: str) -> str:
    """``text`` without the control characters no document format can hold, trimmed."""
    return _CONTROL_CHARS.sub("", text).strip()


def split_paragraphs(text: str | None) -> tuple[str, ...]:
    """Non-empty paragraphs of a text whose paragraphs are separated by newlines."""
    if not text:
        return ()
    lines = (clean_text(line) for line in text.replace("\r\n", "\n").split("\n"))
    return tuple(line for line in lines if line)


def classify_paragraph(text: str) -> Paragraph:
    """A body paragraph, a sub-heading (一、 （一） (1)), or a body paragraph led by one.

    ``一是…`` and the like stay body text: only a numeral followed by 、 or in brackets
    opens a sub-heading.
    """
    found = find_subheading(text)
    if found is None:
        return Paragraph(text)
    return Paragraph(text, found.level, lead=0 if found.length == len(text) else found.length)


def source_line(issue: IssueRecord | None) -> str:
    """（来源：《科技情报参考》2023年第8期）, naming what is known of the issue.

    What is not known is said to be unknown (不详) after what is: the series, else who
    edited it, else the file it came from, so that a reader can still trace the article.
    """
    if issue is None:
        return f"（来源：{issue_label(None, None, None).render(ZH)}）"
    label = issue_label(issue.series, issue.year, issue.issue_no).render(ZH)
    if issue.series or issue.year is not None or issue.issue_no is not None:
        where = label
    elif issue.editor_org:
        where = f"{issue.editor_org}编印，{label}"
    elif issue.source_path:
        where = f"{PurePath(issue.source_path).name}，{label}"
    else:
        where = label
    return f"（来源：{where}）"


def excerpt_source_line(source: str) -> str:
    """The source line of an excerpt: （来源：…） becomes （摘编自…）."""
    prefix = "（来源："
    return f"（摘编自{source[len(prefix) :]}" if source.startswith(prefix) else source


def repeated_articles(document: Document) -> list[Message]:
    """A warning for each article that the brief holds more than once (the same text,
    perhaps printed in two issues), naming its title and its places (1-based)."""
    places: dict[str, list[int]] = {}
    for number, article in enumerate(document.articles, start=1):
        text = "".join("".join(p.text.split()) for p in article.paragraphs)
        places.setdefault(text or f"#{article.article_id}", []).append(number)
    titles = {number: article.title for number, article in enumerate(document.articles, 1)}
    return [
        message("export.repeated", title=titles[found[0]], places="、".join(map(str, found)))
        for found in places.values()
        if len(found) > 1
    ]


def quoted(text: str) -> str:
    """A highlight as quoted in a mainland document: “…” (not 「…」)."""
    return f"“{text}”"


def today_label(today: Date | None = None) -> str:
    day = today or Date.today()
    return f"{day.year}年{day.month}月{day.day}日"


def _notes(db: Database, article_id: int) -> tuple[str, ...]:
    return tuple(text for note in list_notes(db, article_id) if (text := clean_text(note.text)))


def _highlights(db: Database, article_id: int) -> tuple[Highlight, ...]:
    return tuple(
        Highlight(quote, clean_text(mark.note) or None if mark.note else None)
        for mark in list_highlights(db, article_id)
        if (quote := clean_text(mark.quote))
    )


def build_document(
    db: Database,
    article_ids: Sequence[int],
    *,
    title: str,
    subtitle: str | None = None,
    compiler: str | None = None,
    date: str | None = None,
    preface: str | None = None,
    editor_notes: dict[int, str | None] | None = None,
    excerpts: dict[int, tuple[Excerpt, ...]] | None = None,
    include_notes: bool = False,
    include_highlights: bool = False,
) -> Document:
    """Gather the articles (in the order given) and what the cover says into a Document.

    An article with ``excerpts`` is given as those passages alone (摘编), in the order
    given, with a 摘编自 source line.

    Raises:
        ExportError: no articles, or ids that are not in the store.
    """
    wanted = list(article_ids)
    if not wanted:
        raise ExportError("export.empty")
    records = get_articles(db, wanted)
    found = {record.id for record in records}
    missing = [str(i) for i in wanted if i not in found]
    if missing:
        raise ExportError("export.no_such_articles", ids=", ".join(missing))
    issues: dict[int, IssueRecord | None] = {}
    articles: list[ExportArticle] = []
    for record in records:
        if record.issue_id not in issues:
            issues[record.issue_id] = get_issue(db, record.issue_id)
        note = (editor_notes or {}).get(record.id)
        passages = (excerpts or {}).get(record.id, ())
        source = source_line(issues[record.issue_id])
        texts = [p for passage in passages for p in split_paragraphs(passage.text)]
        articles.append(
            ExportArticle(
                article_id=record.id,
                title=clean_text(record.title) or "（无标题）",
                source=excerpt_source_line(source) if texts else source,
                paragraphs=tuple(
                    classify_paragraph(p) for p in (texts or split_paragraphs(record.text))
                ),
                excerpted=bool(texts),
                editor_note=clean_text(note) or None if note else None,
                notes=_notes(db, record.id) if include_notes else (),
                highlights=_highlights(db, record.id) if include_highlights else (),
            )
        )
    return Document(
        title=clean_text(title) or "专题汇编",
        subtitle=clean_text(subtitle or "") or None,
        compiler=clean_text(compiler or "") or None,
        date=clean_text(date or "") or today_label(),
        preface=split_paragraphs(preface),
        articles=tuple(articles),
    )

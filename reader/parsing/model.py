"""Plain data passed between the extractors, the bulletin parser and the importer."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.messages import ReaderError


class SourceError(ReaderError):
    """A file that cannot be imported: a ``source.*`` code from the message catalogue.

    ``str(error)`` is the English reason alone (e.g. "PDF is encrypted");
    ``error.message`` renders it in the editor's language. The importer adds the file name
    when it reports it.
    """


@dataclass(frozen=True, slots=True)
class Block:
    """One line or paragraph as a source presents it, with the layout cues it gives.

    Text files give one block per line (blank lines included, as empty text), PDFs one
    block per typeset line, DOCX one per paragraph. A cue is ``None`` when the source does
    not say.
    """

    text: str
    page: int | None = None
    size: float | None = None
    bold: bool | None = None
    centered: bool | None = None
    indented: bool | None = None
    ends_paragraph: bool | None = None
    starts_page: bool = False


@dataclass(slots=True)
class ParsedArticle:
    """An article as the bulletin printed it."""

    title: str
    paragraphs: list[str]
    toc_title: str | None = None
    toc_page: int | None = None
    column: str | None = None  # the 栏目 heading the article stands under (【政策动态】)
    source: str | None = None  # its printed source line, label dropped (来源：科技日报 → 科技日报)

    @property
    def text(self) -> str:
        """The body, paragraphs joined by newlines (the form the store keeps)."""
        return "\n".join(self.paragraphs)


@dataclass(slots=True)
class ParsedIssue:
    """An issue (期) of a bulletin with its articles in printed order."""

    articles: list[ParsedArticle]
    series: str | None = None
    year: int | None = None
    issue_no: int | None = None
    editor_org: str | None = None
    editor: str | None = None
    phone: str | None = None
    total_no: int | None = None  # the running number in 第 12 期（总第 156 期）
    date: str | None = None  # the printed date, ISO: 2023-06-15 (or 2023-06)
    marking: str | None = None  # 内部资料 注意保存 and similar
    preface: str | None = None  # the 编者按 before the first article, paragraphs joined by \n
    page_confidence: list[float] = field(default_factory=list)  # OCR: each page's, 0–1
    warnings: list[str] = field(default_factory=list)

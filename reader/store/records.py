"""Rows of the store as plain, typed records handed to the CLI, the GUI and exporters."""

from __future__ import annotations

from dataclasses import dataclass

from reader.issue_label import issue_label
from reader.messages import ZH


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: int
    issue_id: int
    ordinal: int
    title: str
    toc_title: str | None
    toc_page: int | None
    text: str
    content_hash: str
    column: str | None = None  # the 栏目 it stands under
    source: str | None = None  # its printed source (来源)

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n") if self.text else []


@dataclass(frozen=True, slots=True)
class IssueRecord:
    id: int
    series: str | None
    year: int | None
    issue_no: int | None
    editor_org: str | None
    editor: str | None
    phone: str | None
    source_path: str | None
    source_format: str | None
    imported_at: str
    total_no: int | None = None
    date: str | None = None
    marking: str | None = None
    preface: str | None = None
    ocr_confidence: str | None = None  # JSON list of each page's OCR confidence (scans)

    def page_confidence(self) -> list[float]:
        """Each page's OCR confidence (empty unless the issue was read from a scan)."""
        import json

        return [float(value) for value in json.loads(self.ocr_confidence or "[]")]

    def label(self, language: str = ZH) -> str:
        """How an editor names the issue, e.g. 《科技情报参考》2023年第8期, in ``language``."""
        return issue_label(self.series, self.year, self.issue_no).render(language)

"""Rows of the store as plain, typed records handed to the CLI, the GUI and exporters."""

from __future__ import annotations

from dataclasses import dataclass


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

    def label(self) -> str:
        """How an editor names an issue, e.g. 《科技情报参考》2023年第8期; says what is unknown."""
        series = f"《{self.series}》" if self.series else ""
        year = f"{self.year}年" if self.year is not None else ""
        number = f"第{self.issue_no}期" if self.issue_no is not None else ""
        if year or number:
            return f"{series}{year}{number}"
        return f"{series}（期号未标注）" if series else "（刊名、期号未标注）"

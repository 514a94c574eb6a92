"""The bulletin's layout as text: the one place that says what an issue prints, in order.

``printed_lines`` lists what an issue prints (masthead, contents, titles, paragraphs,
footer); ``bulletin_text`` lays it out as the plain text editors import; the typesetters
(PDF, DOCX, OFD, web page, layout blocks) place the same lines in their own ways.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.parsing.model import ParsedIssue

CONTENTS_LEADER = "……………"


@dataclass(frozen=True, slots=True)
class Printed:
    """One printed line: its kind (masthead, date, org, toc, title, body, footer), its text
    and, for a contents entry, the page it gives (None when it gives none)."""

    kind: str
    text: str
    page: int | None = None


def has_masthead(issue: ParsedIssue) -> bool:
    """Whether the issue printed a masthead (series or issue number)."""
    return bool(issue.series or issue.year)


def has_contents(issue: ParsedIssue) -> bool:
    """Whether the issue printed a contents list."""
    return any(a.toc_page is not None or a.toc_title for a in issue.articles)


def issue_line(issue: ParsedIssue) -> str:
    """The masthead's ``2023 年第 8 期`` line."""
    if issue.issue_no is None:
        return f"{issue.year} 年"
    return f"{issue.year} 年第 {issue.issue_no} 期"


def footer_lines(issue: ParsedIssue) -> list[str]:
    """The footer block: editor organisation, editor, phone."""
    lines = [f"{issue.editor_org}编辑"] if issue.editor_org else []
    if issue.editor:
        lines.append(f"编辑：{issue.editor}")
    if issue.phone:
        lines.append(f"电话：{issue.phone}")
    return lines


def printed_lines(issue: ParsedIssue, pages: Sequence[int] | None = None) -> Iterator[Printed]:
    """Everything ``issue`` prints, in order. A contents entry gives the article's own
    ``toc_page``, else its page in ``pages`` (where the typesetter put it)."""
    if has_masthead(issue):
        if issue.series:
            yield Printed("masthead", issue.series)
        if issue.year:
            yield Printed("date", issue_line(issue))
        if issue.editor_org:
            yield Printed("org", f"{issue.editor_org} 编辑")
    if has_contents(issue):
        for number, article in enumerate(issue.articles):
            page = article.toc_page or (pages[number] if pages else None)
            yield Printed("toc", article.toc_title or article.title, page)
    for article in issue.articles:
        yield Printed("title", article.title)
        for paragraph in article.paragraphs:
            yield Printed("body", paragraph)
    for line in footer_lines(issue):
        yield Printed("footer", line)


def contents_entry(line: Printed, leader: str = CONTENTS_LEADER) -> str:
    """A contents line as printed: ``★ title……………page``."""
    page = "" if line.page is None else f"{leader}{line.page}"
    return f"★ {line.text}{page}"


def bulletin_text(
    issue: ParsedIssue,
    *,
    pages: Sequence[int] | None = None,
    office: bool = False,
    leader: str | None = None,
    cuts: Mapping[tuple[int, int], int] | None = None,
) -> str:
    """The issue as plain text: a blank line between printed lines, no final newline.

    Args:
        issue: what to print.
        pages: each article's page, for contents entries that give none of their own.
        office: as the office's PDF-to-text export gives it: a ``-`` rule under the
            masthead, the contents one block of ``- ★ title`` lines, pages straight after
            the titles (``leader`` defaults to none).
        leader: what stands between a contents title and its page.
        cuts: (article, paragraph) → offset where a page break cut that paragraph, which
            the text then shows as two paragraphs (as text extracted from a print does).
    """
    if leader is None:
        leader = "" if office else CONTENTS_LEADER
    parts: list[str] = [""]
    contents: list[str] = ["-"] if office and has_masthead(issue) else []
    article, paragraph = -1, 0
    for line in printed_lines(issue, pages):
        if line.kind == "toc":
            entry = contents_entry(line, leader)
            if office:
                contents.append(("- " if len(contents) == 1 else " - ") + entry)
            else:
                parts.append(entry)
            continue
        if contents and line.kind not in ("masthead", "date", "org"):
            parts.append("\n".join(contents))
            contents = []
        if line.kind == "title":
            article, paragraph = article + 1, 0
        cut = cuts.get((article, paragraph)) if cuts and line.kind == "body" else None
        if line.kind == "body":
            paragraph += 1
        parts.extend([line.text[:cut], line.text[cut:]] if cut else [line.text])
    return "\n\n".join(parts)


def text_lines(issue: ParsedIssue, pages: Sequence[int] | None = None) -> list[str]:
    """The issue's printed lines as strings (contents entries as printed)."""
    return [
        contents_entry(line) if line.kind == "toc" else line.text
        for line in printed_lines(issue, pages)
    ]


def write_bulletin_text(
    issue: ParsedIssue,
    path: Path,
    *,
    encoding: str = "utf-8",
    newline: str = "\n",
    **layout: object,
) -> Path:
    """Write ``bulletin_text(issue, **layout)`` to ``path``; the path."""
    text = bulletin_text(issue, **layout)  # type: ignore[arg-type]
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def write_office_text(issue: ParsedIssue, path: Path, **options: object) -> Path:
    """Write ``issue`` as the office's PDF-to-text export lays it out; the path."""
    return write_bulletin_text(issue, path, office=True, **options)

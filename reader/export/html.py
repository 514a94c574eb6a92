"""A brief as one self-contained HTML file: inline CSS, print rules, no scripts or links out."""

from __future__ import annotations

from html import escape
from pathlib import Path

from reader.export.house_style import house_style
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
)
from reader.paths import resource_path

STYLESHEET = "brief.css"
_HEADING_TAGS = {1: "h3", 2: "h4", 3: "h5"}


def _text(text: str) -> str:
    return escape(text, quote=True)


def house_css() -> str:
    """The house style's fonts, sizes and page as CSS variables and an ``@page`` rule."""
    house = house_style()
    sizes, page = house.sizes, house.page
    fonts = "\n".join(
        f"  --{role.replace('_', '-')}-font: {house.css_font_stack(role)};" for role in house.fonts
    )
    return (
        ":root {\n"
        f"{fonts}\n"
        f"  --body-size: {sizes['body']:g}pt;\n"
        f"  --title-size: {sizes['title']:g}pt;\n"
        f"  --cover-size: {sizes['cover_title']:g}pt;\n"
        f"  --small-size: {sizes['page_number']:g}pt;\n"
        f"  --text-width: {house.text_width_mm:g}mm;\n"
        "}\n"
        f"@page {{ size: {page['width']:g}mm {page['height']:g}mm; margin: {page['top']:g}mm "
        f"{page['right']:g}mm {page['bottom']:g}mm {page['left']:g}mm; }}\n"
    )


def stylesheet() -> str:
    """The house CSS: the house style's variables, then resources/templates/brief.css."""
    return house_css() + resource_path("templates", STYLESHEET).read_text(encoding="utf-8")


def _paragraph(paragraph: Paragraph) -> str:
    if paragraph.is_heading:
        tag = _HEADING_TAGS[paragraph.level]
        return f"<{tag}>{_text(paragraph.text)}</{tag}>"
    if paragraph.lead:
        lead = f'<span class="lead lead-{paragraph.level}">{_text(paragraph.lead_text)}</span>'
        return f"<p>{lead}{_text(paragraph.rest_text)}</p>"
    return f"<p>{_text(paragraph.text)}</p>"


def _article(number: int, article: ExportArticle) -> str:
    parts = [
        f'<article id="article-{number}">',
        f"<h2>{_text(article.title)}</h2>",
        f'<p class="source">{_text(article.source)}</p>',
    ]
    if article.editor_note:
        parts.append(
            f'<p class="editor-note"><span class="label">{EDITOR_NOTE_LABEL}</span>'
            f"{_text(article.editor_note)}</p>"
        )
    parts.extend(_paragraph(p) for p in article.paragraphs)
    if article.notes or article.highlights:
        parts.append('<aside class="annotations">')
        if article.notes:
            parts.append(f"<h6>{NOTES_LABEL}</h6><ul>")
            parts.extend(f"<li>{_text(note)}</li>" for note in article.notes)
            parts.append("</ul>")
        if article.highlights:
            parts.append(f"<h6>{HIGHLIGHTS_LABEL}</h6><ul>")
            for mark in article.highlights:
                note = f"（{_text(mark.note)}）" if mark.note else ""
                parts.append(f"<li><mark>{_text(mark.quote)}</mark>{note}</li>")
            parts.append("</ul>")
        parts.append("</aside>")
    parts.append("</article>")
    return "\n".join(parts)


def render_html(document: Document, progress: Progress | None = None) -> str:
    """The whole brief as an HTML page; every text is escaped, never read as markup."""
    total = len(document.articles)
    head = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(document.title)}</title>",
        f"<style>\n{stylesheet()}</style>",
        "</head>",
        "<body>",
        '<section class="cover">',
        f"<h1>{_text(document.title)}</h1>",
    ]
    if document.subtitle:
        head.append(f'<p class="subtitle">{_text(document.subtitle)}</p>')
    if document.compiler:
        head.append(f'<p class="compiler">{_text(document.compiler)}</p>')
    if document.date:
        head.append(f'<p class="date">{_text(document.date)}</p>')
    head.append("</section>")
    if document.preface:
        head.append(f'<section class="preface">\n<h2>{PREFACE_TITLE}</h2>')
        head.extend(f"<p>{_text(p)}</p>" for p in document.preface)
        head.append("</section>")
    head.append(f'<nav class="contents">\n<h2>{CONTENTS_TITLE}</h2>\n<ol>')
    for number, article in enumerate(document.articles, start=1):
        head.append(f'<li><a href="#article-{number}">{_text(article.title)}</a></li>')
    head.append("</ol>\n</nav>")
    body: list[str] = []
    for number, article in enumerate(document.articles, start=1):
        body.append(_article(number, article))
        if progress is not None:
            progress(number, total)
    return "\n".join([*head, *body, "</body>", "</html>", ""])


def write_html(document: Document, path: Path, progress: Progress | None = None) -> None:
    """Write the brief to ``path`` as UTF-8 HTML."""
    path.write_text(render_html(document, progress), encoding="utf-8")

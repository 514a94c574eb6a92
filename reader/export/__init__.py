"""Exporting a brief (专题汇编) to DOCX, PDF, HTML or Markdown.

:func:`export_brief` gathers a saved brief (or a list of article ids) into a neutral
:class:`~reader.export.model.Document` and hands it to the writer for the format. Only
the PDF writer needs Qt, and it is imported when a PDF is asked for.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlite_utils import Database

from reader.briefs import BriefRef, get_brief, record_export
from reader.export.model import (
    Document,
    ExportError,
    Progress,
    build_document,
    repeated_articles,
)
from reader.messages import Message

FORMATS = {"docx": ".docx", "pdf": ".pdf", "html": ".html", "md": ".md"}
_SUFFIX_FORMATS = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
}

__all__ = [
    "FORMATS",
    "Document",
    "ExportError",
    "Progress",
    "build_document",
    "document_for_brief",
    "export_brief",
    "format_for_path",
    "repeated_articles",
    "write_document",
]


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name asks for by its suffix (``.md`` → ``md``), or None."""
    return _SUFFIX_FORMATS.get(Path(path).suffix.lower())


def write_document(
    document: Document, path: str | os.PathLike[str], fmt: str, progress: Progress | None = None
) -> Path:
    """Write ``document`` to ``path`` in ``fmt`` (docx, pdf, html, md); returns the path.

    The file appears whole or not at all: it is written beside its destination first.

    Raises:
        ExportError: an unknown format, a folder that cannot be written, or (PDF) no
            Chinese font on this machine.
    """
    if fmt not in FORMATS:
        raise ExportError("export.unknown_format", fmt=fmt, choices=", ".join(FORMATS))
    target = Path(path)
    if target.is_dir():
        raise ExportError("export.is_folder", path=str(target))
    if not target.parent.is_dir():
        raise ExportError("export.no_folder", path=str(target.parent))
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=FORMATS[fmt], dir=target.parent
        )
    except OSError as error:
        raise ExportError(
            "export.cannot_write_in", path=str(target.parent), reason=error.strerror or str(error)
        ) from error
    os.close(handle)
    partial = Path(temporary)
    try:
        _writer(fmt)(document, partial, progress)
        # mkstemp makes the file private (0600): give it the mode any new file gets, so
        # colleagues can open it from a shared folder (0644 under umask 022).
        os.chmod(partial, 0o666 & ~_umask())
        os.replace(partial, target)
    except OSError as error:
        raise _write_error(error, target, partial) from error
    finally:
        partial.unlink(missing_ok=True)
    return target


def _umask() -> int:
    try:  # Linux says it without changing it (changing it is process-wide, threads race)
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_error(error: OSError, target: Path, partial: Path) -> ExportError:
    """Say which file failed: the one being written, or one the writer needed to read."""
    reason = error.strerror or str(error)
    culprit = error.filename
    if culprit is None or Path(culprit) in (target, partial) or Path(culprit) == target.parent:
        return ExportError("export.cannot_write", path=str(target), reason=reason)
    return ExportError("export.cannot_read", target=str(target), path=str(culprit), reason=reason)


Writer = Callable[[Document, Path, "Progress | None"], None]


def _writer(fmt: str) -> Writer:
    if fmt == "docx":
        from reader.export.docx import write_docx

        return write_docx
    if fmt == "html":
        from reader.export.html import write_html

        return write_html
    if fmt == "md":
        from reader.export.markdown import write_markdown

        return write_markdown
    from reader.export.pdf import write_pdf

    return write_pdf


def document_for_brief(
    db: Database,
    brief: BriefRef,
    *,
    include_notes: bool = False,
    include_highlights: bool = False,
    title: str | None = None,
    subtitle: str | None = None,
    compiler: str | None = None,
    date: str | None = None,
) -> Document:
    """The Document for a saved brief, with its cover, preface, order and editor's notes.

    The cover fields, when given, override what the brief says.

    Raises:
        reader.briefs.BriefError: no such brief.
        ExportError: the brief is empty.
    """
    record = get_brief(db, brief)
    return build_document(
        db,
        record.article_ids,
        title=title or record.title,
        subtitle=subtitle or record.subtitle,
        compiler=compiler or record.compiler,
        date=date or record.date,
        preface=record.preface,
        editor_notes={item.article_id: item.note for item in record.items},
        excerpts={item.article_id: item.excerpts for item in record.items if item.excerpts},
        include_notes=include_notes,
        include_highlights=include_highlights,
    )


def export_brief(
    db: Database,
    path: str | os.PathLike[str],
    fmt: str,
    *,
    brief: BriefRef | None = None,
    article_ids: Sequence[int] = (),
    title: str | None = None,
    subtitle: str | None = None,
    compiler: str | None = None,
    date: str | None = None,
    include_notes: bool = False,
    include_highlights: bool = False,
    progress: Progress | None = None,
    warn: Callable[[Message], None] | None = None,
) -> Path:
    """Export a saved brief, or the articles ``article_ids`` in that order, to ``path``,
    and record that its articles went out (已编入, :func:`reader.briefs.exports_of_article`).

    Args:
        brief: a saved brief's id or name; ``title`` (and the other cover fields) then
            override what the brief says only when given.
        article_ids: articles to export when no brief is named.
        progress: called as ``progress(done, total)`` while articles are written.
        warn: called with a warning the editor should see (the same article twice).

    Raises:
        reader.briefs.BriefError: no such brief.
        ExportError: nothing to export, unknown ids, or the file cannot be written.
    """
    if brief is not None and article_ids:
        raise ExportError("export.brief_and_ids")
    if brief is not None:
        document = document_for_brief(
            db,
            brief,
            include_notes=include_notes,
            include_highlights=include_highlights,
            title=title,
            subtitle=subtitle,
            compiler=compiler,
            date=date,
        )
    else:
        document = build_document(
            db,
            article_ids,
            title=title or "专题汇编",
            subtitle=subtitle,
            compiler=compiler,
            date=date,
            include_notes=include_notes,
            include_highlights=include_highlights,
        )
    if warn is not None:
        for warning in repeated_articles(document):
            warn(warning)
    written = write_document(document, path, fmt, progress)
    record_export(
        db,
        [article.article_id for article in document.articles],
        title=document.title,
        fmt=fmt,
        path=str(written.resolve()),
        brief=brief,
    )
    return written

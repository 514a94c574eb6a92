"""Export: time a 100-article brief written to each format (DOCX, PDF, HTML, Markdown),
and a brief of the 33 real articles (../shared/corpus) when they are there; the PDF a
second time (the first also starts Qt and derives the fonts), printing (the same layout
painted on a QPrinter that prints to a file), and the faces the PDF embeds.

The archive is generated (tests/export/samples.add_many_articles, about 1,200 characters
an article) in a temporary folder; ``args.keep`` leaves it and the exported files there.
The brief's size is fixed: a brief is a selection, whatever the archive's size.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from reader.archive import Archive
from reader.export import FORMATS, build_document, export_brief
from reader.export.fonts import find_chinese_fonts
from reader.importer import import_paths
from reader.store import issues as store
from tests.conftest import CORPUS_DIR
from tests.export.samples import add_many_articles

ARTICLES = 100


def run(args: argparse.Namespace) -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="reader-bench-export-"))
    lines: list[str] = []
    try:
        with Archive(folder / "archive") as archive:
            with archive.db.atomic():
                ids = add_many_articles(archive.db, ARTICLES)
            characters = sum(len(row[0]) for row in archive.db.execute("SELECT text FROM articles"))
            lines.append(f"brief of {len(ids)} articles, {characters:,} characters of body text")
            lines += _time_formats(archive, ids, folder / "generated")
        if CORPUS_DIR.is_dir():
            with Archive(folder / "corpus") as archive:
                import_paths(archive, [CORPUS_DIR])
                ids = [
                    article.id
                    for issue in store.list_issues(archive.db)
                    for article in store.issue_articles(archive.db, issue.id)
                ]
                lines.append(f"brief of the {len(ids)} real articles (../shared/corpus)")
                lines += _time_formats(archive, ids, folder / "real")
    finally:
        if getattr(args, "keep", False):
            lines.append(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return lines


def _time_formats(archive: Archive, ids: list[int], stem: Path) -> list[str]:
    lines = []
    for fmt in [*sorted(FORMATS), "pdf"]:
        target = stem.with_suffix(f".{fmt}")
        again = target.exists()
        started = time.perf_counter()
        export_brief(archive.db, target, fmt, article_ids=ids, title="基准测试专题汇编")
        elapsed = time.perf_counter() - started
        size = target.stat().st_size
        label = f"{fmt} again" if again else fmt
        lines.append(f"export {label:<9} {elapsed:6.2f} s  {size / 1024:8.0f} KiB")
    lines.append(_time_print(archive, ids, stem.with_name(f"{stem.name}-printed.pdf")))
    faces = {role: choice.path.name for role, choice in find_chinese_fonts().items()}
    lines.append("PDF faces: " + ", ".join(f"{role} {name}" for role, name in faces.items()))
    return lines


def _time_print(archive: Archive, ids: list[int], target: Path) -> str:
    """Printing the brief: the PDF's layout painted on a QPrinter (printing to a file)."""
    from reader.ui.printing import print_to_file

    document = build_document(archive.db, ids, title="基准测试专题汇编")
    started = time.perf_counter()
    pages = print_to_file(document, str(target))
    elapsed = time.perf_counter() - started
    return f"print          {elapsed:6.2f} s  {pages} pages"

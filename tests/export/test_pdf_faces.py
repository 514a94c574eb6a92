"""The PDF's faces per role: a free 仿宋/楷体/黑体 (Fandol) where installed, Noto otherwise,
and text that copies back exactly either way (spaces, rare characters, dashes)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reader.export import export_brief
from reader.export.fonts import FONT_DIRS_ENV, find_chinese_fonts, font_dirs
from tests.export.roundtrip import BRIEF_ORDER, expected_articles
from tests.export.samples import squeeze

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def _fandol_dir() -> Path | None:
    for folder in font_dirs():
        found = next(folder.rglob("FandolFang-Regular.otf"), None) if folder.is_dir() else None
        if found is not None:
            return found.parent
    return None


def _noto_dir() -> Path | None:
    for folder in font_dirs():
        found = next(folder.rglob("NotoSerifCJK-Regular.ttc"), None) if folder.is_dir() else None
        if found is not None:
            return found.parent
    return None


@pytest.fixture
def fandol_and_noto(monkeypatch) -> tuple[Path, Path]:
    fandol, noto = _fandol_dir(), _noto_dir()
    if fandol is None or noto is None:
        pytest.skip("the Fandol faces or Noto CJK are not installed")
    monkeypatch.setenv(FONT_DIRS_ENV, f"{fandol}:{noto}")
    return fandol, noto


def test_fandol_faces_take_the_fangsong_kai_and_hei_roles_with_noto_behind(fandol_and_noto):
    chosen = find_chinese_fonts()
    assert chosen["body"].path.name == "FandolFang-Regular.otf"
    assert chosen["kai"].path.name == "FandolKai-Regular.otf"
    assert chosen["heading"].path.name == "FandolHei-Regular.otf"
    assert chosen["fallback"].path.name == "NotoSerifCJK-Regular.ttc"


def test_without_fandol_the_body_is_noto_and_needs_no_fallback(monkeypatch):
    noto = _noto_dir()
    if noto is None:
        pytest.skip("Noto CJK is not installed")
    chosen = find_chinese_fonts([noto])
    assert chosen["body"].path.name == "NotoSerifCJK-Regular.ttc"
    assert "fallback" not in chosen


def test_a_pdf_in_fandol_copies_back_every_character(fandol_and_noto, sample_brief, tmp_path):
    archive, _ = sample_brief
    out = export_brief(archive.db, tmp_path / "fandol.pdf", "pdf", brief="样例")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "FandolFang" in fonts and "FandolKai" in fonts and "FandolHei" in fonts
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    # Fandol maps control characters to its space: a space must not copy as one.
    assert not any(ch < " " and ch not in "\n\f" for ch in text)
    flat = squeeze(text)
    for article in expected_articles(BRIEF_ORDER):
        for piece in [article.title, article.source, *article.paragraphs]:
            # Characters Fandol lacks (―) come from the Noto fallback, and copy back too.
            assert squeeze(piece) in flat, piece

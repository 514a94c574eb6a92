"""Titles break by sense into lines of about equal length, not wherever a line is full."""

from __future__ import annotations

import pytest

from reader.export.titles import balanced_title_lines


def test_a_short_title_stays_on_one_line():
    assert balanced_title_lines("南京市推动科技成果转化", 20) == ["南京市推动科技成果转化"]


@pytest.mark.parametrize(
    "title",
    [
        "内蒙古自治区人民政府关于深化科技计划管理改革的实施意见",
        "南京市以“三个聚焦”推动科技成果转化取得“新突破”",
        "关于印发《示例市科技创新券管理办法（试行）》的通知及其配套文件解读",
    ],
)
def test_a_long_title_breaks_at_words_into_even_lines_that_fit(title):
    from reader.search.analysis import shared_tokenizer

    lines = balanced_title_lines(title, 20)
    assert "".join(lines) == title
    assert len(lines) == 2 and all(len(line) <= 20 for line in lines)
    assert abs(len(lines[0]) - len(lines[1])) <= 6
    # Every break falls between two jieba words, never before closing punctuation.
    bounds, at = set(), 0
    for word in shared_tokenizer().cut(title, HMM=False):
        at += len(word)
        bounds.add(at)
    assert len(lines[0]) in bounds
    assert lines[1][0] not in "，。、”’）》"
    assert lines[0][-1] not in "“‘（《"


def test_the_width_alone_break_is_not_chosen():
    lines = balanced_title_lines("内蒙古自治区人民政府关于深化科技计划管理改革的实施意见", 20)
    assert lines[0] != "内蒙古自治区人民政府关于深化科技计"


def test_a_word_longer_than_a_line_still_breaks():
    lines = balanced_title_lines("一" * 45, 20, words=lambda text: [text])
    assert "".join(lines) == "一" * 45 and all(len(line) <= 20 for line in lines)
    assert len(lines) == 3


def test_the_pdf_cover_breaks_its_title_at_words_as_the_docx_does(sample_archive, tmp_path):
    import shutil
    import subprocess

    import docx

    from reader.export import export_brief

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    archive, ids = sample_archive
    title = "关于深化科技计划管理改革推动科技成果转化的若干情况汇编"
    pdf = export_brief(archive.db, tmp_path / "t.pdf", "pdf", article_ids=ids, title=title)
    out = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    lines = [line.strip() for line in out.splitlines() if line.strip()][:2]
    assert lines == ["关于深化科技计划管理改革推动", "科技成果转化的若干情况汇编"]
    word = export_brief(archive.db, tmp_path / "t.docx", "docx", article_ids=ids, title=title)
    cover = docx.Document(str(word)).paragraphs[0].text
    assert cover.split("\n") == lines

"""Any paragraph typeset into a PDF reads back with exactly its characters and spaces."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.parsing.model import ParsedArticle, ParsedIssue
from reader.parsing.pdf import extract_pdf_blocks
from tests.support.typeset import write_pdf

_WORDS = st.one_of(
    st.text(alphabet="科技创新成果转化乳业揭榜挂帅呼包鄂乌平台企业项目", min_size=1, max_size=12),
    st.text(alphabet="，。、；：“”（）《》", min_size=1, max_size=1),
    st.from_regex(r"[0-9]{1,5}(\.[0-9]{1,2})?%?", fullmatch=True),
    st.from_regex(r"[A-Z]{2,5}|5G|DHA", fullmatch=True),
)
_PARAGRAPH = st.lists(st.tuples(_WORDS, st.booleans()), min_size=1, max_size=40).map(
    lambda parts: "".join(word + (" " if spaced else "") for word, spaced in parts).strip()
)


@settings(max_examples=30, deadline=None, database=None)
@given(paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=4), spaced=st.booleans())
def test_paragraph_text_survives_typesetting(paragraphs: list[str], spaced: bool) -> None:
    # A first paragraph of full lines shows where the text column is, as any bulletin does.
    paragraphs = ["示例市围绕科技成果转化出台措施，推动平台建设和企业创新。" * 3, *paragraphs]
    issue = ParsedIssue(articles=[ParsedArticle("示例文章标题", paragraphs)])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "issue.pdf"
        write_pdf(issue, path, letter_spacing=spaced)
        blocks = extract_pdf_blocks(path)
    assert blocks[0].text == "示例文章标题" and blocks[0].bold
    assert "".join(block.text for block in blocks[1:]) == "".join(paragraphs)
    assert sum(1 for block in blocks if block.indented) == len(paragraphs)

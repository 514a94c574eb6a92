"""Properties of the text rules the parser is built from (hypothesis)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from reader.parsing.bulletin import parse_blocks, parse_text
from reader.parsing.decode import decode_text
from reader.parsing.model import Block, SourceError
from reader.parsing.normalize import (
    drop_name_padding,
    fuzzy_title_match,
    is_paragraph_end,
    join_wrapped,
    non_space,
    remove_cjk_letter_spacing,
    strip_toc_leader_and_page,
)
from reader.parsing.subheadings import looks_like_subheading
from tests.support.text_renditions import wrap_line

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
TEXT_CHARS = st.one_of(
    CJK,
    st.sampled_from("，。、；：“”（）《》0123456789ABCxyz %.-—…★門學"),
)
cjk_text = st.text(CJK, min_size=1, max_size=30)
mixed_text = st.text(TEXT_CHARS, min_size=0, max_size=60)


@given(mixed_text)
@example("已集聚 102 家")
@example("科 技 情 报 参 考")
@example(" 课题，探索 ")
def test_letter_spacing_removal_keeps_every_character_and_is_idempotent(line: str) -> None:
    once = remove_cjk_letter_spacing(line)
    assert non_space(once) == non_space(line)
    assert remove_cjk_letter_spacing(once) == once
    assert once.startswith(" ") == line.startswith(" ")
    assert once.endswith(" ") == line.endswith(" ")


@given(st.text(CJK, min_size=4, max_size=30))
def test_letter_spaced_chinese_is_closed_up(text: str) -> None:
    assert remove_cjk_letter_spacing(" ".join(text)) == text


@given(mixed_text)
def test_ordinary_lines_are_left_alone(line: str) -> None:
    # A line where at most one pair of Chinese characters has a space between stays as is.
    spaced = line.replace(" ", "")
    if len(spaced) > 2:
        spaced = spaced[:1] + " " + spaced[1:]
    assert remove_cjk_letter_spacing(spaced) == spaced


@given(mixed_text, mixed_text)
def test_join_keeps_every_character(first: str, second: str) -> None:
    joined = join_wrapped(first, second)
    assert non_space(joined) == non_space(first) + non_space(second)


@given(mixed_text, mixed_text)
def test_join_then_split_at_the_same_point_round_trips(first: str, second: str) -> None:
    head, tail = first.strip(), second.strip()
    joined = join_wrapped(head, tail)
    assert joined[: len(head)] == head
    assert joined[len(head) :].lstrip(" ") == tail


@given(st.text(TEXT_CHARS, min_size=2, max_size=200), st.integers(min_value=5, max_value=35))
def test_wrapped_lines_join_back_to_the_line(line: str, width: int) -> None:
    line = " ".join(line.split())
    if not line:
        return
    pieces = wrap_line(line, width)
    joined = pieces[0]
    for piece in pieces[1:]:
        joined = join_wrapped(joined, piece)
    assert joined == line


@given(cjk_text, st.sampled_from(["", ".....", "...", "……………", " ", "…… "]), st.integers(1, 199))
@example("国家乳业技术创新中心实现五个里程碑式进展", "", 2)
@example("内蒙古自治区科技创新联合体达 52 家", "……………", 2)
def test_contents_entry_splits_into_title_and_page(title: str, leader: str, page: int) -> None:
    for marker in ("", "- ★ ", " - ★ ", "★"):
        assert strip_toc_leader_and_page(f"{marker}{title}{leader}{page}") == (title, page)


@given(cjk_text)
def test_contents_entry_without_page_is_its_title(title: str) -> None:
    assert strip_toc_leader_and_page(f"- ★ {title}") == (title, None)
    assert strip_toc_leader_and_page(title) == (title, None)


@given(mixed_text, st.sampled_from("。！？；：…"), st.text(st.sampled_from("”’」》"), max_size=2))
def test_sentence_punctuation_ends_a_paragraph(text: str, mark: str, closers: str) -> None:
    assert is_paragraph_end(text + mark + closers)
    assert is_paragraph_end(text + mark + closers + "  ")


@given(mixed_text, st.sampled_from("，、,") | CJK)
@example("帮助解决项目实施过程中的困", "难")
@example("构建了“", "1")
def test_a_cut_sentence_does_not_end_a_paragraph(text: str, last: str) -> None:
    assert not is_paragraph_end(text + last)


@given(
    st.sampled_from(["一、", "三、", "(1) ", "（2）", "一是", "二是", "——", "1、", "十二、"]),
    mixed_text,
)
def test_enumerated_points_are_subheadings(lead: str, rest: str) -> None:
    assert looks_like_subheading(lead + rest)


@given(cjk_text)
def test_plain_sentences_are_not_subheadings(text: str) -> None:
    if text[0] not in "一二三四五六七八九十百第":
        assert not looks_like_subheading(text)


@given(cjk_text, cjk_text)
def test_title_match_is_a_score(first: str, second: str) -> None:
    score = fuzzy_title_match(first, second)
    assert 0.0 <= score <= 1.0
    assert fuzzy_title_match(first, first) == 1.0
    assert fuzzy_title_match(first, " ".join(first)) == 1.0


def test_title_match_pairs_a_near_miss() -> None:
    assert (
        fuzzy_title_match(
            "南京市积极打造金融服务生态链 探索赋能科创新路径",
            "南京市积极打造金融服务生态链 探索赋能科技创新路径",
        )
        > 0.9
    )
    assert fuzzy_title_match("南京市积极打造金融服务生态链", "宁夏科技特派员服务成效初现") < 0.5


@given(st.text(CJK, min_size=2, max_size=3))
def test_name_padding_is_dropped(name: str) -> None:
    assert drop_name_padding(" ".join(name)) == name
    assert drop_name_padding(drop_name_padding(" ".join(name))) == name


def test_two_names_stay_apart() -> None:
    assert drop_name_padding("张三 李四") == "张三 李四"


@given(st.text(TEXT_CHARS | st.sampled_from("\n"), min_size=8, max_size=200))
def test_decoding_round_trips_every_encoding(text: str) -> None:
    # Very short GB18030 text can be valid UTF-8 too; a bulletin never is that short.
    if sum(1 for char in text if "\u4e00" <= char <= "\u9fff") < 3:
        return
    for data in (
        text.encode("utf-8"),
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        text.encode("gb18030"),
        text.replace("\n", "\r\n").encode("gb18030"),
        text.encode("utf-16"),
    ):
        assert decode_text(data) == text
    # Without a BOM, UTF-16 is told by its line ends' NUL bytes.
    lines = text + "\n"
    assert decode_text(lines.encode("utf-16-le")) == lines
    assert decode_text(lines.encode("utf-16-be")) == lines


@given(st.lists(st.text(CJK, min_size=8, max_size=24), min_size=1, max_size=4, unique=True))
def test_parsing_never_changes_a_chinese_character(titles: list[str]) -> None:
    lines: list[str] = []
    for title in titles:
        lines += [title, "", f"{title}：今年以来成效明显。", ""]
    issue = parse_text("\n".join(lines))
    assert [a.title for a in issue.articles] == titles
    assert [a.paragraphs for a in issue.articles] == [[f"{t}：今年以来成效明显。"] for t in titles]


LINE_PIECES = st.one_of(
    TEXT_CHARS,
    st.sampled_from(["\n", "\n\n", " ", "★ ", "- ", "编辑：", "电话：", "。\n\n", "\n\n一是"]),
    st.text(CJK, min_size=8, max_size=14).map(lambda title: f"\n\n{title}\n\n"),
)


@given(st.lists(LINE_PIECES, max_size=300).map("".join))
@example("\n\n科技情报参考\n\n2023 年第 8 期\n\n-\n- ★ 一2")
@example("编辑：李 涛\n\n电话：4366683")
def test_any_text_parses_or_is_refused_with_a_source_error(text: str) -> None:
    try:
        issue = parse_text(text)
    except SourceError as error:
        assert str(error).startswith("not a bulletin")
        return
    # The articles are one run of the text: nothing changed, nothing left out between.
    kept = "".join(non_space(a.title + "".join(a.paragraphs)) for a in issue.articles)
    assert kept in non_space(text)


@given(
    st.lists(
        st.builds(
            Block,
            text=st.text(TEXT_CHARS, max_size=40),
            page=st.none() | st.integers(1, 5),
            size=st.none() | st.sampled_from([10.5, 12.0, 16.0]),
            bold=st.none() | st.booleans(),
            centered=st.none() | st.booleans(),
            indented=st.none() | st.booleans(),
            ends_paragraph=st.none() | st.booleans(),
            starts_page=st.booleans(),
        ),
        max_size=30,
    )
)
def test_any_blocks_parse_or_are_refused_with_a_source_error(blocks: list[Block]) -> None:
    try:
        issue = parse_blocks(blocks)
    except SourceError:
        return
    text = "".join(non_space(block.text) for block in blocks)
    for article in issue.articles:
        assert non_space(article.title) in text

"""A plain query finds every article containing it as written, and nothing else."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.archive import Archive
from reader.search import find_spans, search
from reader.search.folding import fold
from tests.support.archives import add_issue
from tests.support.issues import bare_issue
from tests.support.stories import FILLER


def ids(result) -> list[int]:  # type: ignore[no-untyped-def]
    return [hit.article_id for hit in result.hits]


def test_substring_inside_a_word_is_found(store: Archive) -> None:
    nanjing, _other = add_issue(
        store,
        bare_issue(
            [
                ("南京市扎实推进原始创新", "南京市推进原始创新和成果转化。"),
                ("北京的消息", "北京，市场监管部门发布通知。"),
            ]
        ),
        index=True,
    )
    result = search(store, "京市")
    assert ids(result) == [nanjing]  # "北京，市场" has 京 and 市 but not 京市
    hit = result.hits[0]
    assert hit.matches == [(1, 3)]
    assert hit.title_matches == [(1, 3)]


def test_single_rare_character_is_found(store: Archive) -> None:
    (first, _, third) = add_issue(
        store,
        bare_issue(
            [
                ("土壤治理", "重金属镉污染治理取得进展。"),
                ("无关", "这里没有那个字。"),
                ("镉", "标题就是这个字"),
            ]
        ),
        index=True,
    )
    result = search(store, "镉")
    assert sorted(ids(result)) == sorted([first, third])
    by_id = {hit.article_id: hit for hit in result.hits}
    assert by_id[first].matches == [(3, 4)]
    assert by_id[third].title_matches == [(0, 1)]


def test_term_inside_a_longer_term_is_found(store: Archive) -> None:
    inner, _split = add_issue(
        store,
        bare_issue(
            [
                ("国家乳业", "国家乳业技术创新中心实现五个里程碑式进展。"),
                ("分开的字", "创新、中心工作两手抓。"),
            ]
        ),
        index=True,
    )
    result = search(store, "创新中心")
    assert ids(result) == [inner]
    text = "国家乳业技术创新中心实现五个里程碑式进展。"
    assert [text[s:e] for s, e in result.hits[0].matches] == ["创新中心"]


def test_every_article_containing_a_string_is_counted(store: Archive) -> None:
    articles = [(f"第{i}篇", f"前言{i}。科技创新驱动发展{i}。") for i in range(30)]
    articles += FILLER
    add_issue(store, bare_issue(articles), index=True)
    result = search(store, "科技创新", limit=5)
    assert result.total == 30
    assert len(result.hits) == 5
    assert len(search(store, "科技创新", limit=5, offset=28).hits) == 2


def test_all_of_a_terms_pairs_apart_is_not_the_term(store: Archive) -> None:
    whole, apart, title_apart = add_issue(
        store,
        bare_issue(
            [
                ("产业发展报告", "乳业发展迅速。"),
                ("乳业简讯", "乳业发达，发展迅速。"),  # 业发 and 发展, never 业发展
                ("乳业发达 发展迅速", "正文不提。"),
            ]
        ),
        index=True,
    )
    assert ids(search(store, "业发展")) == [whole]
    assert sorted(ids(search(store, "乳业 -业发展", limit=10))) == [apart, title_apart]
    assert ids(search(store, "title:业发展")) == [whole]
    assert search(store, "title:业发展 OR 正文不提").total == 2
    assert sorted(ids(search(store, "业发达 OR 业发展"))) == sorted([whole, apart, title_apart])


def test_a_query_does_not_span_paragraphs(store: Archive) -> None:
    add_issue(store, bare_issue([("标题", "第一段以创新\n中心开头的第二段")]), index=True)
    assert search(store, "创新中心").total == 0
    assert search(store, "创新").total == 1


def test_repeated_matches_are_all_reported(store: Archive) -> None:
    text = "科技局\n科技局与科技园"
    add_issue(store, bare_issue([("无", text)]), index=True)
    hit = search(store, "科技").hits[0]
    assert hit.matches == [(0, 2), (4, 6), (8, 10)]
    assert all(text[s:e] == "科技" for s, e in hit.matches)


def test_find_spans_uses_the_same_folding() -> None:
    text = "國務院發布通知，ＡＩ與Ai應用"
    assert find_spans(text, "国务院") == [(0, 3)]
    assert find_spans(text, "ai") == [(8, 10), (11, 13)]
    assert find_spans(text, '"发布通知"') == [(3, 7)]
    assert find_spans(text, 'unclosed "quote') == []


ALPHABET = list("科技创新南京市国務院學生镉乳业中心ＡＢａｂAbcXyz１２3 ，。、“”()-:")
paragraph = st.text(alphabet=ALPHABET, min_size=1, max_size=60)
article = st.tuples(paragraph, st.lists(paragraph, min_size=1, max_size=4).map("\n".join))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(articles=st.lists(article, min_size=1, max_size=4), data=st.data())
def test_random_substrings_are_found_with_exact_spans(articles, data) -> None:  # type: ignore[no-untyped-def]
    which = data.draw(st.integers(0, len(articles) - 1))
    text = articles[which][1]
    paragraphs = text.split("\n")
    chosen = data.draw(st.sampled_from(paragraphs))
    start = data.draw(st.integers(0, len(chosen) - 1))
    end = data.draw(st.integers(start + 1, len(chosen)))
    needle = chosen[start:end]
    if not needle.strip():
        return  # a query of spaces asks for nothing
    with tempfile.TemporaryDirectory() as folder:
        archive = Archive(Path(folder))
        try:
            article_ids = add_issue(archive, bare_issue(articles), index=True)
            result = search(archive, f'"{needle}"', limit=100)
            folded = fold(needle)
            assert article_ids[which] in ids(result)
            assert result.total == sum(folded in fold(t) or folded in fold(x) for t, x in articles)
            by_id = dict(zip(article_ids, articles, strict=True))
            for hit in result.hits:
                hit_title, hit_text = by_id[hit.article_id]
                assert hit.matches or hit.title_matches
                for s, e in hit.matches:
                    assert fold(hit_text[s:e]) == folded
                for s, e in hit.title_matches:
                    assert fold(hit_title[s:e]) == folded
        finally:
            archive.close()


def _variant(text: str, swaps: list[bool]) -> str:
    """The same string typed differently: case swapped, ASCII as full-width, 学/國 swapped."""
    pairs = {"学": "學", "學": "学", "国": "國", "國": "国", "务": "務", "務": "务"}
    out = []
    for char, swap in zip(text, swaps, strict=False):
        if not swap:
            out.append(char)
        elif char in pairs:
            out.append(pairs[char])
        elif "!" <= char <= "~" and char != '"':
            out.append(chr(ord(char.swapcase()) + 0xFEE0))
        else:
            out.append(char.swapcase())
    return "".join(out) + text[len(out) :]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paragraphs=st.lists(paragraph, min_size=1, max_size=3),
    data=st.data(),
)
def test_folded_variants_of_a_query_find_the_same(paragraphs, data) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(paragraphs)
    chosen = data.draw(st.sampled_from(paragraphs))
    start = data.draw(st.integers(0, len(chosen) - 1))
    needle = chosen[start : data.draw(st.integers(start + 1, len(chosen)))]
    if not needle.strip():
        return
    typed = _variant(needle, data.draw(st.lists(st.booleans(), max_size=len(needle))))
    assert fold(typed) == fold(needle)
    spans = find_spans(text, f'"{typed}"')
    assert spans
    assert all(fold(text[s:e]) == fold(needle) for s, e in spans)
    with tempfile.TemporaryDirectory() as folder:
        archive = Archive(Path(folder))
        try:
            (article_id,) = add_issue(archive, bare_issue([("无题", text)]), index=True)
            result = search(archive, f'"{typed}"')
            assert ids(result) == [article_id]
            assert result.hits[0].matches == spans
        finally:
            archive.close()

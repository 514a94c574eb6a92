"""Order of hits and the snippets shown for them."""

from __future__ import annotations

from reader.archive import Archive
from reader.search import search
from reader.store.issues import content_hash
from tests.support.archives import add_issue
from tests.support.issues import bare_issue
from tests.support.stories import FILLER


def test_title_match_ranks_above_body_match(store: Archive) -> None:
    body_only, in_title = add_issue(
        store,
        bare_issue(
            [
                ("市级项目管理改革", "今年推动蒙科聚平台建设，服务企业。"),
                ("蒙科聚平台上线", "平台建设服务企业，今年推进工作。"),
                *FILLER,
            ]
        ),
        index=True,
    )[:2]
    result = search(store, "蒙科聚")
    assert [h.article_id for h in result.hits] == [in_title, body_only]
    assert result.hits[0].score > result.hits[1].score


def test_newer_issue_first_when_scores_tie(store: Archive) -> None:
    same = ("揭榜挂帅制度", "实行揭榜挂帅，攻克关键技术。")
    (old,) = add_issue(store, bare_issue([same], year=2021, issue_no=5), index=True)
    (newest,) = add_issue(store, bare_issue([same], year=2023, issue_no=2), index=True)
    (newer,) = add_issue(store, bare_issue([same], year=2023, issue_no=1), index=True)
    add_issue(store, bare_issue(FILLER, year=2020), index=True)
    result = search(store, "揭榜挂帅")
    assert [h.article_id for h in result.hits] == [newest, newer, old]
    assert len({h.score for h in result.hits}) == 1


def test_more_occurrences_rank_higher(store: Archive) -> None:
    once, thrice = add_issue(
        store,
        bare_issue(
            [
                ("甲", "科技特派员下乡，田间地头指导种植，帮助农民增收致富。"),
                ("乙", "科技特派员制度：科技特派员带技术，科技特派员带项目。"),
                *FILLER,
            ]
        ),
        index=True,
    )[:2]
    assert [h.article_id for h in search(store, "科技特派员").hits] == [thrice, once]


def test_script_in_text_stays_plain_in_snippets(store: Archive) -> None:
    text = "前文<script>alert('乳业')</script>后文 & <b>乳业</b>"
    add_issue(store, bare_issue([("<img src=x>标题", text)]), index=True)
    hit = search(store, "乳业").hits[0]
    assert hit.snippet == text  # plain text, whole (it is short)
    assert [hit.snippet[s:e] for s, e in hit.snippet_matches] == ["乳业", "乳业"]
    assert "<script>" not in hit.snippet_html
    assert "&lt;script&gt;" in hit.snippet_html
    assert hit.snippet_html.count("<mark>") == 2
    assert "<mark>乳业</mark>" in hit.snippet_html
    assert "<b>" not in hit.snippet_html.replace("<mark>", "").replace("</mark>", "")


def test_long_text_snippet_centres_on_the_match(store: Archive) -> None:
    text = "开头。" + "无关内容" * 100 + "关键词呼包鄂乌协同发展" + "其他内容" * 100
    add_issue(store, bare_issue([("长文", text)]), index=True)
    hit = search(store, "呼包鄂乌").hits[0]
    assert hit.matches == [(text.index("呼包鄂乌"), text.index("呼包鄂乌") + 4)]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 130
    ((start, end),) = hit.snippet_matches
    assert hit.snippet[start:end] == "呼包鄂乌"


def test_occurrences_inside_other_words_still_count(store: Archive) -> None:
    # jieba cuts 科技厅 and 科技型 as words of their own: the exact matches must still rank.
    often, once = add_issue(
        store,
        bare_issue(
            [
                ("自治区科技厅召开科技型企业座谈会", "科技厅负责人介绍科技型企业培育情况。"),
                ("寒地农业科技服务", "各地推广耐寒品种，服务农牧民。"),
                *((f"简讯{n}", "乳业企业扩大产能，带动牧民增收。") for n in range(6)),
            ]
        ),
        index=True,
    )[:2]
    assert [h.article_id for h in search(store, "科技").hits] == [often, once]


def test_matches_point_into_the_text_as_it_is_now_when_the_index_lags(store: Archive) -> None:
    # Hits take their folded texts from the gram table; an article changed since it was
    # indexed (the moment between a store write and the index catching up) must not be
    # painted at the old text's offsets.
    (article_id,) = add_issue(
        store, bare_issue([("碳达峰行动", "推进碳达峰，落实碳达峰方案。"), *FILLER]), index=True
    )[:1]
    new_text = "新的导语在前。推进碳达峰，落实碳达峰方案。"
    store.db.execute(
        "UPDATE articles SET text = ?, content_hash = ? WHERE id = ?",
        [new_text, content_hash(new_text), article_id],
    )
    (hit,) = [h for h in search(store, "碳达峰").hits if h.article_id == article_id]
    assert [new_text[s:e] for s, e in hit.matches] == ["碳达峰", "碳达峰"]
    assert hit.matches[0][0] == new_text.index("碳达峰")

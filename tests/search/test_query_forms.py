"""AND, phrases, exclusion, OR, filters, tags, notes and folding, as an editor types them."""

from __future__ import annotations

import pytest

from reader.archive import Archive
from reader.search import QuerySyntaxError, parse_query, search
from tests.support.archives import add_issue
from tests.support.issues import bare_issue


def ids(archive: Archive, query: str) -> set[int]:
    return {hit.article_id for hit in search(archive, query, limit=100).hits}


@pytest.fixture
def sample(store: Archive) -> dict[str, int]:
    a, b, c = add_issue(
        store,
        bare_issue(
            [
                ("乳业创新进展", "乳业技术创新中心成立。奶牛养殖技术提升。"),
                ("数字经济观察", "数字经济与乳业融合发展。new energy 汽车。"),
                ("奶业振兴", "奶业振兴行动方案发布。New Energy 政策。"),
            ],
            year=2022,
            issue_no=8,
            series="科技情报参考",
        ),
        index=True,
    )
    d, e = add_issue(
        store,
        bare_issue(
            [
                ("乳业大会召开", "全国乳业大会在呼和浩特召开。"),
                ("學生科普活動", "組織學生參觀實驗室，ＡＩ課程受歡迎。"),
            ],
            year=2023,
            issue_no=3,
            series="科技动态",
        ),
        index=True,
    )
    return {"a": a, "b": b, "c": c, "d": d, "e": e}


def test_spaces_mean_all_terms(store: Archive, sample: dict[str, int]) -> None:
    assert ids(store, "乳业 数字经济") == {sample["b"]}
    assert ids(store, "乳业 技术") == {sample["a"]}


def test_quotes_keep_a_phrase_with_its_space(store: Archive, sample: dict[str, int]) -> None:
    assert ids(store, '"new energy"') == {sample["b"], sample["c"]}
    assert ids(store, '"energy new"') == set()
    assert ids(store, "energy new") == {sample["b"], sample["c"]}


def test_minus_excludes(store: Archive, sample: dict[str, int]) -> None:
    assert ids(store, "乳业 -数字") == {sample["a"], sample["d"]}
    assert ids(store, '乳业 -"技术创新" -呼和浩特') == {sample["b"]}


def test_or_between_terms(store: Archive, sample: dict[str, int]) -> None:
    assert ids(store, "乳业 OR 奶业") == {sample[k] for k in "abcd"}
    assert ids(store, "振兴 奶业 OR 乳业") == {sample["c"]}


def test_title_filter_looks_in_titles_only(store: Archive, sample: dict[str, int]) -> None:
    assert ids(store, "title:乳业") == {sample["a"], sample["d"]}
    hit = search(store, "title:乳业").hits[0]
    assert hit.title_matches == [(0, 2)]
    assert hit.matches == []  # title: terms mark the title only


def test_year_issue_and_series_filters(store: Archive, sample: dict[str, int]) -> None:
    assert ids(store, "乳业 year:2023") == {sample["d"]}
    assert ids(store, "乳业 year:2022-2023") == {sample[k] for k in "abd"}
    assert ids(store, "乳业 issue:2022-8") == {sample["a"], sample["b"]}
    assert ids(store, "issue:3") == {sample["d"], sample["e"]}
    assert ids(store, "乳业 series:动态") == {sample["d"]}
    assert ids(store, "year:2023") == {sample["d"], sample["e"]}
    assert ids(store, "year:2023 -学生") == {sample["d"]}
    assert ids(store, "乳业 year:2019") == set()


def test_filters_follow_an_edited_issue_without_reindex(
    store: Archive, sample: dict[str, int]
) -> None:
    store.db.execute("UPDATE issues SET year = 2021 WHERE year = 2023")
    assert ids(store, "乳业 year:2021") == {sample["d"]}


def test_tag_filter(store: Archive, sample: dict[str, int]) -> None:
    db = store.db
    tag_id = db.execute("INSERT INTO tags (name) VALUES ('乳業')").lastrowid
    for key in ("a", "c"):
        db.execute(
            "INSERT INTO article_tags (article_id, tag_id, created) VALUES (?, ?, 'now')",
            [sample[key], tag_id],
        )
    assert ids(store, "tag:乳业") == {sample["a"], sample["c"]}
    assert ids(store, "tag:乳业 振兴") == {sample["c"]}
    assert ids(store, "tag:没有") == set()


def test_notes_are_searched_and_marked(store: Archive, sample: dict[str, int]) -> None:
    db = store.db
    note_id = db.execute(
        "INSERT INTO notes (article_id, text, created, updated) VALUES (?, ?, 'n', 'n')",
        [sample["b"], "待核实：数据来源<b>不明</b>"],
    ).lastrowid
    highlight_id = db.execute(
        'INSERT INTO highlights (article_id, start, "end", quote, color, note, created, '
        "updated) VALUES (?, 0, 2, '乳业', 'yellow', '核实奶牛数量', 'n', 'n')",
        [sample["a"]],
    ).lastrowid
    result = search(store, "note:核实")
    assert result.total == 2
    assert {(h.source, h.note_id, h.highlight_id) for h in result.hits} == {
        ("note", note_id, None),
        ("note", None, highlight_id),
    }
    plain = search(store, "核实")  # a plain query finds notes too, marked as such
    assert [h.source for h in plain.hits] == ["note", "note"]
    note_hit = next(h for h in plain.hits if h.note_id == note_id)
    assert note_hit.matches == [(1, 3)]
    assert "&lt;b&gt;" in note_hit.snippet_html
    assert ids(store, "note:核实 year:2023") == set()
    assert search(store, "title:核实").total == 0
    # Every term of a note hit is in the note itself (the article's text does not count).
    assert [h.highlight_id for h in search(store, "奶牛 note:核实").hits] == [highlight_id]
    assert search(store, "乳业 note:核实").total == 0


def test_traditional_full_width_and_case_fold(store: Archive, sample: dict[str, int]) -> None:
    assert ids(store, "学生") == {sample["e"]}
    assert ids(store, "學生參觀") == {sample["e"]}
    assert ids(store, "ai课程") == {sample["e"]}
    assert ids(store, "ＮＥＷ ＥＮＥＲＧＹ") == {sample["b"], sample["c"]}
    hit = search(store, "实验室").hits[0]
    assert hit.matches == [(6, 9)]  # offsets into the stored (traditional) text


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ('"unclosed', "not closed"),
        ("OR 乳业", "OR"),
        ("乳业 OR", "OR"),
        ("乳业 OR OR 奶业", "OR"),
        ("year:abc", "number"),
        ("year:2024-2020", "backwards"),
        ("issue:2023-x", "number"),
        ("issue:8-2023", "the year, a dash"),
        ("title:", "after the colon"),
        ("-乳业", "only excludes"),
        ("", "type a word"),
        ("-year:2020 乳业", "excluded"),
        ("乳业 OR year:2020", "filters"),
    ],
)
def test_unreadable_queries_say_why(store: Archive, query: str, words: str) -> None:
    with pytest.raises(QuerySyntaxError, match=words):
        search(store, query)


def test_literal_colons_and_dashes_are_text() -> None:
    query = parse_query("比例:3 COVID-19 http://x.cn")
    assert [t.text for t in query.positive_terms()] == ["比例:3", "COVID-19", "http://x.cn"]
    assert parse_query('"-5℃"').positive_terms()[0].text == "-5℃"

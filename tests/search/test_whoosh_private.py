"""Whoosh's private members are used only where checked, and the plain API gives the same
results without them."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from reader.archive import Archive
from reader.search import rebuild_index, search, whoosh_private
from tests.support.archives import add_issue
from tests.support.issues import bare_issue


@pytest.fixture
def plain_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(whoosh_private.PLAIN_ENV, "1")
    whoosh_private.problem.cache_clear()
    yield
    monkeypatch.delenv(whoosh_private.PLAIN_ENV)
    whoosh_private.problem.cache_clear()


def test_the_pinned_whoosh_has_every_private_member_used() -> None:
    # Fails on any other whoosh-reloaded: check its internals, then move the pin.
    assert whoosh_private.problem() is None


def test_plain_api_ranks_and_counts_as_the_private_one(store: Archive, plain_api: None) -> None:
    articles = [
        (f"文章{i}", f"第{i}号：科技创新{i % 7}，乳业{i % 3}。" * (1 + i % 4)) for i in range(300)
    ]
    add_issue(store, bare_issue(articles))
    rebuild_index(store, processes=2)  # no worker segments without the internals: in-process
    assert whoosh_private.available() is False
    plain = search(store, "科技创新3 乳业", limit=50)
    whoosh_private.problem.cache_clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(whoosh_private.PLAIN_ENV)
        whoosh_private.problem.cache_clear()
        assert whoosh_private.available() is True
        rebuild_index(store, processes=2)
        private = search(store, "科技创新3 乳业", limit=50)
    assert plain.total == private.total == sum(1 for i in range(300) if i % 7 == 3)
    assert [(h.article_id, round(h.score, 6)) for h in plain.hits] == [
        (h.article_id, round(h.score, 6)) for h in private.hits
    ]


def test_a_large_in_process_build_writes_bounded_segments_that_rank_the_same(
    store: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.search import words

    articles = [
        (f"文章{i}", f"第{i}号：科技创新{i % 7}，乳业{i % 3}。" * (1 + i % 4)) for i in range(300)
    ]
    add_issue(store, bare_issue(articles))
    rebuild_index(store, processes=0)  # one writer, one segment
    whole = search(store, "科技创新3 乳业", limit=50)
    monkeypatch.setattr(words, "SEGMENT_ARTICLES", 100)
    rebuild_index(store, processes=0)
    with words.open_index(store.search_dir).reader() as reader:
        assert len(reader.leaf_readers()) == 2  # a new one once a batch of 200 passes 100
    parts = search(store, "科技创新3 乳业", limit=50)
    assert parts.total == whole.total == sum(1 for i in range(300) if i % 7 == 3)
    assert [(h.article_id, round(h.score, 6)) for h in parts.hits] == [
        (h.article_id, round(h.score, 6)) for h in whole.hits
    ]


def test_words_read_from_the_mapped_term_table_are_the_words_whoosh_lists(
    store: Archive,
) -> None:
    from reader.search import words

    articles = [
        (f"标题{i}号", f"科技{i % 9}创新，科学院第{i}所，科研与科普；乳业{i % 5}。")
        for i in range(200)
    ]
    add_issue(store, bare_issue(articles))
    rebuild_index(store, processes=0)
    with words.open_index(store.search_dir).reader() as reader:
        (leaf, _offset), *_ = reader.leaf_readers()
        for field in (words.TITLE, words.BODY):
            # a prefix of many words, of one, of none, beyond the last word, and one character
            for prefix in ("科", "科技", "乳业3", "无此词", "\uffff", "第1"):
                plain = [
                    (word, info.doc_frequency())
                    for word, info in itertools.islice(leaf.iter_prefix(field, prefix), 2)
                ]
                mapped = whoosh_private.words_with_prefix(leaf, field, prefix.encode(), 2)
                assert mapped is not None
                assert [(word, info.doc_frequency()) for word, info in mapped] == plain
                for (_word, info), (_same, whole) in zip(
                    mapped, itertools.islice(leaf.iter_prefix(field, prefix), 2), strict=True
                ):
                    assert info.decoded().inlined_postings() == whole.inlined_postings()
        # the limit was reached: more words start with 科 than were asked for
        assert len(list(leaf.iter_prefix(words.BODY, "科"))) > 2

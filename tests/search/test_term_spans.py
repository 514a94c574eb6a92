"""Which query term each painted span is, so every term keeps its own colour."""

from __future__ import annotations

from reader.search import find_spans, query_terms, span_terms


def test_terms_come_in_the_order_typed_without_exclusions_filters_or_repeats() -> None:
    assert query_terms('科技 "成果 转化" -乳业 year:2023 科技 title:平台') == [
        "科技",
        "成果 转化",
        "平台",
    ]
    assert query_terms('科技 "揭榜') == ['科技 "揭榜']  # unreadable: marked as written


def test_each_span_is_told_its_term_longest_first_and_folded() -> None:
    text = "科技厅推动科學成果轉化，科技成果"
    query = "科技 科技厅 成果转化"
    terms = query_terms(query)
    spans = find_spans(text, query)
    named = [
        (text[s:e], terms[t])
        for (s, e), t in zip(spans, span_terms(text, spans, terms), strict=True)
    ]
    assert ("科技厅", "科技厅") in named
    assert ("成果轉化", "成果转化") in named  # traditional characters fold
    assert ("科技", "科技") in named


def test_a_span_cut_at_a_snippet_end_keeps_its_term() -> None:
    assert span_terms("……成果转", [(2, 5)], ["科技", "成果转化"]) == [1]

"""Clashing identities stay two issues; corrected printings keep every earlier text."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.annotations import add_highlight, add_note, list_highlights, list_notes
from reader.archive import Archive
from reader.importer import IMPORTED, UPDATED, import_paths
from reader.store import issues as store
from tests.support.typeset import write_txt
from tests.trust.seeds import corrected, render, seed_issue, seed_texts

pytestmark = pytest.mark.corpus


def _impostor(corpus_dir: Path) -> Any:
    """2022-8's articles under 2023-8's masthead (a misprinted masthead, a 增刊)."""
    masthead = seed_issue(corpus_dir, "000")
    return dataclasses.replace(
        seed_issue(corpus_dir, "004"), year=masthead.year, issue_no=masthead.issue_no
    )


def test_a_clash_is_imported_as_its_own_issue_and_flagged_on_both(
    archive: Archive, corpus_dir: Path, tmp_path: Path, listing: Callable[[], Any]
) -> None:
    import_paths(archive, seed_texts(corpus_dir, tmp_path / "txt")[:1])
    (original,) = listing()
    path = tmp_path / "impostor.pdf"
    render(_impostor(corpus_dir), path)

    report = import_paths(archive, [path])

    (outcome,) = report.outcomes
    assert outcome.status == IMPORTED
    assert outcome.clash_with == (original["id"],)
    assert f"clashes with issue {original['id']}" in outcome.describe()
    first, second = listing()
    assert first["articles"] == original["articles"]  # not one article replaced
    assert len(second["articles"]) == 8
    assert (first["clash_with"], second["clash_with"]) == ([second["id"]], [first["id"]])


def test_editing_one_clashing_issue_clears_the_flag_on_both(
    archive: Archive, corpus_dir: Path, tmp_path: Path, cli: Callable[..., Any], listing: Any
) -> None:
    import_paths(archive, seed_texts(corpus_dir, tmp_path / "txt")[:1])
    write_txt(_impostor(corpus_dir), tmp_path / "impostor.txt")
    import_paths(archive, [tmp_path / "impostor.txt"])
    _, impostor = listing()

    code, _out, err = cli("issue", "set", str(impostor["id"]), "--year", "2022")

    assert code == 0, err
    assert [i["clash_with"] for i in listing()] == [[], []]


def test_new_details_that_claim_another_issues_identity_are_warned_and_can_merge(
    archive: Archive, corpus_dir: Path, tmp_path: Path, cli: Callable[..., Any], listing: Any
) -> None:
    texts = seed_texts(corpus_dir, tmp_path / "txt")
    import_paths(archive, [texts[0], texts[3]])  # 2023-8 and the issue with no masthead
    dated, bare = listing()
    one = bare["articles"][0]["id"]
    add_note(archive.db, one, "无刊头那期的笔记")

    code, _, err = cli(
        "issue",
        "set",
        str(bare["id"]),
        "--series",
        "科技情报参考",
        "--year",
        "2023",
        "--issue-no",
        "8",
    )
    assert code == 0
    assert f"issue {dated['id']} claims the same series, year and number" in err

    code, _, err = cli("issue", "merge", str(bare["id"]), str(dated["id"]))
    assert code == 0, err
    (merged,) = listing()
    assert len(merged["articles"]) == len(dated["articles"]) + len(bare["articles"])
    assert [n.text for n in list_notes(archive.db, one)] == ["无刊头那期的笔记"]
    assert {s["path"] for s in merged["sources"]} == {str(texts[0]), str(texts[3])}


def test_a_corrected_printing_keeps_the_earlier_text_and_says_what_changed(
    archive: Archive, corpus_dir: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    (txt,) = seed_texts(corpus_dir, tmp_path / "txt")[:1]
    import_paths(archive, [txt])
    (issue,) = store.list_issues(archive.db)
    articles = store.issue_articles(archive.db, issue.id)
    target = articles[2]
    quote = target.text[10:20]
    highlight = add_highlight(archive.db, target.id, 10, 20, note="要点")
    sentence = "另据统计，全年新增高新技术企业一百二十家。"
    reprint = tmp_path / "000-corrected.txt"
    write_txt(corrected(seed_issue(corpus_dir, "000"), 2, sentence), reprint)

    report = import_paths(archive, [reprint])

    (outcome,) = report.outcomes
    assert outcome.status == UPDATED
    assert outcome.changed_article_ids == (target.id,)
    assert f"1 of 7 articles changed ({target.title})" in outcome.describe()
    now = store.get_article(archive.db, target.id)
    assert now is not None and sentence in now.text
    assert [a.text for a in store.issue_articles(archive.db, issue.id)][:2] == [
        a.text for a in articles[:2]
    ]
    _code, out, _ = cli("history", str(target.id), "--json")
    (version,) = json.loads(out)
    assert set(version) == {"version", "title", "text", "source_path", "replaced_at"}
    assert (version["version"], version["text"], version["source_path"]) == (
        1,
        target.text,
        str(txt),
    )
    (moved,) = list_highlights(archive.db, target.id)
    assert moved.id == highlight.id and now.text[moved.start : moved.end] == quote

    # A second correction adds a second version; the first stays.
    again = tmp_path / "000-corrected-2.txt"
    write_txt(corrected(seed_issue(corpus_dir, "000"), 2, sentence + "此后再无变化。"), again)
    import_paths(archive, [again])
    history = json.loads(cli("history", str(target.id), "--json")[1])
    assert [v["version"] for v in history] == [1, 2]
    assert history[1]["text"] == now.text and history[1]["source_path"] == str(reprint)

"""The same issue from another file is recognised by its content; its text stays."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.archive import Archive
from reader.importer import ALREADY, IMPORTED, UPDATED, import_paths
from reader.parsing.files import parse_file
from reader.store import issues as store
from tests.trust.seeds import (
    render,
    renditions,
    seed_issue,
    seed_texts,
    with_extraction_noise,
    without_masthead,
)

pytestmark = pytest.mark.corpus


def _texts(archive: Archive) -> dict[int, list[tuple[str, str]]]:
    return {
        issue.id: [(a.title, a.text) for a in store.issue_articles(archive.db, issue.id)]
        for issue in store.list_issues(archive.db)
    }


def test_text_then_pdf_then_docx_changes_no_text(
    archive: Archive, corpus_dir: Path, tmp_path: Path, listing: Callable[[], Any]
) -> None:
    first = import_paths(archive, seed_texts(corpus_dir, tmp_path / "txt"))
    assert [o.status for o in first.outcomes] == [IMPORTED] * 5
    before = _texts(archive)

    for suffix in (".pdf", ".docx"):
        report = import_paths(archive, renditions(corpus_dir, tmp_path / suffix[1:], suffix))
        assert [o.status for o in report.outcomes] == [ALREADY] * 5, report.summary()
        for outcome in report.outcomes:
            assert outcome.describe() == (
                f"already there: {outcome.path} — another rendition of issue {outcome.issue_id}"
            )

    assert _texts(archive) == before
    for issue in listing():
        assert [s["format"] for s in issue["sources"]] == ["txt", "pdf", "docx"]
        assert [s["in_use"] for s in issue["sources"]] == [True, False, False]
        assert issue["source_format"] == "txt"


def test_a_noisy_pdf_is_still_a_rendition_and_keeps_the_clean_text(
    archive: Archive, corpus_dir: Path, tmp_path: Path
) -> None:
    import_paths(archive, seed_texts(corpus_dir, tmp_path / "txt"))
    before = _texts(archive)
    noisy = [
        render(with_extraction_noise(seed_issue(corpus_dir, p)), tmp_path / f"{p}.pdf")
        for p in ("000", "002", "004")
    ]

    read = [a.text for a in parse_file(noisy[0])[1].articles]
    stored = {text for texts in before.values() for _, text in texts}
    assert not set(read) & stored  # every article reads a little differently

    report = import_paths(archive, noisy)

    assert [o.status for o in report.outcomes] == [ALREADY] * 3, [
        o.describe() for o in report.outcomes
    ]
    assert _texts(archive) == before
    assert store.count_articles(archive.db) == sum(len(v) for v in before.values())


def test_renditions_without_a_masthead_are_recognised(
    archive: Archive, corpus_dir: Path, tmp_path: Path
) -> None:
    import_paths(archive, seed_texts(corpus_dir, tmp_path / "txt"))
    by_name = {Path(i.source_path or "").name[:3]: i.id for i in store.list_issues(archive.db)}
    bare = render(without_masthead(seed_issue(corpus_dir, "000")), tmp_path / "bare-000.pdf")
    unknown = render(seed_issue(corpus_dir, "003"), tmp_path / "003.docx")

    report = import_paths(archive, [bare, unknown])

    assert [(o.status, o.issue_id) for o in report.outcomes] == [
        (ALREADY, by_name["000"]),
        (ALREADY, by_name["003"]),
    ]
    assert len(store.list_issues(archive.db)) == 5


def test_a_better_rendition_is_taken_only_when_the_editor_asks(
    archive: Archive, corpus_dir: Path, tmp_path: Path, cli: Callable[..., Any], listing: Any
) -> None:
    issue = seed_issue(corpus_dir, "000")
    pdf = render(with_extraction_noise(issue), tmp_path / "000.pdf")
    import_paths(archive, [pdf])
    (txt,) = seed_texts(corpus_dir, tmp_path / "txt")[:1]
    noisy_text = _texts(archive)

    assert [o.status for o in import_paths(archive, [txt]).outcomes] == [ALREADY]
    assert _texts(archive) == noisy_text  # never automatically

    (entry,) = listing()
    pdf_source, txt_source = entry["sources"]
    assert (pdf_source["format"], pdf_source["in_use"]) == ("pdf", True)
    assert (txt_source["format"], txt_source["better"]) == ("txt", True)

    code, out, err = cli("issue", "use-source", str(entry["id"]), str(txt_source["id"]))
    assert code == 0, err

    (entry,) = listing()
    assert [a["text"] for a in entry["articles"]] == [a.text for a in issue.articles]
    assert entry["source_format"] == "txt"
    old_texts = [text for _, text in noisy_text[entry["id"]]]
    changed = [a for a in entry["articles"] if a["text"] != old_texts[a["ordinal"] - 1]]
    assert changed
    code, out, _ = cli("history", str(changed[0]["id"]), "--json")
    (version,) = json.loads(out)
    assert version["text"] == old_texts[changed[0]["ordinal"] - 1]
    assert version["source_path"] == str(pdf)


def test_use_source_refuses_a_file_of_another_issue(
    archive: Archive, corpus_dir: Path, tmp_path: Path, cli: Callable[..., Any], listing: Any
) -> None:
    import_paths(archive, seed_texts(corpus_dir, tmp_path / "txt")[:2])
    one, two = listing()

    code, _, err = cli("issue", "use-source", str(one["id"]), str(two["sources"][0]["id"]))

    assert code == 2
    assert f"is not a source of issue {one['id']}" in err


def test_a_corrected_printing_is_an_update_not_a_rendition(
    archive: Archive, corpus_dir: Path, tmp_path: Path
) -> None:
    import_paths(archive, seed_texts(corpus_dir, tmp_path / "txt")[:1])
    issue = seed_issue(corpus_dir, "000")
    issue.articles[2].paragraphs[0] += "另据统计，全年新增高新技术企业一百二十家。"
    report = import_paths(archive, [render(issue, tmp_path / "000-corrected.pdf")])
    assert [o.status for o in report.outcomes] == [UPDATED]

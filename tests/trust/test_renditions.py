"""The same issue from another file is recognised by its content; its text stays."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.archive import Archive
from reader.importer import ALREADY, IMPORTED, UPDATED, import_paths
from reader.parsing.files import parse_file
from reader.parsing.model import ParsedIssue
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


def test_a_re_encoded_text_is_another_rendition(
    archive: Archive, corpus_dir: Path, tmp_path: Path, listing: Callable[[], Any]
) -> None:
    (txt,) = seed_texts(corpus_dir, tmp_path / "txt")[:1]
    import_paths(archive, [txt])
    before = _texts(archive)
    gbk = tmp_path / "gbk" / txt.name
    gbk.parent.mkdir()
    gbk.write_bytes(txt.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))

    (outcome,) = import_paths(archive, [gbk]).outcomes

    assert outcome.describe() == f"already there: {gbk} — another rendition of issue 1"
    assert _texts(archive) == before
    (entry,) = listing()
    assert [(s["path"], s["in_use"], s["better"]) for s in entry["sources"]] == [
        (str(txt), True, False),
        (str(gbk), False, False),
    ]


def test_better_is_text_over_docx_over_pdf(
    archive: Archive, corpus_dir: Path, tmp_path: Path, cli: Callable[..., Any], listing: Any
) -> None:
    issue = seed_issue(corpus_dir, "001")
    files = [
        render(issue, tmp_path / "001.pdf"),
        render(issue, tmp_path / "001.docx"),
        next(p for p in seed_texts(corpus_dir, tmp_path / "txt") if p.name.startswith("001")),
    ]
    report = import_paths(archive, files)
    assert [o.status for o in report.outcomes] == [IMPORTED, ALREADY, ALREADY]

    (entry,) = listing()
    assert [(s["format"], s["in_use"], s["better"]) for s in entry["sources"]] == [
        ("pdf", True, False),
        ("docx", False, True),
        ("txt", False, True),
    ]
    docx = entry["sources"][1]["id"]
    assert cli("issue", "use-source", str(entry["id"]), str(docx))[0] == 0

    (entry,) = listing()
    assert [(s["format"], s["in_use"], s["better"]) for s in entry["sources"]] == [
        ("pdf", False, False),
        ("docx", True, False),
        ("txt", False, True),
    ]


def _as_scan(monkeypatch: pytest.MonkeyPatch, scan: Path, issue: ParsedIssue) -> None:
    """``scan`` reads as ``issue`` read by OCR: noisy text, a confidence for each page.

    The OCR engine itself is tested with real scans elsewhere; here what matters is that
    the archive knows an OCR text for what it is, though its file says only ``pdf``.
    """
    import reader.importer

    with scan.open("ab") as out:  # other bytes than the text PDF typeset alike
        out.write(b"\n%scan\n")
    real_parse = reader.importer._parse
    read = dataclasses.replace(
        with_extraction_noise(issue, every=150), page_confidence=[0.93, 0.95, 0.91]
    )

    def parse(path: Path) -> tuple[str, ParsedIssue]:
        return ("pdf", read) if path == scan else real_parse(path)

    monkeypatch.setattr(reader.importer, "_parse", parse)


def test_a_scan_after_the_text_pdf_is_a_rendition_not_a_correction(
    archive: Archive, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue = seed_issue(corpus_dir, "000")
    import_paths(archive, [render(issue, tmp_path / "000.pdf")])
    before = _texts(archive)
    scan = render(issue, tmp_path / "000-scan.pdf")
    _as_scan(monkeypatch, scan, issue)

    (outcome,) = import_paths(archive, [scan]).outcomes

    assert outcome.status == ALREADY, outcome.describe()
    assert _texts(archive) == before


def test_the_text_pdf_after_a_scan_is_a_better_rendition(
    archive: Archive,
    corpus_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cli: Callable[..., Any],
    listing: Any,
) -> None:
    issue = seed_issue(corpus_dir, "000")
    scan = render(issue, tmp_path / "000-scan.pdf")
    _as_scan(monkeypatch, scan, issue)
    import_paths(archive, [scan])
    ocr_texts = _texts(archive)

    (outcome,) = import_paths(archive, [render(issue, tmp_path / "000.pdf")]).outcomes

    assert outcome.status == ALREADY, outcome.describe()
    assert _texts(archive) == ocr_texts  # never automatically
    (entry,) = listing()
    assert entry["ocr_confidence"] == [0.93, 0.95, 0.91]
    assert [(s["in_use"], s["better"]) for s in entry["sources"]] == [(True, False), (False, True)]
    assert cli("issue", "use-source", str(entry["id"]), str(entry["sources"][1]["id"]))[0] == 0
    (entry,) = listing()
    assert entry["ocr_confidence"] is None
    assert [a["text"] for a in entry["articles"]] == [
        a.text for a in parse_file(tmp_path / "000.pdf")[1].articles
    ]


def _with_running_number_column_and_source(text: str) -> str:
    """A seed's text with 总第 156 期, a date, a 栏目 heading and a source line added."""
    text = text.replace("2023 年第 8 期", "2023 年第 8 期（总第 156 期）\n\n2023年8月15日", 1)
    first = text.index("\n国家乳业技术创新中心实现五个里程碑式进展\n")
    text = text[:first] + "\n【政策动态】\n" + text[first:]
    second = text.index("\n湖北宜昌：积极推动数字经济发展\n")
    return text[:second] + "\n（来源：科技日报）\n" + text[second:]


def test_taking_a_rendition_keeps_what_it_printed_besides_the_text(
    archive: Archive, corpus_dir: Path, tmp_path: Path, cli: Callable[..., Any], listing: Any
) -> None:
    issue = seed_issue(corpus_dir, "000")
    import_paths(archive, [render(with_extraction_noise(issue), tmp_path / "000.pdf")])
    (seed,) = seed_texts(corpus_dir, tmp_path / "txt")[:1]
    seed.write_text(
        _with_running_number_column_and_source(seed.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    assert [o.status for o in import_paths(archive, [seed]).outcomes] == [ALREADY]
    (entry,) = listing()
    assert (entry["total_no"], entry["articles"][0]["column"]) == (None, None)

    assert cli("issue", "use-source", str(entry["id"]), str(entry["sources"][1]["id"]))[0] == 0

    (taken,) = listing()
    assert (taken["total_no"], taken["date"]) == (156, "2023-08-15")
    first, second = taken["articles"][:2]
    assert (first["column"], first["source"]) == ("政策动态", "科技日报")
    assert (second["column"], second["source"]) == ("政策动态", None)

"""Regions, keywords and edited reprints derived at import, on the seed issues."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.regions import article_regions
from tests.intel.conftest import article_by_title, run_json, write_reprint_issue
from tests.support.cli import run_cli


@pytest.mark.parametrize(
    ("title", "province", "city"),
    [
        ("南京市扎实推进原始创新", "江苏省", "南京市"),
        ("宁波海曙区硬科技创新攻坚", "浙江省", "宁波市"),
        ("宜昌加快数字经济发展", "湖北省", "宜昌市"),
        ("湖北潜江：强化科技创新", "湖北省", "潜江市"),
    ],
)
def test_cities_map_to_their_province(title: str, province: str, city: str) -> None:
    regions = {(r.province, r.city) for r in article_regions(title, "")}
    assert regions == {(province, ""), (province, city)}


def test_title_decides_over_a_passing_mention_in_the_body() -> None:
    regions = article_regions("安徽省阜阳市聚力推动科产融合", "联合南京农业大学开展攻关。")
    assert {r.province for r in regions} == {"安徽省"}
    untitled = article_regions(
        "科技创新联合体", "内蒙古组建联合体。内蒙古各盟市。南京一家企业参与。"
    )
    assert {r.province for r in untitled} == {"内蒙古自治区"}


def test_region_filter_finds_the_nanjing_articles(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_json(seeded, capsys, "search", "region:江苏", "--limit", "50")
    titles = [hit["title"] for hit in result["hits"]]
    assert result["total"] == len(titles) == 3
    assert all("南京" in title for title in titles)
    # A city finds the same articles; the province's full name too; the word alone finds more.
    assert run_json(seeded, capsys, "search", "region:南京")["total"] == 3
    assert run_json(seeded, capsys, "search", "region:江苏省 创新")["total"] == 3
    assert run_json(seeded, capsys, "search", "南京")["total"] > 3
    assert run_json(seeded, capsys, "search", "region:湖北 year:2023")["total"] >= 1
    assert run_json(seeded, capsys, "search", "region:火星")["total"] == 0


def test_show_gives_regions_and_keywords(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article_id, _, _ = article_by_title(seeded, "宁波海曙区")
    shown = run_json(seeded, capsys, "show", str(article_id))
    assert {(r["province"], r["city"]) for r in shown["regions"]} == {
        ("浙江省", ""),
        ("浙江省", "宁波市"),
    }
    assert shown["regions"][0]["in_title"] is True
    assert 3 <= len(shown["keywords"]) <= 8 and "海曙区" in shown["keywords"]
    keyword = shown["keywords"][0]
    found = run_json(seeded, capsys, "search", f"keyword:{keyword}", "--limit", "50")
    assert article_id in {hit["article_id"] for hit in found["hits"]}


def test_edited_reprint_is_linked_and_unrelated_articles_are_not(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original, title, text = article_by_title(seeded, "南京市扎实推进原始创新")
    # The two printings already in the seed issues are the very same text: same_text_as.
    shown = run_json(seeded, capsys, "show", str(original))
    assert shown["similar_to"] == [] and len(shown["same_text_as"]) == 1
    path = write_reprint_issue(tmp_path / "reprint.txt", title, text)
    assert run_cli(seeded, capsys, "import", str(path))[0] == 0
    reprint, reprint_title, _ = article_by_title(seeded, "（转载）")
    assert reprint_title.startswith("南京市")
    links = run_json(seeded, capsys, "show", str(reprint))["similar_to"]
    linked = {link["article_id"] for link in links}
    assert linked == {original, *shown["same_text_as"]}
    assert all(0.5 <= link["similarity"] < 1.0 for link in links)
    back = run_json(seeded, capsys, "show", str(original))["similar_to"]
    assert [link["article_id"] for link in back] == [reprint]
    # Another article on 南京 (its finance), and the 乳业 filler, are not reprints of anything.
    other, _, _ = article_by_title(seeded, "南京市积极打造金融服务")
    assert run_json(seeded, capsys, "show", str(other))["similar_to"] == []
    filler, _, _ = article_by_title(seeded, "某地推动乳业振兴")
    assert run_json(seeded, capsys, "show", str(filler))["similar_to"] == []
    code, out, _ = run_cli(seeded, capsys, "show", str(reprint))
    assert code == 0 and f"另见文章 {original}" in out


def test_every_seed_article_is_derived_once(seeded: Path) -> None:
    from reader.archive import Archive
    from reader.derived import articles_to_derive

    with Archive(seeded) as archive:
        count = archive.db.execute("SELECT COUNT(*) FROM article_derived").fetchone()[0]
        assert count == archive.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert articles_to_derive(archive, []) == []
        pairs = archive.db.execute(
            "SELECT s.article_id, s.other_id FROM article_similar s JOIN articles a "
            "ON a.id = s.article_id JOIN articles b ON b.id = s.other_id "
            "WHERE a.content_hash != b.content_hash"
        ).fetchall()
    assert pairs == []  # no two different seed articles are taken for reprints


def test_articles_in_the_trash_leave_the_region_view_and_reprint_links(seeded: Path) -> None:
    from reader.archive import Archive
    from reader.regions import articles_in_region, city_counts
    from reader.store.trash import trash_issues

    original, _, _ = article_by_title(seeded, "南京市扎实推进原始创新")
    with Archive(seeded) as archive:
        assert city_counts(archive.db, "江苏省") == [("南京市", 3)]
        issue_id = archive.db.execute(
            "SELECT issue_id FROM articles WHERE id = ?", [original]
        ).fetchone()[0]
        trash_issues(archive.db, [issue_id])
        assert city_counts(archive.db, "江苏省") == [("南京市", 2)]
        assert original not in [a for a, _t in articles_in_region(archive.db, "江苏省", "南京市")]

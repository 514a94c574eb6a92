"""Regions (地区): the provinces and cities an article is about, from a shipped gazetteer.

The gazetteer (``resources/gazetteer/regions.tsv``, derived from the cpca package's table of
administrative divisions; see its README) gives every province, prefecture-level city and
county with its province and city. An article's regions are those its title names, else
those its body names more than once. At each position the longest name is taken: full
names (南京市, 海曙区, 潜江市) and the short forms of provinces, cities and county-level
cities (江苏, 宜昌, 潜江). A county maps to its city and province, a city to its province.
Short forms that are everyday words (安康, 东方, 合作…) and names shared by two places are
not used; full names shared by two places are dropped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from reader.paths import resource_path

# Short forms that read as ordinary words far more often than as the place.
COMMON_WORD_SHORT_NAMES = frozenset(
    [
        "安康",
        "大同",
        "长治",
        "来宾",
        "东方",
        "阿里",
        "普洱",
        "中山",
        "开平",
        "永康",
        "安宁",
        "合作",
        "龙井",
        "和龙",
        "大安",
        "永安",
        "福安",
        "新民",
        "樟树",
        "庐山",
        "洪湖",
        "赤壁",
        "凤凰",
        "咸丰",
        "金川",
        "小金",
        "黑水",
        "理县",
        "茂县",
        "长寿",
        "万年",
        "和平",
        "新华",
        "城关",
        "龙山",
        "永顺",
        "古丈",
        "安图",
        "汪清",
        "巴东",
        "建始",
        "宣恩",
        "来凤",
        "鹤峰",
        "高新",
        "开发",
        "新城",
        "江北",
        "江南",
        "河东",
        "河西",
        "城中",
        "城东",
        "城西",
        "城南",
        "城北",
        "郊区",
        "矿区",
        "中原",
        "华南",
        "华北",
        "东北",
        "西北",
        "西南",
        "东南",
        "北方",
        "南方",
        "白云",
        "青山",
        "和田",
        "平安",
        "宁安",
        "海城",
        "新乐",
        "安达",
        "共和",
        "民和",
        "乐都",
        "宁国",
        "明光",
        "天长",
        "界首",
        "泰山",
        "黄山",
        "峨眉山",
        "武夷山",
        "井冈山",
        "韶山",
        "德令哈",
    ]
)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a name points: a province, and a prefecture-level city when there is one."""

    province: str
    city: str = ""


@dataclass(frozen=True, slots=True)
class Region:
    """One region an article is about, and whether its title names it."""

    province: str
    city: str
    in_title: bool

    def to_json(self) -> dict[str, Any]:
        return {"province": self.province, "city": self.city, "in_title": self.in_title}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: dict[str, Place]
    lengths_by_first: dict[str, tuple[int, ...]]
    short_province: dict[str, str]  # 江苏省 → 江苏
    provinces_by_short: dict[str, str]  # 江苏 → 江苏省
    city_province: dict[str, str]  # 南京市 → 江苏省


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read once from ``resources/gazetteer/regions.tsv``."""
    full: dict[str, set[Place]] = {}
    short: dict[str, set[Place]] = {}
    short_province: dict[str, str] = {}
    city_province: dict[str, str] = {}
    path = resource_path("gazetteer", "regions.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            kind, name, short_name = row["kind"], row["name"], row["short"]
            province, city = row["province"], row["city"]
            place = Place(province, city if kind != "province" else "")
            full.setdefault(name, set()).add(place)
            if kind == "province":
                short_province[name] = short_name
            elif kind == "city":
                city_province[name] = province
            use_short = kind in ("province", "city") or name.endswith("市")
            if use_short and short_name != name and short_name not in COMMON_WORD_SHORT_NAMES:
                short.setdefault(short_name, set()).add(place)
    names: dict[str, Place] = {}
    for name, places in short.items():
        if len(places) == 1 and len(name) >= 2:
            names[name] = next(iter(places))
    for name, places in full.items():
        if len(places) == 1:
            names[name] = next(iter(places))
        else:
            names.pop(name, None)
    for province in short_province:  # a province's own names always win (海南 over 海南州)
        names[province] = Place(province)
        names[short_province[province]] = Place(province)
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[0], set()).add(len(name))
    return Gazetteer(
        names=names,
        lengths_by_first={k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
        short_province=short_province,
        provinces_by_short={v: k for k, v in short_province.items()},
        city_province=city_province,
    )


def place_counts(text: str) -> dict[Place, int]:
    """The places named in ``text`` with how often, in order of first mention; at each
    position the longest name is taken."""
    found: dict[Place, int] = {}
    table = gazetteer()
    names, lengths_by_first = table.names, table.lengths_by_first
    i, n = 0, len(text)
    while i < n:
        step = 1
        for length in lengths_by_first.get(text[i], ()):
            place = names.get(text[i : i + length])
            if place is not None:
                found[place] = found.get(place, 0) + 1
                step = length
                break
        i += step
    return found


def places_in(text: str) -> list[Place]:
    """The places named in ``text``, in order of first mention."""
    return list(place_counts(text))


def article_regions(title: str, text: str) -> list[Region]:
    """The regions an article is about: those its title names; when it names none, those
    its body names more than once (or the first it names), so that a passing mention (a
    partner university in another province) does not make the article about that place."""
    titled = places_in(title)
    if titled:
        places, in_title = titled, True
    else:
        counts = place_counts(text)
        places = [place for place, count in counts.items() if count > 1] or list(counts)[:1]
        in_title = False
    regions: dict[tuple[str, str], Region] = {}
    for place in places:
        regions.setdefault((place.province, ""), Region(place.province, "", in_title))
        if place.city:
            regions.setdefault((place.province, place.city), Region(*_key(place), in_title))
    return list(regions.values())


def _key(place: Place) -> tuple[str, str]:
    return place.province, place.city


def province_short(province: str) -> str:
    """江苏省 → 江苏 (for display)."""
    return gazetteer().short_province.get(province, province)


def resolve_region(value: str) -> Place | None:
    """What ``region:VALUE`` names: a province (江苏, 江苏省) or a city (南京, 南京市)."""
    value = value.strip()
    table = gazetteer()
    if value in table.provinces_by_short:
        return Place(table.provinces_by_short[value])
    place = table.names.get(value)
    if place is None:
        return None
    return place if place.city else Place(place.province)


def region_filter_sql(values: Iterable[str]) -> tuple[str, list[Any]]:
    """A WHERE clause over ``{id}`` keeping the articles about any of ``values``."""
    parts: list[str] = []
    params: list[Any] = []
    for value in values:
        place = resolve_region(value)
        if place is None:
            continue
        if place.city:
            parts.append("(province = ? AND city = ?)")
            params += [place.province, place.city]
        else:
            parts.append("province = ?")
            params.append(place.province)
    if not parts:
        return "0", []
    where = " OR ".join(parts)
    return f"{{id}} IN (SELECT article_id FROM article_regions WHERE {where})", params


def store_regions(db: Database, article_id: int, regions: list[Region]) -> None:
    """Replace the stored regions of one article."""
    db.execute("DELETE FROM article_regions WHERE article_id = ?", [article_id])
    db.conn.executemany(
        "INSERT INTO article_regions (article_id, province, city, in_title) VALUES (?, ?, ?, ?)",
        [(article_id, r.province, r.city, int(r.in_title)) for r in regions],
    )


def regions_of(db: Database, article_id: int) -> list[Region]:
    """The stored regions of one article: title first, provinces before their cities."""
    rows = db.execute(
        "SELECT province, city, in_title FROM article_regions WHERE article_id = ? "
        "ORDER BY in_title DESC, rowid",
        [article_id],
    ).fetchall()
    return [Region(row[0], row[1], bool(row[2])) for row in rows]


# Regions of articles not in the trash (``r`` is article_regions).
_LIVE = (
    "JOIN articles a ON a.id = r.article_id "
    "JOIN issues i ON i.id = a.issue_id AND i.deleted_at IS NULL"
)


def provinces_in_archive(db: Database) -> list[str]:
    """The provinces some article is about, most articles first (the window's filter)."""
    rows = db.execute(
        f"SELECT r.province FROM article_regions r {_LIVE} "
        "WHERE r.city = '' GROUP BY r.province ORDER BY COUNT(*) DESC, r.province"
    )
    return [row[0] for row in rows]


def province_counts(db: Database) -> list[tuple[str, int]]:
    """``(province, article count)`` of every province some article is about, by name."""
    rows = db.execute(
        f"SELECT r.province, COUNT(*) FROM article_regions r {_LIVE} "
        "WHERE r.city = '' GROUP BY r.province ORDER BY r.province"
    )
    return [(row[0], int(row[1])) for row in rows]


def city_counts(db: Database, province: str) -> list[tuple[str, int]]:
    """``(city, article count)`` of the province's cities some article is about."""
    rows = db.execute(
        f"SELECT r.city, COUNT(*) FROM article_regions r {_LIVE} "
        "WHERE r.province = ? AND r.city != '' GROUP BY r.city ORDER BY r.city",
        [province],
    )
    return [(row[0], int(row[1])) for row in rows]


def articles_in_region(db: Database, province: str, city: str | None) -> list[tuple[int, str]]:
    """``(article id, title)`` about a city, or (``city`` None) about the province and none
    of its cities; newest first."""
    if city is not None:
        where, params = "r.province = ? AND r.city = ?", [province, city]
    else:
        where = (
            "r.province = ? AND r.city = '' AND NOT EXISTS (SELECT 1 FROM article_regions c "
            "WHERE c.article_id = r.article_id AND c.province = r.province AND c.city != '')"
        )
        params = [province]
    rows = db.execute(
        "SELECT a.id, a.title FROM article_regions r JOIN articles a ON a.id = r.article_id "
        f"JOIN issues i ON i.id = a.issue_id AND i.deleted_at IS NULL WHERE {where} "
        "ORDER BY i.year DESC, i.issue_no DESC, a.ordinal",
        params,
    )
    return [(int(row[0]), row[1]) for row in rows]

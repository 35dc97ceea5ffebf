"""Chinese articles for the benchmark, in the shapes of the real Chinese corpus.

    python -m bench.corpus OUT_DIR -n 1000 --language zh

A China News Service or Xinhua wire dateline ("中新网济南1月6日电 (记者 孙婷婷)"),
then paragraphs of provincial plans with enumerated sectors closed by 等,
targets in Arabic and Chinese numerals (到2027年, 突破100亿元, 十五个), and
experts quoted in the "ORG + TITLE + NAME 表示" and "“…”NAME说" shapes. The
vocabulary is the Chinese names in seeds/reference. Article i depends only
on (seed, i), like the English corpus.
"""

from __future__ import annotations

import functools
import json
import random
from dataclasses import dataclass
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "seeds" / "reference"
TARGET_CHARS = 1400  # about 4 KB of UTF-8, like an English article

SURNAMES = "李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = ("伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
         "秀英", "华", "建国", "志强", "晓东", "海涛", "丽华", "文杰", "国庆", "红梅", "永刚", "思远")  # fmt: skip
ORGANIZATIONS = (
    "中国社会科学院工业经济研究所", "赛迪研究院", "国务院发展研究中心产业经济研究部",
    "清华大学经济管理学院", "中国宏观经济研究院", "中国电子信息产业发展研究院",
)  # fmt: skip
TITLES = ("所长", "研究员", "副院长", "教授", "主任", "副所长")
OFFICIAL_TITLES = ("省工业和信息化厅厅长", "省发展和改革委员会主任", "市委书记", "市长")
VERBS = ("表示", "指出", "认为", "介绍")
CATEGORIES = ("未来产业", "战略性新兴产业", "产业集群", "新兴产业")
MEASURES = (("个", "产业集群"), ("条", "重点产业链"), ("家", "专精特新企业"), ("个", "创新平台"))
CHINESE_NUMERALS = ("三", "五", "八", "十", "十二", "十五", "二十")


@dataclass(frozen=True)
class _Vocabulary:
    provinces: tuple[tuple[str, str], ...]  # (full name, short name)
    cities: tuple[str, ...]
    sectors: tuple[str, ...]


@functools.cache
def _vocabulary() -> _Vocabulary:
    provinces = json.loads((REFERENCE_DIR / "provinces.json").read_text(encoding="utf-8"))
    sectors = json.loads((REFERENCE_DIR / "sectors.json").read_text(encoding="utf-8"))
    cities = json.loads((REFERENCE_DIR / "cities.json").read_text(encoding="utf-8"))
    return _Vocabulary(
        provinces=tuple(
            (next((a for a in p["aliases"] if not a.isascii()), p["name_zh"]), p["name_zh"])
            for p in provinces
        ),
        cities=tuple(c["short_zh"] for c in cities if c["level"] == "prefecture"),
        sectors=tuple(a for s in sectors for a in s["aliases"] if not a.isascii()),
    )


class _Article:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vocab = _vocabulary()
        self.year = rng.randint(2023, 2025)

    def province(self) -> str:
        full, short = self.rng.choice(self.vocab.provinces)
        return full if self.rng.random() < 0.4 else short

    def sectors(self, k: int) -> str:
        return "、".join(self.rng.sample(self.vocab.sectors, k))

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)

    def number(self) -> str:
        if self.rng.random() < 0.3:
            return self.rng.choice(CHINESE_NUMERALS)
        return str(self.rng.randint(3, 60))


def _header(a: _Article) -> str:
    city = a.rng.choice(a.vocab.cities)
    month, day = a.rng.randint(1, 12), a.rng.randint(1, 28)
    if a.rng.random() < 0.5:
        return f"中新网{city}{month}月{day}日电 (记者 {a.person()})"
    return f"新华社{city}{month}月{day}日电(记者{a.person()}、{a.person()})"


def _plan(a: _Article) -> str:
    count, (measure, noun) = a.number(), a.rng.choice(MEASURES)
    return (
        f"{a.province()}提出,到{a.year + 2}年,将培育{count}{measure}{noun},"
        f"加快发展{a.sectors(3)}等{a.rng.choice(CATEGORIES)}。"
    )


def _work_report(a: _Article) -> str:
    return (
        f"{a.province()}政府工作报告提出,要重点发展{a.sectors(2)}和{a.sectors(1)},"
        f"力争{a.sectors(1)}产业规模突破{a.rng.randint(100, 3000)}亿元。"
    )


def _expert(a: _Article) -> str:
    org, title = a.rng.choice(ORGANIZATIONS), a.rng.choice(TITLES)
    return (
        f"{org}{title}{a.person()}{a.rng.choice(VERBS)},{a.province()}在{a.sectors(1)}领域"
        f"具有较好基础,下一步要加快推动{a.sectors(2)}融合发展。"
    )


def _quote(a: _Article) -> str:
    title = a.rng.choice(OFFICIAL_TITLES)
    return f"“我们将抢抓{a.sectors(1)}发展机遇,推动产业集群化发展。”{title}{a.person()}说。"


def _achievement(a: _Article) -> str:
    return f"{a.year - 1}年,{a.province()}{a.sectors(1)}产业产值突破{a.rng.randint(50, 900)}亿元,同比增长{a.rng.randint(3, 30)}%。"


PARAGRAPHS = (_plan, _work_report, _expert, _quote, _achievement)


def chinese_article_text(index: int, seed: int) -> str:
    rng = random.Random(f"bench-corpus-zh:{seed}:{index}")
    a = _Article(rng)
    paragraphs = [_header(a) + _plan(a)]
    size = len(paragraphs[0])
    while size < TARGET_CHARS:
        paragraph = rng.choice(PARAGRAPHS)(a)
        paragraphs.append(paragraph)
        size += len(paragraph)
    return "\n\n".join(paragraphs) + "\n"

"""A deterministic synthetic corpus of industrial-policy news articles.

    python -m bench.corpus OUT_DIR -n 10000 --seed 1

Each article (~4 KB) is written in one of the styles the ETL reads: China
News Service (the seed's "China News Service, Beijing, February 25 (Reporter
...)" header, or a "BEIJING, March 5 (China News Service) --" dateline),
Xinhua ("SHANGHAI, Jan. 12 (Xinhua) --") and China Daily features ("By NAME
in CITY | China Daily | Updated: 2025-03-06 09:12" and a headline). The
vocabulary comes from seeds/reference/*.json, so all 34 provinces and every
sector of the taxonomy turn up, together with numeric targets, events
(conferences, government work reports, plans, policies) and experts quoted
directly and in reported speech: the extractor does its full work.

Article i depends only on (seed, i) through its own random.Random, never on
global random state or the clock: the same seed gives a byte-identical
corpus, and the first 500 articles of a 10,000-article corpus are the
500-article corpus. Articles are generated and written one at a time, so
memory stays flat whatever N is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "seeds" / "reference"
TARGET_BYTES = 4000

# --- vocabulary -------------------------------------------------------------

SURNAMES = (
    "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun",
    "Hu", "Zhu", "Gao", "Lin", "Guo", "Ma", "Luo", "Liang", "Song", "Zheng", "Xie", "Han",
    "Tang", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan",
    "Cai", "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lyu", "Ding", "Ren", "Lu", "Yao",
    "Ouyang", "Qian",
)  # fmt: skip
GIVEN_NAMES = (
    "Hongwei", "Yuying", "Jing", "Ming", "Lin", "Wei", "Xiaomin", "Zhiqiang", "Xiaoyun",
    "Haitao", "Rui", "Qiao", "Mingyuan", "Jianguo", "Lihua", "Xiaodong", "Yan", "Fang",
    "Jun", "Tao", "Hui", "Xin", "Peng", "Yifan", "Zihan", "Haoran", "Yuxuan", "Shuang",
    "Chenxi", "Jiayi", "Wenjie", "Guoqiang", "Yongmei", "Dongsheng", "Kaiwen", "Ruoxi",
)  # fmt: skip
UNIVERSITIES = (
    "Peking University", "Tsinghua University", "Fudan University", "Zhejiang University",
    "Xiamen University", "Wuhan University", "Nankai University", "Sun Yat-sen University",
    "Renmin University of China", "Shanghai Jiao Tong University", "Sichuan University",
)  # fmt: skip
FIRMS = (
    "Jinhai Securities", "Huaxin Securities", "Dongfang Securities", "Zhongtai Capital",
    "Haixia Investment Group", "Changjiang Research Institute", "Tianfu Consulting Group",
)  # fmt: skip
TITLES = (
    "director", "deputy director", "researcher", "senior researcher", "professor",
    "associate professor", "chief economist", "senior analyst", "dean", "vice president",
)  # fmt: skip
OUTLET_INTERVIEWERS = (
    "a reporter from China News Service", "Xinhua", "China Daily", "the Global Times",
)  # fmt: skip

GROWTH_VERBS = (
    "develop", "cultivate", "upgrade", "expand", "strengthen", "foster", "speed up",
    "accelerate the development of", "promote the integrated development of",
    "build a national base for", "give priority to", "nurture",
)  # fmt: skip
TARGET_VERBS = ("build", "cultivate", "launch", "set up", "nurture", "create", "foster")
APPROX = ("", "", "", "around", "about", "more than", "at least", "some", "nearly")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve")
# (modifiers, head): the counted things of "build 50 key industrial chains".
TARGET_NOUNS = (
    ("key industrial", "chains"),
    ("provincial emerging industry", "clusters"),
    ("provincial-level future industrial", "clusters"),
    ("advanced manufacturing", "clusters"),
    ("specialized and sophisticated", "enterprises"),
    ("specialized", "enterprises"),
    ("leading", "enterprises"),
    ("single-product champion", "enterprises"),
    ("high-tech", "companies"),
    ("provincial-level industrial", "parks"),
    ("specialized industrial", "parks"),
    ("major industrial", "projects"),
    ("digital transformation", "projects"),
    ("manufacturing innovation", "centers"),
    ("future industry pilot", "zones"),
    ("national-level", "demonstration zones"),
    ("industrial internet", "platforms"),
    ("smart", "factories"),
    ("key", "laboratories"),
    ("startup", "incubators"),
    ("application", "scenarios"),
    ("landing", "sites"),
)
CONFERENCE_TOPICS = (
    "promoting new industrialization",
    "building a strong manufacturing province",
    "the digital economy",
    "the high-quality development of the manufacturing industry",
    "new quality productive forces",
    "scientific and technological innovation",
)
DESCRIPTORS = (
    "a major manufacturing province",
    "one of the country's largest industrial bases",
    "a traditional heavy-industry base",
    "the country's leading exporter of electronics",
    "a major coal-producing province",
    "an inland hub for advanced manufacturing",
)
HEADLINE_VERBS = ("bets on", "doubles down on", "pins hopes on", "turns to", "pushes ahead with")
XINHUA_MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
)  # fmt: skip
FULL_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
STYLES = ("cns", "cns_wire", "xinhua", "chinadaily")

# --- reference data ---------------------------------------------------------


@dataclass(frozen=True)
class Province:
    name: str
    surfaces: tuple[str, ...]  # other names a journalist would write as a subject
    capital: str


@dataclass(frozen=True)
class Vocabulary:
    provinces: tuple[Province, ...]
    sectors: tuple[tuple[str, ...], ...]  # the surface terms of each sector


@functools.cache
def vocabulary(reference_dir: Path = REFERENCE_DIR) -> Vocabulary:
    provinces = json.loads((reference_dir / "provinces.json").read_text(encoding="utf-8"))
    sectors = json.loads((reference_dir / "sectors.json").read_text(encoding="utf-8"))
    return Vocabulary(
        provinces=tuple(
            Province(
                p["name"],
                tuple(
                    a
                    for a in p["aliases"]
                    if not a.endswith(("Provincial", "Municipal")) and a.isascii()
                ),
                p["capital"] or p["name"],
            )
            for p in provinces
        ),
        # English articles take the English terms; bench/corpus_zh.py the Chinese ones.
        sectors=tuple(
            tuple(a for a in s["aliases"] if a.isascii())
            for s in sectors
            if any(a.isascii() for a in s["aliases"])
        ),
    )


# --- one article ------------------------------------------------------------


@dataclass
class Expert:
    name: str
    surname: str
    appositive: str
    pronoun: str


@dataclass
class _Article:
    """The random choices of one article, and helpers that draw from them."""

    rng: random.Random
    vocab: Vocabulary
    style: str
    published: dt.date
    provinces: list[Province] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.provinces = self.rng.sample(list(self.vocab.provinces), len(self.vocab.provinces))
        self.surnames = self.rng.sample(SURNAMES, len(SURNAMES))

    # quotation marks: China Daily prints curly ones
    def quote(self, text: str) -> str:
        return f"“{text}”" if self.style == "chinadaily" else f'"{text}"'

    def province(self) -> Province:
        if not self.provinces:  # more than 34 subjects: start over
            self.provinces = self.rng.sample(list(self.vocab.provinces), 34)
        return self.provinces.pop()

    def surface(self, province: Province) -> str:
        """Mostly the name, sometimes "X Province" and the like, rarely an old romanization."""
        draw = self.rng.random()
        if province.surfaces and draw < 0.05:
            return self.rng.choice(province.surfaces)
        if province.surfaces and draw < 0.25:
            return province.surfaces[0]
        return province.name

    def sectors(self, k: int) -> list[str]:
        chosen = self.rng.sample(self.vocab.sectors, k)
        return [self.rng.choice(aliases) for aliases in chosen]

    def sector_list(self, k: int) -> str:
        return _join(self.sectors(k))

    def number(self, low: int = 2, high: int = 120) -> str:
        if self.rng.random() < 0.15:
            return self.rng.choice(NUMBER_WORDS)
        value = self.rng.randint(low, high)
        if self.rng.random() < 0.2:
            value *= 50
        return f"{value:,}"  # "2,000", never a bare year-like 2000

    def target(self) -> str:
        mods, head = self.rng.choice(TARGET_NOUNS)
        number = self.number()
        approx = self.rng.choice(APPROX) if number[0].isdigit() else ""
        return " ".join(w for w in (approx, number, mods, head) if w)

    def target_clause(self) -> str:
        return f"{self.rng.choice(TARGET_VERBS)} {self.target()}"

    def growth(self) -> str:
        return self.rng.choice(GROWTH_VERBS)

    def event_day(self) -> str:
        day = self.published - dt.timedelta(days=self.rng.randint(1, 25))
        return _month_day(day, self.style)

    def expert(self) -> Expert:
        surname = self.surnames.pop()
        name = f"{surname} {self.rng.choice(GIVEN_NAMES)}"
        return Expert(name, surname, self.appositive(), self.rng.choice(("he", "she")))

    def appositive(self) -> str:
        title = self.rng.choice(TITLES)
        place = self.rng.choice(self.vocab.provinces).name
        organizations = (
            "the Institute of Industrial Economics of the Chinese Academy of Social Sciences",
            f"the {place} Academy of Social Sciences",
            f"the School of Economics of {self.rng.choice(UNIVERSITIES)}",
            f"the {place} Provincial Department of Industry and Information Technology",
            "the China Center for Information Industry Development",
            "the Development Research Center of the State Council",
            self.rng.choice(FIRMS),
        )
        organization = self.rng.choice(organizations)
        joiner = "at" if title in ("researcher", "senior analyst", "professor") else "of"
        return f"{title} {joiner} {organization}"


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _month_day(day: dt.date, style: str) -> str:
    if style == "xinhua":
        return f"{XINHUA_MONTHS[day.month - 1]} {day.day}"
    if style == "chinadaily":
        return f"{FULL_MONTHS[day.month - 1][:3]} {day.day}"
    return f"{FULL_MONTHS[day.month - 1]} {day.day}"


# --- paragraphs: initiatives --------------------------------------------------


def _gwr_clauses(a: _Article) -> str:
    p = a.surface(a.province())
    return (
        f"{p} proposed in its government work report to {a.growth()} {a.sector_list(3)}; "
        f"{a.target_clause()} in {a.sector_list(1)}; and {a.growth()} {a.sector_list(2)}."
    )


def _conference(a: _Article) -> str:
    p = a.surface(a.province())
    return (
        f"On {a.event_day()}, {p} held a province-wide conference on "
        f"{a.rng.choice(CONFERENCE_TOPICS)}, proposing to {a.growth()} {a.sector_list(2)}; "
        f"{a.target_clause()}; and {a.growth()} {a.sector_list(2)}. It also proposed to "
        f"{a.target_clause()} and give full play to the role of {a.sector_list(1)}."
    )


def _chains(a: _Article) -> str:
    p = a.surface(a.province())
    return (
        f"{p}, {a.rng.choice(DESCRIPTORS)}, will focus on {a.number()} key industrial chains "
        f"and develop {a.sector_list(3)}, according to its government work report."
    )


def _action_plan(a: _Article) -> str:
    p = a.surface(a.province())
    return (
        f"{p} has released an action plan for {a.sector_list(1)}, pledging to cultivate "
        f"{a.number()} specialized and sophisticated enterprises and build {a.number(2, 30)} "
        f"demonstration zones by {a.published.year + 2}. It also plans to {a.growth()} "
        f"{a.sector_list(2)} and set up more than {a.number()} manufacturing innovation centers."
    )


def _coordinated(a: _Article) -> str:
    names = [a.surface(a.province()) for _ in range(3)]
    last = names[-1]
    return (
        f"{_join(names)} have all written {a.sector_list(1)} into their government work "
        f"reports. {last} also proposed to build a world-class cluster of {a.sector_list(1)}."
    )


def _xinhua_vow(a: _Article) -> str:
    province = a.province()
    p = a.surface(province)
    return (
        f"In its government work report for {a.published.year}, {p} vowed to build "
        f"{a.number(2, 15)} advanced manufacturing clusters and {a.number()} key industrial "
        f"chains, covering {a.sector_list(4)}. It also plans to add {a.sector_list(1)} around "
        f"the provincial capital of {province.capital}."
    )


def _projects(a: _Article) -> str:
    p = a.surface(a.province())
    count = a.rng.randint(2, 4)
    return (
        f"{p} will launch about {a.number()} major industrial projects in {a.sector_list(3)} "
        f"this year, and will foster {NUMBER_WORDS[count - 2]} future industries: "
        f"{a.sector_list(count)}."
    )


def _base_stations(a: _Article) -> str:
    p = a.surface(a.province())
    return (
        f"{p} plans to build more than {a.rng.randint(1, 40)},000 5G base stations this year and "
        f"launch some {a.number()} digital transformation projects, with a focus on "
        f"{a.sector_list(2)}."
    )


def _policy(a: _Article) -> str:
    p = a.surface(a.province())
    return (
        f"{p} issued new policy measures for {a.sector_list(2)}; it aims to nurture "
        f"{a.number()} leading enterprises and {a.number(2, 40)} specialized industrial parks; "
        f"and it will {a.growth()} {a.sector_list(2)}."
    )


INITIATIVE_PARAGRAPHS = (
    _gwr_clauses,
    _conference,
    _chains,
    _action_plan,
    _coordinated,
    _xinhua_vow,
    _projects,
    _base_stations,
    _policy,
)

# --- paragraphs: experts ------------------------------------------------------


def _opinion(a: _Article) -> str:
    s1, s2 = a.sectors(2)
    return a.rng.choice(
        (
            f"provinces should {a.growth()} {s1} and {s2} according to their own resource "
            "endowments instead of chasing the same popular sectors",
            f"the deep integration of {s1} with manufacturing will decide whether local "
            "industries can move up the value chain",
            f"competition among regions has shifted from land prices and tax breaks to supply "
            f"chains, talent and application scenarios in {s1} and {s2}",
            f"local governments must avoid rushing into {s1} and {s2} without solid market demand",
            f"small and medium-sized enterprises need affordable solutions for {s1} and {s2}",
        )
    )


def _quotation(a: _Article) -> str:
    s1, s2 = a.sectors(2)
    return a.rng.choice(
        (
            f"{_cap(s1)} is no longer a separate industry for us. It is becoming the operating "
            "system of every factory in the province",
            f"Orders for {s1} are booked well into the third quarter, and the new projects "
            "give us the confidence to keep hiring",
            f"We will help small and medium-sized firms adopt {s1} and {s2} at a lower cost",
            f"We are not giving up on traditional industries such as {s1} and {s2}, which still "
            "employ millions of people",
        )
    )


def _reported_then_pronoun(a: _Article) -> str:
    e = a.expert()
    return (
        f"{e.name}, {e.appositive}, said that {_opinion(a)}.\n\n"
        f"{_cap(e.pronoun)} added that {_opinion(a)}."
    )


def _interview(a: _Article) -> str:
    e = a.expert()
    return (
        f"{e.name}, {e.appositive}, said in an interview with "
        f"{a.rng.choice(OUTLET_INTERVIEWERS)} that {_opinion(a)}.\n\n"
        f"{e.surname} believes that {_opinion(a)}."
    )


def _quotes(a: _Article) -> str:
    e = a.expert()
    return (
        f"{a.quote(_quotation(a) + ',')} said {e.name}, {e.appositive}.\n\n"
        f"{a.quote(_quotation(a) + ',')} {e.surname} said."
    )


def _according(a: _Article) -> str:
    e = a.expert()
    return f"According to {e.name}, {e.appositive}, {_opinion(a)}."


def _colon_quote(a: _Article) -> str:
    e = a.expert()
    return f"{e.name}, {e.appositive}, said: {a.quote(_quotation(a) + '.')}"


def _shi_dan(a: _Article) -> str:
    # The reference alias: "Stan" is a machine translation of Shi Dan's name.
    return (
        "Shi Dan, director of the Institute of Industrial Economics of the Chinese Academy of "
        f"Social Sciences, said that {_opinion(a)}.\n\nStan believes that {_opinion(a)}."
    )


def _described(a: _Article) -> str:
    return f"An analyst at {a.rng.choice(FIRMS)} said that {_opinion(a)}."


EXPERT_PARAGRAPHS = (
    _reported_then_pronoun,
    _interview,
    _quotes,
    _according,
    _colon_quote,
    _reported_then_pronoun,
    _quotes,
    _interview,
)

# --- header, lead and closing ---------------------------------------------------


def _lead(a: _Article) -> str:
    year = a.published.year
    return a.rng.choice(
        (
            f"Since {year}, many provinces in China have accelerated deployment with "
            f"{a.sector_list(3)} as entry points, according to this year's local two sessions.",
            f"Provinces across China are turning their {year} development blueprints into "
            f"project lists, betting on {a.sector_list(3)} to keep manufacturing growth on track.",
            f"As this year's local two sessions draw to a close, provincial plans for {year} "
            f"show a new round of industrial deployment in {a.sector_list(2)}.",
        )
    )


def _closing(a: _Article) -> str:
    first, second = a.surface(a.province()), a.surface(a.province())
    return (
        f"Analysts expect other regions such as {first} and {second} to announce similar "
        f"plans for {a.sector_list(1)} in the coming weeks."
    )


def _header(a: _Article, lead: str) -> str:
    city_province = a.rng.choice(a.vocab.provinces)
    city = city_province.capital
    day = _month_day(a.published, a.style)
    reporter = f"{a.rng.choice(SURNAMES)} {a.rng.choice(GIVEN_NAMES)}"
    if a.style == "cns":
        return f"China News Service, {city}, {day} (Reporter {reporter}) {lead}"
    if a.style == "cns_wire":
        return f"{city.upper()}, {day} (China News Service) -- {lead}"
    if a.style == "xinhua":
        return f"{city.upper()}, {day} (Xinhua) -- {lead}"
    headline = f"{city_province.name} {a.rng.choice(HEADLINE_VERBS)} {a.sector_list(2)}"
    stamp = a.published.isoformat()
    if a.rng.random() < 0.5:  # both forms China Daily prints
        stamp += f" {a.rng.randint(7, 22):02d}:{a.rng.randint(0, 59):02d}"
    where = f" in {city}" if a.rng.random() < 0.7 else ""
    return f"By {reporter.upper()}{where} | China Daily | Updated: {stamp}\n{headline}\n\n{lead}"


def _published(rng: random.Random) -> dt.date:
    start = dt.date(2023, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(start, dt.date(2025, 12, 31).toordinal()))


def article_text(index: int, seed: int, vocab: Vocabulary | None = None) -> tuple[str, str]:
    """Article number index of the corpus for seed: (style, text)."""
    rng = random.Random(f"bench-corpus:{seed}:{index}")
    a = _Article(rng, vocab or vocabulary(), rng.choice(STYLES), _published(rng))
    paragraphs = [_header(a, _lead(a))]
    size = len(paragraphs[0])
    experts = list(EXPERT_PARAGRAPHS)
    rng.shuffle(experts)
    if rng.random() < 0.1:
        experts.insert(0, _shi_dan)
    if rng.random() < 0.3:
        experts.insert(1, _described)
    closing = _closing(a)
    while size + len(closing) < TARGET_BYTES:
        kind = len(paragraphs) % 3
        if kind == 0 and experts:
            paragraph = experts.pop(0)(a)
        else:
            paragraph = rng.choice(INITIATIVE_PARAGRAPHS)(a)
        paragraphs.append(paragraph)
        size += len(paragraph) + 4
    paragraphs.append(closing)
    separator = "\n\n  " if a.style == "cns" else "\n\n"
    return a.style, separator.join(paragraphs) + "\n"


def iter_articles(n: int, seed: int = 1, language: str = "en") -> Iterator[tuple[str, str]]:
    """Yield (filename, text) for the n articles of the corpus, one at a time."""
    width = max(6, len(str(n - 1)))
    if language == "zh":
        from bench.corpus_zh import chinese_article_text

        for index in range(n):
            yield f"{index:0{width}d}_zh.txt", chinese_article_text(index, seed)
        return
    vocab = vocabulary()
    for index in range(n):
        style, text = article_text(index, seed, vocab)
        yield f"{index:0{width}d}_{style}.txt", text


def write_corpus(out_dir: Path, n: int, seed: int = 1, language: str = "en") -> int:
    """Write the corpus file by file; returns the bytes written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, text in iter_articles(n, seed, language):
        data = text.encode("utf-8")
        (out_dir / name).write_bytes(data)
        written += len(data)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("out_dir", type=Path, help="directory to write the .txt files into")
    parser.add_argument("-n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--language", choices=("en", "zh"), default="en", help="English (default) or Chinese"
    )
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("-n must be at least 1")
    written = write_corpus(args.out_dir, args.n, args.seed, args.language)
    print(f"wrote {args.n} articles, {written:,} bytes, to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

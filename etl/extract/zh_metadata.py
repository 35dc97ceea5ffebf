"""Metadata of Chinese articles: wire datelines, bylines, source lines, dates.

The shapes, each a row of a table below rather than a branch of a function:
  中新网济南1月6日电 (孙婷婷) / 新华社南京6月23日电(记者 劉巍巍) / 经济日报北京3月5日讯
  来源:中国新闻网 责任编辑:黄秀环 2022-01-26 18:32:12
  (经济日报记者 刘 畅) / 新华社记者付瑞霞、张思洁 / 南方财经全媒体记者吴佳楠 广州报道
Editors (编辑, 责编, 责任编辑) are never reporters. The outlet of a wire
dateline wins over a source line, which names the site that republished it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from etl.extract.gazetteer import ChineseGazetteer
from etl.extract.metadata import Metadata

_HAN = r"[\u4e00-\u9fff]"
# A name, or a two-character name spaced out for the page layout ("刘 畅").
_PERSON = r"(?:" + _HAN + r"[ \u3000]" + _HAN + r"(?!" + _HAN + r")|" + _HAN + r"{2,4})"
_PEOPLE = _PERSON + r"(?:[、,，\s]+" + _PERSON + r")*"


@dataclass(frozen=True)
class _Found:
    value: str
    start: int
    end: int


def _outlet_pattern(gazetteer: ChineseGazetteer) -> str:
    names = sorted(gazetteer.outlet_by_chinese, key=len, reverse=True)
    return "(?P<outlet>" + "|".join(re.escape(n) for n in names) + ")"


class ChineseMetadataReader:
    def __init__(self, gazetteer: ChineseGazetteer) -> None:
        self.gazetteer = gazetteer
        outlet = _outlet_pattern(gazetteer)
        self.dateline = re.compile(
            outlet
            # Within one line: "来源:新华社\n新华社南京…" must not read 新华社南京 as the place.
            # "中新网 5月31日电": a dateline may leave out the place.
            + r"(?:记者)?[ \t]*(?P<place>"
            + _HAN
            + r"{2,8}?)?[ \t]*(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?:电|讯|消息)"
            r"(?:\s*[（(]\s*(?:(?:记者|通讯员)\s*)?(?P<reporter>" + _PEOPLE + r")\s*[)）])?"
        )
        # "来源:天山网-新疆日报原创": a site, then the outlet it belongs to.
        self.source_line = re.compile(r"来源\s*[:：]\s*(?:" + _HAN + r"{1,8}[-—－])?" + outlet)
        # "河北日报讯(记者潘文静)": the outlet's own news, no place or date.
        self.own_news = re.compile(
            outlet
            + r"讯\s*[（(]\s*(?:记者|通讯员)\s*(?P<reporter>"
            + _PEOPLE
            + r")\s*(?:报道)?\s*[)）]"
        )
        # "作者:本报记者 姚亚奇 《光明日报》": a byline field, on its own line; "综合报道"
        # (compiled reports) names nobody.
        self.author_field = re.compile(
            r"作者[ \t]*[:：][ \t]*(?:本报)?(?:记者|通讯员)?[ \t]*(?!综合|本报|编辑)(?P<reporter>"
            + _PERSON
            + r"(?:[、,，][ \t]*"
            + _PERSON
            + r")*)(?![\u4e00-\u9fff])"
        )
        self.interviewer = re.compile(r"(?:接受|对|向)《?" + outlet + r"》?(?:全媒体)?记者")
        self.credit = re.compile(outlet + r"\s*[·•]\s*(?P<iso>(?:19|20)\d\d-\d\d-\d\d)")
        # "澎湃新闻(www.thepaper.cn)在现场了解到", "澎湃新闻记者 邱海鸿 图": the page's own.
        self.own_credit = re.compile(
            outlet + r"(?:\s*[（(]\s*(?:www\.)?[a-z0-9.\-]+\.(?:cn|com)\s*[)）]|(?:全媒体)?记者)"
        )
        # A byline opens a line or a bracket; a photo credit (… 图, 摄) is no byline.
        self.reporter_credit = re.compile(
            r"(?:^|[(（])[ \t]*"
            + outlet
            + r"?(?:全媒体)?(?:记者|通讯员)[ \t]*(?P<reporter>"
            + _PEOPLE
            + r")"
            # "川观新闻记者 高杲/文 郝飞/图": the writer of a credit line.
            r"(?![ \t]*(?:图|摄))(?=[ \t]*(?:[)）]|\n|$|/文|" + _HAN + r"{2,4}报道))",
            re.MULTILINE,
        )

    def read(self, original: str, text: str) -> Metadata:
        """`text` is the simplified copy of `original`, the same length."""
        head = text[:3000]
        dateline = self.dateline.search(head)
        header_date = _first_date(head)
        outlet = city = reporter = None
        published_on: dt.date | None = None
        inferred = False
        dateline_span: tuple[int, int] | None = None
        if dateline is not None:
            outlet = self.gazetteer.outlet_by_chinese[dateline.group("outlet")]
            if dateline.group("place"):
                city = self._city(dateline.group("place"))
                dateline_span = dateline.span("place")
            year = header_date.year if header_date else None
            if year is None:
                year, inferred = infer_year(text), True
            published_on = _date(year, dateline.group("month"), dateline.group("day"))
            if published_on and header_date and published_on > header_date:
                published_on = published_on.replace(year=published_on.year - 1)
            if dateline.group("reporter"):
                reporter = _people(original[dateline.start("reporter") : dateline.end("reporter")])
        published_on = published_on or header_date
        outlet = (
            outlet
            or self._credited_outlet(head)
            or self._interviewing_outlet(text)
            or self._own_outlet(head)
        )
        if reporter is None:
            own = self.own_news.search(head)
            if own is not None:
                reporter = _people(original[own.start("reporter") : own.end("reporter")])
                outlet = outlet or self.gazetteer.outlet_by_chinese[own.group("outlet")]
        if reporter is None:
            credit = self.reporter_credit.search(text)
            if credit is not None:
                reporter = _people(original[credit.start("reporter") : credit.end("reporter")])
                if outlet is None and credit.group("outlet"):
                    outlet = self.gazetteer.outlet_by_chinese[credit.group("outlet")]
        if reporter is None and (author := self.author_field.search(head)) is not None:
            reporter = _people(original[author.start("reporter") : author.end("reporter")])
        return Metadata(
            outlet=outlet,
            dateline_city=city,
            published_on=published_on,
            is_date_inferred=inferred and published_on is not None,
            reporter=reporter,
            headline=None,
            header_end=dateline.end() if dateline else 0,
            dateline_start=dateline_span[0] if dateline_span else None,
            dateline_end=dateline_span[1] if dateline_span else None,
            language="zh",
        )

    def _interviewing_outlet(self, text: str) -> str | None:
        """接受人民网记者采访, 对《证券日报》记者表示: the outlet whose reporter asked."""
        found = self.interviewer.search(text)
        return self.gazetteer.outlet_by_chinese[found.group("outlet")] if found else None

    def _own_outlet(self, head: str) -> str | None:
        found = self.own_credit.search(head)
        return self.gazetteer.outlet_by_chinese[found.group("outlet")] if found else None

    def _credited_outlet(self, head: str) -> str | None:
        for pattern in (self.source_line, self.credit):
            found = pattern.search(head)
            if found is not None:
                return self.gazetteer.outlet_by_chinese[found.group("outlet")]
        return None

    def _city(self, place: str) -> str | None:
        """The English name of a dateline place: 北京, 济南, 海南文昌 (a province, then a city)."""
        if _NOT_A_PLACE.search(place):
            return None  # "新湖南客户端2月6日讯": an app, not a city
        for province_zh, province in self.gazetteer.province_by_chinese.items():
            if place.startswith(province_zh) and len(place) > len(province_zh) + 1:
                place = place[len(province_zh) :]
                break
            if place == province_zh:
                return province
        city = self.gazetteer.city_by_chinese.get(place)
        if city is None:
            from etl.extract.zh_names import romanize_place

            city = romanize_place(place)
        return city


_NOT_A_PLACE = re.compile(r"客户端|网|报|社|台|APP|频道")
_DATE = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s*(?:-|/|年)\s*(?P<month>\d{1,2})\s*(?:-|/|月)\s*(?P<day>\d{1,2})"
)


def _first_date(head: str) -> dt.date | None:
    for match in _DATE.finditer(head):
        found = _date(int(match.group("year")), match.group("month"), match.group("day"))
        if found is not None:
            return found
    return None


def _date(year: int | None, month: str, day: str) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None


# A year range ("2021-2035年") or a target year ("到2027年") is not the present.
_YEAR = re.compile(r"(?P<before>到|至|截至|力争|预计|计划|[-—–~])?(?P<year>(?:19|20)\d\d)年")


# "十四届全国人大二次会议", "湖南省十四届人大四次会议": congresses (national and
# provincial alike) open their first session the year after the term's election.
_SESSION = re.compile(
    r"(?P<term>十三|十四|十五)届[^，。,\n]{0,12}?(?P<n>[一二三四五])次(?:全体)?会议"
)
_FIRST_SESSION = {"十三": 2018, "十四": 2023, "十五": 2028}
_SESSION_NUMBER = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4}


def infer_year(text: str) -> int | None:
    """The year an article is written in, from the years it names (not 到2027年)."""
    votes: Counter[int] = Counter()
    for match in _SESSION.finditer(text):
        votes[_FIRST_SESSION[match.group("term")] + _SESSION_NUMBER[match.group("n")]] += 5
    for match in _YEAR.finditer(text):
        if not match.group("before"):
            votes[int(match.group("year"))] += 1
    return max(votes.items(), key=lambda item: (item[1], item[0]))[0] if votes else None


def _people(raw: str) -> str:
    # "吴佳楠 广州报道": where the reporter filed from, not a second reporter.
    raw = re.sub(r"[ \t\u3000]+" + _HAN + r"{2,4}报道$", "", raw.strip())
    names = [re.sub(r"\s+", "", n) for n in re.split(r"[、,，]|\s{2,}", raw) if n.strip()]
    # A single name spaced out for the page layout ("刘 畅") is one name.
    return ", ".join(names)

"""Article metadata from the wire datelines and bylines news outlets use."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass

from etl.extract.text import guess_language

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\.?"
_DAY_YEAR = r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
# A place's name, like a person's, never runs over a line break ("Video PlayerClose\n\n
# HOHHOT, Sept. 19 (Xinhua) --").
_CITY = r"(?P<city>[A-Z][A-Za-z'’.\-]*(?:[ \t]+[A-Z][A-Za-z'’.\-]*){0,3})"
# A name never runs over a line break.
_NAME = r"[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,3}"

# China News Service, Beijing, February 25 (Reporter Liu Yuying)
_AGENCY_FIRST = re.compile(
    r"^\s*(?P<outlet>[A-Z][A-Za-z.&]*(?:\s+[A-Z][A-Za-z.&]*){0,4}),\s*"
    + _CITY
    + r",\s*"
    + _MONTH
    + _DAY_YEAR
    + r"\s*(?:\((?i:reporters?|by|written\s+by)[:\s]+(?P<reporter>[^)]{1,80})\))?",
    re.MULTILINE,
)
# BEIJING, Feb. 25 (Xinhua) --   /   SHANGHAI, March 5 (Reuters) -
_CITY_FIRST = re.compile(
    r"^\s*"
    + r"(?P<city>[A-Z][A-Za-z'’.\-]*(?:[ \t]+[A-Z][A-Za-z'’.\-]*){0,3})"
    + r",\s*"
    + _MONTH
    + _DAY_YEAR
    + r"\s*\((?P<outlet>[A-Z][A-Za-z. ]{1,40})\)\s*(?:-{1,2}|—|–|:)?",
    re.MULTILINE,
)
# By NAME [in CITY] | China Daily | Updated: 2024-03-05 09:12
# By / SSTV / Updated: 10:27,27-January-2022 (slashes, and no name)
_BYLINE_BAR = re.compile(
    r"^\s*By(?:\s+(?P<reporter>" + _NAME + r"(?:\s+and\s+" + _NAME + r")?))?"
    r"(?:\s+in\s+(?P<city>[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+)?))?"
    r"\s*(?P<bar>[|/])\s*(?P<outlet>[^|/\n]{2,60}?)\s*(?P=bar)\s*(?:Updated|Published)?:?\s*"
    r"(?:(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|(?P<date>[^\n]{6,40}))",
    re.MULTILINE,
)

# Years that date the article's present ("since 2024", "in 2024", "this
# year's ... 2024") as opposed to targets ("by 2027") or the past ("in 2019,"
# can still be past, so weigh rather than exclude).
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b(?!\s*(?:yuan|%|percent))")
# The word before a year, read backwards from it (a leading optional group
# would be tried at every word of the article).
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_TARGET_PREPOSITIONS = {"by", "to", "until", "through", "till", "before"}


@dataclass(frozen=True)
class Metadata:
    outlet: str | None
    dateline_city: str | None
    published_on: dt.date | None
    is_date_inferred: bool
    reporter: str | None
    headline: str | None
    header_end: int  # where the body text after the dateline begins
    dateline_start: int | None = None
    dateline_end: int | None = None
    language: str = "en"  # ISO 639-1


def _title_case(name: str) -> str:
    if name.isupper():
        return " ".join(part.capitalize() for part in name.split())
    return name


def _date(year: int | None, month_name: str, day: str) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, MONTHS[month_name.lower().rstrip(".")], int(day))
    except (KeyError, ValueError):
        return None


_FULL_DATE = re.compile(_MONTH + _DAY_YEAR)


def _year_before(head: str, month: str, day: str) -> int | None:
    """The year of a dateline without one, from a full date above it (a photo
    caption's): the story is no older than its picture."""
    dated = [d for m in _FULL_DATE.finditer(head) if (d := _date_of(m)) is not None]
    if not dated:
        return None
    latest = max(dated)
    published = _date(latest.year, month, day)
    if published is None:
        return None
    return latest.year if published >= latest else latest.year + 1


def _date_of(match: re.Match[str]) -> dt.date | None:
    year = match.group("year")
    return _date(int(year), match.group("month"), match.group("day")) if year else None


def infer_year(text: str) -> int | None:
    """The year the article is written in, from the years its text mentions."""
    votes: Counter[int] = Counter()
    # "the 14th Five-Year Plan period (2021-2025)": a range's end is no present year.
    outside_ranges: set[int] = set()
    for match in _YEAR.finditer(text):
        year = int(match.group("year"))
        if text[max(0, match.start() - 1) : match.start()] not in ("-", "–", "—"):
            outside_ranges.add(year)
        word = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
        before = word.group(1).lower() if word else ""
        if before in _TARGET_PREPOSITIONS:
            continue
        votes[year] += 3 if before in {"since", "in", "of", "this", "for"} else 1
    if not votes:
        return None
    # "Chongqing set its target for 2017 ... after 10.7 percent growth in 2016": a story
    # weighs last year's results and speaks of this year's, so the year after the most
    # named one, if named at all, is the present.
    most = max(votes.items(), key=lambda item: (item[1], item[0]))[0]
    return max(
        year for year in votes if year <= most or (year == most + 1 and year in outside_ranges)
    )


def extract_metadata(text: str, language: str | None = None) -> Metadata:
    return dataclasses.replace(_from_header(text), language=language or guess_language(text))


# Scraped pages put datelines after menus, headlines and photo captions, so
# datelines are looked for at any line start of the page's head.
_HEAD = 3000
# "BEIJING (Reuters) -", "KUNMING, China (Reuters) -" and "BEIJING -- Chinese
# provinces ..." (no date).
# "Shanghai (ZXZC)- On November 13, ...": a known place written in title case.
_CITY_OUTLET = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'’.\-]+(?:[ ][A-Z][A-Z'’.\-]+){0,2}|"
    r"(?P<titled>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?))(?:,[ \t]*China)?[ \t]*"
    r"\((?P<outlet>[A-Z][A-Za-z. ]{1,40})\)[ \t]*(?:-{1,2}|—|–)",
    re.MULTILINE,
)
# "BEIJING, June 14 -- ": a wire dateline whose outlet the page gives elsewhere;
# "CHONGQING, China, Sept. 9, 2022 /PRNewswire/ --": a release wire's.
_CITY_DATE_DASH = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'’.\-]{2,}(?:[ ][A-Z][A-Z'’.\-]{2,}){0,2}),[ \t]*"
    + r"(?:China,[ \t]*)?"
    + _MONTH
    + _DAY_YEAR
    + r"(?:[ \t]*/(?P<wire>[A-Za-z][A-Za-z\- ]{1,30})/)?[ \t]*(?:--|—|–)[ \t]",
    re.MULTILINE,
)
_CITY_DASH = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'’.\-]{2,}(?:[ ][A-Z][A-Z'’.\-]{2,}){0,2})[ \t]*(?:--|—)[ \t]",
    re.MULTILINE,
)
# "Chongqing - On January 20, ...", "TAIYUAN - The government ...": a known place, a
# spaced hyphen, the first sentence.
_PLACE_HYPHEN = re.compile(
    r"^[ \t]*(?P<city>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?|[A-Z]{3,}(?:[ ][A-Z]{3,})?)[ \t]+-[ \t]+(?=[A-Z])",
    re.MULTILINE,
)
# "TAIYUAN-Visiting an impoverished village ...": a place in capitals touching the hyphen.
# "SHENZHEN/SHANGHAI: Drones zip through the air ...": a place in capitals, a colon.
# (One pattern: each that opens with a line's start is tried at every position.)
_CAPITALS_MARK = re.compile(
    r"^[ \t]*(?P<city>[A-Z]{3,}(?:[ ][A-Z]{3,})?)"
    r"(?:-(?=[A-Z][a-z])|(?:/[A-Z]{3,}(?:[ ][A-Z]{3,})?)*:[ \t]+(?=[A-Z\"“]))",
    re.MULTILINE,
)
# "HAIKOU /China/, Jan. 12. /TASS/.": the agency between slashes after the date, the
# country too where the city is abroad.
_CITY_DATE_SLASHED = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'’.\-]{2,}(?:[ ][A-Z][A-Z'’.\-]{2,}){0,2})"
    r"(?:[ \t]+/[A-Z][A-Za-z ]{1,30}/)?,[ \t]*"
    + _MONTH
    + _DAY_YEAR
    + r"\.?[ \t]*/(?P<outlet>[A-Z][A-Za-z\- ]{1,30})/\.?",
    re.MULTILINE,
)
_DATELINES = (
    _CITY_FIRST, _AGENCY_FIRST, _CITY_OUTLET, _CITY_DATE_DASH, _CITY_DASH, _PLACE_HYPHEN,
    _CITY_DATE_SLASHED, _CAPITALS_MARK,
)  # fmt: skip
# What each dateline cannot match without: a head that lacks all of a pattern's marks
# is not searched (a search of the head costs as much as the rest of the metadata).
_DATELINE_MARKS: dict[re.Pattern[str], tuple[str, ...]] = {
    _CITY_FIRST: ("(",),
    _AGENCY_FIRST: (",",),
    _CITY_OUTLET: ("(",),
    _CITY_DATE_DASH: ("--", "—", "–"),
    _CITY_DASH: ("--", "—"),
    _PLACE_HYPHEN: (" -", "\t-"),
    _CITY_DATE_SLASHED: ("/",),
    _CAPITALS_MARK: ("-", ":"),
}
# "By Zhang Weilan ( Global Times", "By LI XIAOMIN in Guangzhou | China Daily": a
# byline is a line of its own, or follows a time on one.
# Each name may carry its own city: "By Hou Liqiang in Beijing, Hu Dongmei in Yinchuan".
_WITH_CITY = r"[ \t]+in[ \t]+[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][a-z][A-Za-z'’\-]*)?"
_IN_CITY = r"(?:" + _WITH_CITY + r")?"
# "By LI FUSHENG in Beijing FENG ZHIWEI in Changsha": a city, then the next name.
_NEXT_AFTER_CITY = r"(?<=[a-z])\s+(?=[A-Z]{2,}\b)"
_BYLINE_TEMPLATE = (
    # "China Daily (Hong Kong) - - ADVERTORIAL - By SONG MENGXING": after a page's labels.
    r"^[^\n]{0,60}?(?:\bBy\s+|\b(?:Writer|Reporter|Author)\s*:\s*|"
    # "by Xinhua writer Zhang Xu", "By China Daily reporters ...": the outlet's own staff.
    r"\b[Bb]y\s+(?:[A-Z][A-Za-z]+[ \t]+){1,3}(?:[Ss]taff[ \t]+)?"
    r"(?:writers?|reporters?|correspondents?)[ \t]+)"
    # "By Wednesday, 30 of 31 provinces ...": a time, not a reporter.
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|The|Then|Now|"
    # "Author: User": a template's placeholder.
    r"User|Admin|Administrator|Anonymous)\b)"
    # "By LI FUSHENG in Beijing FENG ZHIWEI in Changsha": names with their city may
    # follow one another unseparated; a name without one needs a comma or "and"
    # (a name split at any capitals would try every cut of a line's words).
    r"(?P<reporter>(?:" + _NAME + _WITH_CITY + _NEXT_AFTER_CITY + r")*"
    + _NAME + _IN_CITY + r"(?:\s*(?:,|and|&)\s*" + _NAME + _IN_CITY + r")*)"
    # The byline ends the line, or a field, a city, an e-mail or the outlet follows:
    # "By SONG MENGXING songmengxing@chinadaily.", "By Yuan Shenggao China Daily Print".
    r"(?=\s*(?:$|\||\(|,|\bin\b|\bfor\b|\bSource\b|[\w.+\-]+@)|[ \t]+(?:{outlets})\b)"
)  # fmt: skip


# "Yang Guang China Plus Published: 2017-06-11 20:23:42": the writer, the outlet, the date.
_NAME_THEN_OUTLET_TEMPLATE = (
    r"^[ \t]*(?P<reporter>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){1,2})[ \t]+(?:{outlets})[ \t]+"
    r"(?:Published|Updated)\b"
)


@functools.cache
def _name_then_outlet_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(_outlets(), key=len, reverse=True))
    return re.compile(_NAME_THEN_OUTLET_TEMPLATE.replace("{outlets}", names), re.MULTILINE)


@functools.cache
def _byline_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(_outlets(), key=len, reverse=True))
    return re.compile(_BYLINE_TEMPLATE.replace("{outlets}", names), re.MULTILINE)


# "Chen Siqi\nvankochensq@163.com", "Jin Yezi\nDATE:  Jan 24 2024": a byline without
# "By", the reporter's name alone on its line, then the reporter's e-mail or the
# page's date field.
# "- Daniel Ren ren.wei@scmp.com": the name and its e-mail on one line. Or the
# page's date or time line under the name.
_NAME_OVER_FIELD = re.compile(
    r"^[ \t]*(?:[-–—][ \t]*)?(?P<reporter>[A-Z][a-z'’\-]+(?:[ ][A-Z][a-z'’\-]+){1,2})"
    r"(?:[ \t]*\n[ \t]*(?:[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+[ \t]*$|DATE\s*:|"
    # "Tom Hancock\nSun, February 6, 2022,", "Wang Yanlin\n  21:55 UTC+8, 2023-03-21".
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?[ \t]+)?"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}\b|"
    r"\d{1,2}:\d\d\b|(?:19|20)\d\d-\d\d-\d\d\b))"
    r"|[ \t]+[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+[ \t]*$)",
    re.MULTILINE,
)
# "Amenda From Gasgoo| July 20 , 2021 17:28 BJT": the writer, then the outlet.
_NAME_FROM_OUTLET = re.compile(
    r"^[ \t]*(?P<reporter>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})[ \t]+From[ \t]+[A-Z][^|\n]{1,40}?[ \t]*\|",
    re.MULTILINE,
)
# "China's coal mining province leads ...\nZhao Yuheng, Wang Peng\n\n": the reporters'
# names alone on the line under the headline, two words each.
_TWO_WORD_NAME = r"[A-Z][a-z]+[ ][A-Z][a-z]+"
_NAMES_UNDER_HEADLINE = re.compile(
    r"[ \t]*[^\n]{10,200}\n[ \t]*(?P<names>" + _TWO_WORD_NAME
    + r"(?:(?:,[ ]|[ ]and[ ])" + _TWO_WORD_NAME + r"){0,3})[ \t]*\n[ \t]*\n"
)  # fmt: skip
_GLUED_FIELD = re.compile(r"(?<=[a-z])(?=(?:Updated|Published|Source|Editor|Author)\s*:)")
_NAME_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b)\s*|" + _NEXT_AFTER_CITY)
_CITY_OF_NAME = re.compile(r"\s+in\s+[A-Z].*$")
_REPORTING_BY = re.compile(
    r"\((?:Reporting|Reported|Writing)\s+by\s+(?P<reporter>"
    + _NAME
    + r"(?:\s*(?:,|and)\s*"
    + _NAME
    + r")*)"
)
# "Port city plans to develop service industries, marine economy, Hu Qing reports.":
# a standfirst that ends with its reporter.
_STANDFIRST_REPORTS = re.compile(
    r"^[^\n]{10,300}?,\s+(?P<reporter>" + _NAME + r"(?:\s+and\s+" + _NAME + r")?)"
    r"\s+reports?\.?[ \t]*$",
    re.MULTILINE,
)
# "Source: Xinhua | 2024-03-05", "Writer: Zhang Yu | Editor: ... | From: Shenzhen Daily"
_SOURCE_LINE = re.compile(
    # An empty "From:" names nothing: the outlet is on the label's own line.
    r"\b(?:Source|From)[ \t]*:[ \t]*(?P<outlet>[^|\n]{2,60}?)[ \t]*"
    # "Source:Haibao News 11-16-2023 17:05:00": the date after the outlet.
    r"(?:\||\n|$|(?:19|20)\d\d|\s\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d|"
    r"\s(?:Editor|Author|By|Updated|Published|Date|Time)\b)"
)
# The stored copy of a page may open with its date: " date 2025-02-13 Headline ...".
_DATE_FIELD = re.compile(r"^\s*date\s+(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b")
# "Chinadaily.com.cn", "China.org.cn": a site's name as pages print it; not an e-mail address.
_DOMAIN = re.compile(
    r"(?<![\w@.\-])(?P<domain>(?:[a-z0-9\-]+\.)+(?:com|cn|net|org)(?:\.cn)?)\b(?!@)",
    re.IGNORECASE,
)
_MONTH_NAME = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "Nov 29, 2008", "November-29-2008", and day first after its weekday: "Tuesday, 06
# November, 2012" (a bare "15 July 2015" may be the site template's, not the page's).
_MONTH_NAME_DATE = (
    _MONTH_NAME
    # "July 20 , 2021": a scraped page may space the comma.
    + r"(?:\s+|-)\d{1,2}(?:\s?,\s*|\s+|-)(?:19|20)\d\d"
    + r"|\b(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*),?\s+[0-3]?\d\s+"
    + _MONTH_NAME
    + r",?\s+(?:19|20)\d\d"
)
_HEADER_DATE = re.compile(
    r"(?P<date>(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}|"
    + _MONTH_NAME_DATE
    # "China.org.cn, 03 10, 2021", "11-16-2023": month and day in digits, then the year.
    + r"|(?<![\d.])[01]?\d\s+[0-3]?\d,\s*(?:19|20)\d\d"
    + r"|(?<![\d.\-])[01]?\d-[0-3]?\d-(?:19|20)\d\d)"
)
# A header line is short and not a sentence: a caption's date is not the page's.
_HEADER_LINE_WORDS = 14


def _from_header(text: str) -> Metadata:
    head = text[:_HEAD]
    lines = _header_lines(head)
    date_field = _DATE_FIELD.match(head)
    # " date 2021-03-22 BEIJING, March 22, 2021 /PRNewswire/ --": the stored copy's
    # date field opens the dateline's line; blanked, the line starts at the dateline.
    dateline = _dateline(" " * date_field.end() + head[date_field.end() :] if date_field else head)
    header_date = (
        dt.date.fromisoformat(date_field.group("iso")) if date_field else _header_date(lines)
    )
    outlet = reporter = city = None
    published_on, inferred, header_end = None, False, 0
    dateline_span: tuple[int, int] | None = None
    if dateline is not None:
        groups = dateline.groupdict()
        outlet = groups.get("outlet")
        city = _title_case(dateline.group("city").strip())
        dateline_span = dateline.span("city")
        header_end = dateline.end()
        reporter = groups.get("reporter")
        if groups.get("month"):
            published_on, inferred = _dateline_date(text, head, dateline, header_date)
    headline = None
    bar = _BYLINE_BAR.search(head)
    if bar is not None:
        outlet = outlet or bar.group("outlet").strip()
        reporter = reporter or bar.group("reporter")
        header_date = header_date or _bar_date(bar)
        if bar.group("city") and city is None:
            city = _title_case(bar.group("city"))
            dateline_span = bar.span("city")
        headline = _headline_before(text, bar.start())
        header_end = max(header_end, bar.end())
        if headline is None:
            headline, header_end = _headline_after(text, bar.end())
    outlet = (
        _canonical_outlet(outlet)
        if outlet
        else _credited_outlet(head, lines)
        or _credit_lead(head)
        or _interviewing_outlet(text)
        or _marked_outlet(head)
        or _release_wire(dateline)
    )
    reporter = reporter or _byline(head, text)
    return Metadata(
        outlet=outlet,
        dateline_city=city,
        published_on=published_on or header_date,
        is_date_inferred=inferred and published_on is not None,
        reporter=_title_case(" ".join(reporter.split())) if reporter else None,
        headline=headline,
        header_end=header_end,
        dateline_start=dateline_span[0] if dateline_span else None,
        dateline_end=dateline_span[1] if dateline_span else None,
    )


_WIRE_MARK = re.compile(r"\s/[A-Za-z][A-Za-z\- ]{1,30}/\s")


def _release_wire(dateline: re.Match[str] | None) -> str | None:
    """ "/PRNewswire/": the wire that carried a release no one else is credited with."""
    wire = dateline.groupdict().get("wire") if dateline else None
    return _canonical_outlet(wire) if wire else None


def _bar_date(bar: re.Match[str]) -> dt.date | None:
    if bar.group("iso"):
        return dt.date.fromisoformat(bar.group("iso"))
    from dateutil import parser

    try:
        # "10:27,27-January-2022": a time, then the day.
        return parser.parse(bar.group("date").replace(",", ", "), fuzzy=True).date()
    except (ValueError, OverflowError):
        return None


def _dateline_date(
    text: str, head: str, dateline: re.Match[str], header_date: dt.date | None
) -> tuple[dt.date | None, bool]:
    """The dateline's day, in the year it gives, or the header's, or a caption's
    above it, or the one the text implies (then inferred)."""
    groups = dateline.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    inferred = False
    if year is None and header_date is not None:
        year = header_date.year
    if year is None:
        year = _year_before(head[: dateline.start()], groups["month"], groups["day"])
    if year is None:
        year = infer_year(text)
        inferred = year is not None
    published_on = _date(year, groups["month"], groups["day"])
    if published_on and header_date and not groups.get("year") and published_on > header_date:
        published_on = published_on.replace(year=published_on.year - 1)
    return published_on, inferred


# "By HU DONGMEI in Yinchuan and FAN FEIFEI in Beijing for China Daily, updated:
# 2022-09-21 09:22": a byline with its reporters' cities runs longer than a header line.
# "Updated: Mar 11, 2024 By CHENG YU in Beijing and ZHU LIXIN in Hefei China Daily ...".
_BYLINE_LINE_WORDS = 30
_BYLINE_OPENINGS = ("By ", "Updated", "Published")


# "... turbocharging Hefei's rapid growthBy Tu Lei, Zhang Weilan and Ding Yazhi (Global
# Times) 09:24, May 27, 2024": a scraped headline glued to its byline.
# The lookbehind follows "By": a pattern that opens with one is tried at every position.
_GLUED_BYLINE = re.compile(r"By(?<=[a-z]By)(?= [A-Z])")


def _unglued(head: str) -> str:
    return _GLUED_BYLINE.sub("\nBy", head) if "By " in head else head


def _header_lines(head: str) -> list[str]:
    return [
        line.strip()
        for line in _unglued(head).splitlines()
        if line.strip()
        and len(line.split())
        <= (
            _BYLINE_LINE_WORDS if line.lstrip().startswith(_BYLINE_OPENINGS) else _HEADER_LINE_WORDS
        )
        and not line.rstrip().endswith(".")
    ]


def _dateline(head: str) -> re.Match[str] | None:
    found = [
        m
        for pattern in _DATELINES
        if any(mark in head for mark in _DATELINE_MARKS[pattern])
        and (m := _first_dateline(pattern, head)) is not None
    ]
    return min(found, key=lambda m: m.start()) if found else None


def _first_dateline(pattern: re.Pattern[str], head: str) -> re.Match[str] | None:
    """The pattern's first match that is a dateline: a match that is not (a section
    label, "Business News (Reuters) -") does not hide a later one."""
    for match in pattern.finditer(head):
        if _is_dateline(match):
            return match
    return None


_KNOWN_PLACE_ONLY = (_PLACE_HYPHEN, _CAPITALS_MARK)


def _is_dateline(match: re.Match[str]) -> bool:
    if match.re is _AGENCY_FIRST:
        return _is_agency(match)
    # "Economy - The ..." is a section label: a bare hyphen needs a place before it.
    if match.re in _KNOWN_PLACE_ONLY or match.groupdict().get("titled"):
        return _title_case(match.group("city")) in _place_names()
    return True


def _is_agency(match: re.Match[str]) -> bool:
    outlet = match.group("outlet").strip()
    if outlet.isupper() and len(outlet.split()) == 1:
        return False
    # Anywhere but the very start, only a known outlet opens a dateline.
    return match.start() == 0 or outlet in _outlets() or outlet.lower() in _outlets_folded()


_EARLIEST_PAGE_YEAR = 1990


def _spaced(date: str) -> str:
    # dateutil reads "Jan 16,2023" as the 16th of this year, and "November-29-2008" not at all.
    if date[:1].isalpha():
        date = date.replace("-", " ")
    return date.replace(",", ", ")


def _header_date(lines: list[str]) -> dt.date | None:
    from dateutil import parser

    for line in lines:
        found = _HEADER_DATE.search(line)
        if found is None:
            continue
        try:
            date = parser.parse(_spaced(found.group("date"))).date()
        except (ValueError, OverflowError):
            continue
        # "Publishtime:1970-01-01 08:00:00": a template's zero date, not the page's.
        if date.year >= _EARLIEST_PAGE_YEAR:
            return date
    return None


# "Regional Economy", "Latest News" over a date line: a section's name, no person's.
_SECTION_WORDS = frozenset((
    "News", "Economy", "Business", "Latest", "Regional", "Watch", "World", "China",
    "Province", "City", "Politics", "Society", "Opinion", "Tech", "Technology", "Sports",
    "Culture", "Focus", "Global", "Local", "Industry", "Markets", "Finance", "Home", "Top",
    "Stories", "Photos", "Video", "Life", "Travel", "Science", "Energy", "Trade",
    "Report", "Special", "Editor", "Recommends", "Feature", "Features", "Exclusive",
))  # fmt: skip


def _person_like(name: str) -> bool:
    return (
        name not in _outlets()
        and name not in _place_names()
        and not _SECTION_WORDS.intersection(name.split())
    )


def _byline(head: str, text: str) -> str | None:
    found = _byline_pattern().search(_unglued(head))
    if found is not None:
        return _reporters(found.group("reporter"))
    alone = _NAME_OVER_FIELD.search(head)
    if alone is not None and _person_like(alone.group("reporter")):
        return alone.group("reporter")
    then_outlet = _name_then_outlet_pattern().search(head) if "Published" in head else None
    if then_outlet is not None and _person_like(then_outlet.group("reporter")):
        return then_outlet.group("reporter")
    from_outlet = _NAME_FROM_OUTLET.search(head) if " From " in head else None
    if from_outlet is not None and _person_like(from_outlet.group("reporter")):
        return from_outlet.group("reporter")
    under = _NAMES_UNDER_HEADLINE.match(head)
    if under is not None:
        names = _NAME_SEPARATOR.split(under.group("names"))
        # "Hefei Anhui" under a headline names places, not reporters.
        if all(n and _person_like(n) and not _place_names().intersection(n.split()) for n in names):
            return ", ".join(names)
    credit = _REPORTING_BY.search(text) or _STANDFIRST_REPORTS.search(head)
    if credit is None or credit.group("reporter") in _outlets():
        return None  # "..., Reuters reports.": an outlet, not a reporter
    return re.sub(r"\s+and\s+", ", ", credit.group("reporter"))


def _reporters(byline: str) -> str:
    names = [_CITY_OF_NAME.sub("", n) for n in _NAME_SEPARATOR.split(byline) if n]
    # "By He Yong, Sun Chao, People's Daily": the outlet closes the list.
    # "By QIU QUANLIN in Shantou, Guangdong": the city's province is no reporter.
    return ", ".join(
        dict.fromkeys(n for n in names if n and n not in _outlets() and n not in _place_names())
    )


# What a site's template prints where it knows no source or author: "Source: Internet",
# "Author: User".
_PLACEHOLDER = re.compile(
    r"(?i:internet|network|online|the\s+web|web|unknown|n/a|none|user|admin|administrator|"
    r"anonymous)|网络|互联网"
)
_PHOTO_CREDIT = re.compile(
    r"[(\[](?:Photo|Image|Picture)s?\s*[/:][^)\]\n]{1,60}[)\]]", re.IGNORECASE
)
_PICTURE_CREDIT = re.compile(r"(?i:image|photo|picture|photograph|graphic)s?\s*(?::|by\b)")


def _credited_outlet(head: str, lines: list[str]) -> str | None:
    """A "Source:" line, else the first known outlet or site named on a header line."""
    source = _SOURCE_LINE.search(head)
    if source is not None and not _PLACEHOLDER.fullmatch(source.group("outlet")):
        return _canonical_outlet(source.group("outlet"))
    known = _outlets()
    for line in lines:
        if _PICTURE_CREDIT.match(line):
            continue  # "Image: chaylek – stock.adobe.com": whose picture, not whose story
        # "XinhuaUpdated: April 12, 2022": a scraped page lost the space before the field.
        # "/PRNewswire/ -- A news report from iChongqing": the wire only carried it.
        line = _WIRE_MARK.sub(" ", _GLUED_FIELD.sub(" ", line))
        # "Farmers pick tea leaves ... (Photo/Xinhua)": whose picture, not whose story.
        line = _PHOTO_CREDIT.sub(" ", line)
        if line.endswith(":") and len(line.split()) <= 4:
            continue  # "Guangming Daily:" over a question: who asks, not who reports
        for name in _outlet_names_in(line):
            return known[name]
        domain = _DOMAIN.search(line)
        if domain is not None:
            return _outlet_by_domain(domain.group("domain").lower())
    return None


def _interviewing_outlet(text: str) -> str | None:
    """The outlet whose reporters did the interviews: "told the Global Times",
    "in an interview with China Daily", "China Daily learned" - the story's own,
    when no byline names it."""
    names = "|".join(re.escape(n) for n in sorted(_outlets(), key=len, reverse=True))
    pattern = re.compile(
        r"\b(?:told|(?:an\s+)?interview\s+with)\s+(?:the\s+)?(?P<a>" + names
        + r")\b|\baccording\s+to\s+(?P<c>" + names
        # "according to Caixin calculations": the outlet's own counting.
        + r")(?:['’]s)?\s+(?:calculations|analysis|tally|count|survey|statistics)\b"
        + r"|\b(?P<b>" + names
        + r")\s+(?:has\s+)?(?:learned|learnt|reporters?|correspondents?)\b"
    )  # fmt: skip
    found = pattern.search(text)
    return _outlets()[found.group("a") or found.group("b") or found.group("c")] if found else None


# "(Bloomberg) -- Pieces of ...", "(People’s Daily) After meals ...": a credit
# opening the story, with no city; only a known outlet's.
# "(Bloomberg) -- ...", "Jul.7 (China Daily) -- ...": a credit opening the story.
_CREDIT_LEAD = re.compile(
    r"^[ \t]*(?:date\s+\S+\s+)?(?:[A-Z][a-z]{2,8}\.?\s*\d{1,2}\s*)?"
    r"\((?P<outlet>[A-Z][A-Za-z.'’ ]{1,40})\)[ \t]*(?:--|—|–|(?=[A-Z]))",
    re.MULTILINE,
)


def _credit_lead(head: str) -> str | None:
    found = _CREDIT_LEAD.search(head)
    return _outlets().get(found.group("outlet")) if found else None


def _marked_outlet(head: str) -> str | None:
    """The outlet whose page template the head shows, when nothing names one."""
    lines = [line.strip() for line in head.splitlines()]
    for outlet, mark in _page_marks():
        if any(mark.fullmatch(line) for line in lines):
            return outlet
    return None


@functools.cache
def _page_marks() -> list[tuple[str, re.Pattern[str]]]:
    from etl.extract.reference import default_reference

    return [
        (outlet.name, re.compile(mark))
        for outlet in default_reference().outlets
        for mark in outlet.page_marks
    ]


def _canonical_outlet(raw: str) -> str:
    # "Source: by Shanghai Daily"
    raw = re.sub(r"^by\s+", "", raw.strip(" |()"), flags=re.IGNORECASE)
    return _outlets().get(raw) or _outlets_folded().get(raw.lower(), raw)


@functools.cache
def _outlets_folded() -> dict[str, str]:
    """ "Chinanews.com, Nanchang, January 15th": a site's name as a page capitalises it."""
    return {name.lower(): outlet for name, outlet in _outlets().items()}


@functools.cache
def _outlets() -> dict[str, str]:
    """Every English name and Latin alias of the reference outlets → its name."""
    from etl.extract.reference import default_reference

    names: dict[str, str] = {}
    for outlet in default_reference().outlets:
        for surface in (outlet.name, *outlet.aliases):
            if surface.isascii():
                names[surface] = outlet.name
                # Pages print "People’s Daily" with a typographic apostrophe.
                names[surface.replace("'", "’")] = outlet.name
    return names


@functools.cache
def _outlet_pattern() -> re.Pattern[str]:
    names = sorted(_outlets(), key=len, reverse=True)
    # "2017-01-10 14:12Xinhua Editor: ...": a scraped header glued the outlet to the time.
    return re.compile(
        r"(?:(?<![\w.])|(?<=\d:\d\d))(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])"
    )


@functools.cache
def _place_names() -> frozenset[str]:
    from etl.extract.reference import default_reference

    reference = default_reference()
    return frozenset([p.name for p in reference.provinces] + [c.name for c in reference.cities])


def _outlet_names_in(line: str) -> list[str]:
    return [m.group(0) for m in _outlet_pattern().finditer(line)]


def outlet_of_url(url: str) -> str | None:
    """The outlet whose site a page came from, by the reference domains; None
    for a site the reference does not know (a copy on an aggregator)."""
    from urllib.parse import urlsplit

    return _known_outlet_of_host((urlsplit(url).hostname or "").lower())


def _known_outlet_of_host(host: str) -> str | None:
    from etl.extract.reference import default_reference

    for outlet in default_reference().outlets:
        if any(host == d or host.endswith("." + d) for d in outlet.domains):
            return outlet.name
    return None


def _outlet_by_domain(domain: str) -> str:
    """A site named in the text: its outlet, or the site itself when unknown."""
    return _known_outlet_of_host(domain) or domain.removeprefix("www.")


def _headline_before(text: str, position: int) -> str | None:
    lines = [line.strip() for line in text[:position].splitlines() if line.strip()]
    return lines[-1] if lines else None


def _headline_after(text: str, position: int) -> tuple[str | None, int]:
    """A short first line after a byline, without a full stop, is the headline."""
    rest = text[position:]
    stripped = rest.lstrip("\r\n")
    line_end = stripped.find("\n")
    line = stripped if line_end < 0 else stripped[:line_end]
    candidate = line.strip()
    if candidate and len(candidate.split()) <= 16 and not candidate.endswith((".", '"', "”")):
        return candidate, position + (len(rest) - len(stripped)) + len(line)
    return None, position


def parse_month_day(month: str, day: str, year: int | None) -> dt.date | None:
    return _date(year, month, day)


MONTH_DAY = re.compile(
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b"
)

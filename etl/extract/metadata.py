"""Article metadata from the wire datelines and bylines news outlets use."""

from __future__ import annotations

import dataclasses
import datetime as dt
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
_CITY = r"(?P<city>[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3})"
_NAME = r"[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){0,3}"

# China News Service, Beijing, February 25 (Reporter Liu Yuying)
_AGENCY_FIRST = re.compile(
    r"^\s*(?P<outlet>[A-Z][A-Za-z.&]*(?:\s+[A-Z][A-Za-z.&]*){0,4}),\s*"
    + _CITY
    + r",\s*"
    + _MONTH
    + _DAY_YEAR
    + r"\s*(?:\((?i:reporters?|by|written\s+by)[:\s]+(?P<reporter>[^)]{1,80})\))?"
)
# BEIJING, Feb. 25 (Xinhua) --   /   SHANGHAI, March 5 (Reuters) -
_CITY_FIRST = re.compile(
    r"^\s*"
    + r"(?P<city>[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3})"
    + r",\s*"
    + _MONTH
    + _DAY_YEAR
    + r"\s*\((?P<outlet>[A-Z][A-Za-z. ]{1,40})\)\s*(?:-{1,2}|—|–|:)?"
)
# By NAME [in CITY] | China Daily | Updated: 2024-03-05 09:12
_BYLINE_BAR = re.compile(
    r"^\s*By\s+(?P<reporter>" + _NAME + r"(?:\s+and\s+" + _NAME + r")?)"
    r"(?:\s+in\s+(?P<city>[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+)?))?"
    r"\s*\|\s*(?P<outlet>[^|\n]{2,60}?)\s*\|\s*(?:Updated|Published)?:?\s*"
    r"(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?",
    re.MULTILINE,
)
_REPORTING_BY = re.compile(r"\((?:Reporting|Reported)\s+by\s+(?P<reporter>" + _NAME + r")")
_ISO_DATE_LINE = re.compile(r"^\s*(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b", re.MULTILINE)

# Years that date the article's present ("since 2024", "in 2024", "this
# year's ... 2024") as opposed to targets ("by 2027") or the past ("in 2019,"
# can still be past, so weigh rather than exclude).
_YEAR = re.compile(r"(?P<before>\b\w+\s+)?(?P<year>\b(?:19|20)\d{2})\b(?!\s*(?:yuan|%|percent))")
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


def infer_year(text: str) -> int | None:
    """The year the article is written in, from the years its text mentions."""
    votes: Counter[int] = Counter()
    for match in _YEAR.finditer(text):
        before = (match.group("before") or "").strip().lower()
        year = int(match.group("year"))
        if before in _TARGET_PREPOSITIONS:
            continue
        votes[year] += 3 if before in {"since", "in", "of", "this", "for"} else 1
    if not votes:
        return None
    return max(votes.items(), key=lambda item: (item[1], item[0]))[0]


def extract_metadata(text: str) -> Metadata:
    return dataclasses.replace(_from_header(text), language=guess_language(text))


def _from_header(text: str) -> Metadata:
    head = text[:2000]
    for pattern in (_CITY_FIRST, _AGENCY_FIRST):
        match = pattern.match(head)
        if match is None:
            continue
        city = _title_case(match.group("city").strip())
        outlet = match.group("outlet").strip()
        if pattern is _AGENCY_FIRST and outlet.isupper() and len(outlet.split()) == 1:
            continue
        year = int(match.group("year")) if match.group("year") else None
        inferred = False
        if year is None:
            year = infer_year(text)
            inferred = year is not None
        reporter = match.groupdict().get("reporter")
        if reporter is None:
            by = _REPORTING_BY.search(text)
            reporter = by.group("reporter") if by else None
        end = match.end()
        return Metadata(
            outlet=outlet,
            dateline_city=city,
            published_on=_date(year, match.group("month"), match.group("day")),
            is_date_inferred=inferred,
            reporter=_title_case(reporter.strip()) if reporter else None,
            headline=None,
            header_end=end,
            dateline_start=match.start("city"),
            dateline_end=match.end("city"),
        )
    bar = _BYLINE_BAR.search(head)
    if bar is not None:
        headline = _headline_before(text, bar.start())
        header_end = bar.end()
        if headline is None:
            headline, header_end = _headline_after(text, bar.end())
        city = bar.group("city")
        return Metadata(
            outlet=bar.group("outlet").strip(),
            dateline_city=_title_case(city) if city else None,
            published_on=dt.date.fromisoformat(bar.group("iso")),
            is_date_inferred=False,
            reporter=_title_case(bar.group("reporter").strip()),
            headline=headline,
            header_end=header_end,
            dateline_start=bar.start("city") if city else None,
            dateline_end=bar.end("city") if city else None,
        )
    iso = _ISO_DATE_LINE.search(head)
    return Metadata(
        outlet=None,
        dateline_city=None,
        published_on=dt.date.fromisoformat(iso.group("iso")) if iso else None,
        is_date_inferred=False,
        reporter=None,
        headline=None,
        header_end=0,
    )


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

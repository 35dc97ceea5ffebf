"""Quantitative targets in English: counts with their nouns, money, growth rates.

A target is a number a province commits to: "15 provincial-level future
industrial clusters", "invest more than 450 billion yuan", "a 15 percent
increase". Money and percentages count only in a clause that looks ahead
(will, aims, plans, targets, by 2027): "output reached 900 billion yuan last
year" is an achievement, not a target.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Target:
    quantity: int | float
    is_approximate: bool
    text: str
    start: int
    end: int


_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "a dozen": 12,
    "dozens of": 24,
}
_APPROX = (
    r"around|about|approximately|nearly|almost|roughly|some|over|more than|at least|up to|"
    r"no fewer than|no less than|close to"
)
_HEADS = (
    r"clusters|chains|industries|parks|projects|enterprises|companies|firms|bases|zones|"
    r"platforms|factories|centers|centres|sectors|sites|hubs|programs|programmes|"
    r"laboratories|labs|institutes|plants|scenarios|champions|giants|incubators|corridors|"
    r"demonstration zones|pilot zones|industrial parks|stations|charging piles|data centers|"
    r"vehicles|airports|routes|mines|headquarters|units|groups|products|institutions|workshops|"
    r"brands|unicorns|suppliers|startups|start-ups|graduates|talents|ports|facilities|jobs|"
    r"businesses|NEVs|EVs|racks|outlets|tourists|visitors|towns|nodes|(?-i:HRS)"
)
_TARGET = re.compile(
    r"(?<![\w.,$¥])(?:(?P<approx>" + _APPROX + r")\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|(?i:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    # A modifier may start with a digit when letters follow: "1,000 5G base stations".
    # "2.3 million charging piles": a count may have its multiplier.
    + r"))(?:(?P<fraction>\.\d+)?\s+(?P<count_mult>million|billion))?"
    + r"\s+(?P<scale>\d[\d,.]*\s+(?:trillion|billion|million)[\s-]+yuan[\s-]+)?"
    # Modifiers may be quoted: 10 “leading innovative companies”.
    # "10 R&D headquarters": a modifier may hold an ampersand.
    # A modifier is no preposition: "help 12 cities across the province build charging
    # stations" counts cities, not stations.
    + r"[“\"‘]?(?P<mods>(?:(?!(?:the|in|across|for|with|by|from|at|on|into)\s)"
    + r"(?:[A-Za-z]|\d+[A-Za-z]|\d[\d,]*-[A-Za-z])[\w\-&]*\s+){0,6}?)(?P<head>"
    + _HEADS
    + r")\b",
    re.IGNORECASE,
)
# "already has eight clusters" states a stock, not a target.
_STOCK = re.compile(
    r"\b(?:already|currently|now)\s+(?:has|have|had|boasts|hosts)\b|\bboasts\b|\bis home to\b|"
    # "Chongqing should be home to 25,000 SMEs", "plans to become home to 50 ...": aims.
    r"\bthere (?:are|were)\b|\bso far\b|\bhome to\b(?<!be home to)(?<!become home to)"
)
_NOT_COUNTED = {"yuan", "percent", "billion", "million", "trillion", "dollars", "years", "times"}


_MULTIPLIERS = {
    "trillion": 10**12, "billion": 10**9, "million": 10**6, "tn": 10**12, "bn": 10**9, "mn": 10**6,
}  # fmt: skip
_MONEY = re.compile(
    r"(?<![\w.,$(])(?:(?P<approx>"
    + _APPROX
    + r")\s+)?(?P<currency>US\$|\$|RMB\s?|CNY\s?|USD\s?|¥)?"
    # The space belongs to the multiplier: "10,000 yuan" keeps its unit.
    # "$41.4bn": trade papers abbreviate the multiplier.
    # "a 200-billion-yuan biomedical cluster": hyphens join them before a noun.
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:(?:\s*|-)(?P<mult>trillion|billion|million|tn|bn|mn)\b)?"
    # "47.3 billion CNY": the currency's code after the amount.
    r"(?:(?:\s+|-)(?P<unit>yuan|CNY|RMB|U\.S\.\s+dollars|dollars|US\s+dollars))?\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    # "from 30 to 40 percent" is no range: the figure reached is the second.
    r"(?<![\w.,\-–])(?<!from )(?:(?P<approx>"
    + _APPROX
    # "GDP growth of 5-5.5 per cent": a range, its floor.
    + r")\s+)?(?P<num>\d+(?:\.\d+)?)(?P<range>\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?(?:\s*|-)"
    r"(?:percent(?!age)|per\s+cent|%)",
    re.IGNORECASE,
)
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|should|aims?|aiming|targets?|targeted|targeting|scheduled|plan(?<![Yy]ear plan)s?|planning|planned|goals?|strives?|seeks?|eyes|eyeing|"
    r"expects?|expected|is set to|to (?:reach|exceed|hit|achieve|invest|increase|raise|boost|"
    r"build|develop|create|form|cultivate|expand|grow|lift|double|bring)|"
    r"(?:looking|looks|hopes?|intends?) to|"
    # "Sanya has projected a GDP growth rate of around 6.5 percent for 2025"
    # "projects" is no verb here: "52 projects ... have been completed" plans nothing.
    r"projected|forecast|forecasts|anticipated|anticipates|"
    # "nurturing 10 clusters, including a 1 trillion yuan automotive cluster"
    r"nurturing|cultivating|fostering|"
    # "to 1 trillion yuan within three years", "by year's end", "over the next 5 years".
    r"within\s+(?:the\s+next\s+)?\w+\s+years|(?:in|over)\s+the\s+(?:next|coming)\s+\w+\s+years|"
    r"by\s+year['’]s\s+end|"
    r"by (?:the end of )?20\d\d)\b",
    re.IGNORECASE,
)
# A counted noun is a target after a verb that commits or plans ("will build
# 40 chains", "aims to nurture two clusters"), not after one that reports.
_COMMITS_BEFORE = re.compile(
    r"\b(?:will|would|aims?|aiming|targets?|targeting|plan(?<![Yy]ear plan)s?|planning|planned|goal|strives?|seeks?|"
    # "Thanks to ..., the province has attracted 211 projects": no aim in "to" there.
    r"pledged?|vowed?|proposed?|proposes|(?<!thanks )(?<!due )(?<!according )(?<!compared )(?<!\d )to|"
    r"build|cultivate|foster|nurture|develop|launch|set up|"
    r"establish|create|add|attract|form|open|push ahead|by 20\d\d|nurturing|cultivating|fostering|"
    r"building|developing)\b",
    re.IGNORECASE,
)
# "... 10 provincial clusters will be cultivated": the commitment follows.
_PASSIVE_AFTER = re.compile(
    r"\s*(?:[^.;]{0,160}?\s)?(?:will|are to|is to|shall)\s+be\b", re.IGNORECASE
)
_LOOKS_BACK = re.compile(
    r"\b(?:last year|in (?:19|20)\d\d,|grew|rose|reached|hit|totaled|totalled|increased|up from|beat|surpassed|exceeded|topped|"
    r"accounted for|registered|recorded|was|were|completed|"
    # "..., higher than the rise of 5.2 per cent projected for 2024": a comparison.
    r"higher than|lower than|compared with|compared to|an increase from|down from)\b",
    re.IGNORECASE,
)


# "annual output of new energy vehicles will exceed 1.2 million by 2025": a level.
_LEVEL = re.compile(
    # "The number of standard racks ... is expected to reach 260,000", "computing power
    # will exceed 210,000 PFLOPS".
    r"\b(?:output|production|sales|capacity|exports|volume|number\s+of|computing\s+power)\b"
    r"[^.;]{0,80}?\b(?:exceed|reach|hit|surpass|top)\s+"
    r"(?:(?P<approx>" + _APPROX + r")\s+)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(?P<mult>million|billion)?\b(?![.,]?\d|\s*(?:yuan|dollars|percent|%|U\.S\.|million|billion|trillion))",
    re.IGNORECASE,
)


# "raise output to 500,000 t/yr by 2025", "10 GW of offshore wind": a physical
# quantity, a target where the clause looks ahead.
_MEASURE = re.compile(
    r"(?<![\w.,])(?:(?P<approx>" + _APPROX + r")\s+)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(?P<mult>million|billion)?\s*(?:t/yr|t/y|tonnes?|tons?|metric tons|GW|MW|GWh|kW|kWh|"
    # "3 billion cubic meters" of gas a year.
    r"gigawatts?|megawatts?|kilowatts?|cubic\s+met(?:er|re)s)(?![\w/])",
    re.IGNORECASE,
)


def _measures(body: str, start: int, end: int) -> list[Target]:
    return [
        _scaled(match)
        for match in _MEASURE.finditer(body, start, end)
        if _ahead_of(body, start, match.start())
    ]


def _levels(body: str, start: int, end: int) -> list[Target]:
    return [_scaled(match) for match in _LEVEL.finditer(body, start, end)]


def _scaled(match: re.Match[str]) -> Target:
    """A number with its multiplier ("1.2 million") as a target."""
    quantity = Decimal(match.group("num").replace(",", ""))
    if match.group("mult"):
        quantity *= _MULTIPLIERS[match.group("mult").lower()]
    return _target(quantity, match)


_A_CURRENCY = re.compile(r"\$|¥|rmb|cny|usd|yuan|dollars", re.IGNORECASE)
_A_PERCENT = re.compile(r"%|per\s*cent", re.IGNORECASE)
_A_UNIT = re.compile(r"t/y|ton|gw|mw|kw|watt|cubic", re.IGNORECASE)


def find_targets(body: str, start: int, end: int) -> list[Target]:
    """Counted nouns anywhere in the clause; money, rates and levels where it looks ahead."""
    # Most clauses hold no number at all: one cheap search spares every pattern.
    if not _A_NUMBER.search(body, start, end):
        return []
    found = [
        t
        for t in _counted(body, start, end)
        if _COMMITS_BEFORE.search(body, start, t.start)
        or _PASSIVE_AFTER.match(body, t.end, min(end, t.end + 80))
    ]
    # Money, rates, levels and measures are written in digits.
    if _DIGIT.search(body, start, end) and _LOOKS_AHEAD.search(body, start, end):
        # Each pattern needs its currency, percent sign or unit: a clause without one
        # is not scanned for it (the patterns' leading lookbehinds scan slowly).
        if _A_CURRENCY.search(body, start, end):
            found += _money(body, start, end)
        if _A_PERCENT.search(body, start, end):
            found += _rates(body, start, end)
        found += _levels(body, start, end)
        if _A_UNIT.search(body, start, end):
            found += _measures(body, start, end)
    taken: list[Target] = []
    for target in sorted(found, key=lambda t: (t.start, -(t.end - t.start))):
        if not taken or target.start >= taken[-1].end:
            taken.append(target)
    return taken


_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:an?\s+|the\s+)?(?:estimated\s+|expected\s+|revised\s+|preliminary\s+)?"
    r"(?:(?:" + _APPROX + r")\s+)?(?:US\$|\$|RMB\s?|CNY\s?|¥)?$",
    re.IGNORECASE,
)
# "an increase from last year's more ambiguous goal of over 5 per cent": a past aim.
_PAST_AIM = re.compile(r"\b(?:last|previous)\s+year['’]s(?:\s+\w+){0,4}$")


# "increasing its industrial output to 1 trillion yuan within three years": the
# deadline follows the number.
_PAST_VERB = re.compile(r"\b(?:has|have|had|was|were)\b|\b\w{3,}ed\b")
# A deadline after the number, where no verb before it says it is done ("has
# attracted 30 billion yuan by 2023", "invested ... within three years").
_DEADLINE_AFTER = re.compile(
    r"(?:\s*\([^()]{0,40}\))?[^.;()]{0,30}?\s(?:by\s+(?:the\s+end\s+of\s+)?20\d\d|"
    r"within\s+(?:the\s+next\s+)?\w+\s+years|by\s+year['’]s\s+end|"
    r"(?:in|over)\s+the\s+(?:next|coming)\s+\w+\s+years)\b",
    re.IGNORECASE,
)


def _ahead_of(body: str, start: int, position: int, after: int | None = None) -> bool:
    """The words before the number look ahead, and no achieved verb sits between;
    or (given where the number ends) a deadline follows it and nothing before it
    looks back."""
    # "by 2025, Xi'an aims to achieve A, support B and reach C": an aim opens a list of
    # figures, so the look is long; bounded, a megabyte-long sentence stays linear.
    before = body[max(start, position - 500) : position]
    if _PAST_AIM.search(before.rstrip('“"‘ ').removesuffix("of").rstrip()):
        return False
    if _FROM_BEFORE.search(before, max(0, len(before) - 40)):
        return False  # "easing from an estimated 6.7 percent in 2016": where it starts
    if (
        after is not None
        and _DEADLINE_AFTER.match(body, after, after + 120)
        and not _LOOKS_BACK.search(before)
        # "invested 50 billion yuan ... within three years": done, not aimed at.
        and not _PAST_VERB.search(before, max(0, len(before) - 60))
    ):
        return True
    ahead = list(_LOOKS_AHEAD.finditer(before))
    # "the industry-added value will have increased over 7% annually": a future perfect.
    # "foreign trade volume will hit 600 billion yuan": a verb of the future is no past.
    # ("similar to last year" still looks back: only a verb follows "to".)
    back = [b for b in _LOOKS_BACK.finditer(before) if not (before.endswith(
        ("will have ", "would have ", "will be ", "shall have ", "will ", "would ", "shall ",
         " to "), 0, b.start()) and b.group()[:1].isalpha() and not b.group().startswith(
        ("last year", "in ")))]  # fmt: skip
    return bool(ahead) and (not back or back[-1].start() < ahead[-1].start())


# "a subsidy of 300,000, 1 million and 5 million yuan", "rewards will be 5
# million": a cap on what one firm may get, not what the province aims for.
_PER_FIRM_AID = re.compile(
    r"\b(?:subsid(?:y|ies)|rewards?|rewarded|bonus(?:es)?|grants?|granted|awards?|awarded|"
    r"incentives?|rebates?|vouchers?|one-off|one-time)\b",
    re.IGNORECASE,
)


# "200 billion yuan (about $31 billion)": the same amount in another currency.
_CONVERSION_OPENS = re.compile(
    r"\(\s*(?:(?:" + _APPROX + r")\s*)?(?:[\d.,]+\s*(?:to|-|–)\s*)?(?:US\$|\$)?$", re.IGNORECASE
)


# "each" of several, not "each year".
_EACH_AFTER = re.compile(
    r"\s*(?:yuan\s*)?(?:\([^)]{0,40}\)\s*)?(?:each|apiece)\b(?!\s+(?:year|month|day))"
)


# "About 650 billion yuan will be spent on ...", "an input of 4 billion yuan (US$482
# million) will be injected into ...": the commitment follows the amount.
_SPENT_AFTER = re.compile(
    r"(?:\s*\([^()]{0,40}\))?\s+(?:will|is\s+to|are\s+to|shall)\s+be\s+(?:\w+ly\s+)?"
    r"(?:put|spent|injected|invested|used|raised|allocated|earmarked|channell?ed|poured|"
    r"devoted|set\s+aside)\b",
    re.IGNORECASE,
)


_ONE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)


def _money(body: str, start: int, end: int) -> list[Target]:
    found = []
    for match in _MONEY.finditer(body, start, end):
        if _PER_FIRM_AID.search(body, max(start, match.start() - 40), match.start()):
            continue
        if _CONVERSION_OPENS.search(body, max(start, match.start() - 20), match.start()):
            continue
        if _EACH_AFTER.match(body, match.end()):
            continue  # "projects with an investment of over 100 million yuan each"
        if "-" in match.group(0) and not _ONE_BEFORE.search(
            body, max(start, match.start() - 5), match.start()
        ):
            continue  # "eight 100-billion-yuan enterprises": the size of each of a count
        mult, unit, currency = match.group("mult"), match.group("unit"), match.group("currency")
        if not (currency or (mult and unit) or unit):
            continue
        if not (
            _ahead_of(body, start, match.start(), match.end())
            or _SPENT_AFTER.match(body, match.end(), min(end, match.end() + 80))
        ):
            continue
        quantity = Decimal(match.group("num").replace(",", ""))
        if mult:
            quantity *= _MULTIPLIERS[mult.lower()]
        found.append(_target(quantity, match))
    return found


def _rates(body: str, start: int, end: int) -> list[Target]:
    found = []
    for match in _PERCENT.finditer(body, start, end):
        if _ahead_of(body, start, match.start(), match.end()):
            target = _target(Decimal(match.group("num")), match)
            if match.group("range"):
                target = dataclasses.replace(target, is_approximate=True)
            found.append(target)
    return found


def _target(quantity: Decimal, match: re.Match[str]) -> Target:
    value: int | float = (
        int(quantity) if quantity == quantity.to_integral_value() else float(quantity)
    )
    return Target(
        value, match.group("approx") is not None, match.group(0), match.start(), match.end()
    )


def _is_stock(body: str, start: int, position: int) -> bool:
    """'Hubei boasts 80 academicians, ..., 30 labs' counts what is there; 'is home to
    X, said it would cultivate 100 firms' looks ahead again after the stock."""
    # A stock is stated near what it counts; a bounded look-back keeps a
    # megabyte-long sentence linear.
    stocks = list(_STOCK.finditer(body, max(start, position - 300), position))
    if not stocks:
        return False
    return not _LOOKS_AHEAD.search(body, stocks[-1].end(), position)


_DIGIT = re.compile(r"\d")
_RANKINGS = (" Fortune", " Global", " Forbes", " Top", " top")
_A_HEAD = re.compile(r"\b(?:" + _HEADS + r")\b", re.IGNORECASE)
_A_NUMBER = re.compile(r"\d|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


_LONGEST_APPROX = max(len(word) for word in _APPROX.split("|"))


def _counted(body: str, start: int, end: int) -> list[Target]:
    found: list[Target] = []
    # Most clauses hold no number, or no noun that is counted: a cheap search each
    # spares the big pattern.
    first_number = _A_NUMBER.search(body, start, end)
    if not first_number or not _A_HEAD.search(body, start, end):
        return found
    # No count starts before the first number or the "more than" just before it.
    reach = first_number.start()
    while reach > start and body[reach - 1].isspace():
        reach -= 1
    for match in _TARGET.finditer(body, max(start, reach - _LONGEST_APPROX), end):
        mods = match.group("mods").lower().split()
        if any(word in _NOT_COUNTED for word in mods):
            continue
        raw = match.group("num").lower()
        quantity = _NUMBER_WORDS.get(raw) if raw in _NUMBER_WORDS else int(raw.replace(",", ""))
        if quantity is None or quantity <= 0:
            continue
        if match.group("count_mult"):
            digits = raw.replace(",", "")
            scaled = (
                Decimal(digits + (match.group("fraction") or "")) if digits.isdigit() else quantity
            )
            quantity = int(scaled * _MULTIPLIERS[match.group("count_mult").lower()])
        if raw.isdigit() and len(raw) == 4 and 1900 <= quantity <= 2100:
            continue
        if body[max(start, match.start() - 10) : match.start()].rstrip().endswith(_RANKINGS):
            continue  # "Fortune 500 companies" names a list, it counts nothing
        if _is_stock(body, start, match.start()):
            continue
        found.append(
            Target(
                quantity,
                match.group("approx") is not None,
                match.group(0),
                match.start(),
                match.end(),
            )
        )
    return found

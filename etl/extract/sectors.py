"""Sectors of an English clause: taxonomy terms, and the items of the lists it enumerates.

"boost strategic industries such as information technology, high-end equipment
manufacturing, green and low carbon, bio-medical, new materials and marine
economy": every item is a sector mention in the article's words, mapped to a
taxonomy sector when it holds one sector's term ("bio-medical" holds none and
stays unmapped; no sector is invented). An item counts when the list is
introduced as industries ("industries such as", "six core industries —"), or
when the item itself names one (a taxonomy term, or an industry head word:
"maritime engineering equipment manufacturing").
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator

from etl.extract.gazetteer import Gazetteer, Match
from etl.extract.text import SpanIndex

# What opens a list, and whether it says the items are industries.
_INDUSTRY_CUE = (
    # "the nine industries of the future are: future networks, metaverse, ..."
    r"\b(?:industries|sectors|fields|areas|clusters)(?:\s+of\s+the\s+future)?\s+"
    r"(?:are|include|includes|cover|covering)\s*:?\s+|"
    r"\b(?:industries|industry|sectors|fields|areas|clusters|chains|tracks)"
    r"(?:\s*(?:,\s*)?(?:such as|including|like|namely|especially|particularly|notably|of|:|—|–|--|-)"
    r"\s+)|"
    # "developing such industries as energy-saving, ..."
    r"\bsuch\s+(?:industries|sectors|fields)\s+as\s+|"
    # "the center of Hanfu", "“Capital of the World’s Eyewear”": what a place is known
    # for (a capital of a province is set aside as a place, below).
    r"(?-i:(?<=[\"“‘'])(?:Capital|Center|Centre)|\b(?:capital|center|centre))[\"”’]?\s+of\s+"
    r"(?:the\s+world['’]s\s+)?|"
    # "five key innovation bases, covering smart home appliances, ..."
    r"\b(?:industries|sectors|fields|areas|clusters|bases|centers|centres)\s*,?\s*"
    r"(?:covering|(?:which|that)\s+covers?)\s+|"
    # "industrial clusters for NEVs and electronic manufacturing", "clusters in ..."
    r"\b(?:clusters|chains)\s+(?:for|in)\s+|\b(?:bases|hubs)\s+for\s+"
)
# "develop advanced manufacturing and foster biomedicine": what a province grows.
_GROWS = (
    r"(?:develop(?:s|ed|ing)?|foster(?:s|ed|ing)?|cultivat(?:e|es|ed|ing)|nurtur(?:e|es|ed|ing))"
)
# "focus on the development of A, B and C", "make breakthroughs in A, B and C".
_PLAIN_CUE = (
    r"\b(?:such as|including|like|namely|"
    r"focus(?:es|ed|ing)? on(?:\s+the\s+(?:development|growth|cultivation)\s+of)?|"
    # A bare "on" is no cue ("on Monday", "based on"): only after a verb of focus.
    r"breakthroughs\s+in|(?:bet(?:s|ting)?|centered|centred|concentrat\w+|emphasis)\s+on|"
    # "cultivate and upgrade new energy vehicles": a pair of verbs.
    + _GROWS
    + r"(?:\s+and\s+[a-z]+)?)\s+"
)
# An item never holds a cue of its own: "focus on new areas such as deep sea"
# lists what follows "such as", not "new areas such as deep sea".
# An item may end with its abbreviation: "new energy vehicles (NEVs)".
_ITEM = (
    r"[A-Za-z0-9][\w&/\-]*(?:\s+(?!such\s+as\b|including\b|namely\b)[\w&/\-]+){0,8}?"
    r"(?:\s*\([A-Za-z]{2,8}\))?"
)
_LIST = re.compile(
    r"(?P<cue>" + _INDUSTRY_CUE + r"|" + _PLAIN_CUE + r")"
    r"(?P<items>" + _ITEM + r"(?:\s*,\s*(?:and\s+|as well as\s+)?" + _ITEM + r")*"
    r"(?:,?\s+(?:and|as well as)\s+" + _ITEM + r")?)"
    # "five pillar industries – A, B and C – and ...": a dash closes an aside's list.
    r"(?=\s*(?:[.;:()\n\"”–—]|--|,[\"”]|,\s*$|,\s+(?:which|with|while|according|and\s+(?:to|will|the|its))|$|\s+(?:by|in|at|to|for|with|from|industries|sectors)\b"
    # A verb ends the list: "..., and new energy storage will be developed".
    r"|\s+(?:will|would|shall|are|is|were|was|have|has|had|can|could|should|must)\b))",
    re.IGNORECASE,
)
_AND = re.compile(r"\b(?:and|as well as)\b")
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|as well as\s+)?|,?\s+(?:and|as well as)\s+")
_INDUSTRY_HEAD = re.compile(
    r"(?:industry|industries|manufacturing|equipment|materials?|energy|technology|technologies|"
    r"vehicles?|chips?|batteries|robots?|robotics|economy|services?|medicine|pharmaceuticals?|"
    r"devices|aerospace|aviation|storage|internet|software|computing|networks?|intelligence|"
    r"biotech|biomanufacturing|engineering|information|semiconductors?|circuits|power|drugs|"
    r"aircraft|planes|cars|ships|cruises|sciences?|displays?|sensors|optoelectronics|photonics|"
    r"applications?|sector|supercomputing)$",
    re.IGNORECASE,
)
# An item is kept only when it holds a taxonomy term, when its list is introduced
# as industries, or when it ends on an industry's head word: a clause with none
# of these words has no list worth reading.
_ITEM_WORTH_READING = re.compile(
    _INDUSTRY_HEAD.pattern.removesuffix("$")
    + r"|industr|sector|field|area|cluster|chain|track|base|hub",
    re.IGNORECASE,
)
_NOT_AN_ITEM = re.compile(
    r"^(?:the|a|an|its|their|this|these|other|more|new|such|and|or|them|it|work|efforts?|future|"
    # "..., and strive to establish ...": a verb after the list, not an item.
    r"strive|seek|aim|try|continue|r&d|foster|develop|cultivate|nurture|promote|build|support|"
    r"development|cooperation|innovation|others|services|products|sectors?|industry|industries|"
    r"fields?|areas?|according)$|"
    # "providing new impetus", "laying a technical foundation": a verb phrase, not an industry.
    r"^\w+(?:ing|ed)\s+(?:a|an|the|its|their|new|more)\b|"
    # "new growth engine through low-altitude economy": a means, not an industry.
    r".*\b(?:through|via)\b|"
    # "Guangming and Pingshan districts of Shenzhen", "Hunan Province": places.
    r".*\b(?:province|provinces|districts?|county|counties|municipality|city)$|"
    # "with annual sales estimated at ...", "an annual investment of 165.8 ...",
    # "and home to ...", "taking shape": what follows a list, not an item of it.
    r"^(?:with|without|by|from|into|home|that|this|which|expert|taking|helped|helping|making)(?:\s|$)|"
    r"^(?:china|the country|the nation|the world)$|"
    # "Chengdu, capital of Sichuan province, is driving ...": the sentence goes on.
    r"^(?:is|are|was|were|has|have|had|will|would|can|could)\s|"
    # "..., and smart driving, he added.": the attribution after a list ("IT
    # manufacturing" is an item).
    r"(?-i:^(?:he|she|they|we|it)\s+[a-z]+$)|"
    r".*\d$",
    re.IGNORECASE,
)


def names_an_industry(words: str) -> bool:
    """ "maritime engineering equipment manufacturing", "biochemical sector": an industry by its head word."""
    return _INDUSTRY_HEAD.search(words) is not None or words.lower().endswith(
        ("tech", "r&d", "chemical")
    )


def sector_hits(
    body: str,
    start: int,
    end: int,
    gazetteer: Gazetteer,
    keep: Callable[[Match], bool] = lambda m: True,
    found: list[Match] | None = None,
    place_starts: list[int] | None = None,
) -> list[tuple[str | None, str, int, int]]:
    """(slug or None, words, start, end) for each sector named in body[start:end];
    ``found``: the taxonomy terms of that span, ``place_starts``: where the text's
    places start (sorted), when the caller has them already."""
    if found is None:
        found = gazetteer.sectors.find(body, start, end)
    terms = [m for m in found if keep(m)]
    term_starts = [m.start for m in terms]
    hits: list[tuple[str | None, str, int, int]] = []
    covered: list[tuple[int, int]] = []
    for item_start, item_end, listed_as_industries in _list_items(body, start, end, terms):
        first = bisect_left(term_starts, item_start)
        inside = {
            m.key for m in terms[first : bisect_left(term_starts, item_end)] if m.end <= item_end
        }
        words = body[item_start:item_end]
        if not words.islower() and _names_a_place(
            body, item_start, item_end, gazetteer, place_starts
        ):
            continue  # "capital of Hunan province", "districts of Shenzhen": places
        names_industry = _INDUSTRY_HEAD.search(words) is not None
        if not (inside or listed_as_industries or names_industry):
            continue
        if inside and not names_industry:
            # "aerospace as soon as possible": the term is the item, the rest is the sentence.
            continue
        slug = next(iter(inside)) if len(inside) == 1 else None
        hits.append((slug, words, item_start, item_end))
        covered.append((item_start, item_end))
    for item_start, item_end in _headed_items(body, start, end):
        if not any(a < item_end and item_start < b for a, b in covered) and not any(
            m.start < item_end and item_start < m.end for m in terms
        ):
            hits.append((None, body[item_start:item_end], item_start, item_end))
            covered.append((item_start, item_end))
    inside_an_item = SpanIndex(covered) if covered else None
    for term in terms:
        if inside_an_item is None or not inside_an_item.contains(term.start, term.end):
            hits.append((term.key, term.text, term.start, term.end))
    return _one_per_start(sorted(hits, key=lambda h: (h[2], -h[3])))


def _names_a_place(
    body: str, start: int, end: int, gazetteer: Gazetteer, place_starts: list[int] | None
) -> bool:
    if place_starts is None:
        return bool(gazetteer.places(body, start, end))
    first = bisect_left(place_starts, start)
    return first < len(place_starts) and place_starts[first] < end


# "its marine economy", "the information storage industrial chain": an industry
# named by the words before its head noun, with no list to introduce it.
_HEADED = re.compile(
    r"\b(?:the|its|their)\s+(?P<words>(?:(?!(?:whole|entire|local|national|provincial|overall|"
    r"real|new|traditional|related|relevant|same|other|city|province|country|world|global|"
    r"domestic|regional|key|main|major|leading|pillar|emerging|strategic|future|core|of|and|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|several|many|these|those|own|"
    r"manufacturing\s+(?:industry|sector))\b)[a-z][a-z\-]*\s+){1,3}?)"
    r"(?P<head>industry|industries|economy|sector|industrial\s+chains?|industrial\s+clusters?)\b"
)


def _headed_items(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for found in _HEADED.finditer(body, start, end):
        head = found.group("head")
        stop = found.start("head") - 1 if head.startswith("industrial") else found.end("head")
        yield found.start("words"), stop


def _one_per_start(
    hits: list[tuple[str | None, str, int, int]],
) -> list[tuple[str | None, str, int, int]]:
    """No two sectors of a clause start at one offset (the longer one is kept):
    an item and a term it does not hold may share their first word."""
    kept: list[tuple[str | None, str, int, int]] = []
    for hit in hits:
        if not kept or hit[2] != kept[-1][2]:
            kept.append(hit)
    return kept


# Where a list may open: its cue word. The full pattern is tried only there,
# not at every character of every clause (extraction's hot path).
_CUE_WORD = re.compile(
    r"\b(?:such|including|like|namely|focus\w*|breakthroughs|bet(?:s|ting)?|centered|centred|"
    r"concentrat\w+|emphasis|industr\w*|sectors?|fields?|areas?|bases|cent(?:er|re)s?|capital|"
    + _GROWS
    + r"|clusters?|chains?|tracks?)\b",
    re.IGNORECASE,
)


def _lists(body: str, start: int, end: int) -> Iterator[re.Match[str]]:
    position = start
    for cue in _CUE_WORD.finditer(body, start, end):
        if cue.start() < position:
            continue
        found = _LIST.match(body, cue.start(), end)
        if found is None:
            continue
        if not _introduces_industries(found):
            # "focus on building three leading industrial clusters: A, B and C": the
            # industries' own cue inside a plain one's items opens the real list.
            found = _industry_list_within(body, found, end) or found
        position = found.end()
        yield found


_FIRMS = (
    "companies", "firms", "enterprises", "makers", "manufacturers", "producers", "suppliers",
    "giants", "players", "brands",
)  # fmt: skip


_INDUSTRY_CUE_RE = re.compile(_INDUSTRY_CUE, re.IGNORECASE)


def _introduces_industries(found: re.Match[str]) -> bool:
    return _INDUSTRY_CUE_RE.match(found.group("cue")) is not None


def _industry_list_within(body: str, outer: re.Match[str], end: int) -> re.Match[str] | None:
    for cue in _CUE_WORD.finditer(body, outer.start("items"), outer.end()):
        inner = _LIST.match(body, cue.start(), end)
        if inner is not None and _introduces_industries(inner):
            return inner
    return None


def _list_items(body: str, start: int, end: int, terms: list[Match]) -> list[tuple[int, int, bool]]:
    items: list[tuple[int, int, bool]] = []
    if not terms and _ITEM_WORTH_READING.search(body, start, end) is None:
        return items
    inside_terms: SpanIndex | None = None
    for found in _lists(body, start, end):
        if inside_terms is None:
            # Offsets strictly inside a term: a separator there belongs to the term.
            inside_terms = SpanIndex((t.start + 1, t.end - 1) for t in terms if t.end - t.start > 2)
        if (
            body[max(start, found.start() - 20) : found.start()]
            .rstrip(" ,")
            .lower()
            .endswith(_FIRMS)
        ):
            continue  # "makers such as Sinoma Science and Technology": firms, not fields
        listed_as_industries = _introduces_industries(found)
        position = found.start("items")
        stop = found.end("items")
        separators = list(_SEPARATOR.finditer(body, position, stop))
        # "A and B, C and D, and E": where the last item has its comma, a bare "and"
        # before it joins the words of one item ("food and agricultural product processing").
        # (", and strive to ..." goes on with a verb: no item, no serial comma.)
        ends = [sep.start() for sep in separators[1:]] + ([stop] if separators else [])
        serial_end = max(
            (
                sep.start()
                for sep, piece_end in zip(separators, ends, strict=True)
                if sep.group().lstrip().startswith(",")
                and _AND.search(sep.group())
                and _trim(body, sep.end(), piece_end) is not None
            ),
            default=-1,
        )
        for separator in [*separators, None]:
            piece_end = separator.start() if separator else stop
            # A separator inside a taxonomy term ("green and low carbon") is no separator.
            if separator and inside_terms.contains(separator.start(), separator.start()):
                continue
            if (
                separator
                and separator.start() < serial_end
                and not separator.group().lstrip().startswith(",")
            ):
                continue
            item = _trim(body, position, piece_end)
            if item is not None and (separator or not _cut_off(body, item[1])):
                items.append((*item, listed_as_industries))
            if separator:
                position = separator.end()
    return items


_SENTENCE_END = re.compile(r"[.!?。！？]")


def _cut_off(body: str, item_end: int) -> bool:
    """ "..., fashion, machine to" where a partial page breaks off: a list's last
    item may be a word of a longer one: on the text's last line, after its last
    sentence end."""
    last_line_start, last_sentence_end = _last_line(body)
    return item_end >= last_line_start and last_sentence_end < item_end


@functools.lru_cache(maxsize=4)
def _last_line(body: str) -> tuple[int, int]:
    """Where the text's last line with words starts, and its last sentence end (-1
    for none); once per text, so that a line of many lists is not scanned per list."""
    content_end = len(body.rstrip())
    line_start = body.rfind("\n", 0, content_end) + 1
    ends = [m.start() for m in _SENTENCE_END.finditer(body, line_start, content_end)]
    return line_start, ends[-1] if ends else -1


_LEADING_WORDS = re.compile(
    # "clusters will be cultivated around new generation information technology"
    # "..., including intelligent connected new-energy vehicles": an inner list's cue.
    r"^(?:(?:the|a|an|its|their|emerging|key|major|such|around|including|such\s+as|namely|"
    r"especially|particularly|" + _GROWS + r")\s+|"
    # "production of power batteries", "the entire industrial chain of wind power"
    r"(?:production|manufacturing|processing|development|(?:entire|whole)\s+(?:industrial\s+|"
    r"industry\s+)?chain)\s+of\s+)+",
    re.IGNORECASE,
)


_ABBREVIATION = re.compile(r"\s*\([A-Za-z]{2,8}\)$")


def _trim(body: str, start: int, end: int) -> tuple[int, int] | None:
    words = body[start:end]
    lead = _LEADING_WORDS.match(words)
    if lead:
        start += lead.end()
    abbreviation = _ABBREVIATION.search(body, start, end)
    if abbreviation is not None:
        end = abbreviation.start()
    while end > start and not body[end - 1].isalnum():
        end -= 1
    piece = body[start:end]
    if not piece or _NOT_AN_ITEM.match(piece) or len(piece.split()) > 6:
        return None
    return start, end

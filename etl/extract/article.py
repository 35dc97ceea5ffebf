"""The whole extraction of one article: provinces, initiatives, sectors, targets, speech."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from etl.extract.gazetteer import Gazetteer, Match, default_gazetteer
from etl.extract.metadata import MONTH_DAY, Metadata, extract_metadata, parse_month_day
from etl.extract.sectors import names_an_industry, sector_hits
from etl.extract.speech import Expert, StatementFact, extract_speech
from etl.extract.targets import Target, find_targets
from etl.extract.text import Sentence, SpanIndex, guess_language, normalize, split_sentences

_CONFERENCE = re.compile(
    r"\b(?:held|convened|hosted|opened|staged|organized|organised|holds|convenes)\s+"
    r"(?:a|an|the|its)\s+(?P<words>(?:[\w\-]+\s+){0,8}?(?:conference|meeting|forum|symposium|"
    r"congress|summit)(?:\s+on\s+[^,.;]{1,200})?)"
)
_GWR = re.compile(r"\bgovernment work reports?\b", re.IGNORECASE)
_PLAN = re.compile(
    r"\b(?:released|issued|unveiled|published|rolled out|launched|adopted)\s+(?:(?:a|an|the|its)\s+)?"
    r"(?P<words>(?:[\w\-]+\s+){0,6}?(?:action plan|plan|guidelines?|blueprint|roadmap|opinions))\b"
)
_POLICY = re.compile(
    r"\b(?:released|issued|unveiled|introduced|rolled out|adopted)\s+(?:a|an|the|its)?\s*"
    r"(?P<words>(?:[\w\-]+\s+){0,6}?(?:policy|policies|measures|regulations))\b"
)
_COMMITMENT = re.compile(
    r"\b(?:will|would|shall|should|plans?|planned|planning|aims?|aimed|aiming|targets?|targeted|targeting|"
    r"propos(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|vow(?:s|ed)?|seeks?|sought|eyes|eyeing|striv(?:e|es|ing)|"
    r"endeavou?r(?:s|ing)?|focus(?:es|ed|ing)?|prioriti[sz](?:e|es|ed|ing)|support(?:s|ed|ing)?|"
    r"build(?:s|ing)?|built|develop(?:s|ed|ing)?|cultivat(?:e|es|ed|ing)|foster(?:s|ed|ing)?|"
    r"promot(?:e|es|ed|ing)|accelerat(?:e|es|ed|ing)|boost(?:s|ed|ing)?|upgrad(?:e|es|ed|ing)|"
    r"launch(?:es|ed|ing)?|unveil(?:s|ed|ing)?|releas(?:e|es|ed|ing)|issu(?:e|es|ed|ing)|"
    r"set (?:up|out)|establish(?:es|ed|ing)?|introduc(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|"
    r"expand(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|nurtur(?:e|es|ed|ing)|invest(?:s|ed|ing)?|"
    r"attract(?:s|ed|ing)?|creat(?:e|es|ed|ing)|construct(?:s|ed|ing)?|is set to|committed to|"
    r"moving to|driving|speed(?:s|ing)? up|step(?:s|ped|ping)? up|ramp(?:s|ed|ing)? up|"
    r"push(?:es|ed|ing)?|bet(?:s|ting)? on|gear(?:s|ed|ing)? up|evolv(?:e|es|ed|ing) into|tap(?:s|ping)? into|explor(?:e|es|ed|ing)|"
    r"doubl(?:e|es|ed|ing) down|outlin(?:e|es|ed|ing)|vigorously|striving|turn(?:s|ing)? itself|"
    r"expected to|expects?|anticipates?|is to|are to|goal|blueprint|plan|roadmap|action plan|"
    r"work reports?|"
    r"look(?:s|ing)? to|hop(?:e|es|ing) to|intend(?:s|ing)? to|"
    r"projected|forecast|anticipated|"
    r"leading|pillar|key industr|clusters?|chains?|industries|hubs?|bases?|"
    r"extend(?:s|ed|ing)?|enhanc(?:e|es|ed|ing)|deepen(?:s|ed|ing)?|advanc(?:e|es|ed|ing)|"
    r"deploy(?:s|ed|ing)?|set(?:s|ting)? aside|pour(?:s|ed|ing)?|allocat(?:e|es|ed|ing)|"
    r"earmark(?:s|ed|ing)?|fund(?:s|ed|ing)?|subsidi[sz](?:e|es|ed|ing)|lay(?:s|ing)? out|laid out|"
    r"forg(?:e|es|ed|ing)|incubat(?:e|es|ed|ing)|transform(?:s|ed|ing)?)",
    re.IGNORECASE,
)
# "... will be introduced in the province.": the province named last.
# "... suggested that the province speed up ...": the province named last.
_IN_THE_PROVINCE = re.compile(
    r"\b(?:in|across|throughout|of)\s+the\s+(?:province|municipality|autonomous region)\b|"
    r"\b(?:that|urged|called on|asked)\s+the\s+(?:province|municipality|region|city)\b"
)
_INDUSTRIES_LISTED = re.compile(
    r"\b(?:industries|sectors|fields)\s*,?\s*(?:such as|including|like|namely)\s", re.IGNORECASE
)
_AGENTLESS = re.compile(r"\b(?:will|shall|is to|are to)\s+be\s+(?:\w+ly\s+)?\w+(?:ed|en|t)\b")
# "The nine industries of the future are: ...": the industries just named.
# "Key sectors include ...": without the article, only a verb that lists ("Future
# industries are vital for China" says what they are, not which).
_LISTING_WORDS = (
    r"(?:the\s+(?:\w+\s+){0,3}?(?:industries|sectors|clusters|fields|areas)\s+(?:of\s+the\s+future\s+)?"
    r"(?:are|include|includes|cover|covers)\b|"
    r"(?:\w+\s+){0,3}?(?:industries|sectors|clusters|fields|areas)\s+(?:of\s+the\s+future\s+)?"
    r"(?:include|includes|cover|covers|are\s*:))"
)
_CONTINUATION = re.compile(
    r"^(?:[A-Z][^,;]{0,80}?,\s+)?(?:(?P<it>it)|the\s+(?:(?:island|coastal|inland|southern|northern|"
    r"eastern|western|central|border|landlocked)\s+)?(?:province|region|autonomous region|"
    r"municipality|city|district|provincial government|municipal government|government|plan|"
    r"report|document|blueprint|government work report)|" + _LISTING_WORDS + r")(?:['’]s)?\b",
    re.IGNORECASE,
)
# A sentence that lists what the one before committed to commits with it: "The
# strategic emerging sectors cover A, B and C. It also covers D, E and F."
_LISTING = re.compile(
    r"^(?:[A-Z][^,;]{0,80}?,\s+)?(?:"
    + _LISTING_WORDS
    + r"|it\s+(?:also\s+)?(?:covers|includes)\b)",
    re.IGNORECASE,
)
_FUNCTION_WORDS = frozenset(
    [
        "The",
        "In",
        "On",
        "At",
        "As",
        "By",
        "For",
        "From",
        "With",
        "Under",
        "Meanwhile",
        "Also",
        "Recently",
        "Earlier",
        "Since",
        "Last",
        "This",
        "Neighbouring",
        "Neighboring",
        "Southern",
        "Northern",
        "Eastern",
        "Western",
        "Central",
        "Coastal",
        "Inland",
        "Meanwhile,",
        "And",
        "Both",
        "China's",
        "China’s",
        "South",
        "North",
        "East",
        "West",
        "Southwest",
        "Southeast",
        "Northwest",
        "Northeast",
        "Chinese",
    ]
)
# No two adjacent unbounded whitespace quantifiers ("\s*,?\s+" is quadratic
# on a long run of spaces between two province names). Commas may be
# fullwidth or ideographic, as in text pasted from Chinese sources.
_LIST_GLUE = re.compile(
    r"^(?:\s*[,，、]\s*|(?:\s*[,，、]\s*|\s+)(?:and|as well as|along with)\s+|\s+)"
    r"(?:(?:neighbou?ring|nearby|fellow|adjacent)\s+)?$"
)


@dataclass
class SectorHit:
    slug: str | None  # None: an industry the taxonomy does not know, in the article's words
    text: str
    start: int
    end: int


@dataclass
class Event:
    kind: str
    on: dt.date | None
    words: str | None


@dataclass
class InitiativeFact:
    province: str
    event: Event
    clause_text: str
    start: int
    end: int
    sentence_index: int
    sentence_text: str
    sectors: list[SectorHit] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    city: str | None = None  # the city that acts for the province ("Shenzhen will ...")
    # Where the statement starts when the initiative is what someone said the
    # province will do ("Hainan will ..., according to governor Liu Xiaoming").
    statement_start: int | None = None


@dataclass
class MentionFact:
    province: str
    role: str
    text: str
    start: int
    end: int
    city: str | None = None  # the city named for the province ("Hefei" for Anhui)


@dataclass
class StatementWithTopics:
    fact: StatementFact
    topics: list[SectorHit]

    def __getattr__(self, name: str) -> object:
        # Read as a record (etl/validate.py), it is its statement with topics.
        if name == "fact":
            raise AttributeError(name)
        return getattr(self.fact, name)


@dataclass
class ArticleFacts:
    metadata: Metadata
    mentions: list[MentionFact]
    initiatives: list[InitiativeFact]
    experts: dict[str, Expert]
    statements: list[StatementWithTopics]

    @property
    def provinces(self) -> list[str]:
        return story_provinces((m.start, m.province, m.role) for m in self.mentions)


def story_provinces(mentions: Iterable[tuple[int, str, str]]) -> list[str]:
    """The story's provinces in the order first named, from (start, province, role)
    mentions: not those named only in a dateline or for comparison. One rule for
    the extracted facts and the loaded record."""
    seen: dict[str, None] = {}
    for _, province, role in sorted(mentions, key=lambda mention: mention[0]):
        if role not in ("dateline", "context"):
            seen.setdefault(province)
    return list(seen)


def _places_by_sentence(
    text: str, sentences: list[Sentence], gazetteer: Gazetteer
) -> dict[int, list[Match]]:
    """Each sentence's places, from one scan of the whole text (a scan per sentence
    cost a call per sentence)."""
    by_sentence: dict[int, list[Match]] = {s.index: [] for s in sentences}
    starts = [s.start for s in sentences]
    crossing: set[int] = set()
    for place in gazetteer.places(text):
        at = bisect_right(starts, place.start) - 1
        if at < 0 or place.start >= sentences[at].end:
            continue
        if place.end <= sentences[at].end:
            by_sentence[sentences[at].index].append(place)
        else:
            # "Guangxi Zhuang\nAutonomous Region" across a line break: each sentence
            # alone may hold a shorter name.
            crossing.update(range(at, bisect_right(starts, place.end - 1)))
    for at in crossing:
        sentence = sentences[at]
        by_sentence[sentence.index] = gazetteer.places(text, sentence.start, sentence.end)
    return by_sentence


def _split_clauses(body: str, sentence: Sentence) -> list[tuple[int, int]]:
    """Semicolon-separated parts of a sentence, ignoring semicolons inside quotes."""
    clauses, position, in_quote = [], sentence.start, False
    # Most sentences hold no semicolon: the character scan is for those that do.
    scan = range(sentence.start, sentence.end) if ";" in sentence.text else ()
    for index in scan:
        char = body[index]
        if char in '"“”':
            in_quote = not in_quote if char == '"' else char == "“"
        elif char == ";" and not in_quote:
            clauses.append((position, index))
            position = index + 1
    clauses.append((position, sentence.end))
    trimmed = []
    for start, end in clauses:
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


# "the country's ... growth target of around 5%": a national figure, no province's.
# "Central China", "east China's": a part of the country, no national figure.
_NATIONAL = re.compile(
    r"\b(?:the country|the nation|China(?<![Cc]entral China)(?<![Nn]orth China)"
    r"(?<![Ss]outh China)(?<![Ee]ast China)(?<![Ww]est China)(?<![Nn]ortheast China)"
    r"(?<![Nn]orthwest China)(?<![Ss]outheast China)(?<![Ss]outhwest China)|national|"
    r"nationwide|Beijing's)\b"
)


# Where something happened or someone writes from, not what the story is about:
# "told a press briefing in Beijing", "institutions based in Beijing", a byline's
# "By NAME in Beijing", a photo caption's "in Changsha, Hunan province. [Photo/Xinhua]".
# "said on Monday in Beijing", "the National People's Congress (NPC) in Beijing".
_VENUE_BEFORE = re.compile(
    r"\b(?:(?:press|news|media)\s+(?:briefing|conference|release|event)s?|briefing|"
    r"conference|forum|meeting|sessions?|discussion|summit|symposium|seminar|ceremony|"
    r"interview|based|headquartered|congress|great hall of the people|"
    # "a promotion meeting held recently in Shanghai", "held Wednesday by the SCIO in"
    r"held(?:\s+[\w'’]+){0,8}?|"
    r"(?:said|told|spoke|announced)(?:\s+on\s+\w+)?)(?:\s+\([A-Z]{2,8}\))?\s+in\s+$",
    re.IGNORECASE,
)
_BYLINE_BEFORE = re.compile(r"[ \t\-–—]*By\s+[^\n.]{2,80}\s+in\s+$")
# A photo credit closing its line: "[Photo/Xinhua]", "(PHOTO / XINHUA)", "Photo: NAME/GT".
_PHOTO_CREDIT_AT_END = re.compile(
    r"(?:\[Photo[^\]\n]{0,80}\]|\((?:PHOTO|Photo)\b[^)\n]{0,80}\)|\bPhoto:[^\n]{1,60})[ \t]*$"
)
# A caption is short; a paragraph that ends with a credit is not one whole.
_CAPTION_MOST = 400


# A wire photo's credit closing its caption: "..., Dec. 21, 2023. (Xinhua/Hu Huhu)",
# "... in August. LUO YUNFEI/CHINA NEWS SERVICE".
# Names on both sides of the slash ("(AI/ML)" is no credit), and the caption's own
# words before it are not all capitals ("... TEN EV/NEV PARKS" is a headline).
_CREDIT_NAME = r"[A-Z][a-z][A-Za-z.'’\-]*(?: [A-Z][a-z][A-Za-z.'’\-]*){0,3}"
_WIRE_CREDIT_AT_END = re.compile(
    r"(?:\((?:" + _CREDIT_NAME + r"|Xinhua|Photo)/" + _CREDIT_NAME + r"\)|"
    r"\b[A-Z]{2,}(?:[ \-][A-Z]{2,})+/(?:FOR\s+)?[A-Z]{2,}(?:[ \-][A-Z]{2,})*)[ \t]*$",
    re.MULTILINE,
)


# "Fire brigade in Shanghai holds group wedding\nTourists enjoy ice sculptures in ...":
# the page's links to other stories after the story, headlines without a full stop.
_HEADLINE_LINE = re.compile(r"[\"“‘]?[A-Z0-9][^\n]*[^\s.!?:;,\"”’)]")
_TRAILING_HEADLINES_LEAST = 3


def _trailing_headlines(text: str) -> tuple[int, int] | None:
    end = len(text.rstrip())
    start, lines = end, 0
    while start > 0:
        line_start = text.rfind("\n", 0, start) + 1
        line = text[line_start:start].strip()
        if line:
            if not (3 <= len(line.split()) <= 16 and _HEADLINE_LINE.fullmatch(line)):
                break
            lines += 1
        start = line_start - 1
    if lines < _TRAILING_HEADLINES_LEAST:
        return None
    if text[: max(start, 0)].rstrip().endswith(":"):
        return None  # a list the story introduced
    first = text.find("\n", max(start, 0))
    return (first + 1 if start > 0 else 0), end


def _captions(text: str) -> SpanIndex:
    """The lines that end with a photo credit; only lines that hold "Photo" are
    tried (a scan of every line cost more than the rest of the place rules), and
    lines that end with a wire photographer's credit."""
    spans = set()
    headlines = _trailing_headlines(text)
    if headlines is not None:
        spans.add(headlines)
    # "New indicators point to slow recovery in Taiwan  • U.S. Secretary of State ...":
    # a line of other stories' headlines between bullets is the page's, not the story's.
    # (Its first headline may be the line's opening words, before any bullet.)
    bullet = text.find("•")
    while bullet != -1:
        start = text.rfind("\n", 0, bullet) + 1
        end = text.find("\n", bullet)
        end = len(text) if end == -1 else end
        segments = [part.split() for part in text[start:end].split("•")]
        # Headlines run to several words each; a list's items between bullets do not.
        if len(segments) >= 3 and all(len(words) >= 4 for words in segments if words):
            spans.add((start, end))
        bullet = text.find("•", end)
    # The credit's slash is near its line's end: only those lines are tried, at the
    # line's last slash.
    slash = text.find("/")
    while slash != -1:
        end = text.find("\n", slash)
        end = len(text) if end == -1 else end
        start = text.rfind("\n", 0, slash) + 1
        slash = text.rfind("/", slash, end)
        credit = (
            _WIRE_CREDIT_AT_END.search(text, max(start, slash - 45), end)
            if end - slash <= 45 and end - start <= _CAPTION_MOST
            else None
        )
        if credit is not None and any(c.islower() for c in text[start : credit.start()]):
            spans.add((start, end))
        slash = text.find("/", end)
    for mark in ("Photo", "PHOTO"):
        at = text.find(mark)
        while at != -1:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end == -1 else end
            if end - start <= _CAPTION_MOST and _PHOTO_CREDIT_AT_END.search(
                text, max(start, end - 200), end
            ):
                spans.add((start, end))
            at = text.find(mark, end)
    return SpanIndex(sorted(spans))


# A place another is measured against or tied to: "competitors like Beijing",
# "proximity to Shanghai", "an hour's drive from Beijing", "cooperation with Shanghai".
_RELATION_BEFORE = re.compile(
    r"\b(?:(?:competitors|rivals|peers|counterparts|powerhouses)\s+(?:like|such\s+as|of)|"
    r"(?:proximity|close|next|adjacent)\s+to|(?:drive|away|far)\s+from|"
    r"(?:cooperation|connection|ties|links|partnership)\s+with)\s+$"
)
_RELATION_LAST_WORDS = frozenset({"like", "as", "of", "to", "from", "with"})


# "China Daily (Hong Kong)": the edition of an outlet, a place in its name.
_EDITION_BEFORE = re.compile(r"\b(?:Daily|Times|Post|News|Review|Weekly|Herald|Journal)\s*\($")


def _only_where(text: str, match: Match) -> bool:
    last = text[max(0, match.start - 6) : match.start].split()
    if not last:
        return False
    if last[-1].endswith("(") and text.startswith(")", match.end):
        return _EDITION_BEFORE.search(text, max(0, match.start - 40), match.start) is not None
    if last[-1] in _RELATION_LAST_WORDS:
        # Only a relation's few words are looked at, and only after its last word.
        return _RELATION_BEFORE.search(text, max(0, match.start - 40), match.start) is not None
    # The venue and byline shapes end on "in": no search for most places.
    if last[-1] != "in":
        return False
    before = text[max(0, match.start - 90) : match.start]
    if _VENUE_BEFORE.search(before):
        return True
    # A byline opens its line.
    line_start = text.rfind("\n", 0, match.start) + 1
    return match.start - line_start <= 90 and bool(
        _BYLINE_BEFORE.match(text, line_start, match.start)
    )


def _set_aside_venues(
    text: str, places_by_sentence: dict[int, list[Match]], captions: SpanIndex
) -> tuple[dict[int, list[Match]], list[Match]]:
    """Places that only say where (a venue, a byline, a caption) apart from the
    places the sentences are about: they neither own facts nor make a province
    one of the story's."""
    about: dict[int, list[Match]] = {}
    where: list[Match] = []
    for index, places in places_by_sentence.items():
        about[index] = []
        for place in places:
            if captions.contains(place.start, place.end) or _only_where(text, place):
                where.append(place)
            else:
                about[index].append(place)
    return about, where


def _story_province(places: Iterable[list[Match]]) -> str | None:
    """The province a story is about: the only one it names, or the one that makes
    up three in four of its place names ("Beijing-Tianjin-Hebei" in a Hebei story)."""
    counts = Counter(m.key for found in places for m in found)
    if not counts:
        return None
    province, count = counts.most_common(1)[0]
    return province if count >= 0.75 * sum(counts.values()) else None


_ROLE_BEFORE = re.compile(r"\b(?:as|into|become|becoming)\s+(?:the\s+)?$")


_APPROXIMATELY = re.compile(
    r"^(?:more than|over|about|around|nearly|almost|at least|up to|roughly|approximately)\s+"
)


def _target_key(province: str, target: Target) -> tuple[str, float, frozenset[str]]:
    words = _APPROXIMATELY.sub("", target.text.lower())
    if words.endswith(("percent", "%", "per cent")):
        # Shares and growth rates of different measures often coincide.
        return (province, target.quantity, frozenset([f"{words}@{target.start}"]))
    return (province, target.quantity, frozenset(words.split()))


def _restates(
    key: tuple[str, float, frozenset[str]],
    known: dict[tuple[str, float], list[frozenset[str]]],
) -> bool:
    """The same province, number and words, or the words of one within the other's:
    "12 Industrial Sectors" in the headline is the body's "12 key industrial
    sectors"; "10 science parks" is not "10 industrial parks"."""
    return any(key[2] <= words or words <= key[2] for words in known.get(key[:2], ()))


def _owned_targets(
    body: str,
    targets: list[Target],
    province: str,
    places: list[Match],
    floor: int,
    group: frozenset[str] = frozenset(),
) -> list[Target]:
    """A number belongs to the nearest owner named before it in its sentence: a
    province ("..., and Zhejiang is aiming for around 5.5%") or the country; a
    list of provinces that is the subject owns it together ("Hunan and Hubei set
    their growth targets at 5.5 percent")."""
    owned = []
    starts = [m.start for m in places]
    for target in targets:
        nearby = places[bisect_left(starts, target.start - 300) : bisect_left(starts, target.start)]
        owners: list[tuple[int, str | None]] = [(m.start, m.key) for m in nearby]
        owners += [
            (n.start(), None)
            for n in _NATIONAL.finditer(body, max(floor, target.start - 120), target.start)
            # "Guangdong, the country's manufacturing powerhouse, will ...": a comma
            # between closes an appositive; the country owns nothing after it.
            if "," not in body[n.end() : target.start]
            # "establish the province as China's computing power center and grow ...":
            # the country names the province's role, it does not act.
            and not _ROLE_BEFORE.search(body, max(floor, n.start() - 12), n.start())
        ]
        owner = max(owners, key=lambda o: o[0])[1] if owners else province
        if owner == province or (owner in group and province in group):
            owned.append(target)
    return owned


_EVENT_WORD = re.compile(
    r"conference|meeting|forum|symposium|congress|summit|work report|plan\b|guideline|blueprint|"
    r"roadmap|opinions|polic|measures|regulations",
    re.IGNORECASE,
)


def _event(sentence: Sentence, year: int | None, published_on: dt.date | None) -> Event | None:
    text = sentence.text
    # Most sentences name no event: one search for the words every event pattern
    # ends on spares the four patterns (and the date, which only an event needs).
    if not _EVENT_WORD.search(text):
        return None
    for kind, pattern, group in _EVENT_PATTERNS:
        found = pattern.search(text)
        if found:
            return Event(kind, _event_date(text, year, published_on), found.group(group).strip())
    return None


_EVENT_PATTERNS = (
    ("conference", _CONFERENCE, "words"),
    ("government_work_report", _GWR, 0),
    ("plan", _PLAN, "words"),
    ("policy", _POLICY, "words"),
)


def _event_date(text: str, year: int | None, published_on: dt.date | None) -> dt.date | None:
    date_match = MONTH_DAY.search(text[:80])
    if date_match is None:
        return None
    event_year = int(date_match.group("year")) if date_match.group("year") else year
    on = parse_month_day(date_match.group("month"), date_match.group("day"), event_year)
    if on and published_on and on > published_on and not date_match.group("year"):
        on = on.replace(year=on.year - 1)
    return on


def _subjects(body: str, sentence: Sentence, mentions: list[Match]) -> list[Match]:
    """Provinces that are the sentence's subject: a leading name or a coordinated list."""
    if not mentions:
        return []
    # A coordinated list ("Jiangxi, Shandong ... and Hubei") makes every member a subject.
    groups: list[list[Match]] = [[mentions[0]]]
    for previous, current in itertools.pairwise(mentions):
        if _listed_together(body, previous, current):
            groups[-1].append(current)
        else:
            groups.append([current])
    for group in groups:
        names = {m.key for m in group}
        if len(names) >= 2 and (
            _leads(body, sentence, group[0])
            or _OWNER_BEFORE.search(body[max(sentence.start, group[0].start - 20) : group[0].start])
        ):
            return _unique(group)
    first = mentions[0]
    if not _leads(body, sentence, first):
        # "This year, construction will start on 50 airports ... in Hunan.": the locus.
        last = mentions[-1]
        locus = _IN_BEFORE.search(body, max(sentence.start, last.start - 6), last.start)
        if (
            len({m.key for m in mentions}) == 1
            and locus
            and _AT_END.fullmatch(body, last.end, sentence.end)
        ):
            return [last]
        return []
    # "Shenzhen, Guangdong's tech hub, ..." - a city, not the province, acts.
    prefix = body[sentence.start : first.start].rstrip()
    if body[first.end : first.end + 3] in ("'s ", "’s ") and re.search(r"[A-Z]\w*,$", prefix):
        return []
    # "Shanghai has set ..., and Zhejiang is aiming for ...": a second clause's subject.
    coordinated = [
        m
        for m in mentions[1:]
        if m.key != first.key
        and _CLAUSE_JOIN.search(body[max(sentence.start, m.start - 30) : m.start])
    ]
    return _unique([first, *coordinated])


# "the government work reports of Jiangxi, Shandong and Jiangsu": the listed
# provinces own what precedes; "after those in Jiuquan and Taiyuan" is a place.
_OWNER_BEFORE = re.compile(r"\b(?:of|by|including|such as|like|namely|especially)\s+$")
_CLAUSE_JOIN = re.compile(r"[,;]\s+(?:and|while|whereas|but)\s+(?:neighbou?ring\s+)?$")


# Words that may open the clause before its subject place ("..., and Guangdong",
# "..., south China's Hainan"), and those that introduce example places of a
# plural subject ("five provinces, including Shanghai and Guangdong, proposed").
_IN_BEFORE = re.compile(r"\bin\s+$")
_AT_END = re.compile(r"(?:\s+(?:Province|province|Municipality|municipality))?\s*[.!?]?[\"”’]?\s*")
_CLAUSE_OPENERS = frozenset(
    {
        "the", "and", "but", "while", "whereas", "meanwhile", "also", "so", "southern",
        "northern", "eastern", "western", "central", "south", "north", "east", "west",
        "southwest", "southeast", "northwest", "northeast", "china's", "china’s", "including",
        "especially", "notably", "namely", "such", "as", "like", "particularly", "with",
        "among", "them", "for", "example", "instance",
    }
)  # fmt: skip
_PLACE_IN = re.compile(
    r"^\s*(?:The city of\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}\s+(?:in|of)\s+"
)


_THAT_BEFORE = re.compile(r"\b(?:that|urged|called on|asked)\s+$")


def _leads(body: str, sentence: Sentence, mention: Match) -> bool:
    """The place opens its sentence or its clause: after a few function words
    ("In July, Chengdu's ...", "China's southeastern province of Guangdong")."""
    prefix = body[sentence.start : mention.start]
    if _THAT_BEFORE.search(prefix):
        # "Fan Lixin has proposed that Chongqing build ...": the place opens the clause.
        return True
    if "," in prefix:
        # "Embracing the opportunities ..., Chengdu is moving": the clause after the
        # lead opens with the place ("..., after those in Jiuquan" does not).
        after = prefix.rsplit(",", 1)[1].split()
        return all(w.lower() in _CLAUSE_OPENERS for w in after)
    # "WENCHANG in south China's Hainan Province, ...": a place in the province.
    prefix = _PLACE_IN.sub("", prefix)
    words = prefix.split()
    if len(words) > 6:
        return False
    return not any(w[:1].isupper() and w.strip(",") not in _FUNCTION_WORDS for w in words)


# Sentences that tie an industry to a place without the place acting:
# "Biomedicine is one of Shanghai's three leading industries";
# "..., the internet of things at Wuxi, the nano technology at Suzhou".
_ONE_OF_BEFORE = re.compile(
    r"\b(?:is|are|has become|have become|remains?)\s+(?:one of|among)\s+(?:the\s+)?$"
)
_PILLAR_AFTER = re.compile(
    r"['’]s\s+(?:\w+\s+){0,3}?(?:leading|pillar|key|dominant|strategic|core|major|main|"
    r"advantageous)\s+industr",
)
_AT_PLACE_BEFORE = re.compile(
    r"(?:^|,\s*|\bare\s+|\bis\s+|\band\s+)the\s+(?P<words>[a-z][\w&\- ]{2,60}?)"
    r"(?:\s+(?:industry|sector))?\s+(?:in|at)\s+$"
)


def _add_place_bound_sectors(
    body: str,
    sentences: list[Sentence],
    places_by_sentence: dict[int, list[Match]],
    gazetteer: Gazetteer,
    initiatives: list[InitiativeFact],
) -> None:
    by_key = {(i.province, i.start): i for i in initiatives}
    for sentence in sentences:
        for place in places_by_sentence.get(sentence.index, []):
            hit = _place_bound_sector(body, sentence, place, gazetteer)
            if hit is None:
                continue
            initiative = by_key.get((place.key, sentence.start))
            if initiative is None:
                initiative = InitiativeFact(
                    place.key, Event("other", None, None), normalize(sentence.text),
                    sentence.start, sentence.end, sentence.index, sentence.text, city=place.city,
                )  # fmt: skip
                initiatives.append(initiative)
                by_key[(place.key, sentence.start)] = initiative
            if all(s.start != hit.start for s in initiative.sectors):
                initiative.sectors.append(hit)
                initiative.sectors.sort(key=lambda s: s.start)


def _place_bound_sector(
    body: str, sentence: Sentence, place: Match, gazetteer: Gazetteer
) -> SectorHit | None:
    # A bounded look-back: a megabyte-long sentence stays linear.
    floor = max(sentence.start, place.start - 200)
    before = body[floor : place.start]
    if _ONE_OF_BEFORE.search(before) and _PILLAR_AFTER.match(body, place.end):
        hits = sector_hits(body, floor, place.start, gazetteer)
        return SectorHit(*hits[0]) if hits else None
    at = _AT_PLACE_BEFORE.search(before)
    if at is not None and place.city:
        start, end = floor + at.start("words"), floor + at.end("words")
        terms = gazetteer.sectors.find(body, start, end)
        slug = terms[0].key if len(terms) == 1 else None
        if terms or names_an_industry(body[start:end]):
            return SectorHit(slug, body[start:end], start, end)
    return None


def _reported_clause(
    body: str, sentence: Sentence, statements: list[StatementFact]
) -> tuple[Sentence, StatementFact] | None:
    """The part of a sentence that a statement reports, as a sentence of its own."""
    for statement in statements:
        # The statement starts in the sentence, or the sentence is inside it (a
        # transcript's paragraph, a quotation of several sentences).
        if statement.start < sentence.end and sentence.start < statement.end:
            start = max(statement.start, sentence.start)
            while start < sentence.end and body[start] in "\"“‘' ":
                start += 1
            end = min(statement.end, sentence.end)
            if end > start:
                clause = Sentence(sentence.index, start, end, sentence.paragraph, body[start:end])
                return clause, statement
    return None


_PROVINCE_WORD_GLUE = re.compile(
    r"^(?:'s|’s)?(?:\s+(?:Province|province|Municipality|municipality))?"
)


def _listed_together(body: str, previous: Match, current: Match) -> bool:
    """ "Jiangxi, Shandong ... and Hubei": two places of one coordinated list."""
    glue = body[previous.end : current.start]
    glue = _PROVINCE_WORD_GLUE.sub("", glue)
    return _LIST_GLUE.match(glue) is not None


def _unique(matches: list[Match]) -> list[Match]:
    seen: dict[str, Match] = {}
    for match in matches:
        seen.setdefault(match.key, match)
    return list(seen.values())


def extract_article(text: str, gazetteer: Gazetteer | None = None) -> ArticleFacts:
    language = guess_language(text)
    if language == "zh":
        # Imported here: zh_article builds on this module's fact types.
        from etl.extract.zh_article import extract_chinese_article

        return extract_chinese_article(text)
    return _EnglishArticle(text, gazetteer or default_gazetteer(), language).read()


# "..., according to the company", "The company's installed capacity ...": a firm's
# figures, not the province's.
_FIRMS_FIGURES = re.compile(
    r"^(?:The|Its)\s+(?:company|firm|group|enterprise)(?:['’]s)?\b|"
    r"\baccording to the (?:company|firm|group|enterprise)\b"
)
_UNNAMED_FORECASTERS = re.compile(
    r"\b(?:(?:said|say|according to)\s+(?:some\s+|industry\s+|market\s+)?"
    r"(?:analysts|economists|observers|insiders)|(?:analysts|economists|observers|insiders)\s+"
    r"(?:said|say|predicted|predict|expect|expected|estimated|estimate))\b"
)
# Who forecasts rather than commits: research and finance, not a government office.
_RESEARCH = re.compile(
    r"\b(?:[Pp]rofessor|[Rr]esearcher|[Rr]esearch|[Ff]ellow|[Aa]nalyst|[Ee]conomist|[Ss]cholar|"
    r"Institute|Academy|University|College|Securities|Think Tank|Consult\w*|Capital|Bank)\b"
)
_OFFICE = re.compile(
    r"\b(?:[Gg]overnor|[Mm]ayor|[Pp]arty [Ss]ecretary|[Dd]epartment|[Bb]ureau|[Cc]ommission|"
    r"[Gg]overnment|[Mm]inistry|[Aa]dministration|[Oo]fficial|[Ss]pokes\w+|[Dd]eputy to)\b"
)


@dataclass
class _Thread:
    """What a sentence inherits from those before it: the subject it may continue
    ("the province", "It"), the event it may still be part of."""

    subjects: list[str] = field(default_factory=list)
    had_subject: bool = False  # the sentence just before named or continued one
    event: Event | None = None
    event_of: dict[str, Event] = field(default_factory=dict)
    # The sentence before stated an initiative: a list after it may continue it.
    committed: bool = False


class _EnglishArticle:
    """One English article read sentence by sentence: mentions, then initiatives."""

    def __init__(self, text: str, gazetteer: Gazetteer, language: str) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.metadata = extract_metadata(text, language)
        self.year = self.metadata.published_on.year if self.metadata.published_on else None
        self.sentences = split_sentences(text, self.metadata.header_end)
        self.speech = extract_speech(
            text, self.sentences, gazetteer.expert_aliases, gazetteer.place_names
        )
        self.excluded = SpanIndex(self.speech.excluded_spans)
        self.captions = _captions(text)
        self.places_by_sentence, venues = _set_aside_venues(
            text, _places_by_sentence(text, self.sentences, gazetteer), self.captions
        )
        self.story_province = _story_province(self.places_by_sentence.values())
        self.venue_starts = {m.start for m in venues}
        self.place_starts = sorted(
            [m.start for found in self.places_by_sentence.values() for m in found]
            + list(self.venue_starts)
        )
        self.mentions: list[MentionFact] = self._dateline_mentions() + [
            MentionFact(m.key, "context", m.text, m.start, m.end, m.city) for m in venues
        ]
        self.initiatives: list[InitiativeFact] = []
        self.thread = _Thread()
        # A sentence may be asked for its terms and figures twice (is it the story
        # province's? then, what does it name?): each is found once.
        self.terms_of: dict[tuple[int, int], list[Match]] = {}
        self.targets_of: dict[tuple[int, int], list[Target]] = {}
        self.sectors_of: dict[tuple[int, int, bool], list[SectorHit]] = {}
        self.all_terms: list[Match] | None = None
        # Each province's targets by number, with their words.
        self.target_keys: dict[tuple[str, float], list[frozenset[str]]] = {}
        self.term_starts: list[int] = []

    def read(self) -> ArticleFacts:
        for sentence in self.sentences:
            self._read_sentence(sentence)
        _add_place_bound_sectors(
            self.text, self.sentences, self.places_by_sentence, self.gazetteer, self.initiatives
        )
        return ArticleFacts(
            self.metadata,
            self._unique_mentions(),
            self.initiatives,
            self.speech.experts,
            self._statements_with_topics(),
        )

    def _dateline_mentions(self) -> list[MentionFact]:
        meta = self.metadata
        if not meta.dateline_city or meta.dateline_start is None:
            return []
        province = self.gazetteer.province_of(meta.dateline_city.upper())
        if not province:
            return []
        end = meta.dateline_end or 0
        return [
            MentionFact(
                province, "dateline", self.text[meta.dateline_start : end], meta.dateline_start, end
            )
        ]

    def _read_sentence(self, sentence: Sentence) -> None:
        in_sentence = self.places_by_sentence[sentence.index]
        found = [m for m in in_sentence if not self.excluded.contains(m.start, m.end)]
        # A province named in what someone said is still a province of the story.
        self.mentions += [
            MentionFact(m.key, "listed", m.text, m.start, m.end, m.city)
            for m in in_sentence
            if self.excluded.contains(m.start, m.end)
        ]
        if self.captions.contains(sentence.start, sentence.end):
            return  # a photo's caption shows; it commits no one to anything
        statement_start: int | None = None
        forecast: bool | None = None  # settled below, only for a sentence that commits
        if sentence.index in self.speech.statement_sentences:
            # What an official says the province will do is the province's
            # initiative: the reported clause is read like a sentence of its own.
            reported = _reported_clause(self.text, sentence, self.speech.statements)
            # A statement dropped at the end ("According to him, ..." with no one named
            # before) leaves the sentence the article's own.
            if reported is not None:
                sentence, said = reported
                statement_start = said.start
                forecast = self._is_forecaster(said.expert_name)
                # The sentence's places (venues set aside) that the clause holds.
                found = [
                    m for m in in_sentence if sentence.start <= m.start and m.end <= sentence.end
                ]
        subjects = _subjects(self.text, sentence, found)
        subject_names = self._subject_names(sentence, subjects, in_sentence)
        # Events matter only to the initiatives of a subject: no search otherwise.
        event = _event(sentence, self.year, self.metadata.published_on) if subject_names else None
        if subjects == [] and subject_names:
            event = event or self.thread.event
        self._add_mentions(found, subject_names)
        self.thread.had_subject = bool(subject_names)
        if not subject_names:
            self.thread.committed = False
            return
        self.thread.subjects = subject_names
        self.thread.event = event or self.thread.event
        # An initiative commits to something; "Shanghai's economy grew 5.0%" does not.
        committed = self.thread.committed
        self.thread.committed = False
        if _COMMITMENT.search(sentence.text) or (
            not subjects and committed and _LISTING.match(sentence.text)
        ):
            self.thread.committed = True
            self._add_initiatives(
                sentence, subjects, subject_names, event, found, statement_start, forecast
            )

    def _is_forecaster(self, expert_name: str | None) -> bool:
        expert = self.speech.experts.get(expert_name) if expert_name else None
        if expert is None:
            return False
        where = " ".join(
            filter(None, (expert.title, expert.organization, expert.parent_organization))
        )
        return _RESEARCH.search(where) is not None and _OFFICE.search(where) is None

    def _subject_names(
        self, sentence: Sentence, subjects: list[Match], in_sentence: list[Match]
    ) -> list[str]:
        """The named subjects; else the one continued; else a one-province story's own."""
        if subjects:
            return [m.key for m in subjects]
        thread = self.thread
        continuation = (
            _CONTINUATION.match(sentence.text)
            or _IN_THE_PROVINCE.search(sentence.text)
            # "The six clusters of ... will be developed.": no agent, the last one's.
            or (not in_sentence and thread.had_subject and _AGENTLESS.search(sentence.text))
        )
        # "It" continues only the sentence before; "the province" continues the
        # last province named as a subject, however far back.
        if (
            thread.subjects
            and continuation
            and (continuation.groupdict().get("it") is None or thread.had_subject)
        ):
            return thread.subjects
        if (
            self.story_province is not None
            # Named nowhere, or only as the story's own place ("development in Hohhot").
            and all(m.key == self.story_province for m in in_sentence)
            and (
                self._terms(sentence.start, sentence.end)
                or self._targets(sentence.start, sentence.end)
                # "... will focus on industries including marine transportation, cruise
                # economy and offshore oil and gas development": a list of industries.
                or (
                    _INDUSTRIES_LISTED.search(sentence.text) is not None
                    and self._sectors(sentence.start, sentence.end)
                )
            )
        ):
            # A story about one province: what it will build needs no name each time.
            return [self.story_province]
        return []

    def _add_mentions(self, found: list[Match], subject_names: list[str]) -> None:
        for match in found:
            role = "subject" if match.key in subject_names else "listed"
            if role == "listed" and match.city and not subject_names:
                # "after those in Jiuquan, Xichang and Taiyuan": named for comparison.
                role = "context"
            self.mentions.append(
                MentionFact(match.key, role, match.text, match.start, match.end, match.city)
            )

    def _add_initiatives(
        self,
        sentence: Sentence,
        subjects: list[Match],
        subject_names: list[str],
        event: Event | None,
        found: list[Match],
        statement_start: int | None,
        forecast: bool | None = None,
    ) -> None:
        text = self.text
        clauses = (
            [(sentence.start, sentence.end)]
            if len(subject_names) > 1
            else _split_clauses(text, sentence)
        )
        cities = {m.key: m.city for m in reversed(subjects)}
        # A coordinated list of subjects owns a figure that follows it together.
        listed_group = (
            frozenset(subject_names)
            if len(subjects) > 1
            and all(_listed_together(text, a, b) for a, b in itertools.pairwise(subjects))
            else frozenset()
        )
        for province in subject_names:
            province_event = (
                event or self.thread.event_of.get(province) or Event("other", None, None)
            )
            if event is not None:
                self.thread.event_of[province] = event
            for start, end in clauses:
                targets = self._new_targets(province, start, end)
                if targets and forecast is None:
                    # "..., said analysts", "according to the company": numbers nobody
                    # in office stands behind (asked only of a sentence with a number).
                    forecast = (
                        _UNNAMED_FORECASTERS.search(sentence.text)
                        or _FIRMS_FIGURES.search(sentence.text)
                    ) is not None
                if forecast:
                    # A researcher's or analyst's numbers are forecasts, not the province's aims.
                    targets = []
                owned = _owned_targets(text, targets, province, found, sentence.start, listed_group)
                for key in (_target_key(province, t) for t in owned):
                    self.target_keys.setdefault(key[:2], []).append(key[2])
                self.initiatives.append(
                    InitiativeFact(
                        province=province,
                        event=province_event,
                        clause_text=normalize(text[start:end]),
                        start=start,
                        end=end,
                        sentence_index=sentence.index,
                        sentence_text=sentence.text,
                        sectors=self._sectors(start, end, said=statement_start is not None),
                        city=cities.get(province),
                        statement_start=statement_start,
                        targets=owned,
                    )
                )

    def _sectors(self, start: int, end: int, said: bool = False) -> list[SectorHit]:
        """The clause's sectors; in a sentence of the article's own, not those inside
        a quotation it holds. What an official said the province will do (``said``)
        is read whole: its sectors are the province's."""

        key = (start, end, said)
        if key in self.sectors_of:
            # A clause several provinces share is read once.
            return list(self.sectors_of[key])

        def unsaid(match: Match) -> bool:
            return said or not self.excluded.contains(match.start, match.end)

        found = self._terms(start, end)
        self.sectors_of[key] = [
            SectorHit(*hit)
            for hit in sector_hits(
                self.text, start, end, self.gazetteer, unsaid, found, self.place_starts
            )
        ]
        return list(self.sectors_of[key])

    def _new_targets(self, province: str, start: int, end: int) -> list[Target]:
        """The clause's targets but one the province already set, restated ("... which
        is expected to reach 2.3 trillion yuan in 2022", Gong added)."""
        return [
            target
            for target in self._targets(start, end)
            if not _restates(_target_key(province, target), self.target_keys)
        ]

    def _targets(self, start: int, end: int) -> list[Target]:
        key = (start, end)
        if key not in self.targets_of:
            self.targets_of[key] = find_targets(self.text, start, end)
        return self.targets_of[key]

    def _terms(self, start: int, end: int) -> list[Match]:
        """Taxonomy terms of a span: those of the whole text found in one scan, the
        span's taken by offset (a scan per clause cost a call per clause)."""
        key = (start, end)
        if key not in self.terms_of:
            if self.all_terms is None:
                self.all_terms = self.gazetteer.sectors.find(self.text)
                self.term_starts = [m.start for m in self.all_terms]
            first = bisect_left(self.term_starts, start)
            last = bisect_left(self.term_starts, end)
            inside = self.all_terms[first:last]
            before = self.all_terms[first - 1] if first else None
            if (inside and inside[-1].end > end) or (before is not None and before.end > start):
                # A term running over the span's edge: the span alone may hold a shorter one.
                inside = self.gazetteer.sectors.find(self.text, start, end)
            self.terms_of[key] = inside
        return self.terms_of[key]

    def _statements_with_topics(self) -> list[StatementWithTopics]:
        return [
            StatementWithTopics(
                fact,
                [
                    SectorHit(m.key, m.text, m.start, m.end)
                    for m in self._terms(fact.start, fact.end)
                ],
            )
            for fact in self.speech.statements
        ]

    def _unique_mentions(self) -> list[MentionFact]:
        # A place inside a reported clause is seen twice: as said, and as a subject.
        by_start: dict[int, MentionFact] = {}
        for mention in self.mentions:
            if mention.start not in by_start or mention.role == "subject":
                by_start[mention.start] = mention
        return sorted(by_start.values(), key=lambda m: m.start)

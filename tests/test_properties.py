"""Properties of extraction on any text: it never raises, every span it
returns reproduces its words, and it is deterministic.

Two kinds of input: arbitrary Unicode text, and text assembled from the
words extraction looks for (real province names and sector aliases from
seeds/reference/, reporting verbs, datelines) mixed with quotes and
pathological punctuation, so the generated articles reach the extractors'
deeper branches. No database.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.extract.article import ArticleFacts, extract_article
from etl.extract.gazetteer import Gazetteer, is_chinese_term
from etl.extract.reference import load_reference
from etl.extract.text import normalize
from etl.read import ArticleFile
from etl.validate import ArticleRecord, build_record

REFERENCE = load_reference()
GAZETTEER = Gazetteer(REFERENCE)

# English words for the English article generator; the Chinese names have a
# property of their own below.
PROVINCE_WORDS = sorted(
    w
    for w in {p.name for p in REFERENCE.provinces}
    | {a for p in REFERENCE.provinces for a in p.aliases}
    if not is_chinese_term(w)
)
SECTOR_WORDS = sorted({a for s in REFERENCE.sectors for a in s.aliases if not is_chinese_term(a)})
CHINESE_PROVINCE_WORDS = sorted(
    w for p in REFERENCE.provinces for w in (p.name_zh, *p.aliases) if is_chinese_term(w)
)
CHINESE_SECTOR_WORDS = sorted(
    {a for s in REFERENCE.sectors for a in s.aliases if is_chinese_term(a)}
)
EXPERT_WORDS = sorted(
    {e.name for e in REFERENCE.expert_aliases}
    | {a for e in REFERENCE.expert_aliases for a in e.aliases}
)
PUNCTUATION = [
    '"', '"""', "'", "“", "”", "“”", "‘", "’", "...", "…", "——", "—", "–", "-", "--", "(", ")",
    "((", "))", "[", "]", "（", "）", ",", "，", "、", ";", "；", ":", "：", ".", "。", "!", "！",
    "?", "？", " ", "  ", "\n", "\n\n", "\n  ", "\t", "\u3000", "\u00a0", "\ufffd", "😀", "🇨🇳",
]  # fmt: skip
WORDS = [
    "said", "said that", "says", "believes", "noted", "pointed out", "added", "told", "also",
    "he", "He", "she", "She", "it", "It", "the", "The", "a", "an", "and", "as well as", "of",
    "in", "on", "at", "by", "that", "will", "build", "develop", "proposed", "held", "a",
    "conference", "meeting", "forum", "government work report", "released", "issued", "plan",
    "action plan", "policy", "measures", "According to", "Zhang Wei", "Li Ming", "Mr.", "Dr.",
    "Prof.", "director", "economist", "an official", "analysts", "Institute", "Academy",
    "University", "Co., Ltd.", "of the", "under the", "Province", "province", "'s", "’s",
    "wait.", "etc.", "etc. .", "e.g.", "U.S.", "No.", "50", "1,000", "2024", "2027",
    "around", "more than", "nearly", "ten", "a dozen", "dozens of", "industrial chains",
    "clusters", "parks", "key", "billion yuan", "percent", "BEIJING, Feb. 25 (Xinhua) --",
    "China News Service, Beijing, February 25 (Reporter Liu Yuying)",
    "By ZHANG WEI | China Daily | Updated: 2024-03-05 09:12", "SHANGHAI, March 5 (Reuters) -",
    "February 23", "Jan. 5, 2024", "Neighbouring", "Meanwhile,", "Both",
]  # fmt: skip

token = st.one_of(
    st.sampled_from(PROVINCE_WORDS),
    st.sampled_from(SECTOR_WORDS),
    st.sampled_from(EXPERT_WORDS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(WORDS),
    st.text(max_size=6),
)
separator = st.sampled_from(["", " ", " ", " ", ", ", ". ", "\n", "; ", '" ', " “", "” "])
noise = st.lists(st.tuples(token, separator), max_size=12).map(
    lambda parts: "".join(word + glue for word, glue in parts)
)
province = st.sampled_from(PROVINCE_WORDS)
sector = st.sampled_from(SECTOR_WORDS)
name = st.sampled_from(["Zhang Wei", "Li Ming", "Shi Dan", "Stan", "Wang Jing-Hua", "He", "She"])
# Sentences in the shapes the extractors look for, with noise in their slots,
# so that statements, targets and events are found and their spans checked.
fragment = st.one_of(
    st.builds(
        "{} will build {} {} {} in {}{}".format,
        province,
        st.sampled_from(["50", "1,000", "about 10", "more than twenty", "a dozen", "0"]),
        noise,
        st.sampled_from(["industrial chains", "clusters", "parks", "bases"]),
        sector,
        st.sampled_from([".", "; ", " wait.", "", "。"]),
    ),
    st.builds(
        "{}, {} and {} {} a plan to develop {} and {}.".format,
        province,
        province,
        province,
        st.sampled_from(["released", "held", "issued"]),
        sector,
        noise,
    ),
    st.builds(
        '"{} {} {}," {} said{}'.format,
        noise,
        sector,
        noise,
        name,
        st.sampled_from([".", ', "and more of it {}."', ". ", ""]),
    ),
    st.builds(
        "“{} {}，” said {}, director of the {} Institute of {}.".format,
        noise,
        sector,
        name,
        noise,
        noise,
    ),
    st.builds(
        "{}, {} of the Institute of {} of the Chinese Academy of {}, said that {} {}.".format,
        name,
        noise,
        noise,
        noise,
        sector,
        noise,
    ),
    st.builds(
        "{} {} that {} {}.".format,
        name,
        st.sampled_from(["believes", "said", "noted"]),
        noise,
        sector,
    ),
    st.builds("According to {}, {} {}.".format, name, noise, sector),
    st.builds("It proposed to {} {}.".format, noise, sector),
)
articles = st.tuples(
    st.sampled_from(
        [
            "",
            "BEIJING, Feb. 25 (Xinhua) -- ",
            "SHANGHAI, March 5, 2024 (Reuters) - ",
            "China News Service, Beijing, February 25 (Reporter Liu Yuying) ",
            "By ZHANG WEI | China Daily | Updated: 2024-03-05 09:12\n",
        ]
    ),
    st.lists(st.tuples(st.one_of(fragment, token), separator), max_size=30),
).map(lambda parts: parts[0] + "".join(word + glue for word, glue in parts[1]))
any_text = st.text(max_size=400)

FAST = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


def _record(text: str, facts: ArticleFacts) -> ArticleRecord:
    """The validation the pipeline runs: it raises when a span does not reproduce its words."""
    return build_record(ArticleFile(Path("x.txt"), "0" * 64, text), facts, "x.txt")


def _check_spans(text: str, facts: ArticleFacts) -> None:
    record = _record(text, facts)
    # The same checks, spelled out: matched words are the text's own characters...
    exact = [*record.mentions]
    for initiative in record.initiatives:
        exact += [*initiative.sectors, *initiative.targets]
    for statement in record.statements:
        exact += statement.topics
    for span in exact:
        assert 0 <= span.span_start < span.span_end <= len(text)
        assert text[span.span_start : span.span_end] == span.text
    # ...clauses and statements are their spans, normalized.
    for initiative in record.initiatives:
        assert normalize(text[initiative.span_start : initiative.span_end]) == initiative.text
    for statement in record.statements:
        parts = statement.parts or [(statement.span_start, statement.span_end)]
        assert normalize(" ".join(text[s:e] for s, e in parts)) == statement.text
    # The database's unique keys hold, so a load never fails on them.
    assert _no_duplicates(m.span_start for m in record.mentions)
    assert _no_duplicates((i.province, i.span_start) for i in record.initiatives)
    assert _no_duplicates(s.span_start for s in record.statements)
    for initiative in record.initiatives:
        assert _no_duplicates(s.span_start for s in initiative.sectors)
        assert _no_duplicates(t.span_start for t in initiative.targets)
    for statement in record.statements:
        assert _no_duplicates(t.span_start for t in statement.topics)


def _no_duplicates(keys: object) -> bool:
    counts = Counter(keys)  # type: ignore[call-overload]
    return all(n == 1 for n in counts.values())


@FAST
@given(any_text)
def test_arbitrary_text_never_raises_and_spans_hold(text: str) -> None:
    _check_spans(text, extract_article(text, GAZETTEER))


@FAST
@given(articles)
def test_article_like_text_never_raises_and_spans_hold(text: str) -> None:
    _check_spans(text, extract_article(text, GAZETTEER))


@FAST
@given(st.one_of(articles, any_text))
def test_extraction_is_deterministic(text: str) -> None:
    assert extract_article(text, GAZETTEER) == extract_article(text, GAZETTEER)


@FAST
@given(articles, st.sampled_from(PROVINCE_WORDS), st.sampled_from(SECTOR_WORDS))
def test_a_province_acting_on_a_sector_is_found_anywhere(
    noise: str, province: str, sector: str
) -> None:
    # Whatever precedes it, a paragraph "<Province> will develop <sector>." is
    # read as the province's initiative naming that sector.
    text = f"{noise}\n\n{province} will develop {sector}.\n"
    facts = extract_article(text, GAZETTEER)
    _check_spans(text, facts)
    name = GAZETTEER.provinces.find(province)[0].key
    start = text.rindex(sector)
    assert any(
        i.province == name and any(h.start == start for h in i.sectors) for i in facts.initiatives
    ), facts.initiatives


@FAST
@given(
    st.text(alphabet="，。、的在和将发展产业经济我国今年计划推动", max_size=200),
    st.sampled_from(CHINESE_PROVINCE_WORDS),
    st.sampled_from(CHINESE_SECTOR_WORDS),
)
def test_a_chinese_province_developing_a_sector_is_found_anywhere(
    noise: str, province: str, sector: str
) -> None:
    # "<省>将加快发展<产业>。" after any Chinese noise is that province's initiative.
    from etl.extract.zh_article import extract_chinese_article

    text = f"{noise}\n{province}将加快发展{sector}。\n"
    facts = extract_chinese_article(text)
    _check_spans(text, facts)
    name = next(p.name for p in REFERENCE.provinces if province in (p.name_zh, *p.aliases))
    start = text.rindex(sector)
    assert any(
        i.province == name and any(h.start <= start < h.end for h in i.sectors)
        for i in facts.initiatives
    ), facts.initiatives

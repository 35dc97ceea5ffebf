"""The extraction of a Chinese article, into the same facts as an English one.

Provinces and cities are matched on a simplified copy of the text (same
offsets as the original); a city stands for its province. A sentence is an
initiative of its subject province when it commits to something (提出, 将,
加快, 培育, 打造 …); its sectors are the taxonomy's terms and the items of
the lists it enumerates (空天信息、深海极地、尖端材料等未来产业), each item kept
in the article's words and mapped to a taxonomy sector only when it holds one
of the sector's terms.
"""

from __future__ import annotations

import functools
import itertools
import re
from decimal import Decimal

from etl.extract.article import (
    ArticleFacts,
    Event,
    InitiativeFact,
    MentionFact,
    SectorHit,
    StatementWithTopics,
    Target,
)
from etl.extract.gazetteer import ChineseGazetteer, Match, default_chinese_gazetteer
from etl.extract.speech import StatementFact
from etl.extract.text import Sentence, SpanIndex, normalize
from etl.extract.zh_metadata import ChineseMetadataReader
from etl.extract.zh_speech import ChineseSpeech
from etl.extract.zh_text import NUMBER, chinese_quantity, simplified, split_sentences

_COMMITMENT = re.compile(
    r"提出|将|要|加快|培育|打造|发展|布局|推动|推进|实施|聚焦|壮大|建设|构建|力争|做强|做优|做大|"
    r"重点|围绕|抢占|支持|鼓励|谋划|瞄准|计划|目标|出台|发布|印发|部署|引育|攻关|突破|创建|争创|深耕"
)
# A place inside a proper name is not the place: 山东大学, 湖南卫视, 四川航空.
_PROPER_NAME_AFTER = re.compile(
    r"大学|学院|银行|日报|晚报|卫视|电视台|广播|证券|航空公司|集团|股份|医院|研究院|[)）]?(?:有限|公司)|"
    # 上海交通大学, 湖南师范大学, 四川省人民医院: a few words, then the institution.
    r"[\u4e00-\u9fff]{1,4}?(?:大学|学院|研究院|研究所|医院)"
)
# A sentence about the country: its plans are no province's (unless it names one).
_NATIONAL = re.compile(
    r"我国|全国|国家层面|中央|国务院|工信部|国家发展改革委|《政府工作报告》|^(?:[^,，]{0,6})国家"
)
# A sentence about a region is no province's: "长三角地区已创建26个…集群".
_REGION = re.compile(
    r"长三角|珠三角|京津冀|粤港澳|大湾区|成渝|长江经济带|黄河流域|东北地区|中西部|西部地区"
)
_CONTINUES = re.compile(r"^(?:该省|全省|我省|该市|全市|我市|省里|市里|该区|全区)")
_LIST_GLUE = re.compile(r"^(?:省|市|自治区)?\s*(?:、|和|及|与|以及|,|，)\s*$")

# Enumerations: items joined by 、 after a cue, closed by 等 or a category word.
_ITEM = r"(?:(?!等)[\u4e00-\u9fffA-Za-z0-9]){2,12}"
_LIST = re.compile(
    r"(?:培育|发展|打造|布局|聚焦|壮大|做强|做优|推动|加快|围绕|涵盖|包括|瞄准|深耕|抢占|重点|建设|"
    r"构建|引育|突破|主攻|形成|拓展|推进|聚力|集中|促进|提升|支持|[:：(（])"
    r"(?P<items>" + _ITEM + r"(?:、" + _ITEM + r")+(?:(?:、|和|以及|与)" + _ITEM + r")?)"
    r"(?P<tail>等?(?:未来|新兴|战略性新兴|优势|主导|支柱|特色|重点|先进|现代|高端)?"
    r"(?:产业|领域|行业|集群|赛道|方向|板块|产业链|业态)?)"
)
_INDUSTRY_HEAD = re.compile(
    r"(?<!企)(?:产业|工业|制造业|服务业|农业|加工业|渔业|旅游业|经济|制造|材料|装备|能源|技术|信息|"
    r"电池|汽车|芯片|机器人|医药|器械|服务|(?<![补延强])链|网络|"
    r"智能|软件|设备|储能|极地|航天|航空|电子|计算|通信|生物|化工|食品|纺织|物流|金融|光伏|风电|氢能|"
    r"集成电路|半导体|显示|仪器|新药|育种|农业|消费)$"
)
_LEADING_CUE = re.compile(
    r"^(?:培育|发展|打造|布局|壮大|做强|做优|推动|加快|聚焦|围绕|建设|了|的|从|在|对|把|将|向|以)+"
)

# A target looks ahead (到2027年, 力争, 目标, 将); "2021年…产量突破150万辆" is an achievement.
_FUTURE = re.compile(
    r"[到至]20\d\d年|力争|目标|计划|将|预期|争取|确保|预计|要|打造|培育|规划|设立|新目标|"
    r"提高到|提升到|增长到|达到|加快建设|新建|新培育"
)
_PAST = re.compile(
    r"去年|上年|已经|已|实现了|同比|截至|截止|累计|前三季度|上半年|完成了|(?<![到至\d])20\d\d年(?!前|底|末)"
)
_TARGET = re.compile(
    r"(?P<pre>超过|突破|约|近|接近|达到|达|逾|不少于|不低于)?\s*"
    + NUMBER
    # "3至5家": a range counts from its lower end.
    + r"(?:(?:至|到|-|~|—)\s*(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+))?"
    r"(?P<post>余|多)?\s*(?P<measure>个|家|条|座|项|所|支|批|大|万辆|辆|亿元|万亿元|元|%|％|"
    r"亿台|万台|台|万吨|吨)"
    r"(?P<approx>以上|左右|上下)?(?P<noun>[\u4e00-\u9fff]{0,12})"
    r"(?P<approx_after>以上|左右|上下)?"
)
_APPROX_BEFORE = frozenset({"超过", "突破", "约", "近", "接近", "逾", "不少于", "不低于"})

_EVENTS = (
    ("government_work_report", re.compile(r"政府工作报告")),
    ("conference", re.compile(r"[\u4e00-\u9fff]{2,20}(?:大会|会议|推进会|发布会|论坛|峰会|两会)")),
    ("plan", re.compile(r"《[^》]{2,60}(?:规划|方案|计划|意见|行动|措施|政策)[^》]{0,20}》")),
)


@functools.cache
def _reader(gazetteer: ChineseGazetteer) -> ChineseMetadataReader:
    return ChineseMetadataReader(gazetteer)


@functools.cache
def _speech(gazetteer: ChineseGazetteer) -> ChineseSpeech:
    return ChineseSpeech(set(gazetteer.place_matcher_surfaces()))


def extract_chinese_article(
    original: str, gazetteer: ChineseGazetteer | None = None
) -> ArticleFacts:
    gazetteer = gazetteer or default_chinese_gazetteer()
    text = simplified(original)
    metadata = _reader(gazetteer).read(original, text)
    sentences = split_sentences(text)
    speech = _speech(gazetteer).extract(original, text)
    places = _place_matches(text, gazetteer, metadata.dateline_start, metadata.dateline_end)
    mentions = _mentions(
        original, places, gazetteer, metadata.dateline_start, metadata.dateline_end
    )
    provinces_in_article = {m.province for m in mentions if m.role != "dateline"}
    initiatives: list[InitiativeFact] = []
    previous: dict[str, str | None] = {}
    previous_paragraph = -1
    for sentence in sentences:
        in_sentence = [p for p in places if sentence.start <= p.start < sentence.end]
        subjects = _subjects(text, sentence, in_sentence, gazetteer) or _implied_subjects(
            sentence, previous, previous_paragraph, provinces_in_article
        )
        if subjects:
            previous, previous_paragraph = subjects, sentence.paragraph
        if not subjects or not _COMMITMENT.search(sentence.text):
            continue
        event = _event(sentence.text)
        sectors = _sectors(original, text, sentence, gazetteer)
        targets = sorted(
            _targets(original, text, sentence) + _scales(original, text, sentence),
            key=lambda t: t.start,
        )
        if in_sentence and len(subjects) > 1:
            # "多数地方预期目标为5%…,海南、内蒙古…分别定在6%以上": the figures after the
            # listed provinces are theirs; those before belong to someone else.
            targets = [t for t in targets if t.start > in_sentence[0].start]
        said = _statement_over(speech.statements, sentence)
        for province, city in subjects.items():
            initiatives.append(
                InitiativeFact(
                    province=province,
                    event=event,
                    clause_text=normalize(original[sentence.start : sentence.end]),
                    start=sentence.start,
                    end=sentence.end,
                    sentence_index=sentence.index,
                    sentence_text=original[sentence.start : sentence.end],
                    sectors=sectors,
                    targets=targets,
                    city=city,
                    statement_start=said.start if said else None,
                )
            )
    statements = [
        StatementWithTopics(fact, _taxonomy_hits(original, text, fact.start, fact.end, gazetteer))
        for fact in speech.statements
    ]
    return ArticleFacts(metadata, mentions, initiatives, speech.experts, statements)


def _place_matches(
    text: str, gazetteer: ChineseGazetteer, dateline_start: int | None, dateline_end: int | None
) -> list[Match]:
    found = []
    token_ends: set[int] | None = None
    for match in gazetteer.place_matcher.find(text):
        if _PROPER_NAME_AFTER.match(text, match.end):
            continue
        if match.text in gazetteer.city_shorts:
            # A city's short name must end where a word ends: 阿里 in 阿里巴巴 is a firm.
            token_ends = token_ends if token_ends is not None else _token_ends(text)
            if match.end not in token_ends:
                continue
        found.append(match)
    return found


def _token_ends(text: str) -> set[int]:
    from etl.extract.zh_speech import segmenter

    ends, position = set(), 0
    for word in segmenter().cut(text):
        position += len(word)
        ends.add(position)
    return ends


def _mentions(
    original: str,
    places: list[Match],
    gazetteer: ChineseGazetteer,
    dateline_start: int | None,
    dateline_end: int | None,
) -> list[MentionFact]:
    mentions = []
    for match in places:
        place = gazetteer.places[match.key]
        in_dateline = dateline_start is not None and dateline_start <= match.start < (
            dateline_end or 0
        )
        mentions.append(
            MentionFact(
                place.province,
                "dateline" if in_dateline else "listed",
                original[match.start : match.end],
                match.start,
                match.end,
                place.city,
            )
        )
    return mentions


def _subjects(
    text: str, sentence: Sentence, places: list[Match], gazetteer: ChineseGazetteer
) -> dict[str, str | None]:
    """The sentence's leading place or coordinated places: province → the city named."""
    if not places:
        return {}
    group = [places[0]]
    for previous, current in itertools.pairwise(places):
        if not _LIST_GLUE.match(text[previous.end : current.start]):
            break
        group.append(current)
    subjects: dict[str, str | None] = {}
    for match in group:
        place = gazetteer.places[match.key]
        subjects.setdefault(place.province, place.city)
    return subjects


def _implied_subjects(
    sentence: Sentence,
    previous: dict[str, str | None],
    previous_paragraph: int,
    provinces_in_article: set[str],
) -> dict[str, str | None]:
    """A sentence naming no place: the paragraph's province goes on (or 该省, 全省
    continue it); a one-province story owns it; the country's or a region's is nobody's."""
    if _NATIONAL.search(sentence.text) or _REGION.search(sentence.text):
        return {}
    if previous and (sentence.paragraph == previous_paragraph or _CONTINUES.match(sentence.text)):
        return previous
    if len(provinces_in_article) == 1:
        return dict.fromkeys(provinces_in_article)
    return {}


def _statement_over(statements: list[StatementFact], sentence: Sentence) -> StatementFact | None:
    """The statement that says this sentence: "李翔透露,…力争新培育…" is what he announced."""
    for statement in statements:
        if statement.start < sentence.end and sentence.start < statement.end:
            return statement
    return None


def _event(sentence: str) -> Event:
    for kind, pattern in _EVENTS:
        found = pattern.search(sentence)
        if found is not None:
            return Event(kind, None, found.group(0))
    return Event("other", None, None)


def _taxonomy_hits(
    original: str, text: str, start: int, end: int, gazetteer: ChineseGazetteer
) -> list[SectorHit]:
    return [
        SectorHit(m.key, original[m.start : m.end], m.start, m.end)
        for m in gazetteer.sector_matcher.find(text, start, end)
    ]


def _sectors(
    original: str, text: str, sentence: Sentence, gazetteer: ChineseGazetteer
) -> list[SectorHit]:
    hits: list[SectorHit] = []
    covered: list[tuple[int, int]] = []
    places = gazetteer.place_matcher_surfaces()
    for item_start, item_end, listed_as_industry in _list_items(text, sentence):
        if text[item_start:item_end] in places:
            continue  # "聚焦牡丹江、佳木斯等地": places, not industries
        inside = gazetteer.sector_matcher.find(text, item_start, item_end)
        if not listed_as_industry and not _INDUSTRY_HEAD.search(text[item_start:item_end]):
            # "数字经济发展高地": not an industry itself; its taxonomy terms still count.
            continue
        if not inside and _is_a_clause(text[item_start:item_end]):
            continue  # "物料搬运", "卫星数据在海洋", "新质生产力激活实体经济": actions, not industries
        if _NOT_A_SECTOR.search(text[item_start:item_end]):
            continue
        # Chinese puts the head last: "汽车用钢" is steel for cars, not cars.
        slug = inside[0].key if len(inside) == 1 and inside[0].end == item_end else None
        hits.append(SectorHit(slug, original[item_start:item_end], item_start, item_end))
        covered.append((item_start, item_end))
    inside_an_item = SpanIndex(covered)
    for hit in _taxonomy_hits(original, text, sentence.start, sentence.end, gazetteer):
        if not inside_an_item.contains(hit.start, hit.end):
            hits.append(hit)
    ordered = sorted(hits, key=lambda h: (h.start, -h.end))
    # One sector per start offset: an item and a longer term may begin together.
    return [h for i, h in enumerate(ordered) if i == 0 or h.start != ordered[i - 1].start]


# Counted groups ("30条重点产业链"), parks and projects ("沈阳航空动力产业园"), and
# generic aims ("新质生产力", "产业链融合发展", "数字化改造") name no industry.
_NOT_A_SECTOR = re.compile(
    r"^(?:\d+|[一二两三四五六七八九十百千]+)(?:个|条|大|家|项)|"
    r"(?:产业园|园区|项目|工程|基地|示范区|新区)$|"
    r"新质生产力|高质量发展|融合发展|(?:建设|升级|改造|转型)$"
)


def _is_a_clause(words: str) -> bool:
    """An item with a verb or a preposition in it says what is done, not which industry."""
    from etl.extract.zh_speech import pos_tagger

    return any(t.flag[:1] in ("v", "p") and t.flag != "vn" for t in pos_tagger().cut(words))


# Headings that name industries without a list: "在石化和精细化工产业方面" (the
# field a passage is about), "“机器人谷”" and "“氢都”" (a place named for its industry).
_FIELD_HEADING = re.compile(
    r"在(?P<items>" + _ITEM + r"(?:(?:和|、|及)" + _ITEM + r")*)(?P<tail>产业|领域|行业)方面"
)
_NAMED_FOR = re.compile(r"[“\"](?P<items>[\u4e00-\u9fff]{2,8}?)(?P<tail>谷|之都|都)[”\"]")


def _list_items(text: str, sentence: Sentence) -> list[tuple[int, int, bool]]:
    items = []
    found_lists = [
        *_LIST.finditer(text, sentence.start, sentence.end),
        *_FIELD_HEADING.finditer(text, sentence.start, sentence.end),
        *_NAMED_FOR.finditer(text, sentence.start, sentence.end),
    ]
    for found in found_lists:
        listed_as_industry = bool(found.group("tail"))
        position = found.start("items")
        for part in re.split(r"(、|和|以及|与)", found.group("items")):
            if part in ("、", "和", "以及", "与"):
                position += len(part)
                continue
            start, end = position, position + len(part)
            position = end
            cue = _LEADING_CUE.match(part)
            if cue and len(part) - cue.end() >= 2:
                start += cue.end()
            if end - start >= 2:
                items.append((start, end, listed_as_industry))
    return items


# "打造万亿级汽车产业集群", "千亿元产业链": a cluster's or chain's order of size.
_SCALE = re.compile(
    r"(?P<scale>万亿|千亿|百亿)元?级?(?=[\u4e00-\u9fff、]{0,16}?(?:产业集群|集群|产业链|产业基地))"
)
_SCALES = {"万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10}


def _scales(original: str, text: str, sentence: Sentence) -> list[Target]:
    found = []
    for match in _SCALE.finditer(text, sentence.start, sentence.end):
        # "五大百亿级重点项目" counts five; the scale alone is a target when no number leads it.
        if match.start() > sentence.start and re.match(
            r"[\d一二两三四五六七八九十大个]", text[match.start() - 1]
        ):
            continue
        window = text[max(sentence.start, match.start() - 50) : match.start()]
        if not _FUTURE.search(window) and not _COMMITMENT.search(window):
            continue
        found.append(
            Target(int(_SCALES[match.group("scale")]), True,
                   original[match.start() : match.end()], match.start(), match.end())
        )  # fmt: skip
    return found


def _targets(original: str, text: str, sentence: Sentence) -> list[Target]:
    targets: list[Target] = []
    for found in _TARGET.finditer(text, sentence.start, sentence.end):
        window = text[max(sentence.start, found.start() - 50) : found.start()]
        # The nearer cue decides: "2021年…突破150万辆" is past, "去年…,力争到2027年…" ahead.
        future = [m.start() for m in _FUTURE.finditer(window)]
        past = [m.start() for m in _PAST.finditer(window)]
        if not future or (past and past[-1] > future[-1]):
            continue
        number, measure = found.group("number"), found.group("measure")
        # "一批", "一个是": a batch, an item - no count; a year is no count either.
        if number == "一" or (
            re.fullmatch(r"(?:19|20)\d\d", number) and not measure.startswith(("%", "％"))
        ):
            continue
        quantity = chinese_quantity(number, found.group("unit"))
        if quantity is None or quantity <= 0:
            continue
        if measure in ("亿元", "万亿元"):
            quantity *= Decimal(10) ** (12 if measure == "万亿元" else 8)
        elif measure in ("万辆", "万台", "万吨"):
            quantity *= 10_000
        elif measure == "亿台":
            quantity *= 10**8
        approximate = found.group("pre") in _APPROX_BEFORE or any(
            found.group(g) for g in ("post", "approx", "approx_after")
        )
        if (
            targets
            and targets[-1].quantity == quantity
            and "或" in text[targets[-1].start : found.start()]
        ):
            continue  # "6%以上或6%左右": one target said two ways
        targets.append(
            Target(
                int(quantity) if quantity == quantity.to_integral_value() else float(quantity),
                approximate,
                original[found.start() : found.end()],
                found.start(),
                found.end(),
            )
        )
    return targets

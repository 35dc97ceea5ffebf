"""Extractors on short strings, including the hard cases."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extract.article import extract_article
from etl.extract.gazetteer import default_gazetteer
from etl.extract.metadata import extract_metadata, infer_year
from etl.extract.speech import parse_appositive
from etl.extract.targets import find_targets
from etl.extract.text import normalize, split_sentences


def sectors(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.key) for m in default_gazetteer().sectors.find(text)]


def test_longest_sector_match_wins() -> None:
    assert sectors("commercial aerospace and new energy vehicles") == [
        ("commercial aerospace", "commercial-aerospace"),
        ("new energy vehicles", "new-energy-vehicles"),
    ]


def test_acronyms_match_only_with_capitals() -> None:
    assert sectors("AI and 6G") == [("AI", "artificial-intelligence"), ("6G", "future-networks")]
    assert sectors("said ai") == []


def test_province_aliases_and_possessives() -> None:
    found = default_gazetteer().provinces.find(
        "Guangxi Zhuang Autonomous Region, Shandong's plan, Sichuan Province and Nei Mongol"
    )
    assert [m.key for m in found] == ["Guangxi", "Shandong", "Sichuan", "Inner Mongolia"]
    assert found[0].text == "Guangxi Zhuang Autonomous Region"


@pytest.mark.parametrize(
    ("header", "outlet", "city", "date", "reporter", "inferred"),
    [
        ("China News Service, Beijing, February 25 (Reporter Liu Yuying) Since 2024, x.",
         "China News Service", "Beijing", dt.date(2024, 2, 25), "Liu Yuying", True),
        ("BEIJING, Feb. 25 (Xinhua) -- In 2023 the province grew.",
         "Xinhua", "Beijing", dt.date(2023, 2, 25), None, True),
        ("By ZHANG WEI | China Daily | Updated: 2024-03-05 09:12\nText.",
         "China Daily", None, dt.date(2024, 3, 5), "Zhang Wei", False),
        ("SHANGHAI, March 5, 2025 (Reuters) - Shanghai said.",
         "Reuters", "Shanghai", dt.date(2025, 3, 5), None, False),
    ],
)  # fmt: skip
def test_datelines(header, outlet, city, date, reporter, inferred) -> None:  # type: ignore[no-untyped-def]
    meta = extract_metadata(header)
    assert (meta.outlet, meta.dateline_city, meta.published_on, meta.reporter) == (
        outlet, city, date, reporter,
    )  # fmt: skip
    assert meta.is_date_inferred is inferred


def test_target_years_do_not_date_the_article() -> None:
    assert infer_year("Since 2024 the province has grown; by 2027 it aims to double.") == 2024


def test_semicolons_split_initiatives_and_targets_are_counted() -> None:
    text = (
        "XINHUA, March 1 (Xinhua) -- Yunnan will cultivate about 12 plateau industrial parks "
        "for biomedicine; expand photovoltaics; and build 3 computing power hubs in 2025."
    )
    facts = extract_article(text)
    assert [i.province for i in facts.initiatives] == ["Yunnan"] * 3
    assert [[s.slug for s in i.sectors] for i in facts.initiatives] == [
        ["biomedicine"], ["photovoltaics"], ["computing-power"],
    ]  # fmt: skip
    targets = [(t.quantity, t.is_approximate, t.text) for i in facts.initiatives for t in i.targets]
    assert targets == [
        (12, True, "about 12 plateau industrial parks"),
        (3, False, "3 computing power hubs"),
    ]


def test_money_and_growth_rates_are_targets_years_are_not() -> None:
    # ANNOTATION.md: "money amounts or output by a year; growth targets" are targets.
    text = (
        "HEFEI, May 2 (Xinhua) -- Anhui will invest 300 billion yuan, lift output 8 percent "
        "and finish 2025 projects while building 40 key industrial chains."
    )
    targets = [(t.quantity, t.text) for i in extract_article(text).initiatives for t in i.targets]
    assert targets == [
        (300_000_000_000, "300 billion yuan"),
        (8, "8 percent"),
        (40, "40 key industrial chains"),
    ]


def test_achieved_and_national_figures_are_not_province_targets() -> None:
    text = (
        "BEIJING, March 5 (Xinhua) -- Hubei's output grew 6 percent last year to 5.5 trillion "
        "yuan, while the country has set a growth target of around 5 percent for this year."
    )
    assert [t.text for i in extract_article(text).initiatives for t in i.targets] == []


def test_listed_provinces_each_get_an_initiative_and_dateline_is_not_a_subject() -> None:
    text = (
        "China News Service, Beijing, January 30 (Reporter Wang Jing) Hunan, Liaoning and "
        "Yunnan have all written the low-altitude economy into their government work reports."
    )
    facts = extract_article(text)
    assert {i.province for i in facts.initiatives} == {"Hunan", "Liaoning", "Yunnan"}
    assert all(i.event.kind == "government_work_report" for i in facts.initiatives)
    assert facts.provinces == ["Hunan", "Liaoning", "Yunnan"]
    assert [m.role for m in facts.mentions if m.province == "Beijing"] == ["dateline"]


def test_continuation_sentence_keeps_the_province_and_event() -> None:
    text = (
        "CHENGDU, June 3 (Xinhua) -- On June 1, Sichuan held a conference on clean energy. "
        "It proposed to develop hydrogen energy and energy storage in 2025."
    )
    facts = extract_article(text)
    second = facts.initiatives[-1]
    assert second.province == "Sichuan"
    assert (second.event.kind, second.event.on) == ("conference", dt.date(2025, 6, 1))
    assert [s.slug for s in second.sectors] == ["hydrogen-energy", "energy-storage"]


def test_shanxi_and_shaanxi_sentences_stay_apart() -> None:
    text = (
        "XI'AN, Jan 5 (Xinhua) -- Shaanxi will expand its semiconductors cluster. "
        "Shanxi will upgrade its coal chemical and steel industries."
    )
    facts = extract_article(text)
    assert [(i.province, [s.slug for s in i.sectors]) for i in facts.initiatives] == [
        ("Shaanxi", ["semiconductors"]),
        ("Shanxi", ["steel"]),
    ]


def test_expert_forms_and_surname_resolution() -> None:
    text = (
        "BEIJING, Feb. 2 (Xinhua) -- Zhou Min, a researcher with the Development Research "
        "Center of the State Council, said that robotics will lead growth. "
        "Zhou added that local governments should avoid duplicated investment. "
        '"Chips are the bottleneck for every province," said Wang Tao, chief economist at '
        "Pine Securities."
    )
    facts = extract_article(text)
    zhou = facts.experts["Zhou Min"]
    assert (zhou.title, zhou.organization, zhou.parent_organization) == (
        "researcher",
        "Development Research Center of the State Council",
        "State Council",
    )
    speakers = [(s.fact.expert_name, s.fact.verb, s.fact.kind) for s in facts.statements]
    assert speakers == [
        ("Zhou Min", "said", "indirect"),
        ("Zhou Min", "added", "indirect"),
        ("Wang Tao", "said", "direct"),
    ]
    assert [t.slug for t in facts.statements[0].topics] == ["robotics"]
    assert facts.initiatives == []  # sectors in statements are topics, not targets


def test_unresolved_speaker_is_kept_with_their_words() -> None:
    text = (
        "NANNING, April 4 (Xinhua) -- An official with the regional bureau said that "
        "Guangxi will prioritise new energy vehicles."
    )
    statement = extract_article(text).statements[0]
    assert statement.fact.expert_name is None
    assert statement.fact.speaker_text == "An official with the regional bureau"


def test_organization_hierarchy() -> None:
    assert parse_appositive(
        "director of the Institute of Industrial Economics of the Chinese Academy of Social Sciences"
    ) == (
        "director",
        "Institute of Industrial Economics of the Chinese Academy of Social Sciences",
        "Chinese Academy of Social Sciences",
    )


def test_translation_artifacts_are_normalized() -> None:
    assert normalize("laws and regulations. wait.") == "laws and regulations, etc."


def test_sentences_do_not_split_on_abbreviations() -> None:
    text = "On Feb. 10, Mr. Li spoke. Then the U.S. delegation left."
    assert [s.text for s in split_sentences(text)] == [
        "On Feb. 10, Mr. Li spoke.",
        "Then the U.S. delegation left.",
    ]


def test_every_span_reproduces_its_words() -> None:
    from tests.conftest import ROOT

    for path in [*ROOT.joinpath("seeds", "articles").glob("*.txt"),
                 *ROOT.joinpath("tests", "fixtures", "articles").glob("*.txt")]:  # fmt: skip
        text = path.read_text()
        facts = extract_article(text)
        for initiative in facts.initiatives:
            for hit in [*initiative.sectors, *initiative.targets]:
                assert text[hit.start : hit.end] == hit.text
        for mention in facts.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_sidecar_overrides_and_malformed_sidecar_is_a_clear_rejection(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from etl.inspect import inspect_file
    from etl.read import RejectedFile, read_article

    article = tmp_path / "story.txt"
    article.write_text("HEFEI, March 6 (Xinhua) -- Anhui will build 5 AI industrial parks in 2025.")
    (tmp_path / "story.meta.json").write_text(
        '{"outlet": "Xinhua News Agency", "published_on": "2025-03-07", "url": "https://x.example/1"}'
    )
    got = inspect_file(article)
    assert got["article"]["outlet"] == "Xinhua News Agency"
    assert got["article"]["published_on"] == "2025-03-07"
    (tmp_path / "story.meta.json").write_text('{"published_on": "yesterday"}')
    with pytest.raises(RejectedFile, match=r"sidecar story\.meta\.json is invalid: published_on"):
        read_article(article)
    (tmp_path / "story.meta.json").write_text("{not json")
    with pytest.raises(RejectedFile, match="not valid JSON"):
        read_article(article)


def test_every_alias_matches_itself_whole() -> None:
    # The trie regex must find each alias as one match, mapped to its own
    # sector or province, in any case for lower-case aliases; Chinese terms
    # are matched by the Chinese gazetteer inside running Chinese text.
    from etl.extract.gazetteer import ChineseGazetteer, Gazetteer, is_chinese_term
    from etl.extract.reference import load_reference

    reference = load_reference()
    gazetteer, chinese = Gazetteer(reference), ChineseGazetteer(reference)
    for sector in reference.sectors:
        for alias in sector.aliases:
            if is_chinese_term(alias):
                found = chinese.sector_matcher.find(f"加快发展{alias}。")
                assert [(m.key, m.text) for m in found] == [(sector.slug, alias)], alias
                continue
            variants = [alias, alias.upper()] if alias == alias.lower() else [alias]
            for variant in variants:
                found = gazetteer.sectors.find(f"to develop {variant}, and more")
                assert [(m.key, m.text) for m in found] == [(sector.slug, variant)], variant
    for province in reference.provinces:
        for name in (province.name, *province.aliases):
            if is_chinese_term(name):
                found = chinese.place_matcher.find(f"今年{name},")
                assert [(chinese.places[m.key].province, m.text) for m in found] == [
                    (province.name, name)
                ], name
                continue
            found = gazetteer.provinces.find(f"In {name}, officials said")
            assert [(m.key, m.text) for m in found] == [(province.name, name)], name


def test_byline_time_is_not_taken_for_the_headline() -> None:
    from etl.extract.metadata import extract_metadata

    text = (
        "By WANG LIN in Hefei | China Daily | Updated: 2025-03-06 09:12\n"
        "Anhui doubles down on new energy vehicles\n\n"
        "Anhui will build more car plants this year, officials said.\n"
    )
    meta = extract_metadata(text)
    assert meta.headline == "Anhui doubles down on new energy vehicles"
    assert meta.published_on is not None and meta.published_on.isoformat() == "2025-03-06"


def test_plan_event_keeps_its_first_word() -> None:
    from etl.extract.article import extract_article
    from etl.extract.gazetteer import default_gazetteer

    facts = extract_article(
        "HEFEI, March 6 (Xinhua) -- Anhui released an action plan to develop "
        "new energy vehicles and robotics.\n",
        default_gazetteer(),
    )
    assert [(i.event.kind, i.event.words) for i in facts.initiatives] == [("plan", "action plan")]


def test_target_with_a_technology_modifier() -> None:
    from etl.extract.article import extract_article
    from etl.extract.gazetteer import default_gazetteer

    facts = extract_article(
        "CHENGDU, May 8 (Xinhua) -- Sichuan will build more than 1,000 5G base stations "
        "this year to support its digital economy.\n",
        default_gazetteer(),
    )
    targets = [t for i in facts.initiatives for t in i.targets]
    assert [(t.quantity, t.is_approximate, t.text) for t in targets] == [
        (1000, True, "more than 1,000 5G base stations")
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker", "opening"),
    [
        (
            "Provincial governor Wang Weizhong said the province will double its chip spending.",
            "Wang Weizhong",
            "the province will double",
        ),
        (
            "Anhui Governor Wang Qingxian said the province would expand EV output.",
            "Wang Qingxian",
            "the province would expand",
        ),
        (
            "In an interview with Xinhua, Li Ming, director of the bureau, said the cluster "
            "would double in size.",
            "Li Ming",
            "the cluster would double",
        ),
        (
            '"We are confident," Li Ming said. "The cluster will double in size by 2027."',
            "Li Ming",
            "The cluster will double",
        ),
    ],
)
def test_speech_shapes_in_house(sentence: str, speaker: str, opening: str) -> None:
    """In-house sentences, one per shape: a title before the name, a circumstance
    before NAME, APPOSITIVE, and a short quotation continued by a longer one."""
    facts = extract_article("Anhui will build EV clusters.\n" + sentence + "\n")
    assert (speaker, True) in {
        (s.fact.expert_name, s.fact.text.startswith(opening)) for s in facts.statements
    }


def test_a_clause_before_name_appositive_said_is_no_lead() -> None:
    sentence = (
        "The fund will invest in auto chips, Jin Shenghong, chairman of Yuecai Holdings "
        "said at a semiconductor event on Tuesday.\n"
    )
    said = [s.fact.text for s in extract_article("Guangdong will act.\n" + sentence).statements]
    assert said == ["The fund will invest in auto chips"]


def test_an_initiative_must_name_a_statement_of_its_article() -> None:
    from pathlib import Path

    from pydantic import ValidationError

    from etl.read import ArticleFile
    from etl.validate import build_record

    body = (
        "Hainan will focus on deep sea industries and aerospace, according to Hainan "
        "governor Liu Xiaoming.\n"
    )
    facts = extract_article(body)
    announced = [i for i in facts.initiatives if i.statement_start is not None]
    assert announced and announced[0].statement_start == facts.statements[0].fact.start
    record = build_record(ArticleFile(Path("x"), "0" * 64, body), facts, "x")
    broken = record.model_dump()
    broken["initiatives"][0]["statement_start"] = 3
    with pytest.raises(ValidationError, match="no statement starts there"):
        type(record).model_validate(broken)


@pytest.mark.parametrize(
    ("url", "text", "outlet"),
    [
        # Nothing in the text names the outlet: the page's site does.
        (
            "https://epaper.chinadaily.com.cn/a/202112/28/x.html",
            "Sichuan will build.\n",
            "China Daily",
        ),
        # A credit in the text wins over the site that carries the copy.
        (
            "https://www.chinadaily.com.cn/a/x.html",
            "CHENGDU, Dec. 28 (Xinhua) -- Sichuan will build.\n",
            "Xinhua",
        ),
        # An aggregator the reference does not know names no outlet.
        ("https://naijanews.example.com/x", "Sichuan will build.\n", None),
    ],
)
def test_the_outlet_of_a_page_from_its_url_when_the_text_names_none(
    tmp_path, url: str, text: str, outlet: str | None
) -> None:
    import json as jsonlib

    from etl.read import read_article
    from etl.validate import build_record

    path = tmp_path / "page.txt"
    path.write_text(text)
    path.with_name("page.meta.json").write_text(jsonlib.dumps({"url": url}))
    article = read_article(path)
    assert build_record(article, extract_article(article.text), "page.txt").outlet == outlet


def test_per_firm_aid_and_a_researchers_forecast_are_no_province_targets() -> None:
    """Gold conventions (ANNOTATION.md): subsidy caps and analysts' forecasts are not targets."""
    aid = "Shenzhen will give each chip designer a subsidy of up to 5 million yuan.\n"
    forecast = (
        "Guangdong's chip output will reach 300 billion yuan by 2027, said Zhang Li, "
        "a researcher at the China Academy of Information and Communications Technology.\n"
    )
    official = (
        "Guangdong's chip output will reach 300 billion yuan by 2027, said Zhang Li, "
        "director of the Guangdong Provincial Department of Industry and Information Technology.\n"
    )

    def targets(text: str) -> list:
        return [t.quantity for i in extract_article(text).initiatives for t in i.targets]

    assert targets(aid) == []
    assert targets(forecast) == []
    assert targets(official) == [300_000_000_000]


def test_a_story_mostly_about_one_province_owns_what_it_names_without_it() -> None:
    text = (
        "Hebei will build 30 industrial demonstration bases.\n"
        "Hebei is part of the Beijing-Tianjin-Hebei region.\n"
        "Hebei will also attract investment.\n"
        "Hebei plans new parks.\n"
        "Revenue in these sectors is set to exceed 1.7 trillion yuan in biomedicine and robotics.\n"
    )
    pairs = {(i.province, h.text) for i in extract_article(text).initiatives for h in i.sectors}
    assert ("Hebei", "biomedicine") in pairs


# --- what a second reading of the seventh pass found ---------------------------------


def test_from_a_share_to_another_is_no_range() -> None:
    text = "Hunan aims to raise the share from 30 to 40 percent by 2025."
    assert [t.quantity for t in find_targets(text, 0, len(text))] == [40]


def test_a_firm_named_co_ltd_after_its_city_is_no_place() -> None:
    assert default_gazetteer().places("Ningbo Huaxiang Co., Ltd. grew fast.") == []


def test_a_determiner_is_no_organization_and_an_outlet_no_reporter() -> None:
    facts = extract_article('"The city will build 10 parks by 2025," said its mayor Ma Honghai.\n')
    expert = facts.experts["Ma Honghai"]
    assert (expert.title, expert.organization) == ("mayor", None)
    head = "China's economy grew faster than expected last year, Reuters reports.\n"
    assert extract_article(head + "Hunan will develop robots.\n").metadata.reporter is None


# --- what a second reading of the eighth pass found ----------------------------------


def _targets_of(text: str) -> list[str]:
    return [t.text for i in extract_article(text).initiatives for t in i.targets]


def test_counts_of_different_things_with_one_number_are_two_targets() -> None:
    text = "Jiangsu will build 10 science parks by 2025. Jiangsu will also build 10 industrial parks by 2027.\n"
    assert _targets_of(text) == ["10 science parks", "10 industrial parks"]


@pytest.mark.parametrize(
    "text",
    [
        "Guangdong invested 50 billion yuan in chip plants within three years, officials said.",
        "Guangdong has attracted 30 billion yuan of foreign investment by 2023.",
        "Guangdong's digital economy expanded 12 percent by the end of 2023.",
    ],
)
def test_a_deadline_after_what_was_done_is_no_target(text: str) -> None:
    assert find_targets(text, 0, len(text)) == []


def test_a_lowercase_region_of_china_is_no_national_figure() -> None:
    text = "Hunan province in central China aims to grow its GDP by 6 percent this year.\n"
    assert _targets_of(text) == ["6 percent"]


def test_wire_credits_and_bullets_that_are_not_captions_or_tickers() -> None:
    facts = extract_article(
        "Jiangsu will build 10 parks for AI and machine learning (AI/ML)\n"
        "Guangdong will develop these industries: • new energy vehicles • semiconductors\n"
        "Zhejiang will build 10 parks, officials said on Thursday about the Ningbo/Shanghai "
        "railway. (Xinhua/Hu Huhu)\n"
    )
    assert facts.provinces == ["Jiangsu", "Guangdong"]
    assert {h.text for i in facts.initiatives for h in i.sectors} >= {"semiconductors"}


def test_a_quotations_speaker_keeps_the_appositive_with_its_closing_comma() -> None:
    text = '"Jiangsu will build 10 parks," Zhang Wei, whose company said it would invest, told reporters.\n'
    (statement,) = extract_article(text).statements
    assert statement.fact.verb == "told"


def test_according_to_him_with_no_one_named_before_leaves_the_initiative() -> None:
    text = "The official spoke. According to him, Jiangsu will build 10 industrial parks by 2025.\n"
    assert _targets_of(text) == ["10 industrial parks"]


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Regional Economy\n2023-03-21 10:20\nJiangsu will build.\n", "reporter", None),
        (
            "Business News (Reuters) - Top\nBEIJING (Reuters) - Jiangsu will.\n",
            "dateline_city",
            "Beijing",
        ),
        ("Harmon 12 March 2019\nJiangsu will build.\n", "published_on", None),
        ("Model 5GT launched\nJiangsu will build.\n", "outlet", None),
        ("Upstream and downstream firms flock to Jiangsu\nJiangsu will.\n", "outlet", None),
    ],
)
def test_header_lines_that_name_no_reporter_city_date_or_outlet(
    text: str, field: str, value: str | None
) -> None:
    assert getattr(extract_article(text).metadata, field) == value


# --- the ninth pass's second reading ---------------------------------------------


def test_a_comma_after_a_quotations_closing_mark_keeps_name_said_quote_direct() -> None:
    text = 'Li Qiang said, "We will build ten clusters in the province", adding that more follow.\n'
    kinds = {s.fact.kind for s in extract_article(text).statements}
    assert kinds == {"direct"}


def test_a_section_heading_with_brackets_is_no_speaker() -> None:
    text = "Key Tasks (2024-2027):\nThe province will build ten industrial parks.\n"
    facts = extract_article("Jiangsu released its plan.\n" + text)
    assert "Key Tasks" not in facts.experts


@pytest.mark.parametrize(
    "text",
    [
        "Li added 3 new production lines in Wuhu last year.\n",
        "Governor Wang Qingxian announced 10 measures to support the industry.\n",
    ],
)
def test_a_figure_after_added_or_announced_is_their_object(text: str) -> None:
    assert not extract_article(text).statements


def test_a_one_word_firm_with_an_article_before_its_appositive_is_no_expert() -> None:
    text = "Jiangsu will build ten parks, Huawei, a partner of the project, said on Monday.\n"
    assert "Huawei" not in extract_article(text).experts


def test_a_range_end_does_not_date_a_yearless_dateline() -> None:
    text = (
        "HEFEI, March 5 (Xinhua) -- Anhui grew in 2024 and invested in 2024, "
        "the first years of the 14th Five-Year Plan period (2021-2025).\n"
    )
    assert extract_article(text).metadata.published_on == dt.date(2024, 3, 5)


def test_a_two_word_label_under_the_headline_is_no_reporter() -> None:
    text = "Anhui bets on new energy vehicles this year\nSpecial Report\n\nAnhui will build.\n"
    assert extract_article(text).metadata.reporter is None


def test_hours_are_no_hydrogen_refuelling_stations() -> None:
    text = "Anhui will build a plant that will operate 24 hrs a day.\n"
    assert not [t for i in extract_article(text).initiatives for t in i.targets]


def test_a_list_the_story_introduces_at_its_end_is_no_headlines() -> None:
    text = (
        "Several provinces released their targets for 2027:\n"
        "Anhui will build 50 battery plants\n"
        "Jiangsu will build 30 chip plants\n"
        "Zhejiang will build 20 robot plants\n"
    )
    assert {"Anhui", "Jiangsu", "Zhejiang"} <= set(extract_article(text).provinces)


@pytest.mark.parametrize(
    "text",
    [
        "Chief Economist of Nomura said that Jiangsu will grow.\n",
        "Foreign Investors from Europe said that Jiangsu will grow.\n",
    ],
)
def test_a_title_or_a_group_from_somewhere_is_no_person(text: str) -> None:
    assert not extract_article(text).experts


def test_according_to_the_official_is_not_an_economist_quoted_before() -> None:
    text = (
        '"Growth will hold," said Li Ming, an economist at Renmin University.\n'
        "An official with the provincial department spoke later. According to the official, "
        "Jiangsu will build 10 industrial parks.\n"
    )
    said = {s.fact.text[:20]: s.fact.expert_name for s in extract_article(text).statements}
    assert said.get("Jiangsu will build 1") is None, said


def test_a_magazines_list_in_a_headline_names_no_outlet() -> None:
    text = "Five Anhui firms make Forbes China innovation list\nAnhui will build ten parks.\n"
    assert extract_article(text).metadata.outlet is None


def test_a_preposition_is_no_modifier_of_a_counted_noun() -> None:
    text = "Anhui will help 12 cities across the province build charging stations.\n"
    counted = [t.text for i in extract_article(text).initiatives for t in i.targets]
    assert "12 cities across the province build charging stations" not in counted, counted


def test_the_story_provinces_come_in_order_first_named_without_datelines_or_comparisons() -> None:
    from etl.extract.article import story_provinces

    mentions = [
        (40, "Anhui", "subject"),
        (0, "Beijing", "dateline"),
        (90, "Shanghai", "context"),
        (60, "Jiangsu", "listed"),
        (80, "Anhui", "listed"),
    ]
    assert story_provinces(mentions) == ["Anhui", "Jiangsu"]

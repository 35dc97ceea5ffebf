"""One test per shape of language, each on a short excerpt of a real corpus article.

The excerpts are lines of articles in the dev split of tests/corpus/ (never the
test split), cut where the shape is; whole-article quality is `make quality`.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from etl.extract.article import ArticleFacts, extract_article
from tests.quality import ARTICLES, SPLIT_FILE

TEST_SPLIT = set(json.loads(SPLIT_FILE.read_text())["test"])


def excerpt(article: str, *markers: str) -> str:
    """The lines of a dev article that hold each marker, in article order."""
    assert f"{article}.txt" not in TEST_SPLIT, "shapes are tested on dev articles only"
    lines = (ARTICLES / f"{article}.txt").read_text().splitlines()
    chosen = [line for line in lines if any(marker in line for marker in markers)]
    assert len(chosen) >= len(markers), (article, markers)
    return "\n".join(chosen) + "\n"


def pairs(facts: ArticleFacts) -> set[tuple[str, str, str | None]]:
    return {(i.province, h.text.lower(), h.slug) for i in facts.initiatives for h in i.sectors}


def statements(facts: ArticleFacts) -> list[tuple[str | None, str]]:
    return [(s.fact.expert_name, s.fact.text[:40]) for s in facts.statements]


# --- English: page headers -----------------------------------------------------


def test_time_date_and_byline_with_outlet_in_brackets() -> None:
    text = excerpt("en_global-times_provinces-tech-push", "By Zhang Weilan", "Several major")
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.reporter, meta.published_on) == (
        "Global Times",
        "Zhang Weilan",
        dt.date(2025, 2, 13),
    )


def test_byline_fields_writer_editor_from_updated() -> None:
    text = excerpt("en_shenzhen-daily_low-altitude-lawmaker", "Writer:", "Gao Wen, a deputy")
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.reporter, meta.published_on) == (
        "Shenzhen Daily",
        "Zhang Yu",
        dt.date(2023, 3, 9),
    )


def test_byline_names_each_with_a_city() -> None:
    text = excerpt("en_china-daily_inner-mongolia-ningxia-hydrogen", "By Hou Liqiang", "PDF View")
    assert extract_article(text).metadata.reporter == "Hou Liqiang, Hu Dongmei, Yuan Hui"


@pytest.mark.parametrize(
    ("article", "marker", "outlet"),
    [
        ("en_global-times_hunan-low-altitude-trial", "Published: Jul", "Global Times"),
        ("en_china-daily_guangdong-manufacturing-innovation", "Share - WeChat", "China Daily"),
        ("en_shanghai-daily_baoshan-synthetic-biology", "Ti Gong", "Shanghai Daily"),
    ],
)
def test_outlet_from_its_page_template_when_nothing_names_it(
    article: str, marker: str, outlet: str
) -> None:
    text = excerpt(article, marker)
    assert extract_article(text + "Guangdong will build a cluster.\n").metadata.outlet == outlet


def test_a_credit_in_the_text_outranks_the_page_template() -> None:
    text = "Share - WeChat\nBEIJING, Jan. 27 (Xinhua) -- Provinces set plans.\n"
    assert extract_article(text).metadata.outlet == "Xinhua"


def test_byline_date_without_a_space_after_the_comma() -> None:
    text = excerpt("en_ichongqing_growth-pole-clusters", "By YAN DENG")
    assert extract_article(text).metadata.published_on == dt.date(2023, 1, 16)


def test_dateline_without_a_year_takes_the_year_of_the_caption_above_it() -> None:
    text = excerpt(
        "en_xinhua_xiaoyi-hydrogen-trucks", "May 31, 2024", "TAIYUAN, June 18", "in 2022"
    )
    assert extract_article(text).metadata.published_on == dt.date(2024, 6, 18)


def test_a_province_site_is_not_the_central_government_site() -> None:
    text = "Home | www.ezhejiang.gov.cn\nZhejiang will build nine future industries.\n"
    assert extract_article(text).metadata.outlet == "ezhejiang.gov.cn"


def test_source_line_then_wire_dateline_after_a_caption() -> None:
    text = excerpt(
        "en_xinhua_wenchang-commercial-aerospace", "Source: Xinhua", "(Photo by", "HAIKOU,"
    )
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.dateline_city, meta.published_on) == (
        "Xinhua",
        "Haikou",
        dt.date(2021, 9, 21),
    )


def test_outlet_updated_line_and_a_dateline_without_date() -> None:
    text = excerpt("en_xinhua_provinces-tailored-plans", "Xinhua | Updated", "BEIJING --")
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.dateline_city, meta.published_on) == (
        "Xinhua",
        "Beijing",
        dt.date(2025, 1, 27),
    )


def test_the_outlet_whose_reporter_asked_when_no_byline_names_one() -> None:
    english = extract_article(
        excerpt("en_global-times_localities-growth-targets", "told the Global Times")
    )
    chinese = extract_article(
        excerpt("zh_securities-daily_local-growth-targets", "对《证券日报》记者表示")
    )
    assert (english.metadata.outlet, chinese.metadata.outlet) == (
        "Global Times",
        "Securities Daily",
    )


def test_the_outlet_interviewing_a_speaker_is_the_storys() -> None:
    text = excerpt("en_china-daily_zhongwei-computing-hub-mayor", "in an interview with China")
    assert extract_article(text).metadata.outlet == "China Daily"


def test_an_outlet_glued_to_the_time_before_it() -> None:
    text = excerpt("en_xinhua_xinjiang-textile-jobs-2017", "14:12Xinhua Editor")
    assert extract_article(text).metadata.outlet == "Xinhua"


def test_an_empty_from_label_names_no_outlet() -> None:
    text = excerpt("en_china-tibet-online_tibet-industries-12th-five-year", "| From:", "In the")
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.published_on) == (None, dt.date(2010, 9, 25))


@pytest.mark.parametrize(
    ("article", "marker", "date"),
    [
        ("en_beijing-review_guangxi-pillar-industries-2008", "UPDATED:", dt.date(2008, 11, 29)),
        ("en_scmp_zhengzhou-place-to-stay", "PUBLISHED :", dt.date(2012, 11, 6)),
    ],
)
def test_a_header_date_with_hyphens_or_the_day_first(
    article: str, marker: str, date: dt.date
) -> None:
    assert extract_article(excerpt(article, marker)).metadata.published_on == date


def test_a_bare_day_first_date_may_be_the_sites_template() -> None:
    text = excerpt("en_hunan-gov_made-in-china-2025-twelve-sectors", "15 July 2015")
    assert extract_article(text).metadata.published_on is None


@pytest.mark.parametrize(
    ("article", "marker", "reporter"),
    [
        ("en_xinhua_caoxian-hanfu-center", "by Xinhua writer", "Zhang Xu"),
        ("en_china-daily_chengdu-five-pillar-sectors-2017", "ADVERTORIAL - By", "Song Mengxing"),
        ("en_china-daily_xixian-new-area-pillar-industries", "By Yuan Shenggao", "Yuan Shenggao"),
    ],
)
def test_a_byline_of_the_outlets_writer_or_ending_at_an_email_or_the_outlet(
    article: str, marker: str, reporter: str
) -> None:
    assert extract_article(excerpt(article, marker)).metadata.reporter == reporter


def test_a_name_alone_on_its_line_over_the_pages_date_or_time() -> None:
    bloomberg = excerpt(
        "en_bloomberg_hefei-officials-venture-capitalists", "Tom Hancock", "Sun, Feb"
    )
    shanghai = excerpt("en_shanghai-daily_shangyu-manufacturing-shanghai", "Wang Yanlin", "21:55")
    assert [extract_article(t).metadata.reporter for t in (bloomberg, shanghai)] == [
        "Tom Hancock",
        "Wang Yanlin",
    ]


def test_an_outlets_own_calculations_name_it_and_a_picture_credit_does_not() -> None:
    text = excerpt(
        "en_caixin_provinces-cautious-2026-targets", "according to Caixin calculations", "Image:"
    )
    assert extract_article(text).metadata.outlet == "Caixin Global"


def test_a_templates_placeholder_source_and_author_name_nobody() -> None:
    text = excerpt("en_pharmaceutical-network_shanghai-biomedical-2025-goals", "Source:", "Author:")
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.reporter) == (None, None)


def test_a_titled_city_and_outlet_lead_and_a_templates_zero_date() -> None:
    text = excerpt("en_zxzc_hubei-nev-transformation-plan", "Publishtime:", "Shanghai (ZXZC)-")
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.dateline_city, meta.published_on) == ("ZXZC", "Shanghai", None)


def test_a_from_label_ends_at_the_date_label_glued_after_it() -> None:
    text = excerpt("en_fujian-investment_fujian-manufacturing-six-four-five", "From:Fujian")
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.published_on) == (
        "Fujian International Investment Promotion Center",
        dt.date(2021, 7, 15),
    )


def test_a_byline_of_slashes_with_no_name_and_a_day_month_year_date() -> None:
    meta = extract_article(excerpt("en_sstv_hainan-deputies-cities", "By / SSTV")).metadata
    assert (meta.outlet, meta.reporter, meta.published_on) == ("SSTV", None, dt.date(2022, 1, 27))


def test_the_outlet_closing_a_byline_is_no_reporter() -> None:
    meta = extract_article(
        excerpt("en_peoples-daily_hunan-computing-industry", "By He Yong")
    ).metadata
    assert (meta.outlet, meta.reporter) == ("People's Daily", "He Yong, Sun Chao")


def test_a_wire_dateline_without_its_outlet_under_a_page_date() -> None:
    text = excerpt("en_xinhua_guizhou-six-industrial-bases", "Updated: June 15", "BEIJING, June 14")
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.dateline_city, meta.published_on) == (
        "Xinhua",
        "Beijing",
        dt.date(2024, 6, 14),
    )


@pytest.mark.parametrize(
    ("article", "marker", "outlet"),
    [
        ("en_bloomberg_foshan-shunde-ev-town", "(Bloomberg) --", "Bloomberg"),
        ("en_peoples-daily_shenzhen-drone-delivery", "(People’s Daily)", "People's Daily"),
    ],
)
def test_a_credit_in_brackets_opening_the_story(article: str, marker: str, outlet: str) -> None:
    assert extract_article(excerpt(article, marker)).metadata.outlet == outlet


def test_a_byline_of_name_and_e_mail_on_one_line() -> None:
    text = excerpt("en_scmp_guangdong-ev-cash-subsidies", "- Daniel Ren", "Local governments")
    assert extract_article(text).metadata.reporter == "Daniel Ren"


# --- English: speech -----------------------------------------------------------


def test_text_then_said_name_and_title() -> None:
    facts = extract_article(
        excerpt("en_shanghai-daily_wenchang-commercial-aerospace", "said Han Yong")
    )
    assert statements(facts) == [("Han Yong", "So far, more than 30 key organizations a")]
    assert facts.experts["Han Yong"].title == "director"


def test_text_then_name_title_said_without_a_comma() -> None:
    facts = extract_article(excerpt("en_reuters_guangdong-chip-fund", "Jin Shenghong"))
    assert statements(facts)[0] == ("Jin Shenghong", "The fund will have a term of 17 years an")


def test_surname_continues_after_a_leading_clause() -> None:
    facts = extract_article(
        excerpt(
            "en_shanghai-daily_wenchang-commercial-aerospace", "said Han Yong", "Han also noted"
        )
    )
    assert [s for s, _ in statements(facts)] == ["Han Yong", "Han Yong"]


def test_title_before_the_name_after_a_long_lead() -> None:
    facts = extract_article(excerpt("en_cgtn_jiangsu-economic-resilience", "Xi Jinping stressed"))
    assert statements(facts)[0] == ("Xi Jinping", "economically strong provinces must maint")


def test_voiced_suggestions_and_expressed_support_by_a_known_surname() -> None:
    text = excerpt(
        "en_shenzhen-daily_low-altitude-lawmaker", "has voiced suggestions", "expressed support for"
    )
    said = statements(extract_article(text))
    assert said == [
        ("Gao Wen", "supporting Shenzhen in exploring the est"),
        ("Gao Wen", "exploring a low-altitude airspace integr"),
    ]


def test_according_to_a_known_surname_at_the_end() -> None:
    text = excerpt(
        "en_shenzhen-daily_low-altitude-lawmaker", "has voiced suggestions", "It is predicted"
    )
    assert ("Gao Wen", "It is predicted that by the end of 2025,") in statements(
        extract_article(text)
    )


def test_said_after_a_place_and_capitalised_title_or_before_the_day() -> None:
    fujian = excerpt(
        "en_china-daily_fujian-two-sessions-15th-plan", "Fujian Governor Zhao Long said"
    )
    tianjin = excerpt("en_gov-cn_tianjin-manufacturing-pillar-2021", "said Mayor Liao Guoxun on")
    facts = [extract_article(t) for t in (fujian, tianjin)]
    assert [(s.fact.expert_name, s.fact.text[:20]) for f in facts for s in f.statements] == [
        ("Zhao Long", "It is a crucial peri"),
        ("Liao Guoxun", "The North China city"),
    ]
    assert facts[0].experts["Zhao Long"].organization == "Fujian"


def test_according_to_him_is_the_speaker_before() -> None:
    text = excerpt(
        "en_china-daily_zhongwei-computing-hub-mayor",
        "said its mayor Ma Honghai",
        "According to him,",
    )
    assert statements(extract_article(text))[-1] == (
        "Ma Honghai",
        "the city will speed up construction of d",
    )


def test_industries_that_are_something_list_nothing() -> None:
    text = excerpt(
        "en_global-times_liaoning-guizhou-15th-plan-future-industries",
        "Robots are developed",
        "Future industries are vital",
    )
    assert ("Liaoning", "vital") not in {(p, w) for p, w, _ in pairs(extract_article(text))}


def test_a_title_then_the_name_in_commas_and_an_outlet_is_no_person() -> None:
    zhuzhou = extract_article(
        excerpt("en_hunan-gov_zhuzhou-governor-deliberations", "Hunan Governor, Xu Dazhe")
    )
    guizhou = extract_article(
        excerpt("en_global-times_liaoning-guizhou-15th-plan-future-industries", "Guizhou Daily")
    )
    xu = zhuzhou.experts["Xu Dazhe"]
    assert (xu.title, xu.organization, list(guizhou.experts)) == ("Governor", "Hunan", [])
    assert {s.fact.expert_name for s in zhuzhou.statements} == {"Xu Dazhe"}


def test_declared_name_after_a_quotation() -> None:
    text = excerpt("en_china-report-asean_yantai-growth-star-coast", "declared Zhang Shuping")
    assert statements(extract_article(text))[0] == (
        "Zhang Shuping",
        "To promote high-quality development in Y",
    )


def test_an_outlets_edition_and_a_ticker_of_other_headlines_name_no_province() -> None:
    changsha = excerpt(
        "en_china-daily_changsha-trillion-industrial-output", "China Daily (Hong Kong)"
    )
    wire = excerpt("en_xinhua_localities-lower-2016-targets", "slow recovery in Taiwan")
    assert [extract_article(t).provinces for t in (changsha, wire)] == [[], []]


def test_a_caption_closed_by_a_wire_photographers_credit_commits_no_one() -> None:
    text = excerpt("en_global-times_xinjiang-manufacturing-upgrade", "A man works at a biotech")
    facts = extract_article(text)
    assert (facts.provinces, pairs(facts)) == ([], set())


def test_a_quotation_then_name_and_appositive_without_its_closing_comma() -> None:
    text = excerpt("en_shanghai-daily_nanda-synthetic-biology-alliance", "Deng Zixin, chairman")
    facts = extract_article(text)
    assert statements(facts) == [("Deng Zixin", "Shanghai, the birthplace of China's synt")]
    assert facts.experts["Deng Zixin"].organization == "alliance"


def test_text_then_said_a_place_and_capitalised_title_and_name() -> None:
    shanghai = excerpt(
        "en_flanders-china_shanghai-transport-white-paper", "said Shanghai Vice Mayor"
    )
    funds = excerpt("en_yicai_shanghai-mother-funds-five-fold", "said General Manager Wen Zhi")
    speakers = [
        s.fact.expert_name for t in (shanghai, funds) for s in extract_article(t).statements
    ]
    assert speakers[0] == "Zhang Wei" and "Wen Zhi" in speakers


def test_an_appositive_whose_place_has_its_own_one_of() -> None:
    text = excerpt("en_china-daily_liaoning-five-spots-one-line-2007", "Xia Deren, mayor of Dalian")
    facts = extract_article(text)
    assert statements(facts) == [("Xia Deren", "he wants the city to become an important")]
    assert (facts.experts["Xia Deren"].title, facts.experts["Xia Deren"].organization) == (
        "mayor",
        "Dalian",
    )


def test_a_name_after_a_pages_dashes_and_list_items_that_are_verbs_or_inner_cues() -> None:
    text = excerpt(
        "en_jschina_jiangsu-gwr-commitments-2025",
        "---Si Yong, Director",
        "foster industries such as",
    )
    facts = extract_article(text)
    assert statements(facts)[0] == ("Si Yong", "the province will focus on four key area")
    words = {w for _, w, _ in pairs(facts)}
    assert "foster" not in words
    assert not [w for w in words if w.startswith("including ")]


def test_he_said_after_a_surname_named_before_is_that_persons() -> None:
    text = excerpt(
        "en_people-cn_dalian-mayor-high-quality-plan",
        "Mayor Chen Shaowang said.",
        "said Chen, who is also",
        "he said.",
    )
    found = statements(extract_article(text))
    assert ("Chen Shaowang", "Dalian will continuously enhance its str") in found


def test_the_provinces_governor_said_is_the_articles_governor() -> None:
    text = excerpt(
        "en_china-daily_anhui-governor-manufacturing-powerhouse",
        "the province’s governor said on Thursday",
        "Wang Qingxian",
    )
    assert ("Wang Qingxian", "New growth drivers will emerge in the Ch") in statements(
        extract_article(text)
    )


def test_a_statement_dropped_for_want_of_a_speaker_leaves_its_places_and_list() -> None:
    text = excerpt(
        "en_shenzhen-government-online_ai-roundtable-nanshan", "Lin informed an audience"
    )
    found = {(p, w) for p, w, _ in pairs(extract_article(text))}
    assert {("Guangdong", "data integration"), ("Guangdong", "smart driving")} <= found
    assert ("Guangdong", "he added") not in found


def test_told_the_outlet_that() -> None:
    text = excerpt("en_global-times_localities-growth-targets", "said Li Changan", "Li told the")
    assert ("Li Changan", "the collective economic confidence of Ch") in statements(
        extract_article(text)
    )


def test_a_quotation_closing_the_paragraph_goes_on_after_said_name() -> None:
    text = excerpt("en_xinhua_xiaoyi-hydrogen-trucks", "This marks a milestone")
    assert statements(extract_article(text)) == [
        ("Zheng Peng", "This marks a milestone,"),
        ("Zheng Peng", "They reopened the road transport route t"),
    ]


def test_made_suggestions_and_in_names_view() -> None:
    text = excerpt(
        "en_china-daily_fujian-household-robots-deputy", "made suggestions for", "In Lin's view"
    )
    said = statements(extract_article(text))
    assert [name for name, _ in said] == ["Lin Xiaofa", "Lin Xiaofa"]
    assert said[0][1].startswith("the construction of a green")


def test_said_at_a_conference_with_a_quoted_title() -> None:
    text = excerpt("en_china-daily_jilin-industrial-clusters", "Hu Yuting, governor of Jilin")
    assert [n for n, _ in statements(extract_article(text))] == ["Hu Yuting"]


def test_a_known_surname_vowed() -> None:
    text = excerpt("en_global-times_jiangxi-rare-earths", "Liu Qi, Party chief", "Liu vowed")
    assert ("Liu Qi", "increased efforts to crack down on illeg") in statements(
        extract_article(text)
    )


def test_reported_speech_then_a_quotation_closing_the_paragraph() -> None:
    text = excerpt("en_xinhua_liaoning-full-revitalization", "Gao Tao, vice governor")
    assert [n for n, _ in statements(extract_article(text))] == ["Gao Tao", "Gao Tao"]


def test_byline_before_source_and_published_on_one_line() -> None:
    meta = extract_article(excerpt("en_global-times_jiangxi-rare-earths", "By Wang Cong")).metadata
    assert (meta.outlet, meta.reporter, meta.published_on) == (
        "Global Times",
        "Wang Cong, Yang Kunyi",
        dt.date(2019, 7, 9),
    )


@pytest.mark.parametrize(
    ("article", "markers", "reporter"),
    [
        # The reporter's name alone on its line, then the reporter's e-mail.
        ("en_shenzhen-daily_shenzhen-manufacturing-leader", ("Chen Siqi", "@163.com"), "Chen Siqi"),
        # ... or then the page's "DATE:" field.
        ("en_yicai_shanghai-three-leading-industries", ("Jin Yezi", "DATE:"), "Jin Yezi"),
    ],
)
def test_a_name_alone_on_its_line_over_an_email_or_date_field_is_the_byline(
    article: str, markers: tuple[str, ...], reporter: str
) -> None:
    assert extract_article(excerpt(article, *markers)).metadata.reporter == reporter


def test_a_line_that_only_names_a_person_is_no_byline() -> None:
    text = "Zhang Wei\nThe province will build 20 parks by 2027, officials said.\n"
    assert extract_article(text).metadata.reporter is None


@pytest.mark.parametrize(
    ("article", "marker", "outlet"),
    [
        ("en_cgtn_shenzhen-smart-city", "Disinformation report hotline", "CGTN"),
        ("en_shanghai-daily_hebei-emerging-sectors", "GET this page in PDF", "Shanghai Daily"),
        ("en_people-cn_wuhan-optical-electronics-base", "Mirror in USA", "People's Daily Online"),
    ],
)
def test_an_outlets_page_template_names_it_when_nothing_else_does(
    article: str, marker: str, outlet: str
) -> None:
    assert extract_article(excerpt(article, marker)).metadata.outlet == outlet


def test_the_mayor_said_is_the_articles_one_mayor_and_the_story_owns_his_quote() -> None:
    text = excerpt(
        "en_china-daily_hohhot-mayor-interview",
        "according to He Haidong, mayor of the city",
        '"Industrial development in Hohhot has followed',
    )
    facts = extract_article(text)
    assert ("He Haidong", "Industrial development in Hohhot has fol") in statements(facts)
    # The quotation names only the story's own city: the story's province owns it.
    assert ("Inner Mongolia", "artificial intelligence") in {(p, w) for p, w, _ in pairs(facts)}


def test_according_to_an_office_is_a_described_speaker() -> None:
    text = excerpt(
        "en_yicai_shanghai-three-leading-industries", "according to the municipality’s mayor"
    )
    said = [(s.fact.speaker_text, s.fact.expert_name) for s in extract_article(text).statements]
    # No mayor is named in the excerpt: the speaker stays as written, unresolved.
    assert said == [("the municipality’s mayor", None)]


def test_name_title_made_this_prediction_attributes_the_sentence_before() -> None:
    text = excerpt(
        "en_china-org_jiangsu-overall-goals-2001",
        "The gross domestic product (GDP) of East China",
        "made this prediction",
        "Ji said the province",
    )
    said = statements(extract_article(text))
    assert said[:2] == [
        ("Ji Yunshi", "The gross domestic product (GDP) of East"),
        ("Ji Yunshi", "the province has set a goal of 10 percen"),
    ]


def test_a_place_and_a_spaced_hyphen_is_a_dateline_and_a_glued_field_is_split() -> None:
    meta = extract_article(
        excerpt("en_ichongqing_chongqing-auto-manufacturing-press", "Chongqing - On January 20")
    ).metadata
    assert meta.dateline_city == "Chongqing"
    assert extract_article("Economy - The city will build parks.\n").metadata.dateline_city is None
    glued = excerpt("en_xinhua_haikou-biomedicine-projects", "XinhuaUpdated:")
    assert extract_article(glued).metadata.outlet == "Xinhua"


def test_quotation_then_said_surname_at_an_event() -> None:
    text = excerpt("en_china-daily_jilin-industrial-clusters", "Hu Yuting, governor", "said Hu at")
    assert ("Hu Yuting", "In the new era, we will build upon our h") in statements(
        extract_article(text)
    )


def test_a_press_conference_transcript_gives_each_turn_to_its_speaker() -> None:
    text = excerpt(
        "en_china-org_chongqing-33618-clusters",
        "Chongqing Daily:",
        "Chongqing is a major manufacturing hub",
        "Hu Henghua:",
        "Thank you for your question. Mr. Jiang",
        "Jiang Duntao:",
        "we will accelerate the construction",
    )
    facts = extract_article(text)
    speakers = [name for name, _ in statements(facts)]
    assert speakers == ["Hu Henghua", "Jiang Duntao"]
    # What the official says the city will build is Chongqing's, with its sectors.
    announced = [i for i in facts.initiatives if i.statement_start is not None]
    found = {h.text for i in announced for h in i.sectors}
    assert {"intelligent connected new energy vehicles", "advanced materials"} <= found


def test_according_to_name_title_at_the_end_after_a_lead_clause() -> None:
    text = excerpt("en_ecns_chongqing-growth-target", "according to Tang Liangzhi")
    assert statements(extract_article(text)) == [
        ("Tang Liangzhi", "The main goal for Chongqing in the next ")
    ]


def test_a_title_written_into_the_name_is_not_the_name() -> None:
    text = "Guizhou will build data centers, Governor Li Bingjun said on Tuesday.\n"
    assert [e.name for e in extract_article(text).experts.values()] == ["Li Bingjun"]


@pytest.mark.parametrize(
    ("article", "marker", "outlet"),
    [
        ("en_china-daily_guizhou-computing-power", "Chinadaily.com.cn", "China Daily"),
        ("en_china-org_chongqing-33618-clusters", "China.org.cn, July", "China.org.cn"),
        ("en_shanghai-daily_hangzhou-east-manufacturing-corridor", "Source: by", "Shanghai Daily"),
    ],
)
def test_a_site_named_as_pages_print_it(article: str, marker: str, outlet: str) -> None:
    assert extract_article(excerpt(article, marker)).metadata.outlet == outlet


def test_an_e_mail_address_is_no_site() -> None:
    text = "By Chen Siqi\nvankochensq@163.com\nShenzhen will build clusters.\n"
    assert extract_article(text).metadata.outlet is None


@pytest.mark.parametrize(
    ("article", "markers", "speaker", "opening"),
    [
        # TEXT, NAME, APPOSITIVE, told OUTLET.
        ("en_yicai_shanghai-three-leading-industries", ("Pan Jing, a congress",), "Pan Jing",
         "The essence of Shanghai’s three leading "),
        # The mayor of Wuhan, NAME, said that TEXT
        ("en_people-cn_wuhan-optical-electronics-base", ("The mayor of Wuhan",), "Wang Shouhai",
         "within five years the city will try to r"),
        # TEXT with commas of its own, according to NAME, TITLE.
        ("en_china-daily_hohhot-mayor-interview", ("according to He Haidong",), "He Haidong",
         "Hohhot, capital of the Inner Mongolia au"),
    ],
)  # fmt: skip
def test_more_reported_speech_shapes(
    article: str, markers: tuple[str, ...], speaker: str, opening: str
) -> None:
    assert (speaker, opening) in statements(extract_article(excerpt(article, *markers)))


def test_text_he_noted_adding_that() -> None:
    text = excerpt("en_yicai_shanghai-three-leading-industries", "Pan Jing, a congress")
    said = statements(extract_article(text))
    assert ("Pan Jing", "Shanghai can systematically accelerate t") in said


def test_he_said_then_a_named_subject() -> None:
    text = excerpt(
        "en_china-daily_hohhot-mayor-interview", "according to He Haidong", "he said Hohhot"
    )
    assert ("He Haidong", "Hohhot has the conditions to spur new qu") in statements(
        extract_article(text)
    )


def test_a_pinyin_apostrophe_inside_a_given_name() -> None:
    facts = extract_article(excerpt("en_china-daily_henan-industry-upgrading-briefing", "Run'er"))
    assert statements(facts) == [("Chen Run'er", "With the Zhengzhou-Luoyang-Xinxiang Nati")]
    assert (facts.experts["Chen Run'er"].title, facts.experts["Chen Run'er"].organization) == (
        "governor",
        "Henan",
    )


def test_according_to_a_known_surname() -> None:
    text = excerpt(
        "en_china-daily_henan-industry-upgrading-briefing", "Run'er", "According to Chen"
    )
    assert statements(extract_article(text))[1] == (
        "Chen Run'er",
        "the demonstration zone boasts nearly 50 ",
    )


def test_an_appositive_in_two_parts_keeps_the_title_and_its_organization() -> None:
    facts = extract_article(excerpt("en_china-daily_tianjin-innovation-zone", "Yan Yulian"))
    assert statements(facts) == [("Yan Yulian", "the company generated 60 million yuan in")]
    assert (facts.experts["Yan Yulian"].title, facts.experts["Yan Yulian"].organization) == (
        "president",
        "ebogame",
    )


def test_a_quotation_closing_a_paragraph_is_not_said_by_the_next_paragraphs_speaker() -> None:
    text = excerpt(
        "en_china-daily_tianjin-innovation-zone", "Yan Yulian", '," Yan said', "Liu Gang"
    )
    speakers = {quote: speaker for speaker, quote in statements(extract_article(text))}
    assert speakers["It is definitely good news, as companies"] == "Yan Yulian"


def test_said_title_name_keeps_the_title() -> None:
    facts = extract_article(excerpt("en_china-daily_shanxi-coal-aluminum", "said Governor"))
    assert [s for s, _ in statements(facts)] == ["Li Xiaopeng"]
    assert facts.experts["Li Xiaopeng"].title == "Governor"


def test_he_said_after_a_person_introduced_without_speech_and_a_quotation_paragraph() -> None:
    text = excerpt(
        "en_china-daily_shanxi-coal-aluminum", "Xu Hongcai", "Coal ash", "The key is", "Han Xiaoping",
        "how to sell", "think outside",
    )  # fmt: skip
    facts = extract_article(text)
    assert [s for s, _ in statements(facts)] == ["Xu Hongcai"] * 3 + ["Han Xiaoping"] * 2
    assert facts.experts["Han Xiaoping"].title == "chief researcher"


def test_a_shared_surname_is_the_last_of_its_people_named() -> None:
    text = excerpt(
        "en_china-daily_hainan-deep-sea-aerospace", "governor Liu Xiaoming", "said Liu Hongjian",
        "Liu told China Daily",
    )  # fmt: skip
    assert [s for s, _ in statements(extract_article(text))] == [
        "Liu Xiaoming",
        "Liu Hongjian",
        "Liu Hongjian",
    ]


def test_said_x_adding_that_y_is_said_from_x() -> None:
    text = (
        "Hunan will build a machinery cluster.\nLi Hua, director of the provincial bureau, said "
        "the province would add 20 firms, adding that demand was strong.\n"
    )
    assert statements(extract_article(text)) == [
        ("Li Hua", "the province would add 20 firms, adding ")
    ]


def test_points_announced_by_a_speaker_are_the_speakers() -> None:
    text = excerpt(
        "en_china-daily_jilin-industrial-clusters", "Li Guoqiang, vice-governor", "Li said that",
        "First, Jilin", "Second, the province",
    )  # fmt: skip
    assert [s for s, _ in statements(extract_article(text))] == ["Li Guoqiang"] * 4


def test_a_dateline_is_not_part_of_what_was_said() -> None:
    text = excerpt("en_yicai_shanghai-three-leading-industries", "(Yicai) Jan. 24")
    assert [t for _, t in statements(extract_article(text))] == [
        "Shanghai will further promote the develo"
    ]


def test_place_title_name_said_in_a_statement_to_an_outlet_that() -> None:
    text = excerpt("en_cnbc_xian-next-silicon-valley", "Xi'an Mayor Li Mingyuan")
    facts = extract_article(text)
    assert statements(facts)[:2] == [
        ("Li Mingyuan", "tech innovation is at the top of his lis"),
        ("Li Mingyuan", "by 2025, Xi'an aims to achieve output in"),
    ]
    assert facts.experts["Li Mingyuan"].title == "Xi'an Mayor"


def test_text_then_name_title_told_a_press_briefing_then_surname_told_reporters() -> None:
    text = excerpt(
        "en_xinhua_guizhou-six-industrial-bases", "told a press briefing", "Li told reporters"
    )
    assert [s for s, _ in statements(extract_article(text))] == ["Li Bingjun", "Li Bingjun"]


def test_name_title_expressed_that_without_the_closing_comma() -> None:
    text = excerpt("en_sstv_hainan-deputies-cities", "Liu Chong, mayor")
    assert statements(extract_article(text)) == [
        ("Liu Chong", "Wenchang is attracting precise investmen")
    ]


def test_a_quotation_in_the_paragraph_that_introduced_a_person_is_theirs() -> None:
    facts = extract_article(excerpt("en_peoples-daily_hunan-computing-industry", "Li Xiao,"))
    assert statements(facts) == [("Li Xiao", "The computer is made in Zhuzhou, Hunan p")]
    assert facts.experts["Li Xiao"].title == "marketing manager"


def test_a_quotation_closed_by_two_single_quotes() -> None:
    facts = extract_article(excerpt("en_bloomberg_foshan-shunde-ev-town", "said He Xiaopeng"))
    assert statements(facts)[0] == ("He Xiaopeng", "The new-energy vehicle industry is a bet")
    assert facts.experts["He Xiaopeng"].title == "chairman"


def test_name_title_said_then_a_named_subject() -> None:
    text = excerpt("en_china-daily_changsha-trillion-industrial-output", "Zhao Yuesi, director")
    assert statements(extract_article(text)) == [
        ("Zhao Yuesi", "Changsha’s industrial output is projecte")
    ]


def test_a_relative_clause_between_a_titled_name_and_had_told() -> None:
    text = excerpt("en_reuters_yunnan-green-aluminum-park", "KUNMING, China", "Dong Hua, who")
    facts = extract_article(text)
    assert list(facts.experts) == ["Dong Hua"]  # "according to a statement on Wednesday"
    assert [s for s, _ in statements(facts)] == ["Dong Hua"]
    assert facts.metadata.dateline_city == "Kunming"


def test_as_title_name_put_it() -> None:
    text = excerpt("en_xinhua_tibet-padma-choling-interview", "Padma Choling put it")
    assert statements(extract_article(text)) == [
        ("Padma Choling", "Tibet will follow a growth pattern that ")
    ]


def test_according_to_the_mayor_is_the_articles_mayor() -> None:
    text = excerpt("en_china-daily_xingtai-new-energy-city", "Liu Daqun", "According to the mayor")
    speakers = {t: s for s, t in statements(extract_article(text))}
    assert speakers["the city will spend 24 billion yuan over"] == "Liu Daqun"


def test_said_then_a_clause_holding_that_is_not_said_that() -> None:
    text = excerpt("en_shanghai-daily_shenyang-robotics-institute", "Yu Haibin, head")
    assert statements(extract_article(text)) == [
        ("Yu Haibin", "the new institute will focus on the rese")
    ]


def test_said_surname_of_a_person_named_earlier_with_an_appositive() -> None:
    text = excerpt(
        "en_xinhua_xinjiang-ten-key-industries", "delivered by Erkin Tuniyaz", "said Tuniyaz"
    )
    facts = extract_article(text)
    assert [s for s, _ in statements(facts)] == ["Erkin Tuniyaz"]
    assert facts.experts["Erkin Tuniyaz"].title == "chairman"


def test_the_title_name_has_pointed_out_after_a_clause_and_speech_before_a_quotation() -> None:
    text = excerpt(
        "en_china-daily_guizhou-big-data-sessions", "Ma Ningyu, has pointed out", "Huang Changxiang"
    )
    speakers = [s for s, _ in statements(extract_article(text))]
    assert speakers[:2] == ["Ma Ningyu", "Huang Changxiang"]


def test_an_appositive_going_on_with_who_is_also() -> None:
    facts = extract_article(excerpt("en_china-daily_qinghai-deputies-green-journey", "Wu Xiaojun,"))
    assert statements(facts)[0] == ("Wu Xiaojun", "the development of clean energy, like wa")


def test_said_lower_case_title_then_name() -> None:
    text = excerpt("en_china-org_dalian-software-high-tech-plan", "said vice-mayor", "Dai said")
    facts = extract_article(text)
    assert [s for s, _ in statements(facts)] == ["Dai Yulin", "Dai Yulin"]
    assert facts.experts["Dai Yulin"].title == "vice-mayor"


def test_quotation_then_lower_case_title_then_name_said() -> None:
    text = excerpt("en_scmp_inner-mongolia-rare-earth-value", "Wu Suhai said")
    facts = extract_article(text)
    assert [s for s, _ in statements(facts)] == ["Wu Suhai"]
    assert facts.experts["Wu Suhai"].title.startswith("deputy chief")


def test_name_title_said_yesterday_then_he_said_without_elaborating() -> None:
    text = excerpt(
        "en_china-org_shandong-industrial-projects-2009", "said yesterday", "without elaborating"
    )
    assert statements(extract_article(text)) == [
        ("Guo Shuyu", "Shandong will spend 1.13 trillion yuan ("),
        ("Guo Shuyu", "About 650 billion yuan will be spent on "),
    ]


def test_he_said_then_a_named_subject_in_the_past() -> None:
    text = excerpt("en_china-daily_qingdao-mayor-five-year-plan", "said Mayor", "He said Qingdao")
    assert statements(extract_article(text))[1] == (
        "Zhang Xinqi",
        "Qingdao started to push forward reform a",
    )


def test_a_quotation_then_adding_that_is_a_second_statement() -> None:
    text = excerpt(
        "en_china-daily_kunming-hightech-zone-bio-industry",
        "Dong Baotong, director of the high-tech",
        "passageway",
    )
    assert statements(extract_article(text))[-1] == (
        "Dong Baotong",
        "the biotech zone is expected to make $11",
    )


# In-house sentences, one shape each: unit tests, not evidence of quality.
@pytest.mark.parametrize(
    ("sentence", "name", "title", "organization"),
    [
        ("Dr. Li Ming, chief scientist at the Hebei Academy of Sciences, said the province "
         "can lead.", "Li Ming", "chief scientist", "Hebei Academy of Sciences"),
        ("Zhou Wei, 52, general manager of Sany Heavy Industry, said the province would "
         "benefit.", "Zhou Wei", "general manager", "Sany Heavy Industry"),
        ("Li Ka-shing, chairman of CK Group, said the province would benefit.", "Li Ka-shing",
         "chairman", "CK Group"),
        ("The province's governor Ren Zhenhe told reporters that Gansu would add 10 GW of "
         "capacity.", "Ren Zhenhe", "governor", None),
        ("Shaanxi will double its chip output by 2026, Professor Wang Tao of Xi'an Jiaotong "
         "University said.", "Wang Tao", None, "Xi'an Jiaotong University"),
        ("As Liu Wei, deputy director of the provincial commission, put it, the province has "
         "lithium.", "Liu Wei", "deputy director", "provincial commission"),
        ("In the opinion of Sun Li, an economist at Nankai University, the plan is realistic.",
         "Sun Li", "economist", "Nankai University"),
        ("Zhou Wei, a deputy to the NPC, was quoted as saying that the province would benefit.",
         "Zhou Wei", "deputy to the NPC", None),
        ('"The province has the talent and the supply chain," Zhou Wei, Party secretary of '
         "Changsha, said.", "Zhou Wei", "Party secretary", "Changsha"),
        ("NPC deputy Li Hua said the province would benefit.", "Li Hua", "NPC deputy", None),
        ("CATL's chairman Zeng Yuqun told Xinhua that the province suits the company.",
         "Zeng Yuqun", "chairman", "CATL"),
        ("Industry analyst Zhang Wei said the province would benefit.", "Zhang Wei",
         "Industry analyst", None),
    ],
)  # fmt: skip
def test_a_speaker_named_with_title_and_organization(
    sentence: str, name: str, title: str | None, organization: str | None
) -> None:
    facts = extract_article("Hunan will build a machinery cluster.\n" + sentence + "\n")
    assert [s for s, _ in statements(facts)] == [name]
    assert (facts.experts[name].title, facts.experts[name].organization) == (title, organization)


# --- English: places, sectors, targets -------------------------------------------


def test_a_city_stands_for_its_province() -> None:
    facts = extract_article(excerpt("en_china-daily_chengdu-hydrogen-pv", "Chengdu, capital of"))
    assert facts.provinces == ["Sichuan"]


def test_cities_named_for_comparison_are_not_provinces_of_the_story() -> None:
    facts = extract_article(excerpt("en_xinhua_wenchang-commercial-aerospace", "Jiuquan"))
    assert "Gansu" not in facts.provinces
    assert {m.role for m in facts.mentions if m.province == "Gansu"} == {"context"}


def test_list_items_after_an_industries_cue_keep_their_words() -> None:
    facts = extract_article(
        excerpt(
            "en_reuters_guangdong-strategic-industries",
            "province of Guangdong aims",
            "The province plans to keep",
        )
    )
    found = pairs(facts)
    assert ("Guangdong", "bio-medical", None) in found  # unmapped, kept
    assert ("Guangdong", "green and low carbon", "green-low-carbon") in found  # not split on "and"
    assert ("Guangdong", "new materials", "new-materials") in found


def test_an_industry_named_one_of_a_provinces_leading_industries() -> None:
    facts = extract_article(
        excerpt("en_shanghai-daily_baoshan-synthetic-biology", "Biomedicine is one of Shanghai's")
    )
    assert ("Shanghai", "biomedicine", "biomedicine") in pairs(facts)


def test_industries_at_cities_in_an_enumeration() -> None:
    facts = extract_article(
        excerpt("en_jschina_yangtze-city-cluster", "the internet of things at Wuxi")
    )
    found = pairs(facts)
    assert ("Jiangsu", "internet of things", "iot") in found
    assert (
        "Jiangsu",
        "maritime engineering equipment manufacturing",
        "high-end-equipment",
    ) in found
    assert ("Jiangsu", "nano technology", None) in found  # unmapped, kept


def test_a_province_proposed_to_act_after_that_is_its_subject() -> None:
    text = excerpt("en_ichongqing_growth-pole-clusters", "has proposed that Chongqing build")
    got = {(p, words) for p, words, _ in pairs(extract_article(text))}
    # "clusters for ..." opens a list, and an item keeps its words without "(NEVs)".
    assert {
        ("Chongqing", "intelligent connected new energy vehicles"),
        ("Chongqing", "electronic manufacturing"),
    } <= got


def test_an_agentless_plan_continues_the_province_before_it() -> None:
    text = excerpt("en_ichongqing_growth-pole-clusters", "has proposed that Chongqing build")
    clusters = [
        i for i in extract_article(text).initiatives if "six characteristic" in i.clause_text
    ]
    assert [i.province for i in clusters] == ["Chongqing"]
    assert {"integrated circuits", "biomedicine"} <= {h.text for h in clusters[0].sectors}


def test_areas_such_as_inside_a_focus_on_list() -> None:
    text = excerpt("en_china-daily_hainan-deep-sea-aerospace", "new areas such as deep sea")
    assert ("Hainan", "deep sea") in {(p, w) for p, w, _ in pairs(extract_article(text))}


def test_focus_on_the_development_of_and_breakthroughs_in_open_lists() -> None:
    text = excerpt(
        "en_shanghai-daily_hebei-emerging-sectors",
        "will focus on the development of",
        "make breakthroughs in",
    )
    found = {(p, w) for p, w, _ in pairs(extract_article(text))}
    assert {("Hebei", "it manufacturing"), ("Hebei", "intelligent networks"),
            ("Hebei", "cutting-edge materials")} <= found  # fmt: skip


def test_sentences_glued_without_a_space_are_split() -> None:
    from etl.extract.text import split_sentences

    text = excerpt("en_global-times_shandong-marine-output", "on Tuesday.Shandong will put")
    openings = [s.text[:25] for s in split_sentences(text)]
    assert "Shandong will put more ef" in openings
    assert "On modern marine industry" in openings  # after 'ecosystem."'
    # A site's name or an initial is no sentence end.
    assert len(split_sentences("Read it on Chinadaily.com.cn today. The U.S.Army left.")) == 2


def test_a_sentence_listing_the_sectors_just_committed_to_continues_the_initiative() -> None:
    text = excerpt(
        "en_xinhua_shenzhen-twenty-industrial-parks",
        "metropolis of Shenzhen plans to build",
        "The strategic emerging sectors cover",
    )
    found = {(p, w) for p, w, _ in pairs(extract_article(text))}
    # "It also covers ..." on the same line continues the list.
    assert {("Guangdong", "telecommunications"), ("Guangdong", "sensors"),
            ("Guangdong", "software")} <= found  # fmt: skip


def test_a_listing_sentence_after_no_commitment_is_no_initiative() -> None:
    text = "Shenzhen's economy grew 5 percent last year.\nThe strategic emerging sectors cover telecommunications and sensors.\n"
    assert not extract_article(text).initiatives


def test_the_island_province_continues_and_an_economy_named_by_its_words() -> None:
    text = excerpt(
        "en_china-daily_hainan-deep-sea-aerospace", "new areas such as deep sea", "marine economy"
    )
    assert ("Hainan", "marine economy") in {(p, w) for p, w, _ in pairs(extract_article(text))}


def test_suggested_that_the_province_continues_the_province() -> None:
    text = excerpt(
        "en_chinaopticsvalley_hubei-two-sessions",
        "most powerful field",
        "complete the information storage industrial chain",
    )
    assert ("Hubei", "information storage") in {(p, w) for p, w, _ in pairs(extract_article(text))}


def test_a_one_province_story_owns_sectors_named_without_it() -> None:
    one = "Sichuan will build a battery base.\nFunds will go to hydrogen fuel cells.\n"
    two = one + "Yunnan has lithium mines.\n"
    assert ("Sichuan", "hydrogen fuel cells") in {(p, w) for p, w, _ in pairs(extract_article(one))}
    assert ("Sichuan", "hydrogen fuel cells") not in {
        (p, w) for p, w, _ in pairs(extract_article(two))
    }


def test_a_projected_growth_rate_is_a_target() -> None:
    facts = extract_article(
        excerpt("en_global-times_localities-growth-targets", "has projected a GDP growth rate")
    )
    found = {(i.province, t.quantity) for i in facts.initiatives for t in i.targets}
    assert {("Hainan", Decimal("6.5")), ("Sichuan", Decimal("6.5")), ("Hubei", 6)} <= found


def test_a_rate_kept_in_the_next_five_years_is_a_target() -> None:
    text = excerpt(
        "en_china-tibet-online_tibet-industries-12th-five-year",
        "Tibet Autonomous Region (TAR) will",
        "in the next five years include",
    )
    facts = extract_article(text)
    assert ("Tibet", 20) in {(i.province, t.quantity) for i in facts.initiatives for t in i.targets}


def test_a_bare_and_joins_one_item_where_the_last_item_has_its_comma() -> None:
    text = excerpt(
        "en_china-org_chongqing-33618-clusters",
        "Okay. Chongqing is an important",
        "three leading industrial clusters:",
    )
    words = {w for _, w, _ in pairs(extract_article(text))}
    assert {
        "intelligent equipment and intelligent manufacturing",
        "food and agricultural product processing",
        "software information services",
    } <= words


def test_a_list_between_dashes_and_key_sectors_that_include() -> None:
    sichuan = excerpt(
        "en_china-daily_sichuan-2019-work-report",
        "Sichuan's per capita",
        "five pillar industries –",
    )
    heilongjiang = excerpt(
        "en_china-daily_heilongjiang-governor-restructuring-2011",
        "For decades, Heilongjiang",
        "keep an eye on emerging sectors",
        "Key sectors include",
    )
    found = {(p, w) for t in (sichuan, heilongjiang) for p, w, _ in pairs(extract_article(t))}
    assert {("Sichuan", "chemicals"), ("Heilongjiang", "vaccines")} <= found


@pytest.mark.parametrize(
    ("article", "markers", "wanted"),
    [
        # "will hit": a verb of the future after "will" is no achievement.
        (
            "en_ecns_chongqing-growth-target",
            ("foreign trade volume will hit",),
            ("Chongqing", 600 * 10**9),
        ),
        # "future goals include achieving ...".
        (
            "en_china-daily_shenyang-hub-four-centers",
            ("future goals include",),
            ("Liaoning", 10**12),
        ),
        # "by 2025, Xi'an aims to achieve A and support B, for total GDP of C": far from the aim.
        ("en_cnbc_xian-next-silicon-valley", ("Xi'an aims to achieve",), ("Shaanxi", 14 * 10**11)),
        # "... to 1 trillion yuan ($163.4 billion) within three years": the deadline after.
        (
            "en_china-daily_changsha-trillion-industrial-output",
            ("within three years",),
            ("Hunan", 10**12),
        ),
    ],
)
def test_targets_after_will_goals_a_far_aim_or_before_a_deadline(
    article: str, markers: tuple[str, ...], wanted: tuple[str, int]
) -> None:
    facts = extract_article(excerpt(article, *markers))
    assert wanted in {(i.province, t.quantity) for i in facts.initiatives for t in i.targets}


def test_a_count_with_a_multiplier_and_what_a_place_should_be_home_to() -> None:
    zhejiang = excerpt("en_zxzc_zhejiang-charging-piles-2025", "aims to deploy over 2.3 million")
    chongqing = excerpt(
        "en_liangjiang-gov_chongqing-little-giants-2025", "should be home to 25,000"
    )
    found = {
        (i.province, t.quantity)
        for text in (zhejiang, chongqing)
        for i in extract_article(text).initiatives
        for t in i.targets
    }
    assert {("Zhejiang", 2_300_000), ("Chongqing", 25_000)} <= found


def test_what_a_province_plans_to_become_home_to_and_an_aim_far_back_in_a_long_sentence() -> None:
    text = excerpt(
        "en_china-daily_shanxi-2024-industrial-development",
        "Shanxi will secure its energy supply",
        "installed capacity of 145 million kW",
        "It plans to become home to 50",
    )
    found = {(i.province, t.quantity) for i in extract_article(text).initiatives for t in i.targets}
    assert {("Shanxi", 145_000_000), ("Shanxi", 50), ("Shanxi", 20)} <= found


def test_a_count_of_key_areas_is_no_target() -> None:
    facts = extract_article(
        excerpt("en_china-daily_jilin-industrial-clusters", "focusing on three key areas")
    )
    assert not [t for i in facts.initiatives for t in i.targets]


def test_province_of_subject_money_target_not_its_conversion() -> None:
    facts = extract_article(
        excerpt("en_reuters_guangdong-strategic-industries", "province of Guangdong aims")
    )
    targets = [(t.quantity, t.is_approximate) for i in facts.initiatives for t in i.targets]
    assert targets == [(450_000_000_000, True)]


def test_the_province_continues_and_owns_its_growth_rate() -> None:
    facts = extract_article(
        excerpt(
            "en_reuters_guangdong-strategic-industries",
            "province of Guangdong aims",
            "The province plans to keep",
        )
    )
    rates = [(i.province, t.quantity) for i in facts.initiatives for t in i.targets]
    assert ("Guangdong", 6) in rates


def test_achieved_growth_is_not_an_initiative() -> None:
    facts = extract_article(
        excerpt("en_chinaopticsvalley_hubei-two-sessions", "Hubei boasts 80 academicians")
    )
    assert [t for i in facts.initiatives for t in i.targets] == []


def test_what_a_province_develops_or_fosters_is_its_sector() -> None:
    text = excerpt(
        "en_china-daily_henan-industry-upgrading-briefing", "develop advanced manufacturing"
    )
    assert ("Henan", "advanced manufacturing", None) in pairs(extract_article(text))


def test_a_means_is_no_sector_item() -> None:
    text = "Guangdong develops a new growth engine through low-altitude economy.\n"
    assert {words for _, words, _ in pairs(extract_article(text))} == {"low-altitude economy"}


def test_is_looking_to_commits_and_a_converted_amount_is_no_second_target() -> None:
    text = excerpt("en_china-daily_ningxia-new-materials", "is looking to achieve")
    targets = {(t.quantity, t.text) for i in extract_article(text).initiatives for t in i.targets}
    assert targets == {(200000000000, "more than 200 billion yuan"), (20, "about 20 percent")}


def test_money_of_a_cluster_being_nurtured_is_a_target() -> None:
    text = excerpt("en_china-daily_jilin-industrial-clusters", "First, Jilin", "nurturing 10 major")
    quantities = {t.quantity for i in extract_article(text).initiatives for t in i.targets}
    assert {10**12, 10**11} <= quantities


def test_industries_then_a_double_hyphen_open_a_list() -> None:
    text = excerpt(
        "en_xinhua_xinjiang-ten-key-industries", "For 2025, Xinjiang", "ten key industries --"
    )
    words = {w for _, w, _ in pairs(extract_article(text))}
    assert {"clean coal", "new power system", "logistics"} <= words


def test_industries_especially_open_a_list() -> None:
    text = excerpt(
        "en_china-daily_changsha-trillion-industrial-output", "especially heavy machinery"
    )
    assert "heavy machinery" in {w for _, w, _ in pairs(extract_article(text))}


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Shanghai will cultivate and upgrade new energy vehicles and high-end equipment.",
         "new energy vehicles"),
        ("In Shandong, 10 clusters will be cultivated around new generation information "
         "technology and high-end equipment.", "new generation information technology"),
    ],
)  # fmt: skip
def test_an_item_after_a_growing_verb_starts_at_its_words(sentence: str, words: str) -> None:
    # In-house sentences: unit tests of the shape, not evidence of quality.
    assert words in {w for _, w, _ in pairs(extract_article(sentence + "\n"))}


# --- Chinese ---------------------------------------------------------------------


def test_chinese_wire_dateline_with_reporter() -> None:
    facts = extract_article(excerpt("zh_chinanews_shandong-future-industries", "中新网济南"))
    meta = facts.metadata
    assert (meta.language, meta.outlet, meta.dateline_city, meta.reporter) == (
        "zh",
        "China News Service",
        "Jinan",
        "孙婷婷",
    )


def test_traditional_characters_are_read_and_kept_as_written() -> None:
    facts = extract_article(excerpt("zh_xinhua_suzhou-nano-base", "新華社南京", "楊知評介紹"))
    meta = facts.metadata
    assert (meta.outlet, meta.dateline_city, meta.reporter) == ("Xinhua", "Nanjing", "劉巍巍")
    assert facts.provinces == ["Jiangsu"]
    assert list(facts.experts) == ["楊知評"]  # jieba tags 知评 a verb; still a given name


def test_chinese_radio_dateline_with_xiaoxi_beats_the_repost_date() -> None:
    text = excerpt("zh_cnr_anhui-nev-report", "发布日期", "央广网合肥")
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.dateline_city, meta.published_on, meta.reporter) == (
        "CNR",
        "Hefei",
        dt.date(2024, 3, 9),
        "鲍玉婵",
    )


def test_chinese_correspondent_and_the_year_of_a_congress_session() -> None:
    meta = extract_article(excerpt("zh_hunan-daily_hunan-deputy-ai", "通讯员 朱丽娜")).metadata
    assert (meta.reporter, meta.published_on) == ("朱丽娜", dt.date(2026, 2, 6))


@pytest.mark.parametrize(
    ("article", "marker", "reporter"),
    [
        ("zh_chuanguan_sichuan-humanoid-factories", "高杲/文", "高杲"),
        ("zh_sfc_guangdong-industry-valleys", "广州报道", "吴佳楠"),
    ],
)
def test_chinese_credit_lines_name_the_writer_only(
    article: str, marker: str, reporter: str
) -> None:
    assert (
        extract_article(excerpt(article, marker) + "广东发展产业。\n").metadata.reporter == reporter
    )


def test_chinese_outlet_named_with_its_site_in_the_text() -> None:
    text = excerpt("zh_thepaper_yrd-cluster-alliance", "在現場了解到")
    assert extract_article(text).metadata.outlet == "The Paper"


def test_chinese_source_line_with_editor_and_time() -> None:
    meta = extract_article(excerpt("zh_chinanews_anhui-nev-output", "来源:中国新闻网")).metadata
    assert (meta.outlet, meta.published_on, meta.reporter) == (
        "China News Service",
        dt.date(2022, 1, 26),
        None,
    )


def test_organization_title_name_then_speech_verb() -> None:
    facts = extract_article(excerpt("zh_chinanews_shandong-future-industries", "处长胡薄表示"))
    expert = facts.experts["胡薄"]
    assert (expert.title, expert.organization) == ("处长", "山东省发展和改革委员会发展规划处")
    assert "Hu Bao" in expert.aliases
    assert statements(facts)[0][1].startswith("根据《规划》")


def test_quotation_then_speaker() -> None:
    facts = extract_article(excerpt("zh_chinanews_shandong-future-industries", "胡薄介绍说"))
    assert statements(facts)[0] == ("胡薄", "“山东半岛城市群将打造全球海洋经济中心。”")


def test_interview_transcript_lines() -> None:
    facts = extract_article(excerpt("zh_21jingji_litie-city-interview", "李铁:"))
    assert {s for s, _ in statements(facts)} == {"李铁"}


def test_chinese_enumeration_with_a_closing_category() -> None:
    facts = extract_article(excerpt("zh_chinanews_shandong-future-industries", "聚力培育"))
    found = pairs(facts)
    assert ("Shandong", "尖端材料", None) in found
    assert ("Shandong", "空天信息", "space-information") in found
    assert ("Shandong", "智能制造", "intelligent-manufacturing") in found


@pytest.mark.parametrize(
    ("article", "marker", "expected"),
    [
        ("zh_people-cn_hydrogen-industry", "突破100亿元", [(Decimal(10**10), True)]),
        ("zh_chinanews_anhui-nev-output", "突破150万辆", []),  # 2021's output: achieved
        # A unit count in 亿台, and a share raised "到" a level.
        (
            "zh_economic-daily_jiangxi-1269-chains",
            "整机出货量达2亿台",
            [(Decimal(2 * 10**8), False)],
        ),
        (
            "zh_chinanews_liaoning-trillion-bases",
            "高端装备制造营收占比提高到27.5%",
            [(Decimal("27.5"), False)],
        ),
    ],
)
def test_chinese_targets_look_ahead(article: str, marker: str, expected: list) -> None:
    facts = extract_article(excerpt(article, marker))
    got = [
        (Decimal(str(t.quantity)), t.is_approximate) for i in facts.initiatives for t in i.targets
    ]
    assert got == expected


def test_one_growth_target_for_several_provinces() -> None:
    facts = extract_article(
        excerpt("zh_securities-daily_local-growth-targets", "分别定在6%以上或6%左右")
    )
    owners = {i.province for i in facts.initiatives for t in i.targets if t.quantity == 6}
    assert owners == {"Hainan", "Inner Mongolia", "Hubei", "Chongqing"}


def test_a_page_saved_as_html_is_read_as_its_text(tmp_path) -> None:
    from etl.read import read_article

    page = (ARTICLES / "en_argus_inner-mongolia-hydrogen.txt").read_text()
    path = tmp_path / "page.txt"
    path.write_text(page)
    article = read_article(path)
    assert len(article.text) == len(page) and "<p" not in article.text
    assert any("HTML" in note for note in article.notes)
    facts = extract_article(article.text)
    lead = [i for i in facts.initiatives if "500,000 t/yr" in i.clause_text]
    assert {i.province for i in lead} == {"Inner Mongolia"}
    assert all(article.text[i.start : i.end].strip() for i in facts.initiatives)


def test_only_markup_is_rejected(tmp_path) -> None:
    from etl.read import RejectedFile, read_article

    path = tmp_path / "empty.html"
    path.write_text("<html><body><div><p></p></div></body></html>")
    with pytest.raises(RejectedFile, match="only HTML markup"):
        read_article(path)


def test_one_pair_per_province_and_sector_in_the_summary() -> None:
    from etl.inspect import record_of, summarize_record

    text = (
        "Guizhou will develop new energy vehicles.\n"
        "Guizhou plans to expand NEV production and build industrial software parks.\n"
    )
    pairs_json = summarize_record(record_of(text))["province_sectors"]
    assert [p[1] for p in pairs_json if p[2] == "new-energy-vehicles"] == ["new energy vehicles"]


def test_a_level_in_billions_is_money_not_a_bare_number() -> None:
    text = "Shanghai will build a digital port.\n" + excerpt(
        "en_shanghai-daily_pudong-manufacturing-clusters", "will exceed 600 billion"
    )
    targets = [t.quantity for i in extract_article(text).initiatives for t in i.targets]
    assert 600 not in targets and 600_000_000_000 in targets


def test_a_place_inside_a_university_name_is_not_a_province() -> None:
    facts = extract_article(excerpt("zh_dahecaifang_henan-cluster-chains-expert", "兰枫认为"))
    assert "Shanghai" not in facts.provinces
    assert "Henan" in facts.provinces


def test_what_a_chinese_official_announced_links_the_statement() -> None:
    text = excerpt(
        "zh_dahecaifang_henan-cluster-chains-expert",
        "副厅长李翔在新闻发布会上表示",
        "李翔在新闻发布会上透露",
    )
    facts = extract_article(text)
    starts = {s.fact.start: s.fact.expert_name for s in facts.statements}
    announced = {i.sentence_text[:8]: starts.get(i.statement_start) for i in facts.initiatives}
    assert announced["李翔在新闻发布会"] == "李翔"


def test_chinese_deputy_and_executive_titles_stay_whole() -> None:
    text = excerpt("zh_dahecaifang_henan-cluster-chains-expert", "副厅长李翔", "执行院长兰枫")
    experts = {e.name: e for e in extract_article(text).experts.values()}
    assert (experts["李翔"].title, experts["李翔"].organization) == (
        "党组成员、副厅长",
        "河南省工业和信息化厅",
    )
    assert (experts["兰枫"].title, experts["兰枫"].organization) == (
        "执行院长",
        "上海交通大学中原研究院",
    )


def test_the_country_naming_a_provinces_role_owns_no_target() -> None:
    text = excerpt(
        "en_china-daily_guizhou-computing-power", "grow the industry value to 12 billion"
    )
    targets = [t.quantity for i in extract_article(text).initiatives for t in i.targets]
    assert targets == [12_000_000_000]


def test_chinese_field_heading_and_head_final_items() -> None:
    text = excerpt(
        "zh_chinanews_liaoning-trillion-bases",
        "促进数控机床",
        "在石化和精细化工产业方面",
        "新一代汽车用钢",
    )
    found = {(words, slug) for _, words, slug in pairs(extract_article(text))}
    # "促进 A、B 等优势产业", "在 A 和 B 产业方面": lists of industries.
    assert {"数控机床", "电力装备", "石化", "精细化工"} <= {words for words, _ in found}
    # Steel for cars is not the car industry: the head comes last.
    assert ("新一代汽车用钢", None) in found


def test_a_place_named_for_its_industry() -> None:
    text = "广东将打造深圳“机器人谷”和广州“游戏谷”。\n"
    assert {"机器人", "游戏"} <= {words for _, words, _ in pairs(extract_article(text))}


@pytest.mark.parametrize(
    ("article", "markers", "field", "expected"),
    [
        ("zh_chinanews_yunnan-governor-briefing", ("发布时间", "中新网 5月31日电"), "published_on",
         dt.date(2024, 5, 31)),
        ("zh_xinjiang-daily_xinjiang-eight-clusters", ("来源:天山网-新疆日报",), "outlet",
         "Xinjiang Daily"),
        ("zh_hebei-daily_hebei-high-tech-industries", ("河北日报讯",), "reporter", "潘文静"),
        ("zh_jjckb_nanning-asean-chains", ("作者:黄浩铭",), "reporter", "黄浩铭"),
    ],
)  # fmt: skip
def test_chinese_page_headers(article: str, markers: tuple[str, ...], field: str, expected) -> None:
    meta = extract_article(excerpt(article, *markers) + "广西将发展新能源产业。\n").metadata
    assert getattr(meta, field) == expected


def test_chinese_scale_of_a_cluster_and_a_name_with_a_middle_dot() -> None:
    text = "吉林将打造具有全球竞争力的万亿级汽车产业集群。自治区工业和信息化厅厅长尼加提·司马义表示,要发展新材料。\n"
    facts = extract_article(text)
    assert [t.quantity for i in facts.initiatives for t in i.targets][:1] == [10**12]
    assert "尼加提·司马义" in facts.experts


# --- English: places that only say where ------------------------------------------


@pytest.mark.parametrize(
    ("article", "marker", "province"),
    [
        ("en_china-daily_qinghai-deputies-green-journey", "discussion in Beijing", "Qinghai"),
        ("en_global-times_jiangxi-rare-earths", "based in Beijing", "Jiangxi"),
        ("en_china-daily_ningxia-industry-upgrade-briefing", "said on Monday in Beijing", "Ningxia"),
        ("en_my399_harbin-deputies-new-productive-forces", "Great Hall of the People in Beijing",
         "Heilongjiang"),
    ],
)  # fmt: skip
def test_a_venue_or_a_seat_is_not_a_province_of_the_story(
    article: str, marker: str, province: str
) -> None:
    # "said during an open panel discussion in Beijing", "institutions based in Beijing".
    assert extract_article(excerpt(article, marker)).provinces == [province]


def test_byline_cities_and_photo_captions_say_where_not_what() -> None:
    text = excerpt(
        "en_china-daily_inner-mongolia-ningxia-hydrogen",
        "By Hou Liqiang in Beijing",
        "Workers inspect equipment",
        "integrating emissions-free",
    )
    # "By NAME in Beijing", "... in Changsha, Hunan province ... (PHOTO / XINHUA)".
    assert extract_article(text).provinces == ["Inner Mongolia", "Ningxia"]


def test_numbers_unnamed_analysts_give_are_not_targets() -> None:
    text = excerpt(
        "en_china-daily_changsha-trillion-industrial-output",
        "Local authorities in Changsha vow",
        "Designed to produce 1,600",
    )
    facts = extract_article(text)
    assert "Hunan" in facts.provinces
    # "..., the plant will generate an estimated 70 million yuan ..., said analysts."
    assert [t.text for i in facts.initiatives for t in i.targets if "1,600" in i.clause_text] == []


def test_a_target_restated_in_a_quotation_is_one_target() -> None:
    text = excerpt("en_global-times_shandong-marine-output", "2.3 trillion")
    facts = extract_article(text)
    amounts = [t.quantity for i in facts.initiatives for t in i.targets]
    assert amounts.count(2.3e12) == 1


# --- English: speakers (tenth round) ------------------------------------------------


def test_a_surname_speaks_for_the_person_introduced_with_an_appositive() -> None:
    text = excerpt(
        "en_china-daily_ningxia-green-energy-deputy",
        "Chen Chunping, also executive vice-chairman",
        "Chen said this year",
        "Chen emphasized the region",
        "Chen highlighted the",
    )
    said = statements(extract_article(text))
    assert ("Chen Chunping", "this year will see the completion and op") in said
    assert ("Chen Chunping", "the region's integrated approach to adva") in said
    # "Chen highlighted the" where the partial page breaks off says nothing.
    assert all(len(words.split()) > 2 for _, words in said)


def test_whom_it_was_told_is_not_the_speaker() -> None:
    text = excerpt("en_yicai_guangdong-hydrogen-refueling-stations", "told Yicai Global.")
    facts = extract_article(text)
    # "..., He Guangli, manager of ..., told Yicai Global."
    assert list(facts.experts) == ["He Guangli"]


def test_an_organization_that_predicts_is_not_an_expert() -> None:
    text = excerpt("en_silicon-uk_shanghai-chip-ai-investment", "Auto Forecast Solutions")
    assert "Auto Forecast Solutions" not in extract_article(text).experts


def test_an_analyst_who_wrote() -> None:
    text = excerpt(
        "en_sustainable-truck-van_provincial-hydrogen-station-targets", "wrote Shirly Zhu"
    )
    assert [name for name, _ in statements(extract_article(text))][:1] == ["Shirly Zhu"]


@pytest.mark.parametrize(
    ("article", "markers", "field", "expected"),
    [
        ("en_china-daily_changsha-trillion-industrial-output", ("By LI FUSHENG",), "reporter",
         "Li Fusheng, Feng Zhiwei"),
        ("en_china-daily_qingdao-mayor-five-year-plan", ("Hu Qing reports",), "reporter",
         "Hu Qing"),
        ("en_ichongqing_icv-nev-cluster-2030", ("/PRNewswire/",), "dateline_city", "Chongqing"),
        ("en_prnewswire_nanjing-jiangbei-life-health", ("/PRNewswire/",), "outlet", "PR Newswire"),
        ("en_ichongqing_icv-nev-cluster-2030", ("/PRNewswire/",), "outlet", "iChongqing"),
        ("en_prnewswire_nanjing-jiangbei-life-health", ("/PRNewswire/",), "dateline_city",
         "Beijing"),
        ("en_china-org_jilin-ice-snow-silk-road", ("China.org.cn, 03 10, 2021",), "published_on",
         dt.date(2021, 3, 10)),
        ("en_haibao-news_shandong-3830-clusters", ("Source:Haibao News",), "outlet", "Haibao News"),
        ("en_haibao-news_shandong-3830-clusters", ("Source:Haibao News",), "published_on",
         dt.date(2023, 11, 16)),
        ("en_xinhua_baotou-rare-earth-conversion", ("Video PlayerClose", "HOHHOT, Sept. 19"),
         "dateline_city", "Hohhot"),
    ],
)  # fmt: skip
def test_more_page_headers(article: str, markers: tuple[str, ...], field: str, expected) -> None:
    # "By NAME in CITY NAME in CITY", "..., NAME reports.", "CITY, China, DATE /WIRE/ --".
    meta = extract_article(excerpt(article, *markers) + "Hunan will develop robotics.\n").metadata
    assert getattr(meta, field) == expected


def test_an_unnamed_deputy_in_the_lead_is_the_person_the_next_paragraph_introduces() -> None:
    text = excerpt(
        "en_china-daily_ningxia-green-energy-deputy",
        "a deputy to the National People's Congress said",
        "Chen Chunping, also executive vice-chairman",
    ).replace("\n", "\n\n")
    said = statements(extract_article(text))
    assert said[:1] == [("Chen Chunping", "Ningxia, leveraging its abundant natural")]


def test_a_deputy_who_advocated() -> None:
    text = excerpt("en_jschina_jiangsu-delegation-open-meeting", "Wei Qiao, chairwoman")
    said = statements(extract_article(text))
    assert ("Wei Qiao", "the integrated development of the agricu") in said


def test_a_surname_printed_in_capitals() -> None:
    text = excerpt("en_jiemian_yibin-battery-capital", "YANG Weiping told")
    said = statements(extract_article(text))
    # "CATL's YANG Weiping told Jiemian News that ..."
    assert said[:1] == [("Yang Weiping", "Yibin suits CATL.")]


# --- English: list cues (eleventh round) --------------------------------------------


def test_such_industries_as_in_a_quotation_that_closes_on_a_comma() -> None:
    text = excerpt(
        "en_china-org_dalian-software-high-tech-plan", "Dalian, the coastal city", "Other plans"
    )
    found = {words for _, words, _ in pairs(extract_article(text))}
    # '"Other plans include developing such industries as A, B, ..., and Z," said Dai'
    assert {"energy-saving", "environmental protection", "modern manufacturing"} <= found


def test_bases_covering_a_list() -> None:
    text = excerpt("en_china-daily_qingdao-mayor-five-year-plan", "five key innovation bases")
    found = {words for _, words, _ in pairs(extract_article(text))}
    assert {"transportation equipment", "rubber materials", "apparels"} <= found


def test_a_verb_after_a_list_is_not_an_item() -> None:
    text = excerpt("en_china-org_hainan-tenth-five-year-targets", "With respect to industry")
    found = {words for _, words, _ in pairs(extract_article(text))}
    assert "strive" not in found and {"aquatic products"} <= found


# --- English: targets (eleventh round) ----------------------------------------------


def test_an_amount_in_yuan_without_a_multiplier() -> None:
    text = excerpt("en_china-org_hainan-tenth-five-year-targets", "Wang Xiaofeng, governor of")
    amounts = {t.quantity for i in extract_article(text).initiatives for t in i.targets}
    # "... and the per-capita GDP by 2005 will exceed 10,000 yuan."
    assert {9, 10000} <= amounts


def test_what_a_buyer_is_awarded_is_no_target() -> None:
    text = excerpt("en_scmp_guangdong-ev-cash-subsidies", "will be awarded 5,000 yuan")
    text = "Guangdong will subsidize car buyers. " + text
    assert [t for i in extract_article(text).initiatives for t in i.targets] == []


@pytest.mark.parametrize(
    ("article", "markers", "quantity"),
    [
        ("en_china-daily_shanxi-2025-gdp-target", ("130 intelligent coal mines",), 130),
        ("en_china-daily_guizhou-computing-power", ("The Guizhou government set",
         "100 digitalized workshops"), 100),
        ("en_xinhua_zhejiang-nev-plan", ("China's major economic powerhouse Zhejiang",
         "100,000 charging units"), 100000),
    ],
)  # fmt: skip
def test_counts_of_mines_workshops_and_units(
    article: str, markers: tuple[str, ...], quantity: int
) -> None:
    facts = extract_article(excerpt(article, *markers))
    assert quantity in {t.quantity for i in facts.initiatives for t in i.targets}


# --- English: growth targets compared (twelfth round) ------------------------------


def test_growth_targets_of_several_places() -> None:
    text = excerpt(
        "en_scmp_major-economies-2025-gdp-goals",
        "Beijing’s policymakers will stick",
        "anticipates GDP growth of 5-5.5 per cent",
        "it expects around 5 per cent",
        "set this year’s growth target at 5.5 per cent",
        "aims to achieve more than 5.5 per cent",
    )
    found = {
        (i.province, t.quantity, t.is_approximate)
        for i in extract_article(text).initiatives
        for t in i.targets
    }
    # A range is its floor; "Beijing's policymakers" are the government; last year's
    # goal and the "5.2 per cent projected for 2024" it is compared with are not aims.
    assert found == {
        ("Fujian", 5, True),
        ("Jiangsu", 5, True),
        ("Hunan", 5.5, False),
        ("Liaoning", 5.5, True),
    }


def test_an_amount_a_province_is_looking_to_build() -> None:
    text = excerpt("en_xinhua_local-hydrogen-race", "it's looking to build")
    amounts = {t.quantity for i in extract_article(text).initiatives for t in i.targets}
    assert {10**11, 10000, 100} <= amounts


# --- English: speakers (thirteenth round) -------------------------------------------


def test_a_quotation_opened_straight_and_closed_curly_after_a_lead_introduction() -> None:
    text = excerpt(
        "en_bastille-post_hainan-higher-value-industries-expert",
        "In a recent interview with China Global Television Network",
        '"Traditionally, it (Hainan)',
    )
    said = statements(extract_article(text))
    assert ("Goh Puay Guan", "Traditionally, it (Hainan) started as so") in said


def test_said_name_from_an_organization_and_a_firm_is_no_person() -> None:
    text = excerpt(
        "en_gov-cn_wuhan-high-tech-revival", "Wuhan-based automaker Dongfeng", "said Tang Teng from"
    )
    facts = extract_article(text)
    # "... according to the Wuhan-based automaker Dongfeng"; '"...," said Tang Teng from ...'
    assert list(facts.experts) == ["Tang Teng"]


def test_a_photo_caption_commits_no_one() -> None:
    text = excerpt("en_global-times_hubei-humanoid-robots", "Photo: Chi Jingyi/GT")
    assert extract_article(text).initiatives == []


@pytest.mark.parametrize(
    ("article", "marker", "not_an_item"),
    [
        ("en_hunan-gov_trillion-yuan-industries-plan", "Hunan Province will foster",
         "hunan province"),
        ("en_china-daily_changsha-trillion-industrial-output", "and home to", "home"),
    ],
)  # fmt: skip
def test_what_follows_a_list_is_not_an_item(article: str, marker: str, not_an_item: str) -> None:
    found = {words.lower() for _, words, _ in pairs(extract_article(excerpt(article, marker)))}
    assert not_an_item not in found


# --- English: speakers (fourteenth round) -------------------------------------------


def test_a_lead_opened_by_amidst_before_the_named_speaker() -> None:
    text = excerpt("en_the-hindu_hainan-ftp-marine-aerospace", "Amidst ongoing tensions")
    assert statements(extract_article(text))[:1] == [
        ("Liu Xiaoming", "the construction of the Hainan Free Trad")
    ]


def test_said_a_firms_titled_person_after_a_quotation() -> None:
    text = excerpt("en_zdnet_xian-samsung-subsidies", "said iSuppli senior analyst Gu Wenjun")
    facts = extract_article(text)
    assert list(facts.experts) == ["Gu Wenjun"]
    assert facts.experts["Gu Wenjun"].organization == "iSuppli"


@pytest.mark.parametrize(
    ("article", "marker", "outlet"),
    [
        ("en_bloomberg_hefei-officials-venture-capitalists", "(Bloomberg Markets) --", "Bloomberg"),
        ("en_china-daily_xian-high-tech-zone-2016", "Jul.7 (China Daily) --", "China Daily"),
    ],
)
def test_a_credit_opening_the_story(article: str, marker: str, outlet: str) -> None:
    assert extract_article(excerpt(article, marker)).metadata.outlet == outlet


@pytest.mark.parametrize(
    ("article", "marker", "opening"),
    [
        ("en_xinhua_guizhou-six-industrial-bases", "told the same press conference",
         "Guizhou is unswervingly advancing green"),
        ("en_reuters_yunnan-green-aluminum-park", "had told Reuters on the sidelines",
         "Hongqiao was “in the process of discussin"),
    ],
)  # fmt: skip
def test_where_it_was_told_runs_to_that(article: str, marker: str, opening: str) -> None:
    said = [s.fact.text for s in extract_article(excerpt(article, marker)).statements]
    assert any(words.startswith(opening) for words in said)


def test_a_long_item_does_not_end_the_list_and_what_a_list_produces_is_trimmed() -> None:
    text = excerpt("en_xinhua_guizhou-six-industrial-bases", "six major industrial bases covering")
    found = {words.lower() for _, words, _ in pairs(extract_article(text))}
    # "bases covering deep resources processing, R&D and production of power batteries
    # and materials, computing power, Chinese baijiu (distilled spirits), ..."
    assert {"deep resources processing", "chinese baijiu", "power batteries"} <= found
    assert not found & {"r&d", "production of power batteries"}


def test_firms_listed_after_makers_such_as_are_not_sectors() -> None:
    text = excerpt("en_yicai_jiuquan-new-energy-hub", "")  # the whole article: a dev one
    found = {words.lower() for _, words, _ in pairs(extract_article(text))}
    assert not found & {"sinoma science", "technology"}


# --- English: fifteenth round ---------------------------------------------------------


def test_a_place_and_title_before_a_trailing_speaker_and_told_a_press_conference() -> None:
    text = excerpt(
        "en_xinhua_hunan-manufacturing-hub-governor",
        "Hunan governor Mao Weiming said Friday",
        "Mao told a press conference that",
        "Thanks to its improved business environment",
    )
    facts = extract_article(text)
    said = [s.fact.text for s in facts.statements if s.fact.expert_name == "Mao Weiming"]
    assert said[0].startswith("Central China's Hunan Province is striving")
    assert said[1].startswith("more efforts will be made")
    # "Thanks to ..., the province has attracted 211 projects ... from Fortune 500
    # companies": what was achieved, and a ranking's name.
    assert [t for i in facts.initiatives for t in i.targets] == []


def test_a_byline_city_before_a_blank_line_and_a_present_tense_speaker() -> None:
    excerpt("en_global-times_hefei-nev-close-watch", "- By Tu Lei")  # a dev article
    page = (ARTICLES / "en_global-times_hefei-nev-close-watch.txt").read_text()
    # "- By NAME, NAME and NAME in Hefei", a blank line, then a line that opens "Hefei".
    head = page[: page.index("\n", page.index("- By Tu Lei") + 60) + 40]
    assert extract_article(head).metadata.reporter == "Tu Lei, Zhang Weilan, Ding Yazhi"
    text = excerpt("en_china-daily_hunan-modern-industry-2007", "explains Zhang Chunxian")
    assert list(extract_article(text).experts) == ["Zhang Chunxian"]


def test_a_capital_city_dateline_with_a_spaced_hyphen() -> None:
    text = excerpt("en_china-daily_shanxi-five-year-overhaul-2011", "TAIYUAN - The government")
    assert extract_article(text).metadata.dateline_city == "Taiyuan"


def test_a_firms_own_figures_are_not_the_provinces_targets() -> None:
    text = excerpt(
        "en_china-daily_inner-mongolia-energy-group-deputy",
        "according to the company",
        "The company's installed capacity",
    )
    text = "Inner Mongolia will develop new energy.\n" + text
    assert [t for i in extract_article(text).initiatives for t in i.targets] == []


def test_a_meeting_held_in_a_city_and_a_firm_named_after_a_province() -> None:
    text = excerpt("en_prnewswire_nanjing-jiangbei-life-health", "promotion meeting held recently")
    assert "Shanghai" not in extract_article(text).provinces
    text = excerpt("en_yicai_jiuquan-new-energy-hub", "Jiangsu Gangrui Precision Machinery")
    assert "Jiangsu" not in extract_article(text).provinces


# --- English: sixteenth round --------------------------------------------------------


def test_hyphenated_percent_and_a_weekday_after_by() -> None:
    text = excerpt("en_china-daily_guizhou-big-data-sessions", "20-percent year-on-year growth")
    amounts = {t.quantity for i in extract_article(text).initiatives for t in i.targets}
    assert 20 in amounts
    text = excerpt("en_xinhua_localities-lower-2016-targets", "By Wednesday, 30 of 31")
    assert extract_article(text).metadata.reporter is None


def test_an_amount_for_each_project_and_a_lists_cut_off_last_item() -> None:
    text = excerpt("en_yicai_jiuquan-new-energy-hub", "of over CNY100 million (USD14 million) each")
    assert [t for i in extract_article(text).initiatives for t in i.targets] == []
    text = excerpt(
        "en_eyeshenzhen_shenzhen-20-8-fund-cluster", "Shenzhen is selecting", "fashion, machine to"
    )
    found = {words for _, words, _ in pairs(extract_article(text))}
    assert "fashion" in found and "machine" not in found


def test_a_future_perfect_looks_ahead() -> None:
    text = excerpt("en_zj-gov_zhejiang-79126-goals", "will have increased over 7% annually")
    amounts = {t.quantity for i in extract_article(text).initiatives for t in i.targets}
    assert {7, 9} <= amounts


def test_a_transcript_turn_ends_at_a_questioners_label() -> None:
    text = excerpt(
        "en_china-org_xizang-scio-clean-energy-advantages",
        "Shou Xiaoli:",
        "Due to time constraints",
        "China News Service:",
        "What comparative advantages",
        "Yan Jinhai:",
        "I'll answer the questions.",
    )
    said = statements(extract_article(text))
    # The question a news agency asks is nobody's statement.
    assert [name for name, _ in said] == ["Shou Xiaoli", "Yan Jinhai"]


# --- English: eighteenth round -------------------------------------------------------


def test_what_a_city_is_the_center_of_and_a_capital_of_a_province_is_no_sector() -> None:
    text = excerpt("en_people-cn_changsha-advanced-manufacturing", "is transforming itself into")
    found = {words.lower() for _, words, _ in pairs(extract_article(text))}
    assert "advanced manufacturing" in found
    assert not any("hunan" in words or words.startswith("is ") for words in found)


def test_a_target_a_province_will_expand_to() -> None:
    text = excerpt(
        "en_upstream_guangdong-offshore-wind-parity", "has rolled out ambitious", "to 18GW by 2025"
    )
    assert 18 in {t.quantity for i in extract_article(text).initiatives for t in i.targets}


# --- English: nineteenth round -------------------------------------------------------


def test_said_its_mayor_and_an_interview_before_that() -> None:
    text = excerpt(
        "en_china-daily_zhongwei-computing-hub-mayor",
        "said its mayor Ma Honghai",
        "said in an interview with China Daily that",
    )
    said = [s.fact.text for s in extract_article(text).statements]
    assert said[0].startswith("Zhongwei in Northwest China")
    assert said[1].startswith("Zhongwei boasts huge energy reserves")


def test_levels_of_a_number_of_things_and_counts_of_jobs() -> None:
    text = excerpt(
        "en_china-daily_zhongwei-computing-hub-mayor", "Zhongwei in Northwest", "standard racks"
    )
    amounts = {t.quantity for i in extract_article(text).initiatives for t in i.targets}
    assert {260000, 210000} <= amounts
    text = excerpt("en_xinhua_xinjiang-textile-jobs-2017", "is aiming to create more than")
    assert 100000 in {t.quantity for i in extract_article(text).initiatives for t in i.targets}


# --- English: twentieth round ---------------------------------------------------------


def test_a_firm_with_an_appositive_is_not_the_speaker_and_bn_is_billion() -> None:
    text = excerpt(
        "en_global-construction-review_guangdong-low-altitude-investment",
        "planning to invest $41.4bn",
        "Xpeng Aeroht, the flying car unit",
        "Qiu Mingquan, vice-president of Xpeng Aeroht",
    )
    facts = extract_article(text)
    assert "Xpeng Aeroht" not in facts.experts and "Qiu Mingquan" in facts.experts
    assert 41.4e9 in {t.quantity for i in facts.initiatives for t in i.targets}


def test_a_plan_says_what_should_happen() -> None:
    text = excerpt(
        "en_flanders-china_shanghai-transport-white-paper", "should surpass CNY350 billion"
    )
    text = "Shanghai released its plan.\n" + text
    amounts = {t.quantity for i in extract_article(text).initiatives for t in i.targets}
    assert 3.5e11 in amounts


@pytest.mark.parametrize(
    ("article", "marker", "not_the_story"),
    [
        ("en_zdnet_xian-samsung-subsidies", "competitors like Beijing", "Beijing"),
        ("en_china-daily_tianjin-innovation-zone", "an hour's drive from Beijing", "Beijing"),
        ("en_china-daily_ningbo-qianwan-new-area", "deepen cooperation with Shanghai", "Shanghai"),
        ("en_china-daily_fujian-marine-economy-2012", "Beijing Tuowei Research Institute",
         "Beijing"),
    ],
)  # fmt: skip
def test_a_place_compared_with_tied_to_or_in_a_name(
    article: str, marker: str, not_the_story: str
) -> None:
    assert not_the_story not in extract_article(excerpt(article, marker)).provinces


# --- English: the ninth pass -----------------------------------------------------------


def test_a_figure_opens_what_was_said() -> None:
    text = excerpt(
        "en_china-daily_sichuan-power-battery-400gwh",
        "Jing Maoming, deputy head",
        "Jing said 83 GWh",
    )
    assert (
        "Jing Maoming",
        "83 GWh of batteries were produced in the",
    ) in statements(extract_article(text))


def test_an_official_announced_at_a_conference() -> None:
    text = excerpt("en_caixin_foshan-hydrogen-car-targets", "Mayor Zhu Wei announced")
    assert "Zhu Wei" in {s[0] for s in statements(extract_article(text))}


def test_what_is_announced_in_lower_case_is_its_object() -> None:
    text = excerpt("en_china-daily_ningxia-new-materials", "announced the goal at the conference")
    assert all(not t.startswith("the goal") for _, t in statements(extract_article(text)))


@pytest.mark.parametrize(
    ("place", "article", "marker", "amount"),
    [
        ("Shandong", "en_china-org_shandong-industrial-projects-2009",
         "650 billion yuan will be spent", 6.5e11),
        ("Jiangsu", "en_china-org_jiangsu-overall-goals-2001", "will be injected into 50", 4e9),
    ],
)  # fmt: skip
def test_money_that_will_be_spent(place: str, article: str, marker: str, amount: float) -> None:
    text = f"{place} released its plan.\n" + excerpt(article, marker)
    assert amount in {t.quantity for i in extract_article(text).initiatives for t in i.targets}


@pytest.mark.parametrize(
    ("place", "article", "marker", "words"),
    [
        ("Beijing", "en_global-times_beijing-robotics-plan", "10 R&D headquarters",
         "10 R&D headquarters"),
        ("Wuhan", "en_china-daily_optics-valley-digital-economy-base", "30 secondary industrial",
         "30 secondary industrial internet nodes"),
    ],
)  # fmt: skip
def test_counted_nodes_and_r_and_d_headquarters(
    place: str, article: str, marker: str, words: str
) -> None:
    text = f"{place} released its plan.\n" + excerpt(article, marker)
    found = {t.text for i in extract_article(text).initiatives for t in i.targets}
    assert words in found, found


def test_a_long_byline_with_reporters_cities_names_outlet_and_date() -> None:
    text = excerpt("en_china-daily_ningxia-data-centre-racks-2025", "By HU DONGMEI", "As part of")
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.published_on) == ("China Daily", dt.date(2022, 9, 21))


def test_a_slashed_agency_dateline_a_place_and_capitalised_title_after_a_quote() -> None:
    text = excerpt("en_tass_wenchang-aerospace-cluster", "/TASS/", "said Wenchang Mayor Liu Chun")
    facts = extract_article(text)
    assert (facts.metadata.outlet, facts.metadata.dateline_city) == ("TASS", "Haikou")
    assert facts.experts["Liu Chun"].title == "Mayor"


@pytest.mark.parametrize(
    ("article", "named", "marker", "speaker"),
    [
        ("en_tass_wenchang-aerospace-cluster", "said Wenchang Mayor Liu Chun", "As he clarified",
         "Liu Chun"),
        ("en_china-daily_ningbo-qianwan-new-area", "Chen Zhongchao, deputy executive mayor",
         "According to the official,", "Chen Zhongchao"),
    ],
)  # fmt: skip
def test_as_he_clarified_and_according_to_the_official(
    article: str, named: str, marker: str, speaker: str
) -> None:
    text = excerpt(article, named, marker)
    said = statements(extract_article(text))
    after = text[text.index(marker) + len(marker) :].lstrip(" ,")[:20]
    assert any(s == speaker and t.startswith(after) for s, t in said), said


def test_a_lead_of_when_before_the_named_speaker() -> None:
    text = excerpt("en_qinzhou-gov_lingshan-industrial-parks-2018", "A few days ago, Zeng Zhi")
    assert "Zeng Zhi" in {s for s, _ in statements(extract_article(text))}


def test_where_and_when_after_the_name_that_follows_a_quotation() -> None:
    text = excerpt("en_shanghai-daily_yixing-eco-industry-hub-2021", "said Mayor Chen Shoubin")
    assert ("Chen Shoubin", "Yixing has the natural strength to becom") in statements(
        extract_article(text)
    )


def test_a_five_year_plan_names_a_period_and_plans_nothing() -> None:
    text = "Hebei cut capacity.\n" + excerpt(
        "en_china-today_hebei-industrial-upgrading-handan", "Production capacity of iron"
    )
    assert not [t for i in extract_article(text).initiatives for t in i.targets]


def test_other_stories_headlines_after_the_story_name_no_province() -> None:
    text = excerpt(
        "en_xinhua_hebei-hydrogen-cluster-2019",
        "aims to build an industry cluster",
        "Fire brigade in Shanghai",
        "ice sculptures in Datan Town",
        "Dayan Pagoda in Xi'an",
        "Harbin attracts tourists",
    )
    provinces = extract_article(text).provinces
    assert "Hebei" in provinces and not {"Shanghai", "Shaanxi", "Heilongjiang"} & set(provinces)


@pytest.mark.parametrize(
    ("marker", "speaker"),
    [("Litin Jain from India said", "Litin Jain"), ("where Jain is searching", "Lin Hai'ou")],
)
def test_a_person_from_a_place_and_an_appositive_with_where(marker: str, speaker: str) -> None:
    text = excerpt("en_xinhua_jinjiang-shoe-capital-foreign-designers", marker)
    assert speaker in {s for s, _ in statements(extract_article(text))}


def test_a_named_person_mentioned_that() -> None:
    text = excerpt("en_breakinglatest_qinghai-2024-work-report-pv", "Wu Xiaojun mentioned that")
    assert "Wu Xiaojun" in {s for s, _ in statements(extract_article(text))}


def test_a_province_eyeing_growth_aims_at_it() -> None:
    text = excerpt("en_xinhua_liaoning-2023-growth-target", "is eyeing economic growth")
    amounts = {t.quantity for i in extract_article(text).initiatives for t in i.targets}
    assert 5 in amounts, amounts


def test_said_a_title_of_its_office_then_the_name_and_informed_that() -> None:
    text = excerpt(
        "en_app_fuzhou-mayor-modern-international-city",
        "said Mayor of Fuzhou Municipal Government, Wu Xiande",
        "He informed that",
    )
    facts = extract_article(text)
    assert facts.experts["Wu Xiande"].organization == "Fuzhou Municipal Government"
    assert [s for s, _ in statements(facts)] == ["Wu Xiande", "Wu Xiande"]


def test_a_dateline_in_capitals_touching_its_hyphen() -> None:
    text = excerpt("en_xinhua_datong-mayor-coal-to-clean-energy", "TAIYUAN-Visiting")
    assert extract_article(text).metadata.dateline_city == "Taiyuan"


def test_an_appositive_with_the_capital_of_and_a_deputy_and_a_lawmaker_lead() -> None:
    article = "en_china-daily_hefei-mayor-ai-consortium"
    text = excerpt(
        article, "Updated: Mar 11, 2024", "a national lawmaker said", "Luo Yunfeng, mayor"
    )
    facts = extract_article(text)
    said = statements(facts)
    assert ("Luo Yunfeng", "More focused methods are needed to devel") in said
    assert ("Luo Yunfeng", "the city is striving to integrate innova") in said
    assert facts.metadata.published_on == dt.date(2024, 3, 11)


def test_expressed_his_hope_that_and_maintained_a_schedule() -> None:
    hope = excerpt("en_ezhejiang_zhejiang-advanced-manufacturing-hub", "Che expressed his hope")
    schedule = excerpt("en_xinhua_datong-mayor-coal-to-clean-energy", "Wu has maintained a tight")
    said = statements(extract_article("Che Jun, the governor, spoke.\n" + hope + schedule))
    assert [t[:20] for _, t in said] == ["Zhejiang will become"], said


def test_said_the_mayor_of_a_city_and_cubic_meters_of_gas() -> None:
    text = excerpt(
        "en_china-org_jincheng-coal-city-upgrade-2010",
        "said the mayor of Jincheng City",
        "Jincheng Mayor Wang Maoshe said",
        "3 billion cubic meters",
    )
    facts = extract_article(text)
    assert "Jincheng City" not in facts.experts
    assert ("Wang Maoshe", "Climate change poses a huge challenge to") in statements(facts)
    amounts = {t.quantity for i in facts.initiatives for t in i.targets}
    assert 3e9 in amounts, amounts


def test_a_name_with_its_title_in_brackets_over_what_was_said() -> None:
    text = excerpt(
        "en_beijing-review_hainan-tourist-destination-2010",
        "Wei Liucheng (Secretary",
        "As Hainan embarks",
        "First, we will hold",
    )
    facts = extract_article(text)
    assert [s for s, _ in statements(facts)] == ["Wei Liucheng", "Wei Liucheng"]
    assert facts.experts["Wei Liucheng"].title is not None


def test_a_headline_glued_to_its_byline() -> None:
    text = excerpt("en_global-times_hefei-innovation-industries-2024", "growthBy Tu Lei")
    meta = extract_article(text).metadata
    assert (meta.outlet, meta.reporter, meta.published_on) == (
        "Global Times",
        "Tu Lei, Zhang Weilan, Ding Yazhi",
        dt.date(2024, 5, 27),
    )


@pytest.mark.parametrize(
    ("place", "article", "marker", "wanted", "unwanted"),
    [
        ("Wuxi", "en_prnewswire_wuxi-biomedical-special-fund", "200-billion-yuan modern",
         2e11, None),
        ("Hunan", "en_hunan-gov_trillion-yuan-industries-plan", "eight 100-billion-yuan",
         None, 1e11),
        ("Tibet", "en_xinhua_localities-lower-2016-targets", "Tibet targeted 10-percent", 10, 2),
        ("Henan", "en_sustainable-truck-van_provincial-hydrogen-station-targets",
         "plans to construct 110 HRS", 110, None),
        ("Zhejiang", "en_zxzc_zhejiang-charging-piles-2025", "500 new energy vehicle maintenance",
         500, None),
        ("Xinjiang", "en_xinhua_xinjiang-ten-key-industries", "beat a 2-trillion", 6, 2e12),
    ],
)  # fmt: skip
def test_hyphenated_money_percentage_points_targeted_and_long_counted_nouns(
    place: str, article: str, marker: str, wanted: float | None, unwanted: float | None
) -> None:
    text = f"{place} released its plan.\n" + excerpt(article, marker)
    amounts = {t.quantity for i in extract_article(text).initiatives for t in i.targets}
    assert wanted is None or wanted in amounts, amounts
    assert unwanted is None or unwanted not in amounts, amounts


def test_a_comma_after_the_closing_mark_and_a_quoted_phrase_inside_a_sentence() -> None:
    whole = excerpt("en_cgtn_shanxi-coal-energy-revolution-2019", "said Lou Huining")
    phrase = excerpt("en_china-daily_lanzhou-new-area-2012", "explore the market of the")
    said = statements(extract_article(whole + phrase))
    assert ("Lou Huining", "We are phasing out excessive and backwar") in said
    assert not any(t.startswith("explore the market") for _, t in said), said


def test_reporters_names_alone_under_the_headline() -> None:
    text = excerpt(
        "en_cgtn_shanxi-coal-energy-revolution-2019",
        "leads the nation's energy revolution",
        "Zhao Yuheng, Wang Peng",
    )
    text = text.replace("Wang Peng\n", "Wang Peng\n\n")
    assert extract_article(text).metadata.reporter == "Zhao Yuheng, Wang Peng"


def test_a_dateline_in_capitals_before_a_colon() -> None:
    text = excerpt("en_cna_cities-ai-race-2025", "SHENZHEN/SHANGHAI:")
    meta = extract_article(text).metadata
    assert (meta.dateline_city, meta.published_on) == ("Shenzhen", dt.date(2025, 8, 14))


def test_a_yearless_dateline_is_in_the_year_after_last_years_results() -> None:
    text = excerpt(
        "en_reuters_big-cities-slower-growth-2017",
        "BEIJING, Jan 15 (Reuters)",
        "easing from an estimated 6.7 percent in 2016",
        "during 2016, due largely",
    )
    assert extract_article(text).metadata.published_on == dt.date(2017, 1, 15)


def test_a_list_of_industries_in_a_one_province_story_names_no_place_and_is_its() -> None:
    text = excerpt(
        "en_shenzhen-daily_shenzhen-marine-innovation-corridors-2020",
        "It is said that Shenzhen will build",
        "will focus on industries including marine transportation",
    )
    assert ("Guangdong", "cruise economy", None) in pairs(extract_article(text))


def test_one_name_with_a_title_and_a_title_written_into_the_name() -> None:
    tibet = excerpt("en_xinhua_tibet-tourism-47-million-2020", "Qizhala, chairman of the regional")
    yibin = excerpt("en_economic-daily_yibin-mayor-green-low-carbon-2024", "Representative Liao")
    facts = extract_article(tibet + yibin)
    assert {"Qizhala", "Liao Wenbin"} <= set(facts.experts), facts.experts


def test_money_with_its_currency_code_after_and_scheduled() -> None:
    text = "Hunan released its plan.\n" + excerpt(
        "en_china-daily_hunan-42-electronic-projects", "It is scheduled that 47.3 billion CNY"
    )
    amounts = {t.quantity for i in extract_article(text).initiatives for t in i.targets}
    assert {4.73e10, 1.5e11} <= amounts, amounts


def test_a_writer_from_an_outlet_with_a_spaced_comma_and_a_photo_credit_names_no_outlet() -> None:
    meta = extract_article(
        excerpt("en_gasgoo_anhui-nev-plan-2021-2023", "Amenda From Gasgoo")
    ).metadata
    assert (meta.reporter, meta.published_on) == ("Amenda", dt.date(2021, 7, 20))
    caption = excerpt("en_people-cn_guizhou-tea-rural-revitalization-2021", "(Photo/Xinhua)")
    assert extract_article(caption).metadata.outlet != "Xinhua"


def test_an_agency_credit_capitalised_as_a_page_prints_it_and_its_mayor_said() -> None:
    agency = excerpt("en_chinanews_jiangxi-metaverse-deputy-2023", "Chinanews.com, Nanchang")
    meta = extract_article(agency).metadata
    assert (meta.outlet, meta.dateline_city, meta.reporter) == (
        "China News Service",
        "Nanchang",
        "Li Yunhan",
    )
    mayor = excerpt("en_china-daily_lyuliang-hydrogen-mayor-2025", "Xiong Yizhi", "its mayor said")
    said = statements(extract_article(mayor))
    assert ("Xiong Yizhi", "Lyuliang city in Shanxi province is ramp") in said


def test_a_bylines_city_and_its_province_name_one_reporter() -> None:
    text = excerpt("en_china-daily_shantou-toy-expo-party-chief-2024", "By Qiu Quanlin in Shantou")
    assert extract_article(text).metadata.reporter == "Qiu Quanlin"


@pytest.mark.parametrize(
    ("place", "article", "marker", "unwanted"),
    [
        ("Shanghai", "en_reuters_big-cities-slower-growth-2017", "easing from an estimated 6.7",
         6.7),
        ("Wuhan", "en_china-daily_optics-valley-digital-economy-base",
         "to increase from 80 billion yuan", 8e10),
        ("Guigang", "en_china-daily_guigang-industrialization-party-chief",
         "more than 1,109 industrial projects", 1109),
    ],
)  # fmt: skip
def test_where_a_change_starts_and_a_span_of_years_are_no_targets(
    place: str, article: str, marker: str, unwanted: float
) -> None:
    text = f"{place} released its plan.\n" + excerpt(article, marker)
    amounts = {t.quantity for i in extract_article(text).initiatives for t in i.targets}
    assert unwanted not in amounts, amounts


def test_one_persons_turn_after_a_questioners_label_is_a_transcript() -> None:
    text = excerpt(
        "en_china-org_fujian-digital-economy-summit-2021",
        "Guangming Daily:",
        "What are the specialties",
        "Guo Ningning:",
        "Thank you for your question.",
    ).replace(":\n", ":\n\n")
    facts = extract_article(text)
    assert [s for s, _ in statements(facts)] == ["Guo Ningning"]
    assert facts.metadata.outlet != "Guangming Daily"


def test_a_writer_then_a_known_outlet_then_published() -> None:
    text = excerpt("en_china-plus_lankao-musical-instruments-2017", "Yang Guang China Plus")
    meta = extract_article(text).metadata
    assert (meta.reporter, meta.outlet) == ("Yang Guang", "China Plus")


def test_a_strait_named_for_a_province_is_no_province() -> None:
    text = excerpt(
        "en_china-daily_fujian-marine-economy-2012", "Western Taiwan Strait Economic Zone"
    )
    assert "Taiwan" not in extract_article(text).provinces

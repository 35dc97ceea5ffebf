"""Experts and what they said: reported speech and direct quotations."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Callable, Set
from dataclasses import dataclass, field

from etl.extract.text import (
    Sentence,
    normalize,
    paragraphs,
    sentence_at,
    sentences_overlapping,
    trim,
)

VERBS = (
    "said", "says", "believes", "believed", "noted", "notes", "pointed out", "points out",
    "stressed", "stresses", "added", "adds", "explained", "emphasized", "emphasised",
    "argued", "argues", "observed", "remarked", "told", "commented", "suggested",
    "predicted", "warned", "thinks", "noting", "stated", "maintained", "revealed", "disclosed",
    "highlighted", "underscored", "underlined", "acknowledged", "recalled", "proposed",
    "urged", "called for", "voiced suggestions", "voiced support for", "expressed support for",
    "put forward", "made suggestions for", "made suggestions on", "vowed", "pledged",
    "explains", "observes", "insists", "insisted", "admits", "admitted", "reveals",
    "emphasizes", "emphasises", "highlights",
    "was quoted as saying", "is quoted as saying", "expressed", "wrote", "writes", "advocated for",
    "advocates for", "advocated", "advocates", "declared", "declares", "reiterated", "affirmed",
    "announced", "announces", "clarified", "mentioned", "informed", "expressed his hope",
    "expressed her hope", "expressed the hope", "expressed hope",
)  # fmt: skip
_VERB = r"(?P<verb>" + "|".join(sorted((re.escape(v) for v in VERBS), key=len, reverse=True)) + r")"
# "announced the goal", "informed an audience", "has maintained a tight schedule": what
# these verbs take in lower case is their object; what was said follows "that".
_OBJECT_VERBS = ("announced", "announces", "informed", "maintained")
_NO_OBJECT_BEFORE = "".join(f"(?<!{verb})" for verb in _OBJECT_VERBS)
_NO_OBJECT_BEFORE_SPACE = "".join(f"(?<!{verb} )" for verb in _OBJECT_VERBS)
# "Li Ka-shing", "Chen Run'er": a given name may go on after a hyphen or a
# pinyin apostrophe in lower case.
_NAME = r"(?:[A-Z][a-z]+(?:[\- ][A-Z][a-z]+(?:(?:-|['’](?=[aeo]))[a-z]+)?){1,2})"
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)"
_PRONOUN = r"(?:[Hh]e|[Ss]he)"
# Compiled once: the resolution of every statement asks them.
_PRONOUN_RE = re.compile(_PRONOUN)
_HONORIFIC_START = re.compile(r"^" + _HONORIFIC)
_NAME_RE = re.compile(_NAME)
# An appositive; further parts joined by ", (and) (also) a ..." belong to it
# ("president of HUST, and also a deputy to the NPC", "president of ebogame,
# an online games developer").
_APP = (
    # "CEO of Hai'ou Shoemaking Co., where Jain is searching for materials,": where.
    r"(?P<app>[^,;\"“”]{3,250}?(?:,\s+(?:and\s+(?:also\s+)?(?:a|an|the)|(?:also\s+)?(?:a|an)|who|where|"
    # "mayor of Dalian, one of China's major ports,": the place's own appositive.
    # "mayor of Hefei, capital of Anhui province, and a deputy to the 14th NPC,": two.
    r"one\s+of|(?:the\s+)?capital\s+of)\s+"
    r"[^,;\"“”]{3,200}?){0,2})"
)
# A quotation ends at the first closing mark; it cannot contain another
# opening one either, so each opening mark is scanned only up to the next
# (a text of a million unclosed “ must not cost 3,000 steps per mark).
# Some pages close “ with two typographic single quotes (’’) or a double prime (″).
# A scraped page may open with " and close with ” (or the other way round).
_QUOTE = (
    r"(?P<quote>\"(?P<q1>[^\"”\n]{2,3000})\"|“(?P<q2>[^“”\n]{2,3000}?)(?:”|’’|″|\")"
    r"|\"(?P<q3>[^\"“”\n]{2,3000}?)”)"
)
_SPEAKER_REF = (
    r"(?P<speaker>" + _HONORIFIC + r"?[A-Z][a-z]+(?:[\- ][A-Z][a-z]+){0,2}|" + _PRONOUN + r")"
)
# "the mayor", "the municipality's mayor", "the provincial governor": an official
# named by office, resolved at the end to the one expert of the article who holds it.
_OFFICE = (
    r"(?:mayor|vice\s+mayor|governor|vice[\s\-]governor|party\s+secretary|party\s+chief|"
    r"chairman|chairwoman|spokesperson|spokesman|spokeswoman)"
)
# "..., its mayor said.": the office of the place just named.
_BY_OFFICE = r"(?:the|its)\s+(?:[\w'’\-]+\s+){0,3}?" + _OFFICE + r"\b"
_DESCRIBED = re.compile(
    # "the province's governor": a possessive among the words before the office.
    r"^(?:an?|the|one)\s+(?:[\w'’\-]+\s+){0,3}?(?:official|spokesperson|spokesman|spokeswoman|"
    r"analyst|analysts|economist|economists|expert|experts|researcher|professor|executive|"
    r"manager|director|insider|insiders|lawmaker|legislator|delegate|" + _OFFICE + r")\b",
    re.IGNORECASE,
)
# A title written in lower case before a name: "vice-mayor", "deputy chief of
# industry and information technology".
_LOWER_TITLE = (
    r"(?:(?:deputy|vice|executive|senior|assistant)[\s\-])?(?:chief|director|head|governor|mayor|"
    r"secretary|official|chairman|chairwoman|president|minister|spokesperson|spokesman|"
    r"spokeswoman|professor|researcher|analyst|economist|engineer|manager|deputy|vice-mayor|"
    r"vice-governor)\b(?:\s+(?:of|for|and|[a-z][\w\-]*)){0,6}?"
)
# An appositive that opens with a title ("Party secretary of Changsha", "founder of X").
_TITLE_FIRST = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:[\w\-]+\s+){0,3}?(?:professor|researcher|economist|analyst|director|"
    r"head|chief|president|chairman|chairwoman|founder|secretary|governor|mayor|deputy|dean|fellow|"
    r"expert|engineer|manager|official|member|partner|scientist|executive|CEO|spokesperson|"
    r"spokesman|spokeswoman|minister|commissioner|lawmaker|legislator|leader)s?\b",
    re.IGNORECASE,
)
_TITLE_FIRST_APP = r"(?P<app>" + _TITLE_FIRST.pattern + r"[^,;\"“”]{0,200}?)"
ORG_HEADS = re.compile(
    r"\b(?:Institute|Academy|University|College|School|Center|Centre|Ministry|Commission|"
    r"Department|Bureau|Administration|Office|Council|Association|Federation|Society|Group|"
    r"Corporation|Company|Bank|Securities|Laboratory|Foundation|Agency|Committee|Government|"
    r"Exchange|Capital|Partners|Consulting|Fund|Union|Chamber|Institution|Alliance|Think Tank|"
    r"Co\.|Ltd|Inc|Corp|Holdings)s?\b",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "China",
        "Chinese",
        "In",
        "On",
        "At",
        "As",
        "According",
        "Since",
        "However",
        "Meanwhile",
        "Also",
        "And",
        "But",
        "For",
        "Its",
        "Their",
        "Local",
        "Provincial",
        "National",
        "State",
        # "according to a statement on Wednesday": days and months are no surnames.
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)

# Reported speech, as rules over one sentence: each pattern names the
# speaker (name, optional appositive) and the text. The first rule that
# matches a sentence wins; a new shape is one more row.
# "Based on these, ", "Considering X, ", "While ..., China's national legislature, ".
_LEAD = r"^(?:[^;\"“”]{0,240}?,\s+)?"
_TITLE_BEFORE_NAME = (
    r"(?:(?:(?:Chinese|Provincial|Party|Vice|Deputy|Executive|Former)\s+)*"
    r"(?:President|Premier|Governor|Mayor|Chairman|Secretary|Minister|Director|Professor|Dr\.?)\s+)"
)
_END_OF_SENTENCE = r"\s*+[.!?]?[\"”’]?\s*+$"

# NAME, APPOSITIVE, said [in an interview ...] that TEXT
# "In an interview with Xinhua, NAME, APPOSITIVE, said that ...": a lead may come first.
# The lead is a circumstance ("In an interview ...", "Speaking at ..."), never a clause
# of its own ("The fund will ..., Jin Shenghong, chairman ..., said").
# "---Si Yong, Director of ..., stated that ...": a page's dashes or bullet may open it.
_NAMED_LEAD = (
    r"^[-–—•·*]*[ \t]*(?:(?:In|At|During|On|Speaking|Talking|Asked|When|While|Addressing|"
    r"Interviewed|Meanwhile|"
    # "A few days ago, NAME, TITLE said at ... that ...": when it was said.
    r"Amid|Amidst|After|Following|Recently|Earlier|Previously|Last|A\s+few|Several)"
    r"\b[^;\"“”,]{0,120}?,\s+)?"
)
# "said Changsha's industrial output is projected ...": a named subject and its verb.
_SUBJECT_AHEAD = (
    r"(?=[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,3}?\s+(?:has|have|is|are|was|were|will|would|can|"
    r"could|should|must|needs?|plans?|aims?)\b)"
)
# "Dr. Li Ming, 52, chief scientist ...": an honorific before, an age after the name.
# "CATL's YANG Weiping": the surname in capitals, as some pages print it.
_CAPS_SURNAME_NAME = r"[A-Z]{2,}\s+[A-Z][a-z]+(?:-[a-z]+)?"
_NAMED_PERSON = (
    r"(?P<name>" + _HONORIFIC + r"?(?:" + _NAME + r"|" + _CAPS_SURNAME_NAME + r"))(?:,\s+\d{1,3})?"
)
# "told reporters", "told Xinhua on Monday": whom it was told, before what.
# Whom it was told: "reporters", "a press briefing", "Xinhua", "the Global Times".
_NOT_WHERE_OR_WHEN = r"(?!(?:on|in|at|during|when|while|last|after|before)\s)"
_TOLD_AUDIENCE = (
    # "told the same press conference", "told a news briefing"
    r"(?:(?:the|a)\s+(?:same\s+)?)?(?:reporters|journalists|media|(?:press|news)(?:\s+(?:briefing|conference))?|"
    r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})"
)
# Where or when it was told runs to the "that" of what was told.
_TOLD_TO = (
    r"(?<=told)\s+" + _TOLD_AUDIENCE + r"(?:\s+(?:on|in|at|during)\s[^;\"“,]{0,120}?(?=\s+that\s))?"
)
_TOLD_WHOM = r"(?:" + _TOLD_TO + r")?"
# "NAME, mayor of Wenchang expressed that ...": the closing comma may be missing.
_NAMED_REPORTED = re.compile(
    _NAMED_LEAD + _NAMED_PERSON + r",\s+" + _APP + r",?\s+(?:also\s+)?" + _VERB
    # Between the verb and "that": whom it was told, or when and where it was said;
    # never a clause ("said the institute will focus on robotics that can ...").
    + r"(?P<mid>" + _TOLD_TO + r"|\s+(?:in|at|during|on|to|when|while|last|this|after|"
    + r"before|recently|earlier|yesterday|today|previously|[A-Z][a-z]+day)\b"
    # "said X, adding that Y": the first "that" is not after an addition.
    + r"(?:(?!,\s+(?:adding|noting|saying|stressing|emphasizing)\b)[^;\"“]){0,140}?)?"
    + r"\s+that\s+(?P<text>\S.*)$",
    re.DOTALL,
)  # fmt: skip
# NAME, APPOSITIVE, said: TEXT  /  NAME, APPOSITIVE, said the province will ...
_NAMED_COLON = re.compile(
    _NAMED_LEAD + _NAMED_PERSON + r",\s+" + _APP + r",?\s+(?:also\s+)?(?:has\s+|have\s+)?" + _VERB
    + r"[:,]?\s+(?P<text>(?:" + _NO_OBJECT_BEFORE_SPACE + r"[a-z]|[\"“]|" + _SUBJECT_AHEAD + r").*)$",
    re.DOTALL,
)  # fmt: skip
# [Anhui] [Provincial] Governor NAME said [that] TEXT: the title is the appositive.
# "The province's governor NAME told reporters that ...": its place may come first.
_TITLED_NAME_REPORTED = re.compile(
    _NAMED_LEAD + r"(?:[Tt]he\s+(?:province|city|municipality|region)['’]s\s+)?(?P<app>(?:[A-Z][\w'’\-]+\s+)?(?:[Pp]rovincial\s+|[Mm]unicipal\s+|[Cc]ity\s+|[Ss]enior\s+)?"
    r"(?:[Pp]arty\s+[Ss]ecretary|[Vv]ice[- ][Gg]overnor|[Gg]overnor|[Vv]ice[- ][Mm]ayor|[Mm]ayor|"
    r"[Pp]rofessor|[Cc]hairman|[Cc]hairwoman|[Dd]eputy|[Ll]awmaker|[Ll]egislator|[Mm]ember|"
    r"[Aa]nalyst|[Rr]esearcher|[Ee]conomist|[Ee]xpert|[Oo]fficial|[Dd]irector|[Pp]remier|"
    r"[Ss]pokesperson|[Ss]pokesman|[Ss]pokeswoman|[Ff]ounder|CEO))\s+"
    # "..., who also attended the signing, had told Reuters": a relative clause between.
    r"(?P<name>" + _NAME + r")(?:,\s+who\s+[^,;\"“”]{3,150},)?\s+(?:also\s+)?(?:had\s+|has\s+)?"
    + _VERB + _TOLD_WHOM
    # "said in a statement last month to CNBC that ...": where and to whom, then what.
    + r"(?:\s+(?:in|at|during|on|to|last)\s[^;\"“,]{0,120}?\s+that\s+|\s+that\s+|[:,]\s+|"
    # What was said starts in lower case, but not with where or when it was said.
    + r"\s+(?=[a-z])" + _NOT_WHERE_OR_WHEN + r")"
    + r"(?P<text>\S.*)$",
    re.DOTALL,
)  # fmt: skip
# "CATL's chairman Zeng Yuqun told Xinhua that ...": the organization's person.
_ORGANIZATIONS_PERSON = re.compile(
    _NAMED_LEAD + r"(?P<org>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})['’]s\s+"
    r"(?:(?P<title>[a-z][a-z\- ]{2,40}?)\s+)?(?P<name>" + _NAME + r"|" + _CAPS_SURNAME_NAME + r")\s+(?:also\s+)?" + _VERB
    + _TOLD_WHOM + r"(?:\s+that\s+|[:,]\s+|\s+(?=[a-z])" + _NOT_WHERE_OR_WHEN + r")(?P<text>\S.*)$",
    re.DOTALL,
)  # fmt: skip
# "Litin Jain from India said he ...", "Zhang Lin of Tsinghua University said ...": a
# person named with where he is from, no appositive.
_NAME_FROM = re.compile(
    _NAMED_LEAD + _NAMED_PERSON + r"\s+(?:from|of)\s+(?P<app>(?:the\s+)?[A-Z][^,;\"“”]{1,100}?)"
    + r"\s+(?:also\s+)?" + _VERB + _TOLD_WHOM
    + r"(?:\s+that\s+|[:,]\s+|\s+(?=[a-z])" + _NOT_WHERE_OR_WHEN + r")(?P<text>\S.*)$",
    re.DOTALL,
)  # fmt: skip
# In NAME's view, TEXT  /  In the view of NAME[, an economist at X], TEXT
_IN_VIEW = re.compile(
    r"^In\s+(?:(?P<name>" + _NAME + r"|[A-Z][a-z]+)['’]s\s+(?P<verb>view|opinion)|the\s+(?:view|opinion)"
    r"\s+of\s+(?P<name2>" + _NAME + r")(?:,\s+" + _TITLE_FIRST_APP + r")?)\s*,\s+(?P<text>\S.*)$",
    re.DOTALL | re.IGNORECASE,
)  # fmt: skip
# As NAME[, APPOSITIVE,] put it, TEXT
# As Tibet's regional government chairman NAME put it, TEXT: the title before the name.
# "As he clarified, TEXT": the person named before.
_AS_PUT_IT = re.compile(
    r"^As\s+(?:(?P<pre_title>(?:[A-Z][\w'’\-]*\s+)?(?:[a-z][\w'’\-]*\s+){1,5})?"
    + _NAMED_PERSON + r"(?:,\s+" + _APP + r",)?|(?P<object_pronoun>he|she))\s+(?:has\s+|had\s+)?"
    r"(?P<verb>put\s+it|puts\s+it|noted|said|observed|explained|pointed\s+out|clarified|"
    r"stressed|emphasi[sz]ed|added|mentioned)\s*,\s+(?P<text>\S.*)$",
    re.DOTALL,
)  # fmt: skip
# The mayor of Wuhan, NAME, said [that] TEXT: the appositive before the name.
# "..., and the head of the commission, NAME, has pointed out that ...": a clause before.
_APPOSITIVE_FIRST = re.compile(
    r"(?:" + _NAMED_LEAD + r"|^[^;\"“”]{0,300}?,\s+and\s+)"
    + r"(?P<app>[Tt]he\s+[a-z][^,;\"“”]{2,80}?),\s+(?P<name>" + _NAME + r"),\s+"
    + r"(?:also\s+)?(?:has\s+|have\s+)?" + _VERB + r"(?:\s+that)?\s+(?P<text>\S.*)$",
    re.DOTALL,
)  # fmt: skip
# "According to the official, TEXT": the person named before, like a pronoun.
_THE_PERSON = r"the\s+(?:official|expert|professor|researcher|economist|analyst|scholar|executive)"
# According to NAME, APPOSITIVE, TEXT  /  According to Li, TEXT (a known surname)
# According to him, TEXT: the speaker of the sentences before.
_ACCORDING = re.compile(
    r"^(?:[^,;\"“”]{0,120}?,\s+)?[Aa]ccording to (?:(?P<name>" + _NAME + r")(?:,\s+" + _APP
    + r")?|(?P<name2>[A-Z][a-z]+)|(?P<object_pronoun>him|her|" + _THE_PERSON + r")),\s+(?P<text>\S.*)$",
    re.DOTALL,
)  # fmt: skip
# TEXT, said NAME[, APPOSITIVE].  /  TEXT, said Gao.
# "..., said vice-mayor Dai Yulin.": a title in lower case before the name.
_CAPITAL_TITLE = (
    r"(?:Party\s+Secretary|Party\s+Chief|Vice[- ]Governor|Governor|Vice[- ]Mayor|Mayor|Chairman|"
    r"General\s+Manager)"
)
_TRAILING_VERB_NAME = re.compile(
    # "..., told Yicai Global.": whom it was told is never who said it.
    # "..., said its mayor Ma Honghai.": whose title it is comes first.
    # "..., said Shanghai Vice Mayor Zhang Wei.": a place and a capitalised title.
    # "..., said Mayor of Fuzhou Municipal Government, Wu Xiande.": its office, a comma.
    r"^(?P<text>\S.*?),\s+" + _VERB + r"(?<!told)\s+(?:(?P<pre_title>(?:(?:its|the|their)\s+)?"
    + _LOWER_TITLE + r"|(?:[A-Z][\w'’\-]+\s+)?" + _CAPITAL_TITLE
    + r"(?:\s+of\s+(?:the\s+)?[A-Z][^,;\"“”]{2,80}?,)?)\s+(?=[A-Z]))?"
    + r"(?P<name>" + _HONORIFIC + r"?[A-Z][a-z]+(?:[\- ][A-Z][a-z]+){0,2})"
    + r"(?:,\s+(?P<app>[^;\"“”]{3,250}?))?"
    # "..., said Mayor Liao Guoxun on Jan 25.": when it was said.
    + r"(?:\s+on\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][a-z]+day))?" + _END_OF_SENTENCE,
    re.DOTALL,
)  # fmt: skip
# TEXT, NAME, APPOSITIVE[,] said [at an event ...].  /  TEXT, he said.
# TEXT, Professor NAME of ORG said.: the organization joined by "of" without commas.
_TRAILING_NAME_VERB = re.compile(
    r"^(?P<text>\S.*?),\s+"
    # "..., Hunan governor Mao Weiming said Friday.": a place and a title before the name.
    # "..., Fujian Governor Zhao Long said while ...": the title capitalised after its place.
    + r"(?:(?P<pre_title>(?:[A-Z][\w'’\-]+\s+)?(?:" + _LOWER_TITLE + r"|" + _CAPITAL_TITLE
    + r"))\s+(?=[A-Z]))?"
    + r"(?P<name>" + _HONORIFIC + r"?" + _NAME + r"|" + _PRONOUN + r"|" + _HONORIFIC
    + r"?[A-Z][a-z]+)(?:,\s+(?P<app>[^;\"“”]{3,250}?),?"
    + r"|\s+(?P<app_of>(?:of|from|at|with)\s+(?:the\s+)?[A-Z][^,;\"“”]{2,120}?))?\s+(?:also\s+)?" + _VERB
    # "..., NAME, a deputy, told Yicai.": whom it was told.
    + r"(?:(?<=told)\s+" + _TOLD_AUDIENCE + r")?"
    # "... said at a news conference titled "Striving for ..."": a quoted title may follow.
    + r"(?:\s+(?:at|in|on|during|to|when|while)\b[^\n]{0,200}?)?"
    # "..., Guo Shuyu, head of ..., said yesterday.", "he said without elaborating."
    + r"(?:\s+(?:yesterday|today|recently|earlier|last\s+\w+|this\s+\w+|[A-Z][a-z]+day))?"
    + r"(?:\s+without\s+(?:elaborating|giving\s+(?:details|further\s+details)))?"
    # "TEXT, he noted, adding that MORE": the sentence's first words are still his.
    + r"(?:,\s+(?:adding|noting|saying|stressing)\s+that\s+[^\n]*?)?" + _END_OF_SENTENCE,
    re.DOTALL,
)  # fmt: skip
# TEXT, according to NAME[, APPOSITIVE].  /  TEXT, ... citing NAME, APPOSITIVE.
_TRAILING_ACCORDING = re.compile(
    # The text runs to the last comma before "according to": "Hohhot, capital of ...,
    # aims to ..., according to NAME" says all of it.
    r"^(?P<text>\S.*),\s+(?P<verb>according to|citing)\s+"
    # "according to Hainan governor Liu Xiaoming": title words before the name.
    + r"(?:(?:the\s+)?(?:[A-Z][\w'’\-]*\s+){0,2}(?:[a-z][\w\-]*\s+){1,3}(?=[A-Z]))?"
    # A surname alone ("according to Gao.") counts once the person is known.
    + r"(?P<name>" + _NAME + r"|[A-Z][a-z]+)"
    + r"(?:,\s+(?P<app>[^;\"“”]{3,250}?))?"
    # "..., said Mayor Liao Guoxun on Jan 25.": when it was said.
    + r"(?:\s+on\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][a-z]+day))?" + _END_OF_SENTENCE,
    re.DOTALL,
)  # fmt: skip
# [LEAD, ][TITLE ]Speaker [also] believes [that] TEXT
_SHORT_REPORTED = re.compile(
    _LEAD + r"(?:" + _TITLE_BEFORE_NAME + r")?" + _SPEAKER_REF
    # "Gao, also a member of the CAE, expressed support for ...": a known person's appositive.
    + r"(?:,\s+(?:also\s+)?(?:a|an|the)\s+[^,;\"“”]{3,150}?,)?"
    + r"\s+(?:also\s+|further\s+|then\s+)?(?:has\s+|have\s+|had\s+)?(?:also\s+)?" + _VERB
    # "told the Global Times on Thursday that ...": whom it was said to, then what.
    + r"(?:(?<=told)\s+(?:(?:the|a|an)\s+(?:same\s+)?)?(?:[A-Z]|reporters|journalists|media|press|news|"
    + r"briefing|conference)[^;\"“]{0,80}?\s+that\s+|"
    # "said in an interview with China Daily that ...": where, then what.
    + r"(?P<mid>\s+(?:in|at|during|on|to)\s[^;\"“]{0,120}?(?=\s+that\s|,\s|:\s))?"
    # "announced the goal at the conference": what is announced in lower case is its object.
    + r"(?:\s+that\s+|,\s+|:\s+|" + _NO_OBJECT_BEFORE + r"\s+(?=[a-z])"
    # "Jing said 83 GWh of batteries were produced ...": a figure opens what was said.
    + r"|" + _NO_OBJECT_BEFORE + r"(?<!added)(?<!adds)\s+(?=\d[\d,.]*\s)"
    # "he said Hohhot has the conditions ...": a named subject and its verb.
    + r"|\s+(?=[A-Z][a-z]+\s+(?:has|have|is|are|was|were|will|would|can|could|should|must|needs?|"
    + r"plans?|aims?|started|began|became|remains?|continues?)\b)))"
    + r"(?P<text>\S.*)$",
    re.DOTALL,
)  # fmt: skip
# The speaker ends on a non-space, so "\s+" is tried once per word, not once
# per space of a long run of spaces.
_DESCRIBED_REPORTED = re.compile(
    r"^(?P<speaker>[^,;\"“]{2,119}?[^\s,;\"“])\s+" + _VERB + r"\s+that\s+(?P<text>\S.*)$",
    re.DOTALL,
)
# "TEXT, said the mayor of Jincheng City, which is ...": an office, resolved to its holder.
_TRAILING_VERB_OFFICE = re.compile(
    r"^(?P<text>\S.*?),\s+" + _VERB + r"\s+(?P<speaker>" + _BY_OFFICE + r")"
    r"(?:\s+of\s+(?:the\s+)?[A-Z](?:[^,;\"“”]{0,59}?[^\s,;\"“”])?)?(?:,\s++[^;\"“”]{2,199}?[^\s;\"“”])?"
    + _END_OF_SENTENCE,
    re.DOTALL,
)
# According to the mayor, TEXT
_ACCORDING_OFFICE = re.compile(
    r"^[Aa]ccording\s+to\s+(?P<speaker>" + _BY_OFFICE + r"),\s+(?P<text>\S.*)$", re.DOTALL
)
# TEXT, according to the mayor.
_TRAILING_ACCORDING_OFFICE = re.compile(
    r"^(?P<text>\S.*),\s+(?P<verb>according to)\s+(?P<speaker>" + _BY_OFFICE + r")"
    + _END_OF_SENTENCE,
    re.DOTALL,
)  # fmt: skip
# "NAME, TITLE, made this prediction at ...": the sentence before is what NAME said.
_BACK_REFERENCE = re.compile(
    r"^(?P<name>" + _NAME + r"),\s+" + _APP + r",\s+(?P<verb>made|gave|delivered)\s+"
    r"(?:this|these|the|such)\s+(?:predictions?|remarks|statements?|forecasts?|estimates?)\b"
)
_BACK_REFERENCE_WORDS = ("prediction", "remarks", "statement", "forecast", "estimate")
_TRAILING_DESCRIBED = re.compile(
    r"^(?P<text>\S.*?),\s+(?P<speaker>(?:an?|the|one|its)\s+(?:[\w'’\-]+\s+){0,3}?(?:official|spokesperson|"
    r"spokesman|spokeswoman|analyst|economist|expert|researcher|professor|executive|insider|deputy|"
    r"lawmaker|legislator|delegate|" + _OFFICE + r")s?"
    # "a deputy to the National People's Congress said during the two sessions."
    + r"(?:\s+(?:of|to|at|from|with)\s+(?:the\s+)?[A-Z][^,;\"“”]{2,60}?)?)\s+"
    + _VERB + r"(?:\s+(?:on|at|in|during)\s+[^,\"“”]{0,60})?" + _END_OF_SENTENCE,
    re.DOTALL,
)  # fmt: skip


# "Han Xiaoping, chief researcher at X, is not so optimistic ...": a person
# introduced with an appositive, whom a following "he said" may mean.
# The appositive may hold a company's "Co., Ltd.".
_INTRODUCED = re.compile(
    # "In a recent interview with CGTN, NAME, TITLE, highlighted ...": a lead first.
    _NAMED_LEAD
    + _NAMED_PERSON
    + r",\s+(?P<app>(?:[^,;\"“”]|,\s*(?=Ltd\b|Inc\b|LLC\b)){3,250}?),\s+"
    r"(?:who\s+)?(?=[a-z])"
)


# The lookbehind sits after the name's first capital: before it, it kept the pattern
# from skipping to capitals (twice as slow over a text).
_NAME_NOT_IN_A_WORD = _NAME.replace("(?:[A-Z][a-z]+", "(?:[A-Z](?<![\\w'’][A-Z])[a-z]+", 1)
_NAMED_WITH_APPOSITIVE = re.compile(r"(?P<name>" + _NAME_NOT_IN_A_WORD + r"),\s+" + _APP + r",")


@dataclass(frozen=True)
class _Introduction:
    position: int
    name: str
    app: str
    app_span: tuple[int, int]
    sentence: Sentence


_BARE_QUOTE = re.compile(_QUOTE)
# "Xpeng Aeroht, the flying car unit of Chinese EV-maker Xpeng Motors, has ...": a firm.
_FIRM_APPOSITIVE = re.compile(
    r"(?:the|a|an|its)\s+(?:[\w'’\-]+\s+){0,4}?(?:unit|subsidiary|arm|company|firm|maker|"
    r"manufacturer|producer|developer|operator|group|startup|start-up|platform|brand|supplier)\b"
)
_INDEFINITE = re.compile(r"(?:a|an)\s", re.IGNORECASE)
_ARTICLE_FIRST = re.compile(r"(?:a|an|the)\s")


_REPORTING = re.compile(
    r"\b(?:"
    + "|".join(re.escape(v) for v in VERBS)
    + r"|[Aa]ccording to|citing|view|opinion|put it)\b"
)


@dataclass(frozen=True)
class _Rule:
    """A reported-speech shape: how a sentence names its speaker.

    named: the speaker is a person named with an appositive (a new expert);
    known: the speaker must be a known expert, a pronoun, a reference alias
    or a full name; described: an unnamed speaker ("an official") kept
    unresolved.
    """

    name: str
    pattern: re.Pattern[str]
    speaker: str  # "named" | "known" | "described"
    # Words the sentence must hold for the pattern to be worth trying (a cheap
    # test before a pattern that would scan the sentence and fail).
    needs: tuple[str, ...] = ()
    # The needed words as one pattern: a search in C rather than a generator over
    # the words (every sentence that reports speech asks every rule).
    needed: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        if self.needs:
            object.__setattr__(self, "needed", re.compile("|".join(map(re.escape, self.needs))))

    def may_match(self, text: str) -> bool:
        return self.needed is None or self.needed.search(text) is not None


SENTENCE_RULES = (
    _Rule("name, appositive, said that", _NAMED_REPORTED, "named"),
    _Rule("name, appositive, said:", _NAMED_COLON, "named"),
    # "TEXT, ..., according to NAME, TITLE." before "[lead,] according to NAME, TEXT":
    # a lead is never a whole clause that the trailing rule reads as the text.
    _Rule("..., according to / citing name", _TRAILING_ACCORDING, "named",
          ("ccording to", "citing")),
    _Rule("according to name,", _ACCORDING, "named", ("ccording to",)),
    _Rule("organization's name said", _ORGANIZATIONS_PERSON, "named", ("'s ", "’s ")),
    _Rule("title name said", _TITLED_NAME_REPORTED, "named",
          ("overnor", "ayor", "ecretary", "rofessor", "hairman", "hairwoman", "eputy", "awmaker",
           "egislator", "ember", "nalyst", "esearcher", "conomist", "xpert", "fficial", "irector",
           "remier", "pokes", "ounder", "CEO")),
    _Rule("the title, name, said", _APPOSITIVE_FIRST, "named", ("he ",)),
    _Rule("name from place said", _NAME_FROM, "named", (" from ", " of ")),
    _Rule("in name's view,", _IN_VIEW, "named", ("view", "opinion")),
    _Rule("as name put it,", _AS_PUT_IT, "named", ("As ",)),
    _Rule("..., said name, appositive", _TRAILING_VERB_NAME, "named"),
    _Rule("..., name, appositive, said", _TRAILING_NAME_VERB, "named"),
    _Rule("[lead,] [title] speaker said", _SHORT_REPORTED, "known"),
    _Rule("an official said that", _DESCRIBED_REPORTED, "described", (" that ",)),
    _Rule("..., an official said", _TRAILING_DESCRIBED, "described"),
    _Rule("..., according to the mayor", _TRAILING_ACCORDING_OFFICE, "described", ("ccording to",)),
    _Rule("..., said the mayor", _TRAILING_VERB_OFFICE, "described",
          (" said the ", " says the ", " added the ", " noted the ", " stressed the ",
           " said its ", " says its ", " explained the ", " emphasized the ", " pointed out the ")),
    _Rule("according to the mayor,", _ACCORDING_OFFICE, "described", ("ccording to",)),
)  # fmt: skip

# A quotation's speaker follows it in its paragraph: a quotation closing one
# paragraph is not said by "NAME, TITLE, said" opening the next.
# '"... as new industry rises", said Lou Huining': the comma may follow the closing mark.
_SAME_PARAGRAPH = r"[ \t]*(?:,[ \t]*)?"
# "QUOTE," said NAME, APPOSITIVE.
_QUOTE_THEN_VERB_NAME = re.compile(
    _QUOTE
    + _SAME_PARAGRAPH
    + _VERB
    # '"...," said iSuppli senior analyst Gu Wenjun.': a firm and a title first.
    # '"...," said Wenchang Mayor Liu Chun.': a place and a capitalised title.
    + r"\s+(?:(?P<pre_title>(?:[\w'’\-]+\s+){0,2}?(?:"
    + _LOWER_TITLE
    + r"|"
    + _CAPITAL_TITLE
    + r"))\s+(?=[A-Z]))?"
    + r"(?P<name>"
    + _HONORIFIC
    + r"?"
    + _NAME
    + r"|"
    + _HONORIFIC
    + r"?[A-Z][a-z]+)(?:,\s+(?P<app>(?:Co\.|Ltd\.|Inc\.|Corp\.|[^.;\"“”]){3,250}?)"
    # "said Hu at the news briefing held by ...": where it was said, after a bare name;
    # "said Tang Teng from Dongfeng's strategic planning department.": whose he is.
    # "said Mayor Chen Shoubin in Shanghai on Sunday.": where and when.
    # (what follows ends on a word: a run of spaces is no stretch of it to try)
    + r"|\s+(?:at|during|while|from|of|in|on)\s(?:[^.;\"“”\n]{0,199}?[^\s.;\"“”])?)?"
    r"\s*(?:[.;](?=[ \t]*(?:\n|$)|\s+[A-Z\"“])|,(?!\s*(?:Ltd|Inc|LLC))|$)"
)


# NAME (full, honorific + surname, or pronoun)[, APPOSITIVE,] [also] VERB
def _speaker_then_verb(after_quote: bool = False) -> str:
    # After a quotation the appositive's closing comma may be missing ('"...," Deng
    # Zixin, chairman of the alliance and an academician of the CAS told ...'): tried
    # only when the closing comma is not found, and then with no comma inside.
    open_app = r"|,\s+(?P<app_open>[^,.!?\"“”]{3,250}?)" if after_quote else ""
    return (
        r"(?P<name>" + _HONORIFIC + r"?" + _NAME + r"|" + _HONORIFIC + r"?[A-Z][a-z]+|" + _PRONOUN
        # An appositive never runs over the end of a sentence.
        + r")(?:,\s+(?P<app>(?:(?![.!?]\s)[^\"“”]){3,250}?)," + open_app
        + r")?\s+(?:also\s+)?" + _VERB
    )  # fmt: skip


_SPEAKER_THEN_VERB = _speaker_then_verb()
_SPEAKER_THEN_VERB_AFTER_QUOTE = _speaker_then_verb(after_quote=True)
# "QUOTE," NAME[, APPOSITIVE,] said.
_QUOTE_THEN_NAME_VERB = re.compile(
    _QUOTE
    + _SAME_PARAGRAPH
    + r"(?:(?P<pre_title>"
    + _LOWER_TITLE
    + r")\s+(?=[A-Z]))?"
    + _SPEAKER_THEN_VERB_AFTER_QUOTE
    + r"\b"
)
# "QUOTE," the mayor said.
_QUOTE_THEN_OFFICE_VERB = re.compile(
    _QUOTE + r"\s*(?P<speaker>" + _BY_OFFICE + r")\s+(?:also\s+)?" + _VERB + r"\b"
)
# NAME[, APPOSITIVE,] said: "QUOTE"
_NAME_VERB_QUOTE = re.compile(_SPEAKER_THEN_VERB + r"(?:\s+[^\"“:]{0,80}?)?[:,]\s*" + _QUOTE)
_MEDIA = re.compile(r"\b(?:Daily|News|Times|Post|Agency|Radio|Television|TV|Network|Press|Media)\b")
# "Jiang Duntao:" on a line of its own (or before the answer): a transcript's speaker.
# "Wei Liucheng (Secretary of the CPC Committee of Hainan Province):" over what he said.
_TURN_LABEL = re.compile(
    r"^[ \t]*(?P<name>"
    + _HONORIFIC
    + r"?[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,2})(?:[ \t]*\((?P<title>[^()\n]{2,150})\))?"
    + r"[ \t]*:[ \t]*(?P<rest>)",
    re.MULTILINE,
)
_CONTINUED_QUOTE = re.compile(r"[ \t]*,[ \t]*" + _QUOTE)
# The rest of the attribution ("..., the manufacturer of the trucks."), then a
# quotation that closes the paragraph.
_NEXT_QUOTE = re.compile(r"[^\"“”\n]{0,250}?[.!?]?[ \t]+" + _QUOTE + r"[ \t]*(?=\n|$)")
# "Li said that ... focusing on three key areas." then "First, ..." and "Second,
# ...": the points the speaker announced, each a paragraph of its own.
_ANNOUNCES_POINTS = re.compile(
    r"\b(?:two|three|four|five|six|several|the following)\s+(?:\w+\s+)?(?:areas|aspects|ways|"
    r"points|measures|tasks|priorities|steps|fronts|directions)\b|:\s*$",
    re.IGNORECASE,
)
_POINT = re.compile(
    r"[ \t]*\n\s*(?P<point>(?:First|Second|Third|Fourth|Fifth|Sixth|Firstly|Secondly|Thirdly|"
    r"Finally|Lastly|In addition|Moreover)\b,?[^\n]*)"
)
# '"QUOTE," he said, adding that the zone is expected to ...': a second statement.
_ADDING_THAT = re.compile(
    r"[ \t]*,[ \t]*(?:adding|noting|stressing|saying)\s+that\s+(?P<text>[^\n\"“”]{10,600}?[.!?])"
    r"(?=[ \t]*(?:\n|$)|\s+[A-Z\"“])"
)
# A paragraph that is one quotation and nothing else goes on from the speaker
# of the quotation before it.
_QUOTE_PARAGRAPH = re.compile(r"[ \t]*(?:\n[ \t]*)+" + _QUOTE + r"[ \t]*(?=\n|$)")


@dataclass
class Expert:
    name: str
    title: str | None
    organization: str | None
    parent_organization: str | None
    aliases: set[str] = field(default_factory=set)


@dataclass
class StatementFact:
    speaker_text: str
    expert_name: str | None
    verb: str
    kind: str
    text: str
    start: int
    end: int
    sentence_index: int | None
    # The ranges of the body whose words, joined by a space and normalized,
    # make text; empty for the common case of the one range start-end. A quote
    # continued after "he said," is two ranges inside one span.
    parts: tuple[tuple[int, int], ...] = ()


@dataclass
class SpeechResult:
    experts: dict[str, Expert]
    statements: list[StatementFact]
    excluded_spans: list[tuple[int, int]]  # statement and appositive spans
    statement_sentences: set[int]


def split_organization(org: str) -> str | None:
    """The parent body named in 'X of the Y' / 'X under Y', when both are organizations."""
    separators = list(re.finditer(r"\s+(?:of|under)\s+(?:the\s+)?", org))
    for separator in reversed(separators):
        left, right = org[: separator.start()], org[separator.end() :]
        if right[:1].isupper() and ORG_HEADS.search(left) and ORG_HEADS.search(right):
            return right.strip()
    return None


# "chairman of the alliance and an academician of the CAS": the second part's article
# is enough without a comma.
_SECOND_PART = re.compile(
    r",\s+(?:and\s+(?:also\s+)?(?:a|an|the)|(?:also\s+)?(?:a|an)|one\s+of)\s+|"
    r"\s+and\s+(?:also\s+)?an?\s+"
)


def parse_appositive(app: str | None) -> tuple[str | None, str | None, str | None]:
    """'director of the Institute of X of the Y' -> (title, organization, parent)."""
    if not app:
        return None, None, None
    # "of Xi'an Jiaotong University" after a name: an organization without a title.
    of_organization = re.match(r"(?:of|from|at|with)\s+(?:the\s+)?", app)
    if of_organization:
        org = app[of_organization.end() :].strip()
        return None, org, split_organization(org)
    # "president of ebogame, an online games developer": the second part
    # describes the organization; the first holds the title and its name.
    app = _SECOND_PART.split(app.strip(), maxsplit=1)[0]
    app = re.sub(r"^(?:a|an|the)\s+", "", app, flags=re.IGNORECASE)
    titled = _TITLE_FIRST.match(app) is not None
    for match in re.finditer(r"\s+(?:of|at|with|from|for|in)\s+(?:the\s+)?", app):
        org = app[match.end() :].strip()
        if org[:1].isupper() or ORG_HEADS.search(org) or (titled and match.start() < 40):
            title = app[: match.start()].strip()
            if not title:
                continue
            # "X under Y": the unit is X, part of Y.
            under = re.search(r"\s+under\s+(?:the\s+)?", org)
            if under and ORG_HEADS.search(org[under.end() :]):
                return title, org[: under.start()], org[under.end() :].strip()
            # "Co., Ltd. in Fuzhou": where it is, not what it is.
            org = re.sub(r"\s+(?:in|based in)\s+[A-Z][a-z]+$", "", org)
            return title, org, split_organization(org)
    return app, None, None


def _family_names(name: str) -> set[str]:
    parts = re.split(r"[\s]+", name)
    return {parts[0], parts[-1]} if len(parts) > 1 else set()


class _Registry:
    def __init__(self, reference_aliases: dict[str, str]) -> None:
        self.experts: dict[str, Expert] = {}
        self.reference_aliases = reference_aliases
        self.last: str | None = None

    def add(self, name: str, app: str | None) -> Expert:
        # "said Governor Li Xiaopeng": the title written before the name.
        title_before = _TITLE_PREFIX.match(name)
        if app is None and title_before:
            app = title_before.group(0).strip()
        name = _bare_name(name)
        expert = self.experts.get(name)
        title, org, parent = parse_appositive(app)
        if expert is None:
            expert = Expert(name, title, org, parent, _family_names(name))
            expert.aliases |= {a for a, n in self.reference_aliases.items() if n == name}
            self.experts[name] = expert
        elif expert.title is None and title:
            expert.title, expert.organization, expert.parent_organization = title, org, parent
        self.last = name
        return expert

    def resolve(self, speaker: str) -> str | None:
        speaker = _bare_name(speaker)
        if _PRONOUN_RE.fullmatch(speaker):
            return self.last
        if speaker in self.experts:
            self.last = speaker
            return speaker
        for expert in self.experts.values():
            if speaker in expert.aliases:
                self.last = expert.name
                return expert.name
        return None


# "Governor Li Bingjun": a title written as part of the name.
_TITLE_PREFIX = re.compile(
    r"^(?:(?:Vice|Deputy|Acting|Executive|Provincial|Municipal)\s+)*"
    r"(?:Governor|Mayor|Premier|Chairman|Chairwoman|Secretary|Director|President|Minister|Dean|"
    # "Representative Liao Wenbin said": a deputy to a people's congress.
    r"Representative|Delegate|Deputy|Academician|Professor)\s+"
    r"(?=[A-Z][a-z]+[\- ][A-Z])"
)


_LOWER_TITLE_START = re.compile(r"\b(?:" + _LOWER_TITLE + r"|" + _CAPITAL_TITLE + r")")
_DETERMINER = re.compile(r"^(?:its|the|their|his|her|a|an)\s+", re.IGNORECASE)


def _org_before_title(pre_title: str) -> str:
    """ "iSuppli senior analyst" → "senior analyst at iSuppli"; "its mayor" → "mayor"."""
    # "Mayor of Fuzhou Municipal Government,": the comma before the name is no part of it.
    pre_title = _DETERMINER.sub("", pre_title.strip().rstrip(","))
    title = _LOWER_TITLE_START.search(pre_title)
    if title is None or title.start() == 0:
        return pre_title
    return f"{pre_title[title.start() :]} at {pre_title[: title.start()].strip()}"


def _bare_name(name: str) -> str:
    name = _TITLE_PREFIX.sub("", _HONORIFIC_START.sub("", name)).strip()
    surname, _, given = name.partition(" ")
    if len(surname) > 1 and surname.isupper() and given[:1].isupper():
        return f"{surname.title()} {given}"  # "YANG Weiping" is Yang Weiping
    return name


# "NAME, TITLE, said: "QUOTE"" ends where a quotation opens after a colon or comma;
# tried only in the stretch before each such opening (the pattern's longest speaker,
# appositive and lead-in fit in it), not at every capitalized word of the text.
_OPENING = re.compile(r"[:,]\s*[\"“]")
_BEFORE_OPENING = 450


# Where a speaker can begin: a capital (a name, an honorific) or a pronoun's h/s.
_SPEAKER_START = re.compile(r"[A-Zhs]")


def _matches(pattern: re.Pattern[str], body: str) -> list[re.Match[str]]:
    if pattern is not _NAME_VERB_QUOTE:
        return list(pattern.finditer(body))
    found: dict[int, re.Match[str]] = {}
    covered = 0
    for opening in _OPENING.finditer(body):
        quote_at, end = opening.end() - 1, opening.end() + 3001
        # As finditer from the window's start would, but tried only where a
        # speaker can begin (six times faster, the same matches).
        resume = max(covered, opening.start() - _BEFORE_OPENING)
        for start in _SPEAKER_START.finditer(body, resume, opening.start()):
            if start.start() < resume:
                continue
            match = pattern.match(body, start.start(), end)
            if match is None:
                continue
            if match.start("quote") == quote_at:
                found.setdefault(match.start(), match)
                covered = match.end()
                break
            resume = match.end()
    return sorted(found.values(), key=lambda m: m.start())


def _quote_text(match: re.Match[str]) -> tuple[str, int, int]:
    group = next(g for g in ("q1", "q2", "q3") if match.group(g) is not None)
    return match.group(group), match.start(group), match.end(group)


# "Hunan Governor, Xu Dazhe, joined ...": a title, then the name in the appositive.
# "Chief Economist of Nomura said", "Foreign Investors from Europe said": a title or a
# group of people, no name.
_ENDS_WITH_TITLE = re.compile(
    r"\b(?:Governor|Mayor|Secretary|Chairman|Chairwoman|Director|President|Minister|Premier|"
    r"Chief|Economist|Analyst|Researcher|Scientist|Professor|Official|Investors|Officials|"
    r"Analysts|Economists|Experts|Residents|Traders|Executives|Entrepreneurs|Leaders|Observers|"
    r"Insiders|Workers|Farmers|Members|Deputies)$"
)


def _name_and_appositive(name: str, app: str) -> tuple[str, str]:
    if _ENDS_WITH_TITLE.search(name) and _NAME_RE.fullmatch(app):
        return app, _org_before_title(name)
    return name, app


def _person_like(name: str, known_place_names: Set[str]) -> bool:
    tokens = _HONORIFIC_START.sub("", name).split()
    # "according to the Xinhua News Agency": an organization, not a person.
    return (
        bool(tokens)
        and tokens[0] not in _NOT_NAMES
        and name not in known_place_names
        and not ORG_HEADS.search(name)
        and not _FIRM_WORDS.search(name)
        # "said the mayor of Jincheng City": a place's name, not a person's.
        and not _PLACE_WORDS.search(name)
        # "according to Guizhou Daily": an outlet; "Hunan Governor": a title.
        and not _MEDIA.search(name)
        and not _ENDS_WITH_TITLE.search(name)
    )


_PLACE_WORDS = re.compile(
    r"\b(?:City|County|Province|District|Prefecture|Municipality|Region|Town|Village)$"
)
# "Auto Forecast Solutions predicted ...", "told Yicai Global": a firm's or an
# outlet's name, not a person's (words that do not head a government body's name).
_FIRM_WORDS = re.compile(
    r"\b(?:Solutions?|Research|Analytics|Analysis|Insights?|Intelligence|Consultancy|Advisory|"
    r"Technolog(?:y|ies)|Motors|Systems|Economics|Ratings|Investments?|Ventures|Markets|Global|"
    r"Media|Networks?)\b"
)


def extract_speech(
    body: str,
    sentences: list[Sentence],
    reference_aliases: dict[str, str],
    place_names: Set[str],
) -> SpeechResult:
    return _Speech(body, sentences, reference_aliases, place_names).read()


class _Speech:
    """Direct quotations over the whole text first, then reported speech sentence by
    sentence, skipping what a quotation already took."""

    def __init__(
        self,
        body: str,
        sentences: list[Sentence],
        reference_aliases: dict[str, str],
        place_names: Set[str],
    ) -> None:
        self.body = body
        self.sentences = sentences
        self.reference_aliases = reference_aliases
        self.place_names = place_names
        self.registry = _Registry(reference_aliases)
        self.statements: list[StatementFact] = []
        self.excluded: list[tuple[int, int]] = []
        self.statement_sentences: set[int] = set()
        # Lookups by offset are binary searches: a long article has thousands of
        # sentences and quotes, and a scan per question would be quadratic.
        self.sentence_starts = [s.start for s in sentences]
        self.sentence_ends = [s.end for s in sentences]
        # is_covered[i] is 1 when offset i is inside a quotation already taken;
        # covered_starts (sorted) are where those quotations begin.
        self.is_covered = bytearray(len(body) + 1)
        self.covered_starts: list[int] = []
        self.named_by_surname: dict[str, list[re.Match[str]]] | None = None
        self.introductions = [
            _Introduction(
                sentence.start, *_name_and_appositive(found.group("name"), found.group("app")),
                (sentence.start + found.start("app"), sentence.start + found.end("app")), sentence,
            )
            for sentence in sentences
            if (found := _INTRODUCED.match(sentence.text))
            and _person_like(_name_and_appositive(*found.group("name", "app"))[0], place_names)
            and not _FIRM_APPOSITIVE.match(found.group("app"))
        ]  # fmt: skip

    def read(self) -> SpeechResult:
        # A press-conference transcript: every turn after a "NAME:" line is said.
        # A turn ends at the next label, a person's or a questioner's ("China News Service:").
        every_label = list(_TURN_LABEL.finditer(self.body))
        ends = [m.start() for m in every_label[1:]] + [len(self.body)] if every_label else []
        turns = [(m, end) for m, end in zip(every_label, ends, strict=True)
                 if self._is_person(m.group("name"))]  # fmt: skip
        # A label with its title on a line of its own needs no second one.
        # One person's turn beside a questioner's label ("Guangming Daily:") is a transcript too.
        if (
            len(turns) >= 2
            or (turns and len(every_label) > len(turns))
            or any(
                m.group("title")
                and _TITLE_FIRST.search(m.group("title"))
                and self.body.startswith("\n", m.end())
                for m, _ in turns
            )
        ):
            for label, end in turns:
                self._turn(label, end)
        # Direct quotations, over whole paragraphs: a quote may span sentences.
        for pattern in (_QUOTE_THEN_VERB_NAME, _QUOTE_THEN_NAME_VERB, _NAME_VERB_QUOTE):
            for quoted in _matches(pattern, self.body):
                if not self.is_covered[quoted.start("quote")]:
                    self._quotation(pattern, quoted)
        for quoted in _QUOTE_THEN_OFFICE_VERB.finditer(self.body):
            if not self.is_covered[quoted.start("quote")]:
                self._office_quotation(quoted)
        for index, sentence in enumerate(self.sentences):
            if self._is_quoted(sentence):
                # "NAME, TITLE, says that X, to which Ma adds, “...”": what comes
                # before the quotation may still report someone else's speech.
                before = self._before_quotation(sentence)
                if before is not None and _REPORTING.search(before.text):
                    self._reported(before)
                continue
            if index and any(word in sentence.text for word in _BACK_REFERENCE_WORDS):
                self._back_reference(sentence, self.sentences[index - 1])
            if _REPORTING.search(sentence.text):
                # Most sentences report no speech: one search skips the rules.
                self._reported(sentence)
        for introduction in self.introductions:
            self._introduced_quotation(introduction)
        self.statements.sort(key=lambda s: s.start)
        self._resolve_offices()
        self._resolve_pronouns()
        self._resolve_late_surnames()
        self._name_unnamed_leads()
        return SpeechResult(
            self.registry.experts, self.statements, self.excluded, self.statement_sentences
        )

    def _is_person(self, name: str) -> bool:
        # "Chongqing Daily:" asks the questions of a transcript; it is no person.
        return (
            _person_like(name, self.place_names)
            and not ORG_HEADS.search(name)
            and not _MEDIA.search(name)
        )

    def _turn(self, label: re.Match[str], end: int) -> None:
        """Each paragraph of a speaker's turn is one statement of theirs."""
        name = _bare_name(label.group("name"))
        expert = self.registry.resolve(name) or self.registry.add(name, label.group("title")).name
        start = label.start("rest")
        for paragraph_start, paragraph_end in paragraphs(self.body[:end], start):
            first, last = trim(self.body, paragraph_start, paragraph_end)
            if _TURN_LABEL.match(self.body, first) or len(self.body[first:last].split()) < 4:
                continue
            self._add(name, expert, "said", "direct", self.body[first:last], first, last)
            self._cover(first, last)
            self.statement_sentences.update(
                s.index
                for s in sentences_overlapping(self.sentences, self.sentence_ends, first, last)
            )

    def _quoted_phrase(self, quoted: re.Match[str]) -> bool:
        """'to "explore the market of ...", said Lu': a comma after the closing mark
        closes a quotation only when the quotation opens its sentence."""
        if "quote" not in quoted.re.groupindex:
            return False
        after = self.body[quoted.end("quote") : quoted.end("quote") + 3].lstrip(" \t")
        if not after.startswith(","):
            return False
        before = self.body[max(0, quoted.start("quote") - 3) : quoted.start("quote")].rstrip(" \t")
        return not (before == "" or before.endswith(("\n", ".", "!", "?", ":")))

    def _back_reference(self, sentence: Sentence, previous: Sentence) -> None:
        found = _BACK_REFERENCE.match(sentence.text)
        if (
            found is None
            or not _person_like(found.group("name"), self.place_names)
            or self._is_quoted(previous)
            or previous.index in self.statement_sentences
        ):
            return
        name, app = found.group("name"), found.group("app")
        expert = self.registry.resolve(name) or self.registry.add(name, app).name
        self.excluded.append(
            (sentence.start + found.start("app"), sentence.start + found.end("app"))
        )
        self._add(name, expert, found.group("verb"), "indirect", previous.text, previous.start,
                  previous.end)  # fmt: skip
        self.statement_sentences.add(previous.index)

    def _office_quotation(self, quoted: re.Match[str]) -> None:
        text, start, end = _quote_text(quoted)
        if len(text.split()) < 4:
            return
        self._add(quoted.group("speaker"), None, quoted.group("verb"), "direct", text, start, end)
        self._cover(quoted.start("quote"), end)
        self.statement_sentences.update(
            s.index for s in sentences_overlapping(self.sentences, self.sentence_ends, start, end)
        )

    def _resolve_offices(self) -> None:
        """ "the mayor said" is the article's one expert whose title is mayor, if only one."""
        for index, statement in enumerate(self.statements):
            office = re.fullmatch(_BY_OFFICE, statement.speaker_text, re.IGNORECASE)
            if statement.expert_name is not None or office is None:
                continue
            title = re.search(_OFFICE + r"$", statement.speaker_text, re.IGNORECASE)
            assert title is not None  # the pattern ends with the office
            holders = [
                name
                for name, expert in self.registry.experts.items()
                if expert.title
                and re.search(
                    r"\b" + re.escape(title.group(0).lower()) + r"\b", expert.title.lower()
                )
            ]
            if len(holders) == 1:
                self.statements[index] = dataclasses.replace(statement, expert_name=holders[0])

    def _name_surname_from_earlier(self, match: re.Match[str], before: int) -> None:
        """ "..., said Tuniyaz.": a surname no expert holds yet is the person named in
        full with an appositive earlier in the text ("delivered by Erkin Tuniyaz,
        chairman of the regional government, at ..."), who becomes an expert."""
        groups = match.groupdict()
        surname = groups.get("name") or groups.get("name2") or groups.get("speaker") or ""
        if not re.fullmatch(r"[A-Z][a-z]+", surname) or surname in _NOT_NAMES:
            return
        if self.registry.resolve(surname) is not None:
            return
        earlier = [m for m in self._named_with_appositive().get(surname, []) if m.start() < before]
        if earlier:
            self.excluded.append(earlier[-1].span("app"))
            self.registry.add(earlier[-1].group("name"), earlier[-1].group("app"))

    def _named_with_appositive(self) -> dict[str, list[re.Match[str]]]:
        """Full names followed by an appositive, by their first and last word: one scan
        of the text, however many surnames ask."""
        if self.named_by_surname is None:
            self.named_by_surname = {}
            for found in _NAMED_WITH_APPOSITIVE.finditer(self.body):
                words = found.group("name").split()
                if _person_like(found.group("name"), self.place_names):
                    for word in {words[0], words[-1]}:
                        self.named_by_surname.setdefault(word, []).append(found)
        return self.named_by_surname

    def _introduced_quotation(self, introduction: _Introduction) -> None:
        """ "NAME, TITLE, introduced a computer at the fair. “The computer is made in
        ...”": a quotation no one is said to speak, in the paragraph that introduced a
        person, is that person's."""
        if introduction.sentence.index in self.statement_sentences:
            return  # a speaker, whose quotations the rules above have read
        paragraph_end = self.body.find("\n", introduction.sentence.end)
        if paragraph_end == -1:
            paragraph_end = len(self.body)
        quoted = _BARE_QUOTE.search(self.body, introduction.sentence.end, paragraph_end)
        if quoted is None or self.is_covered[quoted.start("quote")]:
            return
        text, start, end = _quote_text(quoted)
        if len(text.split()) < 4:
            return
        expert = self._antecedent(introduction)
        self._add(introduction.name, expert, "said", "direct", text, start, end)
        self._cover(quoted.start("quote"), quoted.end("quote"))
        self.statement_sentences.update(
            s.index for s in sentences_overlapping(self.sentences, self.sentence_ends, start, end)
        )

    def _resolve_pronouns(self) -> None:
        """ "he said" is the person named last before it, by position (the patterns
        ran in another order): a speaker, or someone introduced with an appositive.
        Reported speech by a pronoun with no one named before it, and any pronoun
        after an unnamed speaker ("an official said"), is dropped. A surname
        two experts share ("Liu said") is likewise the last of them named before."""
        introductions = iter(self.introductions)
        pending = next(introductions, None)
        antecedent: str | _Introduction | None = None
        unnamed = False  # the last speaker before is one the text does not name
        last_of_surname: dict[str, str] = {}
        resolved = []
        for statement in self.statements:
            while pending is not None and pending.position <= statement.start:
                antecedent, pending, unnamed = pending, next(introductions, None), False
            the_person = _THE_PERSON_RE.fullmatch(statement.speaker_text)
            if the_person or _PRONOUN_RE.fullmatch(statement.speaker_text):
                expert = None if unnamed else self._antecedent(antecedent)
                if (
                    the_person
                    and expert is not None
                    and not _fits_the_person(
                        statement.speaker_text, self.registry.experts[expert].title
                    )
                ):
                    # "An official with the department ... According to the official,"
                    # after an economist was quoted: someone the text does not name.
                    resolved.append(statement)
                    antecedent, unnamed = None, True
                    continue
                if expert is None and (unnamed or statement.kind == "indirect"):
                    # "An official said ... “...,” he said.": no one named. What it
                    # says is the article's own again (its places among them).
                    if (statement.start, statement.end) in self.excluded:
                        self.excluded.remove((statement.start, statement.end))
                    continue
                statement = dataclasses.replace(statement, expert_name=expert)
            elif statement.speaker_text in last_of_surname:
                # "said Chen, who is also ..." after "Mayor Chen Shaowang said": named
                # before, so a "he said" after it is his.
                statement = dataclasses.replace(
                    statement, expert_name=last_of_surname[statement.speaker_text]
                )
            elif statement.expert_name is None:
                antecedent, unnamed = None, True
            if statement.expert_name in self.registry.experts:
                antecedent, unnamed = statement.expert_name, False
                for surname in self.registry.experts[statement.expert_name].aliases:
                    last_of_surname[surname] = statement.expert_name
            resolved.append(statement)
        self.statements = resolved

    def _antecedent(self, antecedent: str | _Introduction | None) -> str | None:
        if not isinstance(antecedent, _Introduction):
            return antecedent
        known = self.registry.resolve(antecedent.name)
        if known is not None:
            return known
        self.excluded.append(antecedent.app_span)
        return self.registry.add(antecedent.name, antecedent.app).name

    def _name_unnamed_leads(self) -> None:
        """ "Ningxia is ..., a deputy to the NPC said during the two sessions.\n\nChen
        Chunping, also executive vice-chairman of ..., outlined plans ...": the unnamed
        speaker of a paragraph is the person the next paragraph opens by introducing."""
        for index, statement in enumerate(self.statements):
            if statement.expert_name is not None or not _INDEFINITE.match(statement.speaker_text):
                continue
            paragraph_end = self.body.find("\n", statement.end)
            if paragraph_end == -1:
                continue
            following = next((i for i in self.introductions if i.position > paragraph_end), None)
            if following is None or self.body[paragraph_end : following.position].strip():
                continue
            expert = self._antecedent(following)
            self.statements[index] = dataclasses.replace(statement, expert_name=expert)

    def _resolve_late_surnames(self) -> None:
        """'"…," said Hu.' read before 'Hu Yuting, governor of Jilin, said …' (quotations
        come first): the surname is the person the reported speech named, if only one."""
        for index, statement in enumerate(self.statements):
            if statement.expert_name is None and re.fullmatch(
                r"[A-Z][a-z]+", statement.speaker_text
            ):
                owners = [
                    name
                    for name, expert in self.registry.experts.items()
                    if statement.speaker_text in expert.aliases
                ]
                if len(owners) == 1:
                    self.statements[index] = dataclasses.replace(statement, expert_name=owners[0])

    def _add(self, speaker: str, expert: str | None, verb: str, kind: str, text: str,
             start: int, end: int, parts: tuple[tuple[int, int], ...] = ()) -> None:  # fmt: skip
        index = sentence_at(self.sentences, self.sentence_starts, start)
        self.statements.append(
            StatementFact(
                speaker, expert, verb, kind, normalize(text), start, end,
                self.sentences[index].index if index is not None else None, parts,
            )
        )  # fmt: skip
        self.excluded.append((start, end))

    def _cover(self, start: int, end: int) -> None:
        self.is_covered[start:end] = b"\x01" * (end - start)
        self.covered_starts.insert(bisect_left(self.covered_starts, start), start)

    def _before_quotation(self, sentence: Sentence) -> Sentence | None:
        """The sentence up to the quotation taken inside it, if words come first."""
        if self.is_covered[sentence.start]:
            return None
        cut = self.covered_starts[bisect_left(self.covered_starts, sentence.start)]
        text = sentence.text[: cut - sentence.start].rstrip(' \t"“')
        if len(text.split()) < 6:
            return None
        return dataclasses.replace(sentence, end=sentence.start + len(text), text=text)

    def _is_quoted(self, sentence: Sentence) -> bool:
        first_after = bisect_left(self.covered_starts, sentence.start)
        return bool(self.is_covered[sentence.start]) or (
            first_after < len(self.covered_starts)
            and self.covered_starts[first_after] < sentence.end
        )

    def _quotation(self, pattern: re.Pattern[str], quoted: re.Match[str]) -> None:
        name = quoted.group("name")
        if not (_PRONOUN_RE.fullmatch(name) or _person_like(name, self.place_names)):
            return
        if pattern is not _NAME_VERB_QUOTE and self._quoted_phrase(quoted):
            return
        text, start, end = _quote_text(quoted)
        # '"We are confident," Li said. "The cluster will ..."': the short first
        # part is passed over, what follows is still the speaker's.
        short = len(text.split()) < 4
        if short and _NEXT_QUOTE.match(self.body, quoted.end()) is None:
            return
        expert = self._quoted_expert(pattern, quoted, name)
        # "First part," he said, "second part." is one statement.
        tail = _CONTINUED_QUOTE.match(self.body, quoted.end())
        parts: tuple[tuple[int, int], ...] = ()
        if tail is not None and pattern is not _NAME_VERB_QUOTE:
            more, more_start, more_end = _quote_text(tail)
            parts = ((start, end), (more_start, more_end))
            text, end = f"{text} {more}", more_end
        if not short:
            self._add(name, expert, quoted.group("verb"), "direct", text, start, end, parts)
        self._cover(quoted.start("quote"), end)
        adding = (
            _ADDING_THAT.match(self.body, quoted.end())
            if pattern is _QUOTE_THEN_NAME_VERB
            else None
        )
        if adding is not None:
            self._add(name, expert, quoted.group("verb"), "indirect", adding.group("text"),
                      adding.start("text"), adding.end("text"))  # fmt: skip
            end = max(end, adding.end("text"))
        # "“A,” said NAME, TITLE. “B.”": a quotation closing the paragraph goes on.
        if pattern is not _NAME_VERB_QUOTE:
            end = (
                self._following_quotation(
                    max(end, quoted.end()), name, expert, quoted.group("verb")
                )
                or end
            )
        end = self._quotation_paragraphs(max(end, quoted.end()), name, expert, quoted.group("verb"))
        self.statement_sentences.update(
            s.index for s in sentences_overlapping(self.sentences, self.sentence_ends, start, end)
        )

    def _quoted_expert(
        self, pattern: re.Pattern[str], quoted: re.Match[str], name: str
    ) -> str | None:
        expert = self.registry.resolve(name)
        if expert is not None or _PRONOUN_RE.fullmatch(name):
            return expert
        groups = quoted.groupdict()
        app_group = next((g for g in ("app", "app_open") if groups.get(g)), None) or (
            "pre_title" if "pre_title" in quoted.re.groupindex else "app"
        )
        app = quoted.group(app_group)
        if app is not None and app_group == "pre_title":
            app = _org_before_title(app)
        if (
            app is not None
            and pattern is not _NAME_VERB_QUOTE
            and not (
                ORG_HEADS.search(app) or re.match(r"(?:a|an|the)\s", app) or _TITLE_FIRST.match(app)
            )
        ):
            app = None
        if not (app or len(name.split()) > 1):
            return None
        span = (quoted.start(app_group), quoted.end(app_group)) if app else None
        if span:
            self.excluded.append(span)
        return self.registry.add(name, app).name

    def _following_quotation(
        self, position: int, speaker: str, expert: str | None, verb: str
    ) -> int | None:
        """A quotation closing the paragraph after a statement is the same speaker's;
        where it ends, or None."""
        following = _NEXT_QUOTE.match(self.body, position)
        if following is None or self.is_covered[following.start("quote")]:
            return None
        more, more_start, more_end = _quote_text(following)
        if len(more.split()) < 4:
            return None
        self._add(speaker, expert, verb, "direct", more, more_start, more_end)
        self._cover(more_start, more_end)
        return more_end

    def _points(self, position: int, speaker: str, expert: str | None, verb: str) -> None:
        """Paragraphs opening with "First,", "Second," ... after the statement that
        announced them: each is the speaker's."""
        line_end = self.body.find("\n", position)
        while line_end != -1:
            point = _POINT.match(self.body, line_end)
            if point is None or self.is_covered[point.start("point")]:
                return
            start, end = trim(self.body, point.start("point"), point.end("point"))
            self._add(speaker, expert, verb, "indirect", self.body[start:end], start, end)
            self._cover(start, end)
            self.statement_sentences.update(
                s.index
                for s in sentences_overlapping(self.sentences, self.sentence_ends, start, end)
            )
            line_end = self.body.find("\n", point.end())

    def _quotation_paragraphs(
        self, position: int, speaker: str, expert: str | None, verb: str
    ) -> int:
        """Paragraphs that are only a quotation, right after the paragraph holding a
        statement, go on in the speaker's voice; where the last of them ends."""
        line_end = self.body.find("\n", position)
        while line_end != -1:
            following = _QUOTE_PARAGRAPH.match(self.body, line_end)
            if following is None or self.is_covered[following.start("quote")]:
                break
            more, more_start, more_end = _quote_text(following)
            if len(more.split()) < 4:
                break
            self._add(speaker, expert, verb, "direct", more, more_start, more_end)
            self._cover(following.start("quote"), following.end("quote"))
            position = more_end
            line_end = self.body.find("\n", following.end())
        return position

    def _reported(self, sentence: Sentence) -> None:
        for rule in SENTENCE_RULES:
            if not rule.may_match(sentence.text):
                continue
            match = rule.pattern.match(sentence.text)
            if match is None or len(match.group("text").split()) < 3:
                # "Chen highlighted the" where a partial page breaks off says nothing.
                continue
            self._name_surname_from_earlier(match, sentence.start)
            speaker = _rule_speaker(rule, match, sentence.start, self.registry,
                                    self.reference_aliases, self.place_names,
                                    self.excluded)  # fmt: skip
            if speaker is None:
                continue
            speaker_text, expert_name = speaker
            _add_reported(self._add, match, sentence.start, speaker_text, expert_name)
            self.statement_sentences.add(sentence.index)
            # "NAME, TITLE, stressed that ... . "We must ..."": the quotation that
            # closes the paragraph is the same speaker's.
            verb = match.groupdict().get("verb") or "according to"
            end = self._following_quotation(sentence.end, speaker_text, expert_name, verb)
            self._quotation_paragraphs(end or sentence.end, speaker_text, expert_name, verb)
            if _ANNOUNCES_POINTS.search(match.group("text")):
                self._points(sentence.end, speaker_text, expert_name, verb)
            return


_SUBJECT_PRONOUN = {"him": "he", "her": "she", "he": "he", "she": "she"}


def _subject_pronoun(word: str) -> str:
    """ "him" stands, like "he", for the person named before; "the official" too, kept
    as written so that the person's title can be checked against it."""
    if not word:
        return ""
    return _SUBJECT_PRONOUN.get(word, " ".join(word.split()) if word.startswith("the") else "")


_THE_PERSON_RE = re.compile(_THE_PERSON)
# What a person's title must hold for "the official", "the expert", ... to be them.
_TITLES_OF = {
    "official": re.compile(
        r"mayor|governor|secretary|director|head|chief|official|commissioner|minister|deputy|"
        r"chair|spokes|party|president|commander",
        re.IGNORECASE,
    ),
    "executive": re.compile(
        r"ceo|president|chair|manager|executive|founder|director|partner", re.IGNORECASE
    ),
}
_SCHOLARLY = re.compile(
    r"expert|professor|researcher|economist|analyst|scholar|fellow|research|institute|"
    r"university|academy|dean",
    re.IGNORECASE,
)


def _fits_the_person(noun_phrase: str, title: str | None) -> bool:
    """ "According to the official": the person named before, if an official."""
    noun = noun_phrase.split()[-1].lower()
    return bool(title) and (_TITLES_OF.get(noun, _SCHOLARLY).search(title or "") is not None)


def _rule_speaker(
    rule: _Rule,
    match: re.Match[str],
    offset: int,
    registry: _Registry,
    reference_aliases: dict[str, str],
    place_names: Set[str],
    excluded: list[tuple[int, int]],
) -> tuple[str, str | None] | None:
    """(speaker as written, expert name or None), or None when the rule does not apply."""
    if rule.speaker == "described":
        speaker = match.group("speaker")
        if rule.pattern is _DESCRIBED_REPORTED and not _DESCRIBED.match(speaker):
            return None
        return speaker, None
    groups = match.groupdict()
    name = (
        groups.get("name")
        or groups.get("name2")
        or groups.get("speaker")
        or _subject_pronoun(groups.get("object_pronoun") or "")
    )
    known = registry.resolve(name)
    if known is None and name in reference_aliases:
        known = reference_aliases[name]
        if known not in registry.experts:
            registry.add(known, None)
    if known is not None:
        return name, known
    if _PRONOUN_RE.fullmatch(name) or _THE_PERSON_RE.fullmatch(name):
        # Whom it means is settled by position once the whole text is read.
        return name, None
    if not _person_like(name, place_names):
        return None
    app_group = "app_of" if groups.get("app_of") else "app"
    app = groups.get(app_group)
    if groups.get("pre_title") and not app:
        app_group, app = "pre_title", _org_before_title(groups["pre_title"])
    if groups.get("org"):
        # "CATL's chairman NAME": his title at that organization.
        app_group, app = (
            "org",
            f"{groups.get('title') or 'of'} of {groups['org']}".removeprefix("of "),
        )
    # One word is a surname of someone named before, or a firm ("according to the
    # Wuhan-based automaker Dongfeng"): a new person is named in full.
    # "Qizhala, chairman of the regional government, said": one name, as many Tibetan
    # and Uyghur names are, with a title after it.
    one_named = (
        app is not None
        and len(name) >= 4
        and _TITLE_FIRST.match(app.strip()) is not None
        # "Huawei, a partner of the project, said": a firm's appositive has an article.
        and not _ARTICLE_FIRST.match(app.strip())
    )
    if rule.speaker == "named" and (len(_bare_name(name).split()) > 1 or one_named):
        span = (offset + match.start(app_group), offset + match.end(app_group)) if app else None
        if span:
            excluded.append(span)
        return name, registry.add(name, app).name
    if rule.speaker == "known" and len(name.split()) > 1 and not ORG_HEADS.search(name):
        return name, registry.add(name, None).name
    return None


# "BEIJING, June 27 (Xinhua) -- " or "(Yicai) Jan. 24 -- " before what was said.
_DATELINE_LEAD = re.compile(
    r"^(?:[A-Z][A-Za-z'’.\- ]{1,40},\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s*)?\([A-Za-z .]{2,40}\)\s*"
    r"(?:[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s*)?(?:--|—|–)\s*"
)


def _add_reported(
    add: Callable[..., None], match: re.Match[str], offset: int, speaker: str, expert: str | None
) -> None:
    text = match.group("text")
    lead = _DATELINE_LEAD.match(text)
    skipped = lead.end() if lead else 0
    start, end = offset + match.start("text") + skipped, offset + match.end("text")
    verb = match.groupdict().get("verb") or "according to"
    add(speaker, expert, verb, "indirect", text[skipped:], start, end)

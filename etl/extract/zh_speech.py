"""Experts and statements in Chinese text.

Two rules, each a pattern and the clause in which the speaker is looked for:
  reported:  [ORG TITLE] NAME [在接受…采访时] 表示/指出/认为/称/说/介绍…, CONTENT
             (or NAME 说：“QUOTE”)
  quoted:    “QUOTE” NAME 介绍说
The speaker is the last person name (jieba's part-of-speech tag nr) in the
clause before the verb, rather than a guess at how long names are; 他/她
continue the last speaker. What stands before the name in the clause is the
organization and the title ("山东省发展和改革委员会发展规划处" + "处长").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from etl.extract.speech import Expert, SpeechResult, StatementFact
from etl.extract.text import trim
from etl.extract.zh_names import person_pinyin

VERBS = (
    "表示", "指出", "认为", "介绍", "坦言", "强调", "透露", "直言", "提到", "谈到", "说道",
    "分析", "建议", "解释", "补充", "告诉记者", "看来", "回忆", "提出", "呼吁", "谈及", "坦陈",
    "感慨", "称", "说",
)  # fmt: skip
_VERB = "(?P<verb>" + "|".join(sorted(VERBS, key=len, reverse=True)) + r")(?:说|道|称)?"
# Reported speech: the verb, then a comma or colon, or the quotation itself.
_REPORTED = re.compile(_VERB + r"\s*(?:[,，:：]\s*|(?=[“「]))")
_QUOTED = re.compile(
    r"[“「](?P<quote>[^“”「」\n]{4,3000})[”」]\s*[,，]?\s*(?P<clause>[^,，。；;:：“”「」\n]{1,80}?)"
    + _VERB
)
# An interview transcript: a speaker's name opening a line, or a guest's answers.
_NOT_A_SPEAKER = r"(?!记者|问|答|来源|编辑|嘉宾|时间|简介|摘要|作者|主持人|责编)"
_TURN = re.compile(
    r"^[ \t\u3000]*"
    + _NOT_A_SPEAKER
    + r"(?P<name>[\u4e00-\u9fff]{2,4})[:：]\s*(?P<content>[^\n]{6,})",
    re.MULTILINE,
)
# A line of its own that introduces a person: organization, title, name.
_TITLE_LINE = re.compile(r"^[ \t\u3000]*(?P<line>[^\n，,。“”:：]{4,50}?)[。 \t]*$", re.MULTILINE)
_NEXT_LINES = re.compile(r"(?<=\n)[^\n]+")
_LABELLED = re.compile(r"^[ \t\u3000]*[^\n:：,，。]{1,12}[:：]")
_GUEST = re.compile(r"嘉宾[:：]\s*(?P<guest>[^\n]{2,80})")
_ANSWER = re.compile(r"问[:：][^?？\n]{2,200}[?？]\s*(?P<answer>(?:(?!问[:：])[^\n])+)")
_CLAUSE_START = re.compile(r"[,，。；;！？!?”」\n:：)）]")
_PRONOUN = re.compile(r"^(?:据)?(?:他|她)")
_NOT_SPEAKING = re.compile(r"(?:据|比如|可以|换句话|总的来|虽|听|或者|就是|来)$")
_TITLE_WORDS = (
    "书记|副书记|省长|副省长|市长|副市长|区长|县长|主任|副主任|院长|副院长|所长|副所长|处长|局长|"
    "厅长|部长|司长|主席|副主席|委员|代表|教授|副教授|研究员|副研究员|总经理|董事长|总裁|经理|"
    "秘书长|总工程师|首席经济学家|经济学家|分析师|发言人|新闻发言人|负责人|理事长|会长|院士|博士|"
    "专家|创始人|首席执行官|总监|主管|研究室主任|党委书记|党组书记|市委书记|省委书记|常委|巡视员|"
    "党组成员|党委委员|总经济师|总会计师|董事|监事"
)
# Any title may be a deputy's (副厅长, 副总经理) or ranked (一级巡视员).
_TITLE_TAIL = re.compile(
    r"(?:(?:副|常务副|常务|执行|[一二]级)?(?:" + _TITLE_WORDS + r")(?:兼|、)?)+$"
)


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


# Part-of-speech tags (first letter) a given name is never read as: verbs,
# prepositions, adverbs, conjunctions, particles, punctuation, numbers.
_NOT_GIVEN_NAME = frozenset("vpdcuxmqf")


@dataclass
class _Speaker:
    """Spans in the body: the name, and the title and organization before it."""

    name: tuple[int, int]
    title: tuple[int, int] | None
    organization: tuple[int, int] | None


@functools.cache
def segmenter():
    """jieba, quiet, with its dictionary loaded once per process."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@functools.cache
def pos_tagger():
    """jieba.posseg (part-of-speech tags), after the dictionary is loaded."""
    segmenter()
    import jieba.posseg

    return jieba.posseg


def _person_in(clause: str, offset: int, is_place: set[str]) -> _Speaker | None:
    """The last person name of a clause, with what precedes it as organization and title."""
    position, found = 0, None
    tokens = [(t.word, t.flag) for t in pos_tagger().cut(clause)]
    for index, (word, flag) in enumerate(tokens):
        length = len(word)
        if flag == "nr" and length == 1 and index + 1 < len(tokens):
            # jieba splits an unknown given name off its surname: 王/nr 小伶/n.
            following, following_flag = tokens[index + 1]
            # The last word before the speech verb is the given name whatever its tag
            # (杨/nr 知评/v 介绍).
            is_last = index + 2 == len(tokens)
            if len(following) <= 2 and (is_last or following_flag[:1] not in _NOT_GIVEN_NAME):
                length += len(following)
        if (
            flag == "nr"
            and 2 <= length <= 4
            and clause[position : position + length] not in is_place
        ):
            found = (position, position + length)
        position += len(word)
    if found is None:
        return None
    start, end = found
    # "尼加提·司马义": a transliterated name keeps every part joined by the middle dot.
    while end + 1 < len(clause) and clause[end] in "·•・" and _HAN_CHAR.match(clause, end + 1):
        end += 1
        while end < len(clause) and _HAN_CHAR.match(clause, end):
            end += 1
    while start >= 2 and clause[start - 1] in "·•・" and _HAN_CHAR.match(clause, start - 2):
        start -= 1
        while start > 0 and _HAN_CHAR.match(clause, start - 1):
            if _TITLE_TAIL.search(clause, 0, start):
                break
            start -= 1
    before_start, before_end = _strip_span(clause, 0, start, " 、,，据由")
    title = organization = None
    tail = _TITLE_TAIL.search(clause, before_start, before_end)
    if tail is not None and tail.group(0):
        title = _strip_span(clause, tail.start(), tail.end(), "兼、")
        organization = _strip_span(clause, before_start, tail.start(), " 、")
    elif before_end > before_start:
        organization = (before_start, before_end)
    return _Speaker(
        (offset + start, offset + end),
        _shift(title, offset),
        _shift(organization, offset),
    )


def _strip_span(text: str, start: int, end: int, chars: str) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _shift(span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    if span is None or span[0] >= span[1]:
        return None
    return span[0] + offset, span[1] + offset


def _content_end(text: str, start: int) -> int:
    """A quotation runs to its closing mark; reported speech to the end of its sentence."""
    if text[start : start + 1] in "“「":
        close = re.compile(r"[”」]").search(text, start + 1, start + 3000)
        if close is not None:
            return close.end()
        # The excerpt cut the quotation: it runs to the end of its sentence.
    end = re.compile(r"[。！？!?\n]").search(text, start)
    return end.end() if end else len(text)


class ChineseSpeech:
    def __init__(self, is_place: set[str]) -> None:
        self.is_place = is_place

    def extract(self, original: str, text: str, start: int = 0) -> SpeechResult:
        experts: dict[str, Expert] = {}
        statements: list[StatementFact] = []
        last_speaker: str | None = None
        events = sorted(
            [(m.start(), "quoted", m) for m in _QUOTED.finditer(text, start)]
            + [(m.start(), "reported", m) for m in _REPORTED.finditer(text, start)]
        )
        taken: set[tuple[int, int]] = set()
        for _, kind, match in events:
            if kind == "quoted":
                clause_start = match.start("clause")
                content = (match.start("quote") - 1, match.end("quote") + 1)
            else:
                clause_start = _clause_start(text, match.start(), start)
                content = (match.end(), _content_end(text, match.end()))
            clause = text[clause_start : match.start("verb")]
            if _NOT_SPEAKING.search(clause):
                continue
            speaker = self._speaker(original, text, clause, clause_start, experts, last_speaker)
            if speaker is None or content in taken or content[1] - content[0] < 6:
                continue
            taken.add(content)
            last_speaker = speaker
            statements.append(
                StatementFact(
                    speaker_text=speaker,
                    expert_name=speaker,
                    verb=match.group("verb"),
                    kind="direct" if original[content[0]] in "“「" else "indirect",
                    text=original[content[0] : content[1]].strip(),
                    start=content[0],
                    end=content[1],
                    sentence_index=None,
                )
            )
        for speaker, content in self._interview_turns(original, text, experts):
            if content not in taken and content[1] - content[0] >= 6:
                taken.add(content)
                statements.append(
                    StatementFact(
                        speaker_text=speaker,
                        expert_name=speaker,
                        verb=":",
                        kind="direct",
                        text=original[content[0] : content[1]].strip(),
                        start=content[0],
                        end=content[1],
                        sentence_index=None,
                    )
                )
        statements.sort(key=lambda s: s.start)
        spans = [(s.start, s.end) for s in statements]
        return SpeechResult(experts, statements, spans, set())

    def _introduced(
        self, original: str, text: str, position: int, experts: dict[str, Expert]
    ) -> str | None:
        """他/她 before anyone spoke: the person a title line introduced
        ("省人大代表、湖南金泰米业有限公司董事长龚瑛。")."""
        for line in reversed(list(_TITLE_LINE.finditer(text, 0, position))):
            name = self._speaker(
                original, text, line.group("line"), line.start("line"), experts, None
            )
            if name is not None:
                return name
        return None

    def _interview_turns(
        self, original: str, text: str, experts: dict[str, Expert]
    ) -> list[tuple[str, tuple[int, int]]]:
        """Transcripts: "李铁:这当然…" lines, and the answers after each 问:… of a 嘉宾."""
        turns: list[tuple[str, tuple[int, int]]] = []
        for line in _TURN.finditer(text):
            speaker = self._speaker(
                original, text, line.group("name"), line.start("name"), experts, None
            )
            if speaker is not None and speaker == original[slice(*line.span("name"))]:
                turns.append((speaker, trim(text, line.start("content"), line.end("content"))))
                # The answer goes on over the lines after it, up to the next "LABEL:".
                for more in _NEXT_LINES.finditer(text, line.end()):
                    if _LABELLED.match(more.group(0)):
                        break
                    turns.append((speaker, trim(text, more.start(), more.end())))
        guest = _GUEST.search(text)
        if guest is not None:
            clause = guest.group("guest")
            speaker = self._speaker(original, text, clause, guest.start("guest"), experts, None)
            if speaker is not None:
                for answer in _ANSWER.finditer(text, guest.end()):
                    turns.append(
                        (speaker, trim(text, answer.start("answer"), answer.end("answer")))
                    )
        return turns

    def _speaker(
        self,
        original: str,
        text: str,
        clause: str,
        offset: int,
        experts: dict[str, Expert],
        last_speaker: str | None,
    ) -> str | None:
        if _PRONOUN.match(clause.strip()):
            return last_speaker or self._introduced(original, text, offset, experts)
        person = _person_in(clause, offset, self.is_place)
        if person is None:
            return None
        name = original[slice(*person.name)]
        if re.search(re.escape(name) + r"(?:公司|集团|汽车|科技|股份|控股|银行)", original):
            return None  # "比亚迪": a firm jieba reads as a name
        expert = experts.get(name)
        if expert is None:
            pinyin = person_pinyin(text_of(clause, person, offset))
            expert = Expert(name, None, None, None, {pinyin} if pinyin else set())
            experts[name] = expert
        if person.title and not expert.title:
            expert.title = original[slice(*person.title)]
        if person.organization and not expert.organization:
            expert.organization = original[slice(*person.organization)]
        return name


def text_of(clause: str, person: _Speaker, offset: int) -> str:
    """The simplified name: pinyin is read from simplified characters."""
    return clause[person.name[0] - offset : person.name[1] - offset]


def _clause_start(text: str, position: int, floor: int) -> int:
    best = floor
    for match in _CLAUSE_START.finditer(text, max(floor, position - 80), position):
        best = match.end()
    return best

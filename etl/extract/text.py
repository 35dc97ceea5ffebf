"""Sentences, paragraphs and spans over the original text.

Everything works on offsets into the unmodified body so that every stored
span satisfies ``body[start:end] == matched text``. Only linear-time regexes
are used: a 1 MB sentence must not trigger catastrophic backtracking.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

# Periods after these words do not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "no",
        "nos",
        "st",
        "co",
        "ltd",
        "inc",
        "corp",
        "jr",
        "sr",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gov",
        "dept",
        "approx",
    ]
)
_END = re.compile(
    # Every branch starts at the mark, so the scan skips to marks.
    r"[.!?](?:[\"'”’)\]]*(?=\s+[\"“'‘(\[]?[A-Z0-9])|[\"'”’)\]]*$"
    # Scraped pages lose the space between sentences: "on Tuesday.Shandong will".
    r"|(?<=[a-z0-9].)[\"'”’)\]]*(?=[A-Z][a-z]))"
)
# Scraped pages put a headline, a byline or a paragraph on each line, so a
# line break before a capital (or a quote, or a digit) also ends a paragraph.
_PARAGRAPH_BREAK = re.compile(
    r"\n[ \t\u3000]*\n|\r\n[ \t\u3000]*\r\n|\n(?=[ \t\u3000]{2,}\S)|\r?\n(?=[ \t]*[\"“‘(\[]?[A-Z0-9])"
)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str


class SpanIndex:
    """Spans, asked "is [start, end) inside one of you?" in logarithmic time.

    A linear scan per question makes extraction quadratic on long articles
    with many statements (every mention asks about every statement).
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # The furthest end among the spans starting at or before each one.
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def contains(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, start)
        return index > 0 and self._reach[index - 1] >= end


def sentence_at(sentences: list[Sentence], starts: list[int], position: int) -> int | None:
    """Index in sentences (sorted, disjoint; starts their start offsets) of the one at position."""
    index = bisect_right(starts, position) - 1
    if index >= 0 and position < sentences[index].end:
        return index
    return None


def sentences_overlapping(sentences: list[Sentence], ends: list[int], start: int,
                          end: int) -> list[Sentence]:  # fmt: skip
    """The sentences (sorted, disjoint; ends their end offsets) that overlap [start, end)."""
    found = []
    for sentence in itertools.islice(sentences, bisect_right(ends, start), None):
        if sentence.start >= end:
            break
        found.append(sentence)
    return found


def trim(body: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the white space at either end."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(body: str, start: int = 0) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in _PARAGRAPH_BREAK.finditer(body, start):
        spans.append(trim(body, position, match.start()))
        position = match.end()
    spans.append(trim(body, position, len(body)))
    return [(s, e) for s, e in spans if e > s]


def split_sentences(body: str, start: int = 0) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph_index, (p_start, p_end) in enumerate(paragraphs(body, start)):
        position = p_start
        for match in _END.finditer(body, p_start, p_end):
            end = match.end()
            if body[match.start()] == "." and _is_abbreviation(body, p_start, match.start()):
                continue
            s, e = trim(body, position, end)
            if e > s:
                sentences.append(Sentence(len(sentences), s, e, paragraph_index, body[s:e]))
            position = end
        s, e = trim(body, position, p_end)
        if e > s:
            sentences.append(Sentence(len(sentences), s, e, paragraph_index, body[s:e]))
    return sentences


def _is_abbreviation(body: str, floor: int, dot: int) -> bool:
    word_start = dot
    while word_start > floor and (body[word_start - 1].isalpha() or body[word_start - 1] == "."):
        word_start -= 1
    word = body[word_start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # Single capital initials ("U.S.", "J. Smith").
    return len(word) == 1 and body[word_start].isupper()


_DOUBLED_ETC = re.compile(r"\betc\.\s*\.$")
_WAIT = "wait."


def normalize(text: str) -> str:
    """Clean machine-translation artifacts and whitespace for stored text.

    Linear in the text: the artifacts sit at its end, so they are found by
    stripping rather than by a regex that scans every whitespace run.
    """
    text = text.rstrip()
    # 等 rendered by machine translation as a closing "wait." after a space.
    if text.endswith(_WAIT):
        head = text[: -len(_WAIT)]
        stem = head.rstrip()
        if len(stem) < len(head):
            text = (stem[:-1] if stem.endswith((".", ",", ";")) else stem) + ", etc."
    if text.endswith(".") and "etc." in text:
        text = _DOUBLED_ETC.sub("etc.", text)
    # str.split() splits at exactly the characters \s matches, and faster.
    return " ".join(text.split())


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


# Every byte but the ASCII letters: deleting them leaves the letters to count
# (in C, without a list of thousands of one-letter matches).
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not (b < 128 and chr(b).isalpha()))


def guess_language(text: str, sample: int = 4_000) -> str:
    """ISO 639-1 code of the article's language: "zh" when Chinese characters
    outnumber Latin letters, otherwise "en" (the corpus is English news)."""
    head = text[:sample]
    latin = len(head.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
    return "zh" if len(_CJK.findall(head)) > latin else "en"


# A page saved as HTML: its tags are not words. Blanking them keeps every
# offset (the body stays as long as the file), so spans need no mapping.
_MARKUP_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]{0,2000}>|<!--[^<>]{0,2000}-->")
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article",
     "section", "tr", "table", "blockquote", "header", "footer", "figcaption", "title"}
)  # fmt: skip
_NBSP_ENTITY = re.compile(r"&nbsp;")
_LOOKS_LIKE_HTML = re.compile(r"</?(?:p|div|br|article|span|li)\b[^<>]{0,200}>", re.IGNORECASE)


def looks_like_markup(text: str) -> bool:
    return len(_LOOKS_LIKE_HTML.findall(text, 0, 20_000)) >= 2


def blank_markup(text: str) -> str:
    """Tags become spaces (a block tag a line break first), same length as before."""

    def blank(tag: re.Match[str]) -> str:
        width = tag.end() - tag.start()
        name = (tag.group(2) or "").lower()
        return ("\n" + " " * (width - 1)) if name in _BLOCK_TAGS else " " * width

    return _NBSP_ENTITY.sub("      ", _MARKUP_TAG.sub(blank, text))

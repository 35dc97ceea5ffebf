"""Chinese text: simplified characters for matching, sentences, numbers.

Matching runs on a simplified copy of the text that has the same length as
the original, character for character, so every span found on the copy is a
span of the original: a traditional-character article (國家級納米技術) is
matched with the simplified reference data and its facts keep the words as
written.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from etl.extract.text import Sentence, trim


@functools.cache
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


@functools.lru_cache(maxsize=8192)
def _simplified_char(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char


def simplified(text: str) -> str:
    """Traditional characters turned simplified, one for one (same length)."""
    return "".join(_simplified_char(c) if "\u3400" <= c <= "\u9fff" else c for c in text)


# A sentence ends at 。！？ (ASCII too), with the closing quotes that follow it,
# or at a line break: scraped pages put headlines and bylines on lines of their own.
_END = re.compile(r"[。！？!?]+[”’」』\"]*|\n+")


def split_sentences(text: str, start: int = 0) -> list[Sentence]:
    sentences: list[Sentence] = []
    position = start
    paragraph = 0
    for match in _END.finditer(text, start):
        _append(sentences, text, position, match.end(), paragraph)
        if "\n" in match.group(0):
            paragraph += 1
        position = match.end()
    _append(sentences, text, position, len(text), paragraph)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    start, end = trim(text, start, end)
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, paragraph, text[start:end]))


_DIGITS = "零〇一二两三四五六七八九十百千"
_UNITS = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(1000), "百": Decimal(100)}  # fmt: skip
NUMBER = r"(?P<number>\d+(?:,\d{3})*(?:\.\d+)?|[" + _DIGITS + r"]+)(?P<unit>万亿|亿|万|千|百)?"


def chinese_quantity(number: str, unit: str | None) -> Decimal | None:
    """'2.5', '万亿' → 2500000000000; '十五', None → 15 (Chinese numerals through cn2an)."""
    try:
        if number[0].isdigit():
            value = Decimal(number.replace(",", ""))
        else:
            import cn2an

            value = Decimal(str(cn2an.cn2an(number, "smart")))
    except (InvalidOperation, ValueError, KeyError):
        return None
    return value * _UNITS[unit] if unit else value

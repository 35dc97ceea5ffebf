"""Romanized names: a Chinese person's pinyin alias, a place's English name.

pypinyin reads the characters; a person's surname comes first and the given
name is written as one word ("史丹" → "Shi Dan", "王洪建" → "Wang Hongjian"),
so the same person quoted in English and Chinese articles meets as one
expert. Renderings no rule derives ("Stan") stay in expert_aliases.json.
"""

from __future__ import annotations

import functools

# Two-character surnames: the given name starts after them.
_COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "令狐",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "百里",
    ]
)


@functools.cache
def _pinyin(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, v_to_u=True)


def _word(syllables: list[str]) -> str:
    word = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        word += ("'" if syllable[:1] in ("a", "e", "o") else "") + syllable
    return word.replace("ü", "u").capitalize()


def person_pinyin(name: str) -> str | None:
    """'王洪建' → 'Wang Hongjian'; None for a name that is not two to four characters."""
    name = "".join(name.split())
    if not 2 <= len(name) <= 4:
        return None
    split = 2 if name[:2] in _COMPOUND_SURNAMES else 1
    syllables = _pinyin(name)
    if len(syllables) != len(name):
        return None
    return f"{_word(syllables[:split])} {_word(syllables[split:])}"


def romanize_place(place: str) -> str:
    """'文昌' → 'Wenchang', for a place the reference data does not list."""
    for suffix in ("市", "县", "区"):
        if place.endswith(suffix) and len(place) > 2:
            place = place[: -len(suffix)]
    return _word(_pinyin(place))

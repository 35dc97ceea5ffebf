"""Province and sector matchers compiled once from the reference data.

Each is a single alternation regex, longest alias first, so one left-to-right
scan finds non-overlapping longest matches ("commercial aerospace" wins over
"aerospace", "new energy vehicles" over "new energy"). Python's regex engine
tries alternatives in order, and with literal alternatives and no nested
quantifiers the scan is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.reference import ReferenceData, load_reference


@dataclass(frozen=True)
class Match:
    key: str  # province name or sector slug
    start: int
    end: int
    text: str


def _term_pattern(term: str, fold_case: bool) -> str:
    # Flexible whitespace and hyphens inside terms: "new-energy vehicles",
    # line-wrapped "new energy\nvehicles".
    body = r"[\s\-]+".join(re.escape(token) for token in re.split(r"[\s\-]+", term))
    return f"(?i:{body})" if fold_case else body


class _Matcher:
    def __init__(self, surface_to_key: dict[str, str], case_sensitive_all: bool) -> None:
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        alternatives: list[tuple[int, str, str]] = []
        for surface, key in surface_to_key.items():
            fold_case = not case_sensitive_all and not any(c.isupper() for c in surface)
            if fold_case:
                self._folded[_norm(surface.lower())] = key
            else:
                self._exact[_norm(surface)] = key
            alternatives.append((len(surface), surface, _term_pattern(surface, fold_case)))
        alternatives.sort(key=lambda item: (-item[0], item[1]))
        self._pattern = re.compile(
            r"(?<![\w\-])(?:" + "|".join(p for _, _, p in alternatives) + r")(?!\w)"
        )

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        end = len(text) if end is None else end
        found = []
        for match in self._pattern.finditer(text, start, end):
            surface = match.group(0)
            key = self._exact.get(_norm(surface)) or self._folded.get(_norm(surface.lower()))
            if key is not None:
                found.append(Match(key, match.start(), match.end(), surface))
        return found


def _norm(term: str) -> str:
    return re.sub(r"[\s\-]+", " ", term)


class Gazetteer:
    """All reference-driven matchers an extraction needs."""

    def __init__(self, reference: ReferenceData | None = None) -> None:
        reference = reference or load_reference()
        self.reference = reference
        province_terms: dict[str, str] = {}
        for province in reference.provinces:
            province_terms[province.name] = province.name
            for alias in province.aliases:
                province_terms[alias] = province.name
        # Province names are proper nouns: matched with their capitals, so
        # "hunan" in a URL or "shanxi" in lower-case prose do not count, and
        # an all-caps dateline is handled by the metadata extractor.
        self.provinces = _Matcher(province_terms, case_sensitive_all=True)
        self.province_by_upper = {t.upper(): n for t, n in province_terms.items()}
        sector_terms: dict[str, str] = {}
        for sector in reference.sectors:
            for alias in sector.aliases:
                sector_terms[alias] = sector.slug
        self.sectors = _Matcher(sector_terms, case_sensitive_all=False)
        self.sector_names = {s.slug: s.name for s in reference.sectors}
        self.expert_aliases: dict[str, str] = {}
        for expert in reference.expert_aliases:
            for alias in expert.aliases:
                self.expert_aliases[alias] = expert.name


_DEFAULT: Gazetteer | None = None


def default_gazetteer() -> Gazetteer:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Gazetteer()
    return _DEFAULT

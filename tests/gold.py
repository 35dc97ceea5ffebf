"""Scoring an extraction against a hand-made gold file, per category."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from etl.extract.gazetteer import Gazetteer


@dataclass
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int
    missing: list[Any]
    spurious: list[Any]

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def _score(expected: set[Any], actual: set[Any]) -> Score:
    return Score(
        len(expected & actual),
        len(actual - expected),
        len(expected - actual),
        sorted(expected - actual, key=str),
        sorted(actual - expected, key=str),
    )


def _fold(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def sector_slug(gazetteer: Gazetteer, words: str, article: str = "") -> str:
    # Gold words are lower case; acronyms ("6G") match only with their capitals,
    # so take the words as the article spells them.
    found = re.search(re.escape(words), article, re.IGNORECASE)
    words = found.group(0) if found else words
    matches = gazetteer.sectors.find(words)
    if len(matches) == 1 and matches[0].end - matches[0].start == len(words.strip()):
        return matches[0].key
    return f"<unmapped: {words}>"


def score_article(
    gold: dict[str, Any], got: dict[str, Any], gazetteer: Gazetteer, article: str = ""
) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    fields = ("outlet", "dateline_city", "published_on", "reporter")
    scores["article"] = _score(
        {(f, _fold(gold["article"].get(f))) for f in fields},
        {(f, _fold(got["article"].get(f))) for f in fields},
    )
    scores["provinces"] = _score(set(gold["provinces"]), set(got["provinces"]))
    scores["province_sectors"] = _score(
        {(p, sector_slug(gazetteer, w, article)) for p, w in gold["province_sectors"]},
        {(p, slug) for p, _, slug in got["province_sectors"]},
    )
    scores["quantitative_targets"] = _score(
        {(t["province"], t["quantity"], t["approximate"]) for t in gold["quantitative_targets"]},
        {(t["province"], t["quantity"], t["approximate"]) for t in got["quantitative_targets"]},
    )
    expert_key = ("name", "title", "organization", "parent_organization")
    scores["experts"] = _score(
        {tuple(_fold(e.get(k)) for k in expert_key) for e in gold["experts"]},
        {tuple(_fold(e.get(k)) for k in expert_key) for e in got["experts"]},
    )
    # A statement matches when the speaker agrees and its text starts with the
    # gold's opening words.
    expected_statements = {(s["speaker"], _fold(s["starts_with"])) for s in gold["statements"]}
    actual_statements: set[tuple[str, str]] = set()
    for statement in got["statements"]:
        text = _fold(statement["text"]).lstrip('"“ ')
        key = next(
            (
                (speaker, start)
                for speaker, start in expected_statements
                if speaker == statement["speaker"] and text.startswith(start.lstrip('"“ '))
            ),
            (statement["speaker"], text[:60]),
        )
        actual_statements.add(key)
    scores["statements"] = _score(expected_statements, actual_statements)
    return scores


def report(name: str, scores: dict[str, Score]) -> str:
    lines = [f"{name}:"]
    for category, score in scores.items():
        lines.append(
            f"  {category:22s} P={score.precision:.2f} R={score.recall:.2f} "
            f"(tp={score.true_positives} fp={score.false_positives} fn={score.false_negatives})"
        )
        for item in score.missing:
            lines.append(f"      missing:  {item}")
        for item in score.spurious:
            lines.append(f"      spurious: {item}")
    return "\n".join(lines)

"""Gold tests: the extraction against hand-made readings of whole articles.

The seed's gold is the acceptance file; the other articles were written by
the team in other outlets' styles, with gold files made by hand before the
extractor was run on them. Precision and recall per category are printed
(pytest -s) so a change that trades one for the other is visible.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.extract.gazetteer import default_gazetteer
from etl.inspect import inspect_file
from tests.conftest import FIXTURES, ROOT
from tests.gold import report, score_article

SEED = ROOT / "seeds" / "articles" / "000_363201861ca51eef.txt"
OTHER_ARTICLES = sorted((FIXTURES / "articles").glob("*.txt"))


def _scores(article: Path, gold_path: Path):
    gold = json.loads(gold_path.read_text())
    got = inspect_file(article)
    scores = score_article(gold, got, default_gazetteer(), article.read_text())
    print(report(article.name, scores))
    return scores, got


def test_seed_meets_the_acceptance_bar() -> None:
    scores, got = _scores(SEED, FIXTURES / "seed_expected.json")
    assert got["article"] == {
        **got["article"],
        "outlet": "China News Service",
        "dateline_city": "Beijing",
        "published_on": "2024-02-25",
        "reporter": "Liu Yuying",
        "is_date_inferred": True,
    }
    assert scores["provinces"].true_positives == 8 and scores["provinces"].false_positives == 0
    assert "Beijing" not in got["provinces"]
    pairs = scores["province_sectors"]
    assert pairs.true_positives >= 33 and pairs.false_positives <= 3
    assert scores["quantitative_targets"].true_positives == 4
    assert scores["experts"].true_positives == 2 and scores["experts"].false_positives == 0
    assert scores["statements"].true_positives == 3 and scores["statements"].false_positives == 0
    stan = [s for s in got["statements"] if s["speaker_text"] == "Stan"]
    assert stan and stan[0]["speaker"] == "Shi Dan"
    assert stan[0]["text"].endswith("etc.")


@pytest.mark.parametrize("article", OTHER_ARTICLES, ids=lambda p: p.stem)
def test_other_outlets_reach_ninety_percent(article: Path) -> None:
    scores, _ = _scores(article, article.with_suffix(".expected.json"))
    for category, score in scores.items():
        assert score.precision >= 0.9, (category, score.spurious)
        assert score.recall >= 0.9, (category, score.missing)


def test_there_are_at_least_three_other_articles() -> None:
    assert len(OTHER_ARTICLES) >= 3

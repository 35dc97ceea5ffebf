"""Extraction cost per article, English and Chinese: `make bench-extract`.

    python -m bench.extract_cost -n 1000

Extracts and validates (the pipeline's per-article CPU work, no database) n
synthetic articles of each language from bench/corpus.py in one process and
prints one JSON line: milliseconds per article and articles per second. The
first article of each language is left out of the timing (the gazetteers and
jieba's dictionary load once per process); the best of three passes is kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from bench.corpus import iter_articles
from etl.extract.article import extract_article
from etl.read import ArticleFile
from etl.validate import build_record

PASSES = 3


def _cost(n: int, language: str, seed: int) -> dict[str, float]:
    texts = [text for _, text in iter_articles(n + 1, seed, language)]
    _extract(texts[0])
    # The best of three passes: a shared two-core machine adds noise, never speed.
    seconds, facts = float("inf"), 0
    for _ in range(PASSES):
        started = time.perf_counter()
        facts = sum(_extract(text) for text in texts[1:])
        seconds = min(seconds, time.perf_counter() - started)
    return {
        f"{language}_ms_per_article": round(1000 * seconds / n, 3),
        f"{language}_articles_per_s": round(n / seconds, 1),
        f"{language}_facts_per_article": round(facts / n, 1),
    }


def _extract(text: str) -> int:
    data = text.encode()
    article = ArticleFile(
        path=Path("bench.txt"), sha256=hashlib.sha256(data).hexdigest(), text=text
    )
    record = build_record(article, extract_article(text), "bench.txt")
    return len(record.mentions) + len(record.initiatives) + len(record.statements)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.extract_cost", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("-n", type=int, default=1000, help="articles per language (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    figures = {"n": args.n} | _cost(args.n, "en", args.seed) | _cost(args.n, "zh", args.seed)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Extract and validate benchmark articles once, for an instruction count.

    python -m bench.extract_once --write texts.json -n 301      # the texts, once
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python -m bench.extract_once --texts texts.json -n 100

CPU time on a shared two-core machine varies by a third from run to run, so
two commits are compared by the instructions they execute (valgrind's
"I refs"), which do not vary: run with -n 100 and -n 0 and divide the
difference by 100 for the instructions per article. Run another commit's code
on the same texts with PYTHONPATH pointing at its checkout.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from bench.corpus import iter_articles
from etl.extract.article import extract_article
from etl.read import ArticleFile
from etl.validate import build_record


def _extract(name: str, text: str) -> None:
    article = ArticleFile(Path(name), hashlib.sha256(text.encode()).hexdigest(), text)
    build_record(article, extract_article(text), name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.extract_once", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("-n", type=int, default=100, help="articles to extract (default 100)")
    parser.add_argument("--texts", type=Path, help="a JSON list of [name, text] to read")
    parser.add_argument("--write", type=Path, help="write n+1 benchmark articles there and stop")
    args = parser.parse_args(argv)
    if args.write:
        args.write.write_text(json.dumps(list(iter_articles(args.n + 1, 1)), ensure_ascii=False))
        return 0
    texts = json.loads(args.texts.read_text()) if args.texts else list(iter_articles(args.n + 1, 1))
    # The first article loads the gazetteers: it is part of the -n 0 baseline.
    _extract(*texts[0])
    for name, text in texts[1 : 1 + args.n]:
        _extract(name, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

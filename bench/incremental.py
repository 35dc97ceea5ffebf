"""The daily case: a few new and edited articles into a database that already holds many.

    python -m bench.incremental --base 10000 [--seed 1] [--database-url URL] [--views]

Loads a base corpus of BASE synthetic articles (bench/corpus.py) into a fresh
database, then times three runs of `etl.pipeline.run_pipeline`, end to end:

- ``new_100_s``: a folder of 100 new articles (the next 100 of the same
  corpus), as a daily feed would hand them over;
- ``edit_100_s``: 100 of the base articles edited (a sentence appended), the
  run given those 100 files;
- ``empty_100_s``: the same 100 new articles into a fresh, empty database.

With the summaries kept batch by batch, the first two should cost about what
the third does, whatever BASE is; with the old end-of-run refresh they grew
with the corpus. ``--views`` also times the first page (``limit 2000``) of
every analytics view as a reader login would read it, as loaded (no manual
ANALYZE). Progress goes to stderr; the last line on stdout is one JSON object
with ``base_articles``, ``base_load_s``, ``new_100_s``, ``edit_100_s``,
``empty_100_s``, ``new_vs_empty``, ``edit_vs_empty``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import databases
from bench.corpus import article_text, vocabulary, write_corpus
from db.settings import mask_url
from etl.pipeline import run_pipeline

DAILY = 100
EDIT = "\nThe province will also develop robotics and new materials, officials said.\n"


def log(message: str) -> None:
    print(f"[bench-incremental] {message}", file=sys.stderr, flush=True)


def timed(url: str, paths: list[Path], what: str) -> float:
    started = time.perf_counter()
    summary = run_pipeline(url, paths)
    seconds = time.perf_counter() - started
    phases = ", ".join(f"{k} {v:.2f}s" for k, v in sorted(summary.phase_seconds.items()))
    log(f"{what}: {dict(summary.counts)} in {seconds:.2f}s ({phases})")
    return seconds


def write_new(folder: Path, base: int, seed: int) -> None:
    """Articles base .. base+99 of the corpus: what the next day brings."""
    folder.mkdir(parents=True)
    vocab = vocabulary()
    for index in range(base, base + DAILY):
        style, text = article_text(index, seed, vocab)
        (folder / f"new_{index:07d}_{style}.txt").write_text(text, encoding="utf-8")


def edit(corpus: Path) -> list[Path]:
    """Append a sentence to 100 base articles spread over the corpus."""
    files = sorted(corpus.iterdir())
    chosen = files[:: max(1, len(files) // DAILY)][:DAILY]
    for path in chosen:
        path.write_text(path.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    return chosen


def measure(server_url: str, root: Path, args: argparse.Namespace) -> dict[str, Any]:
    prefix = f"bench_incremental_{args.base}"
    corpus, new = root / "corpus", root / "new"
    started = time.perf_counter()
    written = write_corpus(corpus, args.base, args.seed)
    write_new(new, args.base, args.seed)
    log(f"corpus: {args.base} + {DAILY} articles, {written / 1e6:.1f} MB "
        f"in {time.perf_counter() - started:.1f}s")  # fmt: skip
    result: dict[str, Any] = {"base_articles": args.base}
    with databases.fresh_database(server_url, f"{prefix}_empty") as empty:
        result["empty_100_s"] = round(timed(empty, [new], "100 new into an empty database"), 3)
    with databases.fresh_database(server_url, prefix, keep=args.keep) as url:
        result["base_load_s"] = round(timed(url, [corpus], f"base of {args.base}"), 3)
        result["new_100_s"] = round(timed(url, [new], "100 new into the base"), 3)
        edited = edit(corpus)
        result["edit_100_s"] = round(timed(url, edited, "100 edited"), 3)
        if args.views:
            from bench.views import first_pages

            log("first pages as a reader login reads them (jit off), then with jit on")
            result["first_page_ms"] = first_pages(url)
            result["first_page_jit_on_ms"] = first_pages(url, overrides={"jit": "on"})
        counts = databases.row_counts(url)
        log(f"articles now: {counts['source_article']:,}, initiatives {counts['initiative']:,}")
        if args.keep:
            log(f"kept {prefix}: python -m bench.views --database-url {mask_url(url)}")
    result["new_vs_empty"] = round(result["new_100_s"] / result["empty_100_s"], 2)
    result["edit_vs_empty"] = round(result["edit_100_s"] / result["empty_100_s"], 2)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.incremental",
        description="Time 100 new and 100 edited articles against a loaded base corpus.",
        epilog="Example: python -m bench.incremental --base 10000",
    )
    parser.add_argument("--base", type=int, default=10_000, help="base articles (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument(
        "--database-url",
        help="PostgreSQL server to create the bench databases on (default DATABASE_URL, "
        "then TEST_DATABASE_URL, else an embedded server in a temporary directory)",
    )
    parser.add_argument(
        "--views", action="store_true", help="also time each view's first page, as loaded"
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the loaded database (with --database-url), e.g. for python -m bench.views",
    )
    args = parser.parse_args(argv)
    if args.base < DAILY:
        parser.error(f"--base must be at least {DAILY}")
    if args.keep and not (args.database_url or os.environ.get("DATABASE_URL")):
        parser.error("--keep needs a server that outlives the run: --database-url or DATABASE_URL")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with tempfile.TemporaryDirectory(prefix="policydb-bench-incremental-") as temporary:
        root = Path(temporary)
        with databases.server(args.database_url, root / "pgdata") as server_url:
            result = measure(server_url, root, args)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How many extraction processes a run should start: the measurement behind the default.

    python -m bench.workers [-n 3000] [--counts 0,1,2] [--rounds 2] [--database-url URL]

Writes one synthetic corpus, then loads it into a fresh database once per
worker count and round, alternating the counts so that a slow spell of a
shared machine falls on all of them alike. Each load is timed end to end
with the summed peak RSS of the ETL's processes (main + workers). Progress
goes to stderr; the last line is one JSON object: per count, the seconds of
each round, the best, and the RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench import databases
from bench.corpus import write_corpus
from bench.run import log, run_command
from etl.pipeline import default_workers


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.workers", description=__doc__.split("\n")[0]
    )
    parser.add_argument("-n", type=int, default=3000, help="articles (default 3000)")
    parser.add_argument(
        "--counts", default="0,1,2", help="worker counts to compare (default 0,1,2)"
    )
    parser.add_argument("--rounds", type=int, default=2, help="loads per count (default 2)")
    parser.add_argument("--database-url", help="server for the databases (default as bench.run)")
    args = parser.parse_args(argv)
    try:
        args.counts = [int(count) for count in args.counts.split(",")]
    except ValueError:
        parser.error("--counts takes integers separated by commas, e.g. 0,1,2")
    if args.n < 1 or args.rounds < 1 or min(args.counts) < 0:
        parser.error("-n and --rounds must be at least 1, counts at least 0")
    return args


def one_load(server_url: str, corpus: Path, workers: int, name: str) -> tuple[float, float]:
    """(seconds, summed peak RSS in MB) of one run of the command into an empty database."""
    with databases.fresh_database(server_url, name) as url:
        run = run_command(url, corpus, workers)
        return run.seconds, run.peak_rss_total_mb


def measure(server_url: str, corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    seconds: dict[int, list[float]] = {count: [] for count in args.counts}
    rss: dict[int, float] = {}
    for round_ in range(args.rounds):
        order = args.counts if round_ % 2 == 0 else list(reversed(args.counts))
        for count in order:
            taken, rss[count] = one_load(server_url, corpus, count, f"bench_workers_{os.getpid()}")
            seconds[count].append(round(taken, 2))
            log(
                f"workers {count}, round {round_ + 1}: {taken:.2f}s ({args.n / taken:.0f} articles/s)"
            )
    return {
        "articles": args.n,
        "cpus": os.cpu_count(),
        "default_workers": default_workers(),
        "by_workers": {
            str(count): {"seconds": seconds[count], "best_s": min(seconds[count]),
                         "articles_per_s": round(args.n / min(seconds[count]), 1),
                         "peak_rss_total_mb": round(rss[count], 1)}
            for count in args.counts
        },
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="policydb-bench-") as temporary:
        root = Path(temporary)
        write_corpus(root / "corpus", args.n, 1)
        with databases.server(args.database_url, root / "pgdata") as server_url:
            result = measure(server_url, root / "corpus", args)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where a run_pipeline call spends its time: cProfile around it, and only it.

    python -m bench.profile_run -n 500 [--seed 1] [--top 15] [--database-url URL]

Same as `python -m cProfile -s cumtime`, but the corpus generation, server
start and migrations stay out of the profile. Prints the top functions by
cumulative time, then by own time (tottime).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
from pathlib import Path

from bench import databases
from bench.corpus import write_corpus
from etl.pipeline import run_pipeline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_run")
    parser.add_argument("-n", type=int, default=500, help="articles (default 500)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=15, help="rows per listing (default 15)")
    parser.add_argument("--database-url", help="server (default TEST_DATABASE_URL or embedded)")
    parser.add_argument("--output", type=Path, help="also save the raw profile here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="policydb-profile-") as temporary:
        root = Path(temporary)
        write_corpus(root / "corpus", args.n, args.seed)
        with (
            databases.server(args.database_url, root / "pgdata") as server_url,
            databases.fresh_database(server_url, f"bench_{os.getpid()}_profile") as url,
        ):
            profiler = cProfile.Profile()
            summary = profiler.runcall(run_pipeline, url, [root / "corpus"])
    print(f"run_pipeline over {args.n} articles: {summary.status} in {summary.seconds:.2f}s")
    if args.output:
        profiler.dump_stats(args.output)
    for key in ("cumulative", "tottime"):
        pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats(key).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

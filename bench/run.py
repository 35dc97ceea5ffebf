"""End-to-end benchmark of the ETL on a synthetic corpus.

    python -m bench.run -n 10000 [--seed 1] [--naive-n 500] [--workers N] [--database-url URL]

Generates the corpus into a temporary directory, loads it with `python -m
etl run --json` (the command as users run it, in its own process tree, whose
processes' peak RSS are summed) into a fresh database (bench_<pid>, migrated and
reference-synced like `python -m etl db upgrade`), then measures the load
phase against its physical floor (COPY of the same rows), the rerun on the
unchanged corpus and a naive ORM baseline. Progress goes to stderr; the last
line on stdout is one JSON object with the figures (see bench/README.md).

Only public entry points are called (the command, read_article,
extract_article, build_record, the models), so the harness keeps working
when the loader moves to COPY and extraction to a process pool.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import databases, floor, naive
from bench.corpus import write_corpus
from etl.pipeline import run_pipeline
from etl.read import discover


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description="End-to-end benchmark of the ETL."
    )
    parser.add_argument("-n", type=int, default=10_000, help="articles (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument(
        "--naive-n", type=int, default=500, help="articles for the ORM baseline (default 500)"
    )
    parser.add_argument(
        "--database-url",
        help="PostgreSQL server to create the bench databases on (default DATABASE_URL, then TEST_DATABASE_URL, "
        "else an embedded server in a temporary directory)",
    )
    parser.add_argument(
        "--workers", type=int, help="extraction processes (default: the command's default)"
    )
    args = parser.parse_args(argv)
    if args.n < 1 or args.naive_n < 1:
        parser.error("-n and --naive-n must be at least 1")
    return args


# --- measurements -----------------------------------------------------------------


class ProcessTreeMemory:
    """Peak RSS of every Python process under this one (the ETL command, its
    extraction workers, multiprocessing's resource tracker), sampled from /proc
    while a run goes: each process's own high-water mark (VmHWM) is read until
    it exits, so the sum bounds what the ETL's processes held at once."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peaks: dict[int, int] = {}  # pid -> VmHWM in kB
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> ProcessTreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            for pid in _python_descendants(me):
                peak = _vm_hwm_kb(pid)
                if peak is not None:
                    self.peaks[pid] = max(peak, self.peaks.get(pid, 0))
            self._stop.wait(self.interval)

    @property
    def total_mb(self) -> float:
        return sum(self.peaks.values()) / 1024

    @property
    def largest_mb(self) -> float:
        return max(self.peaks.values(), default=0) / 1024


def _python_descendants(root: int) -> list[int]:
    parent_of: dict[int, int] = {}
    is_python: set[int] = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid = int(stat.parent.name)
            parent_of[pid] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if b"python" in (stat.parent / "cmdline").read_bytes():
                is_python.add(pid)
        except (OSError, IndexError, ValueError):
            continue
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parent_of.items() if ppid == parent]
        found += [pid for pid in children if pid in is_python]
        frontier += children
    return found


def _vm_hwm_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


@dataclass
class CommandRun:
    seconds: float
    summary: dict[str, Any]  # `run --json`
    peak_rss_mb: float  # the largest process
    peak_rss_total_mb: float  # the command and its workers together
    processes_mb: list[float]


def run_command(url: str, corpus: Path, workers: int | None = None) -> CommandRun:
    """`python -m etl run --json` as a user runs it, in its own process tree.

    Not run_pipeline in this process: a spawned worker imports its parent's
    main module, and this one (with the bench's imports) would make every
    worker heavier than the command's are.
    """
    command = [sys.executable, "-m", "etl", "--database-url", url, "run", "--json", str(corpus)]
    if workers is not None:
        command += ["--workers", str(workers)]
    started = time.perf_counter()
    with ProcessTreeMemory() as memory:
        done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise RuntimeError(f"the run failed ({done.returncode}): {done.stderr[-2000:]}")
    summary = json.loads(done.stdout)
    log(
        f"run {summary['run_id']} {summary['status']} in {seconds:.2f}s: "
        f"{summary['loaded']} loaded, {summary['unchanged']} unchanged, "
        f"{summary['replaced']} replaced, {summary['rejected']} rejected"
    )
    for rejection in summary["rejections"][:5]:
        log(f"  rejected {rejection['path']}: {rejection['reason']}")
    processes = sorted((kb / 1024 for kb in memory.peaks.values()), reverse=True)
    return CommandRun(seconds, summary, memory.largest_mb, memory.total_mb, processes)


def phase_seconds(summary: dict[str, Any]) -> tuple[float, float]:
    """(extract_s, load_s) as the pipeline measured them, in its main process.

    extract_s is the time the pipeline spent reading files and waiting for
    the worker processes' results; load_s the time in load transactions
    (COPY and commit). With extraction overlapping loading, the two add up to
    less than the CPU time spent, and close to the wall time.
    """
    phases = summary["phase_seconds"]
    return phases.get("read", 0.0) + phases.get("extract", 0.0), phases.get("load", 0.0)


def copy_floor_seconds(server_url: str, loaded_url: str, name: str, directory: Path) -> float:
    directory.mkdir(exist_ok=True)
    tables = floor.snapshot(loaded_url, directory)
    rows = sum(t.rows for t in tables)
    with databases.fresh_database(server_url, name) as target_url:
        floor.check_same_reference(loaded_url, target_url)
        seconds = floor.copy_floor_seconds(target_url, tables)
    log(f"copy floor: {rows:,} rows in {len(tables)} tables COPYed in {seconds:.2f}s")
    return seconds


def naive_rate(server_url: str, name: str, corpus: Path, count: int) -> float:
    paths = list(discover([corpus]))[:count]
    with databases.fresh_database(server_url, name) as url:
        seconds, loaded = naive.naive_seconds(url, paths)
    log(f"naive ORM baseline: {loaded} articles in {seconds:.2f}s")
    return loaded / seconds


# --- the run ----------------------------------------------------------------------


def generate(directory: Path, n: int, seed: int) -> Path:
    started = time.perf_counter()
    written = write_corpus(directory, n, seed)
    log(f"corpus: {n} articles, {written / 1e6:.1f} MB in {time.perf_counter() - started:.1f}s")
    return directory


def measure(server_url: str, corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    prefix = f"bench_{os.getpid()}"
    with databases.fresh_database(server_url, prefix) as url:
        log(f"database {prefix} ready; first run")
        first = run_command(url, corpus, args.workers)
        log("peak RSS: " + " + ".join(f"{mb:.0f}" for mb in first.processes_mb) + " MB")
        counts = databases.row_counts(url)
        log("rows: " + ", ".join(f"{t} {c:,}" for t, c in counts.items()))
        extract_s, load_s = phase_seconds(first.summary)
        copy_s = copy_floor_seconds(server_url, url, f"{prefix}_floor", corpus.parent / "floor")
        # In this process, as before: nothing is extracted, so no worker starts,
        # and the command's start-up (about 1.5 s of imports) is not the rerun's cost.
        log("rerun on the unchanged corpus")
        started = time.perf_counter()
        run_pipeline(url, [corpus], workers=args.workers)
        rerun_s = time.perf_counter() - started
    naive_per_s = naive_rate(server_url, f"{prefix}_naive", corpus, args.naive_n)
    rows = sum(counts.values())
    return {
        "articles": args.n,
        "seconds": round(first.seconds, 3),
        "articles_per_s": round(args.n / first.seconds, 2),
        "rows": rows,
        "rows_per_s": round(rows / first.seconds, 1),
        "extract_s": round(extract_s, 3),
        "load_s": round(load_s, 3),
        "copy_floor_s": round(copy_s, 3),
        "load_vs_floor": round(load_s / copy_s, 2),
        "peak_rss_mb": round(first.peak_rss_mb, 1),
        "peak_rss_total_mb": round(first.peak_rss_total_mb, 1),
        "rerun_s": round(rerun_s, 3),
        "rerun_speedup": round(first.seconds / rerun_s, 2),
        "naive_articles_per_s": round(naive_per_s, 2),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # SIGTERM (a timeout, Ctrl-C in a CI runner) must still stop the server
    # and drop the databases: turn it into an exception the cleanups see.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with tempfile.TemporaryDirectory(prefix="policydb-bench-") as temporary:
        root = Path(temporary)
        corpus = generate(root / "corpus", args.n, args.seed)
        with databases.server(args.database_url, root / "pgdata") as server_url:
            result = measure(server_url, corpus, args)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

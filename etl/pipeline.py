"""The ETL run: read -> extract -> validate -> load, in batches of whole articles.

A run is recorded in etl_run before any file is touched, and every file's
outcome in etl_run_file, committed in the same transaction as the file's
article: a run killed half-way leaves whole articles or none, and the next
run resumes by skipping what is already there (content hashes make loads
idempotent).

Reading and hashing happen here; extraction and validation, the CPU-bound
part, go to a pool of worker processes fed through a bounded window (at most
two batches in flight), so memory stays flat whatever the corpus size; the
batch being loaded overlaps with the next one being extracted. Files whose
hash is already stored are never extracted again, which is what makes a
rerun of an unchanged corpus cheap.

Only one run loads at a time, because two runs racing to replace the same
file's article would each see the other's half-finished state: a run holds
``LOCK TABLE etl_run_lock IN EXCLUSIVE MODE`` for its whole length, a lock
only the owner and the loader group may take (an advisory lock, which any
login can take, let a reader stall every run). A second run waits for it,
saying who holds it, and gives up after POLICYDB_RUN_LOCK_WAIT seconds.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Connection, create_engine, func, insert, pool, text, update
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from db import settings
from db.models import EtlRun
from db.reference import sync_reference
from db.settings import RUN_LOCK_WAIT_ENV, libpq_url
from etl import summaries
from etl import version as package_version
from etl.extract.reference import default_reference
from etl.load import PendingFile, ReferenceIds, existing_articles, load_batch
from etl.read import ArticleFile, RejectedFile, allowed_roots, discover, read_article
from etl.validate import ArticleRecord
from etl.worker import extract_record, init_worker

RUN_LOCK_TABLE = "etl_run_lock"  # locked in EXCLUSIVE mode by the run that loads
APPLICATION_NAME = "policydb run"  # in pg_stat_activity, and in "who holds the lock"
CODE_VERSION = package_version()  # pyproject.toml's, as `policydb --version` shows
BATCH_SIZE = 200
# Batches in flight: the one being loaded and the next, being extracted. More
# did not help on two cores (they are saturated) and would only cost memory.
BATCHES_IN_FLIGHT = 2
_BAD_NAME = (
    "the file name is not valid UTF-8 and cannot be recorded; rename it "
    "(e.g. convmv -f latin1 -t utf8)"
)
log = logging.getLogger(__name__)

ProgressHook = Callable[[int, int], None]
"""Told after each batch: files done so far, files in all (the command line draws the bar)."""

# Until a run has this many new articles, extraction stays in this process:
# starting worker processes would cost more than it saves.
MIN_PARALLEL = 100


@dataclass
class FileOutcome:
    path: str
    outcome: str
    reason: str | None = None


class RunAborted(RuntimeError):
    """The run could not go on (the database went away); committed articles are kept."""


@dataclass
class RunSummary:
    run_id: int
    status: str
    seconds: float
    counts: Counter[str] = field(default_factory=Counter)
    # Only rejections are kept file by file: a run over a million files must
    # not hold a million outcomes in memory.
    rejected: list[FileOutcome] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)
    phase_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    @property
    def files(self) -> int:
        return sum(self.counts.values())

    def as_dict(self) -> dict[str, Any]:
        counts = self.counts
        return {
            "run_id": self.run_id,
            "status": self.status,
            "seconds": round(self.seconds, 3),
            "files": self.files,
            "loaded": counts["loaded"],
            "unchanged": counts["unchanged"],
            "replaced": counts["replaced"],
            "rejected": counts["rejected"],
            "facts": dict(self.facts),
            # Where the time went, in this process: reading, waiting for extraction, loading.
            "phase_seconds": {k: round(v, 3) for k, v in sorted(self.phase_seconds.items())},
            "rejections": [{"path": o.path, "reason": o.reason} for o in self.rejected],
        }

    def render(self) -> str:
        counts = self.counts
        rows = [
            ("articles loaded", counts["loaded"]),
            ("articles replaced", counts["replaced"]),
            ("articles unchanged", counts["unchanged"]),
            ("files rejected", counts["rejected"]),
        ] + [(f"{name} extracted", self.facts[name]) for name in _FACT_NAMES]
        width = max(len(name) for name, _ in rows)
        lines = [f"Run {self.run_id} {self.status} in {self.seconds:.1f}s"]
        lines += [f"  {name.ljust(width)}  {value:>6}" for name, value in rows]
        for rejection in self.rejected:
            lines.append(f"  rejected {_shown(rejection.path)}: {_shown(rejection.reason or '')}")
        return "\n".join(lines)

    def record(self, pending: PendingFile) -> None:
        self.counts[pending.outcome] += 1
        if pending.outcome == "rejected":
            self.rejected.append(FileOutcome(pending.path, pending.outcome, pending.reason))
        elif pending.record is not None and pending.outcome in ("loaded", "replaced"):
            self.facts.update(_count_facts(pending.record))


_FACT_NAMES = ("provinces", "initiatives", "sectors", "targets", "experts", "statements")


def _count_facts(record: ArticleRecord) -> Counter[str]:
    return Counter(
        provinces=len({m.province for m in record.mentions if m.role != "dateline"}),
        initiatives=len(record.initiatives),
        sectors=sum(len(i.sectors) for i in record.initiatives),
        targets=sum(len(i.targets) for i in record.initiatives),
        experts=len(record.experts),
        statements=len(record.statements),
    )


def _display_path(path: Path) -> str:
    # Links are shown as themselves, not as the files they name: a link and
    # its target are two files (the second one unchanged, same text).
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(os.getcwd()))
    except ValueError:
        return str(absolute)


def _shown(text: str) -> str:
    """Text for a terminal: a control character in a file name ("\\x1b[2J") is
    written as its escape, never sent to the terminal raw."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def _stand_in_for_unstorable(shown: str) -> str | None:
    """None when the name can be stored as text; else a stand-in a person can read."""
    try:
        shown.encode("utf-8")
    except UnicodeEncodeError:
        return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return None


# --- extraction, in worker processes (etl/worker.py) -----------------------------


def default_workers() -> int:
    """Extraction processes beside the loading one: one per CPU.

    Measured with ``python -m bench.workers`` (docs/performance.md): on two
    cores shared with the database server, two workers load 5,000 articles
    15-20% faster than one, and one faster than none; extraction is most of
    a run's CPU, so the server and the loading process lose less by sharing
    than the extraction gains.
    """
    return os.cpu_count() or 1


class Extractor:
    """Runs extract_record inline (0 workers) or in a pool started on first real need."""

    def __init__(self, workers: int | None) -> None:
        self.workers = workers if workers is not None else default_workers()
        self._pool: ProcessPoolExecutor | None = None
        self._submitted = 0

    def submit(self, items: list[tuple[ArticleFile, str]]) -> list[Future[ArticleRecord | str]]:
        self._submitted += len(items)
        if self._pool is None and (self.workers < 1 or self._submitted < MIN_PARALLEL):
            return [_done(extract_record(article, path)) for article, path in items]
        if self._pool is None:
            # spawn, not fork: the parent holds database connections and threads.
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=get_context("spawn"),
                initializer=init_worker,
                initargs=(os.getpid(),),
            )
        return [self._pool.submit(extract_record, article, path) for article, path in items]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _done(result: ArticleRecord | str) -> Future[ArticleRecord | str]:
    future: Future[ArticleRecord | str] = Future()
    future.set_result(result)
    return future


# --- batches -----------------------------------------------------------------


@dataclass
class _Batch:
    files: list[PendingFile]
    futures: dict[int, Future[ArticleRecord | str]]


def _batches(paths: Iterable[Path], size: int) -> Iterator[list[Path]]:
    iterator = iter(paths)
    while batch := list(islice(iterator, size)):
        yield batch


class _Run:
    """One run's state: the load connection, the extractor, what is in flight."""

    def __init__(self, connection: psycopg.Connection[Any], run_id: int, refs: ReferenceIds,
                 extractor: Extractor, max_bytes: int | None, summary: RunSummary) -> None:  # fmt: skip
        self.connection = connection
        self.run_id = run_id
        self.refs = refs
        self.extractor = extractor
        self.max_bytes = max_bytes
        self.roots: list[Path] | None = None
        self.summary = summary
        # Texts submitted but not yet committed: a copy of one of them later in
        # the corpus is unchanged, not a second article.
        self.uncommitted_paths: dict[str, str] = {}  # text's sha256 -> the file that has it
        # Stored articles whose text another file of this run still holds
        # (article id -> that file): if their own file was edited, they move
        # to the copy instead of being deleted. One entry per duplicate file.
        self.claimed: dict[int, str] = {}

    def prepare(self, paths: list[Path]) -> _Batch:
        started = time.perf_counter()
        files: list[PendingFile] = []
        articles: dict[int, ArticleFile] = {}
        for path in paths:
            shown = _display_path(path)
            stand_in = _stand_in_for_unstorable(shown)
            if stand_in is not None:
                files.append(PendingFile(stand_in, "rejected", _BAD_NAME))
                continue
            try:
                article = read_article(path, self.max_bytes, self.roots)
            except RejectedFile as error:
                files.append(PendingFile(shown, "rejected", str(error)))
                continue
            articles[len(files)] = article
            # A loaded file keeps what reading guessed ("decoded as gb18030").
            reason = "; ".join(article.notes) or None
            files.append(PendingFile(shown, "loaded", reason, sha256=article.sha256))
        with self.connection.cursor() as cursor:
            stored = existing_articles(cursor, [a.sha256 for a in articles.values()])
        self.connection.commit()
        to_extract: list[int] = []
        for index, article in articles.items():
            pending = files[index]
            earlier = stored.get(article.sha256)
            earlier_path = earlier[1] if earlier else self.uncommitted_paths.get(article.sha256)
            if earlier_path is not None:
                pending.outcome = "unchanged"
                pending.article_id = earlier[0] if earlier else None
                pending.reason = (
                    None if earlier_path == pending.path else f"same text as {earlier_path}"
                )
                pending.is_copy = earlier_path != pending.path
                if earlier and pending.is_copy:
                    self.claimed[earlier[0]] = pending.path
            else:
                self.uncommitted_paths[article.sha256] = pending.path
                to_extract.append(index)
        self.summary.phase_seconds["read"] += time.perf_counter() - started
        futures = self.extractor.submit([(articles[i], files[i].path) for i in to_extract])
        return _Batch(files, dict(zip(to_extract, futures, strict=True)))

    def finish(self, batch: _Batch) -> None:
        started = time.perf_counter()
        for index, future in batch.futures.items():
            result = future.result()
            pending = batch.files[index]
            if isinstance(result, str):
                pending.outcome, pending.reason = "rejected", result
            else:
                pending.record = result
        loaded = time.perf_counter()
        self.summary.phase_seconds["extract"] += loaded - started
        # load_batch updates the files as it goes; a failed attempt must not
        # leave its (rolled back) ids and outcomes behind for the retry.
        before = [(f.outcome, f.reason, f.article_id) for f in batch.files]
        try:
            self._load(batch.files, self.claimed)
        except psycopg.OperationalError:
            raise
        except psycopg.Error:
            self.connection.rollback()
            for pending, (outcome, reason, article_id) in zip(batch.files, before, strict=True):
                pending.outcome, pending.reason, pending.article_id = outcome, reason, article_id
                self._load_alone(pending)
        self.summary.phase_seconds["load"] += time.perf_counter() - loaded
        for pending in batch.files:
            self.summary.record(pending)
            log.debug("%s: %s%s", _shown(pending.path), pending.outcome,
                      f" ({_shown(pending.reason)})" if pending.reason else "")  # fmt: skip
            if (
                pending.sha256 is not None
                and self.uncommitted_paths.get(pending.sha256) == pending.path
            ):
                del self.uncommitted_paths[pending.sha256]

    def _load_alone(self, pending: PendingFile) -> None:
        """After a failed batch: load one file in its own transaction, or reject it."""
        try:
            self._load([pending], self.claimed)
        except psycopg.OperationalError:
            raise
        except psycopg.Error as error:
            self.connection.rollback()
            pending.outcome, pending.record, pending.article_id = "rejected", None, None
            pending.reason = f"the database refused it: {first_line(error)}"
            self._load([pending], None)

    def _load(self, files: list[PendingFile], claimed: dict[int, str] | None) -> None:
        """One transaction: the files' articles and facts, and the summaries counting them."""
        load_batch(self.connection, files, self.refs, self.run_id, claimed)
        with self.connection.cursor() as cursor:
            summaries.add_articles(
                cursor,
                [
                    f.article_id
                    for f in files
                    if f.outcome in ("loaded", "replaced") and f.article_id is not None
                ],
            )
        self.connection.commit()


def _start_run(connection: Connection) -> int:
    # Holding the lock, any run still marked running is one that died.
    connection.execute(
        update(EtlRun)
        .where(EtlRun.status == "running")
        .values(status="interrupted", finished_at=func.now(), error="process ended mid-run")
    )
    run_id = connection.execute(
        insert(EtlRun)
        .values(code_version=CODE_VERSION, process_id=os.getpid())
        .returning(EtlRun.etl_run_id)
    ).scalar_one()
    connection.commit()
    return int(run_id)


_HOLDERS = """
select activity.pid, activity.application_name, activity.usename, activity.xact_start,
       (select format('run %s, started %s by process %s', etl_run_id,
                      to_char(started_at, 'YYYY-MM-DD HH24:MI:SS TZ'), process_id)
        from etl_run where status = 'running' order by etl_run_id desc limit 1)
from pg_locks
join pg_stat_activity as activity on activity.pid = pg_locks.pid
where pg_locks.locktype = 'relation'
    and pg_locks.database = (select oid from pg_database where datname = current_database())
    and pg_locks.relation = 'etl_run_lock'::regclass
    and pg_locks.granted
    and pg_locks.mode <> 'AccessShareLock'
    and pg_locks.pid <> pg_backend_pid()
order by activity.xact_start nulls last
"""


def lock_holders(connection: psycopg.Connection[Any]) -> str:
    """Who holds the run lock: pid, application_name, user, since when."""
    rows = connection.execute(_HOLDERS).fetchall()
    connection.rollback()
    if not rows:
        return "its holder has just let it go"
    described = []
    for pid, application, user, since, _ in rows:
        when = since.isoformat(timespec="seconds") if since else "a time this login may not see"
        described.append(
            f"held by pid {pid} (application_name {application or ''!r}, user {user}, since {when})"
        )
    running = rows[0][4]
    return "; ".join(described) + (f"; the run marked running is {running}" if running else "")


@contextlib.contextmanager
def run_lock(url: str, wait_seconds: int) -> Iterator[None]:
    """Hold the run lock for the block; wait up to ``wait_seconds`` for it, saying for whom."""
    with psycopg.connect(libpq_url(url), autocommit=True,
                         application_name=APPLICATION_NAME) as lock:  # fmt: skip
        # The lock lives as long as this connection's transaction, idle between
        # the run's own statements: no server or role default may cut it short.
        for setting in ("idle_in_transaction_session_timeout", "statement_timeout",
                        "lock_timeout"):  # fmt: skip
            lock.execute(f"set {setting} = 0")
        lock.autocommit = False
        try:
            lock.execute(f"lock table {RUN_LOCK_TABLE} in exclusive mode nowait")
        except psycopg.errors.LockNotAvailable:
            lock.rollback()
            print(f"Another ETL run is loading this database; waiting for it to finish "
                  f"(up to {wait_seconds} s): {lock_holders(lock)}", file=sys.stderr,
                  flush=True)  # fmt: skip
            try:
                lock.execute("select set_config('lock_timeout', %s, true)", [f"{wait_seconds}s"])
                lock.execute(f"lock table {RUN_LOCK_TABLE} in exclusive mode")
            except psycopg.errors.LockNotAvailable:
                lock.rollback()
                raise RunAborted(
                    f"gave up after {wait_seconds} s waiting for another ETL run to finish: "
                    f"{lock_holders(lock)}. Run again once it has ended, wait longer with "
                    f"{RUN_LOCK_WAIT_ENV}=SECONDS, or, if that session is stuck, end it "
                    "with select pg_terminate_backend(PID)."
                ) from None
        yield


def run_pipeline(url: str, paths: list[Path], max_bytes: int | None = None,
                 progress: ProgressHook | None = None, workers: int | None = None,
                 batch_size: int = BATCH_SIZE) -> RunSummary:  # fmt: skip
    """Load the article files under ``paths``; ``workers`` (extraction processes
    beside this one, 0 to extract here) defaults to ``default_workers()``.

    ``progress``, when given, is told after each batch how many files are done
    of how many (they are counted first, which costs one more listing).
    """
    configured = settings.current()  # every setting checked before anything is done
    wait, max_bytes = configured.run_lock_wait, max_bytes or configured.max_bytes
    engine = create_engine(
        url, poolclass=pool.NullPool, connect_args={"application_name": APPLICATION_NAME}
    )
    started = time.monotonic()
    try:
        with run_lock(url, wait), engine.connect() as connection:
            with Session(bind=connection) as session:
                sync_reference(session, default_reference())
                session.commit()
            run_id = _start_run(connection)
            refs = ReferenceIds(connection)
            connection.commit()
            summary = RunSummary(run_id, "running", 0.0)
            total = sum(1 for _ in discover(paths)) if progress else 0
            if progress is not None:
                progress(0, total)
            log.info("run %d: reading %s", run_id, ", ".join(str(p) for p in paths))
            extractor = Extractor(workers)
            try:
                with psycopg.connect(libpq_url(url), application_name=APPLICATION_NAME) as load:
                    run = _Run(load, run_id, refs, extractor, max_bytes, summary)
                    run.roots = allowed_roots(paths)
                    _load_all(run, _batches(discover(paths), batch_size), progress, total)
            except (OperationalError, psycopg.OperationalError) as error:
                # The server or the connection went away: nothing can be recorded
                # now; the next run marks this one interrupted when it takes the lock.
                raise RunAborted(
                    f"lost the connection to the database after {summary.files} files "
                    f"({first_line(error)}). The articles committed so far are kept; "
                    "run the same command again to load the rest."
                ) from error
            except BaseException as error:
                _finish(connection, run_id, summary, "interrupted" if isinstance(
                    error, KeyboardInterrupt) else "failed", repr(error))  # fmt: skip
                raise
            finally:
                extractor.close()
            status = "partial" if summary.rejected else "succeeded"
            _finish(connection, run_id, summary, status, None)
            summary.status = status
            if summary.counts["loaded"] or summary.counts["replaced"]:
                analyze_started = time.perf_counter()
                analyze_grown_tables(connection)
                summary.phase_seconds["analyze"] += time.perf_counter() - analyze_started
            summary.seconds = time.monotonic() - started
            return summary
    finally:
        engine.dispose()


def _load_all(run: _Run, batches: Iterator[list[Path]], progress: ProgressHook | None,
              total: int) -> None:  # fmt: skip
    in_flight: deque[_Batch] = deque()

    def finish_one() -> None:
        batch = in_flight.popleft()
        run.finish(batch)
        counts = run.summary.counts
        log.info("batch of %d files committed; %d files so far (%d loaded, %d unchanged, "
                 "%d replaced, %d rejected)", len(batch.files), run.summary.files,
                 counts["loaded"], counts["unchanged"], counts["replaced"],
                 counts["rejected"])  # fmt: skip
        if progress is not None:
            progress(run.summary.files, total)

    for paths in batches:
        # Extraction of this batch runs in the workers while the previous loads.
        in_flight.append(run.prepare(paths))
        if len(in_flight) >= BATCHES_IN_FLIGHT:
            finish_one()
    while in_flight:
        finish_one()


def analyze_grown_tables(connection: Connection) -> list[str]:
    """ANALYZE the tables a load grew markedly (analytics_cache.analyze_grown_tables),
    so the planner's first plans after a load, readers' included, have statistics;
    warn rather than fail the run."""
    try:
        analyzed = list(
            connection.execute(text("select analytics_cache.analyze_grown_tables()")).scalars()
        )
        connection.commit()
    except DBAPIError as error:
        connection.rollback()
        log.warning("statistics not refreshed after the load (%s)", first_line(error))
        return []
    if analyzed:
        log.info("analyzed %s", ", ".join(analyzed))
    return analyzed


def _finish(connection: Connection, run_id: int, summary: RunSummary, status: str,
            error: str | None) -> None:  # fmt: skip
    connection.rollback()
    counts = summary.counts
    connection.execute(
        update(EtlRun)
        .where(EtlRun.etl_run_id == run_id)
        .values(
            status=status,
            finished_at=func.now(),
            files_seen_count=summary.files,
            loaded_count=counts["loaded"],
            unchanged_count=counts["unchanged"],
            replaced_count=counts["replaced"],
            rejected_count=counts["rejected"],
            error=error,
        )
    )
    connection.commit()


def first_line(error: BaseException) -> str:
    """The first line of a database error, the part a person reads."""
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


__all__ = ["RunAborted", "RunSummary", "extract_record", "first_line", "run_pipeline"]

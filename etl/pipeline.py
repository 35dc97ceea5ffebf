"""The ETL run: read -> extract -> validate -> load, one transaction per article.

A run is recorded in etl_run before any file is touched and every file's
outcome in etl_run_file, committed with the article itself: a run killed
half-way leaves whole articles or none, and the next run resumes by skipping
what is already there (content hashes make loads idempotent). Only one run
loads at a time: a second one waits on a PostgreSQL advisory lock, because
two runs racing to replace the same file's article would each see the other's
half-finished state.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, create_engine, func, insert, pool, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db.models import EtlRun, EtlRunFile
from db.reference import sync_reference
from etl.extract.article import extract_article
from etl.extract.gazetteer import Gazetteer
from etl.load import ReferenceIds, delete_articles_at, find_by_sha, load_article
from etl.read import RejectedFile, discover, read_article
from etl.validate import ArticleRecord, build_record

RUN_LOCK_KEY = 7_311_402_001  # arbitrary, constant: "one ETL run at a time"
CODE_VERSION = "0.1.0"


class RunAborted(RuntimeError):
    """The run could not go on (the database went away); committed articles are kept."""


@dataclass
class FileOutcome:
    path: str
    outcome: str
    reason: str | None = None


@dataclass
class RunSummary:
    run_id: int
    status: str
    seconds: float
    outcomes: list[FileOutcome] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)

    @property
    def counts(self) -> Counter[str]:
        return Counter(o.outcome for o in self.outcomes)

    @property
    def rejected(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.outcome == "rejected"]

    def as_dict(self) -> dict[str, Any]:
        counts = self.counts
        return {
            "run_id": self.run_id,
            "status": self.status,
            "seconds": round(self.seconds, 3),
            "files": len(self.outcomes),
            "loaded": counts["loaded"],
            "unchanged": counts["unchanged"],
            "replaced": counts["replaced"],
            "rejected": counts["rejected"],
            "facts": dict(self.facts),
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
            lines.append(f"  rejected {rejection.path}: {rejection.reason}")
        return "\n".join(lines)


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
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path.resolve())


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


def _record_file(connection: Connection, run_id: int, outcome: FileOutcome, sha: str | None,
                 article_id: int | None) -> None:  # fmt: skip
    connection.execute(
        insert(EtlRunFile).values(
            etl_run_id=run_id,
            path=outcome.path,
            content_sha256=sha,
            outcome=outcome.outcome,
            reason=outcome.reason,
            source_article_id=article_id,
        )
    )


def _process(connection: Connection, path: Path, run_id: int, refs: ReferenceIds,
             gazetteer: Gazetteer, limit: int | None, summary: RunSummary) -> None:  # fmt: skip
    shown = _display_path(path)
    sha = None
    try:
        article = read_article(path, limit)
        sha = article.sha256
        existing = find_by_sha(connection, sha)
        if existing is not None:
            article_id, existing_path = existing
            reason = None if existing_path == shown else f"same text as {existing_path}"
            outcome = FileOutcome(shown, "unchanged", reason)
            _record_file(connection, run_id, outcome, sha, article_id)
            connection.commit()
            summary.outcomes.append(outcome)
            return
        facts = extract_article(article.text, gazetteer)
        record = build_record(article, facts, shown)
    except RejectedFile as error:
        outcome = FileOutcome(shown, "rejected", str(error))
    except ValidationError as error:
        first = error.errors()[0]
        outcome = FileOutcome(
            shown, "rejected", f"extracted facts failed validation: {first['msg']}"
        )
    except (ValueError, RecursionError) as error:
        outcome = FileOutcome(shown, "rejected", f"extraction failed: {error}")
    else:
        replaced = delete_articles_at(connection, shown)
        article_id = load_article(connection, record, refs, run_id)
        outcome = FileOutcome(shown, "replaced" if replaced else "loaded")
        _record_file(connection, run_id, outcome, sha, article_id)
        connection.commit()
        summary.outcomes.append(outcome)
        summary.facts.update(_count_facts(record))
        return
    connection.rollback()
    _record_file(connection, run_id, outcome, sha, None)
    connection.commit()
    summary.outcomes.append(outcome)


def run_pipeline(url: str, paths: list[Path], max_bytes: int | None = None,
                 show_progress: bool = False) -> RunSummary:  # fmt: skip
    engine = create_engine(url, poolclass=pool.NullPool)
    started = time.monotonic()
    try:
        with engine.connect() as connection:
            if not connection.execute(
                text("select pg_try_advisory_lock(:key)"), {"key": RUN_LOCK_KEY}
            ).scalar():
                print("Another ETL run is loading this database; waiting for it to finish...",
                      file=sys.stderr)  # fmt: skip
                connection.execute(text("select pg_advisory_lock(:key)"), {"key": RUN_LOCK_KEY})
            connection.commit()
            with Session(bind=connection) as session:
                sync_reference(session)
                session.commit()
            run_id = _start_run(connection)
            summary = RunSummary(run_id, "running", 0.0)
            gazetteer = Gazetteer()
            refs = ReferenceIds(connection)
            connection.commit()
            files = list(discover(paths))
            try:
                for number, path in enumerate(files, 1):
                    _process(connection, path, run_id, refs, gazetteer, max_bytes, summary)
                    if show_progress:
                        print(f"\r[{number}/{len(files)}] {path.name[:50]:50s}", end="",
                              file=sys.stderr, flush=True)  # fmt: skip
            except OperationalError as error:
                # The server or the connection went away: nothing can be recorded now;
                # the next run marks this one interrupted when it takes the lock.
                raise RunAborted(
                    f"lost the connection to the database after {len(summary.outcomes)} "
                    f"of {len(files)} files ({_first_line(error)}). The articles committed "
                    "so far are kept; run the same command again to load the rest."
                ) from error
            except BaseException as error:
                connection.rollback()
                _finish(connection, run_id, summary, "interrupted" if isinstance(
                    error, KeyboardInterrupt) else "failed", repr(error))  # fmt: skip
                raise
            if show_progress and files:
                print(file=sys.stderr)
            status = "partial" if summary.rejected else "succeeded"
            _finish(connection, run_id, summary, status, None)
            summary.status = status
            summary.seconds = time.monotonic() - started
            return summary
    finally:
        engine.dispose()


def _finish(connection: Connection, run_id: int, summary: RunSummary, status: str,
            error: str | None) -> None:  # fmt: skip
    counts = summary.counts
    connection.execute(
        update(EtlRun)
        .where(EtlRun.etl_run_id == run_id)
        .values(
            status=status,
            finished_at=func.now(),
            files_seen_count=len(summary.outcomes),
            loaded_count=counts["loaded"],
            unchanged_count=counts["unchanged"],
            replaced_count=counts["replaced"],
            rejected_count=counts["rejected"],
            error=error,
        )
    )
    connection.commit()


def _first_line(error: BaseException) -> str:
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


__all__ = ["RunAborted", "RunSummary", "run_pipeline"]

"""The whole attack list of docs/reliability.md, rerun in one go, with figures.

    python -m tests.attack_list            # embedded server (or TEST_DATABASE_URL)

Three parts, each against databases of its own on one server:

- **files**: every case of the bad-input table (tests/test_bad_input.py) and
  the reading-stage attacks of issue 14 (links to /etc/passwd,
  /proc/self/environ and a secret outside the corpus, a sidecar linking out,
  a name too long for its sidecar, terminal escapes and invalid UTF-8 in
  names, binary files), in one run through the real CLI: every file must end
  with exactly one etl_run_file row with the outcome its case expects, every
  rejection with a reason, no secret in any stored body.
- **kills**: a synthetic corpus loaded through SIGKILL (twice), SIGTERM and a
  connection terminated by the server, then two runs at once while a reader
  login holds the ETL's old advisory lock; the database must end identical
  to one clean run (row counts and a checksum of every fact table), and after
  each kill the summaries agree with the base tables: rows lost 0.
- **privileges**: what a `db create-reader` and a `db create-loader` login
  must be refused (writes, DDL, the run lock, large objects, temporary
  tables, server files, roles, another database on the same server).

The last line is JSON; the exit status is 1 when any check fails. The suite
runs it too (tests/test_attacks.py::test_the_whole_attack_list_holds).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from bench.corpus import write_corpus
from db import migrate
from db.access import LOADER_ROLE, create_login
from db.settings import libpq_url
from tests.conftest import ROOT, _server_url, drop_login, new_database
from tests.summary_reference import disagreements
from tests.test_bad_input import CASES, Expect, _build
from tests.test_crash import fingerprint

KILL_CORPUS = 200
BATCH = 10


@dataclass
class Figures:
    files_tried: int = 0
    files_by_outcome: dict[str, int] = field(default_factory=dict)
    files_dropped: int = 0
    secrets_stored: int = 0
    kills_survived: int = 0
    kills: dict[str, int] = field(default_factory=dict)
    concurrent_runs: int = 0
    fact_rows: int = 0
    rows_lost: int = 0
    rows_extra: int = 0
    privilege_checks: int = 0
    privileges_denied: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def check(self, ok: bool, problem: str) -> bool:
        if not ok:
            self.problems.append(problem)
        return ok


def _etl(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "etl", "--database-url", url, "run", "--json", *args]


def _start(url: str, corpus: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    command = _etl(url, "--workers", "2", "--batch-size", str(BATCH), str(corpus))
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


def _scalar(url: str, query: str) -> Any:
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        row = connection.execute(query.encode()).fetchone()
    return row[0] if row else None


# --- files -------------------------------------------------------------------


def _issue_14_files(folder: Path, outside: Path, marker: str) -> dict[str, Expect]:
    """The reading-stage attacks of issue 14, with the outcome each must get."""
    folder.mkdir(parents=True)
    outside.mkdir(parents=True)
    article = "HEFEI, March 6 (Xinhua) -- Anhui will develop new energy vehicles and robotics.\n"
    secret = outside / "environ.txt"
    secret.write_text(f"DATABASE_URL=postgresql://u:{marker}@db/x Anhui will develop robots.\n")
    (outside / "secret.json").write_text(json.dumps({"outlet": marker}))
    outside_link = r"symbolic link to a file outside the folders given to run"
    (folder / "environ.txt").symlink_to(secret)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "proc_environ.txt").symlink_to("/proc/self/environ")
    (folder / "story.txt").write_text(article.replace("robotics", "biomedicine"))
    (folder / "story.meta.json").symlink_to(outside / "secret.json")
    long_name = "x" * (255 - len(".txt")) + ".txt"  # + ".meta.json" is too long a name
    (folder / long_name).write_text(article.replace("Anhui", "Hubei"))
    (folder / "evil\x1b[2J\x1b[31m.txt").write_bytes(b"\x89PNG binary")
    bad_name = os.fsdecode(b"caf\xe9.txt")
    (folder / bad_name).write_text(article.replace("Anhui", "Hunan"))
    (folder / "random.txt").write_bytes(bytes(range(1, 256)) * 64)  # no NUL, all controls
    (folder / "ok.txt").write_text(article)
    binary = r"^looks like a binary file, not text: "
    return {
        "environ.txt": Expect("rejected", outside_link),
        "passwd.txt": Expect("rejected", outside_link),
        "proc_environ.txt": Expect("rejected", outside_link),
        "story.txt": Expect("rejected", outside_link),
        long_name: Expect("rejected", r"sidecar|too long"),
        "evil\x1b[2J\x1b[31m.txt": Expect("rejected", binary),
        bad_name: Expect("rejected", r"file name is not valid UTF-8"),
        "random.txt": Expect("rejected", binary),
        "ok.txt": Expect("loaded"),
    }


def attack_files(server_url: str, work: Path, figures: Figures) -> None:
    corpus, marker = work / "corpus", f"ATTACK-SECRET-{secrets.token_hex(8)}"
    expected: dict[Path, Expect] = {}
    for case in CASES:
        if not case.in_corpus:
            continue
        if case.skip is not None:
            probe = work / "probe" / case.name
            probe.mkdir(parents=True)
            if case.skip(probe):
                continue
        expected.update(_build(case, corpus / case.name))
    attacks = _issue_14_files(corpus / "issue_14", work / "outside", marker)
    expected.update({corpus / "issue_14" / name: expect for name, expect in attacks.items()})
    figures.files_tried = len(expected)
    with new_database(server_url, "policydb_attack_files") as url:
        migrate.upgrade(url)
        done = subprocess.run(
            _etl(url, str(corpus)), cwd=ROOT, capture_output=True, text=True, timeout=300,
            env={**os.environ, "ATTACK_MARKER": marker},  # in /proc/self/environ
        )  # fmt: skip
        figures.check(done.returncode == 1, f"files: exit {done.returncode}: {done.stderr[-500:]}")
        figures.check("Traceback" not in done.stderr, "files: a traceback")
        figures.check("\x1b" not in done.stdout + done.stderr, "files: a raw escape printed")
        summary = json.loads(done.stdout) if done.stdout.strip() else {}
        with psycopg.connect(libpq_url(url)) as connection:
            rows = connection.execute(
                "select path, outcome, reason, source_article_id, content_sha256 "
                "from etl_run_file where etl_run_id = %s",
                [summary.get("run_id")],
            ).fetchall()
            (stored,) = connection.execute(
                "select count(*) from source_article where strpos(body, %s) > 0 "
                "or strpos(coalesce(outlet, ''), %s) > 0",
                [marker, marker],
            ).fetchone() or (0,)
        figures.secrets_stored = int(stored)
        figures.check(stored == 0, f"files: {stored} articles hold the secret")
        found = [_Row(*row) for row in rows]
        figures.files_dropped = max(0, len(expected) - len(found))
        figures.check(len(found) == len(expected), f"files: {len(found)} rows for {len(expected)}")
        outcomes: dict[str, int] = {}
        for path, expect in expected.items():
            row = _row_for(found, path)
            if row is None:
                figures.problems.append(f"files: no single row for {path.name!r}")
                continue
            if row.outcome != expect.outcome and expect.either is not None:
                expect = expect.either
            outcomes[row.outcome] = outcomes.get(row.outcome, 0) + 1
            figures.check(row.outcome == expect.outcome, f"files: {path.name!r} {row.outcome}")
            if expect.outcome == "rejected":
                figures.check(bool(row.reason), f"files: {path.name!r} rejected with no reason")
            if expect.reason is not None:
                figures.check(
                    bool(row.reason and re.search(expect.reason, row.reason)),
                    f"files: {path.name!r}: {row.reason!r}",
                )
        figures.files_by_outcome = dict(sorted(outcomes.items()))


def _row_for(rows: list[_Row], path: Path) -> _Row | None:
    """The one row of a file: by its path, resolved path, or escaped name (invalid UTF-8)."""
    escaped = os.fsencode(path.name).decode("utf-8", "backslashreplace")
    wanted = {str(path), os.path.realpath(path), str(path.parent / escaped)}
    found = [row for row in rows if row.path in wanted]
    return found[0] if len(found) == 1 else None


@dataclass
class _Row:
    path: str
    outcome: str
    reason: str | None
    source_article_id: int | None
    content_sha256: str | None


# --- kills -------------------------------------------------------------------


def _wait_for_files(url: str, process: subprocess.Popen[str], at_least: int) -> bool:
    deadline = time.monotonic() + 120
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        while time.monotonic() < deadline and process.poll() is None:
            row = connection.execute("select count(*) from source_article").fetchone()
            if row and row[0] >= at_least:
                return True
            time.sleep(0.02)
    return False


def _terminate_sessions(url: str) -> None:
    with psycopg.connect(libpq_url(url), autocommit=True) as admin:
        admin.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity "
            "where datname = current_database() and pid <> pg_backend_pid() "
            "and application_name = 'policydb run'"
        )


def attack_kills(server_url: str, work: Path, figures: Figures) -> None:
    corpus = work / "kill_corpus"
    corpus.mkdir()
    write_corpus(corpus, KILL_CORPUS, seed=14)
    with ExitStack() as stack:
        reference = stack.enter_context(new_database(server_url, "policydb_attack_reference"))
        url = stack.enter_context(new_database(server_url, "policydb_attack_kills"))
        for database in (reference, url):
            migrate.upgrade(database)
        clean = _start(reference, corpus)
        _, stderr = clean.communicate(timeout=300)
        if not figures.check(clean.returncode == 0, f"kills: the clean run failed: {stderr}"):
            return
        expected = fingerprint(reference)
        _kill_runs(url, corpus, figures)
        _concurrent_runs_past_a_reader(stack, url, corpus, figures)
        _compare_with_a_clean_run(url, expected, figures)


def _kill_runs(url: str, corpus: Path, figures: Figures) -> None:
    step = KILL_CORPUS // 6
    kills: list[tuple[str, int, Callable[[subprocess.Popen[str]], None]]] = [
        ("SIGKILL", -signal.SIGKILL, lambda p: p.send_signal(signal.SIGKILL)),
        ("SIGTERM", 143, lambda p: p.send_signal(signal.SIGTERM)),
        ("connection terminated", 2, lambda p: _terminate_sessions(url)),
        ("SIGKILL", -signal.SIGKILL, lambda p: p.send_signal(signal.SIGKILL)),
    ]
    for number, (name, exit_code, kill) in enumerate(kills, start=1):
        process = _start(url, corpus)
        if not _wait_for_files(url, process, step * number):
            process.communicate(timeout=300)
            figures.problems.append(f"kills: the run ended before {name} could land")
            continue
        kill(process)
        _, stderr = process.communicate(timeout=120)
        stale = disagreements(url)
        figures.check(not stale, f"kills: after {name} the summaries disagree: {stale}")
        if figures.check(
            process.returncode == exit_code and "Traceback" not in stderr,
            f"kills: {name}: exit {process.returncode}, {stderr[-300:]}",
        ):
            figures.kills[name] = figures.kills.get(name, 0) + 1
    figures.kills_survived = sum(figures.kills.values())


def _concurrent_runs_past_a_reader(
    stack: ExitStack, url: str, corpus: Path, figures: Figures
) -> None:
    """Two runs at once, while a reader holds the lock that used to stall every run."""
    name, password = f"attack_reader_{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    create_login(url, name, password)
    stack.callback(drop_login, url, name)
    login = make_url(url).set(username=name, password=password)
    with psycopg.connect(libpq_url(login.render_as_string(hide_password=False))) as reader:
        reader.execute("select pg_advisory_lock(7311402001)")
        runs = [_start(url, corpus), _start(url, corpus)]
        outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_, stderr) in zip(runs, outputs, strict=True):
        if figures.check(run.returncode == 0, f"kills: a concurrent run: {stderr[-300:]}"):
            figures.concurrent_runs += 1


def _compare_with_a_clean_run(
    url: str, expected: dict[str, tuple[int, str]], figures: Figures
) -> None:
    final = fingerprint(url)
    figures.fact_rows = sum(count for count, _ in expected.values())
    for table, (count, digest) in expected.items():
        got, got_digest = final[table]
        figures.rows_lost += max(0, count - got)
        figures.rows_extra += max(0, got - count)
        figures.check(got_digest == digest, f"kills: {table} differs from one clean run")
    figures.check(figures.rows_lost == 0, f"kills: {figures.rows_lost} rows lost")
    figures.check(figures.rows_extra == 0, f"kills: {figures.rows_extra} rows extra")
    catalog = _scalar(url, "select count(*) from analytics.article_catalog")
    figures.check(catalog == KILL_CORPUS, f"kills: summaries stale ({catalog} articles)")
    stale = disagreements(url)
    figures.check(not stale, f"kills: the summaries disagree with the base tables: {stale}")
    running = _scalar(url, "select count(*) from etl_run where status = 'running'")
    figures.check(running == 0, f"kills: {running} runs left running")


# --- privileges --------------------------------------------------------------

READER_DENIED = [
    "select * from public.source_article",
    "select * from public.etl_run",
    "insert into public.province (code) values ('CN-XX')",
    "update public.province set name = 'x'",
    "delete from public.sector",
    "truncate public.initiative",
    "create table analytics.mine (a int)",
    "create table public.mine (a int)",
    "create temporary table mine (a int)",
    "create function analytics.f() returns int language sql as 'select 1'",
    "select lo_from_bytea(0, 'x'::bytea)",
    "lock table public.etl_run_lock in exclusive mode",
    "select * from public.etl_run_lock for update",
    "select analytics_cache.rebuild()",
    "select analytics_cache.apply_articles(array[1]::bigint[], -1)",
    "select * from analytics_cache.province_sector_rollup",
    "create role attack_role",
    "create database attack_database",
    "set role policy_loader",
    "select pg_read_file('/etc/passwd')",
    "copy (select 1) to '/tmp/attack_copy'",
]
LOADER_DENIED = [
    "create table public.mine (a int)",
    "drop table public.province",
    "alter table public.province add column mine int",
    "truncate public.province",
    "update public.alembic_version set version_num = 'x'",
    "create role attack_role",
    "create schema attack_schema",
    "select * from analytics.article_catalog",
    "select * from analytics_cache.province_sector_rollup",
    "delete from analytics_cache.province_rollup",
    "select pg_read_file('/etc/passwd')",
    "copy (select 1) to '/tmp/attack_copy'",
]


def attack_privileges(server_url: str, figures: Figures) -> None:
    suffix = secrets.token_hex(3)
    with ExitStack() as stack:
        url = stack.enter_context(new_database(server_url, "policydb_attack_privileges"))
        other = stack.enter_context(new_database(server_url, "policydb_attack_other"))
        for database in (url, other):
            migrate.upgrade(database)
        logins = {f"attack_reader_{suffix}": None, f"attack_loader_{suffix}": LOADER_ROLE}
        for name, group in logins.items():
            create_login(url, name, "pw-attack", *([group] if group else []))
            stack.callback(drop_login, url, name)
        for name, denied in zip(logins, (READER_DENIED, LOADER_DENIED), strict=True):
            as_login = make_url(url).set(username=name, password="pw-attack")
            for statement in denied:
                figures.privilege_checks += 1
                try:
                    with psycopg.connect(
                        libpq_url(as_login.render_as_string(hide_password=False)),
                        # CREATE DATABASE refuses a transaction block, LOCK TABLE wants one.
                        autocommit=statement.startswith("create database"),
                    ) as connection:
                        connection.execute(statement.encode())
                except psycopg.errors.InsufficientPrivilege:
                    figures.privileges_denied += 1
                except psycopg.Error as error:
                    figures.problems.append(f"privileges: {name}: {statement}: {error}")
                else:
                    figures.problems.append(f"privileges: {name} was allowed: {statement}")
            figures.privilege_checks += 1
            foreign = make_url(other).set(username=name, password="pw-attack")
            try:
                psycopg.connect(libpq_url(foreign.render_as_string(hide_password=False))).close()
            except psycopg.OperationalError as error:
                if "CONNECT privilege" in str(error):
                    figures.privileges_denied += 1
                else:
                    figures.problems.append(f"privileges: {name} to another database: {error}")
            else:
                figures.problems.append(f"privileges: {name} opened another database")


# --- all ---------------------------------------------------------------------


def run(server_url: str) -> Figures:
    figures = Figures()
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="policydb-attacks-"))
    try:
        attack_files(server_url, work, figures)
        attack_kills(server_url, work, figures)
        attack_privileges(server_url, figures)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures.seconds = round(time.monotonic() - started, 1)
    return figures


def render(figures: Figures) -> str:
    outcomes = ", ".join(
        f"{count} {outcome}" for outcome, count in figures.files_by_outcome.items()
    )
    kills = ", ".join(f"{count} {name}" for name, count in figures.kills.items())
    lines = [
        f"files tried: {figures.files_tried} ({outcomes}); dropped silently: "
        f"{figures.files_dropped}; secrets stored: {figures.secrets_stored}",
        f"kills survived: {figures.kills_survived} ({kills}), then {figures.concurrent_runs} runs "
        "at once while a reader held the old advisory lock",
        f"rows lost: {figures.rows_lost}, rows extra: {figures.rows_extra} "
        f"(of {figures.fact_rows:,} fact rows of one clean run of {KILL_CORPUS} articles)",
        f"privilege checks: {figures.privileges_denied} denied of {figures.privilege_checks}",
        f"seconds: {figures.seconds}",
    ]
    lines += [f"PROBLEM: {problem}" for problem in figures.problems]
    lines.append(json.dumps({k: v for k, v in vars(figures).items()}, ensure_ascii=True))
    return "\n".join(lines)


def _server() -> Iterator[str]:
    yield from _server_url()


def main() -> int:
    with ExitStack() as stack:
        server = _server()
        stack.callback(server.close)
        figures = run(next(server))
    print(render(figures))
    return 1 if figures.problems else 0


if __name__ == "__main__":
    sys.exit(main())

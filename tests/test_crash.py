"""Crashes and concurrency: a killed run, two runs at once, the database going away.

Each scenario ends with a database identical (row counts and a checksum of
the extracted facts, ids aside) to one uninterrupted run of the same corpus.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from bench.corpus import write_corpus
from db import migrate
from db.settings import libpq_url
from tests.conftest import ROOT, new_database
from tests.summary_reference import disagreements

CORPUS_SIZE = 400

# A canonical text of every extracted fact, keyed by what identifies it in
# the world (article hash, span, names, slugs), never by surrogate ids.
FACTS = {
    "source_article": """
        select content_sha256, source_path, outlet, dateline_city, published_on,
               is_date_inferred, reporter, headline, md5(body)
        from source_article""",
    "province_mention": """
        select a.content_sha256, p.code, m.role, m.matched_text, m.span_start, m.span_end
        from province_mention m join source_article a using (source_article_id)
        join province p using (province_id)""",
    "initiative": """
        select a.content_sha256, p.code, i.event_kind, i.event_on, i.span_start, i.span_end,
               i.clause_text, i.sentence_index
        from initiative i join source_article a using (source_article_id)
        join province p using (province_id)""",
    "initiative_sector": """
        select a.content_sha256, i.span_start, s.slug, x.span_start, x.span_end
        from initiative_sector x join initiative i using (initiative_id)
        join source_article a using (source_article_id) join sector s using (sector_id)""",
    "quantitative_target": """
        select a.content_sha256, i.span_start, t.quantity, t.is_approximate, t.span_start
        from quantitative_target t join initiative i using (initiative_id)
        join source_article a using (source_article_id)""",
    "statement": """
        select a.content_sha256, s.span_start, s.span_end, e.name, s.speaker_text, s.verb, s.kind
        from statement s join source_article a using (source_article_id)
        left join expert e using (expert_id)""",
    "statement_topic": """
        select a.content_sha256, s.span_start, x.slug, t.span_start
        from statement_topic t join statement s using (statement_id)
        join source_article a using (source_article_id) join sector x using (sector_id)""",
    "expert": """
        select e.name, e.title, o.name from expert e left join organization o using (organization_id)""",
    "organization": """
        select o.name, p.name from organization o
        left join organization p on p.organization_id = o.parent_organization_id""",
}


def fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """Per fact table: the row count and an md5 of its canonical rows."""
    result = {}
    with psycopg.connect(libpq_url(url)) as connection:
        for table, query in FACTS.items():
            count, digest = connection.execute(
                f"select count(*), md5(coalesce(string_agg(f::text, '|' order by f::text), ''))"
                f" from ({query}) as f"
            ).fetchone()  # type: ignore[misc]
            result[table] = (count, digest)
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("corpus")
    write_corpus(directory, CORPUS_SIZE, seed=11)
    return directory


@pytest.fixture
def database(server_url: str) -> Iterator[str]:
    """A migrated, empty database for one scenario."""
    with new_database(server_url, "policydb_crash") as url:
        migrate.upgrade(url)
        yield url


@pytest.fixture(scope="module")
def reference_fingerprint(corpus: Path, server_url: str) -> dict[str, tuple[int, str]]:
    """The facts of one uninterrupted run of the corpus."""
    with new_database(server_url, "policydb_reference") as url:
        migrate.upgrade(url)
        done = run_etl(url, corpus)
        assert done.returncode == 0, done.stderr
        return fingerprint(url)


def etl_command(url: str, corpus: Path) -> list[str]:
    return [
        # Small batches: many commits, so a kill after the first few lands mid-run.
        sys.executable, "-m", "etl", "--database-url", url, "run", "--json", "--workers", "2",
        "--batch-size", "20", str(corpus),
    ]  # fmt: skip


def run_etl(url: str, corpus: Path) -> subprocess.CompletedProcess[str]:
    # Relative paths (source_path) must match between runs: same cwd.
    return subprocess.run(
        etl_command(url, corpus), cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def start_etl(url: str, corpus: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        etl_command(url, corpus), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def wait_for_files(
    url: str,
    process: subprocess.Popen[str],
    at_least: int,
    query: str = "select count(*) from etl_run_file",
) -> None:
    """Block until the run has recorded ``at_least`` files (or ``query`` counts that
    many rows); fail if it ends first."""
    deadline = time.monotonic() + 300
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        while time.monotonic() < deadline:
            assert process.poll() is None, "the run ended before it could be interrupted"
            (count,) = connection.execute(query).fetchone()  # type: ignore[misc]
            if count >= at_least:
                return
            time.sleep(0.02)
    pytest.fail("the run made no progress")


def children_of(pid: int) -> list[int]:
    """Pids of the processes whose parent is ``pid`` (Linux /proc)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def is_running_now(url: str) -> list[bool]:
    with psycopg.connect(libpq_url(url)) as connection:
        rows = connection.execute(
            "select is_running_now from analytics.etl_health order by run_id"
        ).fetchall()
    return [flag for (flag,) in rows]


def statuses(url: str) -> list[str]:
    with psycopg.connect(libpq_url(url)) as connection:
        rows = connection.execute("select status from etl_run order by etl_run_id").fetchall()
    return [status for (status,) in rows]


def test_sigkill_mid_run_then_rerun_equals_one_clean_run(
    corpus: Path, database: str, reference_fingerprint: dict[str, tuple[int, str]]
) -> None:
    url = database
    process = start_etl(url, corpus)
    wait_for_files(url, process, CORPUS_SIZE // 3)
    workers = children_of(process.pid)
    assert workers, "the run extracts in worker processes"
    assert is_running_now(url) == [True]
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert statuses(url) == ["running"], "a killed process cannot record its own end"
    # The lock died with its session: etl_health already tells the run is dead.
    deadline = time.monotonic() + 10
    while is_running_now(url) != [False] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert is_running_now(url) == [False]
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "orphaned workers"
    partial = fingerprint(url)["source_article"][0]
    assert 0 < partial < CORPUS_SIZE
    assert disagreements(url) == {}, "the summaries count exactly the committed batches"

    done = run_etl(url, corpus)
    assert done.returncode == 0, done.stderr
    assert statuses(url) == ["interrupted", "succeeded"]
    assert fingerprint(url) == reference_fingerprint


def test_sigkill_at_any_moment_leaves_summaries_that_agree_with_the_facts(
    corpus: Path, database: str
) -> None:
    """Killed after a batch, inside the next one's COPY or its summaries' update:
    the summaries always count exactly the batches that committed (the run
    after a kill is the sigkill test above)."""
    import random

    moments = random.Random(15)
    for articles in (20, 120, 220):
        process = start_etl(database, corpus)
        wait_for_files(database, process, articles, "select count(*) from source_article")
        time.sleep(moments.uniform(0, 0.4))  # somewhere in the next batch
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert disagreements(database) == {}


def test_sigterm_mid_run_is_an_interrupted_run_and_exit_143(
    corpus: Path, database: str, reference_fingerprint: dict[str, tuple[int, str]]
) -> None:
    url = database
    process = start_etl(url, corpus)
    wait_for_files(url, process, CORPUS_SIZE // 3)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143, stderr
    assert "Stopped by SIGTERM" in stderr and "Traceback" not in stderr
    assert statuses(url) == ["interrupted"]
    assert is_running_now(url) == [False]
    done = run_etl(url, corpus)
    assert done.returncode == 0, done.stderr
    assert fingerprint(url) == reference_fingerprint


def test_two_runs_at_once_wait_for_each_other(
    corpus: Path, database: str, reference_fingerprint: dict[str, tuple[int, str]]
) -> None:
    url = database
    first, second = start_etl(url, corpus), start_etl(url, corpus)
    outputs = [process.communicate(timeout=600) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], [err for _, err in outputs]
    assert statuses(url) == ["succeeded", "succeeded"]
    assert fingerprint(url) == reference_fingerprint


def test_a_run_waits_while_another_holds_the_lock(corpus: Path, database: str) -> None:
    url = database
    with psycopg.connect(libpq_url(url), application_name="holder-under-test") as holder:
        holder.execute("lock table etl_run_lock in exclusive mode")
        process = start_etl(url, corpus)
        assert process.stderr is not None
        line = process.stderr.readline()
        assert "Another ETL run is loading this database; waiting" in line
        # Who holds it: the pid, application_name and since when, from pg_locks.
        assert f"pid {holder.info.backend_pid} " in line and "holder-under-test" in line
        assert "since 2" in line
        time.sleep(1)
        assert process.poll() is None
        assert statuses(url) == [], "nothing is written while waiting"
        holder.rollback()
    process.communicate(timeout=600)
    assert process.returncode == 0
    assert statuses(url) == ["succeeded"]


def test_a_run_gives_up_waiting_for_the_lock_and_says_who_holds_it(
    corpus: Path, database: str
) -> None:
    url = database
    with psycopg.connect(libpq_url(url), application_name="stuck-holder") as holder:
        holder.execute("lock table etl_run_lock in exclusive mode")
        started = time.monotonic()
        done = subprocess.run(
            etl_command(url, corpus), cwd=ROOT, capture_output=True, text=True, timeout=120,
            env={**os.environ, "POLICYDB_RUN_LOCK_WAIT": "2"},
        )  # fmt: skip
        assert time.monotonic() - started < 60
        holder.rollback()
    assert done.returncode == 2, done.stderr
    assert "gave up after 2 s waiting for another ETL run" in done.stderr
    assert "stuck-holder" in done.stderr and "pg_terminate_backend" in done.stderr
    assert "Traceback" not in done.stderr
    assert statuses(url) == [], "nothing is written by a run that never got the lock"


def test_database_connection_killed_mid_run(
    corpus: Path, database: str, reference_fingerprint: dict[str, tuple[int, str]]
) -> None:
    url = database
    process = start_etl(url, corpus)
    wait_for_files(url, process, CORPUS_SIZE // 3)
    database = make_url(url).database
    with psycopg.connect(libpq_url(url), autocommit=True) as admin:
        admin.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity "
            "where datname = %s and pid <> pg_backend_pid()",
            [database],
        )
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 2, stderr
    assert (
        "lost the connection to the database" in stderr and "run the same command again" in stderr
    )
    assert "Traceback" not in stderr

    done = run_etl(url, corpus)
    assert done.returncode == 0, done.stderr
    assert statuses(url) == ["interrupted", "succeeded"]
    assert fingerprint(url) == reference_fingerprint


def test_unreachable_database_and_wrong_password_exit_2_without_leaking(tmp_path: Path) -> None:
    secret = "hunter2-" + secrets.token_hex(4)
    for url in (
        f"postgresql://postgres:{secret}@127.0.0.1:1/policy",
        f"postgresql://nobody_{secrets.token_hex(2)}:{secret}@127.0.0.1:{_free_port()}/x",
    ):
        done = subprocess.run(
            [sys.executable, "-m", "etl", "--database-url", url, "run", str(tmp_path)],
            capture_output=True, text=True, timeout=60, cwd=ROOT,
            env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        )  # fmt: skip
        assert done.returncode == 2
        assert "cannot reach the database" in done.stderr
        assert secret not in done.stdout + done.stderr
        assert "Traceback" not in done.stderr


def test_wrong_password_exits_2(server_url: str, tmp_path: Path) -> None:
    secret = "wrong-" + secrets.token_hex(4)
    url = make_url(server_url).set(password=secret).render_as_string(hide_password=False)
    try:
        psycopg.connect(libpq_url(url), connect_timeout=5).close()
    except psycopg.OperationalError:
        pass
    else:
        pytest.skip("this server does not check passwords (trust authentication)")
    done = subprocess.run(
        [sys.executable, "-m", "etl", "--database-url", url, "run", str(tmp_path)],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 2
    assert "password authentication failed" in done.stderr
    assert secret not in done.stdout + done.stderr


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])

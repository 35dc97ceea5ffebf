"""The embedded server: TCP with a password, restarts after a crash."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import psycopg
import pytest

from db.embedded import EmbeddedServer


def test_tcp_password_auth_and_restart_after_sigkill(embedded_state: Path) -> None:
    server = EmbeddedServer(embedded_state)
    address = server.acquire()
    try:
        with psycopg.connect(address.url("postgresql"), connect_timeout=5) as connection:
            assert connection.execute("select 1").fetchone() == (1,)
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(
                host=address.host, port=address.port, user=address.user,
                password="wrong", dbname=address.database, connect_timeout=5,
            )  # fmt: skip
        pid = int((server.cluster_dir / "postmaster.pid").read_text().split()[0])
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while server.is_running() and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        server.release()
    # The stale postmaster.pid of the killed server must not block the next start.
    with (
        EmbeddedServer(embedded_state).running() as again,
        psycopg.connect(again.url("postgresql"), connect_timeout=5) as connection,
    ):
        assert connection.execute("select 1").fetchone() == (1,)
    assert not EmbeddedServer(embedded_state).is_running()


def test_serve_prints_what_a_bi_tool_needs_and_the_reader_logs_in(embedded_state: Path) -> None:
    import subprocess
    import sys

    pgdata = str(embedded_state)
    base = [sys.executable, "-m", "etl", "--pgdata", pgdata]
    env = {**os.environ, "POLICYDB_PASSWORD": "bi-secret-1"}
    env.pop("DATABASE_URL", None)
    for command in (["db", "upgrade"], ["db", "create-reader", "bi_tool"]):
        done = subprocess.run(
            [*base, *command], env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        assert "bi-secret-1" not in done.stdout + done.stderr
    serve = subprocess.Popen(
        [*base, "db", "serve"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert serve.stdout is not None
        fields = {}
        for line in serve.stdout:
            key, _, value = line.strip().partition(":")
            fields[key] = value.strip()
            if key == "SQLAlchemy URL":
                break
        assert fields["user"] == "bi_tool" and fields["database"] == "policy"
        with psycopg.connect(
            host=fields["host"], port=int(fields["port"]), dbname=fields["database"],
            user=fields["user"], password="bi-secret-1", connect_timeout=10,
        ) as reader:  # fmt: skip
            assert reader.execute("select count(*) from province_overview").fetchone() == (34,)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                reader.execute("select * from public.etl_run")
    finally:
        serve.send_signal(signal.SIGINT)
        assert serve.wait(timeout=60) == 0
    assert not EmbeddedServer(embedded_state).is_running()

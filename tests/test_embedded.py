"""The embedded server: TCP with a password, restarts after a crash."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import psycopg
import pytest

from db.embedded import EmbeddedServer


def test_tcp_password_auth_and_restart_after_sigkill(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path / "state")
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
        EmbeddedServer(tmp_path / "state").running() as again,
        psycopg.connect(again.url("postgresql"), connect_timeout=5) as connection,
    ):
        assert connection.execute("select 1").fetchone() == (1,)
    assert not EmbeddedServer(tmp_path / "state").is_running()

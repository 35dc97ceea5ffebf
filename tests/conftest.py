"""A real PostgreSQL for the tests, migrated once per session.

Where it comes from, in order: TEST_DATABASE_URL (a server someone else
runs); a testcontainers PostgreSQL when POLICYDB_TEST_DOCKER=1 and Docker
answers; otherwise the embedded server from the pip wheel, in a temporary
state directory. In every case the tests get a fresh database of their own,
so they never touch data that matters, and each test runs inside a
transaction that is rolled back.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Connection, Engine, create_engine, pool
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from db import migrate
from db.reference import sync_reference
from db.settings import libpq_url, normalize_url
from etl.extract.reference import default_reference


def _server_url() -> Iterator[str]:
    configured = os.environ.get("TEST_DATABASE_URL")
    if configured:
        yield normalize_url(configured)
        return
    if os.environ.get("POLICYDB_TEST_DOCKER") == "1":
        from testcontainers.postgres import PostgresContainer

        with PostgresContainer("postgres:16", driver="psycopg") as container:
            yield normalize_url(container.get_connection_url())
        return
    import shutil
    import tempfile

    from db.embedded import EmbeddedServer

    # Not under pytest's basetemp: as root the server runs as another user,
    # and every pytest session resets /tmp/pytest-of-root to 0700, which would
    # lock a concurrently running session's server out of its own data.
    state = Path(tempfile.mkdtemp(prefix="policydb-test-"))
    try:
        with EmbeddedServer(state).running() as address:
            yield address.url()
    finally:
        shutil.rmtree(state, ignore_errors=True)


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    yield from _server_url()


@pytest.fixture
def embedded_state() -> Iterator[Path]:
    """A state directory for an embedded server of the test's own (see _server_url)."""
    import shutil
    import tempfile

    state = Path(tempfile.mkdtemp(prefix="policydb-test-"))
    try:
        yield state / "state"
    finally:
        shutil.rmtree(state, ignore_errors=True)


@contextlib.contextmanager
def new_database(server_url: str, prefix: str) -> Iterator[str]:
    """A database of its own on the server, dropped (even if in use) afterwards."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    admin = libpq_url(server_url)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'create database "{name}"')
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture(scope="session")
def database_url(server_url: str) -> Iterator[str]:
    """A fresh, migrated database with reference data, dropped at the end."""
    with new_database(server_url, "policydb_test") as url:
        migrate.upgrade(url)
        engine = create_engine(url, poolclass=pool.NullPool)
        with Session(engine) as session, session.begin():
            sync_reference(session, default_reference())
        engine.dispose()
        yield url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    """A connection inside a transaction that is rolled back after the test."""
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            yield connection
        finally:
            transaction.rollback()


@pytest.fixture
def session(connection: Connection) -> Iterator[Session]:
    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        yield session


@pytest.fixture
def scratch_database(server_url: str) -> Iterator[str]:
    """An empty database for tests that commit (migrations, ETL runs)."""
    with new_database(server_url, "policydb_scratch") as url:
        yield url


# Modules whose tests load articles through `run`, kill or time processes, start
# servers or search many inputs: `make test-fast` (pytest -m "not slow") leaves
# them out; `make test` and CI run everything.
SLOW_MODULES = frozenset(
    {
        "test_access", "test_attacks", "test_bad_input", "test_crash", "test_embedded",
        "test_etl_run", "test_progress", "test_properties", "test_real_articles", "test_views",
    }
)  # fmt: skip


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = getattr(item, "module", None)
        if module is not None and module.__name__.rsplit(".", 1)[-1] in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def migrated(scratch_database: str) -> str:
    """A fresh database at head, for tests that run the ETL."""
    migrate.upgrade(scratch_database)
    return scratch_database


def run_json(url: str, *args: str, env: dict[str, str] | None = None) -> tuple[int, dict]:
    """`run --json ARGS` through the CLI: its exit code and summary ({} when it printed none)."""
    import json

    from click.testing import CliRunner

    from etl.cli import cli

    result = CliRunner().invoke(cli, ["--database-url", url, "run", "--json", *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout) if result.exit_code in (0, 1) else {}


FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def seeded_url(server_url: str) -> Iterator[str]:
    """A database at head holding the seed article, shared read-only by the view tests."""
    from etl.pipeline import run_pipeline

    with new_database(server_url, "policydb_seeded") as url:
        migrate.upgrade(url)
        summary = run_pipeline(url, [ROOT / "seeds" / "articles"])
        assert summary.counts["loaded"] == 1, summary.render()
        yield url


def drop_login(server_url: str, name: str) -> None:
    """Drop a login made by `db create-reader`/`create-loader`, with its grants (CONNECT)."""
    from psycopg import sql

    with psycopg.connect(libpq_url(server_url), autocommit=True) as admin:
        if admin.execute("select from pg_roles where rolname = %s", [name]).fetchone():
            admin.execute(sql.SQL("drop owned by {}").format(sql.Identifier(name)))
            admin.execute(sql.SQL("drop role {}").format(sql.Identifier(name)))

"""Throwaway databases for the benchmark: a server, fresh migrated databases, row counts."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy import create_engine, pool
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from db import migrate
from db.reference import sync_reference
from db.settings import libpq_url, normalize_url
from etl.extract.reference import default_reference

DATABASE_URL_ENV = "DATABASE_URL"
TEST_DATABASE_URL_ENV = "TEST_DATABASE_URL"

# Loaded from seeds/reference by `db upgrade`; everything else in the schema
# (except alembic's own table) is what an ETL run writes.
REFERENCE_TABLES = frozenset({"province", "province_alias", "sector", "sector_alias"})
NOT_LOADED = REFERENCE_TABLES | {"alembic_version"}


@contextlib.contextmanager
def server(url: str | None, state_dir: Path) -> Iterator[str]:
    """A server URL: url, else DATABASE_URL, else TEST_DATABASE_URL, else the
    embedded server in state_dir. The bench makes databases of its own there."""
    configured = url or os.environ.get(DATABASE_URL_ENV) or os.environ.get(TEST_DATABASE_URL_ENV)
    if configured:
        yield normalize_url(configured)
        return
    from db.embedded import EmbeddedServer  # as db.settings.database_url() does

    with EmbeddedServer(state_dir).running() as address:
        yield address.url()


def _admin(server_url: str) -> psycopg.Connection:
    return psycopg.connect(libpq_url(server_url), autocommit=True)


@contextlib.contextmanager
def fresh_database(server_url: str, name: str, keep: bool = False) -> Iterator[str]:
    """Create database `name`, migrate it to head, sync reference data; drop it
    afterwards (unless ``keep``: then it stays, for bench.views)."""
    with _admin(server_url) as admin:
        admin.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    kept = False
    try:
        upgrade(url)
        yield url
        kept = keep
    finally:
        if not kept:
            with _admin(server_url) as admin:
                admin.execute(
                    sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name))
                )


def upgrade(url: str) -> None:
    """What `python -m etl db upgrade` does: migrations, then the reference data sync."""
    migrate.upgrade(url)
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with Session(engine) as session, session.begin():
            sync_reference(session, default_reference())
    finally:
        engine.dispose()


def connect(url: str) -> psycopg.Connection:
    return psycopg.connect(libpq_url(url))


def loaded_tables(connection: psycopg.Connection) -> list[str]:
    """Tables an ETL run writes, parents before children (foreign-key order)."""
    tables = [
        row[0]
        for row in connection.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name"
        )
        if row[0] not in NOT_LOADED
    ]
    edges = connection.execute(
        """
        select child.relname, parent.relname
        from pg_constraint c
        join pg_class child on child.oid = c.conrelid
        join pg_class parent on parent.oid = c.confrelid
        join pg_namespace n on n.oid = child.relnamespace
        where c.contype = 'f' and n.nspname = 'public' and child.oid <> parent.oid
        """
    ).fetchall()
    return _topological(tables, edges)


def _topological(tables: list[str], edges: list[tuple[str, str]]) -> list[str]:
    parents = {t: {p for c, p in edges if c == t and p in tables} for t in tables}
    ordered: list[str] = []
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in ordered and parents[t] <= set(ordered)]
        if not ready:
            raise RuntimeError(f"foreign-key cycle among {sorted(set(tables) - set(ordered))}")
        ordered.extend(ready)
    return ordered


def row_counts(url: str) -> dict[str, int]:
    """count(*) of every table an ETL run writes."""
    with connect(url) as connection:
        return {
            table: connection.execute(
                sql.SQL("select count(*) from {}").format(sql.Identifier(table))
            ).fetchone()[0]  # type: ignore[index]
            for table in loaded_tables(connection)
        }

"""Least privilege: the ETL loads as policy_loader, which can do nothing else."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import psycopg
import pytest
from click.testing import CliRunner
from psycopg import sql
from sqlalchemy.engine import make_url

from db import migrate
from db.settings import libpq_url, mask_url
from etl.cli import cli
from tests.conftest import ROOT


@pytest.fixture
def loader_url(scratch_database: str) -> Iterator[str]:
    """A login made by `db create-loader`, dropped after the test."""
    migrate.upgrade(scratch_database)
    name, password = f"loader_{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    result = CliRunner().invoke(
        cli,
        ["--database-url", scratch_database, "db", "create-loader", name],
        env={"POLICYDB_PASSWORD": password},
    )
    assert result.exit_code == 0, result.output
    assert password not in result.output
    try:
        yield (
            make_url(scratch_database)
            .set(username=name, password=password)
            .render_as_string(hide_password=False)
        )
    finally:
        with psycopg.connect(libpq_url(scratch_database), autocommit=True) as admin:
            admin.execute(sql.SQL("drop owned by {}").format(sql.Identifier(name)))
            admin.execute(sql.SQL("drop role {}").format(sql.Identifier(name)))


def test_the_loader_runs_the_etl(loader_url: str) -> None:
    runner = CliRunner()
    args = ["--database-url", loader_url, "run", str(ROOT / "seeds" / "articles")]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert "articles loaded             1" in first.output
    assert "Warning" not in first.output, "the loader may refresh the summaries"
    again = runner.invoke(cli, args)
    assert again.exit_code == 0 and "articles unchanged          1" in again.output


def test_the_loader_has_no_special_attributes(loader_url: str) -> None:
    with psycopg.connect(libpq_url(loader_url)) as connection:
        row = connection.execute(
            "select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication "
            "from pg_roles where rolname = current_user"
        ).fetchone()
    assert row == (False, False, False, False, False)


DENIED_TO_LOADER = {
    "create a table": "create table public.scratch (x int)",
    "create in analytics": "create view analytics.mine as select 1",
    "drop a table": "drop table province",
    "alter a table": "alter table province add column x int",
    "truncate": "truncate source_article cascade",
    "move the schema version": "update alembic_version set version_num = '0001'",
    "create a role": "create role intruder",
    "read the analytics views": "select * from analytics.province_overview",
}


@pytest.mark.parametrize("statement", DENIED_TO_LOADER.values(), ids=DENIED_TO_LOADER.keys())
def test_the_loader_may_not(loader_url: str, statement: str) -> None:
    with (
        psycopg.connect(libpq_url(loader_url)) as connection,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        connection.execute(statement)


def test_passwords_are_masked(database_url: str) -> None:
    secret = "s3cr3t-" + secrets.token_hex(3)
    url = make_url(database_url).set(password=secret).render_as_string(hide_password=False)
    assert secret not in mask_url(url)
    shown = CliRunner().invoke(cli, ["--database-url", url, "db", "url"])
    assert shown.exit_code == 0 and secret not in shown.output and "***" in shown.output

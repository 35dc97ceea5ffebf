"""Where the data lives: one embedded database per user, found from any directory;
an empty database says what to do; `db url` says whether the server is up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from db import settings
from db.embedded import EmbeddedServer
from etl.cli import cli
from tests.conftest import FIXTURES, ROOT


def test_the_default_home_is_per_user_not_per_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(settings.PGDATA_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    expected = tmp_path / "data" / "policydb" / "pgdata"
    assert settings.default_pgdata() == expected
    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a" / "b")
    assert settings.pgdata_dir() == expected
    # POLICYDB_PGDATA and --pgdata still choose.
    monkeypatch.setenv(settings.PGDATA_ENV, str(tmp_path / "mine"))
    assert settings.pgdata_dir() == tmp_path / "mine"
    assert settings.pgdata_dir(tmp_path / "flag") == tmp_path / "flag"
    # As root, a folder the server's system user can reach, not root's home.
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert settings.default_pgdata() == Path("/var/lib/policydb/pgdata")


def _etl(cwd: Path, data_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", settings.PGDATA_ENV)}
    env["XDG_DATA_HOME"] = str(data_home)
    return subprocess.run(
        [sys.executable, "-m", "etl", *args],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=300,
    )  # fmt: skip


def test_any_directory_finds_the_same_database_and_an_empty_one_says_run(
    embedded_state: Path,
) -> None:
    data_home = embedded_state / "data"
    home = data_home / "policydb" / "pgdata"
    elsewhere = embedded_state / "somewhere" / "deep"
    elsewhere.mkdir(parents=True)

    url = _etl(elsewhere, data_home, "db", "url")
    assert url.returncode == 0, url.stderr
    assert "not running" in url.stderr and "policydb db serve" in url.stderr
    assert (home / "cluster" / "PG_VERSION").exists()
    assert not (elsewhere / ".pgdata").exists()

    for command in (["sql", "select * from analytics.province_overview"],
                    ["export", "province_overview"]):  # fmt: skip
        empty = _etl(elsewhere, data_home, *command)
        assert empty.returncode == 2, empty.stderr
        assert "the database is empty" in empty.stderr and "`policydb run`" in empty.stderr
        assert "Traceback" not in empty.stderr

    # From another directory, the same database: the first run makes the schema.
    loaded = _etl(ROOT, data_home, "run", str(FIXTURES / "articles"))
    assert loaded.returncode == 0, loaded.stderr
    assert "making its schema" in loaded.stderr
    found = _etl(elsewhere, data_home, "sql", "--csv", "select count(*) from source_article")
    assert found.stdout.splitlines() == ["count", "4"], found.stderr

    # The embedded server's port changes from command to command: not printed.
    upgraded = _etl(elsewhere, data_home, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "127.0.0.1" not in upgraded.stdout and "db serve" in upgraded.stdout

    with EmbeddedServer(home).running():
        shown = _etl(elsewhere, data_home, "db", "url")
        assert shown.returncode == 0, shown.stderr
        assert "is running" in shown.stderr and "policydb db serve" in shown.stderr


def test_views_without_articles_say_to_run(database_url: str) -> None:
    result = CliRunner().invoke(
        cli, ["--database-url", database_url, "sql", "select * from analytics.initiatives"]
    )
    assert result.exit_code == 0, result.output
    assert "no articles yet" in result.stderr and "`policydb run`" in result.stderr
    assert "(0 rows)" in result.stdout

"""The command line as a person meets it: fast help, version, completion, output formats."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from db.settings import libpq_url
from etl.cli import _copy_lines, cli, format_table
from tests.conftest import ROOT

BIN = Path(sys.executable).parent
HEAVY = ("sqlalchemy", "pydantic", "psycopg", "etl.pipeline", "etl.extract.article", "alembic")


def _pyproject_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


# --- --help and --version ---------------------------------------------------


def test_the_cli_module_imports_no_heavy_module() -> None:
    """--help and completion load etl.cli only: SQLAlchemy, pydantic and extraction wait."""
    probe = f"import sys, etl.cli; print([m for m in {HEAVY!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


def test_help_takes_under_three_tenths_of_a_second() -> None:
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "etl", "--help"], capture_output=True, text=True, cwd=ROOT
        )
        timings.append(time.perf_counter() - started)
        assert result.returncode == 0 and "Usage: python -m etl" in result.stdout
    assert min(timings) < 0.3, timings


def test_version_is_the_package_version_and_what_runs_record() -> None:
    from etl.pipeline import CODE_VERSION

    result = subprocess.run(
        [str(BIN / "policydb"), "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"policydb {_pyproject_version()}"
    assert _pyproject_version() == CODE_VERSION


# --- shell completion --------------------------------------------------------


def _complete_in_bash(*words: str) -> list[str]:
    """What bash offers after `policydb WORDS<Tab>`, through the script the README shows."""
    script = (
        'eval "$(_POLICYDB_COMPLETE=bash_source policydb)"\n'
        f"COMP_WORDS=(policydb {' '.join(repr(w) for w in words)}); COMP_CWORD={len(words)}\n"
        "_policydb_completion policydb\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=env, cwd="/", check=True
    )
    return result.stdout.split()


def test_bash_completion_offers_commands_and_views() -> None:
    assert _complete_in_bash("ex") == ["export", "extract"]
    assert "upgrade" in _complete_in_bash("db", "")
    assert _complete_in_bash("export", "province_s") == [
        "province_sector_focus",
        "province_similarity",
    ]


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o nosort -F _policydb_completion policydb"),
     ("zsh", "#compdef policydb"), ("fish", "complete --no-files --command policydb")],
)  # fmt: skip
def test_completion_scripts_for_each_shell(shell: str, marker: str) -> None:
    result = subprocess.run(
        [str(BIN / "policydb")],
        capture_output=True,
        text=True,
        env={**os.environ, "_POLICYDB_COMPLETE": f"{shell}_source"},
    )
    assert result.returncode == 0
    assert marker in result.stdout and "Usage" not in result.stdout
    readme = (ROOT / "README.md").read_text()
    assert f"_POLICYDB_COMPLETE={shell}_source policydb" in readme


# --- sql output formats --------------------------------------------------------

WIDE = "select * from (values ('山东省', 1), ('Shandong', 22), ('上海', 333)) as t(name, n)"


def test_tables_align_wide_characters() -> None:
    table = format_table(["name", "n"], [("山东省", 1), ("Shandong", 22), ("上海", 333)])
    from rich.cells import cell_len

    lines = table.splitlines()[:-1]
    # Each bar sits in the same terminal column, a Chinese character being two wide.
    assert len({cell_len(line.split("|")[0]) for line in lines if "|" in line}) == 1
    assert lines[2] == "山东省   | 1  "


def test_sql_prints_table_csv_and_json(database_url: str) -> None:
    runner = CliRunner()
    base = ["--database-url", database_url, "sql"]
    table = runner.invoke(cli, [*base, WIDE])
    assert table.exit_code == 0, table.output
    assert "(3 rows)" in table.stdout and "上海     | 333" in table.stdout
    assert runner.invoke(cli, [*base, "--table", WIDE]).stdout == table.stdout
    as_csv = runner.invoke(cli, [*base, "--csv", WIDE])
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [
        ["name", "n"], ["山东省", "1"], ["Shandong", "22"], ["上海", "333"],
    ]  # fmt: skip
    as_json = runner.invoke(cli, [*base, "--json", WIDE])
    assert [json.loads(line) for line in as_json.stdout.splitlines()] == [
        {"name": "山东省", "n": 1}, {"name": "Shandong", "n": 22}, {"name": "上海", "n": 333},
    ]  # fmt: skip


# --- export ----------------------------------------------------------------------


def _count(url: str, view: str) -> int:
    with psycopg.connect(libpq_url(url)) as connection:
        row = connection.execute(f"select count(*) from analytics.{view}").fetchone()
    assert row is not None
    return int(row[0])


def test_export_streams_a_view_as_csv_and_json(seeded_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["--database-url", seeded_url, "export"]
    as_csv = runner.invoke(cli, [*base, "province_overview"])
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == _count(seeded_url, "province_overview") == 34
    assert {"Zhejiang", "Hainan"} <= {row["province_name"] for row in rows}

    out = tmp_path / "initiatives.jsonl"
    as_json = runner.invoke(cli, [*base, "initiatives", "--json", "-o", str(out)])
    assert as_json.exit_code == 0 and as_json.stdout == ""
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == _count(seeded_url, "initiatives") > 0
    assert all("province_name" in record for record in records)


def test_export_refuses_what_is_not_an_analytics_view(seeded_url: str) -> None:
    result = CliRunner().invoke(cli, ["--database-url", seeded_url, "export", "province"])
    assert result.exit_code == 2
    assert "no analytics view 'province'" in result.output
    assert "province_overview" in result.output


def test_json_lines_survive_chunks_that_split_lines_and_backslashes() -> None:
    chunks = [b'{"a": "x\\\\', b'\\\\y"}\n{"b"', b": 1}\n"]
    lines = [line.replace(b"\\\\", b"\\") for line in _copy_lines(chunks)]
    assert [json.loads(line) for line in lines] == [{"a": "x\\y"}, {"b": 1}]

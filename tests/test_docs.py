"""Documents generated from the database stay true: the data dictionary, the README's view table."""

from __future__ import annotations

import re
from pathlib import Path

import psycopg
from click.testing import CliRunner

from db import dictionary
from db.settings import libpq_url
from etl.cli import cli
from tests.conftest import ROOT

DICTIONARY = ROOT / "docs" / "data-dictionary.md"


def _generated(url: str) -> str:
    with psycopg.connect(libpq_url(url)) as connection:
        return dictionary.markdown(connection)


def test_data_dictionary_is_in_sync_with_the_database(database_url: str) -> None:
    assert DICTIONARY.read_text() == _generated(database_url), (
        "docs/data-dictionary.md is stale: run `make docs`"
    )


def test_data_dictionary_describes_every_view_and_column(database_url: str) -> None:
    with psycopg.connect(libpq_url(database_url)) as connection:
        views = dictionary.relations(connection, "analytics")
        tables = dictionary.relations(connection, "public")
    assert {"initiatives", "etl_run_gaps", "province_sector_focus"} <= {v.name for v in views}
    assert {"source_article", "initiative", "etl_run"} <= {t.name for t in tables}
    for relation in views:
        assert relation.purpose and relation.grain.startswith("One row per"), relation.name
    for relation in views + tables:
        assert relation.comment, relation.name
        assert all(text for _, _, text in relation.columns), relation.name
    text = _generated(database_url)
    assert "| `province_code` | text | ISO 3166-2:CN code of the province, e.g. CN-SD. |" in text


def test_readme_view_table_lists_every_analytics_view(database_url: str) -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Analytics views", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE)
    with psycopg.connect(libpq_url(database_url)) as connection:
        views = dictionary.analytics_view_names(connection)
    assert sorted(listed) == views, "README's view table and the analytics views differ"


def test_docs_command_writes_the_dictionary(database_url: str, tmp_path: Path) -> None:
    out = tmp_path / "dictionary.md"
    result = CliRunner().invoke(cli, ["--database-url", database_url, "docs", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text() == _generated(database_url)

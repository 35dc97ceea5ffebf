"""docs/queries.md stays true: every query runs as the reader and returns what it shows."""

from __future__ import annotations

import os
import re
from pathlib import Path

import psycopg
import pytest

from db.settings import libpq_url
from etl.cli import format_table
from tests.conftest import ROOT

DOC = ROOT / "docs" / "queries.md"
UPDATE_ENV = "POLICYDB_UPDATE_QUERIES"
_EXAMPLE = re.compile(r"```sql\n(?P<query>.*?)```\n\n```text\n(?P<result>.*?)```", re.DOTALL)


def examples(text: str) -> list[re.Match[str]]:
    return list(_EXAMPLE.finditer(text))


def run_as_reader(url: str, query: str) -> str:
    with psycopg.connect(libpq_url(url)) as connection:
        # As an analyst would be: the reader role sees only the analytics views.
        connection.execute("set role analytics_reader")
        cursor = connection.execute(query.encode())
        columns = [column.name for column in cursor.description or []]
        table = format_table(columns, cursor.fetchall())
        connection.rollback()
    # Trailing blanks would not survive an editor that strips them.
    return "".join(line.rstrip() + "\n" for line in table.splitlines())


def test_document_has_at_least_ten_questions() -> None:
    text = DOC.read_text()
    assert len(examples(text)) >= 10
    assert len(re.findall(r"^## \d+\. .+\?$", text, re.MULTILINE)) >= 10


def test_every_query_returns_what_the_document_shows(seeded_url: str) -> None:
    text = DOC.read_text()
    found = examples(text)
    actual = [run_as_reader(seeded_url, match["query"]) for match in found]
    if os.environ.get(UPDATE_ENV) == "1":
        _rewrite(DOC, text, found, actual)
        pytest.skip(f"rewrote the results in {DOC}; review the diff")
    for match, result in zip(found, actual, strict=True):
        assert result == match["result"], f"query:\n{match['query']}"
        assert "(0 rows)" not in result, f"an example that shows nothing:\n{match['query']}"


def _rewrite(path: Path, text: str, found: list[re.Match[str]], actual: list[str]) -> None:
    pieces, last = [], 0
    for match, result in zip(found, actual, strict=True):
        pieces += [text[last : match.start("result")], result]
        last = match.end("result")
    path.write_text("".join(pieces) + text[last:])

"""What the summary views must show, computed from the base tables.

The reference is the summaries' own former definition: the materialized
views of revision 0016, which aggregated every fact row on each refresh.
Their SELECTs are read from that revision's frozen copies (db.views), so the
incremental rollups are checked against exactly what the analysts had.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import psycopg

from db import views
from db.settings import libpq_url

REFERENCE_REVISION = "0016"  # the last revision with materialized summaries
SUMMARIES = (
    "article_catalog",
    "etl_run_gaps",
    "province_overview",
    "province_sector_focus",
    "sector_popularity",
)


@cache
def reference_queries() -> dict[str, str]:
    """name -> the SELECT the view must agree with, over base tables only."""
    frozen = views.frozen_views(views._scripts(), REFERENCE_REVISION)
    queries = {}
    for name in SUMMARIES:
        sql = frozen[name]
        body = re.search(
            rf"create materialized view analytics\.{name} as\s*(.*?select \* from final)",
            sql,
            re.DOTALL,
        )
        assert body, name
        queries[name] = body.group(1)
    return queries


def _rows(cursor: psycopg.Cursor[Any], query: str) -> list[tuple[Any, ...]]:
    cursor.execute(query)
    return sorted(cursor.fetchall(), key=repr)


def disagreements(url: str) -> dict[str, tuple[list[Any], list[Any]]]:
    """Per view: (rows the view shows that the reference lacks, rows it misses).

    Read in one REPEATABLE READ snapshot, so a run loading meanwhile cannot
    make the two sides differ: any difference is the summaries' own.
    """
    found = {}
    with psycopg.connect(libpq_url(url)) as connection:
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with connection.cursor() as cursor:
            for name, query in reference_queries().items():
                shown = _rows(cursor, f"select * from analytics.{name}")
                expected = _rows(cursor, f"select * from ({query}) as reference")
                if shown != expected:
                    extra = [row for row in shown if row not in expected]
                    missing = [row for row in expected if row not in shown]
                    found[name] = (extra[:5], missing[:5])
        connection.rollback()
    return found

"""How fast each analytics view answers, fetched the way a BI tool fetches it.

    python -m bench.views --database-url postgresql://.../db [--repeat 5] [--explain VIEW]

For every view in the analytics schema: the median of ``--repeat`` runs of
``select * from analytics.<view>`` fetched whole, and of the same with
``limit 2000`` (the first page Metabase shows; row-level views with millions
of rows are read that way, never whole). Reads as a `db create-reader`
login would (SET ROLE analytics_reader, and the login's settings: jit off).
Prints a table on stderr and, last on stdout, one JSON line:
{view: {"rows": n, "whole_ms": x, "page_ms": y}}.
``--explain VIEW`` prints EXPLAIN (ANALYZE, BUFFERS) of the whole fetch.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any

import psycopg
from psycopg import sql

from db.settings import libpq_url, normalize_url

PAGE = 2000


def _median_ms(
    connection: psycopg.Connection[Any], query: sql.Composable, repeat: int
) -> tuple[float, int]:
    timings, count = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        count = len(connection.execute(query).fetchall())
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), count


def measure(url: str, repeat: int) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        reader_session(connection)
        names = [
            name
            for (name,) in connection.execute(
                "select relname from pg_class where relnamespace = 'analytics'::regnamespace "
                "and relkind in ('v', 'm') order by relname"
            )
        ]
        for name in names:
            view = sql.SQL("select * from analytics.{}").format(sql.Identifier(name))
            page = sql.SQL("{} limit {}").format(view, sql.Literal(PAGE))
            page_ms, _ = _median_ms(connection, page, repeat)
            whole_ms, count = _median_ms(connection, view, repeat)
            results[name] = {
                "rows": count,
                "whole_ms": round(whole_ms, 1),
                "page_ms": round(page_ms, 1),
            }
            print(f"{name:24s} {count:>10,} rows  whole {whole_ms:9.1f} ms  first {PAGE} {page_ms:7.1f} ms",
                  file=sys.stderr)  # fmt: skip
    return results


def reader_session(
    connection: psycopg.Connection[Any], overrides: dict[str, str] | None = None
) -> None:
    """Make this session read as a `db create-reader` login does: the group's
    rights, and the settings such a login carries (SET ROLE does not apply them),
    with ``overrides`` (e.g. ``{"jit": "on"}`` to see what a setting saves)."""
    from db.access import READER_SETTINGS

    connection.execute("set role analytics_reader")
    connection.execute("set search_path = analytics")
    for setting, value in {**READER_SETTINGS, **(overrides or {})}.items():
        connection.execute(
            sql.SQL("set {} = {}").format(sql.Identifier(setting), sql.Literal(value))
        )


def first_pages(
    url: str, repeat: int = 3, overrides: dict[str, str] | None = None
) -> dict[str, float]:
    """Median ms of each view's first page (limit 2000) as a reader login reads it.

    The first run counts: a BI tool opening a view right after a load pays
    for planning with whatever statistics the load left.
    """
    pages: dict[str, float] = {}
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        reader_session(connection, overrides)
        names = [
            name
            for (name,) in connection.execute(
                "select relname from pg_class where relnamespace = 'analytics'::regnamespace "
                "and relkind in ('v', 'm') order by relname"
            )
        ]
        for name in names:
            page = sql.SQL("select * from analytics.{} limit {}").format(
                sql.Identifier(name), sql.Literal(PAGE)
            )
            pages[name] = round(_median_ms(connection, page, repeat)[0], 1)
            print(f"{name:24s} first {PAGE}: {pages[name]:7.1f} ms", file=sys.stderr)
    return pages


def explain(url: str, view: str) -> str:
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        reader_session(connection)
        query = sql.SQL("explain (analyze, buffers) select * from analytics.{}").format(
            sql.Identifier(view)
        )
        return "\n".join(row[0] for row in connection.execute(query))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.views",
        description="Time every analytics view as a BI tool reads it.",
        epilog="Example: python -m bench.views --database-url postgresql://postgres@127.0.0.1/bench100k",
    )
    parser.add_argument("--database-url", required=True, help="the loaded database to measure")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query; the median is shown")
    parser.add_argument("--explain", metavar="VIEW", help="print EXPLAIN ANALYZE of this view")
    args = parser.parse_args(argv)
    url = normalize_url(args.database_url)
    if args.explain:
        print(explain(url, args.explain))
        return 0
    print(json.dumps(measure(url, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The physical floor of the load phase: COPY of the final rows into empty tables.

Whatever the loader does (row-at-a-time INSERTs today, COPY later), it has to
put these rows into these tables with these indexes, constraints and foreign
keys. Timing a plain COPY of exactly the rows a run left behind, into a
database migrated the same way, gives the least the load phase can cost on
this server; load_s / copy_floor_s says how far the loader is from it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from bench.databases import connect, loaded_tables

COPY_BLOCK = 1 << 20


@dataclass
class TableRows:
    """One table's rows as COPY text in a file: the floor streams them, never holding them."""

    name: str
    columns: list[str]
    path: Path
    rows: int


def _columns(connection: psycopg.Connection, table: str) -> list[str]:
    """Stored columns (generated ones are computed by the server, not copied)."""
    return [
        row[0]
        for row in connection.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'public' and table_name = %s and is_generated = 'NEVER' "
            "order by ordinal_position",
            (table,),
        )
    ]


def _column_list(columns: list[str]) -> sql.Composable:
    return sql.SQL(", ").join(map(sql.Identifier, columns))


def snapshot(url: str, directory: Path) -> list[TableRows]:
    """Every row of every table an ETL run writes, in foreign-key order, as
    COPY files in ``directory`` (50,000 articles are gigabytes of rows)."""
    with connect(url) as connection, connection.cursor() as cursor:
        tables = []
        for table in loaded_tables(connection):
            columns, path = _columns(connection, table), directory / f"{table}.copy"
            statement = sql.SQL("copy {} ({}) to stdout").format(
                sql.Identifier(table), _column_list(columns)
            )
            with path.open("wb") as out, cursor.copy(statement) as copy:
                for block in copy:
                    out.write(block)
            rows = cursor.rowcount
            tables.append(TableRows(table, columns, path, rows))
        return tables


def _reference_ids(connection: psycopg.Connection) -> tuple[list[Any], list[Any]]:
    provinces = connection.execute("select province_id, code from province order by 1").fetchall()
    sectors = connection.execute("select sector_id, slug from sector order by 1").fetchall()
    return provinces, sectors


def check_same_reference(source_url: str, target_url: str) -> None:
    """Facts point at province and sector ids: both databases must number them alike."""
    with connect(source_url) as source, connect(target_url) as target:
        if _reference_ids(source) != _reference_ids(target):
            raise RuntimeError("reference ids differ between the databases; cannot copy facts")


def truncate(connection: psycopg.Connection, tables: list[TableRows]) -> None:
    names = sql.SQL(", ").join(sql.Identifier(t.name) for t in tables)
    connection.execute(sql.SQL("truncate {} restart identity").format(names))
    connection.commit()


def copy_rows(connection: psycopg.Connection, tables: list[TableRows]) -> None:
    """COPY ... FROM STDIN from the snapshot files in blocks, table by table, one transaction."""
    with connection.cursor() as cursor:
        for table in tables:
            statement = sql.SQL("copy {} ({}) from stdin").format(
                sql.Identifier(table.name), _column_list(table.columns)
            )
            with table.path.open("rb") as source, cursor.copy(statement) as copy:
                while block := source.read(COPY_BLOCK):
                    copy.write(block)
    connection.commit()


def copy_floor_seconds(target_url: str, tables: list[TableRows]) -> float:
    """Seconds to COPY all rows into the (truncated) tables of target_url, commit included."""
    with connect(target_url) as connection:
        truncate(connection, tables)
        started = time.perf_counter()
        copy_rows(connection, tables)
        return time.perf_counter() - started

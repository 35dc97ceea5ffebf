"""The database functions of sql/functions/, as the migrations define them (make functions).

Functions (the summaries' upkeep, their rebuild, the statistics after a load)
are created by migrations, which carry their SQL frozen. sql/functions/ holds
each function's definition as the migrated database reports it
(``pg_get_functiondef``), one file per function, so a reviewer reads them
beside sql/views/ and a change shows in a diff; a test fails when the files
and the migrations disagree.

    python -m db.functions [DATABASE_URL]   # rewrite sql/functions/ (default: a
                                            # scratch embedded server in .pgdata-check)
"""

from __future__ import annotations

import sys
from pathlib import Path

import psycopg

from db.settings import libpq_url

FUNCTIONS_DIR = Path(__file__).resolve().parent.parent / "sql" / "functions"
SCHEMAS = ("analytics", "analytics_cache")


def definitions(url: str) -> dict[str, str]:
    """File name -> definition, for every function of the ETL's schemas."""
    with psycopg.connect(libpq_url(url)) as connection:
        rows = connection.execute(
            """
            select n.nspname || '.' || p.proname, pg_get_functiondef(p.oid)
            from pg_proc as p join pg_namespace as n on n.oid = p.pronamespace
            where n.nspname = any(%s) and p.prokind = 'f'
            order by 1
            """,
            [list(SCHEMAS)],
        ).fetchall()
    return {f"{name}.sql": f"{body.strip()}\n" for name, body in rows}


def write(url: str, directory: Path = FUNCTIONS_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    wanted = definitions(url)
    for stale in directory.glob("*.sql"):
        if stale.name not in wanted:
            stale.unlink()
    written = []
    for name, body in wanted.items():
        path = directory / name
        path.write_text(body, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        print("usage: python -m db.functions [DATABASE_URL]", file=sys.stderr)
        return 2
    if argv:
        paths = write(argv[0])
    else:
        from db import migrate
        from db.embedded import EmbeddedServer

        with EmbeddedServer(Path(".pgdata-check")).running() as address:
            migrate.upgrade(address.url())
            paths = write(address.url())
    for path in paths:
        print(f"Wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

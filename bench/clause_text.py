"""Stored clause text against text derived from the article body by span (issue 15).

    python -m bench.clause_text --database-url postgresql://.../loaded_db

On a loaded database: the bytes the stored texts take, and the time to fetch
every initiative's clause stored and derived with ``substr`` from the body
(best of three, ``jit = off``), a first page of each, and the whole
``analytics.initiatives`` view. The figures are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import sys
import time

import psycopg

from db.settings import libpq_url

_FROM = "from initiative i join source_article a using (source_article_id)"
_DERIVED = "substr(a.body, i.span_start + 1, i.span_end - i.span_start)"
QUERIES = {
    "stored clause and sentence": f"select i.initiative_id, i.clause_text, i.sentence_text {_FROM}",
    "derived clause": f"select i.initiative_id, {_DERIVED} {_FROM}",
    "derived clause, whitespace normalized": (
        f"select i.initiative_id, regexp_replace({_DERIVED}, '\\s+', ' ', 'g') {_FROM}"
    ),
    "first page stored": f"select i.initiative_id, i.clause_text {_FROM} order by 1 limit 50",
    "first page derived": f"select i.initiative_id, {_DERIVED} {_FROM} order by 1 limit 50",
    "whole analytics.initiatives": "select * from analytics.initiatives",
}
SIZES = (
    "select count(*), sum(pg_column_size(clause_text)), sum(pg_column_size(sentence_text)), "
    "sum(pg_column_size(initiative.*)), count(*) filter (where sentence_text = clause_text), "
    "count(distinct (source_article_id, sentence_index)), "
    "pg_database_size(current_database()) from initiative"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.clause_text", description=__doc__)
    parser.add_argument("--database-url", required=True, help="a database the ETL loaded")
    args = parser.parse_args(argv)
    with psycopg.connect(libpq_url(args.database_url)) as connection:
        connection.execute("set jit = off")
        rows, clause, sentence, row_bytes, same, sentences, database = (
            connection.execute(SIZES).fetchone() or (0,) * 7
        )
        print(f"initiatives {rows:,}; clause_text {clause / 1e6:.1f} MB, sentence_text "
              f"{sentence / 1e6:.1f} MB of {row_bytes / 1e6:.1f} MB of row data; database "
              f"{database / 1e6:.0f} MB; {same:,} sentences equal their clause; "
              f"{sentences:,} distinct sentences")  # fmt: skip
        for name, query in QUERIES.items():
            best = float("inf")
            for _ in range(3):
                started = time.perf_counter()
                connection.execute(query).fetchall()
                best = min(best, time.perf_counter() - started)
            print(f"{name}: {best:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

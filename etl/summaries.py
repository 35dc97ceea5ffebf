"""The analytics summaries, kept current batch by batch in the loader's transaction.

The summary views (province_sector_focus, sector_popularity,
province_overview, article_catalog, etl_run_gaps) read rollup tables in the
private schema ``analytics_cache`` (migration 0017). A batch adjusts them for
the articles it touches, inside its own transaction:

- ``delete_articles``: the articles a batch retires (an edited file's old
  text, a file that became a copy of another) are taken out of the rollups
  while their facts are still there to be counted, then deleted (their facts
  go by cascade);
- ``add_articles``: the articles it wrote are added once their facts are in.

So a committed batch is always counted, a run killed at any point leaves
summaries that agree with the base tables (nothing is refreshed "later"),
and readers, who read through MVCC, never wait and never see half a batch.
The work is proportional to the batch, not to the corpus. ``rebuild``
recomputes everything from the base tables (``policydb db refresh --full``),
for articles deleted by hand or to check for drift.

The SQL lives in the database, in SECURITY DEFINER functions the loader may
execute (``analytics_cache.apply_articles``, ``analytics_cache.rebuild``):
the loader owns no table and cannot read or write the rollups otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg


def add_articles(cursor: psycopg.Cursor[Any], article_ids: Sequence[int]) -> None:
    """Count articles just written (with all their facts) in every rollup."""
    if article_ids:
        cursor.execute(
            "select analytics_cache.apply_articles(%s::bigint[], 1)", [list(article_ids)]
        )


def delete_articles(
    cursor: psycopg.Cursor[Any], paths: Sequence[str], keep: Sequence[int]
) -> list[str]:
    """Delete the articles stored under ``paths`` (but not those in ``keep``),
    taking them out of the rollups first; return the paths they had."""
    cursor.execute(
        "select source_article_id, source_path from source_article"
        " where source_path = any(%s) and not source_article_id = any(%s)"
        " order by source_article_id for update",
        [list(paths), list(keep)],
    )
    retired = cursor.fetchall()
    if not retired:
        return []
    ids = [article_id for article_id, _ in retired]
    cursor.execute("select analytics_cache.apply_articles(%s::bigint[], -1)", [ids])
    # Facts go with their article (cascade).
    cursor.execute("delete from source_article where source_article_id = any(%s)", [ids])
    return [path for _, path in retired]


def rebuild(connection: psycopg.Connection[Any]) -> None:
    """Recompute every rollup from the base tables, in one transaction (committed).

    A batch committing meanwhile waits for it, then adds its own articles;
    readers keep reading the previous counts until the commit.
    """
    connection.execute("select analytics_cache.rebuild()")
    connection.commit()


__all__ = ["add_articles", "delete_articles", "rebuild"]

"""The summaries the loader keeps batch by batch (etl/summaries.py, migration 0017).

Every check compares the summary views with their former materialized
definitions computed from the base tables (tests/summary_reference.py), and
the rollups kept incrementally with the ones `db refresh --full` rebuilds.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, inspect, pool
from sqlalchemy.engine import make_url

from bench.corpus import iter_articles, write_corpus
from db import migrate, views
from db.access import create_login
from db.models import Base
from db.settings import libpq_url
from etl import summaries
from etl.cli import cli
from etl.pipeline import run_pipeline
from tests.conftest import ROOT, drop_login, new_database
from tests.summary_reference import disagreements

ROLLUPS = sorted(
    table.fullname for table in Base.metadata.sorted_tables if table.schema == "analytics_cache"
)


def rollup_rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    with psycopg.connect(libpq_url(url)) as connection:
        return {
            table: sorted(connection.execute(f"select * from {table}").fetchall(), key=repr)
            for table in ROLLUPS
        }


@pytest.fixture(scope="module")
def summaries_url(server_url: str) -> Iterator[str]:
    """One database for every generated sequence: what earlier ones left is more state."""
    with new_database(server_url, "policydb_summaries") as url:
        migrate.upgrade(url)
        yield url


# A few whole articles of the benchmark corpora, English and Chinese (about 25
# initiatives and 7 statements each), sentences to append as edits, and the slots they go in.
POOL = [text for _, text in iter_articles(5, seed=21)] + [
    text for _, text in iter_articles(2, seed=21, language="zh")
]
SENTENCES = [
    "\nShandong will also develop robotics and biomedicine.\n",
    "\nHubei plans to build 20 new energy vehicle plants this year.\n",
    "\nThe province will cultivate quantum technology and low-altitude economy.\n",
    "\n",
]
SLOTS = ["a.txt", "b.txt", "c.txt", "d.txt"]

step = st.one_of(
    st.tuples(st.just("write"), st.sampled_from(SLOTS), st.integers(0, len(POOL) - 1)),
    st.tuples(st.just("append"), st.sampled_from(SLOTS), st.integers(0, len(SENTENCES) - 1)),
    st.tuples(st.just("copy"), st.sampled_from(SLOTS), st.sampled_from(SLOTS)),
    st.tuples(st.just("delete"), st.sampled_from(SLOTS), st.just(0)),
    st.tuples(st.just("run"), st.just(""), st.just(0)),
)


def _apply(folder: Path, action: str, slot: str, value: Any) -> None:
    path = folder / slot
    if action == "write":
        path.write_text(POOL[value])
    elif action == "append" and path.exists():
        path.write_text(path.read_text() + SENTENCES[value])
    elif action == "copy" and path.exists() and value != slot:
        shutil.copyfile(path, folder / value)
    elif action == "delete":
        path.unlink(missing_ok=True)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(step, min_size=1, max_size=10))
def test_incremental_and_full_summaries_agree_after_any_loads_edits_copies_and_deletions(
    summaries_url: str, steps: list[tuple[str, str, Any]]
) -> None:
    folder = Path(tempfile.mkdtemp(prefix="policydb-summaries-"))
    try:
        for action, slot, value in [*steps, ("run", "", 0)]:
            if action != "run":
                _apply(folder, action, slot, value)
            elif any(folder.iterdir()):
                run_pipeline(summaries_url, [folder], workers=1)
                assert disagreements(summaries_url) == {}
        kept = rollup_rows(summaries_url)
        with psycopg.connect(libpq_url(summaries_url)) as connection:
            summaries.rebuild(connection)
        assert rollup_rows(summaries_url) == kept
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_readers_never_wait_for_a_run_nor_see_half_a_batch(
    scratch_database: str, tmp_path: Path
) -> None:
    migrate.upgrade(scratch_database)
    write_corpus(tmp_path, 120, seed=22)
    name, password = f"reader_{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    create_login(scratch_database, name, password)
    login = make_url(scratch_database).set(username=name, password=password)
    outcome: list[Any] = []

    def load() -> None:
        try:
            outcome.append(run_pipeline(scratch_database, [tmp_path], workers=1, batch_size=10))
        except BaseException as error:  # pragma: no cover - reported below
            outcome.append(error)

    loader = threading.Thread(target=load)
    checks = 0
    try:
        with psycopg.connect(libpq_url(login.render_as_string(hide_password=False))) as reader:
            reader.autocommit = True
            # A reader that had to wait for a lock would fail here, not hang.
            reader.execute("set lock_timeout = '1s'")
            loader.start()
            while loader.is_alive() or checks == 0:
                for view in sorted(views.read_views()):
                    reader.execute(f"select * from analytics.{view}").fetchall()
                assert disagreements(scratch_database) == {}
                checks += 1
            loader.join()
    finally:
        drop_login(scratch_database, name)
    (summary,) = outcome
    assert getattr(summary, "counts", {}).get("loaded") == 120, summary
    assert checks >= 3, "the checks ran while the run loaded"
    assert disagreements(scratch_database) == {}


def test_every_analytics_view_is_listed_by_sqlalchemy_as_the_reader(seeded_url: str) -> None:
    name, password = f"reader_{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    create_login(seeded_url, name, password)
    login = make_url(seeded_url).set(username=name, password=password)
    engine = create_engine(login, poolclass=pool.NullPool)
    try:
        with engine.connect() as connection:
            inspector = inspect(connection)
            # The login's search_path is analytics: the tools' default schema.
            assert inspector.default_schema_name == "analytics"
            assert sorted(inspector.get_view_names()) == sorted(views.read_views())
            assert inspector.get_materialized_view_names("analytics") == []
            assert inspector.get_table_names("analytics") == []
            for view in views.read_views():
                assert inspector.get_columns(view), view
                assert inspector.get_table_comment(view)["text"], view
        with engine.connect() as connection, pytest.raises(Exception, match="permission denied"):
            connection.exec_driver_sql("select * from analytics_cache.province_sector_rollup")
    finally:
        engine.dispose()
        drop_login(seeded_url, name)


def test_db_refresh_full_repairs_summaries_after_a_delete_by_hand(migrated: str) -> None:
    run_pipeline(migrated, [ROOT / "seeds" / "articles", ROOT / "tests" / "fixtures" / "articles"])
    assert disagreements(migrated) == {}
    with psycopg.connect(libpq_url(migrated)) as connection:
        connection.execute(
            "delete from source_article where source_article_id ="
            " (select min(source_article_id) from source_article)"
        )
    stale = disagreements(migrated)  # the ETL did not delete it: nothing took it out
    assert "province_overview" in stale and "etl_run_gaps" in stale
    runner = CliRunner()
    plain = runner.invoke(cli, ["--database-url", migrated, "db", "refresh"])
    assert plain.exit_code == 0 and "--full" in plain.output, plain.output
    full = runner.invoke(cli, ["--database-url", migrated, "db", "refresh", "--full"])
    assert full.exit_code == 0, full.output
    assert "rebuilt" in full.output
    assert disagreements(migrated) == {}


def test_a_run_leaves_statistics_on_the_tables_it_grew(migrated: str, tmp_path: Path) -> None:
    write_corpus(tmp_path, 30, seed=23)
    summary = run_pipeline(migrated, [tmp_path], workers=1)
    assert summary.phase_seconds["analyze"] > 0
    query = (
        "select relname from pg_stat_user_tables where last_analyze is not null"
        " and relname in ('source_article', 'initiative', 'initiative_sector', 'province_rollup')"
    )
    with psycopg.connect(libpq_url(migrated)) as connection:
        analyzed = {name for (name,) in connection.execute(query)}
        assert analyzed == {"source_article", "initiative", "initiative_sector", "province_rollup"}
        # Statistics now match the sizes: nothing has grown since.
        grown = connection.execute("select analytics_cache.analyze_grown_tables()").fetchall()
        assert grown == []
    again = run_pipeline(migrated, [tmp_path], workers=1)  # nothing loaded, nothing analyzed
    assert "analyze" not in again.phase_seconds

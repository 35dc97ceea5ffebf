"""The analytics views on the seed, the reader role, and view migrations."""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from click.testing import CliRunner
from psycopg import sql
from sqlalchemy.engine import make_url

from db import migrate, views
from db.settings import libpq_url
from etl.cli import cli
from tests.conftest import ROOT, drop_login

# The columns issue 4 promises analysts; views may have more.
REQUIRED_COLUMNS = {
    "province_sector_focus": "province_code province_name region sector_slug sector_name "
    "parent_sector_slug classification initiative_count article_count matched_terms "
    "first_published_on last_published_on",
    "sector_popularity": "sector_slug sector_name level parent_sector_slug province_count "
    "initiative_count article_count provinces",
    "province_overview": "province_code province_name province_name_zh kind region "
    "article_count initiative_count sector_count target_count last_published_on",
    "province_similarity": "province_a province_b shared_sector_count jaccard shared_sectors",
    "quantitative_targets": "province_name quantity is_approximate target_words "
    "initiative_text event_kind published_on outlet article_id",
    "expert_statements": "expert_name expert_title organization_name parent_organization_name "
    "statement_kind verb statement_text topics published_on outlet article_id",
    "initiatives": "initiative_id province_name event_kind event_on initiative_text sectors "
    "target_count published_on outlet article_id",
    "region_sector_matrix": "region sector_slug sector_name province_count initiative_count",
    "article_catalog": "article_id outlet dateline_city published_on is_date_inferred reporter "
    "headline province_count initiative_count statement_count loaded_at",
    "etl_health": "run_id started_at finished_at status files_seen loaded unchanged replaced "
    "rejected unresolved_speakers initiatives_without_sector",
    "etl_run_gaps": "run_id article_count articles_without_province unresolved_speakers "
    "initiatives_without_sector",
}
# Views over the rollups the ETL keeps in analytics_cache (migration 0017).
SUMMARIES = {
    "province_sector_focus", "sector_popularity", "province_overview", "article_catalog",
    "etl_run_gaps",
}  # fmt: skip


def rows(url: str, query: str, params: Any = None) -> list[dict[str, Any]]:
    with psycopg.connect(libpq_url(url)) as connection:
        cursor = connection.execute(query, params)
        names = [column.name for column in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_every_view_file_is_a_view_in_the_database(seeded_url: str) -> None:
    in_database = {
        row["relname"]: row["relkind"]
        for row in rows(
            seeded_url,
            "select relname, relkind from pg_class "
            "where relnamespace = 'analytics'::regnamespace and relkind in ('v', 'm')",
        )
    }
    assert set(in_database) == set(views.read_views()) == set(REQUIRED_COLUMNS)
    # Plain views only: every BI tool lists those (issue 16, point 1).
    assert set(in_database.values()) == {"v"}


@pytest.mark.parametrize("view", sorted(REQUIRED_COLUMNS))
def test_view_has_columns_comments_and_no_arrays(seeded_url: str, view: str) -> None:
    # pg_attribute, not information_schema: the latter omits materialized views.
    columns = rows(
        seeded_url,
        """
        select attname as column_name, format_type(atttypid, atttypmod) as data_type,
               col_description(attrelid, attnum) as comment
        from pg_attribute
        where attrelid = %s::regclass and attnum > 0 and not attisdropped
        order by attnum
        """,
        [f"analytics.{view}"],
    )
    names = [c["column_name"] for c in columns]
    assert set(REQUIRED_COLUMNS[view].split()) <= set(names)
    assert [c["column_name"] for c in columns if not c["comment"]] == []
    assert [c for c in columns if c["data_type"].endswith("[]") or "json" in c["data_type"]] == []
    (view_comment,) = rows(
        seeded_url, "select obj_description(%s::regclass) as c", [f"analytics.{view}"]
    )
    assert view_comment["c"]


@pytest.mark.parametrize("view", sorted(REQUIRED_COLUMNS))
def test_view_file_states_question_and_grain(view: str) -> None:
    text = (views.VIEWS_DIR / f"{view}.sql").read_text()
    header = text.split("\ncreate ", 1)[0]
    assert header.startswith("-- ") and "?" in header and "Grain: one row per" in header
    assert "select * from final;" in text
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    code = body.split("comment on ", 1)[0]
    assert code == code.lower(), "SQL is lowercase"


def test_artificial_intelligence_is_targeted_by_shandong_and_shanghai(seeded_url: str) -> None:
    focus = rows(
        seeded_url,
        "select province_name from analytics.province_sector_focus "
        "where sector_slug = 'artificial-intelligence' order by 1",
    )
    assert [r["province_name"] for r in focus] == ["Shandong", "Shanghai"]
    (popularity,) = rows(
        seeded_url,
        "select * from analytics.sector_popularity where sector_slug = 'artificial-intelligence'",
    )
    assert popularity["provinces"] == "Shandong, Shanghai"
    assert popularity["province_count"] == 2


def test_parent_rows_roll_up_their_children(seeded_url: str) -> None:
    by_slug = {
        r["sector_slug"]: r for r in rows(seeded_url, "select * from analytics.sector_popularity")
    }
    parents = [r for r in by_slug.values() if r["level"] == "parent"]
    assert parents, "the taxonomy has parent sectors"
    for child in by_slug.values():
        parent = by_slug.get(child["parent_sector_slug"])
        if parent is not None:
            assert parent["level"] == "parent"
            assert set(filter(None, child["provinces"].split(", "))) <= set(
                filter(None, parent["provinces"].split(", "))
            )
            assert parent["initiative_count"] >= child["initiative_count"]
    # Aerospace is named by Hainan and Shandong; Shanghai names only kinds of it.
    assert by_slug["aerospace"]["provinces"] == "Hainan, Shandong, Shanghai"


def test_jiangsu_50_key_industrial_chains(seeded_url: str) -> None:
    targets = rows(
        seeded_url,
        "select * from analytics.quantitative_targets where province_name = 'Jiangsu'",
    )
    assert [(t["quantity"], t["target_words"]) for t in targets] == [
        (Decimal(50), "50 key industrial chains")
    ]
    assert targets[0]["event_kind"] == "government_work_report"
    assert targets[0]["outlet"] == "China News Service"


def test_three_statements_two_by_shi_dan(seeded_url: str) -> None:
    statements = rows(seeded_url, "select * from analytics.expert_statements order by statement_id")
    assert len(statements) == 3
    assert [s["expert_name"] for s in statements].count("Shi Dan") == 2
    shi_dan = next(s for s in statements if s["expert_name"] == "Shi Dan")
    assert shi_dan["organization_name"].startswith("Institute of Industrial Economics")
    assert shi_dan["parent_organization_name"] == "Chinese Academy of Social Sciences"
    assert all(s["is_expert_resolved"] for s in statements)


def test_province_overview_has_all_34_and_8_with_initiatives(seeded_url: str) -> None:
    overview = rows(seeded_url, "select * from analytics.province_overview")
    assert len(overview) == 34
    with_initiatives = {r["province_name"] for r in overview if r["initiative_count"] > 0}
    assert with_initiatives == {
        "Hainan", "Sichuan", "Jiangxi", "Shandong", "Jiangsu", "Zhejiang", "Shanghai", "Hubei",
    }  # fmt: skip
    beijing = next(r for r in overview if r["province_name"] == "Beijing")
    assert beijing["article_count"] == 0, "a dateline alone does not count"


def test_province_similarity_pairs(seeded_url: str) -> None:
    pairs = rows(seeded_url, "select * from analytics.province_similarity")
    assert pairs
    for pair in pairs:
        assert pair["province_a"] < pair["province_b"]
        assert 0 < pair["jaccard"] <= 1
        assert len(pair["shared_sectors"].split(", ")) == pair["shared_sector_count"]
    top = max(pairs, key=lambda p: p["jaccard"])
    assert (top["province_a"], top["province_b"]) == ("Jiangsu", "Shanghai")


def test_region_matrix_is_complete_and_adds_up(seeded_url: str) -> None:
    (shape,) = rows(
        seeded_url,
        """
        select count(*) as cells,
               count(distinct region) as regions,
               count(distinct sector_slug) as sectors,
               sum(initiative_count) as matrix_total,
               (select sum(initiative_count) from analytics.province_sector_focus) as focus_total
        from analytics.region_sector_matrix
        """,
    )
    assert shape["cells"] == shape["regions"] * shape["sectors"]
    assert shape["matrix_total"] == shape["focus_total"] > 0


def test_article_catalog_and_etl_health(seeded_url: str) -> None:
    (article,) = rows(seeded_url, "select * from analytics.article_catalog")
    assert article["outlet"] == "China News Service"
    assert (article["province_count"], article["statement_count"]) == (8, 3)
    (run,) = rows(seeded_url, "select * from analytics.etl_health")
    assert (run["status"], run["loaded"], run["rejected"]) == ("succeeded", 1, 0)
    assert run["unresolved_speakers"] == 0
    (initiatives,) = rows(
        seeded_url,
        "select count(*) filter (where sector_count = 0) as without from analytics.initiatives",
    )
    assert run["initiatives_without_sector"] == initiatives["without"]


# --- the reader role ---------------------------------------------------------


@pytest.fixture
def reader_cursor(seeded_url: str) -> Iterator[psycopg.Cursor[Any]]:
    """A session acting as analytics_reader, its transaction rolled back after."""
    with psycopg.connect(libpq_url(seeded_url)) as connection:
        connection.execute("set role analytics_reader")
        yield connection.cursor()
        connection.rollback()


@pytest.mark.parametrize("view", sorted(REQUIRED_COLUMNS))
def test_reader_selects_every_view(reader_cursor: psycopg.Cursor[Any], view: str) -> None:
    reader_cursor.execute(sql.SQL("select * from analytics.{}").format(sql.Identifier(view)))
    reader_cursor.fetchall()


# Qualified: the reader cannot even look into public (migration 0011), so an
# unqualified name would only be "not found".
DENIED = {
    "truncate a table": "truncate public.province",
    "create in analytics": "create table analytics.scratch (x int)",
    "create in public": "create table public.scratch (x int)",
    "create a view": "create view analytics.mine as select 1",
    "select a base table": "select * from public.source_article",
    "select the run log": "select * from public.etl_run_file",
    "insert into a table": "insert into public.etl_run (code_version) values ('x')",
    "update a table": "update public.province set name = 'x'",
    "delete from a table": "delete from public.province",
    "create a temporary table": "create temporary table scratch (x int)",
}


@pytest.mark.parametrize("statement", DENIED.values(), ids=DENIED.keys())
def test_reader_is_denied(reader_cursor: psycopg.Cursor[Any], statement: str) -> None:
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
        reader_cursor.execute(statement)


@pytest.mark.parametrize("view", sorted(REQUIRED_COLUMNS))
def test_reader_may_only_select_views(seeded_url: str, view: str) -> None:
    # Writing through these views fails anyway (they are not updatable), so
    # the grants are checked directly rather than through an error message.
    (granted,) = rows(
        seeded_url,
        """
        select
            has_table_privilege('analytics_reader', %(view)s, 'select') as can_select,
            has_table_privilege('analytics_reader', %(view)s,
                'insert, update, delete, truncate, references, trigger') as can_write
        """,
        {"view": f"analytics.{view}"},
    )
    assert granted == {"can_select": True, "can_write": False}


def test_create_reader_makes_a_login_that_only_reads_views(seeded_url: str) -> None:
    name = f"reader_{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(12)
    runner = CliRunner()
    try:
        result = runner.invoke(
            cli,
            ["--database-url", seeded_url, "db", "create-reader", name],
            env={"POLICYDB_PASSWORD": password},
        )
        assert result.exit_code == 0, result.output
        assert password not in result.output
        assert f"user:     {name}" in result.output

        again = runner.invoke(
            cli,
            ["--database-url", seeded_url, "db", "create-reader", name],
            env={"POLICYDB_PASSWORD": password},
        )
        assert again.exit_code == 0 and "Updated the password" in again.output

        login = make_url(seeded_url).set(username=name, password=password)
        with psycopg.connect(libpq_url(login.render_as_string(hide_password=False))) as reader:
            assert reader.execute("select count(*) from initiatives").fetchone() == (17,)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                reader.execute("select * from public.province")
        # Nothing outside analytics: not the public schema, no temporary objects,
        # no large objects that would outlive the session.
        for statement in (
            "create temporary table scratch (a int)",
            "select lo_from_bytea(0, 'x'::bytea)",
        ):
            with (
                psycopg.connect(libpq_url(login.render_as_string(hide_password=False))) as reader,
                pytest.raises(psycopg.errors.InsufficientPrivilege),
            ):
                reader.execute(statement)
        # A runaway query or a forgotten transaction of a BI tool ends by itself.
        with psycopg.connect(libpq_url(login.render_as_string(hide_password=False))) as reader:
            assert reader.execute("select has_schema_privilege('public', 'USAGE')").fetchone() == (
                False,
            )
            assert reader.execute("show statement_timeout").fetchone() == ("5min",)
            assert reader.execute("show idle_in_transaction_session_timeout").fetchone() == (
                "10min",
            )
            # A page is a LIMIT query: no JIT compile before its first row.
            assert reader.execute("show jit").fetchone() == ("off",)
    finally:
        drop_login(seeded_url, name)


def test_readers_made_before_get_jit_off_on_upgrade(scratch_database: str) -> None:
    migrate.upgrade(scratch_database, "0020")
    name = f"old_reader_{secrets.token_hex(3)}"
    try:
        with psycopg.connect(libpq_url(scratch_database), autocommit=True) as admin:
            admin.execute(
                sql.SQL("create role {} login password 'pw' in role analytics_reader").format(
                    sql.Identifier(name)
                )
            )
        migrate.upgrade(scratch_database)
        (config,) = rows(
            scratch_database, "select rolconfig from pg_roles where rolname = %s", [name]
        )
        assert "jit=off" in config["rolconfig"]
    finally:
        drop_login(scratch_database, name)


@pytest.mark.parametrize("view", ["initiatives", "expert_statements"])
def test_row_views_show_what_their_per_row_lookups_showed(seeded_url: str, view: str) -> None:
    """Aggregates merge-joined once (migration 0022) instead of a lookup per row:
    the same rows as revision 0016's definition."""
    import re

    frozen = views.frozen_views(views._scripts(), "0016")[view]
    body = re.search(rf"view analytics\.{view} as\s*(.*?select \* from final)", frozen, re.DOTALL)
    assert body
    ordered = "order by 1"
    assert rows(seeded_url, f"select * from analytics.{view} {ordered}") == rows(
        seeded_url, f"select * from ({body.group(1)}) as before {ordered}"
    )


def test_create_reader_refuses_an_existing_privileged_role(seeded_url: str) -> None:
    superuser = make_url(seeded_url).username
    result = CliRunner().invoke(
        cli,
        ["--database-url", seeded_url, "db", "create-reader", superuser],
        env={"POLICYDB_PASSWORD": "x"},
    )
    assert result.exit_code == 2
    assert "already exists and is not in analytics_reader" in result.output


# --- view migrations ---------------------------------------------------------


def _snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    with psycopg.connect(libpq_url(url)) as connection:
        return {
            view: sorted(
                connection.execute(
                    sql.SQL("select * from analytics.{}").format(sql.Identifier(view))
                ).fetchall(),
                key=repr,
            )
            for view in REQUIRED_COLUMNS
        }


def test_replacing_views_by_migration_and_rolling_back(seeded_url: str, tmp_path: Path) -> None:
    # A copy of the migrations and views, so a throwaway revision can be written.
    shutil.copytree(ROOT / "migrations", tmp_path / "migrations")
    shutil.copytree(views.VIEWS_DIR, tmp_path / "views")
    config = migrate.alembic_config(seeded_url)
    config.set_main_option("script_location", str(tmp_path / "migrations"))
    edited = tmp_path / "views" / "province_overview.sql"
    edited.write_text(
        edited.read_text().replace(
            "        province_rollup.last_published_on\n",
            "        province_rollup.last_published_on,\n        true as is_edited\n",
        )
    )
    before = _snapshot(seeded_url)
    revision = views.write_revision("add is_edited", tmp_path / "views", config)
    try:
        command.upgrade(config, "head")
        (changed,) = rows(
            seeded_url,
            "select count(*) filter (where is_edited) as n from analytics.province_overview",
        )
        assert changed["n"] == 34
        assert rows(
            seeded_url,
            "select has_table_privilege('analytics_reader', 'analytics.province_overview', 'select') as ok",
        ) == [{"ok": True}]
        command.downgrade(config, "-1")
        assert _snapshot(seeded_url) == before
        columns = rows(seeded_url, "select * from analytics.province_overview limit 1")[0]
        assert "is_edited" not in columns
    finally:
        command.stamp(migrate.alembic_config(seeded_url), "head", purge=True)
        revision.unlink(missing_ok=True)


def test_downgrade_below_views_and_back(scratch_database: str) -> None:
    migrate.upgrade(scratch_database)
    migrate.downgrade(scratch_database, "0001")
    assert (
        rows(scratch_database, "select nspname from pg_namespace where nspname = 'analytics'") == []
    )
    migrate.upgrade(scratch_database)
    assert len(rows(scratch_database, "select * from analytics.province_overview")) == 0


def test_view_files_and_migrations_must_agree(tmp_path: Path) -> None:
    views.check()
    shutil.copytree(views.VIEWS_DIR, tmp_path / "views")
    edited = tmp_path / "views" / "etl_health.sql"
    edited.write_text(edited.read_text() + "\n-- an edit without a migration\n")
    with pytest.raises(views.ViewError, match=r"etl_health.*python -m db\.views revision"):
        views.check(tmp_path / "views")


def test_views_are_created_after_the_views_they_read() -> None:
    order = views.dependency_order(views.read_views())
    assert order.index("province_sector_focus") < order.index("province_similarity")
    assert order.index("province_sector_focus") < order.index("region_sector_matrix")
    cycle = {
        "a": "create view analytics.a as select * from analytics.b",
        "b": "create view analytics.b as select * from analytics.a",
    }
    with pytest.raises(views.ViewError, match="cycle"):
        views.dependency_order(cycle)


def test_a_view_file_must_create_the_view_it_is_named_after(tmp_path: Path) -> None:
    (tmp_path / "wrong.sql").write_text("create or replace view analytics.other as select 1;")
    with pytest.raises(views.ViewError, match=r"must create the view analytics\.wrong"):
        views.read_views(tmp_path)


def test_analytics_holds_plain_views_only(tmp_path: Path) -> None:
    (tmp_path / "summary.sql").write_text(
        "create materialized view analytics.summary as select 1 as x;"
        "create unique index uq_summary_x on analytics.summary (x);"
    )
    with pytest.raises(views.ViewError, match=r"plain views only.*analytics_cache"):
        views.read_views(tmp_path)


def test_a_run_does_not_block_readers_of_the_summaries(scratch_database: str) -> None:
    from etl.pipeline import run_pipeline
    from tests.conftest import FIXTURES

    migrate.upgrade(scratch_database)
    run_pipeline(scratch_database, [ROOT / "seeds" / "articles"])
    assert len(rows(scratch_database, "select * from analytics.article_catalog")) == 1
    with psycopg.connect(libpq_url(scratch_database)) as reader:
        # A reader in the middle of a transaction on the summaries ...
        reader.execute("set role analytics_reader")
        for view in sorted(SUMMARIES):
            reader.execute(f"select count(*) from analytics.{view}").fetchone()
        # ... holds up no run: the rollups are written while it holds its locks.
        summary = run_pipeline(scratch_database, [FIXTURES / "articles" / "xinhua_wire.txt"])
        assert summary.counts["loaded"] == 1
        (count,) = reader.execute("select count(*) from analytics.article_catalog").fetchone()
        assert count == 2
    assert len(rows(scratch_database, "select * from analytics.article_catalog")) == 2
    (run,) = rows(scratch_database, "select * from analytics.etl_health where run_id = 2")
    assert run["loaded"] == 1


def test_a_view_revision_freezes_only_what_changed(seeded_url: str, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "migrations", tmp_path / "migrations")
    shutil.copytree(views.VIEWS_DIR, tmp_path / "views")
    config = migrate.alembic_config(seeded_url)
    config.set_main_option("script_location", str(tmp_path / "migrations"))
    with pytest.raises(views.ViewError, match="nothing to freeze"):
        views.write_revision("no change", tmp_path / "views", config)
    (tmp_path / "views" / "region_sector_matrix.sql").unlink()
    written = views.write_revision("drop the matrix", tmp_path / "views", config)
    text = written.read_text()
    assert "DROPPED: list[str] = ['region_sector_matrix']" in text
    assert "VIEWS = {\n}" in text

"""Statistics current after a load, and no JIT for readers

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-28

As loaded, the planner had no statistics on the tables a first load filled:
it took every table for a guess, found plans expensive and JIT-compiled them,
and the first page of analytics.initiatives or expert_statements took
190-250 ms instead of under 30 (after a manual ANALYZE). Autovacuum gets there
only later.

analytics_cache.analyze_grown_tables() ANALYZEs each table the ETL writes (in
public and analytics_cache) that has grown markedly since its statistics were
taken: never analyzed, or at least 10 % more pages than when they were. It
goes by the tables' sizes, not by the statistics collector's counters, which
a loader's last transactions may not have reached yet. The ETL calls it at
the end of every run that loaded or replaced articles; a run of 100 articles
into 100,000 analyzes nothing. SECURITY DEFINER: only a table's owner may
analyze it (before PostgreSQL 17's MAINTAIN), and the loader owns nothing.

Reader logins get `jit = off` (db create-reader sets it on new ones; here,
on those that exist, where this user may alter them): a BI tool's page is a
LIMIT query that never repays the compile.
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

LOADER_ROLE = "policy_loader"
READER_ROLE = "analytics_reader"
# Not written by a load: reference data, the migration version, and the run lock
# (one row, held EXCLUSIVE by the very run that calls the function).
NOT_LOADED = (
    "province", "province_alias", "sector", "sector_alias", "alembic_version", "etl_run_lock",
)  # fmt: skip

UPGRADE = f"""
create function analytics_cache.analyze_grown_tables()
returns setof text
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
set lock_timeout = '5s'
as $$
declare
    grown regclass;
begin
    for grown in
        select pg_class.oid::regclass
        from pg_class
        inner join pg_namespace on pg_namespace.oid = pg_class.relnamespace
        where pg_class.relkind = 'r'
            and pg_namespace.nspname in ('public', 'analytics_cache')
            and pg_class.relname not in {NOT_LOADED!r}
            and pg_relation_size(pg_class.oid) > 0
            and (
                pg_class.reltuples < 0  -- never analyzed (nor vacuumed)
                or pg_relation_size(pg_class.oid)
                    >= 1.1 * greatest(pg_class.relpages, 1)
                        * current_setting('block_size')::bigint
            )
        order by pg_class.relname
    loop
        begin
            execute format('analyze %s', grown);
            return next grown::text;
        exception when lock_not_available then
            -- Someone else's VACUUM or ANALYZE holds it: autovacuum will get there.
            raise notice 'not analyzed: % is locked', grown;
        end;
    end loop;
end
$$;
comment on function analytics_cache.analyze_grown_tables() is
    'ANALYZE every table the ETL writes that has grown by 10 % or more since its statistics were taken (or never had any); returns their names. The ETL calls it after a run that loaded articles.';
revoke all on function analytics_cache.analyze_grown_tables() from public;
grant execute on function analytics_cache.analyze_grown_tables() to {LOADER_ROLE};

do $$
declare
    login text;
begin
    for login in
        select member.rolname
        from pg_auth_members
        join pg_roles as grp on grp.oid = pg_auth_members.roleid
        join pg_roles as member on member.oid = pg_auth_members.member
        where grp.rolname = '{READER_ROLE}' and member.rolcanlogin
        order by member.rolname
    loop
        begin
            execute format('alter role %I set jit = off', login);
        exception when insufficient_privilege then
            raise notice 'login % keeps its jit setting: % may not alter it (alter role % set jit = off)',
                login, current_user, login;
        end;
    end loop;
end
$$;
"""

DOWNGRADE = f"""
drop function analytics_cache.analyze_grown_tables();
do $$
declare
    login text;
begin
    for login in
        select member.rolname
        from pg_auth_members
        join pg_roles as grp on grp.oid = pg_auth_members.roleid
        join pg_roles as member on member.oid = pg_auth_members.member
        where grp.rolname = '{READER_ROLE}' and member.rolcanlogin
        order by member.rolname
    loop
        begin
            execute format('alter role %I reset jit', login);
        exception when insufficient_privilege then
            raise notice 'login % keeps jit = off: % may not alter it', login, current_user;
        end;
    end loop;
end
$$;
"""


def _execute(sql: str) -> None:
    # Through the DBAPI cursor: no bind parameters, so '%' and ':' stay literal.
    cursor = op.get_bind().connection.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def upgrade() -> None:
    _execute(UPGRADE)


def downgrade() -> None:
    _execute(DOWNGRADE)

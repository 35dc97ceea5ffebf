"""The policy_loader role: the least the ETL needs to load articles

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

A login in this group can run `python -m etl run`: read and write the ETL's
tables (articles, facts, the run log, reference data it syncs) and nothing
more. It cannot create, alter or drop tables, create roles, move the
migration version, or read anything but what it loads. Migrations and
`db create-reader` need a more privileged user; loading does not.

Roles belong to the whole server, so the role is created only if missing and
is left in place on downgrade (another database may use it).
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LOADER_ROLE = "policy_loader"

UPGRADE = f"""
do $$
begin
    if not exists (select from pg_roles where rolname = '{LOADER_ROLE}') then
        create role {LOADER_ROLE} nologin;
    end if;
exception when insufficient_privilege then
    raise exception 'the role {LOADER_ROLE} does not exist and % may not create it', current_user
        using hint = 'ask a superuser to run: create role {LOADER_ROLE} nologin';
end
$$;
do $$
begin
    execute format('grant connect on database %I to {LOADER_ROLE}', current_database());
end
$$;
grant usage on schema public to {LOADER_ROLE};
grant select, insert, update, delete on all tables in schema public to {LOADER_ROLE};
-- The loader draws ids from identity sequences in bulk (nextval) before COPY.
grant usage on all sequences in schema public to {LOADER_ROLE};
-- Only migrations move the schema version.
revoke insert, update, delete on alembic_version from {LOADER_ROLE};
alter default privileges in schema public
    grant select, insert, update, delete on tables to {LOADER_ROLE};
alter default privileges in schema public grant usage on sequences to {LOADER_ROLE};
"""

DOWNGRADE = f"""
alter default privileges in schema public
    revoke select, insert, update, delete on tables from {LOADER_ROLE};
alter default privileges in schema public revoke usage on sequences from {LOADER_ROLE};
revoke all on all tables in schema public from {LOADER_ROLE};
revoke all on all sequences in schema public from {LOADER_ROLE};
revoke usage on schema public from {LOADER_ROLE};
do $$
begin
    execute format('revoke connect on database %I from {LOADER_ROLE}', current_database());
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

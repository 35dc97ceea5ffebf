"""Readers see and make nothing outside analytics

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28

A BI login could list the `public` schema (17 tables it may not read), make
temporary tables and functions, and create large objects that outlive its
session (`lo_from_bytea`), because PostgreSQL grants those to PUBLIC. This
database revokes them from PUBLIC: the ETL's own loader keeps USAGE on
`public` (migration 0003), owners keep everything. Large-object functions
belong to the superuser; where the migration runs without one, that step is
skipped with a notice rather than failing the upgrade.
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

UPGRADE = """
revoke usage on schema public from public;
do $$
begin
    execute format('revoke temporary on database %I from public', current_database());
end
$$;
do $$
begin
    revoke execute on function lo_from_bytea(oid, bytea), lo_create(oid), lo_creat(integer),
        lo_import(text), lo_import(text, oid) from public;
exception when insufficient_privilege then
    raise notice 'large-object functions left as they are: % does not own them', current_user;
end
$$;
"""

DOWNGRADE = """
do $$
begin
    grant execute on function lo_from_bytea(oid, bytea), lo_create(oid), lo_creat(integer),
        lo_import(text), lo_import(text, oid) to public;
exception when insufficient_privilege then
    raise notice 'large-object functions left as they are: % does not own them', current_user;
end
$$;
do $$
begin
    execute format('grant temporary on database %I to public', current_database());
end
$$;
grant usage on schema public to public;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)

"""Logins connect only to the database they were made for

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-28

The group roles analytics_reader and policy_loader belong to the whole
server, and each database migrated here granted them CONNECT, as PostgreSQL
grants it to PUBLIC: a reader made for one database could connect to another
database on the same server and read its analytics (a loader, write its
tables). This database now revokes CONNECT from PUBLIC and from both groups;
`db create-reader` and `db create-loader` grant it to the login itself, on the
database they were run against. The groups keep what they may do inside a
database, the login says which database.

Logins that exist already: in a database that has runs (one in use), every
login of the two groups is given CONNECT here, so that no BI tool or ETL job
is locked out by an upgrade (a notice names each); in a database without
runs (a new one), none is. On a server with several databases in use, revoke
it from logins made for another one: `revoke connect on database DB from NAME`.
Other roles that relied on PUBLIC's CONNECT need `grant connect on database
DB to ROLE`. The owner and superusers are not affected.
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

GROUPS = ("analytics_reader", "policy_loader")

UPGRADE = f"""
do $$
declare
    login text;
begin
    if exists (select from etl_run) then
        for login in
            select distinct member.rolname
            from pg_auth_members
            join pg_roles as grp on grp.oid = pg_auth_members.roleid
            join pg_roles as member on member.oid = pg_auth_members.member
            where grp.rolname in {GROUPS!r} and member.rolcanlogin
            order by member.rolname
        loop
            execute format('grant connect on database %I to %I', current_database(), login);
            raise notice 'login % keeps CONNECT on database % (it existed before revision 0014)',
                login, current_database();
        end loop;
    end if;
    execute format('revoke connect on database %I from public, {", ".join(GROUPS)}',
        current_database());
end
$$;
"""

DOWNGRADE = f"""
do $$
begin
    execute format('grant connect on database %I to public, {", ".join(GROUPS)}',
        current_database());
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

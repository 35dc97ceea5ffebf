"""Login roles: readers for BI tools, loaders for the ETL, each in its group role.

analytics_reader (migration 0002) may read the analytics views; policy_loader
(migration 0003) may read and write the ETL's tables. Neither can change the
schema or create roles.

Group roles belong to the whole server; the database a login may connect
to is its own grant: `create_login` gives it CONNECT on the database it is
run against, and migration 0014 revokes CONNECT from PUBLIC and from both
groups, so a login made for one database cannot open another one on the same
server.

The password never reaches the server in clear: libpq hashes it into a
SCRAM-SHA-256 verifier on this side, so neither the statement log nor
pg_stat_activity can show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import psycopg
from psycopg import sql

from db import settings
from db.views import READER_ROLE, SCHEMA

LOADER_ROLE = "policy_loader"
GROUPS = {"reader": READER_ROLE, "loader": LOADER_ROLE}
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class AccessError(Exception):
    """A reader role cannot be created; the message says what to do."""


@dataclass(frozen=True)
class Login:
    name: str
    created: bool


def reader_names(url: str, group: str = READER_ROLE) -> list[str]:
    """Login roles that belong to the group, alphabetically."""
    with psycopg.connect(settings.libpq_url(url)) as connection:
        rows = connection.execute(
            """
            select member.rolname
            from pg_auth_members
            join pg_roles as grp on grp.oid = pg_auth_members.roleid
            join pg_roles as member on member.oid = pg_auth_members.member
            where grp.rolname = %s and member.rolcanlogin
            order by member.rolname
            """,
            [group],
        ).fetchall()
    return [name for (name,) in rows]


# Overridable per login: ALTER ROLE name SET statement_timeout = '10min'.
READER_TIMEOUTS = {"statement_timeout": "5min", "idle_in_transaction_session_timeout": "10min"}
# A BI tool's page is a LIMIT query: JIT compiling it never pays (it cost the first
# page of initiatives 190-250 ms on a fresh load, issue 15). Migration 0021 sets it
# on the logins made before.
READER_SETTINGS = {**READER_TIMEOUTS, "jit": "off"}


def create_login(url: str, name: str, password: str, group: str = READER_ROLE) -> Login:
    """Create login role ``name`` in ``group``, or reset its password."""
    if not _ROLE_NAME.fullmatch(name):
        raise AccessError(
            f"{name!r} is not a usable role name: use lowercase letters, digits and _, "
            "starting with a letter, e.g. metabase"
        )
    if not password:
        raise AccessError("the password is empty; give one at the prompt or in the environment")
    with psycopg.connect(settings.libpq_url(url)) as connection:
        existing = _existing_member(connection, name, group)
        try:
            _set_password(connection, name, password, existing)
            _grant(connection, name, group)
        except psycopg.errors.InsufficientPrivilege as error:
            raise AccessError(
                f"the database user may not create roles ({error.diag.message_primary}); "
                "run this as a superuser or a role with CREATEROLE"
            ) from error
        _check_connect(connection, name)
    return Login(name=name, created=not existing)


_Connection = psycopg.Connection[tuple[object, ...]]


def _existing_member(connection: _Connection, name: str, group: str) -> bool:
    """Whether the login exists already (then in ``group`` and nothing more)."""
    if not _exists(connection, group):
        raise AccessError(
            f"the {group} role does not exist yet; run `python -m etl db upgrade` first"
        )
    existing = connection.execute(
        """
        select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls,
               pg_has_role(oid, %s, 'member')
        from pg_roles where rolname = %s
        """,
        [group, name],
    ).fetchone()
    if existing is not None and (existing[0] or not existing[1]):
        raise AccessError(
            f"a role named {name} already exists and is not in {group}; "
            "choose another name so its rights are not changed"
        )
    return existing is not None


def _set_password(connection: _Connection, name: str, password: str, existing: bool) -> None:
    verifier = connection.pgconn.encrypt_password(
        password.encode(), name.encode(), b"scram-sha-256"
    ).decode()
    statement = (
        "alter role {} login password {}" if existing else "create role {} login password {}"
    )
    connection.execute(sql.SQL(statement).format(sql.Identifier(name), sql.Literal(verifier)))


def _grant(connection: _Connection, name: str, group: str) -> None:
    connection.execute(
        sql.SQL("grant {} to {}").format(sql.Identifier(group), sql.Identifier(name))
    )
    # The groups may connect nowhere (migration 0014): the login may
    # connect to this database, not to others on the same server.
    connection.execute(
        sql.SQL("grant connect on database {} to {}").format(
            sql.Identifier(connection.info.dbname), sql.Identifier(name)
        )
    )
    if group != READER_ROLE:
        return
    # BI tools list the search path first; the reader may see nothing else.
    connection.execute(
        sql.SQL("alter role {} set search_path = {}").format(
            sql.Identifier(name), sql.Identifier(SCHEMA)
        )
    )
    # A reader's cross join or forgotten transaction must not hold a core or
    # locks for good: settings on the login (a group's do not pass to members).
    for setting, value in READER_SETTINGS.items():
        connection.execute(
            sql.SQL("alter role {} set {} = {}").format(
                sql.Identifier(name), sql.Identifier(setting), sql.Literal(value)
            )
        )


def _check_connect(connection: _Connection, name: str) -> None:
    # GRANT by a user without the right only warns; the login would be shut out.
    may_connect = connection.execute(
        "select has_database_privilege(%s, current_database(), 'CONNECT')", [name]
    ).fetchone()
    if may_connect != (True,):
        raise AccessError(
            f"{name} may not connect to database {connection.info.dbname}: this user "
            "may not grant CONNECT on it; run this as the database owner or a superuser"
        )


def _exists(connection: psycopg.Connection[tuple[object, ...]], role: str) -> bool:
    return (
        connection.execute("select from pg_roles where rolname = %s", [role]).fetchone() is not None
    )

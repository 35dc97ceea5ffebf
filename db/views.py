"""The analytics views: read from sql/views/, frozen into migrations, applied in order.

``sql/views/<name>.sql`` is where a view is written and reviewed. A migration
cannot read those files when it runs, though: a later edit would silently
change what an old revision creates, and a downgrade could not bring the old
definition back. So a view migration carries a frozen copy of the views it
creates or changes (``VIEWS``; earlier ones come from earlier migrations),
made by ``python -m db.views revision -m "why"``, and its downgrade restores
the set of the revision before it. ``check()`` (run by
``python -m etl db check`` in CI) fails when the files and the newest frozen
copies disagree, as ``alembic check`` does for tables.

Every view is dropped and created again on each view migration, in
dependency order, inside the migration's transaction: ``create or replace``
cannot drop or retype a column, and analysts never see a half-built schema.
"""

from __future__ import annotations

import argparse
import graphlib
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from alembic.config import Config
from alembic.script import Script, ScriptDirectory
from sqlalchemy import Connection

ROOT = Path(__file__).resolve().parent.parent
VIEWS_DIR = ROOT / "sql" / "views"
SCHEMA = "analytics"
READER_ROLE = "analytics_reader"

_REFERENCE = re.compile(rf"\b{SCHEMA}\.([a-z_][a-z0-9_]*)")
_CREATED = re.compile(
    rf"^\s*create\s+(?:or\s+replace\s+)?(materialized\s+)?view\s+{SCHEMA}\.([a-z_][a-z0-9_]*)",
    re.IGNORECASE | re.MULTILINE,
)

_UNIQUE_INDEX = re.compile(rf"create\s+unique\s+index\s+\w+\s+on\s+{SCHEMA}\.", re.IGNORECASE)


class ViewError(Exception):
    """A view file is malformed, or the files and the migrations disagree."""


def read_views(directory: Path = VIEWS_DIR) -> dict[str, str]:
    """Every view file, by view name; the file name must be the view's name."""
    views = {}
    for path in sorted(directory.glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        created = _CREATED.search(sql)
        if created is None or created.group(2) != path.stem:
            raise ViewError(
                f"{path} must create the view {SCHEMA}.{path.stem} "
                f"(`create or replace view {SCHEMA}.{path.stem} as ...`)"
            )
        if created.group(1) and not _UNIQUE_INDEX.search(sql):
            raise ViewError(
                f"{path} creates a materialized view without a unique index; "
                "REFRESH ... CONCURRENTLY (how the ETL refreshes it) needs one"
            )
        views[path.stem] = sql
    return views


def dependency_order(views: Mapping[str, str]) -> list[str]:
    """Names in an order where each view comes after the views it selects from."""
    graph = {
        name: {ref for ref in _REFERENCE.findall(sql) if ref in views and ref != name}
        for name, sql in views.items()
    }
    try:
        # Sorted input makes the order, and so the migration's effect, deterministic.
        sorter = graphlib.TopologicalSorter(dict(sorted(graph.items())))
        return list(sorter.static_order())
    except graphlib.CycleError as error:
        raise ViewError(f"views select from each other in a cycle: {error.args[1]}") from error


def _is_materialized(sql: str) -> bool:
    created = _CREATED.search(sql)
    return bool(created and created.group(1))


def drop_views(connection: Connection, views: Mapping[str, str]) -> None:
    for name in reversed(dependency_order(views)):
        kind = "materialized view" if _is_materialized(views[name]) else "view"
        connection.exec_driver_sql(f"drop {kind} if exists {SCHEMA}.{name}")


def create_views(connection: Connection, views: Mapping[str, str]) -> None:
    for name in dependency_order(views):
        execute_script(connection, views[name])
        connection.exec_driver_sql(f"grant select on {SCHEMA}.{name} to {READER_ROLE}")


def replace_views(connection: Connection, old: Mapping[str, str], new: Mapping[str, str]) -> None:
    """Swap the old set of views for the new one, in one transaction."""
    drop_views(connection, old)
    create_views(connection, new)


_CREATE_READER = f"""
do $$
begin
    if not exists (select from pg_roles where rolname = '{READER_ROLE}') then
        create role {READER_ROLE} nologin;
    end if;
exception when insufficient_privilege then
    raise exception 'the role {READER_ROLE} does not exist and % may not create it', current_user
        using hint = 'ask a superuser to run: create role {READER_ROLE} nologin';
end
$$;
create schema if not exists {SCHEMA};
comment on schema {SCHEMA} is
    'Views for analysts and BI tools; the tables they read are in public.';
grant usage on schema {SCHEMA} to {READER_ROLE};
alter default privileges in schema {SCHEMA} grant select on tables to {READER_ROLE};
do $$
begin
    execute format('grant connect on database %I to {READER_ROLE}', current_database());
end
$$;
-- PostgreSQL before 15 let every role create tables in public; a reader must not.
revoke create on schema public from public;
"""

_DROP_READER = f"""
alter default privileges in schema {SCHEMA} revoke select on tables from {READER_ROLE};
drop schema if exists {SCHEMA};
do $$
begin
    execute format('revoke connect on database %I from {READER_ROLE}', current_database());
end
$$;
"""


def execute_script(connection: Connection, sql: str) -> None:
    """Run several statements as written: no bind parameters, so '%' and ':' are literal."""
    # Through the DBAPI cursor, inside the same transaction: SQLAlchemy would
    # pass a parameter tuple, and psycopg would then parse '%' as a placeholder.
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def create_schema_and_reader(connection: Connection) -> None:
    """The analytics schema and the NOLOGIN group role BI logins belong to."""
    execute_script(connection, _CREATE_READER)


def drop_schema_and_reader(connection: Connection) -> None:
    # The role is the server's, not this database's: other databases may use it.
    execute_script(connection, _DROP_READER)


def _down(script: Script) -> str | None:
    down = script.down_revision
    return down if isinstance(down, str) or down is None else down[0]


def frozen_views(scripts: ScriptDirectory, revision: str | None) -> dict[str, str]:
    """The views as of ``revision``.

    Each view migration freezes only the views it creates or changes (VIEWS)
    and names those it removes (DROPPED), so the set at a revision is every
    migration's VIEWS from the first up to it, later copies winning.
    """
    chain = []
    while revision is not None and (script := scripts.get_revision(revision)) is not None:
        chain.append(script.module)
        revision = _down(script)
    views: dict[str, str] = {}
    for module in reversed(chain):
        views.update(getattr(module, "VIEWS", {}))
        for name in getattr(module, "DROPPED", ()):
            views.pop(name, None)
    return views


def _migration_scripts() -> ScriptDirectory:
    from alembic import context

    return ScriptDirectory.from_config(context.config)


def views_at(revision: str) -> dict[str, str]:
    """For a migration: the whole set of views as of its own revision."""
    return frozen_views(_migration_scripts(), revision)


def previous_views(revision: str) -> dict[str, str]:
    """For a migration: the whole set of views as of the revision before it."""
    scripts = _migration_scripts()
    script = scripts.get_revision(revision)
    assert script is not None
    return frozen_views(scripts, _down(script))


def _scripts(config: Config | None = None) -> ScriptDirectory:
    from db.migrate import alembic_config

    return ScriptDirectory.from_config(config or alembic_config())


def head_views() -> dict[str, str]:
    scripts = _scripts()
    return frozen_views(scripts, scripts.get_current_head())


def check(directory: Path = VIEWS_DIR) -> None:
    """Raise ViewError when sql/views and the newest frozen copies differ."""
    files, frozen = read_views(directory), head_views()
    changed = sorted(
        name for name in files.keys() | frozen.keys() if files.get(name) != frozen.get(name)
    )
    if changed:
        raise ViewError(
            f"sql/views and the migrations disagree on: {', '.join(changed)}. "
            'Write a migration with: python -m db.views revision -m "what changed"'
        )


_TEMPLATE = '''"""{title}

Revision ID: {revision}
Revises: {down_revision}
Create Date: {date}

Made by `python -m db.views revision`: VIEWS is a frozen copy of the views of
sql/views/ that this revision creates or changes, DROPPED those it removes.
Every view is dropped and created again, unchanged ones from the copies of
earlier revisions, so that dependent views follow the ones they read.
"""

from alembic import op

from db import views

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None

DROPPED: list[str] = {dropped}

VIEWS = {views}


def upgrade() -> None:
    views.replace_views(op.get_bind(), views.previous_views(revision), views.views_at(revision))


def downgrade() -> None:
    views.replace_views(op.get_bind(), views.views_at(revision), views.previous_views(revision))
'''


def render_views_literal(views: Mapping[str, str]) -> str:
    lines = ["{"]
    for name in sorted(views):
        body = views[name].replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
        lines.append(f'    "{name}": """\\\n{body}""",')
    lines.append("}")
    return "\n".join(lines)


def write_revision(message: str, directory: Path = VIEWS_DIR, config: Config | None = None) -> Path:
    """Write the next migration, freezing the views in ``directory`` into it."""
    import datetime as dt

    scripts = _scripts(config)
    head = scripts.get_current_head()
    if head is None or not head.isdigit():
        raise ViewError(f"cannot number a revision after head {head!r}")
    files, frozen = read_views(directory), frozen_views(scripts, head)
    changed = {name: sql for name, sql in files.items() if frozen.get(name) != sql}
    dropped = sorted(frozen.keys() - files.keys())
    if not changed and not dropped:
        raise ViewError("sql/views/ and the migrations already agree; nothing to freeze")
    revision = f"{int(head) + 1:04d}"
    slug = ""
    for word in re.findall(r"[a-z0-9]+", message.lower()):
        if slug and len(slug) + len(word) >= 40:
            break
        slug = f"{slug}_{word}" if slug else word
    path = Path(scripts.versions) / f"{revision}_{slug}.py"
    path.write_text(
        _TEMPLATE.format(
            title=message,
            revision=revision,
            down_revision=head,
            date=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            views=render_views_literal(changed),
            dropped=repr(dropped),
        ),
        encoding="utf-8",
    )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m db.views",
        description="Freeze sql/views/ into a migration, or check they agree.",
        epilog='Example: python -m db.views revision -m "add target_count to initiatives"',
    )
    commands = parser.add_subparsers(dest="command", required=True)
    revision = commands.add_parser("revision", help="write a migration freezing sql/views/")
    revision.add_argument("-m", "--message", required=True, help="what changed, for the title")
    commands.add_parser("check", help="fail when sql/views/ and the migrations disagree")
    args = parser.parse_args(argv)
    try:
        if args.command == "revision":
            print(f"Wrote {write_revision(args.message)}")
        else:
            check()
            print("sql/views and the migrations agree.")
    except ViewError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The analytics views: read from sql/views/, frozen into migrations, applied in order.

``sql/views/<name>.sql`` is where a view is written and reviewed. A migration
cannot read those files when it runs, though: a later edit would silently
change what an old revision creates, and a downgrade could not bring the old
definition back. So ``python -m db.views revision -m "why"`` writes a
migration that carries a frozen copy of the views it creates or changes
(``VIEWS``; earlier ones come from earlier migrations) and the SQL it runs
(``UPGRADE``, ``DOWNGRADE``): nothing in this module runs when a migration
does, so editing it changes no old revision. ``check()`` (run by
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

ROOT = Path(__file__).resolve().parent.parent
VIEWS_DIR = ROOT / "sql" / "views"
SCHEMA = "analytics"
# Where the summaries the views read are kept (migration 0017); readers have no access.
CACHE_SCHEMA = "analytics_cache"
READER_ROLE = "analytics_reader"

_REFERENCE = re.compile(rf"\b{SCHEMA}\.([a-z_][a-z0-9_]*)")
_CREATED = re.compile(
    rf"^\s*create\s+(?:or\s+replace\s+)?(materialized\s+)?view\s+{SCHEMA}\.([a-z_][a-z0-9_]*)",
    re.IGNORECASE | re.MULTILINE,
)


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
        if created.group(1):
            raise ViewError(
                f"{path} creates a materialized view; {SCHEMA} holds plain views only, "
                "which every BI tool lists (SQLAlchemy's get_view_names() omits materialized "
                f"ones): keep what is expensive to compute in a table of {CACHE_SCHEMA} "
                "that the ETL maintains, and select from it"
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


def drop_script(views: Mapping[str, str]) -> str:
    statements = []
    for name in reversed(dependency_order(views)):
        kind = "materialized view" if _is_materialized(views[name]) else "view"
        statements.append(f"drop {kind} if exists {SCHEMA}.{name};")
    return "\n".join(statements)


def create_script(views: Mapping[str, str]) -> str:
    parts = []
    for name in dependency_order(views):
        parts.append(views[name].rstrip())
        parts.append(f"grant select on {SCHEMA}.{name} to {READER_ROLE};")
    return "\n\n".join(parts)


def replace_script(old: Mapping[str, str], new: Mapping[str, str]) -> str:
    """The SQL that swaps the old set of views for the new one: what a view
    migration freezes, so that a later edit of this module changes no old revision."""
    return f"{drop_script(old)}\n\n{create_script(new)}\n"


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
sql/views/ that this revision creates or changes, DROPPED those it removes
(the record `python -m db.views` reads to know the views at each revision).
UPGRADE and DOWNGRADE are the SQL it runs, frozen too: every view is dropped
and created again, in dependency order, so that dependent views follow the
ones they read; no code outside this file decides what it does.
"""

from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None

DROPPED: list[str] = {dropped}

VIEWS = {views}

UPGRADE = {upgrade}

DOWNGRADE = {downgrade}


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
'''


def _string_literal(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""\\\n{body}"""'


def render_views_literal(views: Mapping[str, str]) -> str:
    lines = ["{"]
    for name in sorted(views):
        lines.append(f'    "{name}": {_string_literal(views[name])},')
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
    after = {name: sql for name, sql in {**frozen, **changed}.items() if name not in dropped}
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
            upgrade=_string_literal(replace_script(frozen, after)),
            downgrade=_string_literal(replace_script(after, frozen)),
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

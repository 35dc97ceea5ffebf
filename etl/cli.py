"""Command line: ``python -m etl`` (or ``policydb``).

Every command says what went wrong and what to do next; tracebacks only with
``--debug``. Exit codes: 0 success, 1 some articles rejected, 2 usage or
configuration error (bad URL, database unreachable, missing path).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

# Only light modules at the top: `--help` and shell completion must not pay for
# SQLAlchemy, pydantic or extraction. Each command imports what it needs.
from db import env
from etl import DISTRIBUTION

if TYPE_CHECKING:
    from db import settings

EXIT_REJECTED = 1
EXIT_CONFIG = 2
PASSWORD_ENV = env.PASSWORD_ENV
PROG_NAME = "policydb"
COMPLETE_VAR = "_POLICYDB_COMPLETE"


@dataclass
class Options:
    database_url: str | None
    pgdata: str | None
    debug: bool
    config: settings.Settings
    quiet: bool = False

    @property
    def embedded(self) -> bool:
        """True when commands use the embedded server (no DATABASE_URL given)."""
        return not (self.database_url or self.config.database_url)

    def empty_database(self) -> str:
        """What to do about a database with no schema: `policydb run` makes it, here."""
        if self.embedded:
            return (
                "the database is empty: nothing is loaded yet. Run `policydb run` (it makes "
                "the schema and loads seeds/; `policydb run PATH` for your own articles)"
            )
        return (
            "the database has no schema yet. Run `policydb db upgrade` (as the database "
            "owner), then `policydb run` to load the articles"
        )

    @contextlib.contextmanager
    def database(self, port: int | None = None) -> Iterator[str]:
        from db import settings

        with settings.database_url(self.database_url, self.pgdata, port=port) as url:
            yield url


class CliError(click.ClickException):
    """A failure the user can act on: printed without a traceback, exit 2."""

    exit_code = EXIT_CONFIG

    def show(self, file: Any = None) -> None:
        click.secho(f"Error: {self.format_message()}", err=True, fg="red")


def fail(message: str) -> NoReturn:
    raise CliError(message)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--database-url",
    envvar=env.DATABASE_URL_ENV,
    help="PostgreSQL URL (env DATABASE_URL). Without it, an embedded server is used.",
)
@click.option(
    "--pgdata",
    envvar=env.PGDATA_ENV,
    type=click.Path(file_okay=False),
    help="State directory of the embedded server (env POLICYDB_PGDATA; default: one per "
    "user, ~/.local/share/policydb/pgdata on Linux, /var/lib/policydb/pgdata as root).",
)
@click.option(
    "-v", "--verbose", count=True,
    help="Say more on stderr: -v what each batch did, -vv every file and the server's steps.",
)  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="Errors only on stderr, and no progress bar.")
@click.option("--debug", is_flag=True, help="Show tracebacks (and log as -vv does).")
@click.version_option(
    package_name=DISTRIBUTION, prog_name=PROG_NAME, message="%(prog)s %(version)s"
)
@click.pass_context
def cli(ctx: click.Context, database_url: str | None, pgdata: str | None, verbose: int,
        quiet: bool, debug: bool) -> None:  # fmt: skip
    """Load news articles about China's regional industrial policy into PostgreSQL.

    \b
    Examples:
      python -m etl run                      # load seeds/ into the embedded database
      python -m etl extract article.txt --json
      python -m etl sql "select * from province limit 5"
    """
    # Every setting is checked here, before any command does anything: a bad
    # value is exit 2 with a message naming it, whichever command needs it.
    from db import settings

    try:
        configured = settings.current()
    except settings.ConfigurationError as error:
        fail(str(error))
    _configure_logging(2 if debug else verbose, quiet)
    ctx.obj = Options(
        database_url=database_url, pgdata=pgdata, debug=debug, config=configured, quiet=quiet
    )


def _configure_logging(verbose: int, quiet: bool) -> None:
    """-q errors only, default warnings, -v info, -vv (or --debug) debug; on stderr."""
    import logging

    if quiet:
        level = logging.ERROR
    else:
        level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)

    class StderrHandler(logging.StreamHandler):
        """Writes to whatever sys.stderr is now: above the progress bar while one is drawn."""

        @property
        def stream(self) -> Any:
            return sys.stderr

        @stream.setter
        def stream(self, value: Any) -> None:
            pass

    handler = StderrHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    # Once per process: tests invoke the group many times.
    for old in [h for h in root.handlers if getattr(h, "_policydb", False)]:
        root.removeHandler(old)
    handler._policydb = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # Libraries (jieba's dictionary, alembic's steps) stay at warnings below -vvv.
    for noisy in ("jieba", "alembic", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING) if verbose < 3 else level)


# --- db -------------------------------------------------------------------


@cli.group()
def db() -> None:
    """Manage the database: migrations, connection details, a server for BI tools."""


@db.command("upgrade")
@click.argument("revision", default="head")
@click.pass_obj
def db_upgrade(options: Options, revision: str) -> None:
    """Apply migrations up to REVISION (default head) and sync reference data.

    Safe to run again: it does nothing when the database is current.

    \b
    Example:
      python -m etl db upgrade
    """
    from db import migrate, settings

    with options.database() as url:
        migrate.upgrade(url, revision)
        counts = _sync_reference(url) if revision == "head" else None
    if options.embedded:
        # Its port changes from command to command: printing it would invite a
        # BI tool to a server that has already stopped.
        where = f"The embedded database ({settings.pgdata_dir(options.pgdata).resolve()})"
    else:
        where = f"Database at {settings.mask_url(url)}"
    click.echo(f"{where} is at revision {revision}.")
    if counts:
        click.echo(f"Reference data: {counts['provinces']} provinces, {counts['sectors']} sectors.")
    if options.embedded:
        click.echo("Serve it to BI tools with: python -m etl db serve")


@db.command("downgrade")
@click.argument("revision")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def db_downgrade(options: Options, revision: str, yes: bool) -> None:
    """Revert migrations down to REVISION ('base' drops everything, '-1' one step).

    \b
    Example:
      python -m etl db downgrade -1 --yes
    """
    from db import migrate

    if not yes and not click.confirm(
        f"Downgrade to {revision}? Tables dropped on the way lose their data", default=False
    ):
        fail("downgrade cancelled; pass --yes to skip the question")
    with options.database() as url:
        migrate.downgrade(url, revision)
    click.echo(f"Database downgraded to {revision}.")


@db.command("check")
@click.pass_obj
def db_check(options: Options) -> None:
    """Fail when db/models.py or sql/views/ and the migrations disagree.

    \b
    Example:
      python -m etl db check
    """
    from alembic.util.exc import AutogenerateDiffsDetected

    from db import migrate, views

    try:
        views.check()
    except views.ViewError as error:
        fail(str(error))
    with options.database() as url:
        migrate.upgrade(url)
        try:
            migrate.check(url)
        except AutogenerateDiffsDetected as error:
            fail(f"models and migrations differ; write a migration:\n{error}")
    click.echo("Models, views and migrations agree.")


@db.command("refresh")
@click.option(
    "--full",
    is_flag=True,
    help="Recompute every summary from the base tables (about as long as the old refresh).",
)
@click.pass_obj
def db_refresh(options: Options, full: bool) -> None:
    """Rebuild the analytics summaries from the base tables (--full).

    Every load keeps the summaries current in its own transaction, so a run
    leaves nothing to refresh. --full recomputes them all: after articles were
    deleted by hand, or to repair drift. Readers keep reading the previous
    counts until it commits; a run loading meanwhile waits for it.

    \b
    Example:
      python -m etl db refresh --full
    """
    if not full:
        click.echo(
            "Nothing to refresh: every load keeps the analytics summaries current. "
            "`db refresh --full` rebuilds them from the base tables."
        )
        return
    import time

    import psycopg

    from db.settings import libpq_url
    from etl import summaries
    from etl.pipeline import first_line

    with options.database() as url:
        started = time.perf_counter()
        try:
            with psycopg.connect(libpq_url(url)) as connection:
                summaries.rebuild(connection)
        except psycopg.OperationalError:
            raise
        except psycopg.Error as error:
            fail(f"the rebuild failed: {first_line(error)}")
    click.echo(
        f"Analytics summaries rebuilt from the base tables in {time.perf_counter() - started:.1f}s."
    )


@db.command("url")
@click.option("--show-password", is_flag=True, help="Print the password instead of ***.")
@click.pass_obj
def db_url(options: Options, show_password: bool) -> None:
    """Print the database URL (password masked).

    \b
    Example:
      psql "$(python -m etl db url --show-password | sed 's/+psycopg//')"
    """
    from db import settings

    running = None
    if options.embedded:
        from db.embedded import EmbeddedServer

        running = EmbeddedServer(settings.pgdata_dir(options.pgdata)).is_running()
    with options.database() as url:
        click.echo(url if show_password else settings.mask_url(url))
    if running is None:
        return
    state = settings.pgdata_dir(options.pgdata).resolve()
    if running:
        click.echo(
            f"The embedded server ({state}) is running: another command uses it, and it "
            "stops when the last one ends. `policydb db serve` keeps it up.",
            err=True,
        )
    else:
        click.echo(
            f"The embedded server ({state}) is not running: it was started for this "
            "command and has stopped, so this URL answers only while a command runs. Keep "
            "it up with `policydb db serve [--port N]` in another terminal.",
            err=True,
        )


_password_option = click.option(
    "--password-env",
    default=PASSWORD_ENV,
    show_default=True,
    help="Environment variable holding the password; asked for (not echoed) when unset.",
)


@db.command("create-reader")
@click.argument("name")
@_password_option
@click.pass_obj
def db_create_reader(options: Options, name: str, password_env: str) -> None:
    """Create login role NAME that can read the analytics views and nothing else.

    For BI tools and analysts. Running it again for the same NAME sets a new
    password. Needs a database user allowed to create roles.

    \b
    Examples:
      python -m etl db create-reader metabase          # asks for the password
      POLICYDB_PASSWORD=... python -m etl db create-reader superset
    """
    url = _create_login(options, name, password_env, "reader")
    if options.database_url or os.environ.get(env.DATABASE_URL_ENV):
        _echo_connection_fields(url, name)
    else:
        click.echo("Serve the embedded database to BI tools with: python -m etl db serve")


@db.command("create-loader")
@click.argument("name")
@_password_option
@click.pass_obj
def db_create_loader(options: Options, name: str, password_env: str) -> None:
    """Create login role NAME that can run the ETL and nothing more.

    It reads and writes the ETL's tables; it cannot change the schema or
    create roles. Run migrations (db upgrade) as a more privileged user.

    \b
    Example:
      POLICYDB_PASSWORD=... python -m etl db create-loader etl
      DATABASE_URL=postgresql://etl:...@host/db python -m etl run articles/
    """
    _create_login(options, name, password_env, "loader")


def _create_login(options: Options, name: str, password_env: str, kind: str) -> str:
    from db import access

    configured = options.config.password if password_env == PASSWORD_ENV else None
    password = (
        configured.get_secret_value() if configured else os.environ.get(password_env)
    ) or click.prompt(f"Password for {name}", hide_input=True, confirmation_prompt=True)
    with options.database() as url:
        try:
            login = access.create_login(url, name, password, access.GROUPS[kind])
        except access.AccessError as error:
            fail(str(error))
    verb = "Created" if login.created else "Updated the password of"
    click.echo(f"{verb} {kind} {name} (member of {access.GROUPS[kind]}).")
    return url


@db.command("serve")
@click.option("--port", type=click.IntRange(1, 65535), help="TCP port (default: a free one).")
@click.pass_obj
def db_serve(options: Options, port: int | None) -> None:
    """Keep the embedded server running on 127.0.0.1 for BI tools; Ctrl-C stops it.

    Prints what a BI tool asks for. Make it a login first with `db create-reader`.

    \b
    Example:
      python -m etl db serve --port 54329
    """
    if options.database_url:
        fail("db serve runs the embedded server; unset DATABASE_URL to use it")
    from db import access

    # Blocked from the start, so a stop signal that comes early waits for
    # sigwait instead of being taken by Python's handler (sigwait would then
    # never return) or killing the process with the server left running.
    stops = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    signal.pthread_sigmask(signal.SIG_BLOCK, stops)
    try:
        with options.database(port=port) as url:
            readers = access.reader_names(url)
            click.echo("Embedded PostgreSQL is listening. Connect a BI tool with:")
            _echo_connection_fields(url, readers[0] if readers else None)
            if len(readers) > 1:
                click.echo(f"  (other readers: {', '.join(readers[1:])})")
            click.echo("Press Ctrl-C to stop.", err=True)
            signal.sigwait(stops)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
    click.echo("Stopped.", err=True)


def _echo_connection_fields(url: str, user: str | None) -> None:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    shown_user = user or "<reader>"
    click.echo(f"  host:     {parsed.host}")
    click.echo(f"  port:     {parsed.port}")
    click.echo(f"  database: {parsed.database}")
    click.echo("  schema:   analytics")
    click.echo(f"  user:     {shown_user}")
    click.echo("  password: the one given to db create-reader")
    click.echo(
        f"  SQLAlchemy URL: postgresql+psycopg://{shown_user}:PASSWORD@"
        f"{parsed.host}:{parsed.port}/{parsed.database}"
    )
    if user is None:
        click.echo("  No reader yet: python -m etl db create-reader metabase")


# --- sql ------------------------------------------------------------------


_FORMATS = ("table", "csv", "json")


def _format_options(default: str = "table") -> Any:
    """--table/--csv/--json, one flag of a shared choice."""

    def decorate(function: Any) -> Any:
        for name in reversed(_FORMATS):
            help_text = {
                "table": "Print an aligned table (the default).",
                "csv": "Print CSV with a header line.",
                "json": "Print one JSON object per row (JSON lines).",
            }[name]
            function = click.option(
                f"--{name}", "output_format", flag_value=name, default=name == default,
                help=help_text,
            )(function)  # fmt: skip
        return function

    return decorate


@cli.command("sql")
@click.argument("query", required=False)
@_format_options()
@click.pass_obj
def sql(options: Options, query: str | None, output_format: str) -> None:
    """Run QUERY and print the result as a table, CSV or JSON lines; without QUERY, open psql.

    Tables are aligned for Chinese names (wide characters take two columns).

    \b
    Examples:
      python -m etl sql "select code, name from province order by code"
      python -m etl sql --csv "select * from analytics.province_overview" > overview.csv
      python -m etl sql
    """
    import psycopg

    from db import settings

    with options.database() as url:
        if query is None:
            _interactive_psql(url)
            return
        with psycopg.connect(settings.libpq_url(url)) as connection:
            try:
                cursor = connection.execute(query.encode())
            except psycopg.Error as error:
                if error.sqlstate == "42P01":  # undefined table: perhaps no schema at all
                    connection.rollback()
                    if connection.execute("select to_regclass('public.etl_run')").fetchone() == (
                        None,
                    ):
                        fail(f"{error}".strip() + f"\n{options.empty_database()}")
                fail(f"the query failed: {error}".strip())
            if cursor.description is None:
                connection.commit()
                click.echo(cursor.statusmessage or "OK")
                return
            columns = [column.name for column in cursor.description]
            rows = cursor.fetchall()
            if "analytics." in query.lower():
                _warn_when_no_articles(connection)
    click.echo(
        render_rows(columns, rows, as_csv=output_format == "csv", as_json=output_format == "json"),
        nl=output_format != "csv",
    )


# --- export -----------------------------------------------------------------

_VIEWS_SQL = """
select viewname from pg_views where schemaname = 'analytics'
union
select matviewname from pg_matviews where schemaname = 'analytics'
order by 1
"""


def _view_names_offline() -> list[str]:
    """Analytics views as sql/views/ names them: shell completion needs no server."""
    folder = Path(__file__).resolve().parent.parent / "sql" / "views"
    return sorted(path.stem for path in folder.glob("*.sql"))


def _complete_view(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    return [name for name in _view_names_offline() if name.startswith(incomplete)]


@cli.command("export")
@click.argument("view", shell_complete=_complete_view)
@click.option(
    "--csv",
    "output_format",
    flag_value="csv",
    default=True,
    help="CSV with a header (the default).",
)
@click.option(
    "--json", "output_format", flag_value="json", help="One JSON object per row (JSON lines)."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    default="-", help="Write to FILE instead of standard output.",
)  # fmt: skip
@click.pass_obj
def export(options: Options, view: str, output_format: str, output: str) -> None:
    """Write every row of the analytics view VIEW as CSV or JSON lines, streamed.

    The server streams the rows (COPY ... TO STDOUT): memory stays flat however
    large the view. VIEW is one of the analytics views (Tab completes their names).

    \b
    Examples:
      python -m etl export province_sector_focus -o focus.csv
      python -m etl export initiatives --json | jq .province_name
    """
    import psycopg
    from psycopg import sql as pgsql

    from db import settings

    with options.database() as url, psycopg.connect(settings.libpq_url(url)) as connection:
        known = [row[0] for row in connection.execute(_VIEWS_SQL).fetchall()]
        if view not in known:
            if not known:
                fail(options.empty_database())
            fail(f"no analytics view {view!r}; choose one of: {', '.join(known)}")
        _warn_when_no_articles(connection)
        relation = pgsql.Identifier("analytics", view)
        if output_format == "json":
            # Text COPY doubles backslashes; row_to_json leaves no raw control
            # character to escape, so undoing that gives the JSON back.
            statement = pgsql.SQL("copy (select row_to_json(v) from {} as v) to stdout").format(
                relation
            )
        else:
            statement = pgsql.SQL(
                "copy (select * from {}) to stdout with (format csv, header)"
            ).format(relation)
        with (
            click.open_file(output, "wb") as out,
            connection.cursor() as cursor,
            cursor.copy(statement) as copy,
        ):
            if output_format == "json":
                for line in _copy_lines(copy):
                    out.write(line.replace(b"\\\\", b"\\"))
            else:
                for chunk in copy:
                    out.write(chunk)


def _copy_lines(copy: Any) -> Iterator[bytes]:
    """Whole lines from COPY's chunks (a chunk may end in the middle of one)."""
    rest = b""
    for chunk in copy:
        lines = (rest + bytes(chunk)).split(b"\n")
        rest = lines.pop()
        for line in lines:
            yield line + b"\n"
    if rest:
        yield rest


_NO_ARTICLES = (
    "Note: the database holds no articles yet, so the analytics views are empty or all "
    "zeros. Load them with `policydb run` (seeds/ by default, or `policydb run PATH`)."
)


def _warn_when_no_articles(connection: Any) -> None:
    """Say so when the schema is there but nothing was loaded: zeros are not findings."""
    import psycopg

    try:
        row = connection.execute(
            "select to_regclass('public.source_article') is not null"
            " and not exists (select from public.source_article)"
        ).fetchone()
    except psycopg.Error:  # a reader may not look at base tables: no note then
        row = None
    connection.rollback()
    if row and row[0]:
        click.echo(_NO_ARTICLES, err=True)


# --- docs -------------------------------------------------------------------


@cli.command("docs")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    default="-", help="Write to FILE instead of standard output.",
)  # fmt: skip
@click.pass_obj
def docs(options: Options, output: str) -> None:
    """Write the data dictionary: every analytics view and base table, each column's
    type and description, from the database's own comments (pg_description).

    `make docs` writes docs/data-dictionary.md from a scratch database at head.

    \b
    Example:
      python -m etl docs -o docs/data-dictionary.md
    """
    import psycopg

    from db import dictionary, settings

    with options.database() as url, psycopg.connect(settings.libpq_url(url)) as connection:
        if not dictionary.analytics_view_names(connection):
            fail(options.empty_database())
        text = dictionary.markdown(connection)
    with click.open_file(output, "w", encoding="utf-8") as out:
        out.write(text)
    if output != "-":
        click.echo(f"Wrote {output}.", err=True)


# --- report -----------------------------------------------------------------


@cli.command("report")
@click.option(
    "--out", "output", type=click.Path(dir_okay=False, writable=True),
    default="report.html", show_default=True, help="The HTML file to write.",
)  # fmt: skip
@click.pass_obj
def report(options: Options, output: str) -> None:
    """Write one self-contained HTML page of charts from the analytics views.

    A province x sector heat map, sectors by number of provinces, coverage per
    province, initiatives over time by region and similar provinces; each chart
    names the view it reads. The page opens offline (charts are embedded
    images). Needs matplotlib: .venv/bin/pip install -e ".[report]".

    \b
    Example:
      python -m etl report --out report.html && xdg-open report.html
    """
    import importlib.util

    import psycopg

    from db import settings
    from etl import report as charts

    if importlib.util.find_spec("matplotlib") is None:
        fail(charts.INSTALL_HINT)
    with options.database() as url, psycopg.connect(settings.libpq_url(url)) as connection:
        try:
            connection.execute("select from analytics.province_overview limit 1")
        except psycopg.errors.UndefinedTable:
            fail(options.empty_database())
        connection.rollback()
        _warn_when_no_articles(connection)
        page = charts.build(connection)
    Path(output).write_text(page, encoding="utf-8")
    click.echo(f"Wrote {output} ({len(page.encode()) // 1024} KB).")


# --- sectors ----------------------------------------------------------------

UNMAPPED_SQL = """
select
    lower(initiative_sector.matched_text) as term,
    count(*) as mentions,
    count(distinct initiative.province_id) as provinces,
    string_agg(distinct province.name, ', ' order by province.name) as province_names,
    min(initiative.sentence_text) as example_sentence
from initiative_sector
inner join initiative on initiative.initiative_id = initiative_sector.initiative_id
inner join province on province.province_id = initiative.province_id
where initiative_sector.sector_id is null
group by lower(initiative_sector.matched_text)
order by mentions desc, term
limit %(limit)s
"""


@cli.group()
def sectors() -> None:
    """The sector taxonomy as extraction meets it."""


@sectors.command("unmapped")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per line.")
@click.pass_obj
def sectors_unmapped(options: Options, limit: int, as_csv: bool, as_json: bool) -> None:
    """List industries articles name that the taxonomy does not know, most frequent first.

    Each term is kept in the article's words, unmapped; add it as an alias of a
    sector in seeds/reference/sectors.json (then `db upgrade`) and later runs map it.

    \b
    Examples:
      python -m etl sectors unmapped --limit 20
      python -m etl sectors unmapped --csv > unmapped.csv
    """
    import psycopg

    from db import settings

    with options.database() as url, psycopg.connect(settings.libpq_url(url)) as connection:
        try:
            cursor = connection.execute(UNMAPPED_SQL, {"limit": limit})
        except psycopg.errors.UndefinedTable:
            fail(options.empty_database())
        columns = [column.name for column in cursor.description or []]
        rows = cursor.fetchall()
    click.echo(render_rows(columns, rows, as_csv=as_csv, as_json=as_json), nl=not as_csv)


def render_rows(columns: list[str], rows: list[Any], *, as_csv: bool, as_json: bool) -> str:
    if as_json:
        return "\n".join(
            json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str)
            for row in rows
        )
    if as_csv:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue()
    return format_table(columns, rows)


def _interactive_psql(url: str) -> None:
    from db import settings
    from db.embedded import bin_path

    psql = shutil.which("psql") or str(bin_path("psql"))
    if not Path(psql).exists():
        fail("no psql found; install the PostgreSQL client or pass a query")
    # psql takes over the terminal until the user quits; the server stays up.
    subprocess.run([psql, settings.libpq_url(url)], check=False)


def format_table(columns: list[str], rows: list[Any]) -> str:
    """An aligned text table; a Chinese character counts two columns, as terminals draw it."""
    from rich.cells import cell_len

    cells = [["" if value is None else str(value) for value in row] for row in rows]
    widths = [cell_len(c) for c in columns]
    for row in cells:
        widths = [max(w, cell_len(v)) for w, v in zip(widths, row, strict=True)]

    def line(values: list[str]) -> str:
        return " | ".join(v + " " * (w - cell_len(v)) for v, w in zip(values, widths, strict=True))

    out = [line(columns), "-+-".join("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _sync_reference(url: str) -> dict[str, int]:
    from sqlalchemy import create_engine, pool
    from sqlalchemy.orm import Session

    from db.reference import sync_reference
    from etl.extract.reference import default_reference

    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        # Nothing to refresh after: the summary views read the reference tables as they are.
        with Session(engine) as session, session.begin():
            return sync_reference(session, default_reference())
    finally:
        engine.dispose()


# --- ETL ------------------------------------------------------------------


@cli.command("run")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option(
    "--max-bytes",
    default=None,
    help="Reject files larger than this: bytes, or with KB/MB/GB (default 5MB; env POLICYDB_MAX_BYTES).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(1),
    default=None,
    help="Articles per load transaction (default 200).",
)
@click.option(
    "--workers",
    type=click.IntRange(0),
    default=None,
    help="Extraction processes beside the loading one; 0 extracts in the loading one "
    "(default: the number of CPUs).",
)
@click.pass_obj
def run(
    options: Options, paths: tuple[Path, ...], as_json: bool, max_bytes: str | None,
    batch_size: int | None, workers: int | None,
) -> None:  # fmt: skip
    """Read articles from PATHS (files or folders; default seeds/) into the database.

    Idempotent: unchanged files are skipped, edited files replace their article.
    Exit 0 when every file loaded or was unchanged, 1 when some were rejected.

    \b
    Examples:
      python -m etl run
      python -m etl run ~/articles/2024 --json
    """
    from db import settings
    from etl.pipeline import BATCH_SIZE, run_pipeline

    # A size is checked before any file is read: "1MB" is a size, "0" and "lots"
    # are mistakes that would otherwise reject or admit every file (the
    # environment's POLICYDB_MAX_BYTES is checked with the other settings).
    try:
        limit = settings.parse_size(max_bytes, "--max-bytes") if max_bytes else None
    except ValueError as error:
        fail(str(error))
    limit = limit or options.config.max_bytes
    paths = paths or (Path("seeds"),)
    # SIGTERM (systemd, docker stop, timeout) ends a run as Ctrl-C does: the batch
    # in hand is rolled back, the run is recorded as interrupted, exit 143.
    signal.signal(signal.SIGTERM, _terminate)
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        fail(f"no such file or directory: {', '.join(missing)}")
    show_bar = not as_json and not options.quiet and _is_tty()
    with options.database() as url, _progress_bar(show_bar) as bar:
        if options.embedded:
            _make_schema_if_empty(url)
        summary = run_pipeline(
            url, list(paths), max_bytes=limit, workers=workers,
            batch_size=batch_size or BATCH_SIZE,
            progress=bar,
        )  # fmt: skip
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(summary.render())
    if summary.rejected:
        sys.exit(EXIT_REJECTED)


@cli.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file (JSON lines).")
@click.pass_obj
def extract(options: Options, files: tuple[Path, ...], as_json: bool) -> None:
    """Show what the ETL takes from FILES, without touching any database.

    \b
    Example:
      python -m etl extract seeds/articles/*.txt --json
    """
    from etl.inspect import inspect_file

    status = 0
    for file in files:
        try:
            result = inspect_file(file)
        except (OSError, ValueError) as error:
            click.secho(f"{file}: {error}", err=True, fg="red")
            status = EXIT_REJECTED
            continue
        if as_json:
            click.echo(json.dumps(result, ensure_ascii=False))
        else:
            click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    sys.exit(status)


def _refusal(error: Exception) -> str:
    """What a database error means for the user, and what to do next."""
    original = getattr(error, "orig", error)
    code = getattr(original, "sqlstate", None)
    if code == "42P01":  # undefined table: a database the migrations never ran on
        return (
            f"the database has no schema yet ({_first_line(error)}). Run "
            "`python -m etl db upgrade` first (as the database owner), then run again."
        )
    if code == "42501":  # insufficient privilege: a reader, or a login without grants
        return (
            f"this login may not do that ({_first_line(error)}). The ETL runs as the "
            "owner or a login made by `python -m etl db create-loader NAME`; readers "
            "may only query the analytics views."
        )
    return (
        f"the database refused: {_first_line(error)}\n"
        "Nothing was half-written: articles are committed whole, with their facts. "
        "Run again with --debug for the full error."
    )


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be, so the same clean-up runs."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def _make_schema_if_empty(url: str) -> None:
    """The embedded database is the user's own: a first run makes its schema (db upgrade).

    Against DATABASE_URL a run never does: the ETL may run as a loader, which must
    not change the schema, and the owner upgrades (the run then says so).
    """
    import psycopg

    from db import migrate, settings

    with psycopg.connect(settings.libpq_url(url)) as connection:
        row = connection.execute("select to_regclass('public.alembic_version')").fetchone()
    if row == (None,):
        click.echo(
            "The embedded database is empty: making its schema (db upgrade) first.", err=True
        )
        migrate.upgrade(url)


def _is_tty() -> bool:
    return sys.stdout.isatty() and sys.stderr.isatty() and os.environ.get("CI") is None


@contextlib.contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A bar on stderr with files done, rate and time left; gone once the run ends."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:,.0f} files/s")

    with Progress(
        TextColumn("loading"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
        TaskProgressColumn(), RateColumn(), TimeElapsedColumn(), TextColumn("elapsed,"),
        TimeRemainingColumn(), TextColumn("left"), console=Console(stderr=True), transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task("load", total=None)

        def advance(done: int, total: int) -> None:
            # Drawn at once, not at the next tick: a fast file may come first, and
            # a bar that never showed "0/N" or the last count would tell less.
            bar.update(task, completed=done, total=total, refresh=True)

        yield advance


def main() -> None:
    """Entry point: run the CLI, turning known failures into messages and exit 2."""
    debug = "--debug" in sys.argv
    # `policydb ...` is the console script; `python -m etl ...` runs this module.
    prog_name = PROG_NAME if Path(sys.argv[0]).name == PROG_NAME else "python -m etl"
    try:
        cli.main(standalone_mode=False, prog_name=prog_name, complete_var=COMPLETE_VAR)
    except click.exceptions.Abort as error:
        # click turns an interrupt into Abort; a SIGTERM is its cause.
        if isinstance(error.__cause__, Terminated):
            click.echo(
                "Stopped by SIGTERM: the run is recorded as interrupted; the articles "
                "committed so far are kept. Run the same command again to load the rest.",
                err=True,
            )
            sys.exit(143)
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except Exception as error:
        message = None if debug else _known_failure(error)
        if message is None:
            raise
        click.secho(f"Error: {message}", err=True, fg="red")
        sys.exit(EXIT_CONFIG)


def _known_failure(error: Exception) -> str | None:
    """The message for a failure the user can act on, or None for a bug (a traceback).

    The exception classes are looked up only now, and only from modules already
    loaded: an error of a module nobody imported cannot have been raised, and
    importing SQLAlchemy up front would cost every `--help` a second.
    """
    loaded = sys.modules
    settings, embedded = loaded.get("db.settings"), loaded.get("db.embedded")
    pipeline = loaded.get("etl.pipeline")
    configuration = tuple(
        getattr(module, name)
        for module, name in (
            (settings, "ConfigurationError"),
            (embedded, "EmbeddedServerError"),
            (pipeline, "RunAborted"),
        )
        if module is not None
    )
    if configuration and isinstance(error, configuration):
        return str(error)
    psycopg = loaded.get("psycopg")
    sa_exc = loaded.get("sqlalchemy.exc")
    unreachable = tuple(
        cls
        for cls in (
            getattr(psycopg, "OperationalError", None),
            getattr(sa_exc, "OperationalError", None),
        )
        if cls is not None
    )
    refused = tuple(
        cls
        for cls in (getattr(psycopg, "Error", None), getattr(sa_exc, "DBAPIError", None))
        if cls is not None
    )
    if unreachable and isinstance(error, unreachable):
        return (
            f"cannot reach the database: {_first_line(error)}\n"
            "Check DATABASE_URL (python -m etl db url), or unset it to use the embedded server."
        )
    if refused and isinstance(error, refused):
        return _refusal(error)
    return None


def _first_line(error: BaseException) -> str:
    """The first line of a database error, the part a person reads."""
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0] if lines else type(error).__name__

"""Where the database is: ``DATABASE_URL`` when set, else the embedded server."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

DATABASE_URL_ENV = "DATABASE_URL"
PGDATA_ENV = "POLICYDB_PGDATA"
DEFAULT_PGDATA = Path(".pgdata")
LOCK_TIMEOUT = "10s"
CONNECT_TIMEOUT_ENV = "POLICYDB_CONNECT_TIMEOUT"
DEFAULT_CONNECT_TIMEOUT = 10  # seconds: a server that accepts and never answers must not hang a run
RUN_LOCK_WAIT_ENV = "POLICYDB_RUN_LOCK_WAIT"
DEFAULT_RUN_LOCK_WAIT = 3600  # seconds a run waits for another run to finish before giving up


class ConfigurationError(RuntimeError):
    """A setting is missing or malformed; the message says how to fix it."""


def pgdata_dir(override: str | Path | None = None) -> Path:
    return Path(override or os.environ.get(PGDATA_ENV) or DEFAULT_PGDATA)


def normalize_url(url: str) -> str:
    """Accept the URL forms people paste (postgres://, postgresql://) and pin psycopg 3."""
    try:
        parsed: URL = make_url(url)
    except (ArgumentError, ValueError) as error:
        # A port that is not a number ("host:abc") is a ValueError.
        raise ConfigurationError(
            f"cannot parse the database URL {mask_url(url)!r}; expected "
            "postgresql://USER:PASSWORD@HOST:PORT/DATABASE with a numeric PORT"
        ) from error
    if parsed.drivername in ("postgres", "postgresql", "postgresql+psycopg"):
        parsed = parsed.set(drivername="postgresql+psycopg")
        if "connect_timeout" not in parsed.query:
            parsed = parsed.update_query_dict({"connect_timeout": str(connect_timeout())})
    else:
        raise ConfigurationError(
            f"unsupported database URL scheme {parsed.drivername!r}: this project "
            "needs PostgreSQL (postgresql://...)"
        )
    return parsed.render_as_string(hide_password=False)


def connect_timeout() -> int:
    """Seconds to wait for a server to answer a connection ({CONNECT_TIMEOUT_ENV})."""
    configured = os.environ.get(CONNECT_TIMEOUT_ENV, "").strip()
    if not configured:
        return DEFAULT_CONNECT_TIMEOUT
    if not configured.isdigit() or int(configured) == 0:
        raise ConfigurationError(
            f"{CONNECT_TIMEOUT_ENV}={configured!r} is not a number of seconds; give e.g. 10"
        )
    return int(configured)


def run_lock_wait() -> int:
    """Seconds a run waits for the run lock another run holds ({RUN_LOCK_WAIT_ENV})."""
    configured = os.environ.get(RUN_LOCK_WAIT_ENV, "").strip()
    if not configured:
        return DEFAULT_RUN_LOCK_WAIT
    if not configured.isdigit() or int(configured) == 0:
        raise ConfigurationError(
            f"{RUN_LOCK_WAIT_ENV}={configured!r} is not a number of seconds; give e.g. 3600"
        )
    return int(configured)


def mask_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<unparseable URL>"


def libpq_url(url: str) -> str:
    """The same URL in the form psql and psycopg.connect take."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextlib.contextmanager
def database_url(
    url: str | None = None, pgdata: str | Path | None = None, port: int | None = None
) -> Iterator[str]:
    """Yield a SQLAlchemy URL, starting the embedded server when none is configured."""
    configured = url or os.environ.get(DATABASE_URL_ENV)
    if configured:
        yield normalize_url(configured)
        return
    from db.embedded import EmbeddedServer

    state = pgdata_dir(pgdata)
    try:
        state.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigurationError(
            f"cannot create the embedded server's state folder {str(state)!r} "
            f"({error.strerror or error}); set {PGDATA_ENV} or --pgdata to a writable folder"
        ) from None
    with EmbeddedServer(state, port=port).running() as address:
        yield address.url()

"""Settings, read from the environment and validated in one place (``Settings``).

| variable | field | checked |
|---|---|---|
| ``DATABASE_URL`` | ``database_url`` | parsed when used (``normalize_url``): scheme, numeric port 1-65535 |
| ``POLICYDB_PGDATA`` | ``pgdata`` | not an existing file; created when the embedded server starts (default: ``default_pgdata()``, one per user) |
| ``POLICYDB_MAX_BYTES`` | ``max_bytes`` | a positive size, bytes or with KB/MB/GB (``10MB``) |
| ``POLICYDB_CONNECT_TIMEOUT`` | ``connect_timeout`` | a positive whole number of seconds |
| ``POLICYDB_RUN_LOCK_WAIT`` | ``run_lock_wait`` | a positive whole number of seconds |
| ``POLICYDB_PASSWORD`` | ``password`` | for ``db create-reader``/``create-loader``; not empty |

``current()`` reads them all at once; a bad value is a ConfigurationError
naming the variable and what to give instead, which the command line prints
with exit 2 before any command does anything. Command-line options
(``--database-url``, ``--pgdata``, ``--max-bytes``) override the environment.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from db.env import (
    CONNECT_TIMEOUT_ENV,
    DATABASE_URL_ENV,
    MAX_BYTES_ENV,
    PGDATA_ENV,
    RUN_LOCK_WAIT_ENV,
)
from db.env import PASSWORD_ENV as PASSWORD_ENV

APP_NAME = "policydb"
LEGACY_PGDATA = Path(".pgdata")  # the default before issue 16: one per working directory
ROOT_PGDATA = Path("/var/lib/policydb/pgdata")
log = logging.getLogger(__name__)
LOCK_TIMEOUT = "10s"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_CONNECT_TIMEOUT = 10  # seconds: a server that accepts and never answers must not hang a run
DEFAULT_RUN_LOCK_WAIT = 3600  # seconds a run waits for another run to finish before giving up

_SIZE_UNITS = {"": 1, "B": 1, "KB": 1024, "K": 1024, "MB": 1024**2, "M": 1024**2, "GB": 1024**3, "G": 1024**3}  # fmt: skip


class ConfigurationError(RuntimeError):
    """A setting is missing or malformed; the message says how to fix it."""


def parse_size(value: str, setting: str = MAX_BYTES_ENV) -> int:
    """'5000000', '10MB', '512 KB' → bytes; anything else, or zero, is a ValueError naming the setting."""
    text = value.strip().upper()
    number = text.rstrip("KMGB ").strip()
    unit = text[len(number) :].strip()
    if not number.isdigit() or unit not in _SIZE_UNITS or int(number) == 0:
        raise ValueError(
            f"{setting}={value!r} is not a size; give a positive number of bytes, "
            "optionally with KB, MB or GB (e.g. 10MB)"
        )
    return int(number) * _SIZE_UNITS[unit]


def _seconds(value: Any, setting: str, example: int) -> int:
    text = str(value).strip()
    if not text.isdigit() or int(text) == 0:
        raise ValueError(
            f"{setting}={value!r} is not a number of seconds; give a positive whole number, "
            f"e.g. {example}"
        )
    return int(text)


class Settings(BaseSettings):
    """Every setting the project reads from the environment, validated together."""

    model_config = SettingsConfigDict(
        env_prefix="POLICYDB_", env_ignore_empty=True, extra="ignore", frozen=True
    )

    database_url: str | None = Field(default=None, validation_alias=DATABASE_URL_ENV)
    pgdata: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    connect_timeout: int = DEFAULT_CONNECT_TIMEOUT
    run_lock_wait: int = DEFAULT_RUN_LOCK_WAIT
    password: SecretStr | None = None

    @field_validator("pgdata", mode="before")
    @classmethod
    def _folder(cls, value: Any) -> Any:
        if Path(str(value)).exists() and not Path(str(value)).is_dir():
            raise ValueError(
                f"{PGDATA_ENV}={str(value)!r} is a file, not a folder; give the folder the "
                f"embedded server keeps its state in (default {default_pgdata()})"
            )
        return value

    @field_validator("max_bytes", mode="before")
    @classmethod
    def _size(cls, value: Any) -> int:
        return value if isinstance(value, int) else parse_size(str(value), MAX_BYTES_ENV)

    @field_validator("connect_timeout", mode="before")
    @classmethod
    def _connect_timeout(cls, value: Any) -> int:
        return _seconds(value, CONNECT_TIMEOUT_ENV, DEFAULT_CONNECT_TIMEOUT)

    @field_validator("run_lock_wait", mode="before")
    @classmethod
    def _run_lock_wait(cls, value: Any) -> int:
        return _seconds(value, RUN_LOCK_WAIT_ENV, DEFAULT_RUN_LOCK_WAIT)


def current() -> Settings:
    """The settings as the environment gives them now; ConfigurationError names a bad one."""
    try:
        return Settings()
    except ValidationError as error:
        problems = [e["msg"].removeprefix("Value error, ") for e in error.errors()]
        raise ConfigurationError("; ".join(problems)) from None


def default_pgdata() -> Path:
    """Where the embedded server keeps its state when nobody says: one place per user,
    whatever the working directory, so every command finds the same database.

    The user's data directory (platformdirs: ``$XDG_DATA_HOME`` or
    ``~/.local/share/policydb/pgdata`` on Linux, ``~/Library/Application
    Support/policydb/pgdata`` on macOS); as root, ``/var/lib/policydb/pgdata``
    unless ``XDG_DATA_HOME`` is set, since the server then runs as a system user
    that must reach the folder (and root's home is not for it).
    """
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not os.environ.get("XDG_DATA_HOME"):
        return ROOT_PGDATA
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "pgdata"


def pgdata_dir(override: str | Path | None = None) -> Path:
    """The state folder: --pgdata, else POLICYDB_PGDATA, else default_pgdata()."""
    if override:
        return Path(override)
    configured = current().pgdata
    if configured is not None:
        return configured
    default = default_pgdata()
    if (LEGACY_PGDATA / "cluster" / "PG_VERSION").exists() and not (
        default / "cluster" / "PG_VERSION"
    ).exists():
        log.warning(
            "using %s, the embedded database's default home; the database in ./%s is no "
            "longer the default: set %s=%s to keep using it",
            default, LEGACY_PGDATA, PGDATA_ENV, LEGACY_PGDATA.resolve(),
        )  # fmt: skip
    return default


def normalize_url(url: str) -> str:
    """Accept the URL forms people paste (postgres://, postgresql://) and pin psycopg 3."""
    from sqlalchemy.engine import URL, make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed: URL = make_url(url)
        port = parsed.port
    except (ArgumentError, ValueError) as error:
        # A port that is not a number ("host:abc") is a ValueError.
        raise ConfigurationError(
            f"cannot parse the database URL {mask_url(url)!r} ({DATABASE_URL_ENV} or "
            "--database-url); expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE with a "
            "numeric PORT"
        ) from error
    if port is not None and not 1 <= port <= 65535:
        raise ConfigurationError(
            f"the database URL {mask_url(url)!r} ({DATABASE_URL_ENV} or --database-url) has "
            f"port {port}; a port is a number from 1 to 65535 (PostgreSQL's is 5432)"
        )
    if parsed.drivername in ("postgres", "postgresql", "postgresql+psycopg"):
        parsed = parsed.set(drivername="postgresql+psycopg")
        if "connect_timeout" not in parsed.query:
            parsed = parsed.update_query_dict({"connect_timeout": str(current().connect_timeout)})
    else:
        raise ConfigurationError(
            f"unsupported database URL scheme {parsed.drivername!r}: this project "
            "needs PostgreSQL (postgresql://...)"
        )
    return parsed.render_as_string(hide_password=False)


def mask_url(url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<unparseable URL>"


def libpq_url(url: str) -> str:
    """The same URL in the form psql and psycopg.connect take."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextlib.contextmanager
def database_url(
    url: str | None = None, pgdata: str | Path | None = None, port: int | None = None
) -> Iterator[str]:
    """Yield a SQLAlchemy URL, starting the embedded server when none is configured."""
    configured = url or current().database_url
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

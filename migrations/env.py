"""Alembic environment: the URL comes from settings, never from alembic.ini."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool, text
from sqlalchemy.engine import Connection

from db import settings
from db.models import Base

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def _url() -> str:
    url = config.attributes.get("database_url")
    if url:
        return str(url)
    import os

    configured = os.environ.get(settings.DATABASE_URL_ENV)
    if not configured:
        raise settings.ConfigurationError(
            "DATABASE_URL is not set. Run migrations through `python -m etl db upgrade`, "
            "which starts the embedded server, or export DATABASE_URL=postgresql://..."
        )
    return settings.normalize_url(configured)


# The tables live in the default schema and in analytics_cache (the rollups
# the analytics views read); the views themselves are not alembic's business.
MODEL_SCHEMAS = (None, "analytics_cache")


def _include_name(name: str | None, type_: str, parent_names: object) -> bool:
    return type_ != "schema" or name in MODEL_SCHEMAS


def _run(connection: Connection) -> None:
    # A migration waiting behind a long analyst query must fail fast, not
    # queue every other session behind its lock.
    connection.execute(text(f"set lock_timeout = '{settings.LOCK_TIMEOUT}'"))
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        compare_server_default=True,
        transaction_per_migration=True,
        include_schemas=True,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        _run(connection)
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

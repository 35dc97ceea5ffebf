"""Names of the environment variables the project reads.

Kept apart from ``db/settings.py`` (pydantic, SQLAlchemy) and free of imports,
so the command line can name them in its options without loading either:
``policydb --help`` stays fast.
"""

DATABASE_URL_ENV = "DATABASE_URL"
PGDATA_ENV = "POLICYDB_PGDATA"
MAX_BYTES_ENV = "POLICYDB_MAX_BYTES"
CONNECT_TIMEOUT_ENV = "POLICYDB_CONNECT_TIMEOUT"
RUN_LOCK_WAIT_ENV = "POLICYDB_RUN_LOCK_WAIT"
PASSWORD_ENV = "POLICYDB_PASSWORD"

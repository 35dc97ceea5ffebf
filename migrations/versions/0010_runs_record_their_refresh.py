"""Runs record when their loads reached the analytics summaries

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28

A run was marked succeeded before it refreshed the materialized summaries; a
kill during the refresh left them stale for good, since the next run found
nothing to load and so nothing to refresh. etl_run.summaries_refreshed_at is
set once the refresh after a run's loads is done; a run that finds an earlier
run with loads and no refresh refreshes first.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

COMMENT = (
    "When the analytics summaries were refreshed after this run's loads; null "
    "while they still miss them (the next run refreshes first)."
)


def upgrade() -> None:
    op.add_column(
        "etl_run",
        sa.Column("summaries_refreshed_at", sa.DateTime(timezone=True), comment=COMMENT),
    )
    # Runs before this revision: their refresh is not known to have failed.
    op.execute("update etl_run set summaries_refreshed_at = finished_at")


def downgrade() -> None:
    op.drop_column("etl_run", "summaries_refreshed_at")

"""A run lock readers cannot take: the etl_run_lock table

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-28

Runs were serialised by a session advisory lock (key 7311402001), which any
login may take, the least-privileged reader included: one
`select pg_advisory_lock(7311402001)` stalled every run. A run now holds
`LOCK TABLE etl_run_lock IN EXCLUSIVE MODE` instead; that mode needs UPDATE,
DELETE or TRUNCATE on the table, which only its owner and the loader group
have (readers have no privilege on it, nor USAGE on `public`).
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

LOADER_ROLE = "policy_loader"


def upgrade() -> None:
    op.create_table(
        "etl_run_lock",
        sa.Column(
            "etl_run_lock_id",
            sa.SmallInteger(),
            server_default="1",
            nullable=False,
            comment="Always 1: a single row.",
        ),
        sa.CheckConstraint("etl_run_lock_id = 1", name=op.f("ck_etl_run_lock_one_row")),
        sa.PrimaryKeyConstraint("etl_run_lock_id", name=op.f("pk_etl_run_lock")),
        comment=(
            "Locked (EXCLUSIVE mode) by the ETL run that is loading, for its whole "
            "length; one row, never changed. Only the owner and the loader may lock it."
        ),
    )
    op.execute("insert into etl_run_lock default values")
    # Default privileges cover tables the migrations' role creates; say it anyway,
    # as the lock depends on it: the loader may lock it, nobody else but the owner.
    op.execute("revoke all on etl_run_lock from public")
    op.execute(f"grant select, update on etl_run_lock to {LOADER_ROLE}")


def downgrade() -> None:
    op.drop_table("etl_run_lock")

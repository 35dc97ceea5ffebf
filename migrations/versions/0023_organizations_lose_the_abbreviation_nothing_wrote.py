"""Organizations lose the abbreviation nothing wrote

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-28

organization.abbreviation was never written: no extractor reads a short form
and no reference file gives one, so every row held null and BI users saw a
column that promised something. It goes; the downgrade brings it back empty.
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_column("organization", "abbreviation")


def downgrade() -> None:
    op.add_column(
        "organization",
        sa.Column("abbreviation", sa.Text(), nullable=True, comment="Short form, e.g. CASS."),
    )

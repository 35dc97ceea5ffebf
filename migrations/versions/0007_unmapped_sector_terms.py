"""Sector terms the taxonomy does not know are kept, unmapped

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28

Extraction now keeps the items of a province's enumerations ("空天信息、深海极地、
尖端材料等未来产业", "hydrogen fuel cells") in the article's words even when no
sector alias matches them, rather than dropping them or inventing a sector:
initiative_sector.sector_id is null for such a term until a curator adds an
alias to seeds/reference/sectors.json. Views that report sectors join the
sector table and so show mapped terms only.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COMMENT = "The sector; null for words the taxonomy does not (yet) know."


def upgrade() -> None:
    op.alter_column(
        "initiative_sector",
        "sector_id",
        existing_type=sa.Integer(),
        nullable=True,
        comment=COMMENT,
        existing_comment="The sector.",
    )


def downgrade() -> None:
    op.execute("delete from initiative_sector where sector_id is null")
    op.alter_column(
        "initiative_sector",
        "sector_id",
        existing_type=sa.Integer(),
        nullable=False,
        comment="The sector.",
        existing_comment=COMMENT,
    )

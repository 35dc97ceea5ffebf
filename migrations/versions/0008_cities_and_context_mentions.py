"""Cities that stand for their provinces, and places named only for comparison

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28

Extraction now reads a city as its province ("a Hefei plan is Anhui's") and
keeps which city it was: province_mention.city and initiative.city hold its
English name (null when the province itself is named). A city named in a
sentence where no province acts ("the fourth launch centre, after those in
Jiuquan and Taiyuan") is kept as a mention with the new role 'context', which
does not make its province one of the story's.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MENTION_CITY = "English name of the city named for the province ('Hefei'); null for the province."
INITIATIVE_CITY = (
    "English name of the city that announced it for the province; null when the province did."
)
ROLE_COMMENT = (
    "subject (acts in a sentence), listed (named in a list), dateline (city only) or "
    "context (a city named only for comparison; not a province of the story)."
)
OLD_ROLE_COMMENT = "subject (acts in a sentence), listed (named in a list) or dateline (city only)."


def upgrade() -> None:
    op.add_column("province_mention", sa.Column("city", sa.Text(), comment=MENTION_CITY))
    op.add_column("initiative", sa.Column("city", sa.Text(), comment=INITIATIVE_CITY))
    op.drop_constraint(op.f("ck_province_mention_role"), "province_mention", type_="check")
    op.create_check_constraint(
        op.f("ck_province_mention_role"),
        "province_mention",
        "role in ('subject', 'listed', 'dateline', 'context')",
    )
    op.alter_column(
        "province_mention",
        "role",
        existing_type=sa.Text(),
        comment=ROLE_COMMENT,
        existing_comment=OLD_ROLE_COMMENT,
    )


def downgrade() -> None:
    op.execute("delete from province_mention where role = 'context'")
    op.alter_column(
        "province_mention",
        "role",
        existing_type=sa.Text(),
        comment=OLD_ROLE_COMMENT,
        existing_comment=ROLE_COMMENT,
    )
    op.drop_constraint(op.f("ck_province_mention_role"), "province_mention", type_="check")
    op.create_check_constraint(
        op.f("ck_province_mention_role"),
        "province_mention",
        "role in ('subject', 'listed', 'dateline')",
    )
    op.drop_column("initiative", "city")
    op.drop_column("province_mention", "city")

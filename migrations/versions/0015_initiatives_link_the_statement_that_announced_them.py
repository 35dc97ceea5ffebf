"""Initiatives link the statement that announced them

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-28

What a governor, mayor or deputy says the province will do is the province's
initiative; until now the initiative and the statement were stored apart and
an analyst could not tell who announced it. initiative.statement_id points at
that statement (null when the article itself states the initiative).
Articles loaded before keep null: a run reloads a file only when its text
changes, so a full picture needs the articles loaded into a new database.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

COMMENT = (
    "The statement that announced it, when an official or expert said what the "
    "province will do; null when the article states it."
)


def upgrade() -> None:
    op.add_column(
        "initiative", sa.Column("statement_id", sa.BigInteger(), nullable=True, comment=COMMENT)
    )
    op.create_foreign_key(
        op.f("fk_initiative_statement_id_statement"),
        "initiative",
        "statement",
        ["statement_id"],
        ["statement_id"],
        ondelete="SET NULL",
    )
    op.create_index(op.f("ix_initiative_statement_id"), "initiative", ["statement_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_initiative_statement_id"), table_name="initiative")
    op.drop_constraint(
        op.f("fk_initiative_statement_id_statement"), "initiative", type_="foreignkey"
    )
    op.drop_column("initiative", "statement_id")

"""Drop foreign-key indexes that a unique key already covers

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

Seven fact tables had both a single-column index on their parent's id and a
unique key leading with that same column, e.g. initiative_sector's
(initiative_id) and (initiative_id, span_start). The unique key serves every
lookup the single index did (cascading deletes, joins by parent), so the
single index only cost writes: each loaded fact updated one index more. At
130 fact rows per article that is a measurable share of the load.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

DUPLICATES = {
    "expert_alias": "expert_id",
    "province_mention": "source_article_id",
    "initiative": "source_article_id",
    "initiative_sector": "initiative_id",
    "quantitative_target": "initiative_id",
    "statement": "source_article_id",
    "statement_topic": "statement_id",
}


def upgrade() -> None:
    for table, column in DUPLICATES.items():
        op.drop_index(f"ix_{table}_{column}", table_name=table)


def downgrade() -> None:
    for table, column in DUPLICATES.items():
        op.create_index(f"ix_{table}_{column}", table, [column])

"""Initial schema: reference data, source articles, extracted facts and the run log.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 14:17:29.070307
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "etl_run",
        sa.Column(
            "etl_run_id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Run id.",
        ),
        sa.Column(
            "started_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When the run began.",
        ),
        sa.Column(
            "finished_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When the run ended; null while running.",
        ),
        sa.Column(
            "status",
            sa.Text(),
            server_default="running",
            nullable=False,
            comment="running, succeeded, partial (some files rejected), failed or interrupted.",
        ),
        sa.Column("code_version", sa.Text(), nullable=False, comment="Version of the ETL code."),
        sa.Column(
            "process_id",
            sa.Integer(),
            nullable=True,
            comment="Operating-system process id of the run, to detect dead runs.",
        ),
        sa.Column(
            "files_seen_count",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Files considered.",
        ),
        sa.Column(
            "loaded_count",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Files loaded as new articles.",
        ),
        sa.Column(
            "unchanged_count",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Files skipped because already loaded.",
        ),
        sa.Column(
            "replaced_count",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Files whose changed content replaced an article.",
        ),
        sa.Column(
            "rejected_count",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Files rejected, each with a reason.",
        ),
        sa.Column("error", sa.Text(), nullable=True, comment="Why the run failed, if it did."),
        sa.CheckConstraint(
            "status in ('running', 'succeeded', 'partial', 'failed', 'interrupted')",
            name=op.f("ck_etl_run_status"),
        ),
        sa.CheckConstraint(
            "finished_at is null or finished_at >= started_at",
            name=op.f("ck_etl_run_finished_after_start"),
        ),
        sa.PrimaryKeyConstraint("etl_run_id", name=op.f("pk_etl_run")),
        comment="One row per ETL run, with its outcome counts.",
    )
    op.create_table(
        "organization",
        sa.Column(
            "organization_id",
            sa.Integer(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="Full English name."),
        sa.Column("abbreviation", sa.Text(), nullable=True, comment="Short form, e.g. CASS."),
        sa.Column(
            "parent_organization_id",
            sa.Integer(),
            nullable=True,
            comment="The body this organization is part of.",
        ),
        sa.CheckConstraint(
            "parent_organization_id <> organization_id", name=op.f("ck_organization_not_own_parent")
        ),
        sa.ForeignKeyConstraint(
            ["parent_organization_id"],
            ["organization.organization_id"],
            name=op.f("fk_organization_parent_organization_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("organization_id", name=op.f("pk_organization")),
        sa.UniqueConstraint("name", name=op.f("uq_organization_name")),
        comment="Institutions experts belong to, with their hierarchy.",
    )
    op.create_index(
        op.f("ix_organization_parent_organization_id"),
        "organization",
        ["parent_organization_id"],
        unique=False,
    )
    op.create_table(
        "province",
        sa.Column(
            "province_id",
            sa.SmallInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column("code", sa.Text(), nullable=False, comment="ISO 3166-2:CN code, e.g. CN-SD."),
        sa.Column("name", sa.Text(), nullable=False, comment="Common English name."),
        sa.Column("name_zh", sa.Text(), nullable=False, comment="Chinese name."),
        sa.Column(
            "kind",
            sa.Text(),
            nullable=False,
            comment="province, municipality, autonomous_region or special_administrative_region.",
        ),
        sa.Column(
            "region",
            sa.Text(),
            nullable=True,
            comment="NBS economic region: east, central, west, northeast; null for HK, Macao, Taiwan.",
        ),
        sa.Column("capital", sa.Text(), nullable=True, comment="Capital city, in English."),
        sa.CheckConstraint("code ~ '^CN-[A-Z]{2}$'", name=op.f("ck_province_iso_code")),
        sa.CheckConstraint(
            "kind in ('province', 'municipality', 'autonomous_region', 'special_administrative_region')",
            name=op.f("ck_province_kind"),
        ),
        sa.CheckConstraint(
            "region is null or region in ('east', 'central', 'west', 'northeast')",
            name=op.f("ck_province_region"),
        ),
        sa.PrimaryKeyConstraint("province_id", name=op.f("pk_province")),
        sa.UniqueConstraint("code", name=op.f("uq_province_code")),
        sa.UniqueConstraint("name", name=op.f("uq_province_name")),
        sa.UniqueConstraint("name_zh", name=op.f("uq_province_name_zh")),
        comment="The 34 provincial-level divisions of China (reference data).",
    )
    op.create_table(
        "sector",
        sa.Column(
            "sector_id",
            sa.Integer(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column(
            "slug", sa.Text(), nullable=False, comment="Stable identifier, e.g. humanoid-robots."
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="Display name."),
        sa.Column(
            "parent_sector_id",
            sa.Integer(),
            nullable=True,
            comment="Broader sector this one rolls up into (robotics > humanoid robots).",
        ),
        sa.Column(
            "classification",
            sa.Text(),
            nullable=False,
            comment="strategic_emerging_industry, future_industry, traditional_upgrading or enabling_technology.",
        ),
        sa.Column("description", sa.Text(), nullable=False, comment="One-sentence definition."),
        sa.CheckConstraint(
            "classification in ('strategic_emerging_industry', 'future_industry', 'traditional_upgrading', 'enabling_technology')",
            name=op.f("ck_sector_classification"),
        ),
        sa.CheckConstraint("slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'", name=op.f("ck_sector_slug_format")),
        sa.CheckConstraint("parent_sector_id <> sector_id", name=op.f("ck_sector_not_own_parent")),
        sa.ForeignKeyConstraint(
            ["parent_sector_id"],
            ["sector.sector_id"],
            name=op.f("fk_sector_parent_sector_id_sector"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("sector_id", name=op.f("pk_sector")),
        sa.UniqueConstraint("name", name=op.f("uq_sector_name")),
        sa.UniqueConstraint("slug", name=op.f("uq_sector_slug")),
        comment="Canonical taxonomy of the industries Chinese industrial policy targets.",
    )
    op.create_index(
        op.f("ix_sector_parent_sector_id"), "sector", ["parent_sector_id"], unique=False
    )
    op.create_table(
        "expert",
        sa.Column(
            "expert_id",
            sa.Integer(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column(
            "name", sa.Text(), nullable=False, comment="Full name as first given in an article."
        ),
        sa.Column("title", sa.Text(), nullable=True, comment="Title, e.g. director."),
        sa.Column(
            "organization_id",
            sa.Integer(),
            nullable=True,
            comment="Organization the expert speaks for.",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.organization_id"],
            name=op.f("fk_expert_organization_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("expert_id", name=op.f("pk_expert")),
        sa.UniqueConstraint(
            "name",
            "organization_id",
            name=op.f("uq_expert_name_organization_id"),
            postgresql_nulls_not_distinct=True,
        ),
        comment="People whose statements articles report: researchers, officials, analysts.",
    )
    op.create_index(op.f("ix_expert_organization_id"), "expert", ["organization_id"], unique=False)
    op.create_table(
        "province_alias",
        sa.Column(
            "province_alias_id",
            sa.Integer(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column(
            "province_id",
            sa.SmallInteger(),
            nullable=False,
            comment="The province this alias names.",
        ),
        sa.Column(
            "alias",
            sa.Text(),
            nullable=False,
            comment="Surface form, e.g. 'Guangxi Zhuang Autonomous Region'.",
        ),
        sa.ForeignKeyConstraint(
            ["province_id"],
            ["province.province_id"],
            name=op.f("fk_province_alias_province_id_province"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("province_alias_id", name=op.f("pk_province_alias")),
        sa.UniqueConstraint("alias", name=op.f("uq_province_alias_alias")),
        comment="Other English surface forms of a province's name.",
    )
    op.create_index(
        op.f("ix_province_alias_province_id"), "province_alias", ["province_id"], unique=False
    )
    op.create_table(
        "sector_alias",
        sa.Column(
            "sector_alias_id",
            sa.Integer(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column("sector_id", sa.Integer(), nullable=False, comment="The sector this term names."),
        sa.Column(
            "alias",
            sa.Text(),
            nullable=False,
            comment="Term as matched; lower case unless an acronym (matched case-sensitively).",
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"],
            ["sector.sector_id"],
            name=op.f("fk_sector_alias_sector_id_sector"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sector_alias_id", name=op.f("pk_sector_alias")),
        sa.UniqueConstraint("alias", name=op.f("uq_sector_alias_alias")),
        comment="Surface terms that name a sector in article text.",
    )
    op.create_index(op.f("ix_sector_alias_sector_id"), "sector_alias", ["sector_id"], unique=False)
    op.create_table(
        "source_article",
        sa.Column(
            "source_article_id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Article id.",
        ),
        sa.Column(
            "content_sha256",
            sa.Text(),
            nullable=False,
            comment="SHA-256 of the file's bytes: the article's identity.",
        ),
        sa.Column(
            "source_path",
            sa.Text(),
            nullable=False,
            comment="Path of the file the article was read from.",
        ),
        sa.Column("url", sa.Text(), nullable=True, comment="Web address, from the sidecar."),
        sa.Column("outlet", sa.Text(), nullable=True, comment="Publishing outlet, e.g. Xinhua."),
        sa.Column("dateline_city", sa.Text(), nullable=True, comment="City of the dateline."),
        sa.Column("published_on", sa.Date(), nullable=True, comment="Publication date."),
        sa.Column(
            "is_date_inferred",
            sa.Boolean(),
            server_default="false",
            nullable=False,
            comment="True when the dateline had no year and it was inferred from the text.",
        ),
        sa.Column("reporter", sa.Text(), nullable=True, comment="Reporter's name."),
        sa.Column("headline", sa.Text(), nullable=True, comment="Headline, when known."),
        sa.Column(
            "language",
            sa.Text(),
            server_default="en",
            nullable=False,
            comment="ISO 639-1 language code.",
        ),
        sa.Column(
            "body", sa.Text(), nullable=False, comment="Full decoded text; spans index into it."
        ),
        sa.Column(
            "loaded_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
            comment="When it was loaded.",
        ),
        sa.Column("etl_run_id", sa.BigInteger(), nullable=True, comment="The run that loaded it."),
        sa.CheckConstraint(
            "content_sha256 ~ '^[0-9a-f]{64}$'", name=op.f("ck_source_article_sha256_format")
        ),
        sa.ForeignKeyConstraint(
            ["etl_run_id"],
            ["etl_run.etl_run_id"],
            name=op.f("fk_source_article_etl_run_id_etl_run"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("source_article_id", name=op.f("pk_source_article")),
        sa.UniqueConstraint("content_sha256", name=op.f("uq_source_article_content_sha256")),
        comment="One row per distinct article text loaded.",
    )
    op.create_index(
        op.f("ix_source_article_etl_run_id"), "source_article", ["etl_run_id"], unique=False
    )
    op.create_index(
        op.f("ix_source_article_source_path"), "source_article", ["source_path"], unique=False
    )
    op.create_table(
        "etl_run_file",
        sa.Column(
            "etl_run_file_id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column("etl_run_id", sa.BigInteger(), nullable=False, comment="The run."),
        sa.Column("path", sa.Text(), nullable=False, comment="Path of the file as given."),
        sa.Column(
            "content_sha256",
            sa.Text(),
            nullable=True,
            comment="SHA-256 of its bytes; null when it could not be read.",
        ),
        sa.Column(
            "outcome", sa.Text(), nullable=False, comment="loaded, unchanged, replaced or rejected."
        ),
        sa.Column("reason", sa.Text(), nullable=True, comment="Why, in words a person can act on."),
        sa.Column(
            "source_article_id",
            sa.BigInteger(),
            nullable=True,
            comment="The article the file produced or matched.",
        ),
        sa.CheckConstraint(
            "outcome <> 'rejected' or reason is not null",
            name=op.f("ck_etl_run_file_rejected_has_reason"),
        ),
        sa.CheckConstraint(
            "outcome in ('loaded', 'unchanged', 'replaced', 'rejected')",
            name=op.f("ck_etl_run_file_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["etl_run_id"],
            ["etl_run.etl_run_id"],
            name=op.f("fk_etl_run_file_etl_run_id_etl_run"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_article_id"],
            ["source_article.source_article_id"],
            name=op.f("fk_etl_run_file_source_article_id_source_article"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("etl_run_file_id", name=op.f("pk_etl_run_file")),
        comment="One row per file per run: what happened to it and why.",
    )
    op.create_index(
        op.f("ix_etl_run_file_etl_run_id"), "etl_run_file", ["etl_run_id"], unique=False
    )
    op.create_index(
        op.f("ix_etl_run_file_source_article_id"),
        "etl_run_file",
        ["source_article_id"],
        unique=False,
    )
    op.create_table(
        "expert_alias",
        sa.Column(
            "expert_alias_id",
            sa.Integer(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column("expert_id", sa.Integer(), nullable=False, comment="The expert."),
        sa.Column(
            "alias", sa.Text(), nullable=False, comment="Alternative name, e.g. 'Stan' for Shi Dan."
        ),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["expert.expert_id"],
            name=op.f("fk_expert_alias_expert_id_expert"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("expert_alias_id", name=op.f("pk_expert_alias")),
        sa.UniqueConstraint("expert_id", "alias", name=op.f("uq_expert_alias_expert_id_alias")),
        comment="Other names under which an expert is mentioned (surname, translations).",
    )
    op.create_index(op.f("ix_expert_alias_expert_id"), "expert_alias", ["expert_id"], unique=False)
    op.create_table(
        "initiative",
        sa.Column(
            "initiative_id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column(
            "source_article_id",
            sa.BigInteger(),
            nullable=False,
            comment="The article reporting it.",
        ),
        sa.Column(
            "province_id",
            sa.SmallInteger(),
            nullable=False,
            comment="The province that announced it.",
        ),
        sa.Column(
            "event_kind",
            sa.Text(),
            nullable=False,
            comment="conference, government_work_report, plan, policy or other.",
        ),
        sa.Column(
            "event_on",
            sa.Date(),
            nullable=True,
            comment="Date of the event when the article gives it.",
        ),
        sa.Column(
            "event_text",
            sa.Text(),
            nullable=True,
            comment="Words naming the event, e.g. the conference's name.",
        ),
        sa.Column(
            "clause_text", sa.Text(), nullable=False, comment="The clause stating the initiative."
        ),
        sa.Column(
            "span_start", sa.Integer(), nullable=False, comment="Clause start offset in the body."
        ),
        sa.Column(
            "span_end", sa.Integer(), nullable=False, comment="Clause end offset (exclusive)."
        ),
        sa.Column(
            "sentence_index",
            sa.Integer(),
            nullable=False,
            comment="Zero-based index of the sentence in the article.",
        ),
        sa.Column(
            "sentence_text", sa.Text(), nullable=False, comment="The whole sentence, for context."
        ),
        sa.CheckConstraint(
            "event_kind in ('conference', 'government_work_report', 'plan', 'policy', 'other')",
            name=op.f("ck_initiative_event_kind"),
        ),
        sa.CheckConstraint("sentence_index >= 0", name=op.f("ck_initiative_sentence_index")),
        sa.CheckConstraint(
            "span_start >= 0 and span_end > span_start", name=op.f("ck_initiative_valid_span")
        ),
        sa.ForeignKeyConstraint(
            ["province_id"],
            ["province.province_id"],
            name=op.f("fk_initiative_province_id_province"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_article_id"],
            ["source_article.source_article_id"],
            name=op.f("fk_initiative_source_article_id_source_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("initiative_id", name=op.f("pk_initiative")),
        sa.UniqueConstraint(
            "source_article_id",
            "province_id",
            "span_start",
            name=op.f("uq_initiative_source_article_id_province_id_span_start"),
        ),
        comment="A policy action or commitment a province announced, at clause level.",
    )
    op.create_index(op.f("ix_initiative_province_id"), "initiative", ["province_id"], unique=False)
    op.create_index(
        op.f("ix_initiative_source_article_id"), "initiative", ["source_article_id"], unique=False
    )
    op.create_table(
        "province_mention",
        sa.Column(
            "province_mention_id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column("source_article_id", sa.BigInteger(), nullable=False, comment="The article."),
        sa.Column("province_id", sa.SmallInteger(), nullable=False, comment="The province named."),
        sa.Column(
            "role",
            sa.Text(),
            nullable=False,
            comment="subject (acts in a sentence), listed (named in a list) or dateline (city only).",
        ),
        sa.Column("matched_text", sa.Text(), nullable=False, comment="The words matched."),
        sa.Column("span_start", sa.Integer(), nullable=False, comment="Start offset in the body."),
        sa.Column("span_end", sa.Integer(), nullable=False, comment="End offset (exclusive)."),
        sa.CheckConstraint(
            "role in ('subject', 'listed', 'dateline')", name=op.f("ck_province_mention_role")
        ),
        sa.CheckConstraint(
            "span_start >= 0 and span_end > span_start", name=op.f("ck_province_mention_valid_span")
        ),
        sa.ForeignKeyConstraint(
            ["province_id"],
            ["province.province_id"],
            name=op.f("fk_province_mention_province_id_province"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_article_id"],
            ["source_article.source_article_id"],
            name=op.f("fk_province_mention_source_article_id_source_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("province_mention_id", name=op.f("pk_province_mention")),
        sa.UniqueConstraint(
            "source_article_id",
            "span_start",
            name=op.f("uq_province_mention_source_article_id_span_start"),
        ),
        comment="Each place an article names a province.",
    )
    op.create_index(
        op.f("ix_province_mention_province_id"), "province_mention", ["province_id"], unique=False
    )
    op.create_index(
        op.f("ix_province_mention_source_article_id"),
        "province_mention",
        ["source_article_id"],
        unique=False,
    )
    op.create_table(
        "statement",
        sa.Column(
            "statement_id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column("source_article_id", sa.BigInteger(), nullable=False, comment="The article."),
        sa.Column(
            "expert_id",
            sa.Integer(),
            nullable=True,
            comment="The speaker; null when the speaker could not be resolved.",
        ),
        sa.Column(
            "speaker_text",
            sa.Text(),
            nullable=False,
            comment="The words naming the speaker in the article.",
        ),
        sa.Column(
            "verb", sa.Text(), nullable=False, comment="Reporting verb: said, believes, noted ..."
        ),
        sa.Column(
            "kind",
            sa.Text(),
            nullable=False,
            comment="direct (quotation marks) or indirect (reported speech).",
        ),
        sa.Column(
            "statement_text",
            sa.Text(),
            nullable=False,
            comment="What was said, with translation artifacts normalized.",
        ),
        sa.Column(
            "span_start",
            sa.Integer(),
            nullable=False,
            comment="Start offset of the original words in the body.",
        ),
        sa.Column("span_end", sa.Integer(), nullable=False, comment="End offset (exclusive)."),
        sa.CheckConstraint("kind in ('direct', 'indirect')", name=op.f("ck_statement_kind")),
        sa.CheckConstraint(
            "span_start >= 0 and span_end > span_start", name=op.f("ck_statement_valid_span")
        ),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["expert.expert_id"],
            name=op.f("fk_statement_expert_id_expert"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_article_id"],
            ["source_article.source_article_id"],
            name=op.f("fk_statement_source_article_id_source_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_id", name=op.f("pk_statement")),
        sa.UniqueConstraint(
            "source_article_id",
            "span_start",
            name=op.f("uq_statement_source_article_id_span_start"),
        ),
        comment="What experts said: reported speech and direct quotations.",
    )
    op.create_index(op.f("ix_statement_expert_id"), "statement", ["expert_id"], unique=False)
    op.create_index(
        op.f("ix_statement_source_article_id"), "statement", ["source_article_id"], unique=False
    )
    op.create_table(
        "initiative_sector",
        sa.Column(
            "initiative_sector_id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column("initiative_id", sa.BigInteger(), nullable=False, comment="The initiative."),
        sa.Column("sector_id", sa.Integer(), nullable=False, comment="The sector."),
        sa.Column(
            "matched_text", sa.Text(), nullable=False, comment="The words matched in the body."
        ),
        sa.Column("span_start", sa.Integer(), nullable=False, comment="Start offset in the body."),
        sa.Column("span_end", sa.Integer(), nullable=False, comment="End offset (exclusive)."),
        sa.CheckConstraint(
            "span_start >= 0 and span_end > span_start",
            name=op.f("ck_initiative_sector_valid_span"),
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.initiative_id"],
            name=op.f("fk_initiative_sector_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"],
            ["sector.sector_id"],
            name=op.f("fk_initiative_sector_sector_id_sector"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("initiative_sector_id", name=op.f("pk_initiative_sector")),
        sa.UniqueConstraint(
            "initiative_id",
            "span_start",
            name=op.f("uq_initiative_sector_initiative_id_span_start"),
        ),
        comment="Sectors an initiative targets, with the words that named them.",
    )
    op.create_index(
        op.f("ix_initiative_sector_initiative_id"),
        "initiative_sector",
        ["initiative_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_initiative_sector_sector_id"), "initiative_sector", ["sector_id"], unique=False
    )
    op.create_table(
        "quantitative_target",
        sa.Column(
            "quantitative_target_id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column(
            "initiative_id",
            sa.BigInteger(),
            nullable=False,
            comment="The initiative setting the target.",
        ),
        sa.Column("quantity", sa.Numeric(), nullable=False, comment="The number."),
        sa.Column(
            "is_approximate",
            sa.Boolean(),
            nullable=False,
            comment="True for 'around', 'about', 'more than' and the like.",
        ),
        sa.Column(
            "target_text",
            sa.Text(),
            nullable=False,
            comment="The counted words, e.g. 'around 10 provincial emerging industry clusters'.",
        ),
        sa.Column("span_start", sa.Integer(), nullable=False, comment="Start offset in the body."),
        sa.Column("span_end", sa.Integer(), nullable=False, comment="End offset (exclusive)."),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_quantitative_target_positive_quantity")),
        sa.CheckConstraint(
            "span_start >= 0 and span_end > span_start",
            name=op.f("ck_quantitative_target_valid_span"),
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.initiative_id"],
            name=op.f("fk_quantitative_target_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("quantitative_target_id", name=op.f("pk_quantitative_target")),
        sa.UniqueConstraint(
            "initiative_id",
            "span_start",
            name=op.f("uq_quantitative_target_initiative_id_span_start"),
        ),
        comment="Numeric targets: '50 key industrial chains'.",
    )
    op.create_index(
        op.f("ix_quantitative_target_initiative_id"),
        "quantitative_target",
        ["initiative_id"],
        unique=False,
    )
    op.create_table(
        "statement_topic",
        sa.Column(
            "statement_topic_id",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Surrogate key.",
        ),
        sa.Column("statement_id", sa.BigInteger(), nullable=False, comment="The statement."),
        sa.Column("sector_id", sa.Integer(), nullable=False, comment="The sector."),
        sa.Column(
            "matched_text", sa.Text(), nullable=False, comment="The words matched in the body."
        ),
        sa.Column("span_start", sa.Integer(), nullable=False, comment="Start offset in the body."),
        sa.Column("span_end", sa.Integer(), nullable=False, comment="End offset (exclusive)."),
        sa.CheckConstraint(
            "span_start >= 0 and span_end > span_start", name=op.f("ck_statement_topic_valid_span")
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"],
            ["sector.sector_id"],
            name=op.f("fk_statement_topic_sector_id_sector"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.statement_id"],
            name=op.f("fk_statement_topic_statement_id_statement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_topic_id", name=op.f("pk_statement_topic")),
        sa.UniqueConstraint(
            "statement_id", "span_start", name=op.f("uq_statement_topic_statement_id_span_start")
        ),
        comment="Sectors a statement talks about.",
    )
    op.create_index(
        op.f("ix_statement_topic_sector_id"), "statement_topic", ["sector_id"], unique=False
    )
    op.create_index(
        op.f("ix_statement_topic_statement_id"), "statement_topic", ["statement_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_statement_topic_statement_id"), table_name="statement_topic")
    op.drop_index(op.f("ix_statement_topic_sector_id"), table_name="statement_topic")
    op.drop_table("statement_topic")
    op.drop_index(op.f("ix_quantitative_target_initiative_id"), table_name="quantitative_target")
    op.drop_table("quantitative_target")
    op.drop_index(op.f("ix_initiative_sector_sector_id"), table_name="initiative_sector")
    op.drop_index(op.f("ix_initiative_sector_initiative_id"), table_name="initiative_sector")
    op.drop_table("initiative_sector")
    op.drop_index(op.f("ix_statement_source_article_id"), table_name="statement")
    op.drop_index(op.f("ix_statement_expert_id"), table_name="statement")
    op.drop_table("statement")
    op.drop_index(op.f("ix_province_mention_source_article_id"), table_name="province_mention")
    op.drop_index(op.f("ix_province_mention_province_id"), table_name="province_mention")
    op.drop_table("province_mention")
    op.drop_index(op.f("ix_initiative_source_article_id"), table_name="initiative")
    op.drop_index(op.f("ix_initiative_province_id"), table_name="initiative")
    op.drop_table("initiative")
    op.drop_index(op.f("ix_expert_alias_expert_id"), table_name="expert_alias")
    op.drop_table("expert_alias")
    op.drop_index(op.f("ix_etl_run_file_source_article_id"), table_name="etl_run_file")
    op.drop_index(op.f("ix_etl_run_file_etl_run_id"), table_name="etl_run_file")
    op.drop_table("etl_run_file")
    op.drop_index(op.f("ix_source_article_source_path"), table_name="source_article")
    op.drop_index(op.f("ix_source_article_etl_run_id"), table_name="source_article")
    op.drop_table("source_article")
    op.drop_index(op.f("ix_sector_alias_sector_id"), table_name="sector_alias")
    op.drop_table("sector_alias")
    op.drop_index(op.f("ix_province_alias_province_id"), table_name="province_alias")
    op.drop_table("province_alias")
    op.drop_index(op.f("ix_expert_organization_id"), table_name="expert")
    op.drop_table("expert")
    op.drop_index(op.f("ix_sector_parent_sector_id"), table_name="sector")
    op.drop_table("sector")
    op.drop_table("province")
    op.drop_index(op.f("ix_organization_parent_organization_id"), table_name="organization")
    op.drop_table("organization")
    op.drop_table("etl_run")

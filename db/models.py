"""The normalized schema of the regional industrial policy database.

Every table and column carries a comment: BI tools show them to analysts, and
``alembic check`` compares them, so the database documents itself.
Enumerations are text columns guarded by CHECK constraints rather than
PostgreSQL enum types: adding a value is then a one-line migration, and BI
tools read them as plain strings.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Integer,
    MetaData,
    Numeric,
    SmallInteger,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from db.vocabulary import EVENT_KINDS as EVENT_KINDS
from db.vocabulary import MENTION_ROLES as MENTION_ROLES
from db.vocabulary import STATEMENT_KINDS as STATEMENT_KINDS

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PROVINCE_KINDS = ("province", "municipality", "autonomous_region", "special_administrative_region")
REGIONS = ("east", "central", "west", "northeast")
SECTOR_CLASSIFICATIONS = (
    "strategic_emerging_industry",
    "future_industry",
    "traditional_upgrading",
    "enabling_technology",
)
RUN_STATUSES = ("running", "succeeded", "partial", "failed", "interrupted")
FILE_OUTCOMES = ("loaded", "unchanged", "replaced", "rejected")


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} in ({quoted})"


def _span_check() -> CheckConstraint:
    return CheckConstraint("span_start >= 0 and span_end > span_start", name="valid_span")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# --- reference data -------------------------------------------------------


class Province(Base):
    __tablename__ = "province"
    __table_args__ = (
        CheckConstraint(_in("kind", PROVINCE_KINDS), name="kind"),
        CheckConstraint(f"region is null or {_in('region', REGIONS)}", name="region"),
        CheckConstraint("code ~ '^CN-[A-Z]{2}$'", name="iso_code"),
        {"comment": "The 34 provincial-level divisions of China (reference data)."},
    )

    province_id: Mapped[int] = mapped_column(
        SmallInteger, Identity(), primary_key=True, comment="Surrogate key."
    )
    code: Mapped[str] = mapped_column(Text, unique=True, comment="ISO 3166-2:CN code, e.g. CN-SD.")
    name: Mapped[str] = mapped_column(Text, unique=True, comment="Common English name.")
    name_zh: Mapped[str] = mapped_column(Text, unique=True, comment="Chinese name.")
    kind: Mapped[str] = mapped_column(
        Text,
        comment="province, municipality, autonomous_region or special_administrative_region.",
    )
    region: Mapped[str | None] = mapped_column(
        Text,
        comment="NBS economic region: east, central, west, northeast; null for HK, Macao, Taiwan.",
    )
    capital: Mapped[str | None] = mapped_column(Text, comment="Capital city, in English.")

    aliases: Mapped[list[ProvinceAlias]] = relationship(
        back_populates="province", cascade="all, delete-orphan"
    )


class ProvinceAlias(Base):
    __tablename__ = "province_alias"
    __table_args__ = ({"comment": "Other English surface forms of a province's name."},)

    province_alias_id: Mapped[int] = mapped_column(
        Integer, Identity(), primary_key=True, comment="Surrogate key."
    )
    province_id: Mapped[int] = mapped_column(
        ForeignKey("province.province_id", ondelete="CASCADE"),
        index=True,
        comment="The province this alias names.",
    )
    alias: Mapped[str] = mapped_column(
        Text, unique=True, comment="Surface form, e.g. 'Guangxi Zhuang Autonomous Region'."
    )

    province: Mapped[Province] = relationship(back_populates="aliases")


class Sector(Base):
    __tablename__ = "sector"
    __table_args__ = (
        CheckConstraint(_in("classification", SECTOR_CLASSIFICATIONS), name="classification"),
        CheckConstraint("slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'", name="slug_format"),
        CheckConstraint("parent_sector_id <> sector_id", name="not_own_parent"),
        {"comment": "Canonical taxonomy of the industries Chinese industrial policy targets."},
    )

    sector_id: Mapped[int] = mapped_column(
        Integer, Identity(), primary_key=True, comment="Surrogate key."
    )
    slug: Mapped[str] = mapped_column(
        Text, unique=True, comment="Stable identifier, e.g. humanoid-robots."
    )
    name: Mapped[str] = mapped_column(Text, unique=True, comment="Display name.")
    parent_sector_id: Mapped[int | None] = mapped_column(
        ForeignKey("sector.sector_id", ondelete="RESTRICT"),
        index=True,
        comment="Broader sector this one rolls up into (robotics > humanoid robots).",
    )
    classification: Mapped[str] = mapped_column(
        Text,
        comment=(
            "strategic_emerging_industry, future_industry, traditional_upgrading "
            "or enabling_technology."
        ),
    )
    description: Mapped[str] = mapped_column(Text, comment="One-sentence definition.")

    parent: Mapped[Sector | None] = relationship(remote_side=[sector_id])
    aliases: Mapped[list[SectorAlias]] = relationship(
        back_populates="sector", cascade="all, delete-orphan"
    )


class SectorAlias(Base):
    __tablename__ = "sector_alias"
    __table_args__ = ({"comment": "Surface terms that name a sector in article text."},)

    sector_alias_id: Mapped[int] = mapped_column(
        Integer, Identity(), primary_key=True, comment="Surrogate key."
    )
    sector_id: Mapped[int] = mapped_column(
        ForeignKey("sector.sector_id", ondelete="CASCADE"),
        index=True,
        comment="The sector this term names.",
    )
    alias: Mapped[str] = mapped_column(
        Text,
        unique=True,
        comment="Term as matched; lower case unless an acronym (matched case-sensitively).",
    )

    sector: Mapped[Sector] = relationship(back_populates="aliases")


class Organization(Base):
    __tablename__ = "organization"
    __table_args__ = (
        CheckConstraint("parent_organization_id <> organization_id", name="not_own_parent"),
        {"comment": "Institutions experts belong to, with their hierarchy."},
    )

    organization_id: Mapped[int] = mapped_column(
        Integer, Identity(), primary_key=True, comment="Surrogate key."
    )
    name: Mapped[str] = mapped_column(Text, unique=True, comment="Full English name.")
    parent_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.organization_id", ondelete="RESTRICT"),
        index=True,
        comment="The body this organization is part of.",
    )


class Expert(Base):
    __tablename__ = "expert"
    __table_args__ = (
        UniqueConstraint("name", "organization_id", postgresql_nulls_not_distinct=True),
        {"comment": "People whose statements articles report: researchers, officials, analysts."},
    )

    expert_id: Mapped[int] = mapped_column(
        Integer, Identity(), primary_key=True, comment="Surrogate key."
    )
    name: Mapped[str] = mapped_column(Text, comment="Full name as first given in an article.")
    title: Mapped[str | None] = mapped_column(Text, comment="Title, e.g. director.")
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.organization_id", ondelete="RESTRICT"),
        index=True,
        comment="Organization the expert speaks for.",
    )

    aliases: Mapped[list[ExpertAlias]] = relationship(cascade="all, delete-orphan")


class ExpertAlias(Base):
    __tablename__ = "expert_alias"
    __table_args__ = (
        UniqueConstraint("expert_id", "alias"),
        {"comment": "Other names under which an expert is mentioned (surname, translations)."},
    )

    expert_alias_id: Mapped[int] = mapped_column(
        Integer, Identity(), primary_key=True, comment="Surrogate key."
    )
    expert_id: Mapped[int] = mapped_column(
        ForeignKey("expert.expert_id", ondelete="CASCADE"),
        # No index of its own: the unique key on this table leads with it.
        comment="The expert.",
    )
    alias: Mapped[str] = mapped_column(Text, comment="Alternative name, e.g. 'Stan' for Shi Dan.")


# --- ETL bookkeeping ------------------------------------------------------


class EtlRun(Base):
    __tablename__ = "etl_run"
    __table_args__ = (
        CheckConstraint(_in("status", RUN_STATUSES), name="status"),
        CheckConstraint(
            "finished_at is null or finished_at >= started_at", name="finished_after_start"
        ),
        {"comment": "One row per ETL run, with its outcome counts."},
    )

    etl_run_id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Run id."
    )
    started_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), comment="When the run began."
    )
    finished_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), comment="When the run ended; null while running."
    )
    status: Mapped[str] = mapped_column(
        Text,
        server_default="running",
        comment="running, succeeded, partial (some files rejected), failed or interrupted.",
    )
    code_version: Mapped[str] = mapped_column(Text, comment="Version of the ETL code.")
    process_id: Mapped[int | None] = mapped_column(
        Integer, comment="Operating-system process id of the run, to detect dead runs."
    )
    files_seen_count: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Files considered."
    )
    loaded_count: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Files loaded as new articles."
    )
    unchanged_count: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Files skipped because already loaded."
    )
    replaced_count: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Files whose changed content replaced an article."
    )
    rejected_count: Mapped[int] = mapped_column(
        Integer, server_default="0", comment="Files rejected, each with a reason."
    )
    error: Mapped[str | None] = mapped_column(Text, comment="Why the run failed, if it did.")


class EtlRunLock(Base):
    """What a run locks for its whole length, so that only one loads at a time.

    A run holds ``LOCK TABLE etl_run_lock IN EXCLUSIVE MODE`` in a transaction
    of its own from before it reads a file until it ends. That lock mode needs
    UPDATE, DELETE or TRUNCATE on the table, which only the owner and the
    loader group have: unlike an advisory lock, which any login may take, a
    reader cannot stall the ETL with it.
    """

    __tablename__ = "etl_run_lock"
    __table_args__ = (
        CheckConstraint("etl_run_lock_id = 1", name="one_row"),
        {
            "comment": (
                "Locked (EXCLUSIVE mode) by the ETL run that is loading, for its whole "
                "length; one row, never changed. Only the owner and the loader may lock it."
            )
        },
    )

    etl_run_lock_id: Mapped[int] = mapped_column(
        SmallInteger, primary_key=True, server_default="1", comment="Always 1: a single row."
    )


class SourceArticle(Base):
    __tablename__ = "source_article"
    __table_args__ = (
        CheckConstraint("content_sha256 ~ '^[0-9a-f]{64}$'", name="sha256_format"),
        {"comment": "One row per distinct article text loaded."},
    )

    source_article_id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Article id."
    )
    content_sha256: Mapped[str] = mapped_column(
        Text, unique=True, comment="SHA-256 of the file's bytes: the article's identity."
    )
    source_path: Mapped[str] = mapped_column(
        Text, index=True, comment="Path of the file the article was read from."
    )
    url: Mapped[str | None] = mapped_column(Text, comment="Web address, from the sidecar.")
    outlet: Mapped[str | None] = mapped_column(Text, comment="Publishing outlet, e.g. Xinhua.")
    dateline_city: Mapped[str | None] = mapped_column(Text, comment="City of the dateline.")
    published_on: Mapped[dt.date | None] = mapped_column(
        # Indexed: article_catalog is filtered by date, and a summary whose first
        # or last date an edit removes finds the next one in date order.
        Date,
        index=True,
        comment="Publication date.",
    )
    is_date_inferred: Mapped[bool] = mapped_column(
        Boolean,
        server_default="false",
        comment="True when the dateline had no year and it was inferred from the text.",
    )
    reporter: Mapped[str | None] = mapped_column(Text, comment="Reporter's name.")
    headline: Mapped[str | None] = mapped_column(Text, comment="Headline, when known.")
    language: Mapped[str] = mapped_column(
        Text, server_default="en", comment="ISO 639-1 language code."
    )
    body: Mapped[str] = mapped_column(Text, comment="Full decoded text; spans index into it.")
    loaded_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), comment="When it was loaded."
    )
    etl_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("etl_run.etl_run_id", ondelete="SET NULL"),
        index=True,
        comment="The run that loaded it.",
    )


class EtlRunFile(Base):
    __tablename__ = "etl_run_file"
    __table_args__ = (
        CheckConstraint(_in("outcome", FILE_OUTCOMES), name="outcome"),
        CheckConstraint("outcome <> 'rejected' or reason is not null", name="rejected_has_reason"),
        {"comment": "One row per file per run: what happened to it and why."},
    )

    etl_run_file_id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key."
    )
    etl_run_id: Mapped[int] = mapped_column(
        ForeignKey("etl_run.etl_run_id", ondelete="CASCADE"), index=True, comment="The run."
    )
    path: Mapped[str] = mapped_column(Text, comment="Path of the file as given.")
    content_sha256: Mapped[str | None] = mapped_column(
        Text, comment="SHA-256 of its bytes; null when it could not be read."
    )
    outcome: Mapped[str] = mapped_column(Text, comment="loaded, unchanged, replaced or rejected.")
    reason: Mapped[str | None] = mapped_column(Text, comment="Why, in words a person can act on.")
    source_article_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_article.source_article_id", ondelete="SET NULL"),
        index=True,
        comment="The article the file produced or matched.",
    )


# --- extracted facts ------------------------------------------------------


class ProvinceMention(Base):
    __tablename__ = "province_mention"
    __table_args__ = (
        CheckConstraint(_in("role", MENTION_ROLES), name="role"),
        _span_check(),
        UniqueConstraint("source_article_id", "span_start"),
        {"comment": "Each place an article names a province."},
    )

    province_mention_id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key."
    )
    source_article_id: Mapped[int] = mapped_column(
        ForeignKey("source_article.source_article_id", ondelete="CASCADE"),
        # No index of its own: the unique key on this table leads with it.
        comment="The article.",
    )
    province_id: Mapped[int] = mapped_column(
        ForeignKey("province.province_id", ondelete="RESTRICT"),
        index=True,
        comment="The province named.",
    )
    role: Mapped[str] = mapped_column(
        Text,
        comment=(
            "subject (acts in a sentence), listed (named in a list), dateline (city only) or "
            "context (a city named only for comparison; not a province of the story)."
        ),
    )
    matched_text: Mapped[str] = mapped_column(Text, comment="The words matched.")
    city: Mapped[str | None] = mapped_column(
        Text,
        comment="English name of the city named for the province ('Hefei'); null for the province.",
    )
    span_start: Mapped[int] = mapped_column(Integer, comment="Start offset in the body.")
    span_end: Mapped[int] = mapped_column(Integer, comment="End offset (exclusive).")


class Initiative(Base):
    __tablename__ = "initiative"
    __table_args__ = (
        CheckConstraint(_in("event_kind", EVENT_KINDS), name="event_kind"),
        _span_check(),
        CheckConstraint("sentence_index >= 0", name="sentence_index"),
        UniqueConstraint("source_article_id", "province_id", "span_start"),
        {"comment": "A policy action or commitment a province announced, at clause level."},
    )

    initiative_id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key."
    )
    source_article_id: Mapped[int] = mapped_column(
        ForeignKey("source_article.source_article_id", ondelete="CASCADE"),
        # No index of its own: the unique key on this table leads with it.
        comment="The article reporting it.",
    )
    province_id: Mapped[int] = mapped_column(
        ForeignKey("province.province_id", ondelete="RESTRICT"),
        index=True,
        comment="The province that announced it.",
    )
    event_kind: Mapped[str] = mapped_column(
        Text,
        comment="conference, government_work_report, plan, policy or other.",
    )
    event_on: Mapped[dt.date | None] = mapped_column(
        Date, comment="Date of the event when the article gives it."
    )
    event_text: Mapped[str | None] = mapped_column(
        Text, comment="Words naming the event, e.g. the conference's name."
    )
    city: Mapped[str | None] = mapped_column(
        Text,
        comment="English name of the city that announced it for the province; null when the province did.",
    )
    statement_id: Mapped[int | None] = mapped_column(
        ForeignKey("statement.statement_id", ondelete="SET NULL"),
        # Deleting an article deletes its statements: the lookup must not scan.
        index=True,
        comment=(
            "The statement that announced it, when an official or expert said what the "
            "province will do; null when the article states it."
        ),
    )
    clause_text: Mapped[str] = mapped_column(Text, comment="The clause stating the initiative.")
    span_start: Mapped[int] = mapped_column(Integer, comment="Clause start offset in the body.")
    span_end: Mapped[int] = mapped_column(Integer, comment="Clause end offset (exclusive).")
    sentence_index: Mapped[int] = mapped_column(
        Integer, comment="Zero-based index of the sentence in the article."
    )
    sentence_text: Mapped[str] = mapped_column(Text, comment="The whole sentence, for context.")


class InitiativeSector(Base):
    __tablename__ = "initiative_sector"
    __table_args__ = (
        _span_check(),
        UniqueConstraint("initiative_id", "span_start"),
        {"comment": "Sectors an initiative targets, with the words that named them."},
    )

    initiative_sector_id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key."
    )
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.initiative_id", ondelete="CASCADE"),
        # No index of its own: the unique key on this table leads with it.
        comment="The initiative.",
    )
    sector_id: Mapped[int | None] = mapped_column(
        ForeignKey("sector.sector_id", ondelete="RESTRICT"),
        index=True,
        comment="The sector; null for words the taxonomy does not (yet) know.",
    )
    matched_text: Mapped[str] = mapped_column(Text, comment="The words matched in the body.")
    span_start: Mapped[int] = mapped_column(Integer, comment="Start offset in the body.")
    span_end: Mapped[int] = mapped_column(Integer, comment="End offset (exclusive).")


class QuantitativeTarget(Base):
    __tablename__ = "quantitative_target"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="positive_quantity"),
        _span_check(),
        UniqueConstraint("initiative_id", "span_start"),
        {"comment": "Numeric targets: '50 key industrial chains'."},
    )

    quantitative_target_id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key."
    )
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.initiative_id", ondelete="CASCADE"),
        # No index of its own: the unique key on this table leads with it.
        comment="The initiative setting the target.",
    )
    quantity: Mapped[Decimal] = mapped_column(Numeric, comment="The number.")
    is_approximate: Mapped[bool] = mapped_column(
        Boolean, comment="True for 'around', 'about', 'more than' and the like."
    )
    target_text: Mapped[str] = mapped_column(
        Text, comment="The counted words, e.g. 'around 10 provincial emerging industry clusters'."
    )
    span_start: Mapped[int] = mapped_column(Integer, comment="Start offset in the body.")
    span_end: Mapped[int] = mapped_column(Integer, comment="End offset (exclusive).")


class Statement(Base):
    __tablename__ = "statement"
    __table_args__ = (
        CheckConstraint(_in("kind", STATEMENT_KINDS), name="kind"),
        _span_check(),
        UniqueConstraint("source_article_id", "span_start"),
        {"comment": "What experts said: reported speech and direct quotations."},
    )

    statement_id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key."
    )
    source_article_id: Mapped[int] = mapped_column(
        ForeignKey("source_article.source_article_id", ondelete="CASCADE"),
        # No index of its own: the unique key on this table leads with it.
        comment="The article.",
    )
    expert_id: Mapped[int | None] = mapped_column(
        ForeignKey("expert.expert_id", ondelete="RESTRICT"),
        index=True,
        comment="The speaker; null when the speaker could not be resolved.",
    )
    speaker_text: Mapped[str] = mapped_column(
        Text, comment="The words naming the speaker in the article."
    )
    verb: Mapped[str] = mapped_column(Text, comment="Reporting verb: said, believes, noted ...")
    kind: Mapped[str] = mapped_column(
        Text, comment="direct (quotation marks) or indirect (reported speech)."
    )
    statement_text: Mapped[str] = mapped_column(
        Text, comment="What was said, with translation artifacts normalized."
    )
    span_start: Mapped[int] = mapped_column(
        Integer, comment="Start offset of the original words in the body."
    )
    span_end: Mapped[int] = mapped_column(Integer, comment="End offset (exclusive).")


class StatementTopic(Base):
    __tablename__ = "statement_topic"
    __table_args__ = (
        _span_check(),
        UniqueConstraint("statement_id", "span_start"),
        {"comment": "Sectors a statement talks about."},
    )

    statement_topic_id: Mapped[int] = mapped_column(
        BigInteger, Identity(), primary_key=True, comment="Surrogate key."
    )
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statement.statement_id", ondelete="CASCADE"),
        # No index of its own: the unique key on this table leads with it.
        comment="The statement.",
    )
    sector_id: Mapped[int] = mapped_column(
        ForeignKey("sector.sector_id", ondelete="RESTRICT"), index=True, comment="The sector."
    )
    matched_text: Mapped[str] = mapped_column(Text, comment="The words matched in the body.")
    span_start: Mapped[int] = mapped_column(Integer, comment="Start offset in the body.")
    span_end: Mapped[int] = mapped_column(Integer, comment="End offset (exclusive).")


# --- summaries kept by the loader -----------------------------------------
#
# The analytics views that count over every fact read these rollups instead.
# The ETL adjusts them in each batch's transaction for the articles it adds
# and the ones it is about to delete (analytics_cache.apply_articles), so a
# committed batch is always counted and a killed run leaves nothing stale;
# analytics_cache.rebuild() (`policydb db refresh --full`) recomputes them
# from the base tables. Every measure counts things that belong to one
# article, so per-article deltas add up exactly; a count of distinct
# provinces or sectors is the number of key rows, never a sum. No foreign
# keys: a rollup row is not a fact, and rows whose counts reach zero go.

CACHE_SCHEMA = "analytics_cache"


class ProvinceSectorRollup(Base):
    __tablename__ = "province_sector_rollup"
    __table_args__ = (
        {
            "schema": CACHE_SCHEMA,
            "comment": (
                "Per province and named sector: what analytics.province_sector_focus shows. "
                "A row exists while at least one article counts for it."
            ),
        },
    )

    province_id: Mapped[int] = mapped_column(
        SmallInteger, primary_key=True, comment="The province (province.province_id)."
    )
    sector_id: Mapped[int] = mapped_column(
        Integer, primary_key=True, comment="The sector its initiatives name (sector.sector_id)."
    )
    initiative_count: Mapped[int] = mapped_column(
        BigInteger, comment="Initiatives of the province that name the sector."
    )
    article_count: Mapped[int] = mapped_column(
        BigInteger, comment="Articles reporting those initiatives."
    )
    first_published_on: Mapped[dt.date | None] = mapped_column(
        Date, comment="Publication date of the earliest of those articles."
    )
    last_published_on: Mapped[dt.date | None] = mapped_column(
        Date, comment="Publication date of the latest of those articles."
    )


class ProvinceSectorTermRollup(Base):
    __tablename__ = "province_sector_term_rollup"
    __table_args__ = (
        {
            "schema": CACHE_SCHEMA,
            "comment": (
                "Per province, named sector and lowercased matched words: how often they "
                "occur (province_sector_focus.matched_terms lists the words with a row)."
            ),
        },
    )

    province_id: Mapped[int] = mapped_column(
        SmallInteger, primary_key=True, comment="The province (province.province_id)."
    )
    sector_id: Mapped[int] = mapped_column(
        Integer, primary_key=True, comment="The sector (sector.sector_id)."
    )
    term: Mapped[str] = mapped_column(
        Text, primary_key=True, comment="The words an article used, lowercased."
    )
    occurrence_count: Mapped[int] = mapped_column(
        BigInteger, comment="Initiative-sector rows with those words."
    )


class SectorRollup(Base):
    __tablename__ = "sector_rollup"
    __table_args__ = (
        {
            "schema": CACHE_SCHEMA,
            "comment": (
                "Per sector, counting initiatives that name it or any sector below it: "
                "what analytics.sector_popularity counts."
            ),
        },
    )

    sector_id: Mapped[int] = mapped_column(
        Integer, primary_key=True, comment="The sector (sector.sector_id)."
    )
    initiative_count: Mapped[int] = mapped_column(
        BigInteger, comment="Initiatives naming it or a sector below it."
    )
    article_count: Mapped[int] = mapped_column(
        BigInteger, comment="Articles reporting those initiatives."
    )


class ProvinceRollup(Base):
    __tablename__ = "province_rollup"
    __table_args__ = (
        {
            "schema": CACHE_SCHEMA,
            "comment": "Per province: what analytics.province_overview counts.",
        },
    )

    province_id: Mapped[int] = mapped_column(
        SmallInteger, primary_key=True, comment="The province (province.province_id)."
    )
    article_count: Mapped[int] = mapped_column(
        BigInteger, comment="Articles naming the province (a dateline alone does not count)."
    )
    last_published_on: Mapped[dt.date | None] = mapped_column(
        Date, comment="Publication date of the latest of those articles."
    )
    initiative_count: Mapped[int] = mapped_column(
        BigInteger, comment="Initiatives of the province."
    )
    target_count: Mapped[int] = mapped_column(
        BigInteger, comment="Quantitative targets in its initiatives."
    )


class ArticleRollup(Base):
    __tablename__ = "article_rollup"
    __table_args__ = (
        {
            "schema": CACHE_SCHEMA,
            "comment": "Per article: the counts analytics.article_catalog shows.",
        },
    )

    source_article_id: Mapped[int] = mapped_column(
        BigInteger, primary_key=True, comment="The article (source_article.source_article_id)."
    )
    province_count: Mapped[int] = mapped_column(
        BigInteger, comment="Provinces it names (its dateline alone does not count)."
    )
    initiative_count: Mapped[int] = mapped_column(
        BigInteger, comment="Initiatives extracted from it."
    )
    statement_count: Mapped[int] = mapped_column(
        BigInteger, comment="Expert statements extracted from it."
    )


class RunRollup(Base):
    __tablename__ = "run_rollup"
    __table_args__ = (
        {
            "schema": CACHE_SCHEMA,
            "comment": (
                "Per ETL run, over the articles it loaded that are still stored: what "
                "analytics.etl_run_gaps shows."
            ),
        },
    )

    etl_run_id: Mapped[int] = mapped_column(
        BigInteger, primary_key=True, comment="The run (etl_run.etl_run_id)."
    )
    article_count: Mapped[int] = mapped_column(
        BigInteger, comment="Articles the run loaded that are still stored."
    )
    articles_without_province: Mapped[int] = mapped_column(
        BigInteger, comment="Of those, articles naming no province."
    )
    unresolved_speakers: Mapped[int] = mapped_column(
        BigInteger, comment="Statements in them whose speaker was not tied to an expert."
    )
    initiatives_without_sector: Mapped[int] = mapped_column(
        BigInteger, comment="Initiatives in them that name no sector."
    )
    unmapped_sector_terms: Mapped[int] = mapped_column(
        BigInteger, comment="Sector terms in them that the taxonomy does not know."
    )

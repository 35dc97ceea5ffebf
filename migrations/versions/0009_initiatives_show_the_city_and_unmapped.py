"""initiatives show the city and unmapped sector terms; article catalog the language; etl health counts unmapped terms

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28T04:08:31+00:00

Made by `python -m db.views revision`: VIEWS is a frozen copy of the views of
sql/views/ that this revision creates or changes, DROPPED those it removes.
Every view is dropped and created again, unchanged ones from the copies of
earlier revisions, so that dependent views follow the ones they read.
"""

from alembic import op

from db import views

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

DROPPED: list[str] = []

VIEWS = {
    "article_catalog": """\
-- Which articles are loaded, from whom, and what did each yield?
-- Grain: one row per source article.
-- Materialized, refreshed by the ETL at the end of a run (see province_sector_focus).
create materialized view analytics.article_catalog as

with

provinces as (
    select
        province_mention.source_article_id,
        count(distinct province_mention.province_id) as province_count
    from province_mention
    where province_mention.role in ('subject', 'listed')
    group by province_mention.source_article_id
),

initiatives as (
    select
        initiative.source_article_id,
        count(*) as initiative_count
    from initiative
    group by initiative.source_article_id
),

statements as (
    select
        statement.source_article_id,
        count(*) as statement_count
    from statement
    group by statement.source_article_id
),

final as (
    select
        source_article.source_article_id as article_id,
        source_article.language,
        source_article.outlet,
        source_article.dateline_city,
        source_article.published_on,
        source_article.is_date_inferred,
        source_article.reporter,
        source_article.headline,
        source_article.url,
        source_article.source_path,
        coalesce(provinces.province_count, 0) as province_count,
        coalesce(initiatives.initiative_count, 0) as initiative_count,
        coalesce(statements.statement_count, 0) as statement_count,
        source_article.loaded_at
    from source_article
    left join provinces
        on provinces.source_article_id = source_article.source_article_id
    left join initiatives
        on initiatives.source_article_id = source_article.source_article_id
    left join statements
        on statements.source_article_id = source_article.source_article_id
)

select * from final;

create unique index uq_article_catalog_article_id on analytics.article_catalog (article_id);
create index ix_article_catalog_published_on on analytics.article_catalog (published_on);

comment on materialized view analytics.article_catalog is
    'The loaded articles and what each yielded. One row per source article.';
comment on column analytics.article_catalog.article_id is 'Identifier of the article (source_article_id), the article_id of the other views.';
comment on column analytics.article_catalog.language is 'Language of the article: en (English) or zh (Chinese).';
comment on column analytics.article_catalog.outlet is 'Outlet that published the article.';
comment on column analytics.article_catalog.dateline_city is 'City of the dateline.';
comment on column analytics.article_catalog.published_on is 'Publication date.';
comment on column analytics.article_catalog.is_date_inferred is 'True when the year was not printed and was inferred.';
comment on column analytics.article_catalog.reporter is 'Reporter''s name.';
comment on column analytics.article_catalog.headline is 'Headline, when known.';
comment on column analytics.article_catalog.url is 'Web address, when a sidecar gave one.';
comment on column analytics.article_catalog.source_path is 'Path of the file it was read from.';
comment on column analytics.article_catalog.province_count is 'Provinces the article names (its dateline alone does not count).';
comment on column analytics.article_catalog.initiative_count is 'Initiatives extracted from it.';
comment on column analytics.article_catalog.statement_count is 'Expert statements extracted from it.';
comment on column analytics.article_catalog.loaded_at is 'When it was loaded.';
""",
    "etl_health": """\
-- Is the ETL healthy: did runs finish, what did they reject, what did
-- extraction miss?
-- Grain: one row per ETL run. The extraction-gap counts (from etl_run_gaps,
-- as of the last refresh) cover the articles the run loaded and that are
-- still in the database.
create or replace view analytics.etl_health as

with

final as (
    select
        etl_run.etl_run_id as run_id,
        etl_run.started_at,
        etl_run.finished_at,
        extract(epoch from etl_run.finished_at - etl_run.started_at)::numeric(12, 3)
            as duration_seconds,
        etl_run.status,
        -- A run killed outright cannot record its end; while it holds the
        -- ETL's advisory lock (key 7311402001 = classid 1, objid 3016434705)
        -- it is alive, and a 'running' run without it has died.
        etl_run.status = 'running' and exists (
            select from pg_locks
            where pg_locks.locktype = 'advisory'
                and pg_locks.classid = 1
                and pg_locks.objid = 3016434705
                and pg_locks.granted
        ) as is_running_now,
        etl_run.code_version,
        etl_run.files_seen_count as files_seen,
        etl_run.loaded_count as loaded,
        etl_run.unchanged_count as unchanged,
        etl_run.replaced_count as replaced,
        etl_run.rejected_count as rejected,
        coalesce(etl_run_gaps.articles_without_province, 0) as articles_without_province,
        coalesce(etl_run_gaps.unresolved_speakers, 0) as unresolved_speakers,
        coalesce(etl_run_gaps.initiatives_without_sector, 0) as initiatives_without_sector,
        coalesce(etl_run_gaps.unmapped_sector_terms, 0) as unmapped_sector_terms,
        etl_run.error
    from etl_run
    left join analytics.etl_run_gaps on etl_run_gaps.run_id = etl_run.etl_run_id
)

select * from final;

comment on view analytics.etl_health is
    'ETL runs and what they could not do. One row per run.';
comment on column analytics.etl_health.run_id is 'Identifier of the run (etl_run_id).';
comment on column analytics.etl_health.started_at is 'When the run started.';
comment on column analytics.etl_health.finished_at is 'When it ended; empty while running or if it died.';
comment on column analytics.etl_health.duration_seconds is 'Seconds from start to end.';
comment on column analytics.etl_health.status is 'running, succeeded, partial (some files rejected), failed or interrupted.';
comment on column analytics.etl_health.is_running_now is 'True while a run marked running is alive (holds the ETL lock); a running run with false has died and will be marked interrupted by the next run.';
comment on column analytics.etl_health.code_version is 'Version of the ETL code that ran.';
comment on column analytics.etl_health.files_seen is 'Article files the run found.';
comment on column analytics.etl_health.loaded is 'Files loaded as new articles.';
comment on column analytics.etl_health.unchanged is 'Files already loaded with the same content, skipped.';
comment on column analytics.etl_health.replaced is 'Files whose content changed, reloaded.';
comment on column analytics.etl_health.rejected is 'Files rejected; reasons in etl_run_file.';
comment on column analytics.etl_health.articles_without_province is 'Articles it loaded that name no province: off-topic, or a gap in the gazetteer.';
comment on column analytics.etl_health.unresolved_speakers is 'Statements in its articles whose speaker was not tied to an expert.';
comment on column analytics.etl_health.initiatives_without_sector is 'Initiatives in its articles that name no sector: noise, or a gap in the sector taxonomy.';
comment on column analytics.etl_health.error is 'Why the run failed, if it did.';
comment on column analytics.etl_health.unmapped_sector_terms is 'Sector terms in its articles that the taxonomy does not know (kept unmapped); `policydb sectors unmapped` lists them.';
""",
    "etl_run_gaps": """\
-- What did extraction miss in the articles each run loaded?
-- Grain: one row per ETL run that loaded at least one article still in the
-- database. Read through etl_health, which adds the run's own record.
-- Materialized: counting initiatives without a sector scans every
-- initiative; the ETL refreshes it (concurrently) at the end of a run.
create materialized view analytics.etl_run_gaps as

with

articles as (
    select
        source_article.etl_run_id,
        count(*) as article_count,
        count(*) filter (
            where not exists (
                select from province_mention
                where province_mention.source_article_id = source_article.source_article_id
                    and province_mention.role in ('subject', 'listed')
            )
        ) as articles_without_province
    from source_article
    where source_article.etl_run_id is not null
    group by source_article.etl_run_id
),

speakers as (
    select
        source_article.etl_run_id,
        count(*) as unresolved_speakers
    from statement
    inner join source_article
        on source_article.source_article_id = statement.source_article_id
    where statement.expert_id is null
    group by source_article.etl_run_id
),

initiatives as (
    select
        source_article.etl_run_id,
        count(*) as initiatives_without_sector
    from initiative
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
    where not exists (
        select from initiative_sector
        where initiative_sector.initiative_id = initiative.initiative_id
    )
    group by source_article.etl_run_id
),

unmapped as (
    select
        source_article.etl_run_id,
        count(*) as unmapped_sector_terms
    from initiative_sector
    inner join initiative on initiative.initiative_id = initiative_sector.initiative_id
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
    where initiative_sector.sector_id is null
    group by source_article.etl_run_id
),

final as (
    select
        articles.etl_run_id as run_id,
        articles.article_count,
        articles.articles_without_province,
        coalesce(speakers.unresolved_speakers, 0) as unresolved_speakers,
        coalesce(initiatives.initiatives_without_sector, 0) as initiatives_without_sector,
        coalesce(unmapped.unmapped_sector_terms, 0) as unmapped_sector_terms
    from articles
    left join speakers on speakers.etl_run_id = articles.etl_run_id
    left join initiatives on initiatives.etl_run_id = articles.etl_run_id
    left join unmapped on unmapped.etl_run_id = articles.etl_run_id
)

select * from final;

create unique index uq_etl_run_gaps_run_id on analytics.etl_run_gaps (run_id);

comment on materialized view analytics.etl_run_gaps is
    'Extraction gaps per ETL run, over the articles it loaded. One row per run with articles; see etl_health.';
comment on column analytics.etl_run_gaps.run_id is 'Identifier of the run (etl_run_id).';
comment on column analytics.etl_run_gaps.article_count is 'Articles the run loaded that are still in the database.';
comment on column analytics.etl_run_gaps.articles_without_province is 'Of those, articles naming no province: off-topic, or a gap in the gazetteer.';
comment on column analytics.etl_run_gaps.unresolved_speakers is 'Statements in them whose speaker was not tied to an expert.';
comment on column analytics.etl_run_gaps.initiatives_without_sector is 'Initiatives in them that name no sector: noise, or a gap in the sector taxonomy.';
comment on column analytics.etl_run_gaps.unmapped_sector_terms is 'Sector terms in them that the taxonomy does not know (kept unmapped); `policydb sectors unmapped` lists them for curation.';
""",
    "initiatives": """\
-- What has each province committed to, at which event, in which industries?
-- Grain: one row per initiative.
create or replace view analytics.initiatives as

with

final as (
    select
        initiative.initiative_id,
        province.code as province_code,
        province.name as province_name,
        initiative.city,
        initiative.event_kind,
        initiative.event_on,
        initiative.event_text,
        initiative.clause_text as initiative_text,
        coalesce(sectors.sectors, '') as sectors,
        coalesce(sectors.sector_count, 0) as sector_count,
        coalesce(unmapped.terms, '') as unmapped_sector_terms,
        coalesce(targets.target_count, 0) as target_count,
        initiative.sentence_text,
        source_article.published_on,
        source_article.outlet,
        source_article.source_article_id as article_id
    from initiative
    inner join province on province.province_id = initiative.province_id
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
    -- Lateral lookups by initiative, not aggregates over all initiatives, so
    -- a BI tool's first page (a limit) reads only the rows it shows.
    left join lateral (
        select
            count(*) as sector_count,
            string_agg(sector_names.name, ', ' order by sector_names.name) as sectors
        from (
            select distinct sector.name
            from initiative_sector
            inner join sector on sector.sector_id = initiative_sector.sector_id
            where initiative_sector.initiative_id = initiative.initiative_id
        ) as sector_names
    ) as sectors on true
    left join lateral (
        select string_agg(distinct initiative_sector.matched_text, ', ') as terms
        from initiative_sector
        where initiative_sector.initiative_id = initiative.initiative_id
            and initiative_sector.sector_id is null
    ) as unmapped on true
    left join lateral (
        select count(*) as target_count
        from quantitative_target
        where quantitative_target.initiative_id = initiative.initiative_id
    ) as targets on true
)

select * from final;

comment on view analytics.initiatives is
    'Policy actions and commitments of provinces. One row per initiative.';
comment on column analytics.initiatives.initiative_id is 'Identifier of the initiative.';
comment on column analytics.initiatives.province_code is 'ISO 3166-2:CN code of the province, e.g. CN-SD.';
comment on column analytics.initiatives.province_name is 'English name of the province.';
comment on column analytics.initiatives.city is 'English name of the city that announced it for the province (e.g. Shenzhen); empty when the province did.';
comment on column analytics.initiatives.unmapped_sector_terms is 'Industries it names in the article''s words that the sector taxonomy does not know yet, comma-separated; empty when none.';
comment on column analytics.initiatives.event_kind is 'Where it was announced: conference, government_work_report, plan, policy or other.';
comment on column analytics.initiatives.event_on is 'Date of the event, when the article gives it.';
comment on column analytics.initiatives.event_text is 'The words naming the event.';
comment on column analytics.initiatives.initiative_text is 'The clause stating the initiative.';
comment on column analytics.initiatives.sectors is 'Names of the sectors it targets, comma-separated, alphabetical; empty when none.';
comment on column analytics.initiatives.sector_count is 'Distinct sectors it targets.';
comment on column analytics.initiatives.target_count is 'Quantitative targets it sets.';
comment on column analytics.initiatives.sentence_text is 'The whole sentence, for context.';
comment on column analytics.initiatives.published_on is 'Publication date of the article.';
comment on column analytics.initiatives.outlet is 'Outlet that published the article.';
comment on column analytics.initiatives.article_id is 'Identifier of the article (source_article_id; see article_catalog).';
""",
    "province_overview": """\
-- How much does the database know about each province?
-- Grain: one row per provincial-level division, all 34, with zeros for those
-- no article names. A dateline alone does not count as naming a province.
-- Materialized, refreshed by the ETL at the end of a run (see province_sector_focus).
create materialized view analytics.province_overview as

with

mentioned as (
    select
        province_mention.province_id,
        count(distinct province_mention.source_article_id) as article_count,
        max(source_article.published_on) as last_published_on
    from province_mention
    inner join source_article
        on source_article.source_article_id = province_mention.source_article_id
    where province_mention.role in ('subject', 'listed')
    group by province_mention.province_id
),

initiatives as (
    select
        initiative.province_id,
        count(*) as initiative_count
    from initiative
    group by initiative.province_id
),

sectors as (
    select
        initiative.province_id,
        count(distinct initiative_sector.sector_id) as sector_count
    from initiative
    inner join initiative_sector
        on initiative_sector.initiative_id = initiative.initiative_id
    group by initiative.province_id
),

targets as (
    select
        initiative.province_id,
        count(*) as target_count
    from initiative
    inner join quantitative_target
        on quantitative_target.initiative_id = initiative.initiative_id
    group by initiative.province_id
),

final as (
    select
        province.code as province_code,
        province.name as province_name,
        province.name_zh as province_name_zh,
        province.kind,
        province.region,
        coalesce(mentioned.article_count, 0) as article_count,
        coalesce(initiatives.initiative_count, 0) as initiative_count,
        coalesce(sectors.sector_count, 0) as sector_count,
        coalesce(targets.target_count, 0) as target_count,
        mentioned.last_published_on
    from province
    left join mentioned on mentioned.province_id = province.province_id
    left join initiatives on initiatives.province_id = province.province_id
    left join sectors on sectors.province_id = province.province_id
    left join targets on targets.province_id = province.province_id
)

select * from final;

create unique index uq_province_overview_province_code on analytics.province_overview (province_code);

comment on materialized view analytics.province_overview is
    'Coverage of each province. One row per provincial-level division (all 34), zeros where no article names it.';
comment on column analytics.province_overview.province_code is 'ISO 3166-2:CN code of the province, e.g. CN-SD.';
comment on column analytics.province_overview.province_name is 'English name of the province.';
comment on column analytics.province_overview.province_name_zh is 'Chinese name of the province.';
comment on column analytics.province_overview.kind is 'province, municipality, autonomous_region or special_administrative_region.';
comment on column analytics.province_overview.region is 'NBS economic region: east, central, west or northeast; empty for Hong Kong, Macao and Taiwan.';
comment on column analytics.province_overview.article_count is 'Articles naming the province (a dateline alone does not count).';
comment on column analytics.province_overview.initiative_count is 'Initiatives of the province.';
comment on column analytics.province_overview.sector_count is 'Distinct sectors its initiatives name.';
comment on column analytics.province_overview.target_count is 'Quantitative targets in its initiatives.';
comment on column analytics.province_overview.last_published_on is 'Publication date of the latest article naming the province; empty when none does.';
""",
}


def upgrade() -> None:
    views.replace_views(op.get_bind(), views.previous_views(revision), views.views_at(revision))


def downgrade() -> None:
    views.replace_views(op.get_bind(), views.views_at(revision), views.previous_views(revision))

"""initiatives and expert_statements aggregate their sectors, targets and topics once, merge-joined, instead of a lookup per row

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-28T07:36:02+00:00

Made by `python -m db.views revision`: VIEWS is a frozen copy of the views of
sql/views/ that this revision creates or changes, DROPPED those it removes
(the record `python -m db.views` reads to know the views at each revision).
UPGRADE and DOWNGRADE are the SQL it runs, frozen too: every view is dropped
and created again, in dependency order, so that dependent views follow the
ones they read; no code outside this file decides what it does.
"""

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

DROPPED: list[str] = []

VIEWS = {
    "expert_statements": """\
-- What do experts say, and about which industries?
-- Grain: one row per statement. Statements whose speaker could not be tied
-- to an expert keep the words used for the speaker in expert_name.
create or replace view analytics.expert_statements as

with

-- The sectors each statement names, one aggregate merge-joined by
-- statement_id: a first page reads it in step, a whole fetch once.
topics as (
    select
        statement_topic.statement_id,
        string_agg(distinct sector.name, ', ' order by sector.name) as topics
    from statement_topic
    inner join sector on sector.sector_id = statement_topic.sector_id
    group by statement_topic.statement_id
),

final as (
    select
        statement.statement_id,
        coalesce(expert.name, statement.speaker_text) as expert_name,
        statement.expert_id is not null as is_expert_resolved,
        statement.speaker_text,
        expert.title as expert_title,
        organization.name as organization_name,
        parent_organization.name as parent_organization_name,
        statement.kind as statement_kind,
        statement.verb,
        statement.statement_text,
        coalesce(topics.topics, '') as topics,
        source_article.published_on,
        source_article.outlet,
        source_article.source_article_id as article_id
    from statement
    inner join source_article
        on source_article.source_article_id = statement.source_article_id
    left join expert on expert.expert_id = statement.expert_id
    left join organization on organization.organization_id = expert.organization_id
    left join organization as parent_organization
        on parent_organization.organization_id = organization.parent_organization_id
    left join topics on topics.statement_id = statement.statement_id
)

select * from final;

comment on view analytics.expert_statements is
    'What experts said, quoted or reported. One row per statement.';
comment on column analytics.expert_statements.statement_id is 'Identifier of the statement.';
comment on column analytics.expert_statements.expert_name is 'Full name of the expert; the words used for the speaker when no expert was identified.';
comment on column analytics.expert_statements.is_expert_resolved is 'True when the speaker was tied to a known expert (by name or alias).';
comment on column analytics.expert_statements.speaker_text is 'How the article names the speaker here, e.g. a surname or nickname.';
comment on column analytics.expert_statements.expert_title is 'Title of the expert, e.g. director.';
comment on column analytics.expert_statements.organization_name is 'Organization the expert belongs to.';
comment on column analytics.expert_statements.parent_organization_name is 'Organization above it, e.g. the academy an institute belongs to.';
comment on column analytics.expert_statements.statement_kind is 'direct (a quotation) or indirect (reported speech).';
comment on column analytics.expert_statements.verb is 'Reporting verb: said, believes, noted ...';
comment on column analytics.expert_statements.statement_text is 'What was said.';
comment on column analytics.expert_statements.topics is 'Sectors the statement names, comma-separated, alphabetical; empty when none.';
comment on column analytics.expert_statements.published_on is 'Publication date of the article.';
comment on column analytics.expert_statements.outlet is 'Outlet that published the article.';
comment on column analytics.expert_statements.article_id is 'Identifier of the article (source_article_id; see article_catalog).';
""",
    "initiatives": """\
-- What has each province committed to, at which event, in which industries?
-- Grain: one row per initiative.
create or replace view analytics.initiatives as

with

-- Per initiative, one aggregate over initiative_sector and one over
-- quantitative_target, merge-joined by initiative_id: a BI tool's first page
-- (a limit) reads them in step with the initiatives it shows, a whole fetch
-- aggregates each table once (no lookups per row).
sectors as (
    select
        initiative_sector.initiative_id,
        count(distinct sector.name) as sector_count,
        string_agg(distinct sector.name, ', ' order by sector.name) as sectors,
        string_agg(
            distinct initiative_sector.matched_text, ', '
            order by initiative_sector.matched_text
        ) filter (where initiative_sector.sector_id is null) as unmapped_terms
    from initiative_sector
    left join sector on sector.sector_id = initiative_sector.sector_id
    group by initiative_sector.initiative_id
),

targets as (
    select
        quantitative_target.initiative_id,
        count(*) as target_count
    from quantitative_target
    group by quantitative_target.initiative_id
),

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
        coalesce(sectors.unmapped_terms, '') as unmapped_sector_terms,
        coalesce(targets.target_count, 0) as target_count,
        initiative.sentence_text,
        source_article.published_on,
        source_article.outlet,
        source_article.source_article_id as article_id,
        coalesce(expert.name, statement.speaker_text) as announced_by,
        initiative.statement_id
    from initiative
    inner join province on province.province_id = initiative.province_id
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
    -- Who said the province will do it, when someone did (one row at most).
    left join statement on statement.statement_id = initiative.statement_id
    left join expert on expert.expert_id = statement.expert_id
    left join sectors on sectors.initiative_id = initiative.initiative_id
    left join targets on targets.initiative_id = initiative.initiative_id
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
comment on column analytics.initiatives.announced_by is 'The official or expert who said the province will do it (their name, or the words naming them); empty when the article states it.';
comment on column analytics.initiatives.statement_id is 'Identifier of that statement (see expert_statements); empty when the article states it.';
""",
}

UPGRADE = """\
drop view if exists analytics.region_sector_matrix;
drop view if exists analytics.province_similarity;
drop view if exists analytics.quantitative_targets;
drop view if exists analytics.etl_health;
drop view if exists analytics.sector_popularity;
drop view if exists analytics.province_sector_focus;
drop view if exists analytics.province_overview;
drop view if exists analytics.initiatives;
drop view if exists analytics.expert_statements;
drop view if exists analytics.etl_run_gaps;
drop view if exists analytics.article_catalog;

-- Which articles are loaded, from whom, and what did each yield?
-- Grain: one row per source article.
-- The counts come from the per-article rollup the ETL writes with each
-- article (analytics_cache.article_rollup).
create or replace view analytics.article_catalog as

with

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
        coalesce(article_rollup.province_count, 0) as province_count,
        coalesce(article_rollup.initiative_count, 0) as initiative_count,
        coalesce(article_rollup.statement_count, 0) as statement_count,
        source_article.loaded_at
    from source_article
    left join analytics_cache.article_rollup
        on article_rollup.source_article_id = source_article.source_article_id
)

select * from final;

comment on view analytics.article_catalog is
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

grant select on analytics.article_catalog to analytics_reader;

-- What did extraction miss in the articles each run loaded?
-- Grain: one row per ETL run that loaded at least one article still in the
-- database. Read through etl_health, which adds the run's own record.
-- Counted by the ETL as it loads (analytics_cache.run_rollup): counting
-- initiatives without a sector would otherwise scan every initiative.
create or replace view analytics.etl_run_gaps as

with

final as (
    select
        run_rollup.etl_run_id as run_id,
        run_rollup.article_count,
        run_rollup.articles_without_province,
        run_rollup.unresolved_speakers,
        run_rollup.initiatives_without_sector,
        run_rollup.unmapped_sector_terms
    from analytics_cache.run_rollup
    where run_rollup.article_count > 0
)

select * from final;

comment on view analytics.etl_run_gaps is
    'Extraction gaps per ETL run, over the articles it loaded. One row per run with articles; see etl_health.';
comment on column analytics.etl_run_gaps.run_id is 'Identifier of the run (etl_run_id).';
comment on column analytics.etl_run_gaps.article_count is 'Articles the run loaded that are still in the database.';
comment on column analytics.etl_run_gaps.articles_without_province is 'Of those, articles naming no province: off-topic, or a gap in the gazetteer.';
comment on column analytics.etl_run_gaps.unresolved_speakers is 'Statements in them whose speaker was not tied to an expert.';
comment on column analytics.etl_run_gaps.initiatives_without_sector is 'Initiatives in them that name no sector: noise, or a gap in the sector taxonomy.';
comment on column analytics.etl_run_gaps.unmapped_sector_terms is 'Sector terms in them that the taxonomy does not know (kept unmapped); `policydb sectors unmapped` lists them for curation.';

grant select on analytics.etl_run_gaps to analytics_reader;

-- What do experts say, and about which industries?
-- Grain: one row per statement. Statements whose speaker could not be tied
-- to an expert keep the words used for the speaker in expert_name.
create or replace view analytics.expert_statements as

with

-- The sectors each statement names, one aggregate merge-joined by
-- statement_id: a first page reads it in step, a whole fetch once.
topics as (
    select
        statement_topic.statement_id,
        string_agg(distinct sector.name, ', ' order by sector.name) as topics
    from statement_topic
    inner join sector on sector.sector_id = statement_topic.sector_id
    group by statement_topic.statement_id
),

final as (
    select
        statement.statement_id,
        coalesce(expert.name, statement.speaker_text) as expert_name,
        statement.expert_id is not null as is_expert_resolved,
        statement.speaker_text,
        expert.title as expert_title,
        organization.name as organization_name,
        parent_organization.name as parent_organization_name,
        statement.kind as statement_kind,
        statement.verb,
        statement.statement_text,
        coalesce(topics.topics, '') as topics,
        source_article.published_on,
        source_article.outlet,
        source_article.source_article_id as article_id
    from statement
    inner join source_article
        on source_article.source_article_id = statement.source_article_id
    left join expert on expert.expert_id = statement.expert_id
    left join organization on organization.organization_id = expert.organization_id
    left join organization as parent_organization
        on parent_organization.organization_id = organization.parent_organization_id
    left join topics on topics.statement_id = statement.statement_id
)

select * from final;

comment on view analytics.expert_statements is
    'What experts said, quoted or reported. One row per statement.';
comment on column analytics.expert_statements.statement_id is 'Identifier of the statement.';
comment on column analytics.expert_statements.expert_name is 'Full name of the expert; the words used for the speaker when no expert was identified.';
comment on column analytics.expert_statements.is_expert_resolved is 'True when the speaker was tied to a known expert (by name or alias).';
comment on column analytics.expert_statements.speaker_text is 'How the article names the speaker here, e.g. a surname or nickname.';
comment on column analytics.expert_statements.expert_title is 'Title of the expert, e.g. director.';
comment on column analytics.expert_statements.organization_name is 'Organization the expert belongs to.';
comment on column analytics.expert_statements.parent_organization_name is 'Organization above it, e.g. the academy an institute belongs to.';
comment on column analytics.expert_statements.statement_kind is 'direct (a quotation) or indirect (reported speech).';
comment on column analytics.expert_statements.verb is 'Reporting verb: said, believes, noted ...';
comment on column analytics.expert_statements.statement_text is 'What was said.';
comment on column analytics.expert_statements.topics is 'Sectors the statement names, comma-separated, alphabetical; empty when none.';
comment on column analytics.expert_statements.published_on is 'Publication date of the article.';
comment on column analytics.expert_statements.outlet is 'Outlet that published the article.';
comment on column analytics.expert_statements.article_id is 'Identifier of the article (source_article_id; see article_catalog).';

grant select on analytics.expert_statements to analytics_reader;

-- What has each province committed to, at which event, in which industries?
-- Grain: one row per initiative.
create or replace view analytics.initiatives as

with

-- Per initiative, one aggregate over initiative_sector and one over
-- quantitative_target, merge-joined by initiative_id: a BI tool's first page
-- (a limit) reads them in step with the initiatives it shows, a whole fetch
-- aggregates each table once (no lookups per row).
sectors as (
    select
        initiative_sector.initiative_id,
        count(distinct sector.name) as sector_count,
        string_agg(distinct sector.name, ', ' order by sector.name) as sectors,
        string_agg(
            distinct initiative_sector.matched_text, ', '
            order by initiative_sector.matched_text
        ) filter (where initiative_sector.sector_id is null) as unmapped_terms
    from initiative_sector
    left join sector on sector.sector_id = initiative_sector.sector_id
    group by initiative_sector.initiative_id
),

targets as (
    select
        quantitative_target.initiative_id,
        count(*) as target_count
    from quantitative_target
    group by quantitative_target.initiative_id
),

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
        coalesce(sectors.unmapped_terms, '') as unmapped_sector_terms,
        coalesce(targets.target_count, 0) as target_count,
        initiative.sentence_text,
        source_article.published_on,
        source_article.outlet,
        source_article.source_article_id as article_id,
        coalesce(expert.name, statement.speaker_text) as announced_by,
        initiative.statement_id
    from initiative
    inner join province on province.province_id = initiative.province_id
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
    -- Who said the province will do it, when someone did (one row at most).
    left join statement on statement.statement_id = initiative.statement_id
    left join expert on expert.expert_id = statement.expert_id
    left join sectors on sectors.initiative_id = initiative.initiative_id
    left join targets on targets.initiative_id = initiative.initiative_id
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
comment on column analytics.initiatives.announced_by is 'The official or expert who said the province will do it (their name, or the words naming them); empty when the article states it.';
comment on column analytics.initiatives.statement_id is 'Identifier of that statement (see expert_statements); empty when the article states it.';

grant select on analytics.initiatives to analytics_reader;

-- How much does the database know about each province?
-- Grain: one row per provincial-level division, all 34, with zeros for those
-- no article names. A dateline alone does not count as naming a province.
-- Counts come from the rollups the ETL keeps (analytics_cache); the sectors
-- are the province's rows of the province x sector rollup.
create or replace view analytics.province_overview as

with

sectors as (
    select
        province_sector_rollup.province_id,
        count(*) as sector_count
    from analytics_cache.province_sector_rollup
    group by province_sector_rollup.province_id
),

final as (
    select
        province.code as province_code,
        province.name as province_name,
        province.name_zh as province_name_zh,
        province.kind,
        province.region,
        coalesce(province_rollup.article_count, 0) as article_count,
        coalesce(province_rollup.initiative_count, 0) as initiative_count,
        coalesce(sectors.sector_count, 0) as sector_count,
        coalesce(province_rollup.target_count, 0) as target_count,
        province_rollup.last_published_on
    from province
    left join analytics_cache.province_rollup
        on province_rollup.province_id = province.province_id
    left join sectors on sectors.province_id = province.province_id
)

select * from final;

comment on view analytics.province_overview is
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

grant select on analytics.province_overview to analytics_reader;

-- Which industries is each province betting on, how often, and since when?
-- Grain: one row per province and sector that at least one of the province's
-- initiatives targets. Sectors are counted where they are named; roll-ups to
-- parent sectors are in sector_popularity.
-- Reads the rollups the ETL keeps in each batch's transaction
-- (analytics_cache, migration 0017), not the 4.5 million initiative-sector
-- rows of 100,000 articles.
create or replace view analytics.province_sector_focus as

with

matched as (
    select
        province_sector_term_rollup.province_id,
        province_sector_term_rollup.sector_id,
        string_agg(
            province_sector_term_rollup.term, ', '
            order by province_sector_term_rollup.term
        ) as matched_terms
    from analytics_cache.province_sector_term_rollup
    group by province_sector_term_rollup.province_id, province_sector_term_rollup.sector_id
),

final as (
    select
        province.code as province_code,
        province.name as province_name,
        province.region,
        sector.slug as sector_slug,
        sector.name as sector_name,
        parent_sector.slug as parent_sector_slug,
        sector.classification,
        province_sector_rollup.initiative_count,
        province_sector_rollup.article_count,
        matched.matched_terms,
        province_sector_rollup.first_published_on,
        province_sector_rollup.last_published_on
    from analytics_cache.province_sector_rollup
    inner join province on province.province_id = province_sector_rollup.province_id
    inner join sector on sector.sector_id = province_sector_rollup.sector_id
    left join sector as parent_sector
        on parent_sector.sector_id = sector.parent_sector_id
    inner join matched
        on matched.province_id = province_sector_rollup.province_id
        and matched.sector_id = province_sector_rollup.sector_id
)

select * from final;

comment on view analytics.province_sector_focus is
    'Which industries each province targets. One row per province and sector named by at least one of its initiatives.';
comment on column analytics.province_sector_focus.province_code is 'ISO 3166-2:CN code of the province, e.g. CN-SD.';
comment on column analytics.province_sector_focus.province_name is 'English name of the province.';
comment on column analytics.province_sector_focus.region is 'NBS economic region: east, central, west or northeast; empty for Hong Kong, Macao and Taiwan.';
comment on column analytics.province_sector_focus.sector_slug is 'Stable identifier of the sector in the taxonomy.';
comment on column analytics.province_sector_focus.sector_name is 'Display name of the sector.';
comment on column analytics.province_sector_focus.parent_sector_slug is 'The broader sector this one belongs to; empty for top-level sectors.';
comment on column analytics.province_sector_focus.classification is 'Policy family of the sector, e.g. strategic_emerging_industry, future_industry.';
comment on column analytics.province_sector_focus.initiative_count is 'Initiatives of the province that name the sector.';
comment on column analytics.province_sector_focus.article_count is 'Articles reporting those initiatives.';
comment on column analytics.province_sector_focus.matched_terms is 'The words the articles used for the sector, lowercased, comma-separated, alphabetical.';
comment on column analytics.province_sector_focus.first_published_on is 'Publication date of the earliest article reporting such an initiative.';
comment on column analytics.province_sector_focus.last_published_on is 'Publication date of the latest article reporting such an initiative.';

grant select on analytics.province_sector_focus to analytics_reader;

-- Which sectors do the most provinces target?
-- Grain: one row per sector of the taxonomy, targeted or not. Rows with
-- level 'leaf' count initiatives naming the sector itself; rows with level
-- 'parent' count initiatives naming the sector or any sector below it.
-- Counts come from the rollups the ETL keeps (analytics_cache): initiatives
-- and articles per sector with its descendants, and the provinces from the
-- province x sector rows, one row per province that names the sector or a
-- sector below it (so a province is counted once, however many it names).
create or replace view analytics.sector_popularity as

with recursive

lineage as (
    -- every sector paired with itself and each of its ancestors
    select
        sector.sector_id,
        sector.sector_id as ancestor_sector_id
    from sector

    union all

    select
        lineage.sector_id,
        ancestor.parent_sector_id as ancestor_sector_id
    from lineage
    inner join sector as ancestor
        on ancestor.sector_id = lineage.ancestor_sector_id
    where ancestor.parent_sector_id is not null
),

province_names as (
    select distinct
        lineage.ancestor_sector_id as sector_id,
        province.name
    from analytics_cache.province_sector_rollup
    inner join lineage on lineage.sector_id = province_sector_rollup.sector_id
    inner join province on province.province_id = province_sector_rollup.province_id
),

listed as (
    select
        province_names.sector_id,
        count(*) as province_count,
        string_agg(province_names.name, ', ' order by province_names.name) as provinces
    from province_names
    group by province_names.sector_id
),

final as (
    select
        sector.slug as sector_slug,
        sector.name as sector_name,
        case
            when exists (
                select from sector as child
                where child.parent_sector_id = sector.sector_id
            ) then 'parent'
            else 'leaf'
        end as level,
        parent_sector.slug as parent_sector_slug,
        sector.classification,
        coalesce(listed.province_count, 0) as province_count,
        coalesce(sector_rollup.initiative_count, 0) as initiative_count,
        coalesce(sector_rollup.article_count, 0) as article_count,
        coalesce(listed.provinces, '') as provinces
    from sector
    left join sector as parent_sector
        on parent_sector.sector_id = sector.parent_sector_id
    left join analytics_cache.sector_rollup on sector_rollup.sector_id = sector.sector_id
    left join listed on listed.sector_id = sector.sector_id
)

select * from final;

comment on view analytics.sector_popularity is
    'How many provinces target each sector. One row per sector of the taxonomy; parent rows include every sector below them.';
comment on column analytics.sector_popularity.sector_slug is 'Stable identifier of the sector in the taxonomy.';
comment on column analytics.sector_popularity.sector_name is 'Display name of the sector.';
comment on column analytics.sector_popularity.level is 'leaf: counts initiatives naming this sector; parent: counts initiatives naming it or any sector below it.';
comment on column analytics.sector_popularity.parent_sector_slug is 'The broader sector this one belongs to; empty for top-level sectors.';
comment on column analytics.sector_popularity.classification is 'Policy family of the sector, e.g. strategic_emerging_industry, future_industry.';
comment on column analytics.sector_popularity.province_count is 'Provinces with at least one initiative counted for this row.';
comment on column analytics.sector_popularity.initiative_count is 'Initiatives counted for this row.';
comment on column analytics.sector_popularity.article_count is 'Articles reporting those initiatives.';
comment on column analytics.sector_popularity.provinces is 'Names of those provinces, comma-separated, alphabetical; empty when none.';

grant select on analytics.sector_popularity to analytics_reader;

-- Is the ETL healthy: did runs finish, what did they reject, what did
-- extraction miss?
-- Grain: one row per ETL run. The extraction-gap counts (from etl_run_gaps,
-- kept by the ETL batch by batch) cover the articles the run loaded and that
-- are still in the database.
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
        -- ETL's run lock (LOCK TABLE etl_run_lock IN EXCLUSIVE MODE, which
        -- only the owner and the loader may take) in this database it is
        -- alive, and a 'running' run without it has died.
        etl_run.status = 'running' and exists (
            select from pg_locks
            where pg_locks.locktype = 'relation'
                and pg_locks.database = (
                    select pg_database.oid from pg_database
                    where pg_database.datname = current_database()
                )
                and pg_locks.relation = 'public.etl_run_lock'::regclass
                and lower(pg_locks.mode) = 'exclusivelock'
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

grant select on analytics.etl_health to analytics_reader;

-- What numbers have provinces committed to?
-- Grain: one row per quantitative target.
create or replace view analytics.quantitative_targets as

with

final as (
    select
        quantitative_target.quantitative_target_id as target_id,
        province.code as province_code,
        province.name as province_name,
        quantitative_target.quantity,
        quantitative_target.is_approximate,
        quantitative_target.target_text as target_words,
        initiative.initiative_id,
        initiative.clause_text as initiative_text,
        initiative.event_kind,
        source_article.published_on,
        source_article.outlet,
        source_article.source_article_id as article_id
    from quantitative_target
    inner join initiative
        on initiative.initiative_id = quantitative_target.initiative_id
    inner join province on province.province_id = initiative.province_id
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
)

select * from final;

comment on view analytics.quantitative_targets is
    'Numeric targets provinces set. One row per quantitative target.';
comment on column analytics.quantitative_targets.target_id is 'Identifier of the target.';
comment on column analytics.quantitative_targets.province_code is 'ISO 3166-2:CN code of the province, e.g. CN-JS.';
comment on column analytics.quantitative_targets.province_name is 'English name of the province.';
comment on column analytics.quantitative_targets.quantity is 'The number, e.g. 50.';
comment on column analytics.quantitative_targets.is_approximate is 'True when hedged: around, about, more than, over.';
comment on column analytics.quantitative_targets.target_words is 'The words of the target, e.g. 50 key industrial chains.';
comment on column analytics.quantitative_targets.initiative_id is 'Identifier of the initiative setting it (see analytics.initiatives).';
comment on column analytics.quantitative_targets.initiative_text is 'The clause stating the initiative.';
comment on column analytics.quantitative_targets.event_kind is 'Where it was announced: conference, government_work_report, plan, policy or other.';
comment on column analytics.quantitative_targets.published_on is 'Publication date of the article.';
comment on column analytics.quantitative_targets.outlet is 'Outlet that published the article.';
comment on column analytics.quantitative_targets.article_id is 'Identifier of the article (source_article_id; see article_catalog).';

grant select on analytics.quantitative_targets to analytics_reader;

-- Which provinces bet on the same industries?
-- Grain: one row per unordered pair of provinces sharing at least one
-- targeted sector; province_a sorts before province_b.
create or replace view analytics.province_similarity as

with

province_sectors as (
    select distinct
        province_sector_focus.province_name,
        province_sector_focus.sector_name
    from analytics.province_sector_focus
),

sector_counts as (
    select
        province_sectors.province_name,
        count(*) as sector_count
    from province_sectors
    group by province_sectors.province_name
),

shared as (
    select
        a.province_name as province_a,
        b.province_name as province_b,
        count(*) as shared_sector_count,
        string_agg(a.sector_name, ', ' order by a.sector_name) as shared_sectors
    from province_sectors as a
    inner join province_sectors as b
        on b.sector_name = a.sector_name
        and b.province_name > a.province_name
    group by a.province_name, b.province_name
),

final as (
    select
        shared.province_a,
        shared.province_b,
        shared.shared_sector_count,
        round(
            shared.shared_sector_count::numeric
            / (count_a.sector_count + count_b.sector_count - shared.shared_sector_count),
            3
        ) as jaccard,
        shared.shared_sectors
    from shared
    inner join sector_counts as count_a on count_a.province_name = shared.province_a
    inner join sector_counts as count_b on count_b.province_name = shared.province_b
)

select * from final;

comment on view analytics.province_similarity is
    'Overlap of targeted sectors between provinces. One row per unordered pair of provinces sharing at least one sector.';
comment on column analytics.province_similarity.province_a is 'English name of the first province (alphabetically).';
comment on column analytics.province_similarity.province_b is 'English name of the second province.';
comment on column analytics.province_similarity.shared_sector_count is 'Sectors both provinces target.';
comment on column analytics.province_similarity.jaccard is 'Shared sectors divided by the sectors either targets, 0 to 1, three decimals.';
comment on column analytics.province_similarity.shared_sectors is 'Names of the shared sectors, comma-separated, alphabetical.';

grant select on analytics.province_similarity to analytics_reader;

-- Which regions lean towards which industries?
-- Grain: one row per economic region and sector of the taxonomy, zeros
-- included, so a pivot or heat map has every cell. Hong Kong, Macao and
-- Taiwan, which belong to no NBS region, are under 'unclassified'.
create or replace view analytics.region_sector_matrix as

with

regions as (
    select distinct coalesce(province.region, 'unclassified') as region
    from province
),

focus as (
    select
        coalesce(province_sector_focus.region, 'unclassified') as region,
        province_sector_focus.sector_slug,
        count(*) as province_count,
        sum(province_sector_focus.initiative_count) as initiative_count
    from analytics.province_sector_focus
    group by 1, 2
),

final as (
    select
        regions.region,
        sector.slug as sector_slug,
        sector.name as sector_name,
        coalesce(focus.province_count, 0) as province_count,
        coalesce(focus.initiative_count, 0)::bigint as initiative_count
    from regions
    cross join sector
    left join focus
        on focus.region = regions.region
        and focus.sector_slug = sector.slug
)

select * from final;

comment on view analytics.region_sector_matrix is
    'Sectors targeted by region. One row per NBS economic region and sector, zeros included.';
comment on column analytics.region_sector_matrix.region is 'NBS economic region: east, central, west, northeast, or unclassified (Hong Kong, Macao, Taiwan).';
comment on column analytics.region_sector_matrix.sector_slug is 'Stable identifier of the sector in the taxonomy.';
comment on column analytics.region_sector_matrix.sector_name is 'Display name of the sector.';
comment on column analytics.region_sector_matrix.province_count is 'Provinces of the region with an initiative naming the sector.';
comment on column analytics.region_sector_matrix.initiative_count is 'Initiatives of the region''s provinces naming the sector.';

grant select on analytics.region_sector_matrix to analytics_reader;
"""

DOWNGRADE = """\
drop view if exists analytics.region_sector_matrix;
drop view if exists analytics.province_similarity;
drop view if exists analytics.quantitative_targets;
drop view if exists analytics.etl_health;
drop view if exists analytics.sector_popularity;
drop view if exists analytics.province_sector_focus;
drop view if exists analytics.province_overview;
drop view if exists analytics.initiatives;
drop view if exists analytics.expert_statements;
drop view if exists analytics.etl_run_gaps;
drop view if exists analytics.article_catalog;

-- Which articles are loaded, from whom, and what did each yield?
-- Grain: one row per source article.
-- The counts come from the per-article rollup the ETL writes with each
-- article (analytics_cache.article_rollup).
create or replace view analytics.article_catalog as

with

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
        coalesce(article_rollup.province_count, 0) as province_count,
        coalesce(article_rollup.initiative_count, 0) as initiative_count,
        coalesce(article_rollup.statement_count, 0) as statement_count,
        source_article.loaded_at
    from source_article
    left join analytics_cache.article_rollup
        on article_rollup.source_article_id = source_article.source_article_id
)

select * from final;

comment on view analytics.article_catalog is
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

grant select on analytics.article_catalog to analytics_reader;

-- What did extraction miss in the articles each run loaded?
-- Grain: one row per ETL run that loaded at least one article still in the
-- database. Read through etl_health, which adds the run's own record.
-- Counted by the ETL as it loads (analytics_cache.run_rollup): counting
-- initiatives without a sector would otherwise scan every initiative.
create or replace view analytics.etl_run_gaps as

with

final as (
    select
        run_rollup.etl_run_id as run_id,
        run_rollup.article_count,
        run_rollup.articles_without_province,
        run_rollup.unresolved_speakers,
        run_rollup.initiatives_without_sector,
        run_rollup.unmapped_sector_terms
    from analytics_cache.run_rollup
    where run_rollup.article_count > 0
)

select * from final;

comment on view analytics.etl_run_gaps is
    'Extraction gaps per ETL run, over the articles it loaded. One row per run with articles; see etl_health.';
comment on column analytics.etl_run_gaps.run_id is 'Identifier of the run (etl_run_id).';
comment on column analytics.etl_run_gaps.article_count is 'Articles the run loaded that are still in the database.';
comment on column analytics.etl_run_gaps.articles_without_province is 'Of those, articles naming no province: off-topic, or a gap in the gazetteer.';
comment on column analytics.etl_run_gaps.unresolved_speakers is 'Statements in them whose speaker was not tied to an expert.';
comment on column analytics.etl_run_gaps.initiatives_without_sector is 'Initiatives in them that name no sector: noise, or a gap in the sector taxonomy.';
comment on column analytics.etl_run_gaps.unmapped_sector_terms is 'Sector terms in them that the taxonomy does not know (kept unmapped); `policydb sectors unmapped` lists them for curation.';

grant select on analytics.etl_run_gaps to analytics_reader;

-- What do experts say, and about which industries?
-- Grain: one row per statement. Statements whose speaker could not be tied
-- to an expert keep the words used for the speaker in expert_name.
create or replace view analytics.expert_statements as

with

final as (
    select
        statement.statement_id,
        coalesce(expert.name, statement.speaker_text) as expert_name,
        statement.expert_id is not null as is_expert_resolved,
        statement.speaker_text,
        expert.title as expert_title,
        organization.name as organization_name,
        parent_organization.name as parent_organization_name,
        statement.kind as statement_kind,
        statement.verb,
        statement.statement_text,
        coalesce(topics.topics, '') as topics,
        source_article.published_on,
        source_article.outlet,
        source_article.source_article_id as article_id
    from statement
    inner join source_article
        on source_article.source_article_id = statement.source_article_id
    left join expert on expert.expert_id = statement.expert_id
    left join organization on organization.organization_id = expert.organization_id
    left join organization as parent_organization
        on parent_organization.organization_id = organization.parent_organization_id
    -- A lateral lookup by statement, so a limit reads only the rows it shows.
    left join lateral (
        select string_agg(topic_names.name, ', ' order by topic_names.name) as topics
        from (
            select distinct sector.name
            from statement_topic
            inner join sector on sector.sector_id = statement_topic.sector_id
            where statement_topic.statement_id = statement.statement_id
        ) as topic_names
    ) as topics on true
)

select * from final;

comment on view analytics.expert_statements is
    'What experts said, quoted or reported. One row per statement.';
comment on column analytics.expert_statements.statement_id is 'Identifier of the statement.';
comment on column analytics.expert_statements.expert_name is 'Full name of the expert; the words used for the speaker when no expert was identified.';
comment on column analytics.expert_statements.is_expert_resolved is 'True when the speaker was tied to a known expert (by name or alias).';
comment on column analytics.expert_statements.speaker_text is 'How the article names the speaker here, e.g. a surname or nickname.';
comment on column analytics.expert_statements.expert_title is 'Title of the expert, e.g. director.';
comment on column analytics.expert_statements.organization_name is 'Organization the expert belongs to.';
comment on column analytics.expert_statements.parent_organization_name is 'Organization above it, e.g. the academy an institute belongs to.';
comment on column analytics.expert_statements.statement_kind is 'direct (a quotation) or indirect (reported speech).';
comment on column analytics.expert_statements.verb is 'Reporting verb: said, believes, noted ...';
comment on column analytics.expert_statements.statement_text is 'What was said.';
comment on column analytics.expert_statements.topics is 'Sectors the statement names, comma-separated, alphabetical; empty when none.';
comment on column analytics.expert_statements.published_on is 'Publication date of the article.';
comment on column analytics.expert_statements.outlet is 'Outlet that published the article.';
comment on column analytics.expert_statements.article_id is 'Identifier of the article (source_article_id; see article_catalog).';

grant select on analytics.expert_statements to analytics_reader;

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
        source_article.source_article_id as article_id,
        coalesce(expert.name, statement.speaker_text) as announced_by,
        initiative.statement_id
    from initiative
    inner join province on province.province_id = initiative.province_id
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
    -- Who said the province will do it, when someone did (one row at most).
    left join statement on statement.statement_id = initiative.statement_id
    left join expert on expert.expert_id = statement.expert_id
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
comment on column analytics.initiatives.announced_by is 'The official or expert who said the province will do it (their name, or the words naming them); empty when the article states it.';
comment on column analytics.initiatives.statement_id is 'Identifier of that statement (see expert_statements); empty when the article states it.';

grant select on analytics.initiatives to analytics_reader;

-- How much does the database know about each province?
-- Grain: one row per provincial-level division, all 34, with zeros for those
-- no article names. A dateline alone does not count as naming a province.
-- Counts come from the rollups the ETL keeps (analytics_cache); the sectors
-- are the province's rows of the province x sector rollup.
create or replace view analytics.province_overview as

with

sectors as (
    select
        province_sector_rollup.province_id,
        count(*) as sector_count
    from analytics_cache.province_sector_rollup
    group by province_sector_rollup.province_id
),

final as (
    select
        province.code as province_code,
        province.name as province_name,
        province.name_zh as province_name_zh,
        province.kind,
        province.region,
        coalesce(province_rollup.article_count, 0) as article_count,
        coalesce(province_rollup.initiative_count, 0) as initiative_count,
        coalesce(sectors.sector_count, 0) as sector_count,
        coalesce(province_rollup.target_count, 0) as target_count,
        province_rollup.last_published_on
    from province
    left join analytics_cache.province_rollup
        on province_rollup.province_id = province.province_id
    left join sectors on sectors.province_id = province.province_id
)

select * from final;

comment on view analytics.province_overview is
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

grant select on analytics.province_overview to analytics_reader;

-- Which industries is each province betting on, how often, and since when?
-- Grain: one row per province and sector that at least one of the province's
-- initiatives targets. Sectors are counted where they are named; roll-ups to
-- parent sectors are in sector_popularity.
-- Reads the rollups the ETL keeps in each batch's transaction
-- (analytics_cache, migration 0017), not the 4.5 million initiative-sector
-- rows of 100,000 articles.
create or replace view analytics.province_sector_focus as

with

matched as (
    select
        province_sector_term_rollup.province_id,
        province_sector_term_rollup.sector_id,
        string_agg(
            province_sector_term_rollup.term, ', '
            order by province_sector_term_rollup.term
        ) as matched_terms
    from analytics_cache.province_sector_term_rollup
    group by province_sector_term_rollup.province_id, province_sector_term_rollup.sector_id
),

final as (
    select
        province.code as province_code,
        province.name as province_name,
        province.region,
        sector.slug as sector_slug,
        sector.name as sector_name,
        parent_sector.slug as parent_sector_slug,
        sector.classification,
        province_sector_rollup.initiative_count,
        province_sector_rollup.article_count,
        matched.matched_terms,
        province_sector_rollup.first_published_on,
        province_sector_rollup.last_published_on
    from analytics_cache.province_sector_rollup
    inner join province on province.province_id = province_sector_rollup.province_id
    inner join sector on sector.sector_id = province_sector_rollup.sector_id
    left join sector as parent_sector
        on parent_sector.sector_id = sector.parent_sector_id
    inner join matched
        on matched.province_id = province_sector_rollup.province_id
        and matched.sector_id = province_sector_rollup.sector_id
)

select * from final;

comment on view analytics.province_sector_focus is
    'Which industries each province targets. One row per province and sector named by at least one of its initiatives.';
comment on column analytics.province_sector_focus.province_code is 'ISO 3166-2:CN code of the province, e.g. CN-SD.';
comment on column analytics.province_sector_focus.province_name is 'English name of the province.';
comment on column analytics.province_sector_focus.region is 'NBS economic region: east, central, west or northeast; empty for Hong Kong, Macao and Taiwan.';
comment on column analytics.province_sector_focus.sector_slug is 'Stable identifier of the sector in the taxonomy.';
comment on column analytics.province_sector_focus.sector_name is 'Display name of the sector.';
comment on column analytics.province_sector_focus.parent_sector_slug is 'The broader sector this one belongs to; empty for top-level sectors.';
comment on column analytics.province_sector_focus.classification is 'Policy family of the sector, e.g. strategic_emerging_industry, future_industry.';
comment on column analytics.province_sector_focus.initiative_count is 'Initiatives of the province that name the sector.';
comment on column analytics.province_sector_focus.article_count is 'Articles reporting those initiatives.';
comment on column analytics.province_sector_focus.matched_terms is 'The words the articles used for the sector, lowercased, comma-separated, alphabetical.';
comment on column analytics.province_sector_focus.first_published_on is 'Publication date of the earliest article reporting such an initiative.';
comment on column analytics.province_sector_focus.last_published_on is 'Publication date of the latest article reporting such an initiative.';

grant select on analytics.province_sector_focus to analytics_reader;

-- Which sectors do the most provinces target?
-- Grain: one row per sector of the taxonomy, targeted or not. Rows with
-- level 'leaf' count initiatives naming the sector itself; rows with level
-- 'parent' count initiatives naming the sector or any sector below it.
-- Counts come from the rollups the ETL keeps (analytics_cache): initiatives
-- and articles per sector with its descendants, and the provinces from the
-- province x sector rows, one row per province that names the sector or a
-- sector below it (so a province is counted once, however many it names).
create or replace view analytics.sector_popularity as

with recursive

lineage as (
    -- every sector paired with itself and each of its ancestors
    select
        sector.sector_id,
        sector.sector_id as ancestor_sector_id
    from sector

    union all

    select
        lineage.sector_id,
        ancestor.parent_sector_id as ancestor_sector_id
    from lineage
    inner join sector as ancestor
        on ancestor.sector_id = lineage.ancestor_sector_id
    where ancestor.parent_sector_id is not null
),

province_names as (
    select distinct
        lineage.ancestor_sector_id as sector_id,
        province.name
    from analytics_cache.province_sector_rollup
    inner join lineage on lineage.sector_id = province_sector_rollup.sector_id
    inner join province on province.province_id = province_sector_rollup.province_id
),

listed as (
    select
        province_names.sector_id,
        count(*) as province_count,
        string_agg(province_names.name, ', ' order by province_names.name) as provinces
    from province_names
    group by province_names.sector_id
),

final as (
    select
        sector.slug as sector_slug,
        sector.name as sector_name,
        case
            when exists (
                select from sector as child
                where child.parent_sector_id = sector.sector_id
            ) then 'parent'
            else 'leaf'
        end as level,
        parent_sector.slug as parent_sector_slug,
        sector.classification,
        coalesce(listed.province_count, 0) as province_count,
        coalesce(sector_rollup.initiative_count, 0) as initiative_count,
        coalesce(sector_rollup.article_count, 0) as article_count,
        coalesce(listed.provinces, '') as provinces
    from sector
    left join sector as parent_sector
        on parent_sector.sector_id = sector.parent_sector_id
    left join analytics_cache.sector_rollup on sector_rollup.sector_id = sector.sector_id
    left join listed on listed.sector_id = sector.sector_id
)

select * from final;

comment on view analytics.sector_popularity is
    'How many provinces target each sector. One row per sector of the taxonomy; parent rows include every sector below them.';
comment on column analytics.sector_popularity.sector_slug is 'Stable identifier of the sector in the taxonomy.';
comment on column analytics.sector_popularity.sector_name is 'Display name of the sector.';
comment on column analytics.sector_popularity.level is 'leaf: counts initiatives naming this sector; parent: counts initiatives naming it or any sector below it.';
comment on column analytics.sector_popularity.parent_sector_slug is 'The broader sector this one belongs to; empty for top-level sectors.';
comment on column analytics.sector_popularity.classification is 'Policy family of the sector, e.g. strategic_emerging_industry, future_industry.';
comment on column analytics.sector_popularity.province_count is 'Provinces with at least one initiative counted for this row.';
comment on column analytics.sector_popularity.initiative_count is 'Initiatives counted for this row.';
comment on column analytics.sector_popularity.article_count is 'Articles reporting those initiatives.';
comment on column analytics.sector_popularity.provinces is 'Names of those provinces, comma-separated, alphabetical; empty when none.';

grant select on analytics.sector_popularity to analytics_reader;

-- Is the ETL healthy: did runs finish, what did they reject, what did
-- extraction miss?
-- Grain: one row per ETL run. The extraction-gap counts (from etl_run_gaps,
-- kept by the ETL batch by batch) cover the articles the run loaded and that
-- are still in the database.
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
        -- ETL's run lock (LOCK TABLE etl_run_lock IN EXCLUSIVE MODE, which
        -- only the owner and the loader may take) in this database it is
        -- alive, and a 'running' run without it has died.
        etl_run.status = 'running' and exists (
            select from pg_locks
            where pg_locks.locktype = 'relation'
                and pg_locks.database = (
                    select pg_database.oid from pg_database
                    where pg_database.datname = current_database()
                )
                and pg_locks.relation = 'public.etl_run_lock'::regclass
                and lower(pg_locks.mode) = 'exclusivelock'
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

grant select on analytics.etl_health to analytics_reader;

-- What numbers have provinces committed to?
-- Grain: one row per quantitative target.
create or replace view analytics.quantitative_targets as

with

final as (
    select
        quantitative_target.quantitative_target_id as target_id,
        province.code as province_code,
        province.name as province_name,
        quantitative_target.quantity,
        quantitative_target.is_approximate,
        quantitative_target.target_text as target_words,
        initiative.initiative_id,
        initiative.clause_text as initiative_text,
        initiative.event_kind,
        source_article.published_on,
        source_article.outlet,
        source_article.source_article_id as article_id
    from quantitative_target
    inner join initiative
        on initiative.initiative_id = quantitative_target.initiative_id
    inner join province on province.province_id = initiative.province_id
    inner join source_article
        on source_article.source_article_id = initiative.source_article_id
)

select * from final;

comment on view analytics.quantitative_targets is
    'Numeric targets provinces set. One row per quantitative target.';
comment on column analytics.quantitative_targets.target_id is 'Identifier of the target.';
comment on column analytics.quantitative_targets.province_code is 'ISO 3166-2:CN code of the province, e.g. CN-JS.';
comment on column analytics.quantitative_targets.province_name is 'English name of the province.';
comment on column analytics.quantitative_targets.quantity is 'The number, e.g. 50.';
comment on column analytics.quantitative_targets.is_approximate is 'True when hedged: around, about, more than, over.';
comment on column analytics.quantitative_targets.target_words is 'The words of the target, e.g. 50 key industrial chains.';
comment on column analytics.quantitative_targets.initiative_id is 'Identifier of the initiative setting it (see analytics.initiatives).';
comment on column analytics.quantitative_targets.initiative_text is 'The clause stating the initiative.';
comment on column analytics.quantitative_targets.event_kind is 'Where it was announced: conference, government_work_report, plan, policy or other.';
comment on column analytics.quantitative_targets.published_on is 'Publication date of the article.';
comment on column analytics.quantitative_targets.outlet is 'Outlet that published the article.';
comment on column analytics.quantitative_targets.article_id is 'Identifier of the article (source_article_id; see article_catalog).';

grant select on analytics.quantitative_targets to analytics_reader;

-- Which provinces bet on the same industries?
-- Grain: one row per unordered pair of provinces sharing at least one
-- targeted sector; province_a sorts before province_b.
create or replace view analytics.province_similarity as

with

province_sectors as (
    select distinct
        province_sector_focus.province_name,
        province_sector_focus.sector_name
    from analytics.province_sector_focus
),

sector_counts as (
    select
        province_sectors.province_name,
        count(*) as sector_count
    from province_sectors
    group by province_sectors.province_name
),

shared as (
    select
        a.province_name as province_a,
        b.province_name as province_b,
        count(*) as shared_sector_count,
        string_agg(a.sector_name, ', ' order by a.sector_name) as shared_sectors
    from province_sectors as a
    inner join province_sectors as b
        on b.sector_name = a.sector_name
        and b.province_name > a.province_name
    group by a.province_name, b.province_name
),

final as (
    select
        shared.province_a,
        shared.province_b,
        shared.shared_sector_count,
        round(
            shared.shared_sector_count::numeric
            / (count_a.sector_count + count_b.sector_count - shared.shared_sector_count),
            3
        ) as jaccard,
        shared.shared_sectors
    from shared
    inner join sector_counts as count_a on count_a.province_name = shared.province_a
    inner join sector_counts as count_b on count_b.province_name = shared.province_b
)

select * from final;

comment on view analytics.province_similarity is
    'Overlap of targeted sectors between provinces. One row per unordered pair of provinces sharing at least one sector.';
comment on column analytics.province_similarity.province_a is 'English name of the first province (alphabetically).';
comment on column analytics.province_similarity.province_b is 'English name of the second province.';
comment on column analytics.province_similarity.shared_sector_count is 'Sectors both provinces target.';
comment on column analytics.province_similarity.jaccard is 'Shared sectors divided by the sectors either targets, 0 to 1, three decimals.';
comment on column analytics.province_similarity.shared_sectors is 'Names of the shared sectors, comma-separated, alphabetical.';

grant select on analytics.province_similarity to analytics_reader;

-- Which regions lean towards which industries?
-- Grain: one row per economic region and sector of the taxonomy, zeros
-- included, so a pivot or heat map has every cell. Hong Kong, Macao and
-- Taiwan, which belong to no NBS region, are under 'unclassified'.
create or replace view analytics.region_sector_matrix as

with

regions as (
    select distinct coalesce(province.region, 'unclassified') as region
    from province
),

focus as (
    select
        coalesce(province_sector_focus.region, 'unclassified') as region,
        province_sector_focus.sector_slug,
        count(*) as province_count,
        sum(province_sector_focus.initiative_count) as initiative_count
    from analytics.province_sector_focus
    group by 1, 2
),

final as (
    select
        regions.region,
        sector.slug as sector_slug,
        sector.name as sector_name,
        coalesce(focus.province_count, 0) as province_count,
        coalesce(focus.initiative_count, 0)::bigint as initiative_count
    from regions
    cross join sector
    left join focus
        on focus.region = regions.region
        and focus.sector_slug = sector.slug
)

select * from final;

comment on view analytics.region_sector_matrix is
    'Sectors targeted by region. One row per NBS economic region and sector, zeros included.';
comment on column analytics.region_sector_matrix.region is 'NBS economic region: east, central, west, northeast, or unclassified (Hong Kong, Macao, Taiwan).';
comment on column analytics.region_sector_matrix.sector_slug is 'Stable identifier of the sector in the taxonomy.';
comment on column analytics.region_sector_matrix.sector_name is 'Display name of the sector.';
comment on column analytics.region_sector_matrix.province_count is 'Provinces of the region with an initiative naming the sector.';
comment on column analytics.region_sector_matrix.initiative_count is 'Initiatives of the region''s provinces naming the sector.';

grant select on analytics.region_sector_matrix to analytics_reader;
"""


def _execute(sql: str) -> None:
    # Through the DBAPI cursor: no bind parameters, so '%' and ':' stay literal.
    cursor = op.get_bind().connection.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def upgrade() -> None:
    _execute(UPGRADE)


def downgrade() -> None:
    _execute(DOWNGRADE)

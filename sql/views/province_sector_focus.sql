-- Which industries is each province betting on, how often, and since when?
-- Grain: one row per province and sector that at least one of the province's
-- initiatives targets. Sectors are counted where they are named; roll-ups to
-- parent sectors are in sector_popularity.
-- Materialized: it aggregates every initiative's sectors, seconds of work at
-- 100,000 articles; the ETL refreshes it (concurrently) at the end of a run.
create materialized view analytics.province_sector_focus as

with

targeted as (
    select distinct
        initiative.province_id,
        initiative.initiative_id,
        initiative.source_article_id,
        initiative_sector.sector_id
    from initiative
    inner join initiative_sector
        on initiative_sector.initiative_id = initiative.initiative_id
),

matched as (
    select
        initiative.province_id,
        initiative_sector.sector_id,
        string_agg(
            distinct lower(initiative_sector.matched_text), ', '
            order by lower(initiative_sector.matched_text)
        ) as matched_terms
    from initiative
    inner join initiative_sector
        on initiative_sector.initiative_id = initiative.initiative_id
    group by initiative.province_id, initiative_sector.sector_id
),

counted as (
    select
        targeted.province_id,
        targeted.sector_id,
        count(distinct targeted.initiative_id) as initiative_count,
        count(distinct targeted.source_article_id) as article_count,
        min(source_article.published_on) as first_published_on,
        max(source_article.published_on) as last_published_on
    from targeted
    inner join source_article
        on source_article.source_article_id = targeted.source_article_id
    group by targeted.province_id, targeted.sector_id
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
        counted.initiative_count,
        counted.article_count,
        matched.matched_terms,
        counted.first_published_on,
        counted.last_published_on
    from counted
    inner join province on province.province_id = counted.province_id
    inner join sector on sector.sector_id = counted.sector_id
    left join sector as parent_sector
        on parent_sector.sector_id = sector.parent_sector_id
    inner join matched
        on matched.province_id = counted.province_id
        and matched.sector_id = counted.sector_id
)

select * from final;

create unique index uq_province_sector_focus_province_code_sector_slug
    on analytics.province_sector_focus (province_code, sector_slug);
create index ix_province_sector_focus_sector_slug
    on analytics.province_sector_focus (sector_slug);

comment on materialized view analytics.province_sector_focus is
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
